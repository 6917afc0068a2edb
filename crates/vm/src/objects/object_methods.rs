//! The methods of `object` and `type` that class code reaches explicitly, mostly through
//! `super()`: `__new__`, `__init__`, `__init_subclass__`, `__setattr__`, `__call__`,
//! `__prepare__`... (CPython's `object_new`, `object_init`, `type_call`...). Ordinary
//! instantiation does not go through them: `type_call.rs` does the same work directly.

use std::rc::Rc;

use crate::error::PyResult;
use crate::object::{ObjRef, Payload};
use crate::objects::dict;
use crate::objects::function::Args;
use crate::value::Value;
use crate::vm::Vm;

pub fn install(vm: &Vm) {
    let t = vm.types();
    crate::builtins::add_methods(
        vm,
        &t.object,
        &[
            ("__new__", object_new),
            ("__init__", object_init),
            ("__setattr__", object_setattr),
            ("__delattr__", object_delattr),
            ("__getattribute__", object_getattribute),
            ("__repr__", object_repr),
            ("__str__", object_str),
        ],
    );
    crate::objects::dict_methods::add_class_methods(
        vm,
        &t.object,
        &[("__init_subclass__", object_init_subclass)],
    );
    crate::builtins::add_methods(
        vm,
        &t.type_,
        &[
            ("__new__", type_new),
            ("__init__", type_init),
            ("__call__", type_call),
            ("__instancecheck__", type_instancecheck),
            ("__subclasscheck__", type_subclasscheck),
            ("mro", type_mro),
        ],
    );
    crate::objects::dict_methods::add_class_methods(vm, &t.type_, &[("__prepare__", type_prepare)]);
}

/// Whether `ty` (or a base before `object`) defines `name` itself.
fn overrides_object(vm: &Vm, ty: &ObjRef, name: &str) -> bool {
    let own = vm
        .types()
        .object
        .dict_obj()
        .and_then(|d| dict::get_str(&d, name));
    match (vm.type_lookup(ty, name), own) {
        (Some(found), Some(own)) => !found.is(&own),
        (found, _) => found.is_some(),
    }
}

fn type_arg(vm: &Vm, v: Option<&Value>, what: &str) -> PyResult<ObjRef> {
    match v.and_then(|v| v.as_obj()) {
        Some(o) if o.as_type().is_some() => Ok(o.clone()),
        _ => Err(vm.type_error(format!("{what}: not enough arguments or not a type"))),
    }
}

fn type_name(ty: &ObjRef) -> String {
    ty.as_type()
        .map_or_else(String::new, |t| t.name().to_string())
}

/// `object.__new__(cls, *args)`: extra arguments are an error unless `cls` has its own
/// `__init__` and not its own `__new__`.
fn object_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    let cls = type_arg(vm, pos.first(), "object.__new__()")?;
    if args.values.len() > 1 {
        if overrides_object(vm, &cls, "__new__") {
            return Err(vm.type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
        if !overrides_object(vm, &cls, "__init__") {
            return Err(vm.type_error(format!("{}() takes no arguments", type_name(&cls))));
        }
    }
    crate::objects::type_call::new_instance(vm, &cls, Args::positional_only(&[]))
}

/// `object.__init__(self, *args)`: extra arguments are an error unless the type has its
/// own `__new__` and not its own `__init__`.
fn object_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(obj) = args.pos().first() else {
        return Err(vm.type_error("descriptor '__init__' of 'object' object needs an argument"));
    };
    if args.values.len() > 1 {
        let ty = vm.type_of(obj);
        if overrides_object(vm, &ty, "__init__") {
            return Err(vm.type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            ));
        }
        if !overrides_object(vm, &ty, "__new__") {
            return Err(vm.type_error(format!(
                "{}.__init__() takes exactly one argument (the instance to initialize)",
                type_name(&ty)
            )));
        }
    }
    Ok(Value::None)
}

/// The receiver and its arguments, exactly `n` values in all, no keywords.
fn exactly<'a>(vm: &Vm, args: &Args<'a>, n: usize) -> PyResult<&'a [Value]> {
    let pos = args.pos();
    if pos.len() != n || !args.kwnames.is_empty() {
        return Err(vm.type_error(format!(
            "expected {} arguments, got {}",
            n - 1,
            pos.len().saturating_sub(1)
        )));
    }
    Ok(pos)
}

