//! `OSError` and its subclasses: the `errno`, `strerror`, `filename`, `filename2`
//! attributes parsed from the constructor's arguments, the errno → subclass mapping
//! (`OSError(2, ...)` is a `FileNotFoundError`), `str()` as `[Errno 2] No such file or
//! directory: 'x'`, and [`Vm::new_os_error`] for native code reporting a failed system
//! call (CPython's `PyErr_SetFromErrnoWithFilenameObjects`).

use crate::error::{PyErr, PyResult};
use crate::object::ObjRef;
use crate::objects::dict;
use crate::types::ExceptionTypes;
use crate::value::Value;
use crate::vm::Vm;

/// The subclass `OSError(errno, ...)` becomes (CPython's `errnomap`, Linux numbers).
fn subclass_for_errno(exc: &ExceptionTypes, errno: i64) -> Option<&ObjRef> {
    Some(match errno {
        11 | 114 | 115 => &exc.blocking_io_error, // EAGAIN/EWOULDBLOCK, EALREADY, EINPROGRESS
        10 => &exc.child_process_error,           // ECHILD
        32 | 108 => &exc.broken_pipe_error,       // EPIPE, ESHUTDOWN
        103 => &exc.connection_aborted_error,     // ECONNABORTED
        111 => &exc.connection_refused_error,     // ECONNREFUSED
        104 => &exc.connection_reset_error,       // ECONNRESET
        17 => &exc.file_exists_error,             // EEXIST
        2 => &exc.file_not_found_error,           // ENOENT
        21 => &exc.is_a_directory_error,          // EISDIR
        20 => &exc.not_a_directory_error,         // ENOTDIR
        4 => &exc.interrupted_error,              // EINTR
        1 | 13 => &exc.permission_error,          // EPERM, EACCES
        3 => &exc.process_lookup_error,           // ESRCH
        110 => &exc.timeout_error,                // ETIMEDOUT
        _ => return None,
    })
}

/// The class an `OSError` call with `args` instantiates: a subclass chosen by errno
/// when the class called is `OSError` itself.
pub fn os_error_class(vm: &Vm, cls: &ObjRef, args: &[Value]) -> ObjRef {
    let exc = &vm.types().exc;
    if std::rc::Rc::ptr_eq(cls, &exc.os_error) && (2..=5).contains(&args.len()) {
        if let Some(Value::Int(errno)) = args.first() {
            if let Some(sub) = subclass_for_errno(exc, *errno) {
                return sub.clone();
            }
        }
    }
    cls.clone()
}

/// `cls(*args)` for `OSError` or a subclass (built-in or Python): the instance, of
/// the errno's subclass when `cls` is `OSError`, with its attributes set.
pub fn new_os_error_instance(vm: &Vm, cls: &ObjRef, args: &[Value]) -> ObjRef {
    let cls = os_error_class(vm, cls, args);
    let exc = vm.new_exception(&cls, vec![]);
    let kept = init_os_error(vm, &exc, &cls, args);
    if let Some(data) = vm.exception_data(&exc) {
        data.borrow_mut().args = vm.new_tuple(kept);
    }
    exc
}

/// Whether `cls` is `OSError` or a subclass.
pub fn is_os_error_class(vm: &Vm, cls: &ObjRef) -> bool {
    vm.is_subtype(cls, &vm.types().exc.os_error)
}

/// The `args` an OSError keeps and its named attributes, parsed from the constructor's
/// arguments `(errno, strerror[, filename[, winerror[, filename2]]])`: with a filename,
/// `args` is cut to `(errno, strerror)`; a `BlockingIOError`'s third argument is
/// `characters_written` instead.
pub fn init_os_error(vm: &Vm, exc: &ObjRef, cls: &ObjRef, args: &[Value]) -> Vec<Value> {
    let none = || Value::None;
    let mut attrs = [none(), none(), none(), none()];
    let mut kept = args.to_vec();
    if (2..=5).contains(&args.len()) {
        attrs[0] = args[0].clone();
        attrs[1] = args[1].clone();
        let filename = args.get(2).cloned().unwrap_or(Value::None);
        let blocking = vm.is_subtype(cls, &vm.types().exc.blocking_io_error);
        if blocking && matches!(filename, Value::Int(_)) {
            vm.set_exc_attr(exc, "characters_written", filename);
        } else if !filename.is_none() {
            attrs[2] = filename;
            attrs[3] = args.get(4).cloned().unwrap_or(Value::None);
            kept.truncate(2);
        }
    }
    for (name, v) in ["errno", "strerror", "filename", "filename2"]
        .into_iter()
        .zip(attrs)
    {
        vm.set_exc_attr(exc, name, v);
    }
    kept
}

/// `str(os_error)` when its attributes make one of CPython's `[Errno N] ...` forms;
/// `None` for the plain `BaseException` rendering.
pub fn os_error_str(vm: &mut Vm, exc: &ObjRef) -> PyResult<Option<String>> {
    if !vm.is_instance(&Value::Obj(exc.clone()), &vm.types().exc.os_error.clone()) {
        return Ok(None);
    }
    let Some(d) = exc.dict_obj() else {
        return Ok(None);
    };
    let get = |name| dict::get_str(&d, name).unwrap_or(Value::None);
    let (errno, strerror) = (get("errno"), get("strerror"));
    let (filename, filename2) = (get("filename"), get("filename2"));
    if !filename.is_none() {
        let head = format!("[Errno {}] {}", vm.to_str(&errno)?, vm.to_str(&strerror)?);
        let name = vm.repr(&filename)?;
        return Ok(Some(if filename2.is_none() {
            format!("{head}: {name}")
        } else {
            format!("{head}: {name} -> {}", vm.repr(&filename2)?)
        }));
    }
    let has_pair = matches!(
        exc.payload,
        crate::object::Payload::Exception(ref data)
            if data.borrow().args.as_obj().and_then(|a| a.as_tuple()).is_some_and(|t| t.len() >= 2 && t.len() <= 5)
    );
    if has_pair {
        return Ok(Some(format!(
            "[Errno {}] {}",
            vm.to_str(&errno)?,
            vm.to_str(&strerror)?
        )));
    }
    Ok(None)
}

impl Vm {
    /// The error a failed system call raises: `OSError(errno, strerror[, filename[,
    /// None, filename2]])`, as the errno's subclass.
    pub fn new_os_error(
        &self,
        errno: i32,
        strerror: &str,
        filename: Option<Value>,
        filename2: Option<Value>,
    ) -> PyErr {
        let mut args = vec![Value::Int(errno.into()), self.new_str(strerror)];
        if let Some(f) = filename {
            args.push(f);
            if let Some(f2) = filename2 {
                args.push(Value::None);
                args.push(f2);
            }
        }
        let os_error = self.types().exc.os_error.clone();
        PyErr(new_os_error_instance(self, &os_error, &args))
    }
}
