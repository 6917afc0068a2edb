//! The abstract bases `_IOBase`, `_RawIOBase`, `_BufferedIOBase`, `_TextIOBase`: the
//! mixin methods every stream gets from them (`readline` over `read`, `readlines`,
//! `writelines`, iteration, `with`, `close`/`closed`...), written against the
//! stream's own Python-visible methods so that Python subclasses work as in CPython.

use adder_vm::object::{ObjRef, PyObject};
use adder_vm::objects::bytes::new_bytes;
use adder_vm::objects::dict;
use adder_vm::objects::function::Args;
use adder_vm::{PyErr, PyResult, Value, Vm};

use super::{io_state, PlainIo};
use crate::args::{call_method, opt_int, positional};
use crate::native_util::stop_iteration;

/// Where a Python subclass of `_IOBase` records that it is closed.
const CLOSED_FLAG: &str = "__IOBase_closed";

/// `ValueError: I/O operation on closed file.` (the base classes' wording).
pub fn closed_error(vm: &Vm) -> PyErr {
    vm.value_error("I/O operation on closed file.")
}

/// `ValueError: I/O operation on closed file` (FileIO's and StringIO's wording).
pub fn closed_file_error(vm: &Vm) -> PyErr {
    vm.value_error("I/O operation on closed file")
}

/// `io.UnsupportedOperation(msg)`.
pub fn unsupported(vm: &mut Vm, msg: &str) -> PyErr {
    match io_state(vm) {
        Ok(state) => match vm.call(&state.unsupported_operation, &[vm.new_str(msg)]) {
            Ok(exc) => match exc {
                Value::Obj(o) => PyErr(o),
                _ => vm.value_error(msg),
            },
            Err(e) => e,
        },
        Err(e) => e,
    }
}

/// The receiver of a method.
pub fn receiver<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a Value> {
    args.pos()
        .first()
        .ok_or_else(|| vm.type_error("unbound method needs an argument"))
}

/// `self.closed`, through Python attribute lookup (subclasses may override it).
pub fn is_closed(vm: &mut Vm, obj: &Value) -> PyResult<bool> {
    let closed = vm.get_attr_str(obj, "closed")?;
    vm.is_true(&closed)
}

/// Raise ValueError if `self.closed`.
pub fn check_closed(vm: &mut Vm, obj: &Value) -> PyResult<()> {
    if is_closed(vm, obj)? {
        return Err(closed_error(vm));
    }
    Ok(())
}

/// The class a native `_io` `__new__` was called with (its first argument), checked
/// as CPython's `tp_new_wrapper` checks it: a type, and a subtype of the native class
/// `name`; otherwise the object would get a class whose methods expect other state.
/// `own_new` says whether CPython's class has its own `__new__` (`_io.BytesIO`) or
/// uses `object.__new__`, which words the errors differently.
pub fn type_arg(vm: &Vm, args: &Args, name: &str, own_new: bool) -> PyResult<ObjRef> {
    let owner = if own_new {
        format!("_io.{name}")
    } else {
        "object".to_string()
    };
    let Some(first) = args.pos().first() else {
        return Err(vm.type_error(format!("{owner}.__new__(): not enough arguments")));
    };
    let Some(cls) = first.as_obj().filter(|o| o.as_type().is_some()) else {
        return Err(vm.type_error(format!(
            "{owner}.__new__(X): X is not a type object ({})",
            vm.type_name(first)
        )));
    };
    let derives = cls.as_type().is_some_and(|t| {
        t.mro
            .borrow()
            .iter()
            .any(|k| !vm.type_is_heap(k) && k.as_type().is_some_and(|k| &*k.name() == name))
    });
    if derives {
        return Ok(cls.clone());
    }
    let shown = cls.as_type().map(|t| t.name()).unwrap_or_default();
    Err(vm.type_error(if own_new {
        format!("{owner}.__new__({shown}): {shown} is not a subtype of {owner}")
    } else {
        format!("object.__new__({shown}) is not safe, use {shown}.__new__()")
    }))
}

