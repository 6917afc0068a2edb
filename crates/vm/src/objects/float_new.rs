//! `float(x)`: CPython's `float_new` / `PyNumber_Float`, and the rule that gives NaNs
//! an identity.
//!
//! Order (CPython's): an exact float is returned as is; then the class's own
//! `__float__`, then `__index__` (so a `str` subclass defining them converts through
//! them); then the built-in numbers; then text (`str`, bytes-like objects) is parsed.
//!
//! Floats are unboxed, and `is` compares their bits. That is sound for every value
//! except NaN: containers compare by identity first, so in CPython
//! `x = float('nan'); [x] == [x]` is True but `[float('nan')] == [float('nan')]` is
//! False. A NaN that `float()` makes is therefore a fresh heap float object (type
//! `float`, like a subclass instance's payload), whose identity is its address.

use crate::error::PyResult;
use crate::object::{Payload, PyObject};
use crate::protocol::number::{as_float, as_int};
use crate::value::Value;
use crate::vm::Vm;

/// `float()` with positional arguments.
pub fn construct_float(vm: &mut Vm, pos: &[Value]) -> PyResult<Value> {
    match pos {
        [] => Ok(Value::Float(0.0)),
        [v] => float_of(vm, v),
        _ => Err(vm.type_error(format!(
            "float expected at most 1 argument, got {}",
            pos.len()
        ))),
    }
}

/// A new float object holding `f`: unboxed, except NaN (see the module comment).
/// Every path that makes a float result goes through here, so an unboxed
/// `Value::Float` is never NaN.
#[inline(always)]
pub fn new_float(vm: &Vm, f: f64) -> Value {
    if f.is_nan() {
        boxed_nan(vm, f)
    } else {
        Value::Float(f)
    }
}

/// The heap float for a NaN result: out of line, so the common non-NaN result costs
/// only the one branch in [`new_float`].
#[cold]
#[inline(never)]
pub fn boxed_nan(vm: &Vm, f: f64) -> Value {
    Value::obj(PyObject::new(vm.types().float.clone(), Payload::Float(f)))
}

/// Whether `v` is exactly a `float` (unboxed, or a boxed NaN), not a subclass.
pub fn is_exact_float(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Float(_) => true,
        Value::Obj(o) => {
            matches!(o.payload, Payload::Float(_))
                && std::rc::Rc::ptr_eq(&vm.class_of(o), &vm.types().float)
        }
        _ => false,
    }
}

/// `float(v)`: CPython's `PyNumber_Float` (with `float_new`'s text parsing).
fn float_of(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if is_exact_float(vm, v) {
        return Ok(v.clone());
    }
    if let Some(m) = vm.lookup_special_heap(v, "__float__") {
        let r = vm.call_method_value(&m, v, &[])?;
        return exact_float_result(vm, v, r);
    }
    // int and float subclasses convert through their base's own slot, never through
    // an `__index__` they define.
    if let Some(f) = as_float(v) {
        return Ok(new_float(vm, f));
    }
    if let Some(i) = as_int(v) {
        return Ok(Value::Float(vm.int_to_f64(&i)?));
    }
    if let Some(m) = vm.lookup_special_heap(v, "__index__") {
        let r = vm.call_method_value(&m, v, &[])?;
        return match as_int(&r) {
            Some(i) => Ok(Value::Float(vm.int_to_f64(&i)?)),
            None => Err(vm.type_error(format!(
                "__index__ returned non-int (type {})",
                vm.type_name(&r)
            ))),
        };
    }
    if let Some(Payload::Str(s)) = v.payload() {
        let text = s.as_str();
        let parsed = adder_numeric::float_parse::parse_float_str(text, || {
            crate::objects::str_exact::repr(s)
        });
        return match parsed {
            Ok(f) => Ok(new_float(vm, f)),
            Err(e) => Err(vm.num_error(e)),
        };
    }
    if let Some(data) = crate::objects::buffer::bytes_like(vm, v)? {
        let data = data.into_owned();
        let shown = vm.repr(v)?;
        return match adder_numeric::float_parse::parse_float_bytes(&data, || shown) {
            Ok(f) => Ok(new_float(vm, f)),
            Err(e) => Err(vm.num_error(e)),
        };
    }
    Err(vm.type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        vm.type_name(v)
    )))
}

/// The result of `v.__float__()` as an exact float: a non-float is a TypeError, a
/// float subclass is converted with CPython's DeprecationWarning.
fn exact_float_result(vm: &mut Vm, v: &Value, r: Value) -> PyResult<Value> {
    let Some(f) = as_float(&r) else {
        return Err(vm.type_error(format!(
            "{}.__float__ returned non-float (type {})",
            vm.type_name(v),
            vm.type_name(&r)
        )));
    };
    if is_exact_float(vm, &r) {
        return Ok(r);
    }
    let message = format!(
        "{}.__float__ returned non-float (type {}).  The ability to return an instance of \
         a strict subclass of float is deprecated, and may be removed in a future version \
         of Python.",
        vm.type_name(v),
        vm.type_name(&r)
    );
    let category = vm.types().exc.deprecation_warning.clone();
    vm.warn(&category, &message, 1)?;
    Ok(new_float(vm, f))
}
