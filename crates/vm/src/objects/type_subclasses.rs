//! `type.__subclasses__()` (from the weak lists each type keeps) and a metaclass's
//! own `mro()` deciding a new class's method resolution order.

use std::rc::Rc;

use crate::error::PyResult;
use crate::object::ObjRef;
use crate::objects::function::Args;
use crate::value::Value;
use crate::vm::Vm;

pub fn install(vm: &Vm) {
    let type_ = vm.types().type_.clone();
    crate::builtins::add_methods(vm, &type_, &[("__subclasses__", subclasses)]);
}

/// Record the new class `cls` in each base's list of subclasses.
pub fn register(cls: &ObjRef, bases: &[ObjRef]) {
    for base in bases {
        if let Some(t) = base.as_type() {
            let mut list = t.subclasses.borrow_mut();
            list.retain(|w| w.strong_count() > 0);
            list.push(Rc::downgrade(cls));
        }
    }
}

/// `type.__subclasses__(cls)`: the live direct subclasses, oldest first.
fn subclasses(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = match args.pos() {
        [Value::Obj(o)] if o.as_type().is_some() && args.kwnames.is_empty() => o.clone(),
        [other] => {
            return Err(vm.type_error(format!(
                "descriptor '__subclasses__' for 'type' objects doesn't apply to a '{}' object",
                vm.type_name(other)
            )))
        }
        _ => return Err(vm.type_error("type.__subclasses__() takes no arguments")),
    };
    let live: Vec<Value> = cls
        .as_type()
        .map(|t| {
            t.subclasses
                .borrow()
                .iter()
                .filter_map(|w| w.upgrade())
                .map(Value::Obj)
                .collect()
        })
        .unwrap_or_default();
    Ok(vm.new_list(live))
}

/// The MRO a metaclass's overridden `mro()` gives the new class `cls`; `None` when
/// the metaclass keeps `type.mro`.
pub fn custom_mro(vm: &mut Vm, meta: &ObjRef, cls: &ObjRef) -> PyResult<Option<Vec<ObjRef>>> {
    let Some(mro) = crate::objects::type_call::heap_lookup(vm, meta, "mro") else {
        return Ok(None);
    };
    let result = vm.call(&mro, &[Value::Obj(cls.clone())])?;
    let mut out = Vec::new();
    for item in vm.collect_iterable(&result)? {
        match item {
            Value::Obj(o) if o.as_type().is_some() => out.push(o),
            other => {
                return Err(vm.type_error(format!(
                    "mro() returned a non-class ('{}')",
                    vm.type_name(&other)
                )))
            }
        }
    }
    Ok(Some(out))
}
