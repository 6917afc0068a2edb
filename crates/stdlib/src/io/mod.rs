//! The `_io` module (CPython's `Modules/_io`): the stream classes under `io`, and
//! `open()`, which is also the built-in `open`.
//!
//! Layers as in CPython: `FileIO` (raw, a file descriptor) under `BufferedReader` /
//! `BufferedWriter` / `BufferedRandom` under `TextIOWrapper`; `BytesIO` and `StringIO`
//! in memory; the abstract bases carry the mixin methods.

mod buffered;
mod bytesio;
mod fileio;
mod iobase;
mod newline;
mod newline_decoder;
mod rwpair;
mod stringio;
mod textio;

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use adder_vm::native_module::{add_functions, add_type, add_values, NativeObject};
use adder_vm::object::{ObjRef, Payload, PyObject};
use adder_vm::objects::dict;
use adder_vm::objects::function::{Args, NativeFn};
use adder_vm::{PyResult, Value, Vm};

use crate::args::{bind, call_method, Params};

/// `io.DEFAULT_BUFFER_SIZE` (128 KiB since 3.14).
pub const DEFAULT_BUFFER_SIZE: i64 = 128 * 1024;

/// The native state of the abstract bases' instances (Python subclasses keep
/// theirs in attributes).
pub struct PlainIo;

impl NativeObject for PlainIo {}

/// The classes `open()` builds and the exception the streams raise (module state).
pub struct IoState {
    pub fileio: ObjRef,
    pub buffered_reader: ObjRef,
    pub buffered_writer: ObjRef,
    pub buffered_random: ObjRef,
    pub text_io_wrapper: ObjRef,
    /// `_BytesIOBuffer`, the class of the objects holding `BytesIO` bytes.
    pub bytesio_buffer: ObjRef,
    pub unsupported_operation: Value,
    /// Every buffered writer made, so that [`flush_all`] can flush those still open
    /// when the interpreter finishes (CPython's finalization reaches them by
    /// destroying modules; objects in reference cycles are never dropped here).
    pub writers: RefCell<Vec<Weak<PyObject>>>,
}

impl IoState {
    /// Remember a new buffered writer (forgetting dead ones now and then).
    pub fn track_writer(&self, obj: &ObjRef) {
        let mut writers = self.writers.borrow_mut();
        if writers.len() >= 64 && writers.len().is_power_of_two() {
            writers.retain(|w| w.strong_count() > 0);
        }
        writers.push(Rc::downgrade(obj));
    }
}

/// Flush every buffered writer still open, ignoring errors (interpreter exit).
pub fn flush_all(vm: &mut Vm) {
    let Some(state) = vm.native_state::<IoState>() else {
        return;
    };
    let writers: Vec<ObjRef> = state
        .writers
        .borrow()
        .iter()
        .filter_map(Weak::upgrade)
        .collect();
    for writer in writers {
        let writer = Value::Obj(writer);
        let closed = vm
            .get_attr_str(&writer, "closed")
            .and_then(|c| vm.is_true(&c));
        if let Ok(false) = closed {
            let _ = call_method(vm, &writer, "flush", &[]);
        }
    }
}

/// The module state, importing `_io` first if nothing did yet.
pub fn io_state(vm: &mut Vm) -> PyResult<Rc<IoState>> {
    if let Some(s) = vm.native_state::<IoState>() {
        return Ok(s);
    }
    vm.import_module("_io")?;
    vm.native_state::<IoState>()
        .ok_or_else(|| vm.system_error("_io module state missing"))
}

/// `_io.FileIO` as reprs show a class: `_io.FileIO`, or a subclass's qualified name.
pub fn class_display_name(vm: &mut Vm, obj: &Value) -> String {
    let ty = vm.type_of(obj);
    let Some(t) = ty.as_type() else {
        return String::new();
    };
    let qualname = t.qualname.borrow().to_string();
    let module = ty
        .dict_obj()
        .and_then(|d| dict::get_str(&d, "__module__"))
        .and_then(|m| {
            m.as_obj()
                .and_then(|o| o.as_str().map(|s| s.as_str().to_string()))
        });
    match module {
        Some(m) if m != "builtins" => format!("{m}.{qualname}"),
        _ => qualname,
    }
}