fn object_setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = exactly(vm, &args, 3)?;
    vm.generic_set_attr(&pos[0], &pos[1], pos[2].clone())?;
    Ok(Value::None)
}

fn object_delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = exactly(vm, &args, 2)?;
    vm.generic_del_attr(&pos[0], &pos[1])?;
    Ok(Value::None)
}

/// `object.__getattribute__(self, name)`: the generic lookup, never the class's own
/// `__getattribute__` (which usually calls this) nor `__getattr__`.
fn object_getattribute(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = exactly(vm, &args, 2)?;
    if !matches!(pos[1].payload(), Some(Payload::Str(_))) {
        return Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(&pos[1])
        )));
    }
    match vm.generic_lookup_attr_no_hook(&pos[0], &pos[1])? {
        Some(v) => Ok(v),
        None => Err(vm.no_attribute(&pos[0], &pos[1])),
    }
}

/// `object.__repr__`: `<module.Class object at 0x...>`, whatever the class overrides.
fn object_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = exactly(vm, &args, 1)?;
    let text = match &pos[0] {
        Value::Obj(o) => vm.builtin_repr(o, &pos[0])?,
        v => vm.repr(v)?,
    };
    Ok(vm.new_str(&text))
}

/// `object.__str__`: `repr(self)` (which honours a class's `__repr__`).
fn object_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = exactly(vm, &args, 1)?;
    let text = vm.repr(&pos[0])?;
    Ok(vm.new_str(&text))
}

/// `object.__init_subclass__()`: accepts no class keywords.
fn object_init_subclass(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = type_arg(vm, args.pos().first(), "__init_subclass__")?;
    if !args.kwnames.is_empty() {
        return Err(vm.type_error(format!(
            "{}.__init_subclass__() takes no keyword arguments",
            type_name(&cls)
        )));
    }
    if args.pos().len() > 1 {
        return Err(vm.type_error(format!(
            "{}.__init_subclass__() takes no positional arguments",
            type_name(&cls)
        )));
    }
    Ok(Value::None)
}

/// `type.__new__(meta, name, bases, namespace, **kwds)`.
fn type_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let meta = type_arg(vm, args.pos().first(), "type.__new__()")?;
    let rest = Args {
        values: &args.values[1..],
        kwnames: args.kwnames,
    };
    if Rc::ptr_eq(&meta, &vm.types().type_) && rest.pos().len() == 1 {
        return Ok(Value::Obj(vm.type_of(&rest.pos()[0])));
    }
    crate::objects::class_build::type_new(vm, &meta, rest)
}

/// `type.__init__`: the class is complete after `__new__`; keywords are accepted.
fn type_init(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

/// `type.__call__(cls, *args, **kwds)`: what a metaclass's `__call__` defers to.
fn type_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = type_arg(vm, args.pos().first(), "type.__call__()")?;
    let rest = Args {
        values: &args.values[1..],
        kwnames: args.kwnames,
    };
    crate::objects::type_call::type_call(vm, &cls, rest)
}

/// `cls.__instancecheck__(obj)` / `cls.__subclasscheck__(sub)` of `type`.
fn plain_check(vm: &mut Vm, args: Args, subclass: bool) -> PyResult<Value> {
    let pos = exactly(vm, &args, 2)?;
    let cls = type_arg(vm, pos.first(), "type.__instancecheck__()")?;
    vm.plain_class_check(&pos[1], &cls, subclass)
        .map(Value::Bool)
}

fn type_instancecheck(vm: &mut Vm, args: Args) -> PyResult<Value> {
    plain_check(vm, args, false)
}

fn type_subclasscheck(vm: &mut Vm, args: Args) -> PyResult<Value> {
    plain_check(vm, args, true)
}

/// `cls.mro()`: the method resolution order as a list.
fn type_mro(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = exactly(vm, &args, 1)?;
    let cls = type_arg(vm, pos.first(), "type.mro()")?;
    let mro = cls
        .as_type()
        .map(|t| t.mro.borrow().iter().cloned().map(Value::Obj).collect())
        .unwrap_or_default();
    Ok(vm.new_list(mro))
}

/// `type.__prepare__(name, bases, **kwds)`: a fresh dict.
fn type_prepare(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Obj(vm.new_dict()))
}
