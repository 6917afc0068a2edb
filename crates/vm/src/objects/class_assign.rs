//! `obj.__class__ = cls` (CPython's `object_set_class`): allowed between classes made
//! by class statements with the same instance layout, and between module types.

use crate::error::PyResult;
use crate::object::ObjRef;
use crate::objects::type_::Layout;
use crate::value::Value;
use crate::vm::Vm;

/// Give `obj` the class `value`, or the TypeError CPython raises.
pub fn assign(vm: &mut Vm, obj: &Value, value: &Value) -> PyResult<()> {
    let new = match value {
        Value::Obj(o) if o.as_type().is_some() => o.clone(),
        other => {
            return Err(vm.type_error(format!(
                "__class__ must be set to a class, not '{}' object",
                vm.type_name(other)
            )))
        }
    };
    let old = vm.type_of(obj);
    let module_types = is_module_type(&new) && is_module_type(&old);
    let mutable_types = vm.type_is_heap(&new) && vm.type_is_heap(&old);
    if !(module_types || mutable_types) {
        return Err(vm.type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    }
    if !same_layout(&old, &new) {
        return Err(vm.type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            type_name(&new),
            type_name(&old)
        )));
    }
    if let Value::Obj(o) = obj {
        *o.class.borrow_mut() = Some(new);
    }
    Ok(())
}

fn is_module_type(ty: &ObjRef) -> bool {
    ty.as_type().is_some_and(|t| t.layout == Layout::Module)
}

/// Whether instances of the two classes store the same things the same way: the same
/// built-in payload and the same `__slots__` storage.
fn same_layout(a: &ObjRef, b: &ObjRef) -> bool {
    match (a.as_type(), b.as_type()) {
        (Some(x), Some(y)) => {
            let (sx, sy) = (x.slots.get(), y.slots.get());
            x.layout == y.layout && sx.count == sy.count && sx.has_dict == sy.has_dict
        }
        _ => false,
    }
}

fn type_name(ty: &ObjRef) -> String {
    ty.as_type()
        .map_or_else(String::new, |t| t.name().to_string())
}
