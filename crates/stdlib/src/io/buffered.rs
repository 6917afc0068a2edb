//! `_io.BufferedReader`, `BufferedWriter` and `BufferedRandom`: a byte buffer in front
//! of a raw stream. One implementation serves the three types (the state records which
//! directions it buffers). Over an exact `FileIO` the raw calls go straight to the file
//! descriptor; over any other raw stream they are Python method calls.

use std::cell::{Cell, RefCell};

use adder_vm::native_module::{new_native_type, NativeObject, NativeTypeSpec};
use adder_vm::object::ObjRef;
use adder_vm::objects::bytes::new_bytes;
use adder_vm::objects::function::{Args, NativeFn};
use adder_vm::{PyResult, Value, Vm};

use super::fileio::FileIo;
use super::iobase::{copy_into, new_io_object, type_arg, unsupported};
use super::{io_state, DEFAULT_BUFFER_SIZE};
use crate::args::{bind, bytes_arg, call_method, int_arg, opt_int, positional, Params};
use crate::native_util::after_receiver;

/// Which buffered type an object is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Reader,
    Writer,
    Random,
}

impl Kind {
    /// The `_io` class of this kind.
    fn class_name(self) -> &'static str {
        match self {
            Kind::Reader => "BufferedReader",
            Kind::Writer => "BufferedWriter",
            Kind::Random => "BufferedRandom",
        }
    }

    fn reads(self) -> bool {
        self != Kind::Writer
    }

    fn writes(self) -> bool {
        self != Kind::Reader
    }
}

/// The state of a buffered stream.
struct Buffered {
    kind: Kind,
    /// The raw stream; `None` before `__init__` and after `detach()`.
    raw: RefCell<Value>,
    buffer_size: Cell<usize>,
    /// Bytes read from the raw stream and not yet returned, from `read_pos` on.
    read_buf: RefCell<Vec<u8>>,
    read_pos: Cell<usize>,
    /// Bytes written and not yet passed to the raw stream.
    write_buf: RefCell<Vec<u8>>,
}

impl NativeObject for Buffered {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.raw.borrow());
    }
}

impl Drop for Buffered {
    /// CPython flushes a buffered writer when it is finalized; the data must reach the
    /// file even if the program never closes it. Over a `FileIO` that needs no Python.
    fn drop(&mut self) {
        let pending = std::mem::take(self.write_buf.get_mut());
        if let Some(file) = self.raw.get_mut().native::<FileIo>() {
            file.write_all_quietly(&pending);
        }
    }
}

impl Buffered {
    fn unread(&self) -> usize {
        self.read_buf.borrow().len() - self.read_pos.get()
    }

    fn clear_reads(&self) {
        self.read_buf.borrow_mut().clear();
        self.read_pos.set(0);
    }

    /// Up to `n` unread bytes, consumed.
    fn take_unread(&self, n: usize) -> Vec<u8> {
        let buf = self.read_buf.borrow();
        let start = self.read_pos.get();
        let end = start.saturating_add(n).min(buf.len());
        self.read_pos.set(end);
        buf[start..end].to_vec()
    }
}

/// The raw stream when it is an exact `FileIO` (the fast path).
fn native_file<'a>(vm: &mut Vm, raw: &'a Value) -> PyResult<Option<&'a FileIo>> {
    let fileio = io_state(vm)?.fileio.clone();
    Ok(if std::rc::Rc::ptr_eq(&vm.type_of(raw), &fileio) {
        raw.native::<FileIo>()
    } else {
        None
    })
}

fn raw_read(vm: &mut Vm, raw: &Value, n: usize) -> PyResult<Vec<u8>> {
    if let Some(file) = native_file(vm, raw)? {
        return file.read_n(vm, n);
    }
    let chunk = call_method(vm, raw, "read", &[Value::Int(n as i64)])?;
    if chunk.is_none() {
        return Ok(Vec::new());
    }
    Ok(bytes_arg(vm, &chunk)?.to_vec())
}

fn raw_readall(vm: &mut Vm, raw: &Value) -> PyResult<Vec<u8>> {
    if let Some(file) = native_file(vm, raw)? {
        return file.read_all(vm);
    }
    if vm.get_attr_str(raw, "readall").is_ok() {
        let all = call_method(vm, raw, "readall", &[])?;
        if all.is_none() {
            return Ok(Vec::new());
        }
        return Ok(bytes_arg(vm, &all)?.to_vec());
    }
    let mut all = Vec::new();
    loop {
        let chunk = raw_read(vm, raw, DEFAULT_BUFFER_SIZE as usize)?;
        if chunk.is_empty() {
            return Ok(all);
        }
        all.extend(chunk);
    }
}

