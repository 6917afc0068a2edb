//! `_io.TextIOWrapper`: text over a buffered byte stream, with an encoding, an error
//! handler, newline translation and line buffering.
//!
//! The codecs adder has (UTF-8, ASCII, Latin-1) all encode `\n` and `\r` as those
//! single bytes, so lines are found in the undecoded bytes, and `tell()` is the byte
//! position (what CPython returns when the decoder holds no state) without decoder
//! snapshots.

use std::cell::{Cell, RefCell};

use adder_vm::native_module::{new_native_type, NativeObject, NativeTypeSpec};
use adder_vm::object::{ObjRef, Payload};
use adder_vm::objects::bytes::new_bytes;
use adder_vm::objects::codecs::{self, Codec};
use adder_vm::objects::function::{Args, NativeFn};
use adder_vm::objects::str::PyStr;
use adder_vm::objects::str_stand_in::map_text;
use adder_vm::{PyResult, Value, Vm};

use super::iobase::{closed_error, new_io_object, type_arg, unsupported};
use super::newline::{
    find_line_end, translate_input, translate_output, LineEnd, Newline, SeenNewlines,
};
use crate::args::{bind, bool_arg, bytes_arg, call_method, int_arg, opt_int, positional, Params};
use crate::native_util::{after_receiver, stop_iteration};

/// How many bytes one read from the buffer asks for.
const CHUNK_SIZE: i64 = 8192;

/// The state of a text stream.
struct TextIo {
    /// The byte stream; `None` before `__init__` and after `detach()`.
    buffer: RefCell<Value>,
    encoding: RefCell<String>,
    codec: Cell<Codec>,
    errors: RefCell<String>,
    newline: Cell<Newline>,
    line_buffering: Cell<bool>,
    write_through: Cell<bool>,
    /// Bytes read from the buffer and not yet returned as text.
    pending: RefCell<Vec<u8>>,
    /// Whether the buffer has reported end of file since the last seek.
    eof: Cell<bool>,
    seen: Cell<SeenNewlines>,
}

impl NativeObject for TextIo {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.buffer.borrow());
    }
}

fn this<'a>(vm: &Vm, args: &'a Args, method: &str) -> PyResult<(&'a TextIo, Value)> {
    let state = vm.native_self::<TextIo>(args, method, "_io.TextIOWrapper")?;
    let buffer = state.buffer.borrow().clone();
    if buffer.is_none() {
        return Err(vm.value_error("underlying buffer has been detached"));
    }
    Ok((state, buffer))
}

/// `this`, refusing a closed stream.
fn this_open<'a>(vm: &mut Vm, args: &'a Args, method: &str) -> PyResult<(&'a TextIo, Value)> {
    let (state, buffer) = this(vm, args, method)?;
    let closed = vm.get_attr_str(&buffer, "closed")?;
    if vm.is_true(&closed)? {
        return Err(closed_error(vm));
    }
    Ok((state, buffer))
}

fn textio_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = type_arg(vm, &args, "TextIOWrapper", false)?;
    let state = TextIo {
        buffer: RefCell::new(Value::None),
        encoding: RefCell::new(String::new()),
        codec: Cell::new(Codec::Utf8),
        errors: RefCell::new("strict".into()),
        newline: Cell::new(Newline::Universal),
        line_buffering: Cell::new(false),
        write_through: Cell::new(false),
        pending: RefCell::new(Vec::new()),
        eof: Cell::new(false),
        seen: Cell::new(SeenNewlines::default()),
    };
    Ok(new_io_object(vm, &cls, state))
}

/// An optional str argument (`encoding`, `errors`), with CPython's message otherwise.
pub fn opt_str(vm: &Vm, v: Option<&Value>, func: &str, arg: &str) -> PyResult<Option<String>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => match v.payload() {
            Some(Payload::Str(s)) => Ok(Some(s.as_str().to_string())),
            _ => Err(vm.type_error(format!(
                "{func}() argument '{arg}' must be str or None, not {}",
                vm.type_name(v)
            ))),
        },
    }
}

/// Set the encoding (None and "locale" mean the locale's, UTF-8 here).
fn set_encoding(vm: &Vm, state: &TextIo, encoding: Option<String>) -> PyResult<()> {
    let encoding = match encoding.as_deref() {
        None | Some("locale") => "UTF-8".to_string(),
        Some(other) => other.to_string(),
    };
    state.codec.set(codecs::lookup(vm, &encoding)?);
    *state.encoding.borrow_mut() = encoding;
    Ok(())
}

