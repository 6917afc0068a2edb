//! Number conversions for arguments of native functions, with CPython's messages:
//! `PyFloat_AsDouble` ("must be real number, not str"), `PyNumber_Index` ("'float'
//! object cannot be interpreted as an integer"), and `Py_ssize_t` conversions.

use adder_numeric::BigInt;
use adder_vm::protocol::number::{as_float, as_int, IntRef};
use adder_vm::{PyResult, Value, Vm};

/// `PyFloat_AsDouble`: floats, ints, then `__float__`, then `__index__`.
pub fn to_f64(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = as_float(v) {
        return Ok(f);
    }
    if let Some(i) = as_int(v) {
        return vm.int_to_f64(&i);
    }
    if let Some(m) = vm.lookup_special_heap(v, "__float__") {
        let r = vm.call_method_value(&m, v, &[])?;
        return match as_float(&r) {
            Some(f) => Ok(f),
            None => Err(vm.type_error(format!(
                "{}.__float__ returned non-float (type {})",
                vm.type_name(v),
                vm.type_name(&r)
            ))),
        };
    }
    if vm.lookup_special_heap(v, "__index__").is_some() {
        let i = to_index(vm, v)?;
        return vm.int_to_f64(&IntRef::Big(&i));
    }
    Err(vm.type_error(format!("must be real number, not {}", vm.type_name(v))))
}

/// `PyNumber_Index`: an int, or what `__index__` returns.
pub fn to_index(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if let Some(i) = as_int(v) {
        return Ok(i.to_big().into_owned());
    }
    let Some(m) = vm.lookup_special_heap(v, "__index__") else {
        return Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        )));
    };
    let r = vm.call_method_value(&m, v, &[])?;
    match as_int(&r) {
        Some(i) => Ok(i.to_big().into_owned()),
        None => Err(vm.type_error(format!(
            "__index__ returned non-int (type {})",
            vm.type_name(&r)
        ))),
    }
}

/// A `Py_ssize_t` argument through `__index__`; too large is CPython's OverflowError.
pub fn to_ssize(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let big = to_index(vm, v)?;
    i64::try_from(&big)
        .map_err(|_| vm.overflow_error("Python int too large to convert to C ssize_t"))
}

/// The `repr()` of a float, as CPython's `%R` of a float object in messages.
pub fn float_text(x: f64) -> String {
    adder_numeric::float_repr(x)
}