fn raw_write(vm: &mut Vm, raw: &Value, data: &[u8]) -> PyResult<usize> {
    if let Some(file) = native_file(vm, raw)? {
        return file.write_some(vm, data);
    }
    let n = call_method(vm, raw, "write", &[new_bytes(vm, data.to_vec())])?;
    if n.is_none() {
        return Ok(0);
    }
    Ok(int_arg(vm, &n)?.clamp(0, data.len() as i64) as usize)
}

fn raw_seek(vm: &mut Vm, raw: &Value, pos: i64, whence: i64) -> PyResult<i64> {
    if let Some(file) = native_file(vm, raw)? {
        return file.seek(vm, pos, whence as i32);
    }
    let at = call_method(vm, raw, "seek", &[Value::Int(pos), Value::Int(whence)])?;
    int_arg(vm, &at)
}

/// The receiver's state and its raw stream (ValueError once detached).
fn this<'a>(vm: &Vm, args: &'a Args, method: &str) -> PyResult<(&'a Buffered, Value)> {
    let state = vm.native_self::<Buffered>(args, method, "_io._Buffered")?;
    let raw = state.raw.borrow().clone();
    if raw.is_none() {
        return Err(vm.value_error("raw stream has been detached"));
    }
    Ok((state, raw))
}

/// `this`, also refusing a closed stream with ValueError(`closed_msg`).
fn this_open<'a>(
    vm: &mut Vm,
    args: &'a Args,
    method: &str,
    closed_msg: &str,
) -> PyResult<(&'a Buffered, Value)> {
    let (state, raw) = this(vm, args, method)?;
    let closed = vm.get_attr_str(&raw, "closed")?;
    if vm.is_true(&closed)? {
        return Err(vm.value_error(closed_msg));
    }
    Ok((state, raw))
}

/// Pass all buffered writes to the raw stream.
fn flush_writes(vm: &mut Vm, state: &Buffered, raw: &Value) -> PyResult<()> {
    loop {
        let pending = state.write_buf.borrow().clone();
        if pending.is_empty() {
            return Ok(());
        }
        let n = raw_write(vm, raw, &pending)?;
        if n == 0 {
            return Err(vm.new_os_error(
                libc::EAGAIN,
                "write could not complete without blocking",
                None,
                None,
            ));
        }
        state.write_buf.borrow_mut().drain(..n);
    }
}

/// Give back read-ahead bytes so the raw position is the logical one.
fn rewind_reads(vm: &mut Vm, state: &Buffered, raw: &Value) -> PyResult<()> {
    let unread = state.unread();
    if unread > 0 {
        raw_seek(vm, raw, -(unread as i64), 1)?;
    }
    state.clear_reads();
    Ok(())
}

fn buffered_new(vm: &mut Vm, args: Args, kind: Kind) -> PyResult<Value> {
    let cls = type_arg(vm, &args, kind.class_name(), false)?;
    let state = Buffered {
        kind,
        raw: RefCell::new(Value::None),
        buffer_size: Cell::new(DEFAULT_BUFFER_SIZE as usize),
        read_buf: RefCell::new(Vec::new()),
        read_pos: Cell::new(0),
        write_buf: RefCell::new(Vec::new()),
    };
    Ok(new_io_object(vm, &cls, state))
}

fn reader_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    buffered_new(vm, args, Kind::Reader)
}

fn writer_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    buffered_new(vm, args, Kind::Writer)
}

fn random_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    buffered_new(vm, args, Kind::Random)
}

