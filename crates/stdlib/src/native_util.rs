//! Small helpers for native types: read-only attributes computed in Rust (CPython's
//! getset descriptors, here properties whose getter is a built-in function).

use adder_vm::builtins::new_builtin;
use adder_vm::object::{ObjRef, Payload, PyObject};
use adder_vm::objects::descriptors::PropertyData;
use adder_vm::objects::dict;
use adder_vm::objects::function::NativeFn;
use adder_vm::{PyErr, Value, Vm};

/// Add attributes to `ty`, each read by `getter(self)` and written by `setter(self,
/// value)` when there is one.
pub fn add_getset(vm: &Vm, ty: &ObjRef, attrs: &[(&'static str, NativeFn, Option<NativeFn>)]) {
    let Some(namespace) = ty.dict_obj() else {
        return;
    };
    for &(name, getter, setter) in attrs {
        let data = PropertyData {
            fget: new_builtin(vm, name, getter, Some(ty.clone())),
            fset: setter.map_or(Value::None, |s| new_builtin(vm, name, s, Some(ty.clone()))),
            fdel: Value::None,
            doc: Value::None,
            name: std::cell::RefCell::new(vm.new_str(name)),
        };
        let prop = Value::obj(PyObject::new(
            vm.types().property.clone(),
            Payload::Property(Box::new(data)),
        ));
        dict::set_str(vm, &namespace, name, prop);
    }
}

/// Read-only attributes (see [`add_getset`]).
pub fn add_getters(vm: &Vm, ty: &ObjRef, attrs: &[(&'static str, NativeFn)]) {
    let full: Vec<_> = attrs.iter().map(|&(n, g)| (n, g, None)).collect();
    add_getset(vm, ty, &full);
}

/// The bare `StopIteration` a native `__next__` raises at the end.
pub fn stop_iteration(vm: &Vm) -> PyErr {
    PyErr(vm.new_exception(&vm.types().exc.stop_iteration, vec![]))
}

/// `a < b` as a truth value (CPython's `PyObject_RichCompareBool(a, b, Py_LT)`).
pub fn less_than(vm: &mut Vm, a: &Value, b: &Value) -> adder_vm::PyResult<bool> {
    let r = vm.rich_compare(a, b, adder_vm::protocol::compare::CmpOp::Lt)?;
    vm.is_true(&r)
}
