//! `typing.Generic`, the base every `class C[T]` gets (through the `Generic[T]` that
//! `INTRINSIC_SUBSCRIPT_GENERIC` makes), and what the compiler's typing intrinsics do.
//! Subscripting and subclass set-up are `typing.py`'s (`_generic_class_getitem`,
//! `_generic_init_subclass`), as in CPython.

use crate::error::PyResult;
use crate::object::ObjRef;
use crate::objects::dict;
use crate::objects::function::Args;
use crate::objects::type_::Layout;
use crate::objects::typevar_types::{
    call_typing, call_typing_with, type_param_default, typing_types, unpack_typevartuples,
};
use crate::objects::{typevar, typevar_alias, typevar_paramspec, typevar_tuple};
use crate::value::Value;
use crate::vm::Vm;

pub fn make_type(vm: &Vm) -> ObjRef {
    let object = vm.types().object.clone();
    let ty = vm
        .types()
        .new_static_type("Generic", &object, Layout::Object, true);
    if let Some(d) = ty.dict_obj() {
        dict::set_str(vm, &d, "__module__", vm.new_str("typing"));
    }
    crate::objects::dict_methods::add_class_methods(
        vm,
        &ty,
        &[
            ("__class_getitem__", generic_class_getitem),
            ("__init_subclass__", generic_init_subclass),
        ],
    );
    ty
}

/// `Generic.__class_getitem__(cls, params)`: `typing._generic_class_getitem`.
fn generic_class_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    call_typing_with(vm, "_generic_class_getitem", args)
}

/// `Generic.__init_subclass__(cls, **kwargs)`: `typing._generic_init_subclass`, which
/// sets `__parameters__`.
fn generic_init_subclass(vm: &mut Vm, args: Args) -> PyResult<Value> {
    call_typing_with(vm, "_generic_init_subclass", args)
}

/// `CALL_INTRINSIC_1` for the typing intrinsics (`None` for other names).
pub fn intrinsic_1(vm: &mut Vm, name: &str, v: Value) -> Option<PyResult<Value>> {
    Some(match name {
        "INTRINSIC_TYPEVAR" => Ok(typevar::from_syntax(vm, v, None, None)),
        "INTRINSIC_PARAMSPEC" => Ok(typevar_paramspec::from_syntax(vm, v)),
        "INTRINSIC_TYPEVARTUPLE" => Ok(typevar_tuple::from_syntax(vm, v)),
        "INTRINSIC_SUBSCRIPT_GENERIC" => subscript_generic(vm, &v),
        "INTRINSIC_TYPEALIAS" => typevar_alias::from_syntax(vm, &v),
        _ => return None,
    })
}

/// `CALL_INTRINSIC_2` for the typing intrinsics (`None` for other names).
pub fn intrinsic_2(
    vm: &mut Vm,
    name: &str,
    first: Value,
    second: Value,
) -> Option<PyResult<Value>> {
    Some(match name {
        "INTRINSIC_TYPEVAR_WITH_BOUND" => Ok(typevar::from_syntax(vm, first, Some(second), None)),
        "INTRINSIC_TYPEVAR_WITH_CONSTRAINTS" => {
            Ok(typevar::from_syntax(vm, first, None, Some(second)))
        }
        "INTRINSIC_SET_FUNCTION_TYPE_PARAMS" => set_function_type_params(vm, first, second),
        "INTRINSIC_SET_TYPEPARAM_DEFAULT" => set_typeparam_default(vm, first, second),
        _ => return None,
    })
}

/// `Generic[*params]` for `class C[...]`'s implicit base: `typing._GenericAlias`, with
/// each `TypeVarTuple` unpacked.
fn subscript_generic(vm: &mut Vm, params: &Value) -> PyResult<Value> {
    let params = unpack_typevartuples(vm, params)?;
    let generic = Value::Obj(typing_types(vm).generic.clone());
    call_typing(vm, "_GenericAlias", &[generic, params])
}

/// `func.__type_params__ = params`, giving back `func`.
fn set_function_type_params(vm: &mut Vm, func: Value, params: Value) -> PyResult<Value> {
    let key = vm.new_str("__type_params__");
    vm.set_attr(&func, &key, params)?;
    Ok(func)
}

/// Give a type parameter its lazily evaluated default (`[T = int]`).
fn set_typeparam_default(vm: &mut Vm, param: Value, evaluate: Value) -> PyResult<Value> {
    let Some(lazy) = type_param_default(&param) else {
        let shown = vm.repr(&param)?;
        return Err(vm.type_error(format!("Expected a type param, got {shown}")));
    };
    lazy.set_evaluate(evaluate);
    Ok(param)
}