/// `BufferedX(raw, buffer_size=DEFAULT_BUFFER_SIZE)`.
fn buffered_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let rest = after_receiver(&args);
    let a = bind(
        vm,
        &rest,
        &Params {
            func: "BufferedReader",
            names: &["raw", "buffer_size"],
            required: 1,
            positional: 2,
        },
    )?;
    let state = vm.native_self::<Buffered>(&args, "__init__", "_io._Buffered")?;
    let raw = a[0].clone().unwrap_or(Value::None);
    let size = match a[1].as_ref() {
        None => DEFAULT_BUFFER_SIZE,
        Some(v) => crate::number_args::to_ssize(vm, v)?,
    };
    if size <= 0 {
        return Err(vm.value_error("buffer size must be strictly positive"));
    }
    for (needed, method, msg) in [
        (
            state.kind.reads(),
            "readable",
            "\"raw\" argument must be readable.",
        ),
        (
            state.kind.writes(),
            "writable",
            "\"raw\" argument must be writable.",
        ),
        (
            state.kind == Kind::Random,
            "seekable",
            "\"raw\" argument must be seekable.",
        ),
    ] {
        if needed {
            let ok = call_method(vm, &raw, method, &[])?;
            if !vm.is_true(&ok)? {
                return Err(unsupported(vm, msg));
            }
        }
    }
    *state.raw.borrow_mut() = raw;
    if state.kind.writes() {
        if let Some(obj) = args.pos().first().and_then(|v| v.as_obj()) {
            io_state(vm)?.track_writer(obj);
        }
    }
    // CPython allocates the buffer here, so an impossible size is a MemoryError at
    // construction (the reservation is released at once: no pages are touched).
    vm.check_allocation(Some(size as usize))?;
    state.buffer_size.set(size as usize);
    state.clear_reads();
    state.write_buf.borrow_mut().clear();
    Ok(Value::None)
}

fn check_readable(vm: &mut Vm, state: &Buffered) -> PyResult<()> {
    if state.kind.reads() {
        Ok(())
    } else {
        Err(unsupported(vm, "read"))
    }
}

/// `read(size=-1)`.
fn buffered_read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_readable(vm, this(vm, &args, "read")?.0)?;
    let (state, raw) = this_open(vm, &args, "read", "read of closed file")?;
    let pos = positional(vm, &args, "read", 1, 2)?;
    let size = opt_int(vm, pos.get(1), -1)?;
    if size < -1 {
        return Err(vm.value_error("read length must be non-negative or -1"));
    }
    flush_writes(vm, state, &raw)?;
    let mut out = state.take_unread(usize::try_from(size).unwrap_or(usize::MAX));
    if size < 0 {
        state.clear_reads();
        let rest = raw_readall(vm, &raw)?;
        // Nothing was buffered (the usual whole-file read): hand the raw read on as is.
        if out.is_empty() {
            return Ok(new_bytes(vm, rest));
        }
        out.extend_from_slice(&rest);
        return Ok(new_bytes(vm, out));
    }
    let wanted = size as usize;
    // CPython allocates the whole result before reading more, so a size no
    // allocation can satisfy is a MemoryError even when the stream is short.
    if wanted > out.len() && out.try_reserve_exact(wanted - out.len()).is_err() {
        return Err(crate::native_util::memory_error(vm));
    }
    while out.len() < wanted {
        let need = wanted - out.len();
        let chunk = raw_read(vm, &raw, need.max(state.buffer_size.get()))?;
        if chunk.is_empty() {
            break;
        }
        let used = need.min(chunk.len());
        out.extend_from_slice(&chunk[..used]);
        if used < chunk.len() {
            *state.read_buf.borrow_mut() = chunk[used..].to_vec();
            state.read_pos.set(0);
        }
    }
    Ok(new_bytes(vm, out))
}

/// `read1(size=-1)`: buffered bytes, or at most one raw read.
fn buffered_read1(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (state, raw) = this_open(vm, &args, "read1", "read of closed file")?;
    check_readable(vm, state)?;
    let pos = positional(vm, &args, "read1", 1, 2)?;
    let size = opt_int(vm, pos.get(1), -1)?;
    let limit = usize::try_from(size).unwrap_or(state.buffer_size.get());
    if limit == 0 {
        return Ok(new_bytes(vm, Vec::new()));
    }
    flush_writes(vm, state, &raw)?;
    if state.unread() > 0 {
        let out = state.take_unread(limit);
        return Ok(new_bytes(vm, out));
    }
    let chunk = raw_read(vm, &raw, limit)?;
    Ok(new_bytes(vm, chunk))
}

/// Refill an empty read buffer with one raw read: whether anything came.
fn fill(vm: &mut Vm, state: &Buffered, raw: &Value) -> PyResult<bool> {
    let chunk = raw_read(vm, raw, state.buffer_size.get())?;
    let got = !chunk.is_empty();
    *state.read_buf.borrow_mut() = chunk;
    state.read_pos.set(0);
    Ok(got)
}

