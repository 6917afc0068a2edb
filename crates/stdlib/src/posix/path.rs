//! Path arguments (CPython's `path_t`): a `str`, `bytes` or `os.PathLike`, turned into
//! a C string for the system call, remembering whether results should be `bytes`.

use std::ffi::CString;

use adder_vm::object::Payload;
use adder_vm::objects::bytes::new_bytes;
use adder_vm::objects::codecs;
use adder_vm::objects::function::Args;
use adder_vm::{PyResult, Value, Vm};

use crate::args::Params;

/// A converted path argument.
pub struct PathArg {
    /// The path as passed (for error messages: `filename` of the OSError).
    pub original: Value,
    pub c_path: CString,
    /// Whether the caller passed bytes, so that results are bytes too.
    pub is_bytes: bool,
}

impl PathArg {
    /// `text` (a file name found on disk) as the kind of value the caller passed.
    pub fn result_name(&self, vm: &Vm, raw: &[u8]) -> Value {
        name_value(vm, raw, self.is_bytes)
    }
}

/// A file name from the system as `str` (UTF-8 with `surrogateescape`) or `bytes`.
pub fn name_value(vm: &Vm, raw: &[u8], as_bytes: bool) -> Value {
    if as_bytes {
        new_bytes(vm, raw.to_vec())
    } else {
        vm.new_str_obj(codecs::fs_decode(raw))
    }
}

/// `os.fspath(path)`: str and bytes as they are, else the result of `__fspath__`.
pub fn fspath(vm: &mut Vm, path: &Value) -> PyResult<Value> {
    if matches!(path.payload(), Some(Payload::Str(_) | Payload::Bytes(_))) {
        return Ok(path.clone());
    }
    let ty = vm.type_of(path);
    let Some(method) = vm.type_lookup(&ty, "__fspath__") else {
        return Err(vm.type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            vm.type_name(path)
        )));
    };
    let result = vm.call_method_value(&method, path, &[])?;
    if matches!(result.payload(), Some(Payload::Str(_) | Payload::Bytes(_))) {
        return Ok(result);
    }
    Err(vm.type_error(format!(
        "expected {}.__fspath__() to return str or bytes, not {}",
        vm.type_name(path),
        vm.type_name(&result)
    )))
}

/// Convert the argument `arg` of `func` (for messages) into a path.
pub fn path_arg(vm: &mut Vm, func: &str, arg: &str, value: &Value) -> PyResult<PathArg> {
    let null_message = format!("{func}: embedded null character in {arg}");
    path_arg_with(vm, func, arg, value, null_message)
}

/// A path for `open()`/`FileIO`, which CPython converts with
/// `PyUnicode_FSConverter`: the same checks, but its "embedded null byte" message.
pub fn fs_converter_arg(vm: &mut Vm, func: &str, arg: &str, value: &Value) -> PyResult<PathArg> {
    path_arg_with(vm, func, arg, value, "embedded null byte".to_string())
}

fn path_arg_with(
    vm: &mut Vm,
    func: &str,
    arg: &str,
    value: &Value,
    null_message: String,
) -> PyResult<PathArg> {
    let path = match fspath(vm, value) {
        Ok(p) => p,
        Err(_) => {
            return Err(vm.type_error(format!(
                "{func}: {arg} should be string, bytes or os.PathLike, not {}",
                vm.type_name(value)
            )))
        }
    };
    let (raw, is_bytes) = match path.payload() {
        Some(Payload::Str(s)) => (codecs::fs_encode(vm, s, &path)?, false),
        Some(Payload::Bytes(b)) => (b.to_vec(), true),
        _ => return Err(vm.type_error(format!("{func}: {arg} should be string"))),
    };
    let Ok(c_path) = CString::new(raw) else {
        return Err(vm.value_error(null_message));
    };
    Ok(PathArg {
        original: value.clone(),
        c_path,
        is_bytes,
    })
}

/// Bind a `posix` function's arguments: [`crate::args::bind`], refusing the `dir_fd`
/// parameters this module does not implement (as CPython on a platform without them).
pub fn bind(vm: &Vm, args: &Args, params: &Params) -> PyResult<Vec<Option<Value>>> {
    let slots = crate::args::bind(vm, args, params)?;
    for (name, slot) in params.names.iter().zip(&slots) {
        if name.ends_with("dir_fd") && slot.as_ref().is_some_and(|v| !v.is_none()) {
            let msg = format!("{name} unavailable on this platform");
            return Err(vm.error(&vm.types().exc.not_implemented_error, msg));
        }
    }
    Ok(slots)
}
