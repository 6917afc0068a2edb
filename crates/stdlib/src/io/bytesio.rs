//! `_io.BytesIO`: a binary stream over an in-memory byte buffer.

use std::cell::{Cell, RefCell};

use adder_vm::native_module::{new_native_type, NativeObject, NativeTypeSpec};
use adder_vm::object::{ObjRef, Payload, PyObject};
use adder_vm::objects::buffer::require_bytes_like;
use adder_vm::objects::bytearray::{check_resizable, ByteArrayData};
use adder_vm::objects::bytes::new_bytes;
use adder_vm::objects::function::Args;
use adder_vm::{PyResult, Value, Vm};

use super::iobase::{closed_error, copy_into, new_io_object, truncate_size, type_arg};
use crate::args::{bind, opt_int, positional, Params};
use crate::native_util::after_receiver;

/// The buffer and the position (which may lie past the end after a seek).
struct BytesIo {
    /// The bytes, held by an `_io._BytesIOBuffer` object as a bytearray holds its own:
    /// `getbuffer()` views that object, writing the bytes in place and counting as an
    /// export, during which the stream may not resize them.
    buffer: ObjRef,
    pos: Cell<usize>,
    closed: Cell<bool>,
}

impl NativeObject for BytesIo {}

impl BytesIo {
    /// The bytes and their exports.
    fn buffer(&self, vm: &Vm) -> PyResult<&ByteArrayData> {
        match &self.buffer.payload {
            Payload::ByteArray(b) => Ok(b),
            _ => Err(vm.system_error("BytesIO buffer holds no bytes")),
        }
    }

    fn data(&self, vm: &Vm) -> PyResult<&RefCell<Vec<u8>>> {
        Ok(&self.buffer(vm)?.bytes)
    }

    /// BufferError while `getbuffer()` views are alive.
    fn check_resizable(&self, vm: &Vm) -> PyResult<()> {
        check_resizable(vm, self.buffer(vm)?)
    }
}

fn this<'a>(vm: &Vm, args: &'a Args, method: &str) -> PyResult<&'a BytesIo> {
    let state = vm.native_self::<BytesIo>(args, method, "_io.BytesIO")?;
    if state.closed.get() {
        return Err(closed_error(vm));
    }
    Ok(state)
}

fn bytesio_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = type_arg(vm, &args, "BytesIO", true)?;
    let buffer_type = super::io_state(vm)?.bytesio_buffer.clone();
    let buffer = std::rc::Rc::new(PyObject::new(
        buffer_type,
        Payload::ByteArray(ByteArrayData::new(Vec::new())),
    ));
    let state = BytesIo {
        buffer,
        pos: Cell::new(0),
        closed: Cell::new(false),
    };
    Ok(new_io_object(vm, &cls, state))
}

/// `BytesIO(initial_bytes=b'')`.
fn bytesio_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let rest = after_receiver(&args);
    let a = bind(
        vm,
        &rest,
        &Params {
            func: "BytesIO",
            names: &["initial_bytes"],
            required: 0,
            positional: 1,
        },
    )?;
    let state = vm.native_self::<BytesIo>(&args, "__init__", "_io.BytesIO")?;
    state.check_resizable(vm)?;
    let initial = match &a[0] {
        None | Some(Value::None) => Vec::new(),
        Some(v) => require_bytes_like(vm, v)?.into_owned(),
    };
    *state.data(vm)?.borrow_mut() = initial;
    state.pos.set(0);
    Ok(Value::None)
}

/// Take up to `n` bytes (all when negative) from the position.
fn take(vm: &Vm, state: &BytesIo, n: i64) -> PyResult<Vec<u8>> {
    let data = state.data(vm)?.borrow();
    let start = state.pos.get().min(data.len());
    let end = if n < 0 {
        data.len()
    } else {
        start.saturating_add(n as usize).min(data.len())
    };
    state.pos.set(end.max(state.pos.get()));
    Ok(data[start..end].to_vec())
}

fn bytesio_read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = this(vm, &args, "read")?;
    let pos = positional(vm, &args, "read", 1, 2)?;
    let n = opt_int(vm, pos.get(1), -1)?;
    let taken = take(vm, state, n)?;
    Ok(new_bytes(vm, taken))
}

fn bytesio_readline(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = this(vm, &args, "readline")?;
    let pos = positional(vm, &args, "readline", 1, 2)?;
    let limit = opt_int(vm, pos.get(1), -1)?;
    let n = {
        let data = state.data(vm)?.borrow();
        let start = state.pos.get().min(data.len());
        let rest = &data[start..];
        let to_newline = rest
            .iter()
            .position(|&b| b == b'\n')
            .map_or(rest.len(), |i| i + 1);
        if limit >= 0 {
            to_newline.min(limit as usize)
        } else {
            to_newline
        }
    };
    let taken = take(vm, state, n as i64)?;
    Ok(new_bytes(vm, taken))
}

fn bytesio_readinto(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = this(vm, &args, "readinto")?;
    let [_, target] = positional(vm, &args, "readinto", 2, 2)? else {
        return Err(vm.type_error("readinto expected 1 argument"));
    };
    let n = vm.len(target)?;
    let data = take(vm, state, n as i64)?;
    copy_into(vm, target, &data)
}