/// `peek(size=0)`: the buffered bytes, reading once if there are none.
fn buffered_peek(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (state, raw) = this_open(vm, &args, "peek", "peek of closed file")?;
    check_readable(vm, state)?;
    flush_writes(vm, state, &raw)?;
    if state.unread() == 0 {
        fill(vm, state, &raw)?;
    }
    let unread = state.read_buf.borrow()[state.read_pos.get()..].to_vec();
    Ok(new_bytes(vm, unread))
}

/// `readline(size=-1)`.
fn buffered_readline(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (state, raw) = this_open(vm, &args, "readline", "readline of closed file")?;
    check_readable(vm, state)?;
    let pos = positional(vm, &args, "readline", 1, 2)?;
    let limit = usize::try_from(opt_int(vm, pos.get(1), -1)?).unwrap_or(usize::MAX);
    flush_writes(vm, state, &raw)?;
    let mut line = Vec::new();
    while line.len() < limit {
        if state.unread() == 0 && !fill(vm, state, &raw)? {
            break;
        }
        let newline = {
            let buf = state.read_buf.borrow();
            buf[state.read_pos.get()..].iter().position(|&b| b == b'\n')
        };
        let room = limit - line.len();
        match newline {
            Some(i) if i < room => {
                line.extend(state.take_unread(i + 1));
                break;
            }
            _ => line.extend(state.take_unread(room)),
        }
    }
    Ok(new_bytes(vm, line))
}

fn buffered_readinto(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [_, target] = positional(vm, &args, "readinto", 2, 2)? else {
        return Err(vm.type_error("readinto expected 1 argument"));
    };
    let n = vm.len(target)?;
    let receiver = args.pos()[0].clone();
    let data = call_method(vm, &receiver, "read", &[Value::Int(n as i64)])?;
    let bytes = bytes_arg(vm, &data)?.to_vec();
    copy_into(vm, target, &bytes)
}

/// `write(b)`.
fn buffered_write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !this(vm, &args, "write")?.0.kind.writes() {
        return Err(unsupported(vm, "write"));
    }
    let (state, raw) = this_open(vm, &args, "write", "write to closed file")?;
    let [_, data] = positional(vm, &args, "write", 2, 2)? else {
        return Err(vm.type_error("write expected 1 argument"));
    };
    let data = bytes_arg(vm, data)?;
    if state.unread() > 0 {
        rewind_reads(vm, state, &raw)?;
    }
    state.write_buf.borrow_mut().extend_from_slice(data);
    if state.write_buf.borrow().len() >= state.buffer_size.get() {
        flush_writes(vm, state, &raw)?;
    }
    Ok(Value::Int(data.len() as i64))
}

fn buffered_flush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (state, raw) = this_open(vm, &args, "flush", "flush of closed file")?;
    flush_writes(vm, state, &raw)?;
    if state.kind == Kind::Random {
        rewind_reads(vm, state, &raw)?;
    }
    Ok(Value::None)
}

/// `seek(pos, whence=0)`.
fn buffered_seek(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (state, raw) = this_open(vm, &args, "seek", "seek of closed file")?;
    let pos = positional(vm, &args, "seek", 2, 3)?;
    let mut target = int_arg(vm, &pos[1])?;
    let whence = opt_int(vm, pos.get(2), 0)?;
    if !(0..=2).contains(&whence) {
        return Err(vm.value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)")));
    }
    flush_writes(vm, state, &raw)?;
    if whence == 1 {
        target -= state.unread() as i64;
    }
    state.clear_reads();
    Ok(Value::Int(raw_seek(vm, &raw, target, whence)?))
}

/// `tell()`: the raw position less read-ahead, plus pending writes.
fn buffered_tell(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (state, raw) = this_open(vm, &args, "tell", "I/O operation on closed file.")?;
    let raw_pos = raw_seek(vm, &raw, 0, 1)?;
    let pos = raw_pos - state.unread() as i64 + state.write_buf.borrow().len() as i64;
    Ok(Value::Int(pos.max(0)))
}

fn buffered_truncate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (state, raw) = this_open(vm, &args, "truncate", "truncate of closed file")?;
    if !state.kind.writes() {
        return Err(unsupported(vm, "truncate"));
    }
    let pos = positional(vm, &args, "truncate", 1, 2)?;
    flush_writes(vm, state, &raw)?;
    rewind_reads(vm, state, &raw)?;
    let size = match pos.get(1) {
        None | Some(Value::None) => raw_seek(vm, &raw, 0, 1)?,
        Some(v) => int_arg(vm, v)?,
    };
    call_method(vm, &raw, "truncate", &[Value::Int(size)])
}

