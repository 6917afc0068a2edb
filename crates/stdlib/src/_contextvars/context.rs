//! `Context`: a mapping from `ContextVar` to value, `run` to execute code in it, and
//! `copy`.

use std::cell::{Cell, RefCell};

use adder_vm::native_module::NativeObject;
use adder_vm::object::ObjRef;
use adder_vm::objects::function::{Args, NativeFn};
use adder_vm::{PyResult, Value, Vm};

use super::var::ContextVar;
use super::{current_context, state, swap_current};
use crate::arity;

/// The values of the variables set in a context, in the order they were first set.
#[derive(Default)]
pub(crate) struct Context {
    vars: RefCell<Vec<(ObjRef, Value)>>,
    /// Whether `run` is executing in it (a context cannot be entered twice).
    entered: Cell<bool>,
}

impl NativeObject for Context {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        for (var, value) in self.vars.borrow().iter() {
            visit(&Value::Obj(var.clone()));
            visit(value);
        }
    }
}

impl Context {
    pub(crate) fn get(&self, var: &ObjRef) -> Option<Value> {
        self.vars
            .borrow()
            .iter()
            .find(|(v, _)| std::rc::Rc::ptr_eq(v, var))
            .map(|(_, value)| value.clone())
    }

    /// Set `var`, or remove it when `value` is `None`.
    pub(crate) fn set(&self, var: &ObjRef, value: Option<Value>) {
        let mut vars = self.vars.borrow_mut();
        let slot = vars.iter().position(|(v, _)| std::rc::Rc::ptr_eq(v, var));
        match (slot, value) {
            (Some(i), Some(value)) => {
                if let Some(entry) = vars.get_mut(i) {
                    entry.1 = value;
                }
            }
            (Some(i), None) => {
                vars.remove(i);
            }
            (None, Some(value)) => vars.push((var.clone(), value)),
            (None, None) => {}
        }
    }

    fn snapshot(&self) -> Vec<(ObjRef, Value)> {
        self.vars.borrow().clone()
    }
}

pub(super) const METHODS: &[(&str, NativeFn)] = &[
    ("run", run),
    ("copy", copy),
    ("get", get),
    ("keys", keys),
    ("values", values),
    ("items", items),
    ("__getitem__", getitem),
    ("__contains__", contains),
    ("__len__", len),
    ("__iter__", iter),
    ("__eq__", eq),
];

fn this<'a>(vm: &Vm, args: &'a Args, method: &str) -> PyResult<&'a Context> {
    vm.native_self::<Context>(args, method, "_contextvars.Context")
}

/// `Context()`: a new empty context.
pub(super) fn new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.values.len() > 1 {
        return Err(vm.type_error("Context() does not accept any arguments"));
    }
    let cls = state(vm)?.context_type.clone();
    Ok(vm.new_native_instance(&cls, Context::default()))
}

/// A new context with the values of `ctx`.
pub(super) fn copy_of(vm: &Vm, ctx: &Value) -> PyResult<Value> {
    let Some(source) = ctx.native::<Context>() else {
        return Err(vm.type_error("an instance of Context was expected"));
    };
    let cls = state(vm)?.context_type.clone();
    let copy = Context {
        vars: RefCell::new(source.snapshot()),
        entered: Cell::new(false),
    };
    Ok(vm.new_native_instance(&cls, copy))
}

fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args, "copy")?;
    arity::positional(vm, &args, "Context.copy", "copy", 1, 1)?;
    copy_of(vm, &args.pos()[0])
}

/// `ctx.run(callable, *args, **kwargs)`: call with `ctx` as the current context.
fn run(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let ctx = this(vm, &args, "run")?;
    let [receiver, callable, ..] = args.pos() else {
        return Err(vm.type_error("run() missing 1 required positional argument"));
    };
    if ctx.entered.get() {
        let shown = vm.repr(receiver)?;
        return Err(vm.runtime_error(format!("cannot enter context: {shown} is already entered")));
    }
    ctx.entered.set(true);
    let previous = swap_current(vm, receiver.clone())?;
    let call_args = Args {
        values: &args.values[2..],
        kwnames: args.kwnames,
    };
    let result = vm.call_with(callable, call_args);
    ctx.entered.set(false);
    state(vm)?.current.replace(previous);
    result
}

/// The `ContextVar` a mapping method was given, or CPython's TypeError.
fn key_arg(vm: &mut Vm, key: &Value) -> PyResult<ObjRef> {
    match key.as_obj() {
        Some(o) if o.native::<ContextVar>().is_some() => Ok(o.clone()),
        _ => {
            let shown = vm.repr(key)?;
            Err(vm.type_error(format!("a ContextVar key was expected, got {shown}")))
        }
    }
}

fn getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let ctx = this(vm, &args, "__getitem__")?;
    let [_, key] = arity::positional(vm, &args, "__getitem__", "__getitem__", 2, 2)? else {
        return Err(vm.type_error("__getitem__ expected 1 argument"));
    };
    let var = key_arg(vm, key)?;
    ctx.get(&var).ok_or_else(|| vm.key_error(key.clone()))
}

fn get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let ctx = this(vm, &args, "get")?;
    let pos = arity::positional(vm, &args, "get", "get", 2, 3)?;
    let var = key_arg(vm, &pos[1])?;
    Ok(ctx
        .get(&var)
        .unwrap_or_else(|| pos.get(2).cloned().unwrap_or(Value::None)))
}

fn contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let ctx = this(vm, &args, "__contains__")?;
    let pos = arity::positional(vm, &args, "__contains__", "__contains__", 2, 2)?;
    let var = key_arg(vm, &pos[1])?;
    Ok(Value::Bool(ctx.get(&var).is_some()))
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let ctx = this(vm, &args, "__len__")?;
    Ok(Value::Int(ctx.vars.borrow().len() as i64))
}

fn keys_list(vm: &Vm, ctx: &Context) -> Value {
    vm.new_list(
        ctx.snapshot()
            .into_iter()
            .map(|(k, _)| Value::Obj(k))
            .collect(),
    )
}

fn keys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let ctx = this(vm, &args, "keys")?;
    Ok(keys_list(vm, ctx))
}

fn values(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let ctx = this(vm, &args, "values")?;
    Ok(vm.new_list(ctx.snapshot().into_iter().map(|(_, v)| v).collect()))
}

fn items(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let ctx = this(vm, &args, "items")?;
    let pairs = ctx
        .snapshot()
        .into_iter()
        .map(|(k, v)| vm.new_tuple(vec![Value::Obj(k), v]))
        .collect();
    Ok(vm.new_list(pairs))
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let ctx = this(vm, &args, "__iter__")?;
    let keys = keys_list(vm, ctx);
    vm.get_iter(&keys)
}

/// Two contexts are equal when they map the same variables to equal values.
fn eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let ctx = this(vm, &args, "__eq__")?;
    let Some(other) = args.pos().get(1).and_then(|v| v.native::<Context>()) else {
        return Ok(vm.types().not_implemented.clone());
    };
    let (mine, theirs) = (ctx.snapshot(), other.snapshot());
    if mine.len() != theirs.len() {
        return Ok(Value::Bool(false));
    }
    for (var, value) in &mine {
        let Some(other_value) = other.get(var) else {
            return Ok(Value::Bool(false));
        };
        if !vm.eq(value, &other_value)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// The current context, for `ContextVar.get/set/reset`.
pub(super) fn current(vm: &Vm) -> PyResult<Value> {
    current_context(vm)
}
