//! Abstract classes: assigning a non-empty `__abstractmethods__` to a class (as
//! `abc.ABCMeta` does) marks it abstract, and `object.__new__` then refuses to make
//! instances of it, naming the methods still missing.

use crate::error::PyResult;
use crate::object::ObjRef;
use crate::objects::dict;
use crate::objects::type_::TypeObject;
use crate::protocol::attr::name_str;
use crate::value::Value;
use crate::vm::Vm;

/// `cls.__abstractmethods__ = value`: store it and remember whether it is non-empty.
pub fn set_abstract_methods(
    vm: &mut Vm,
    cls: &ObjRef,
    t: &TypeObject,
    value: &Value,
) -> PyResult<()> {
    let abstract_ = vm.is_true(value)?;
    if let Some(d) = cls.dict_obj() {
        dict::set_str(vm, &d, "__abstractmethods__", value.clone());
    }
    t.is_abstract.set(abstract_);
    t.version.set(t.version.get().wrapping_add(1));
    Ok(())
}

/// CPython's check in `object_new`: "Can't instantiate abstract class C without an
/// implementation for abstract method(s) 'a', 'b'".
pub fn check_instantiable(vm: &mut Vm, cls: &ObjRef) -> PyResult<()> {
    let Some(t) = cls.as_type() else {
        return Ok(());
    };
    if !t.is_abstract.get() {
        return Ok(());
    }
    let methods = cls
        .dict_obj()
        .and_then(|d| dict::get_str(&d, "__abstractmethods__"))
        .unwrap_or(Value::None);
    let mut names: Vec<String> = vm
        .collect_iterable(&methods)?
        .iter()
        .map(|n| name_str(n).to_string())
        .collect();
    names.sort();
    let plural = if names.len() > 1 { "s" } else { "" };
    Err(vm.type_error(format!(
        "Can't instantiate abstract class {} without an implementation for abstract method{plural} '{}'",
        t.name(),
        names.join("', '")
    )))
}