/// The size an in-memory stream's `truncate(size=None)` cuts to: the current
/// position `pos` when no size is given. BytesIO and StringIO word the error for a
/// negative size differently (`negative` starts it), as CPython's do.
pub fn truncate_size(vm: &mut Vm, args: &Args, pos: usize, negative: &str) -> PyResult<usize> {
    let given = positional(vm, args, "truncate", 1, 2)?;
    let size = match given.get(1) {
        None | Some(Value::None) => pos as i64,
        Some(v) => crate::args::int_arg(vm, v)?,
    };
    usize::try_from(size).map_err(|_| vm.value_error(format!("{negative} {size}")))
}

/// `_IOBase.__new__` (and the other bases'): an instance with a `__dict__` whose
/// state lives in Python attributes.
pub fn base_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = type_arg(vm, &args, "_IOBase", false)?;
    Ok(new_io_object(vm, &cls, PlainIo))
}

/// A stream object of class `cls` with native state `data` and a `__dict__` (every
/// `_io` object has one, as in CPython).
pub fn new_io_object(
    vm: &Vm,
    cls: &ObjRef,
    data: impl adder_vm::native_module::NativeObject,
) -> Value {
    Value::obj(PyObject::with_dict(
        cls.clone(),
        adder_vm::object::Payload::Native(Box::new(data)),
        vm.new_dict(),
    ))
}

fn closed_flag(obj: &Value) -> bool {
    obj.as_obj()
        .and_then(|o| o.dict_obj())
        .and_then(|d| dict::get_str(&d, CLOSED_FLAG))
        .is_some_and(|v| matches!(v, Value::Bool(true)))
}

fn iobase_closed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(closed_flag(receiver(vm, &args)?)))
}

/// `close()`: flush, then mark closed (once).
fn iobase_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let obj = receiver(vm, &args)?.clone();
    if closed_flag(&obj) {
        return Ok(Value::None);
    }
    let flushed = call_method(vm, &obj, "flush", &[]);
    if let Some(d) = obj.as_obj().and_then(|o| o.dict_obj()) {
        dict::set_str(vm, &d, CLOSED_FLAG, Value::Bool(true));
    }
    flushed.map(|_| Value::None)
}

fn iobase_flush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let obj = receiver(vm, &args)?.clone();
    check_closed(vm, &obj)?;
    Ok(Value::None)
}

fn iobase_check_closed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let obj = receiver(vm, &args)?.clone();
    check_closed(vm, &obj)?;
    Ok(Value::None)
}

/// `_checkReadable`/`_checkWritable`/`_checkSeekable`.
fn check_capability(vm: &mut Vm, args: &Args, method: &str, msg: &str) -> PyResult<Value> {
    let obj = receiver(vm, args)?.clone();
    let able = call_method(vm, &obj, method, &[])?;
    if !vm.is_true(&able)? {
        return Err(unsupported(vm, msg));
    }
    Ok(Value::None)
}

fn iobase_check_readable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_capability(vm, &args, "readable", "File or stream is not readable.")
}

fn iobase_check_writable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_capability(vm, &args, "writable", "File or stream is not writable.")
}

fn iobase_check_seekable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_capability(vm, &args, "seekable", "File or stream is not seekable.")
}

fn iobase_false(vm: &mut Vm, args: Args) -> PyResult<Value> {
    receiver(vm, &args)?;
    Ok(Value::Bool(false))
}

fn iobase_isatty(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let obj = receiver(vm, &args)?.clone();
    check_closed(vm, &obj)?;
    Ok(Value::Bool(false))
}

fn iobase_seek(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(unsupported(vm, "seek"))
}

fn iobase_truncate(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(unsupported(vm, "truncate"))
}

fn iobase_fileno(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(unsupported(vm, "fileno"))
}

/// `tell()`: `self.seek(0, 1)`.
fn iobase_tell(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let obj = receiver(vm, &args)?.clone();
    call_method(vm, &obj, "seek", &[Value::Int(0), Value::Int(1)])
}

fn iobase_enter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let obj = receiver(vm, &args)?.clone();
    check_closed(vm, &obj)?;
    Ok(obj)
}

fn iobase_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let obj = receiver(vm, &args)?.clone();
    call_method(vm, &obj, "close", &[])
}