/// `close()`: flush, then close the raw stream even if flushing failed.
fn buffered_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (state, raw) = this(vm, &args, "close")?;
    let closed = vm.get_attr_str(&raw, "closed")?;
    if vm.is_true(&closed)? {
        return Ok(Value::None);
    }
    let flushed = flush_writes(vm, state, &raw);
    state.write_buf.borrow_mut().clear();
    state.clear_reads();
    call_method(vm, &raw, "close", &[])?;
    flushed.map(|()| Value::None)
}

fn buffered_detach(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (state, raw) = this(vm, &args, "detach")?;
    flush_writes(vm, state, &raw)?;
    *state.raw.borrow_mut() = Value::None;
    Ok(raw)
}

/// A method answered by the raw stream's method of the same name.
macro_rules! delegate {
    ($($fn_name:ident => $method:literal),* $(,)?) => {
        $(
            fn $fn_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
                let (_, raw) = this(vm, &args, $method)?;
                call_method(vm, &raw, $method, &[])
            }
        )*
    };
}

delegate! {
    buffered_fileno => "fileno",
    buffered_isatty => "isatty",
    buffered_seekable => "seekable",
    buffered_raw_readable => "readable",
    buffered_raw_writable => "writable",
}

fn buffered_readable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (state, _) = this(vm, &args, "readable")?;
    if !state.kind.reads() {
        return Ok(Value::Bool(false));
    }
    buffered_raw_readable(vm, args)
}

fn buffered_writable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (state, _) = this(vm, &args, "writable")?;
    if !state.kind.writes() {
        return Ok(Value::Bool(false));
    }
    buffered_raw_writable(vm, args)
}

/// An attribute read from the raw stream.
macro_rules! raw_attribute {
    ($($fn_name:ident => $attr:literal),* $(,)?) => {
        $(
            fn $fn_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
                let (_, raw) = this(vm, &args, $attr)?;
                vm.get_attr_str(&raw, $attr)
            }
        )*
    };
}

raw_attribute! {
    buffered_closed => "closed",
    buffered_name => "name",
    buffered_mode => "mode",
}

fn buffered_raw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = vm.native_self::<Buffered>(&args, "raw", "_io._Buffered")?;
    Ok(state.raw.borrow().clone())
}

/// `<_io.BufferedReader name='x'>`.
fn buffered_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let receiver = args.pos().first().cloned().unwrap_or(Value::None);
    let class = super::class_display_name(vm, &receiver);
    let text = match super::name_repr_part(vm, &receiver)? {
        Some(name) => format!("<{class} name={name}>"),
        None => format!("<{class}>"),
    };
    Ok(vm.new_str(&text))
}

const METHODS: &[(&str, NativeFn)] = &[
    ("read", buffered_read),
    ("read1", buffered_read1),
    ("peek", buffered_peek),
    ("readline", buffered_readline),
    ("readinto", buffered_readinto),
    ("write", buffered_write),
    ("flush", buffered_flush),
    ("seek", buffered_seek),
    ("tell", buffered_tell),
    ("truncate", buffered_truncate),
    ("close", buffered_close),
    ("detach", buffered_detach),
    ("fileno", buffered_fileno),
    ("isatty", buffered_isatty),
    ("seekable", buffered_seekable),
    ("readable", buffered_readable),
    ("writable", buffered_writable),
    ("__repr__", buffered_repr),
];

/// The three types, under `_BufferedIOBase`: reader, writer, random.
pub fn new_types(vm: &Vm, buffered_base: &ObjRef) -> [ObjRef; 3] {
    let make = |name: &'static str, new: NativeFn| {
        let ty = new_native_type(
            vm,
            NativeTypeSpec {
                name,
                module: "_io",
                base: Some(buffered_base.clone()),
                new: Some(new),
                init: Some(buffered_init),
                methods: METHODS,
                subclassable: true,
            },
        );
        crate::native_util::add_getters(
            vm,
            &ty,
            &[
                ("closed", buffered_closed),
                ("name", buffered_name),
                ("mode", buffered_mode),
                ("raw", buffered_raw),
            ],
        );
        ty
    };
    [
        make("BufferedReader", reader_new),
        make("BufferedWriter", writer_new),
        make("BufferedRandom", random_new),
    ]
}
