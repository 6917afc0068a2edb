//! A class's `__annotations__` and `__annotate__` (PEP 649/749, CPython's
//! `type_get_annotations`): the class's own `__annotations__` (made by
//! `from __future__ import annotations`) or the cached result of calling its
//! `__annotate__` with `Format.VALUE`; never a base class's. Built-in types have
//! neither.

use crate::error::PyResult;
use crate::object::{ObjRef, Payload};
use crate::objects::dict;
use crate::value::Value;
use crate::vm::Vm;

const CACHE: &str = "__annotations_cache__";
const ANNOTATE_FUNC: &str = "__annotate_func__";

/// `cls.__annotations__` / `cls.__annotate__`; `None` for other names.
pub fn get(vm: &mut Vm, ty: &ObjRef, name: &str) -> PyResult<Option<Value>> {
    if !matches!(name, "__annotations__" | "__annotate__") {
        return Ok(None);
    }
    let (Some(t), Some(ns)) = (ty.as_type(), ty.dict_obj()) else {
        return Ok(None);
    };
    if !t.is_heap {
        let n = vm.new_str(name);
        return Err(vm.no_attribute(&Value::Obj(ty.clone()), &n));
    }
    if name == "__annotate__" {
        return Ok(Some(annotate(vm, &ns)));
    }
    let own = dict::get_str(&ns, "__annotations__").or_else(|| dict::get_str(&ns, CACHE));
    if let Some(found) = own {
        return Ok(Some(found));
    }
    let annotate = annotate(vm, &ns);
    let computed = if crate::objects::iterators::is_callable(vm, &annotate) {
        let result = vm.call(&annotate, &[Value::Int(1)])?;
        if !matches!(result.payload(), Some(Payload::Dict(_))) {
            return Err(vm.type_error(format!(
                "__annotate__ returned non-dict of type '{}'",
                vm.type_name(&result)
            )));
        }
        result
    } else {
        Value::Obj(vm.new_dict())
    };
    dict::set_str(vm, &ns, CACHE, computed.clone());
    Ok(Some(computed))
}

/// The class's own `__annotate__` (or the compiler's `__annotate_func__`), recording
/// `None` when it has neither.
fn annotate(vm: &Vm, ns: &ObjRef) -> Value {
    if let Some(found) =
        dict::get_str(ns, "__annotate__").or_else(|| dict::get_str(ns, ANNOTATE_FUNC))
    {
        return found;
    }
    dict::set_str(vm, ns, ANNOTATE_FUNC, Value::None);
    Value::None
}

/// `cls.__annotations__ = value` / `cls.__annotate__ = value`; `Ok(false)` for other
/// names.
pub fn set(vm: &mut Vm, ty: &ObjRef, name: &str, value: &Value) -> PyResult<bool> {
    let Some(ns) = ty.dict_obj() else {
        return Ok(false);
    };
    match name {
        "__annotations__" => {
            let key = if dict::get_str(&ns, "__annotations__").is_some() {
                "__annotations__"
            } else {
                CACHE
            };
            dict::set_str(vm, &ns, key, value.clone());
            for stale in [ANNOTATE_FUNC, "__annotate__"] {
                let k = vm.new_str(stale);
                dict::del_item(vm, &ns, &k)?;
            }
        }
        "__annotate__" => {
            if !value.is_none() && !crate::objects::iterators::is_callable(vm, value) {
                return Err(vm.type_error("__annotate__ must be callable or None"));
            }
            dict::set_str(vm, &ns, ANNOTATE_FUNC, value.clone());
            if !value.is_none() {
                let k = vm.new_str(CACHE);
                dict::del_item(vm, &ns, &k)?;
            }
        }
        _ => return Ok(false),
    }
    Ok(true)
}