fn iobase_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let obj = receiver(vm, &args)?.clone();
    check_closed(vm, &obj)?;
    Ok(obj)
}

/// `__next__`: the next line; StopIteration at the end.
pub fn iobase_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let obj = receiver(vm, &args)?.clone();
    let line = call_method(vm, &obj, "readline", &[])?;
    if vm.len(&line)? == 0 {
        return Err(stop_iteration(vm));
    }
    Ok(line)
}

/// `readline(size=-1)` over `peek`/`read(1)`: bytes up to and including `\n`.
fn iobase_readline(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = positional(vm, &args, "readline", 1, 2)?;
    let obj = pos[0].clone();
    let limit = opt_int(vm, pos.get(1), -1)?;
    let mut line = Vec::new();
    while limit < 0 || (line.len() as i64) < limit {
        let chunk = call_method(vm, &obj, "read", &[Value::Int(1)])?;
        let bytes = crate::args::bytes_arg(vm, &chunk).map_err(|_| {
            vm.type_error(format!(
                "read() should have returned a bytes object, not '{}'",
                vm.type_name(&chunk)
            ))
        })?;
        let Some(&b) = bytes.first() else {
            break;
        };
        line.push(b);
        if b == b'\n' {
            break;
        }
    }
    Ok(new_bytes(vm, line))
}

/// `readlines(hint=-1)`: lines until their total length reaches `hint`.
fn iobase_readlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = positional(vm, &args, "readlines", 1, 2)?;
    let obj = pos[0].clone();
    let hint = opt_int(vm, pos.get(1), -1)?;
    let mut lines = Vec::new();
    let mut total = 0i64;
    let it = vm.get_iter(&obj)?;
    while let Some(line) = vm.next(&it)? {
        total += vm.len(&line)? as i64;
        lines.push(line);
        if hint > 0 && total >= hint {
            break;
        }
    }
    Ok(vm.new_list(lines))
}

/// `writelines(lines)`: `write` each.
fn iobase_writelines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [obj, lines] = positional(vm, &args, "writelines", 2, 2)? else {
        return Err(vm.type_error("writelines expected 1 argument"));
    };
    check_closed(vm, obj)?;
    let it = vm.get_iter(lines)?;
    while let Some(line) = vm.next(&it)? {
        call_method(vm, obj, "write", &[line])?;
    }
    Ok(Value::None)
}

/// `_RawIOBase.read(size=-1)`: `readall()`, or `readinto` a fresh bytearray.
fn raw_read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = positional(vm, &args, "read", 1, 2)?;
    let obj = pos[0].clone();
    let size = opt_int(vm, pos.get(1), -1)?;
    if size < 0 {
        return call_method(vm, &obj, "readall", &[]);
    }
    let bytearray = dict::get_str(&vm.interp.builtins_dict, "bytearray")
        .ok_or_else(|| vm.system_error("bytearray is missing"))?;
    let buffer = vm.call(&bytearray, &[Value::Int(size)])?;
    let n = call_method(vm, &obj, "readinto", std::slice::from_ref(&buffer))?;
    if n.is_none() {
        return Ok(Value::None);
    }
    let n = crate::args::int_arg(vm, &n)?;
    let bytes_type = Value::Obj(vm.types().bytes.clone());
    let data = vm.call(&bytes_type, &[buffer])?;
    let all = crate::args::bytes_arg(vm, &data)?;
    let end = (n.max(0) as usize).min(all.len());
    Ok(new_bytes(vm, all[..end].to_vec()))
}

/// `_RawIOBase.readall()`: `read` chunks until EOF.
fn raw_readall(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let obj = receiver(vm, &args)?.clone();
    let mut all = Vec::new();
    loop {
        let chunk = call_method(vm, &obj, "read", &[Value::Int(super::DEFAULT_BUFFER_SIZE)])?;
        if chunk.is_none() {
            if all.is_empty() {
                return Ok(Value::None);
            }
            break;
        }
        let bytes = crate::args::bytes_arg(vm, &chunk)?;
        if bytes.is_empty() {
            break;
        }
        all.extend_from_slice(bytes);
    }
    Ok(new_bytes(vm, all))
}

