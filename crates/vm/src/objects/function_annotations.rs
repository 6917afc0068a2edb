//! A function's `__annotations__` and `__annotate__` (PEP 649/749): annotations are
//! computed on first read by calling `__annotate__(1)` (`Format.VALUE`), then kept;
//! assigning `__annotations__` drops the `__annotate__` function.

use crate::error::PyResult;
use crate::object::Payload;
use crate::objects::function::Function;
use crate::value::Value;
use crate::vm::Vm;

/// `Format.VALUE`.
const FORMAT_VALUE: i64 = 1;

/// `func.__annotations__` / `func.__annotate__`; `None` for other names.
pub fn get(vm: &mut Vm, fun: &Function, name: &str) -> PyResult<Option<Value>> {
    Ok(Some(match name {
        "__annotate__" => fun.annotate.borrow().clone(),
        "__annotations__" => annotations(vm, fun)?,
        _ => return Ok(None),
    }))
}

fn annotations(vm: &mut Vm, fun: &Function) -> PyResult<Value> {
    let known = fun.annotations.borrow().clone();
    if !known.is_none() && !known.is_null() {
        return Ok(known);
    }
    let annotate = fun.annotate.borrow().clone();
    let computed = if annotate.is_none() || annotate.is_null() {
        Value::Obj(vm.new_dict())
    } else {
        let dict = vm.call(&annotate, &[Value::Int(FORMAT_VALUE)])?;
        if !matches!(dict.payload(), Some(Payload::Dict(_))) {
            return Err(vm.type_error(format!(
                "__annotate__ returned non-dict of type '{}'",
                vm.type_name(&dict)
            )));
        }
        dict
    };
    *fun.annotations.borrow_mut() = computed.clone();
    Ok(computed)
}

/// `func.__annotations__ = value` / `func.__annotate__ = value`; `Ok(false)` for
/// other names.
pub fn set(vm: &mut Vm, fun: &Function, name: &str, value: &Value) -> PyResult<bool> {
    match name {
        "__annotations__" => {
            if !value.is_none() && !matches!(value.payload(), Some(Payload::Dict(_))) {
                return Err(vm.type_error("__annotations__ must be set to a dict object"));
            }
            *fun.annotations.borrow_mut() = value.clone();
            *fun.annotate.borrow_mut() = Value::None;
        }
        "__annotate__" => {
            if !value.is_none() && !crate::objects::iterators::is_callable(vm, value) {
                return Err(vm.type_error("__annotate__ must be callable or None"));
            }
            *fun.annotate.borrow_mut() = value.clone();
            if !value.is_none() {
                *fun.annotations.borrow_mut() = Value::None;
            }
        }
        _ => return Ok(false),
    }
    Ok(true)
}