/// `TextIOWrapper(buffer, encoding=None, errors=None, newline=None,
/// line_buffering=False, write_through=False)`.
fn textio_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let rest = after_receiver(&args);
    let a = bind(
        vm,
        &rest,
        &Params {
            func: "TextIOWrapper",
            names: &[
                "buffer",
                "encoding",
                "errors",
                "newline",
                "line_buffering",
                "write_through",
            ],
            required: 1,
            positional: 6,
        },
    )?;
    let state = vm.native_self::<TextIo>(&args, "__init__", "_io.TextIOWrapper")?;
    let encoding = opt_str(vm, a[1].as_ref(), "TextIOWrapper", "encoding")?;
    let errors = opt_str(vm, a[2].as_ref(), "TextIOWrapper", "errors")?;
    state
        .newline
        .set(Newline::parse(vm, a[3].as_ref(), Some("TextIOWrapper"))?);
    set_encoding(vm, state, encoding)?;
    *state.errors.borrow_mut() = errors.unwrap_or_else(|| "strict".into());
    state
        .line_buffering
        .set(bool_arg(vm, a[4].as_ref(), false)?);
    state.write_through.set(bool_arg(vm, a[5].as_ref(), false)?);
    *state.buffer.borrow_mut() = a[0].clone().unwrap_or(Value::None);
    state.pending.borrow_mut().clear();
    state.eof.set(false);
    Ok(Value::None)
}

/// Decode bytes with the stream's codec and error handler.
/// (Exact: `surrogateescape` and `surrogatepass` make lone surrogates.)
fn decode(vm: &mut Vm, state: &TextIo, data: &[u8]) -> PyResult<PyStr> {
    let codec = state.codec.get();
    let fast = match codec {
        Codec::Utf8 => std::str::from_utf8(data).ok().map(str::to_string),
        Codec::Ascii if data.is_ascii() => Some(String::from_utf8_lossy(data).into_owned()),
        Codec::Latin1 => Some(data.iter().map(|&b| b as char).collect()),
        Codec::Ascii => None,
    };
    if let Some(text) = fast {
        return Ok(PyStr::new(text));
    }
    let original = new_bytes(vm, data.to_vec());
    codecs::decode_str(vm, data, &original, codec, &state.errors.borrow())
}

/// Text from raw bytes: decoded, newline kinds noted, translated when asked.
fn to_text(vm: &mut Vm, state: &TextIo, data: &[u8]) -> PyResult<PyStr> {
    let text = decode(vm, state, data)?;
    let newline = state.newline.get();
    if matches!(newline, Newline::Universal | Newline::Untranslated) {
        let mut seen = state.seen.get();
        seen.note(text.as_str());
        state.seen.set(seen);
    }
    Ok(if newline.translates_input() {
        map_text(&text, translate_input)
    } else {
        text
    })
}

/// Read one chunk from the buffer into `pending`: false at end of file.
fn fill(vm: &mut Vm, state: &TextIo, buffer: &Value) -> PyResult<bool> {
    let has_read1 = vm.get_attr_str(buffer, "read1").is_ok();
    let method = if has_read1 { "read1" } else { "read" };
    let chunk = call_method(vm, buffer, method, &[Value::Int(CHUNK_SIZE)])?;
    let bytes = bytes_arg(vm, &chunk).map_err(|_| {
        vm.type_error(format!(
            "underlying {method}() should have returned a bytes-like object, not '{}'",
            vm.type_name(&chunk)
        ))
    })?;
    if bytes.is_empty() {
        state.eof.set(true);
        return Ok(false);
    }
    state.pending.borrow_mut().extend_from_slice(bytes);
    Ok(true)
}

/// Remove and return the first `n` pending bytes as text.
fn take_text(vm: &mut Vm, state: &TextIo, n: usize) -> PyResult<PyStr> {
    let taken: Vec<u8> = state.pending.borrow_mut().drain(..n).collect();
    to_text(vm, state, &taken)
}

/// How many pending bytes make `count` characters of output; whether they were all
/// there (otherwise more input is needed, unless at end of file).
fn bytes_for_chars(state: &TextIo, data: &[u8], count: usize, eof: bool) -> (usize, bool) {
    let translate = state.newline.get().translates_input();
    let utf8 = state.codec.get() == Codec::Utf8;
    let (mut i, mut chars) = (0, 0);
    while chars < count {
        let Some(&b) = data.get(i) else {
            return (i, false);
        };
        let width = if translate && b == b'\r' {
            match data.get(i + 1) {
                Some(b'\n') => 2,
                None if !eof => return (i, false),
                _ => 1,
            }
        } else if utf8 && b >= 0xC0 {
            (b.leading_ones() as usize).min(4)
        } else {
            1
        };
        if i + width > data.len() {
            return if eof { (data.len(), true) } else { (i, false) };
        }
        i += width;
        chars += 1;
    }
    (i, true)
}