fn buffered_read(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(unsupported(vm, "read"))
}

fn buffered_read1(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(unsupported(vm, "read1"))
}

fn buffered_write(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(unsupported(vm, "write"))
}

fn detach(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(unsupported(vm, "detach"))
}

fn text_readline(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(unsupported(vm, "readline"))
}

fn none_getter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    receiver(vm, &args)?;
    Ok(Value::None)
}

/// `_BufferedIOBase.readinto(b)`: `read(len(b))` copied into `b`.
pub fn buffered_readinto(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [obj, target] = positional(vm, &args, "readinto", 2, 2)? else {
        return Err(vm.type_error("readinto expected 1 argument"));
    };
    let n = vm.len(target)?;
    let data = call_method(vm, obj, "read", &[Value::Int(n as i64)])?;
    let bytes = crate::args::bytes_arg(vm, &data)?.to_vec();
    copy_into(vm, target, &bytes)
}

/// `target[:len(data)] = data` for a writable buffer; the count copied.
pub fn copy_into(vm: &mut Vm, target: &Value, data: &[u8]) -> PyResult<Value> {
    let slice = vm.new_slice(Value::Int(0), Value::Int(data.len() as i64), Value::None);
    let value = new_bytes(vm, data.to_vec());
    vm.set_item(target, &slice, value)?;
    Ok(Value::Int(data.len() as i64))
}

/// The four abstract base types, in order `_IOBase`, `_RawIOBase`, `_BufferedIOBase`,
/// `_TextIOBase`.
pub fn new_base_types(vm: &Vm) -> [ObjRef; 4] {
    use adder_vm::native_module::{new_native_type, NativeTypeSpec};
    let iobase = new_native_type(
        vm,
        NativeTypeSpec {
            name: "_IOBase",
            module: "_io",
            base: None,
            new: Some(base_new),
            init: None,
            methods: &[
                ("close", iobase_close),
                ("flush", iobase_flush),
                ("_checkClosed", iobase_check_closed),
                ("_checkReadable", iobase_check_readable),
                ("_checkWritable", iobase_check_writable),
                ("_checkSeekable", iobase_check_seekable),
                ("seekable", iobase_false),
                ("readable", iobase_false),
                ("writable", iobase_false),
                ("isatty", iobase_isatty),
                ("seek", iobase_seek),
                ("tell", iobase_tell),
                ("truncate", iobase_truncate),
                ("fileno", iobase_fileno),
                ("__enter__", iobase_enter),
                ("__exit__", iobase_exit),
                ("__iter__", iobase_iter),
                ("__next__", iobase_next),
                ("readline", iobase_readline),
                ("readlines", iobase_readlines),
                ("writelines", iobase_writelines),
            ],
            subclassable: true,
        },
    );
    crate::native_util::add_getters(vm, &iobase, &[("closed", iobase_closed)]);
    let sub =
        |name: &'static str,
         methods: &'static [(&'static str, adder_vm::objects::function::NativeFn)]| {
            new_native_type(
                vm,
                NativeTypeSpec {
                    name,
                    module: "_io",
                    base: Some(iobase.clone()),
                    new: Some(base_new),
                    init: None,
                    methods,
                    subclassable: true,
                },
            )
        };
    let raw = sub(
        "_RawIOBase",
        &[("read", raw_read), ("readall", raw_readall)],
    );
    let buffered = sub(
        "_BufferedIOBase",
        &[
            ("read", buffered_read),
            ("read1", buffered_read1),
            ("write", buffered_write),
            ("detach", detach),
            ("readinto", buffered_readinto),
        ],
    );
    let text = sub(
        "_TextIOBase",
        &[
            ("read", buffered_read),
            ("readline", text_readline),
            ("write", buffered_write),
            ("detach", detach),
        ],
    );
    crate::native_util::add_getters(
        vm,
        &text,
        &[
            ("encoding", none_getter),
            ("newlines", none_getter),
            ("errors", none_getter),
        ],
    );
    [iobase, raw, buffered, text]
}
