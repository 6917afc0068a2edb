//! `int | str`: the union type (`types.UnionType`, which is `typing.Union` in 3.14;
//! CPython's `Objects/unionobject.c`). `|` between classes, `None`, aliases and unions
//! makes one, flattened and without repeats; it shows as `int | str`, compares as a set
//! of arguments, and `isinstance`/`issubclass` accept it.

use crate::error::PyResult;
use crate::native_module::NativeObject;
use crate::object::{ObjRef, Payload, PyObject};
use crate::objects::generic_alias::{repr_item, GenericAlias};
use crate::value::Value;
use crate::vm::Vm;

pub struct UnionType {
    /// The members, a tuple (`None` stored as `NoneType`).
    pub args: Value,
}

impl NativeObject for UnionType {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.args);
    }
}

pub fn install(vm: &Vm) {
    if let Some(d) = vm.types().union_type.dict_obj() {
        crate::objects::dict::set_str(vm, &d, "__module__", vm.new_str("typing"));
    }
    crate::objects::dict_methods::add_class_methods(
        vm,
        &vm.types().union_type,
        &[(
            "__class_getitem__",
            crate::objects::typevar_types::union_class_getitem,
        )],
    );
}

/// The union's members, if `v` is a union.
pub fn members(v: &Value) -> Option<&[Value]> {
    let u = v.native::<UnionType>()?;
    u.args.as_obj().and_then(|o| o.as_tuple())
}

/// Operands `|` accepts: `None`, classes, aliases, unions.
pub fn is_unionable(v: &Value) -> bool {
    v.is_none()
        || v.as_obj().is_some_and(|o| o.as_type().is_some())
        || v.native::<GenericAlias>().is_some()
        || v.native::<UnionType>().is_some()
        || crate::objects::typevar_alias::is_type_alias(v)
}

/// `a | b` for type hints; `None` (NotImplemented) when either operand is no hint.
pub fn or(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if !is_unionable(a) || !is_unionable(b) {
        return Ok(None);
    }
    union_of(vm, vec![a.clone(), b.clone()]).map(Some)
}

/// The union of `operands` (already checked to be type hints): nested unions
/// flattened, `None` as `NoneType`, repeats dropped; a single member is returned
/// as is.
pub fn union_of(vm: &mut Vm, operands: Vec<Value>) -> PyResult<Value> {
    let mut flat: Vec<Value> = Vec::new();
    for operand in &operands {
        let parts = match members(operand) {
            Some(m) => m.to_vec(),
            None => vec![operand.clone()],
        };
        for p in parts {
            let p = if p.is_none() {
                Value::Obj(vm.types().none_type.clone())
            } else {
                p
            };
            if !contains(vm, &flat, &p)? {
                flat.push(p);
            }
        }
    }
    if flat.len() == 1 {
        if let Some(only) = flat.pop() {
            return Ok(only);
        }
    }
    let args = vm.new_tuple(flat);
    Ok(Value::obj(PyObject::new(
        vm.types().union_type.clone(),
        Payload::Native(Box::new(UnionType { args })),
    )))
}

fn contains(vm: &mut Vm, items: &[Value], v: &Value) -> PyResult<bool> {
    for it in items {
        if vm.eq(it, v)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `int | str | None`.
pub fn repr(vm: &mut Vm, o: &ObjRef) -> PyResult<Option<String>> {
    let Some(args) = members(&Value::Obj(o.clone())).map(|m| m.to_vec()) else {
        return Ok(None);
    };
    let none_type = vm.types().none_type.clone();
    let mut parts = Vec::with_capacity(args.len());
    for a in &args {
        let is_none_type = a
            .as_obj()
            .is_some_and(|t| std::rc::Rc::ptr_eq(t, &none_type));
        parts.push(if is_none_type {
            "None".to_string()
        } else {
            repr_item(vm, a)?
        });
    }
    Ok(Some(parts.join(" | ")))
}

/// `__args__`, `__parameters__`, `__name__`, `__qualname__`, `__origin__`.
pub fn attribute(vm: &mut Vm, o: &ObjRef, name: &str) -> PyResult<Option<Value>> {
    let Some(u) = o.native::<UnionType>() else {
        return Ok(None);
    };
    Ok(Some(match name {
        "__args__" => u.args.clone(),
        "__name__" | "__qualname__" => vm.new_str("Union"),
        "__origin__" => Value::Obj(vm.types().union_type.clone()),
        "__parameters__" => {
            let mut found: Vec<Value> = Vec::new();
            let key = vm.new_str("__parameters__");
            for a in members(&Value::Obj(o.clone())).unwrap_or(&[]).to_vec() {
                if a.as_obj().is_some_and(|t| t.as_type().is_some()) {
                    continue;
                }
                if let Some(p) = vm.get_optional_attr(&a, &key)? {
                    for x in p
                        .as_obj()
                        .and_then(|t| t.as_tuple())
                        .unwrap_or(&[])
                        .to_vec()
                    {
                        if !found.iter().any(|f| f.is(&x)) {
                            found.push(x);
                        }
                    }
                }
            }
            vm.new_tuple(found)
        }
        _ => return Ok(None),
    }))
}

/// Unions are equal when they have the same members in any order.
pub fn equal(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<bool>> {
    let (Some(x), Some(y)) = (members(a), members(b)) else {
        return Ok(None);
    };
    let (x, y) = (x.to_vec(), y.to_vec());
    for item in &x {
        if !contains(vm, &y, item)? {
            return Ok(Some(false));
        }
    }
    for item in &y {
        if !contains(vm, &x, item)? {
            return Ok(Some(false));
        }
    }
    Ok(Some(true))
}

/// `hash(frozenset(args))`, so that equal unions hash alike.
pub fn hash(vm: &mut Vm, u: &UnionType) -> PyResult<i64> {
    let frozenset = Value::Obj(vm.types().frozenset.clone());
    let set = vm.call(&frozenset, std::slice::from_ref(&u.args))?;
    vm.hash(&set)
}
