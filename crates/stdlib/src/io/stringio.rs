//! `_io.StringIO`: a text stream over an in-memory string, with the `newline`
//! translations of text files.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use adder_vm::native_module::{new_native_type, NativeObject, NativeTypeSpec};
use adder_vm::object::{ObjRef, Payload};
use adder_vm::objects::function::Args;
use adder_vm::objects::str::PyStr;
use adder_vm::objects::str_stand_in::map_text;
use adder_vm::{PyResult, Value, Vm};

use super::iobase::{closed_file_error, new_io_object, truncate_size, type_arg};
use super::newline::{
    find_line_end, translate_input, translate_output, LineEnd, Newline, SeenNewlines,
};
use crate::args::{bind, opt_int, positional, Params};
use crate::native_util::after_receiver;

/// The text (as code points, for O(1) positions) and the position in it.
struct StringIo {
    /// The characters, U+FFFD where the text has a lone surrogate.
    text: RefCell<Vec<char>>,
    /// The lone surrogates of the text by position (writes never move characters,
    /// so positions stay valid); empty unless surrogates were written.
    surrogates: RefCell<BTreeMap<usize, u16>>,
    pos: Cell<usize>,
    newline: Cell<Newline>,
    seen: Cell<SeenNewlines>,
    closed: Cell<bool>,
}

impl NativeObject for StringIo {}

fn this<'a>(vm: &Vm, args: &'a Args, method: &str) -> PyResult<&'a StringIo> {
    let state = vm.native_self::<StringIo>(args, method, "_io.StringIO")?;
    if state.closed.get() {
        return Err(closed_file_error(vm));
    }
    Ok(state)
}

fn stringio_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = type_arg(vm, &args, "StringIO", true)?;
    let state = StringIo {
        text: RefCell::new(Vec::new()),
        surrogates: RefCell::new(BTreeMap::new()),
        pos: Cell::new(0),
        newline: Cell::new(Newline::Lf),
        seen: Cell::new(SeenNewlines::default()),
        closed: Cell::new(false),
    };
    Ok(new_io_object(vm, &cls, state))
}

/// `StringIO(initial_value='', newline='\n')`.
fn stringio_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let rest = after_receiver(&args);
    let a = bind(
        vm,
        &rest,
        &Params {
            func: "StringIO",
            names: &["initial_value", "newline"],
            required: 0,
            positional: 2,
        },
    )?;
    let state = vm.native_self::<StringIo>(&args, "__init__", "_io.StringIO")?;
    let newline = match &a[1] {
        None => Newline::Lf,
        Some(v) => Newline::parse(vm, Some(v), None)?,
    };
    state.newline.set(newline);
    state.text.borrow_mut().clear();
    state.surrogates.borrow_mut().clear();
    state.pos.set(0);
    match &a[0] {
        None | Some(Value::None) => {}
        Some(v) => match v.payload() {
            Some(Payload::Str(s)) => {
                write_text(vm, state, s)?;
                state.pos.set(0);
            }
            _ => {
                return Err(vm.type_error(format!(
                    "initial_value must be str or None, not {}",
                    vm.type_name(v)
                )))
            }
        },
    }
    Ok(Value::None)
}

/// Write `text` at the position with the newline translation.
///
/// The position may be anywhere up to PY_SSIZE_T_MAX after a seek, so the new end
/// is checked as CPython checks it (OverflowError) and the buffer grown fallibly
/// (MemoryError) rather than overflowing or aborting.
fn write_text(vm: &Vm, state: &StringIo, s: &PyStr) -> PyResult<usize> {
    if s.char_len() == 0 {
        return Ok(0);
    }
    let newline = state.newline.get();
    if matches!(newline, Newline::Universal | Newline::Untranslated) {
        let mut seen = state.seen.get();
        seen.note(s.as_str());
        state.seen.set(seen);
    }
    let translated = map_text(s, |text| {
        if newline.translates_input() {
            translate_input(text)
        } else {
            translate_output(text, newline).into_owned()
        }
    });
    let chars: Vec<char> = translated.as_str().chars().collect();
    let mut buf = state.text.borrow_mut();
    let start = state.pos.get();
    let end = start
        .checked_add(chars.len())
        .filter(|&e| e <= isize::MAX as usize)
        .ok_or_else(|| vm.overflow_error("new position too large"))?;
    if end > buf.len() {
        if end > isize::MAX as usize / std::mem::size_of::<u32>() {
            return Err(vm.overflow_error("new buffer size too large"));
        }
        let more = end - buf.len();
        // Amortised growth (not `_exact`): many small writes must stay linear.
        if buf.try_reserve(more).is_err() {
            return Err(crate::native_util::memory_error(vm));
        }
    }
    if buf.len() < start {
        buf.resize(start, '\0');
    }
    let overlap = end.min(buf.len());
    buf.splice(start..overlap, chars);
    note_surrogates(state, start..end, &translated);
    state.pos.set(end);
    Ok(s.char_len())
}

/// Record the surrogates of `written`, which now fills `range` of the text.
fn note_surrogates(state: &StringIo, range: std::ops::Range<usize>, written: &PyStr) {
    let mut table = state.surrogates.borrow_mut();
    if table.is_empty() && !written.has_surrogates() {
        return;
    }
    table.retain(|at, _| !range.contains(at));
    for s in written.surrogates() {
        table.insert(range.start + s.index, s.unit);
    }
}

/// Take up to `n` characters (all when `None`) from the position.
fn take(vm: &Vm, state: &StringIo, n: Option<usize>) -> Value {
    let buf = state.text.borrow();
    let start = state.pos.get().min(buf.len());
    let end = n.map_or(buf.len(), |n| start.saturating_add(n).min(buf.len()));
    state.pos.set(end.max(state.pos.get()));
    text_between(vm, state, &buf, start..end)
}

