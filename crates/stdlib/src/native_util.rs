//! Small helpers shared by native modules: attributes computed in Rust (CPython's
//! getset descriptors, here properties whose getter is a built-in function), method
//! argument slicing, iterator and comparison helpers, exception classes.

use adder_vm::object::ObjRef;
use adder_vm::objects::dict;
use adder_vm::{PyErr, Value, Vm};

/// Properties computed in Rust: one implementation, in the VM, for native types
/// defined on either side.
pub use adder_vm::native_module::{add_getset, add_getters};

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

/// `n` zero bytes, or `MemoryError` when the allocation cannot be made.
///
/// `vec![0; n]` aborts the whole process on allocation failure; sizes that come
/// from user input (`struct.pack('999999999999s')`, `read(2**40)`) must raise
/// MemoryError as CPython does instead.
pub fn zeroed_buffer(vm: &Vm, n: usize) -> adder_vm::PyResult<Vec<u8>> {
    let mut out = Vec::new();
    if out.try_reserve_exact(n).is_err() {
        return Err(memory_error(vm));
    }
    out.resize(n, 0);
    Ok(out)
}

/// A bare `MemoryError()`.
pub fn memory_error(vm: &Vm) -> PyErr {
    PyErr(vm.new_exception(&vm.types().exc.memory_error, vec![]))
}