/// `read(size=-1)`.
fn textio_read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (state, buffer) = this_open(vm, &args, "read")?;
    let pos = positional(vm, &args, "read", 1, 2)?;
    let size = opt_int(vm, pos.get(1), -1)?;
    let readable = call_method(vm, &buffer, "readable", &[])?;
    if !vm.is_true(&readable)? {
        return Err(unsupported(vm, "not readable"));
    }
    if size < 0 {
        let rest = call_method(vm, &buffer, "read", &[])?;
        state
            .pending
            .borrow_mut()
            .extend_from_slice(bytes_arg(vm, &rest)?);
        state.eof.set(true);
        let n = state.pending.borrow().len();
        let text = take_text(vm, state, n)?;
        return Ok(vm.new_str_obj(text));
    }
    loop {
        let (n, complete) = {
            let pending = state.pending.borrow();
            bytes_for_chars(state, &pending, size as usize, state.eof.get())
        };
        if complete || state.eof.get() || !fill(vm, state, &buffer)? {
            let n = if complete {
                n
            } else {
                state.pending.borrow().len()
            };
            let text = take_text(vm, state, n)?;
            return Ok(vm.new_str_obj(text));
        }
    }
}

/// The next line, at most `limit` characters.
fn read_line(vm: &mut Vm, state: &TextIo, buffer: &Value, limit: Option<usize>) -> PyResult<PyStr> {
    loop {
        let eof = state.eof.get();
        let found = {
            let pending = state.pending.borrow();
            find_line_end(&pending, state.newline.get(), eof)
        };
        let end = match found {
            LineEnd::At(end) => Some(end),
            LineEnd::None if eof => Some(state.pending.borrow().len()),
            _ => None,
        };
        let limit_end = limit.map(|l| {
            let pending = state.pending.borrow();
            bytes_for_chars(state, &pending, l, eof)
        });
        match (end, limit_end) {
            (_, Some((n, true))) if end.is_none_or(|e| n < e) => return take_text(vm, state, n),
            (Some(e), _) => return take_text(vm, state, e),
            _ => {
                fill(vm, state, buffer)?;
            }
        }
    }
}

/// `readline(size=-1)`.
fn textio_readline(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (state, buffer) = this_open(vm, &args, "readline")?;
    let pos = positional(vm, &args, "readline", 1, 2)?;
    let limit = usize::try_from(opt_int(vm, pos.get(1), -1)?).ok();
    let line = read_line(vm, state, &buffer, limit)?;
    Ok(vm.new_str_obj(line))
}

/// `__next__`: the next line, StopIteration at the end.
fn textio_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (state, buffer) = this_open(vm, &args, "__next__")?;
    let line = read_line(vm, state, &buffer, None)?;
    if line.char_len() == 0 {
        return Err(stop_iteration(vm));
    }
    Ok(vm.new_str_obj(line))
}

/// `write(s)`: translate, encode and pass to the buffer; flush on a newline when line
/// buffered.
fn textio_write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (state, buffer) = this_open(vm, &args, "write")?;
    let [_, v] = positional(vm, &args, "write", 2, 2)? else {
        return Err(vm.type_error("write expected 1 argument"));
    };
    let Some(Payload::Str(s)) = v.payload() else {
        return Err(vm.type_error(format!(
            "write() argument must be str, not {}",
            vm.type_name(v)
        )));
    };
    let text = s.as_str();
    state.pending.borrow_mut().clear();
    state.eof.set(false);
    let newline = state.newline.get();
    let codec = state.codec.get();
    let data = if s.has_surrogates() {
        let translated = map_text(s, |t| translate_output(t, newline).into_owned());
        codecs::encode_str(vm, &translated, v, codec, &state.errors.borrow())?
    } else {
        let translated = translate_output(text, newline);
        if codec == Codec::Utf8 {
            translated.as_bytes().to_vec()
        } else {
            codecs::encode(vm, &translated, v, codec, &state.errors.borrow())?
        }
    };
    call_method(vm, &buffer, "write", &[new_bytes(vm, data)])?;
    let has_newline = text.contains('\n') || text.contains('\r');
    if state.write_through.get() || (state.line_buffering.get() && has_newline) {
        call_method(vm, &buffer, "flush", &[])?;
    }
    Ok(Value::Int(s.char_len() as i64))
}

