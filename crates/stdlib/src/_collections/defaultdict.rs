//! `collections.defaultdict`: a dict subclass whose `__missing__` calls
//! `default_factory`.
//!
//! It is made as a class over `dict` whose methods are Rust functions: the VM consults
//! `__missing__` (and the other dunders) of classes, and a class instance has the
//! dict layout. `default_factory` lives in the instance namespace, with a class-level
//! `None` for instances made by `__new__` alone. (CPython's instances have no
//! `__dict__`; here `vars(dd)` shows `default_factory`.)

use adder_vm::object::ObjRef;
use adder_vm::objects::dict;
use adder_vm::objects::function::Args;
use adder_vm::{PyResult, Value, Vm};

use super::deque::rest;
use crate::arity;

/// Create the class (its `__module__` is `collections`, as CPython's).
pub(crate) fn make_class(vm: &mut Vm) -> PyResult<ObjRef> {
    let type_ = Value::Obj(vm.types().type_.clone());
    let bases = vm.new_tuple(vec![Value::Obj(vm.types().dict.clone())]);
    let namespace = vm.new_dict();
    dict::set_str(vm, &namespace, "__module__", vm.new_str("collections"));
    dict::set_str(vm, &namespace, "default_factory", Value::None);
    let name = vm.new_str("defaultdict");
    let cls = vm.call(&type_, &[name, bases, Value::Obj(namespace)])?;
    let Value::Obj(cls) = cls else {
        return Err(vm.system_error("defaultdict is not a class"));
    };
    adder_vm::builtins::add_methods(
        vm,
        &cls,
        &[
            ("__init__", init),
            ("__missing__", missing),
            ("__repr__", repr),
            ("copy", copy),
            ("__copy__", copy),
            ("__reduce__", reduce),
            ("__or__", or),
            ("__ror__", ror),
        ],
    );
    Ok(cls)
}

/// The receiver, checked to be a dict.
fn this(vm: &Vm, args: &Args, method: &str) -> PyResult<(ObjRef, Value)> {
    match args.pos().first() {
        Some(v @ Value::Obj(o)) if o.as_dict().is_some() => Ok((o.clone(), v.clone())),
        other => Err(vm.type_error(format!(
            "descriptor '{method}' for 'collections.defaultdict' objects doesn't apply to a '{}' object",
            other.map_or_else(|| "NoneType".into(), |v| vm.type_name(v))
        ))),
    }
}

fn factory(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    vm.get_attr_str(me, "default_factory")
}

/// `defaultdict(default_factory=None, /, *args, **kwargs)`.
fn init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (obj, me) = this(vm, &args, "__init__")?;
    let rest_args = rest(&args);
    let pos = rest_args.pos();
    let factory = pos.first().cloned().unwrap_or(Value::None);
    if !factory.is_none() && !adder_vm::objects::iterators::is_callable(vm, &factory) {
        return Err(vm.type_error("first argument must be callable or None"));
    }
    vm.set_attr(&me, &vm.new_str("default_factory"), factory)?;
    let dict_args = pos.get(1..).unwrap_or(&[]);
    match dict_args {
        [] => {}
        [source] => adder_vm::objects::dict_methods::update_arg(vm, &obj, source)?,
        more => {
            return Err(vm.type_error(format!(
                "dict expected at most 1 argument, got {}",
                more.len()
            )))
        }
    }
    for (k, v) in rest_args.kwargs() {
        dict::set_item(vm, &obj, k.clone(), v.clone())?;
    }
    Ok(Value::None)
}

/// `__missing__(key)`: `self[key] = default_factory()`, or KeyError without a factory.
fn missing(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, me) = this(vm, &args, "__missing__")?;
    let key = arity::one(vm, &rest(&args), "defaultdict.__missing__")?;
    let factory = factory(vm, &me)?;
    if factory.is_none() {
        return Err(vm.key_error(key.clone()));
    }
    let value = vm.call(&factory, &[])?;
    vm.set_item(&me, key, value.clone())?;
    Ok(value)
}

/// `defaultdict(<factory repr>, {...})` under the class's own name; a factory that is
/// being printed further up shows as `...`.
fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (obj, me) = this(vm, &args, "__repr__")?;
    let factory = factory(vm, &me)?;
    let factory_text = match &factory {
        Value::Obj(f) => {
            let f = f.clone();
            vm.with_repr_guard(&f, "...", |vm| Ok(vm.repr(&factory)?.to_string()))?
        }
        other => vm.repr(other)?.to_string(),
    };
    let items = vm.builtin_repr(&obj, &me)?;
    let name = vm.type_name(&me);
    Ok(vm.new_str(&format!("{name}({factory_text}, {items})")))
}

/// `type(self)(self.default_factory, source)`.
fn new_like(vm: &mut Vm, me: &Value, source: &Value) -> PyResult<Value> {
    let cls = Value::Obj(vm.type_of(me));
    let factory = factory(vm, me)?;
    vm.call(&cls, &[factory, source.clone()])
}

fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, me) = this(vm, &args, "copy")?;
    arity::positional(vm, &rest(&args), "defaultdict.copy", "copy", 0, 0)?;
    new_like(vm, &me, &me)
}

/// `(type(self), (factory,), None, None, iter(self.items()))`.
fn reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, me) = this(vm, &args, "__reduce__")?;
    let cls = Value::Obj(vm.type_of(&me));
    let factory = factory(vm, &me)?;
    let ctor = if factory.is_none() {
        vm.new_tuple(vec![])
    } else {
        vm.new_tuple(vec![factory])
    };
    let items = crate::args::call_method(vm, &me, "items", &[])?;
    let it = vm.get_iter(&items)?;
    Ok(vm.new_tuple(vec![cls, ctor, Value::None, Value::None, it]))
}

/// `left | right` where `self_` is whichever side is the defaultdict: a new one like
/// `self_` holding `left`'s items, updated by `right`.
fn union(
    vm: &mut Vm,
    self_: &Value,
    left: &Value,
    right: &Value,
    other: &Value,
) -> PyResult<Value> {
    if !matches!(other.as_obj(), Some(o) if o.as_dict().is_some()) {
        return Ok(vm.types().not_implemented.clone());
    }
    let new = new_like(vm, self_, left)?;
    crate::args::call_method(vm, &new, "update", std::slice::from_ref(right))?;
    Ok(new)
}

fn or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, me) = this(vm, &args, "__or__")?;
    let other = arity::one(vm, &rest(&args), "defaultdict.__or__")?;
    union(vm, &me, &me, other, other)
}

fn ror(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, me) = this(vm, &args, "__ror__")?;
    let other = arity::one(vm, &rest(&args), "defaultdict.__ror__")?;
    union(vm, &me, other, &me, other)
}
