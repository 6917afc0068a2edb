//! The `_warnings` module, reduced to what other native-side callers need:
//! `importlib._bootstrap` calls `_warnings.warn`. CPython's C module also replaces the
//! filters and registries of `warnings`; adder's does not export those, so `warnings`
//! falls back to its pure-Python implementation (`_py_warnings`) and these functions
//! forward to it, keeping one set of filters.

use adder_vm::native_module::add_functions;
use adder_vm::object::ObjRef;
use adder_vm::objects::function::Args;
use adder_vm::{PyResult, Value, Vm};

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    add_functions(
        vm,
        module,
        &[("warn", warn), ("warn_explicit", warn_explicit)],
    );
    Ok(())
}

/// Call `warnings.<name>` with the arguments as given.
fn forward(vm: &mut Vm, name: &str, args: Args) -> PyResult<Value> {
    let Some(function) = vm.warnings_function(name) else {
        return Err(vm.import_error("cannot import the warnings module"));
    };
    vm.call_with(&function, args)
}

/// `warn(message, category=None, stacklevel=1, source=None, *, skip_file_prefixes=())`.
fn warn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    forward(vm, "warn", args)
}

/// `warn_explicit(message, category, filename, lineno, module=None, registry=None,
/// module_globals=None, source=None)`.
fn warn_explicit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    forward(vm, "warn_explicit", args)
}