/// `repr(obj.name)` for a stream's repr, or `None` when it has no name.
pub fn name_repr_part(vm: &mut Vm, obj: &Value) -> PyResult<Option<String>> {
    match vm.get_attr_str(obj, "name") {
        Ok(name) => Ok(Some(vm.repr(&name)?)),
        Err(e)
            if vm.is_instance(
                &Value::Obj(e.0.clone()),
                &vm.types().exc.attribute_error.clone(),
            ) =>
        {
            Ok(None)
        }
        Err(e)
            if vm.is_instance(
                &Value::Obj(e.0.clone()),
                &vm.types().exc.value_error.clone(),
            ) =>
        {
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// What `open()`'s mode string asks for.
struct OpenMode {
    text: bool,
    /// The mode for `FileIO`: the mode without `t`/`b`, plus `b`.
    raw: String,
    reading: bool,
    writing: bool,
    updating: bool,
}

fn parse_open_mode(vm: &Vm, mode: &str) -> PyResult<OpenMode> {
    let invalid = || vm.value_error(format!("invalid mode: '{mode}'"));
    let mut seen = String::new();
    for c in mode.chars() {
        if !"axrwb+t".contains(c) || seen.contains(c) {
            return Err(invalid());
        }
        seen.push(c);
    }
    let has = |c| seen.contains(c);
    let (creating, reading, writing, appending) = (has('x'), has('r'), has('w'), has('a'));
    let (text, binary, updating) = (has('t'), has('b'), has('+'));
    if text && binary {
        return Err(vm.value_error("can't have text and binary mode at once"));
    }
    if [creating, reading, writing, appending]
        .iter()
        .filter(|&&b| b)
        .count()
        > 1
    {
        return Err(vm.value_error("must have exactly one of create/read/write/append mode"));
    }
    let raw: String = seen
        .chars()
        .filter(|c| !"tb".contains(*c))
        .chain(['b'])
        .collect();
    Ok(OpenMode {
        text: !binary,
        raw,
        reading,
        writing: writing || appending || creating,
        updating,
    })
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
/// closefd=True, opener=None)`.
fn open(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind(
        vm,
        &args,
        &Params {
            func: "open",
            names: &[
                "file",
                "mode",
                "buffering",
                "encoding",
                "errors",
                "newline",
                "closefd",
                "opener",
            ],
            required: 1,
            positional: 8,
        },
    )?;
    let file = a[0].clone().unwrap_or(Value::None);
    let mode_text = match &a[1] {
        None => "r".to_string(),
        Some(v) => match v.payload() {
            Some(Payload::Str(s)) => s.as_str().to_string(),
            _ => {
                return Err(vm.type_error(format!(
                    "open() argument 'mode' must be str, not {}",
                    vm.type_name(v)
                )))
            }
        },
    };
    let mode = parse_open_mode(vm, &mode_text)?;
    // A C int in CPython: `open(f, 'rb', 2**62)` is an OverflowError.
    let buffering = i64::from(crate::args::opt_c_int(vm, a[2].as_ref(), -1)?);
    let given = |i: usize| a[i].as_ref().is_some_and(|v| !v.is_none());
    if !mode.text {
        for (i, what) in [(3, "an encoding"), (4, "an errors"), (5, "a newline")] {
            if given(i) {
                return Err(vm.value_error(format!("binary mode doesn't take {what} argument")));
            }
        }
    }
    textio::opt_str(vm, a[3].as_ref(), "open", "encoding")?;
    textio::opt_str(vm, a[4].as_ref(), "open", "errors")?;
    newline::Newline::parse(vm, a[5].as_ref(), Some("open"))?;
    if mode.text && buffering == 0 {
        return Err(vm.value_error("can't have unbuffered text I/O"));
    }
    let file = match file {
        Value::Int(_) | Value::Bool(_) => file,
        other => crate::posix::fspath(vm, &other)?,
    };
    let state = io_state(vm)?;
    let mut raw_args = vec![file, vm.new_str(&mode.raw)];
    raw_args.push(a[6].clone().unwrap_or(Value::Bool(true)));
    raw_args.push(a[7].clone().unwrap_or(Value::None));
    let raw = vm.call(&Value::Obj(state.fileio.clone()), &raw_args)?;
    let built = wrap_raw(vm, &state, raw.clone(), &mode, buffering, &a);
    if built.is_err() {
        let _ = call_method(vm, &raw, "close", &[]);
    }
    let stream = built?;
    if mode.text {
        if let Some(d) = stream.as_obj().and_then(|o| o.dict_obj()) {
            dict::set_str(vm, &d, "mode", vm.new_str(&mode_text));
        }
    }
    Ok(stream)
}

/// Put the buffer (and for text, the TextIOWrapper) over a new raw file.
fn wrap_raw(
    vm: &mut Vm,
    state: &IoState,
    raw: Value,
    mode: &OpenMode,
    buffering: i64,
    a: &[Option<Value>],
) -> PyResult<Value> {
    let isatty = call_method(vm, &raw, "isatty", &[])?;
    let line_buffering = buffering == 1 || (buffering < 0 && vm.is_true(&isatty)?);
    let size = if buffering == 1 || buffering < 0 {
        let blksize = raw
            .native::<fileio::FileIo>()
            .map_or(0, |f| f.blksize.get());
        if blksize > 1 {
            blksize.clamp(DEFAULT_BUFFER_SIZE, 8 * 1024 * 1024)
        } else {
            DEFAULT_BUFFER_SIZE
        }
    } else {
        buffering
    };
    if buffering == 0 {
        return Ok(raw);
    }
    let class = if mode.updating {
        &state.buffered_random
    } else if mode.writing {
        &state.buffered_writer
    } else if mode.reading {
        &state.buffered_reader
    } else {
        return Err(vm.value_error(format!("unknown mode: '{}'", mode.raw)));
    };
    let buffer = vm.call(&Value::Obj(class.clone()), &[raw, Value::Int(size)])?;
    if !mode.text {
        return Ok(buffer);
    }
    let arg = |i: usize| a[i].clone().unwrap_or(Value::None);
    vm.call(
        &Value::Obj(state.text_io_wrapper.clone()),
        &[buffer, arg(3), arg(4), arg(5), Value::Bool(line_buffering)],
    )
}

/// `open_code(path)`: `open(path, 'rb')`.
fn open_code(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind(
        vm,
        &args,
        &Params {
            func: "open_code",
            names: &["path"],
            required: 1,
            positional: 1,
        },
    )?;
    let path = a[0].clone().unwrap_or(Value::None);
    if !matches!(path.payload(), Some(Payload::Str(_))) {
        return Err(vm.type_error(format!(
            "open_code() argument 'path' must be str, not {}",
            vm.type_name(&path)
        )));
    }
    let mode = vm.new_str("rb");
    open(vm, Args::positional_only(&[path, mode]))
}

/// `text_encoding(encoding, stacklevel=2)`: the encoding, or `"locale"` for None.
fn text_encoding(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = crate::args::positional(vm, &args, "text_encoding", 1, 2)?;
    Ok(match &pos[0] {
        Value::None => vm.new_str("locale"),
        other => other.clone(),
    })
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("open", open),
    ("open_code", open_code),
    ("text_encoding", text_encoding),
];

/// `io.UnsupportedOperation`: both an OSError and a ValueError.
fn new_unsupported_operation(vm: &mut Vm) -> PyResult<Value> {
    let exc = &vm.types().exc;
    let bases = vm.new_tuple(vec![
        Value::Obj(exc.os_error.clone()),
        Value::Obj(exc.value_error.clone()),
    ]);
    let namespace = vm.new_dict();
    dict::set_str(vm, &namespace, "__module__", vm.new_str("io"));
    let type_type = Value::Obj(vm.types().type_.clone());
    let name = vm.new_str("UnsupportedOperation");
    vm.call(&type_type, &[name, bases, Value::Obj(namespace)])
}

/// Fill the `_io` module; make `builtins.open` its `open`.
pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    add_functions(vm, module, FUNCTIONS);
    let [iobase, raw_base, buffered_base, text_base] = iobase::new_base_types(vm);
    let fileio = fileio::new_type(vm, &raw_base);
    let [reader, writer, random] = buffered::new_types(vm, &buffered_base);
    let types = [
        &iobase,
        &raw_base,
        &buffered_base,
        &text_base,
        &fileio,
        &bytesio::new_type(vm, &buffered_base),
        &stringio::new_type(vm, &text_base),
        &reader,
        &writer,
        &random,
        &textio::new_type(vm, &text_base),
        &rwpair::new_type(vm, &buffered_base),
        &newline_decoder::new_type(vm),
    ];
    for ty in types {
        add_type(vm, module, ty);
    }
    let bytesio_buffer = bytesio::new_buffer_type(vm);
    add_type(vm, module, &bytesio_buffer);
    let text_io_wrapper = types[10].clone();
    let unsupported_operation = new_unsupported_operation(vm)?;
    add_values(
        vm,
        module,
        &[
            ("DEFAULT_BUFFER_SIZE", Value::Int(DEFAULT_BUFFER_SIZE)),
            ("UnsupportedOperation", unsupported_operation.clone()),
            (
                "BlockingIOError",
                Value::Obj(vm.types().exc.blocking_io_error.clone()),
            ),
        ],
    );
    vm.set_native_state(IoState {
        fileio,
        buffered_reader: reader,
        buffered_writer: writer,
        buffered_random: random,
        text_io_wrapper,
        bytesio_buffer,
        unsupported_operation,
        writers: RefCell::new(Vec::new()),
    });
    if let Some(open_fn) = module.dict_obj().and_then(|d| dict::get_str(&d, "open")) {
        let builtins = vm.interp.builtins_dict.clone();
        dict::set_str(vm, &builtins, "open", open_fn);
    }
    Ok(())
}
