//! `C.__bases__ = (...)` (CPython's `type_set_bases`): new bases for a class made by a
//! class statement, with the MROs of the class and of its subclasses computed again.
//! `typing.NamedTuple` and `enum` do this while building classes.

use std::rc::Rc;

use crate::error::PyResult;
use crate::object::ObjRef;
use crate::objects::type_::TypeObject;
use crate::value::Value;
use crate::vm::Vm;

/// Replace `cls`'s bases by the tuple `value`.
pub fn set_bases(vm: &mut Vm, cls: &ObjRef, t: &TypeObject, value: &Value) -> PyResult<()> {
    let name = t.name();
    if !t.is_heap {
        return Err(vm.type_error(format!(
            "cannot set '__bases__' attribute of immutable type '{name}'"
        )));
    }
    let Some(items) = value.as_obj().and_then(|o| o.as_tuple()) else {
        return Err(vm.type_error(format!(
            "can only assign tuple to {name}.__bases__, not {}",
            vm.type_name(value)
        )));
    };
    if items.is_empty() {
        return Err(vm.type_error(format!(
            "can only assign non-empty tuple to {name}.__bases__, not ()"
        )));
    }
    let mut new_bases = Vec::with_capacity(items.len());
    for item in items {
        let Some(base) = item.as_obj().filter(|o| o.as_type().is_some()) else {
            return Err(vm.type_error(format!(
                "{name}.__bases__ must be tuple of classes, not '{}'",
                vm.type_name(item)
            )));
        };
        let in_mro = base
            .as_type()
            .is_some_and(|b| b.mro.borrow().iter().any(|m| Rc::ptr_eq(m, cls)));
        if Rc::ptr_eq(base, cls) || in_mro {
            return Err(vm.type_error("a __bases__ item causes an inheritance cycle"));
        }
        new_bases.push(base.clone());
    }
    let old_bases = std::mem::replace(&mut *t.bases.borrow_mut(), new_bases.clone());
    if let Err(e) = recompute_mro(vm, cls) {
        *t.bases.borrow_mut() = old_bases;
        return Err(e);
    }
    for base in &old_bases {
        if let Some(b) = base.as_type() {
            b.subclasses
                .borrow_mut()
                .retain(|w| w.upgrade().is_some_and(|s| !Rc::ptr_eq(&s, cls)));
        }
    }
    crate::objects::type_subclasses::register(cls, &new_bases);
    Ok(())
}

/// Compute the MRO of `cls` and of every class below it again, and invalidate the
/// attribute caches.
fn recompute_mro(vm: &mut Vm, cls: &ObjRef) -> PyResult<()> {
    let mut pending = vec![cls.clone()];
    while let Some(ty) = pending.pop() {
        let Some(t) = ty.as_type() else { continue };
        let bases = t.bases.borrow().clone();
        let mro = crate::objects::type_call::c3_mro(vm, &ty, &bases)?;
        *t.mro.borrow_mut() = mro;
        t.version.set(t.version.get().wrapping_add(1));
        pending.extend(t.subclasses.borrow().iter().filter_map(|w| w.upgrade()));
    }
    crate::objects::dict::bump_type_epoch();
    Ok(())
}
