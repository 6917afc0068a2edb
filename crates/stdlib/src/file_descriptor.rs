//! CPython's `PyObject_AsFileDescriptor`: an int, or what the object's `fileno()`
//! returns, as a non-negative C int (for `select`, `poll`, sockets).

use adder_vm::protocol::number::as_int;
use adder_vm::{PyResult, Value, Vm};

use crate::args::c_int_arg;

/// The file descriptor `v` stands for, with CPython's messages.
pub fn as_file_descriptor(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let fd = if as_int(v).is_some() {
        c_int_arg(vm, v)?
    } else {
        let Ok(method) = vm.get_attr_str(v, "fileno") else {
            return Err(vm.type_error("argument must be an int, or have a fileno() method."));
        };
        let result = vm.call(&method, &[])?;
        if as_int(&result).is_none() {
            return Err(vm.type_error("fileno() returned a non-integer"));
        }
        c_int_arg(vm, &result)?
    };
    if fd < 0 {
        return Err(vm.value_error(format!(
            "file descriptor cannot be a negative integer ({fd})"
        )));
    }
    Ok(fd)
}
