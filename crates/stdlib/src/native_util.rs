//! Small helpers shared by native modules: attributes computed in Rust (CPython's
//! getset descriptors, here properties whose getter is a built-in function), method
//! argument slicing, iterator and comparison helpers, exception classes.

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

/// A method's arguments after its receiver (or a `__new__`'s after the class).
pub fn after_receiver<'a>(
    args: &adder_vm::objects::function::Args<'a>,
) -> adder_vm::objects::function::Args<'a> {
    adder_vm::objects::function::Args {
        values: args.values.get(1..).unwrap_or(&[]),
        kwnames: args.kwnames,
    }
}

/// The receiver of a method, as a value (`None` when absent).
pub fn receiver_value(args: &adder_vm::objects::function::Args) -> Value {
    args.pos().first().cloned().unwrap_or(Value::None)
}

/// `__iter__` of an iterator: itself.
pub fn iter_self(
    vm: &mut Vm,
    args: adder_vm::objects::function::Args,
) -> adder_vm::PyResult<Value> {
    args.pos()
        .first()
        .cloned()
        .ok_or_else(|| vm.type_error("descriptor '__iter__' of object needs an argument"))
}

/// A new exception class `module.name` deriving from `base` (`struct.error`,
/// `binascii.Error`), made as a class statement would.
pub fn new_exception_class(
    vm: &mut Vm,
    module: &str,
    name: &str,
    base: &ObjRef,
) -> adder_vm::PyResult<ObjRef> {
    let type_ = Value::Obj(vm.types().type_.clone());
    let bases = vm.new_tuple(vec![Value::Obj(base.clone())]);
    let namespace = vm.new_dict();
    dict::set_str(vm, &namespace, "__module__", vm.new_str(module));
    let name = vm.new_str(name);
    match vm.call(&type_, &[name, bases, Value::Obj(namespace)])? {
        Value::Obj(cls) => Ok(cls),
        _ => Err(vm.system_error("type() did not return a class")),
    }
}