fn textio_flush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, buffer) = this_open(vm, &args, "flush")?;
    call_method(vm, &buffer, "flush", &[])
}

/// `close()`: flush, then close the buffer even if flushing failed.
fn textio_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, buffer) = this(vm, &args, "close")?;
    let closed = vm.get_attr_str(&buffer, "closed")?;
    if vm.is_true(&closed)? {
        return Ok(Value::None);
    }
    let flushed = call_method(vm, &buffer, "flush", &[]);
    call_method(vm, &buffer, "close", &[])?;
    flushed.map(|_| Value::None)
}

fn check_seekable(vm: &mut Vm, buffer: &Value) -> PyResult<()> {
    let seekable = call_method(vm, buffer, "seekable", &[])?;
    if !vm.is_true(&seekable)? {
        return Err(unsupported(vm, "underlying stream is not seekable"));
    }
    Ok(())
}

/// `tell()`: the byte position of the next character to read.
fn textio_tell(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (state, buffer) = this_open(vm, &args, "tell")?;
    check_seekable(vm, &buffer)?;
    call_method(vm, &buffer, "flush", &[])?;
    let pos = call_method(vm, &buffer, "tell", &[])?;
    let pos = int_arg(vm, &pos)?;
    Ok(Value::Int(pos - state.pending.borrow().len() as i64))
}

/// `seek(cookie, whence=0)`.
fn textio_seek(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (state, buffer) = this_open(vm, &args, "seek")?;
    let pos = positional(vm, &args, "seek", 2, 3)?;
    let cookie = int_arg(vm, &pos[1])?;
    let whence = opt_int(vm, pos.get(2), 0)?;
    check_seekable(vm, &buffer)?;
    let target = match whence {
        0 if cookie < 0 => return Err(vm.value_error(format!("negative seek position {cookie}"))),
        0 => Value::Int(cookie),
        1 if cookie != 0 => return Err(unsupported(vm, "can't do nonzero cur-relative seeks")),
        1 => return textio_tell(vm, args),
        2 if cookie != 0 => return Err(unsupported(vm, "can't do nonzero end-relative seeks")),
        2 => Value::Int(0),
        _ => return Err(vm.value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)"))),
    };
    call_method(vm, &buffer, "flush", &[])?;
    let result = call_method(vm, &buffer, "seek", &[target, Value::Int(whence)])?;
    state.pending.borrow_mut().clear();
    state.eof.set(false);
    Ok(result)
}

fn textio_truncate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, buffer) = this_open(vm, &args, "truncate")?;
    let pos = positional(vm, &args, "truncate", 1, 2)?;
    call_method(vm, &buffer, "flush", &[])?;
    let size = match pos.get(1) {
        None | Some(Value::None) => textio_tell(vm, Args::positional_only(&args.pos()[..1]))?,
        Some(v) => v.clone(),
    };
    call_method(vm, &buffer, "truncate", &[size])
}

fn textio_detach(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (state, buffer) = this(vm, &args, "detach")?;
    call_method(vm, &buffer, "flush", &[])?;
    *state.buffer.borrow_mut() = Value::None;
    Ok(buffer)
}

/// `reconfigure(*, encoding=None, errors=None, newline=None, line_buffering=None,
/// write_through=None)`.
fn textio_reconfigure(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (state, buffer) = this(vm, &args, "reconfigure")?;
    let rest = after_receiver(&args);
    let a = bind(
        vm,
        &rest,
        &Params {
            func: "reconfigure",
            names: &[
                "encoding",
                "errors",
                "newline",
                "line_buffering",
                "write_through",
            ],
            required: 0,
            positional: 0,
        },
    )?;
    call_method(vm, &buffer, "flush", &[])?;
    let encoding = opt_str(vm, a[0].as_ref(), "reconfigure", "encoding")?;
    let errors = opt_str(vm, a[1].as_ref(), "reconfigure", "errors")?;
    if let Some(enc) = encoding {
        set_encoding(vm, state, Some(enc))?;
        *state.errors.borrow_mut() = errors.clone().unwrap_or_else(|| "strict".into());
    }
    if let Some(err) = errors {
        *state.errors.borrow_mut() = err;
    }
    if a[2].is_some() {
        state
            .newline
            .set(Newline::parse(vm, a[2].as_ref(), Some("reconfigure"))?);
    }
    if let Some(v) = a[3].as_ref().filter(|v| !v.is_none()) {
        state.line_buffering.set(vm.is_true(v)?);
    }
    if let Some(v) = a[4].as_ref().filter(|v| !v.is_none()) {
        state.write_through.set(vm.is_true(v)?);
    }
    Ok(Value::None)
}