fn bytesio_write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = this(vm, &args, "write")?;
    let [_, v] = positional(vm, &args, "write", 2, 2)? else {
        return Err(vm.type_error("write expected 1 argument"));
    };
    state.check_resizable(vm)?;
    let bytes = require_bytes_like(vm, v)?;
    if bytes.is_empty() {
        return Ok(Value::Int(0));
    }
    let mut data = state.data(vm)?.borrow_mut();
    let start = state.pos.get();
    // The position may be anywhere up to PY_SSIZE_T_MAX after a seek: the new end
    // must fit a Py_ssize_t and be allocatable (CPython's errors), never abort.
    let end = start
        .checked_add(bytes.len())
        .filter(|&e| e <= isize::MAX as usize)
        .ok_or_else(|| vm.overflow_error("new buffer size too large"))?;
    if data.len() < end {
        let more = end - data.len();
        // Amortised growth (not `_exact`): many small writes must stay linear.
        if data.try_reserve(more).is_err() {
            return Err(crate::native_util::memory_error(vm));
        }
        data.resize(end, 0);
    }
    data[start..end].copy_from_slice(&bytes);
    state.pos.set(end);
    Ok(Value::Int(bytes.len() as i64))
}

fn bytesio_getvalue(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = this(vm, &args, "getvalue")?.data(vm)?.borrow().clone();
    Ok(new_bytes(vm, data))
}

/// `getbuffer()`: a read-write memoryview of the stream's bytes, whose `obj` is the
/// `_io._BytesIOBuffer` holding them.
fn bytesio_getbuffer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = this(vm, &args, "getbuffer")?;
    adder_vm::objects::memoryview::view_of(vm, &Value::Obj(state.buffer.clone()))
}

fn bytesio_seek(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = this(vm, &args, "seek")?;
    let pos = positional(vm, &args, "seek", 2, 3)?;
    // Argument Clinic's `Py_ssize_t` conversion, with its message.
    let offset = crate::number_args::to_ssize(vm, &pos[1])?;
    let whence = opt_int(vm, pos.get(2), 0)?;
    let base = match whence {
        0 if offset < 0 => {
            return Err(vm.value_error(format!("negative seek value {offset}")));
        }
        0 => 0,
        1 => state.pos.get() as i64,
        2 => state.data(vm)?.borrow().len() as i64,
        _ => return Err(vm.value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)"))),
    };
    // CPython's overflow check: the sum must stay a Py_ssize_t.
    let target = base
        .checked_add(offset)
        .ok_or_else(|| vm.overflow_error("new position too large"))?
        .max(0);
    state.pos.set(target as usize);
    Ok(Value::Int(target))
}

fn bytesio_tell(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(this(vm, &args, "tell")?.pos.get() as i64))
}

fn bytesio_truncate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = this(vm, &args, "truncate")?;
    state.check_resizable(vm)?;
    let size = truncate_size(vm, &args, state.pos.get(), "negative size value")?;
    state.data(vm)?.borrow_mut().truncate(size);
    Ok(Value::Int(size as i64))
}

fn bytesio_true(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args, "readable")?;
    Ok(Value::Bool(true))
}

fn bytesio_flush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args, "flush")?;
    Ok(Value::None)
}

fn bytesio_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = vm.native_self::<BytesIo>(&args, "close", "_io.BytesIO")?;
    state.check_resizable(vm)?;
    state.closed.set(true);
    state.data(vm)?.borrow_mut().clear();
    Ok(Value::None)
}

fn bytesio_closed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = vm.native_self::<BytesIo>(&args, "closed", "_io.BytesIO")?;
    Ok(Value::Bool(state.closed.get()))
}

/// `_io._BytesIOBuffer`: the class of the object holding a stream's bytes, which
/// only lends them to memoryviews (no methods; not instantiable from Python).
pub fn new_buffer_type(vm: &Vm) -> ObjRef {
    new_native_type(
        vm,
        NativeTypeSpec {
            name: "_BytesIOBuffer",
            module: "_io",
            base: None,
            new: None,
            init: None,
            methods: &[],
            subclassable: false,
        },
    )
}

/// The `BytesIO` type, under `_BufferedIOBase`.
pub fn new_type(vm: &Vm, buffered_base: &ObjRef) -> ObjRef {
    let ty = new_native_type(
        vm,
        NativeTypeSpec {
            name: "BytesIO",
            module: "_io",
            base: Some(buffered_base.clone()),
            new: Some(bytesio_new),
            init: Some(bytesio_init),
            methods: &[
                ("read", bytesio_read),
                ("read1", bytesio_read),
                ("readline", bytesio_readline),
                ("readinto", bytesio_readinto),
                ("write", bytesio_write),
                ("getvalue", bytesio_getvalue),
                ("getbuffer", bytesio_getbuffer),
                ("seek", bytesio_seek),
                ("tell", bytesio_tell),
                ("truncate", bytesio_truncate),
                ("readable", bytesio_true),
                ("writable", bytesio_true),
                ("seekable", bytesio_true),
                ("flush", bytesio_flush),
                ("close", bytesio_close),
            ],
            subclassable: true,
        },
    );
    crate::native_util::add_getters(vm, &ty, &[("closed", bytesio_closed)]);
    ty
}
