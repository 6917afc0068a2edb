//! `ContextVar` (a variable whose value depends on the current context) and `Token`
//! (what `set` returns, to undo it with `reset`).

use std::cell::Cell;

use adder_vm::native_module::NativeObject;
use adder_vm::object::ObjRef;
use adder_vm::objects::dict_methods::add_class_methods;
use adder_vm::objects::function::{Args, NativeFn};
use adder_vm::objects::generic_alias::class_getitem;
use adder_vm::{PyResult, Value, Vm};

use super::context::{current, Context};
use super::state;
use crate::arity::{self, Signature};
use crate::native_util::add_getters;

/// A context variable: its name and optional default.
pub(crate) struct ContextVar {
    name: Value,
    default: Option<Value>,
}

impl NativeObject for ContextVar {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.name);
        if let Some(d) = &self.default {
            visit(d);
        }
    }
}

/// What `ContextVar.set` replaced: the context and variable, and the old value
/// (`Token.MISSING` when there was none).
struct Token {
    context: Value,
    var: Value,
    old_value: Value,
    used: Cell<bool>,
}

impl NativeObject for Token {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.context);
        visit(&self.var);
        visit(&self.old_value);
    }
}

/// The state of the `Token.MISSING` singleton (it has none).
pub(crate) struct Missing;

impl NativeObject for Missing {}

pub(super) const VAR_METHODS: &[(&str, NativeFn)] = &[
    ("get", var_get),
    ("set", var_set),
    ("reset", var_reset),
    ("__repr__", var_repr),
];

pub(super) const TOKEN_METHODS: &[(&str, NativeFn)] = &[
    ("__repr__", token_repr),
    ("__enter__", token_enter),
    ("__exit__", token_exit),
];

/// Properties and `__class_getitem__` of both types.
pub(super) fn add_attributes(vm: &Vm, var_type: &ObjRef, token_type: &ObjRef) {
    add_getters(vm, var_type, &[("name", var_name)]);
    add_getters(
        vm,
        token_type,
        &[("var", token_var), ("old_value", token_old_value)],
    );
    for ty in [var_type, token_type] {
        add_class_methods(vm, ty, &[("__class_getitem__", class_getitem)]);
    }
}

const VAR_NEW: Signature = Signature {
    name: "ContextVar",
    names: &["name", "default"],
    posonly: 1,
    required: 1,
    max_positional: 1,
};

/// `ContextVar(name, *, default=...)`.
pub(super) fn var_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(cls) = args.pos().first() else {
        return Err(vm.type_error("ContextVar.__new__(): not enough arguments"));
    };
    let call = Args {
        values: &args.values[1..],
        kwnames: args.kwnames,
    };
    let slots = arity::bind(vm, &call, &VAR_NEW)?;
    let name = slots[0].clone().unwrap_or(Value::None);
    if name.as_obj().and_then(|o| o.as_str()).is_none() {
        return Err(vm.type_error("context variable name must be a str"));
    }
    let Some(cls) = cls.as_obj() else {
        return Err(vm.type_error("ContextVar.__new__(X): X is not a type object"));
    };
    let var = ContextVar {
        name,
        default: slots[1].clone(),
    };
    Ok(vm.new_native_instance(cls, var))
}

fn this_var<'a>(vm: &Vm, args: &'a Args, method: &str) -> PyResult<&'a ContextVar> {
    vm.native_self::<ContextVar>(args, method, "_contextvars.ContextVar")
}

fn receiver_obj(args: &Args) -> Option<ObjRef> {
    args.pos().first().and_then(|v| v.as_obj().cloned())
}

fn current_context(vm: &Vm) -> PyResult<(Value, ObjRef)> {
    let ctx = current(vm)?;
    match ctx.as_obj() {
        Some(o) if o.native::<Context>().is_some() => Ok((ctx.clone(), o.clone())),
        _ => Err(vm.system_error("the current context is not a Context")),
    }
}

/// `var.get([default])`: the value in the current context, else `default`, else the
/// variable's default, else `LookupError(var)`.
fn var_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let var = this_var(vm, &args, "get")?;
    let pos = arity::positional(vm, &args, "get", "get", 1, 2)?;
    let (_, ctx) = current_context(vm)?;
    let Some(me) = receiver_obj(&args) else {
        return Err(vm.type_error("get() needs a ContextVar"));
    };
    if let Some(value) = ctx.native::<Context>().and_then(|c| c.get(&me)) {
        return Ok(value);
    }
    if let Some(default) = pos.get(1).or(var.default.as_ref()) {
        return Ok(default.clone());
    }
    Err(adder_vm::PyErr(vm.new_exception(
        &vm.types().exc.lookup_error,
        vec![pos[0].clone()],
    )))
}

