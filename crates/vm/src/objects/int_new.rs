//! `int(x)` and `int(x, base)`: CPython's `long_new` / `PyNumber_Long`.
//!
//! The order matters and is CPython's: an exact int is returned as is; then the
//! class's own `__int__`, then `__index__` (so a `str` subclass defining them converts
//! through them rather than being parsed); then the built-in numbers; then text
//! (`str`, bytes-like objects) is parsed. `__trunc__` is no longer consulted (3.14).

use crate::error::PyResult;
use crate::object::Payload;
use crate::objects::str::PyStr;
use crate::protocol::number::{as_float, as_int, IntRef};
use crate::value::Value;
use crate::vm::Vm;

/// `int()` with positional arguments.
pub fn construct_int(vm: &mut Vm, pos: &[Value]) -> PyResult<Value> {
    match pos {
        [] => Ok(Value::Int(0)),
        [v] => int_of(vm, v),
        [v, base] => {
            let base = vm.index_value(base)? as i64;
            match v.payload() {
                Some(Payload::Str(s)) => parse_int(vm, s, base),
                // `re._compiler` builds its charset bitmaps with int(bytes, 2).
                Some(Payload::Bytes(_) | Payload::ByteArray(_)) => parse_bytes(vm, v, base),
                _ => Err(vm.type_error("int() can't convert non-string with explicit base")),
            }
        }
        _ => Err(vm.type_error(format!(
            "int() takes at most 2 arguments ({} given)",
            pos.len()
        ))),
    }
}

/// `int(v)`: CPython's `PyNumber_Long`.
fn int_of(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if let Value::Int(_) = v {
        return Ok(v.clone());
    }
    if let Some(m) = vm.lookup_special_heap(v, "__int__") {
        let r = vm.call_method_value(&m, v, &[])?;
        return exact_int_result(vm, r, "__int__");
    }
    // int and float subclasses convert through their base's own slot, never through
    // an `__index__` they define.
    if let Some(i) = as_int(v) {
        return Ok(plain(vm, i));
    }
    if let Some(f) = as_float(v) {
        let b = adder_numeric::int_float::from_f64(f.trunc()).map_err(|e| vm.num_error(e))?;
        return Ok(vm.new_int(b));
    }
    if let Some(m) = vm.lookup_special_heap(v, "__index__") {
        let r = vm.call_method_value(&m, v, &[])?;
        return exact_int_result(vm, r, "__index__");
    }
    if let Some(Payload::Str(s)) = v.payload() {
        return parse_int(vm, s, 10);
    }
    if crate::objects::buffer::is_bytes_like(v) {
        return parse_bytes(vm, v, 10);
    }
    Err(vm.type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        vm.type_name(v)
    )))
}

/// The result of `__int__`/`__index__` as an exact int: a non-int is a TypeError, an
/// int subclass (bool included) is converted with CPython's DeprecationWarning.
fn exact_int_result(vm: &mut Vm, r: Value, method: &str) -> PyResult<Value> {
    let Some(i) = as_int(&r) else {
        return Err(vm.type_error(format!(
            "{method} returned non-int (type {})",
            vm.type_name(&r)
        )));
    };
    if matches!(r, Value::Int(_)) || std::rc::Rc::ptr_eq(&vm.type_of(&r), &vm.types().int) {
        return Ok(r);
    }
    let message = format!(
        "{method} returned non-int (type {}).  The ability to return an instance of a \
         strict subclass of int is deprecated, and may be removed in a future version of \
         Python.",
        vm.type_name(&r)
    );
    let category = vm.types().exc.deprecation_warning.clone();
    vm.warn(&category, &message, 1)?;
    Ok(plain(vm, i))
}

/// An int (or bool, or int subclass instance) as a plain `int`.
fn plain(vm: &Vm, i: IntRef<'_>) -> Value {
    match i {
        IntRef::Small(s) => Value::Int(s),
        IntRef::Big(b) => vm.new_int(b.clone()),
    }
}

/// `int(s, base)`: an error quotes `s` with its lone surrogates.
fn parse_int(vm: &mut Vm, s: &PyStr, base: i64) -> PyResult<Value> {
    let text = s.as_str();
    // The common `int(s)`: a short run of ASCII decimal digits (no sign, spaces or
    // underscores), computed directly; 18 digits always fit in an i64.
    if base == 10 && (1..=18).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit()) {
        let n = text.bytes().fold(0i64, |n, b| n * 10 + i64::from(b - b'0'));
        return Ok(Value::Int(n));
    }
    let limit = vm.interp.int_max_str_digits.get();
    let repr = || crate::objects::str_exact::repr(s);
    match adder_numeric::int_parse::parse_int_str(text, base, limit, repr) {
        Ok(b) => Ok(vm.new_int(b)),
        Err(e) => Err(vm.num_error(e)),
    }
}

/// `int(bytes_like, base)`: the digits are ASCII; an error shows the object's repr
/// (`b'x'`), as CPython's does.
fn parse_bytes(vm: &mut Vm, v: &Value, base: i64) -> PyResult<Value> {
    let digits = crate::objects::buffer::require_bytes_like(vm, v)?.into_owned();
    let text = String::from_utf8_lossy(&digits);
    let limit = vm.interp.int_max_str_digits.get();
    let shown = vm.repr(v)?;
    match adder_numeric::int_parse::parse_int_str(&text, base, limit, || shown) {
        Ok(b) => Ok(vm.new_int(b)),
        Err(e) => Err(vm.num_error(e)),
    }
}