/// A method answered by the buffer's method of the same name.
macro_rules! delegate {
    ($($fn_name:ident => $method:literal),* $(,)?) => {
        $(
            fn $fn_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
                let (_, buffer) = this(vm, &args, $method)?;
                call_method(vm, &buffer, $method, &[])
            }
        )*
    };
}

delegate! {
    textio_fileno => "fileno",
    textio_isatty => "isatty",
    textio_readable => "readable",
    textio_writable => "writable",
    textio_seekable => "seekable",
}

fn textio_closed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, buffer) = this(vm, &args, "closed")?;
    vm.get_attr_str(&buffer, "closed")
}

fn textio_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, buffer) = this(vm, &args, "name")?;
    vm.get_attr_str(&buffer, "name")
}

fn textio_buffer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = vm.native_self::<TextIo>(&args, "buffer", "_io.TextIOWrapper")?;
    Ok(state.buffer.borrow().clone())
}

fn textio_encoding(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = vm.native_self::<TextIo>(&args, "encoding", "_io.TextIOWrapper")?;
    let encoding = state.encoding.borrow().clone();
    Ok(vm.new_str(&encoding))
}

fn textio_errors(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = vm.native_self::<TextIo>(&args, "errors", "_io.TextIOWrapper")?;
    let errors = state.errors.borrow().clone();
    Ok(vm.new_str(&errors))
}

fn textio_newlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = vm.native_self::<TextIo>(&args, "newlines", "_io.TextIOWrapper")?;
    Ok(match state.newline.get() {
        Newline::Universal | Newline::Untranslated => state.seen.get().value(vm),
        _ => Value::None,
    })
}

fn textio_line_buffering(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = vm.native_self::<TextIo>(&args, "line_buffering", "_io.TextIOWrapper")?;
    Ok(Value::Bool(state.line_buffering.get()))
}

fn textio_write_through(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = vm.native_self::<TextIo>(&args, "write_through", "_io.TextIOWrapper")?;
    Ok(Value::Bool(state.write_through.get()))
}

/// `<_io.TextIOWrapper name='x' mode='r' encoding='UTF-8'>`.
fn textio_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = vm.native_self::<TextIo>(&args, "__repr__", "_io.TextIOWrapper")?;
    let receiver = args.pos()[0].clone();
    let class = super::class_display_name(vm, &receiver);
    let mut text = format!("<{class}");
    if let Some(name) = super::name_repr_part(vm, &receiver)? {
        text.push_str(&format!(" name={name}"));
    }
    if let Some(mode) = receiver
        .as_obj()
        .and_then(|o| o.dict_obj())
        .and_then(|d| adder_vm::objects::dict::get_str(&d, "mode"))
    {
        text.push_str(&format!(" mode={}", vm.repr(&mode)?));
    }
    let encoding = vm.new_str(&state.encoding.borrow());
    text.push_str(&format!(" encoding={}>", vm.repr(&encoding)?));
    Ok(vm.new_str(&text))
}

const METHODS: &[(&str, NativeFn)] = &[
    ("read", textio_read),
    ("readline", textio_readline),
    ("__next__", textio_next),
    ("write", textio_write),
    ("flush", textio_flush),
    ("close", textio_close),
    ("tell", textio_tell),
    ("seek", textio_seek),
    ("truncate", textio_truncate),
    ("detach", textio_detach),
    ("reconfigure", textio_reconfigure),
    ("fileno", textio_fileno),
    ("isatty", textio_isatty),
    ("readable", textio_readable),
    ("writable", textio_writable),
    ("seekable", textio_seekable),
    ("__repr__", textio_repr),
];

/// The `TextIOWrapper` type, under `_TextIOBase`.
pub fn new_type(vm: &Vm, text_base: &ObjRef) -> ObjRef {
    let ty = new_native_type(
        vm,
        NativeTypeSpec {
            name: "TextIOWrapper",
            module: "_io",
            base: Some(text_base.clone()),
            new: Some(textio_new),
            init: Some(textio_init),
            methods: METHODS,
            subclassable: true,
        },
    );
    crate::native_util::add_getters(
        vm,
        &ty,
        &[
            ("closed", textio_closed),
            ("name", textio_name),
            ("buffer", textio_buffer),
            ("encoding", textio_encoding),
            ("errors", textio_errors),
            ("newlines", textio_newlines),
            ("line_buffering", textio_line_buffering),
            ("write_through", textio_write_through),
        ],
    );
    ty
}
