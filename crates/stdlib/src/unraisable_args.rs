//! `UnraisableHookArgs`, the struct sequence a replaced `sys.unraisablehook`
//! receives. The VM reports unraisable exceptions but cannot make struct sequences,
//! so this crate gives it the constructor; the type is built at first use, as
//! programs that replace the hook are rare.

use adder_vm::gc::unraisable::UnraisableHookArgsFactory;
use adder_vm::{PyResult, Value, Vm};

use crate::structseq;

/// The type once built.
struct UnraisableHookArgsType(Value);

const FIELDS: &[&str] = &[
    "exc_type",
    "exc_value",
    "exc_traceback",
    "err_msg",
    "object",
];

/// Let the VM build `UnraisableHookArgs` objects.
pub fn install(vm: &Vm) {
    vm.set_native_state(UnraisableHookArgsFactory(new_args));
}

/// An `UnraisableHookArgs` holding `fields` (in [`FIELDS`] order).
fn new_args(vm: &mut Vm, fields: Vec<Value>) -> PyResult<Value> {
    let ty = match vm.native_state::<UnraisableHookArgsType>() {
        Some(ty) => ty.0.clone(),
        None => {
            // CPython's type has no module prefix in its name: `builtins` here.
            let ty =
                structseq::new_type(vm, "builtins", "UnraisableHookArgs", FIELDS, FIELDS.len())?;
            vm.set_native_state(UnraisableHookArgsType(ty.clone()));
            ty
        }
    };
    structseq::new_instance(vm, &ty, fields)
}