/// The str of `buf[range]` with its surrogates.
fn text_between(vm: &Vm, state: &StringIo, buf: &[char], range: std::ops::Range<usize>) -> Value {
    let table = state.surrogates.borrow();
    let chars = buf.get(range.clone()).unwrap_or(&[]);
    if table.range(range.clone()).next().is_none() {
        return vm.new_str(&chars.iter().collect::<String>());
    }
    let points = chars
        .iter()
        .zip(range)
        .map(|(&c, at)| match table.get(&at) {
            Some(&unit) => unit as u32,
            None => c as u32,
        });
    vm.new_str_obj(PyStr::from_code_points(points))
}

fn stringio_read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = this(vm, &args, "read")?;
    let pos = positional(vm, &args, "read", 1, 2)?;
    let n = opt_int(vm, pos.get(1), -1)?;
    Ok(take(vm, state, usize::try_from(n).ok()))
}

fn stringio_readline(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = this(vm, &args, "readline")?;
    let pos = positional(vm, &args, "readline", 1, 2)?;
    let limit = opt_int(vm, pos.get(1), -1)?;
    let n = {
        let buf = state.text.borrow();
        let rest = &buf[state.pos.get().min(buf.len())..];
        let mode = match state.newline.get() {
            Newline::Universal => Newline::Lf,
            other => other,
        };
        let line = match find_line_end(rest, mode, true) {
            LineEnd::At(end) => end,
            LineEnd::Incomplete | LineEnd::None => rest.len(),
        };
        usize::try_from(limit).map_or(line, |l| line.min(l))
    };
    Ok(take(vm, state, Some(n)))
}

fn stringio_write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = this(vm, &args, "write")?;
    let [_, v] = positional(vm, &args, "write", 2, 2)? else {
        return Err(vm.type_error("write expected 1 argument"));
    };
    let Some(Payload::Str(s)) = v.payload() else {
        return Err(vm.type_error(format!(
            "string argument expected, got '{}'",
            vm.type_name(v)
        )));
    };
    Ok(Value::Int(write_text(vm, state, s)? as i64))
}

fn stringio_getvalue(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = this(vm, &args, "getvalue")?;
    let buf = state.text.borrow();
    Ok(text_between(vm, state, &buf, 0..buf.len()))
}

fn stringio_seek(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = this(vm, &args, "seek")?;
    let pos = positional(vm, &args, "seek", 2, 3)?;
    // Argument Clinic's `Py_ssize_t` conversion, with its message.
    let offset = crate::number_args::to_ssize(vm, &pos[1])?;
    let whence = opt_int(vm, pos.get(2), 0)?;
    let target = match whence {
        0 if offset < 0 => {
            return Err(vm.value_error(format!("Negative seek position {offset}")));
        }
        0 => offset as usize,
        1 | 2 if offset != 0 => {
            let what = if whence == 1 { "cur" } else { "end" };
            return Err(vm.error(
                &vm.types().exc.os_error.clone(),
                format!("Can't do nonzero {what}-relative seeks"),
            ));
        }
        1 => state.pos.get(),
        2 => state.text.borrow().len(),
        _ => return Err(vm.value_error(format!("Invalid whence ({whence}, should be 0, 1 or 2)"))),
    };
    state.pos.set(target);
    Ok(Value::Int(target as i64))
}

fn stringio_tell(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(this(vm, &args, "tell")?.pos.get() as i64))
}

fn stringio_truncate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = this(vm, &args, "truncate")?;
    let size = truncate_size(vm, &args, state.pos.get(), "Negative size value")?;
    state.text.borrow_mut().truncate(size);
    state.surrogates.borrow_mut().retain(|&at, _| at < size);
    Ok(Value::Int(size as i64))
}

fn stringio_true(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args, "readable")?;
    Ok(Value::Bool(true))
}

fn stringio_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = vm.native_self::<StringIo>(&args, "close", "_io.StringIO")?;
    state.closed.set(true);
    state.text.borrow_mut().clear();
    state.surrogates.borrow_mut().clear();
    Ok(Value::None)
}

fn stringio_closed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = vm.native_self::<StringIo>(&args, "closed", "_io.StringIO")?;
    Ok(Value::Bool(state.closed.get()))
}

fn stringio_line_buffering(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args, "line_buffering")?;
    Ok(Value::Bool(false))
}

fn stringio_newlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = this(vm, &args, "newlines")?;
    Ok(match state.newline.get() {
        Newline::Universal | Newline::Untranslated => state.seen.get().value(vm),
        _ => Value::None,
    })
}

/// The `StringIO` type, under `_TextIOBase`.
pub fn new_type(vm: &Vm, text_base: &ObjRef) -> ObjRef {
    let ty = new_native_type(
        vm,
        NativeTypeSpec {
            name: "StringIO",
            module: "_io",
            base: Some(text_base.clone()),
            new: Some(stringio_new),
            init: Some(stringio_init),
            methods: &[
                ("read", stringio_read),
                ("readline", stringio_readline),
                ("write", stringio_write),
                ("getvalue", stringio_getvalue),
                ("seek", stringio_seek),
                ("tell", stringio_tell),
                ("truncate", stringio_truncate),
                ("readable", stringio_true),
                ("writable", stringio_true),
                ("seekable", stringio_true),
                ("close", stringio_close),
            ],
            subclassable: true,
        },
    );
    crate::native_util::add_getters(
        vm,
        &ty,
        &[
            ("closed", stringio_closed),
            ("line_buffering", stringio_line_buffering),
            ("newlines", stringio_newlines),
        ],
    );
    ty
}