/// `var.set(value)`: set it in the current context; the token remembers the old value.
fn var_set(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this_var(vm, &args, "set")?;
    let pos = arity::positional(vm, &args, "set", "set", 2, 2)?;
    let (ctx_value, ctx) = current_context(vm)?;
    let Some(me) = receiver_obj(&args) else {
        return Err(vm.type_error("set() needs a ContextVar"));
    };
    let st = state(vm)?;
    let Some(context) = ctx.native::<Context>() else {
        return Err(vm.system_error("the current context is not a Context"));
    };
    let old_value = context.get(&me).unwrap_or_else(|| st.missing.clone());
    context.set(&me, Some(pos[1].clone()));
    let token = Token {
        context: ctx_value,
        var: pos[0].clone(),
        old_value,
        used: Cell::new(false),
    };
    Ok(vm.new_native_instance(&st.token_type, token))
}

/// `var.reset(token)`: restore the value the variable had before `token`'s `set`.
fn var_reset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this_var(vm, &args, "reset")?;
    let pos = arity::positional(vm, &args, "reset", "reset", 2, 2)?;
    let Some(token) = pos[1].native::<Token>() else {
        let shown = vm.repr(&pos[1])?;
        return Err(vm.type_error(format!("expected an instance of Token, got {shown}")));
    };
    let problem = if token.used.get() {
        Some((true, "has already been used once"))
    } else if token.var.id() != pos[0].id() {
        Some((false, "was created by a different ContextVar"))
    } else if token.context.id() != current(vm)?.id() {
        Some((false, "was created in a different Context"))
    } else {
        None
    };
    if let Some((runtime, what)) = problem {
        let message = format!("{} {what}", vm.repr(&pos[1])?);
        return Err(if runtime {
            vm.runtime_error(message)
        } else {
            vm.value_error(message)
        });
    }
    token.used.set(true);
    let (_, ctx) = current_context(vm)?;
    let (Some(context), Some(me)) = (ctx.native::<Context>(), pos[0].as_obj()) else {
        return Err(vm.system_error("the current context is not a Context"));
    };
    let old = (token.old_value.native::<Missing>().is_none()).then(|| token.old_value.clone());
    context.set(me, old);
    Ok(Value::None)
}

fn var_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(this_var(vm, &args, "name")?.name.clone())
}

/// `<ContextVar name='x' default=1 at 0x...>`.
fn var_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let var = this_var(vm, &args, "__repr__")?;
    let mut text = format!("<ContextVar name={}", vm.repr(&var.name)?);
    if let Some(default) = &var.default {
        text.push_str(&format!(" default={}", vm.repr(default)?));
    }
    text.push_str(&format!(" at {:#x}>", args.pos()[0].id()));
    Ok(vm.new_str(&text))
}

/// `Token()` from Python: refused, as CPython does.
pub(super) fn token_new(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(vm.runtime_error("Tokens can only be created by ContextVars"))
}

fn this_token<'a>(vm: &Vm, args: &'a Args, method: &str) -> PyResult<&'a Token> {
    vm.native_self::<Token>(args, method, "_contextvars.Token")
}

fn token_var(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(this_token(vm, &args, "var")?.var.clone())
}

fn token_old_value(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(this_token(vm, &args, "old_value")?.old_value.clone())
}

/// `<Token used var=<ContextVar ...> at 0x...>`.
fn token_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let token = this_token(vm, &args, "__repr__")?;
    let used = if token.used.get() { " used" } else { "" };
    let var = vm.repr(&token.var)?;
    let text = format!("<Token{used} var={var} at {:#x}>", args.pos()[0].id());
    Ok(vm.new_str(&text))
}

fn token_enter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this_token(vm, &args, "__enter__")?;
    Ok(args.pos()[0].clone())
}

/// Leaving `with var.set(x):` resets the variable.
fn token_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let token = this_token(vm, &args, "__exit__")?;
    let var = token.var.clone();
    let reset = vm.get_attr_str(&var, "reset")?;
    vm.call(&reset, &[args.pos()[0].clone()])?;
    Ok(Value::None)
}
