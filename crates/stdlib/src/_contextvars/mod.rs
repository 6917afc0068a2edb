//! The `_contextvars` module (CPython's `Python/context.c`): `ContextVar`, `Token`,
//! `Context` and `copy_context`, which `contextvars`, `warnings` (its per-context
//! filters), `decimal` and `asyncio` build on.
//!
//! A context is a small association list from variable to value: CPython's HAMT makes
//! copies cheap for thousands of variables, but programs hold a handful, and a `Vec`
//! copied on `Context.copy()` behaves the same for them. The current context belongs
//! to the interpreter's (single) thread state, kept in this module's native state.

mod context;
mod var;

use std::cell::RefCell;
use std::rc::Rc;

use adder_vm::native_module::{add_functions, add_type, new_native_type, NativeTypeSpec};
use adder_vm::object::ObjRef;
use adder_vm::objects::dict;
use adder_vm::objects::function::{Args, NativeFn};
use adder_vm::{PyResult, Value, Vm};

use context::Context;

/// The types and the current context, shared by the module's functions.
pub(crate) struct ContextState {
    context_type: ObjRef,
    token_type: ObjRef,
    /// `Token.MISSING`: the old value of a token whose variable had none.
    missing: Value,
    /// The context the thread runs in; made on first use.
    current: RefCell<Option<Value>>,
}

fn state(vm: &Vm) -> PyResult<Rc<ContextState>> {
    vm.native_state::<ContextState>()
        .ok_or_else(|| vm.system_error("_contextvars is not initialised"))
}

/// The thread's current context (a new empty one the first time).
fn current_context(vm: &Vm) -> PyResult<Value> {
    let st = state(vm)?;
    let mut current = st.current.borrow_mut();
    if let Some(ctx) = &*current {
        return Ok(ctx.clone());
    }
    let ctx = vm.new_native_instance(&st.context_type, Context::default());
    *current = Some(ctx.clone());
    Ok(ctx)
}

/// Make `ctx` current, returning the one it replaces.
fn swap_current(vm: &Vm, ctx: Value) -> PyResult<Option<Value>> {
    Ok(state(vm)?.current.replace(Some(ctx)))
}

/// `copy_context()`: a new context holding the current one's values.
fn copy_context(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::arity::positional(vm, &args, "copy_context", "copy_context", 0, 0)?;
    let ctx = current_context(vm)?;
    context::copy_of(vm, &ctx)
}

/// A final (not subclassable) type of this module.
fn final_type(
    vm: &Vm,
    name: &'static str,
    new: NativeFn,
    methods: &[(&'static str, NativeFn)],
) -> ObjRef {
    new_native_type(
        vm,
        NativeTypeSpec {
            name,
            module: "_contextvars",
            base: None,
            new: Some(new),
            init: None,
            methods,
            subclassable: false,
        },
    )
}

fn missing_repr(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.new_str("<Token.MISSING>"))
}

fn cannot_create(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(vm.type_error("cannot create 'Token.MISSING' instances"))
}

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    let context_type = final_type(vm, "Context", context::new, context::METHODS);
    let var_type = final_type(vm, "ContextVar", var::var_new, var::VAR_METHODS);
    let token_type = final_type(vm, "Token", var::token_new, var::TOKEN_METHODS);
    var::add_attributes(vm, &var_type, &token_type);
    let missing_type = final_type(vm, "MISSING", cannot_create, &[("__repr__", missing_repr)]);
    let missing = vm.new_native_instance(&missing_type, var::Missing);
    if let Some(d) = token_type.dict_obj() {
        dict::set_str(vm, &d, "MISSING", missing.clone());
    }
    // A Context compares as a mapping and, as in CPython, is unhashable.
    if let Some(d) = context_type.dict_obj() {
        dict::set_str(vm, &d, "__hash__", Value::None);
    }
    for ty in [&context_type, &var_type, &token_type] {
        add_type(vm, module, ty);
    }
    add_functions(vm, module, &[("copy_context", copy_context)]);
    vm.set_native_state(ContextState {
        context_type,
        token_type,
        missing,
        current: RefCell::new(None),
    });
    Ok(())
}
