//! Module objects (CPython's `Objects/moduleobject.c`): `types.ModuleType(name, doc)`,
//! the module repr, PEP 562 module `__getattr__`/`__dir__`, and the AttributeError
//! messages of a missing module attribute ("partially initialized module ...").
//!
//! A module is an object with `Payload::Module` whose `__dict__` is its namespace;
//! subclasses of `ModuleType` share the layout (`Layout::Module`).

use std::rc::Rc;

use crate::error::{PyErr, PyResult};
use crate::object::{ObjRef, Payload, PyObject};
use crate::objects::dict;
use crate::objects::function::Args;
use crate::objects::native_args::{bind, MethodName, Shape};
use crate::protocol::attr::name_str;
use crate::value::Value;
use crate::vm::Vm;

pub fn install(vm: &Vm) {
    let module = vm.types().module.clone();
    crate::builtins::add_methods(
        vm,
        &module,
        &[
            ("__init__", module_init),
            ("__repr__", module_repr),
            ("__dir__", module_dir),
        ],
    );
}

/// A module object of class `cls` (`module` or a subclass) around `namespace`.
pub fn new_module_object(cls: &ObjRef, namespace: ObjRef) -> Value {
    Value::obj(PyObject::with_dict(cls.clone(), Payload::Module, namespace))
}

/// `module.__new__(cls)`: an empty namespace, filled by `__init__`.
pub fn module_new(vm: &Vm, cls: &ObjRef) -> Value {
    new_module_object(cls, vm.new_dict())
}

/// `module(name, doc=None)` called on the built-in type itself.
pub fn construct(vm: &mut Vm, cls: &ObjRef, args: Args) -> PyResult<Value> {
    let module = module_new(vm, cls);
    let mut all = vec![module.clone()];
    all.extend_from_slice(args.values);
    init_with_name(
        vm,
        Args {
            values: &all,
            kwnames: args.kwnames,
        },
        "module",
    )?;
    Ok(module)
}

/// `module.__init__(self, name, doc=None)`: `__name__`, `__doc__`, `__package__`,
/// `__loader__` and `__spec__`, in CPython's order.
fn module_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    init_with_name(vm, args, "module")?;
    Ok(Value::None)
}

/// `__init__` with the receiver first in `args`; `fname` names the function in errors.
pub fn init_with_name(vm: &mut Vm, args: Args, fname: &'static str) -> PyResult<()> {
    let method = MethodName {
        owner: "module",
        name: fname,
    };
    let shape = Shape::Keywords {
        names: &["name", "doc"],
        min: 0,
    };
    let (recv, slots) = bind(vm, &args, method, &shape)?;
    let Some(name) = slots.first().copied().flatten() else {
        return Err(vm.type_error(format!(
            "{fname}() missing required argument 'name' (pos 1)"
        )));
    };
    if !matches!(name.payload(), Some(Payload::Str(_))) {
        return Err(vm.type_error(format!(
            "{fname}() argument 'name' must be str, not {}",
            vm.type_name(name)
        )));
    }
    let doc = slots
        .get(1)
        .copied()
        .flatten()
        .cloned()
        .unwrap_or(Value::None);
    let Some(ns) = recv.as_obj().and_then(|o| o.dict_obj()) else {
        return Err(vm.type_error("module.__init__() requires a module"));
    };
    dict::set_str(vm, &ns, "__name__", name.clone());
    dict::set_str(vm, &ns, "__doc__", doc);
    for key in ["__package__", "__loader__", "__spec__"] {
        dict::set_str(vm, &ns, key, Value::None);
    }
    Ok(())
}

fn receiver_module(vm: &Vm, args: &Args, method: &str) -> PyResult<ObjRef> {
    match args.pos().first() {
        Some(Value::Obj(o)) if matches!(o.payload, Payload::Module) => Ok(o.clone()),
        Some(other) => Err(vm.type_error(format!(
            "descriptor '{method}' for 'module' objects doesn't apply to a '{}' object",
            vm.type_name(other)
        ))),
        None => Err(vm.type_error(format!(
            "descriptor '{method}' of 'module' object needs an argument"
        ))),
    }
}

fn module_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = receiver_module(vm, &args, "__repr__")?;
    let text = repr(vm, &m)?;
    Ok(vm.new_str(&text))
}

/// An attribute of a module read as Python code would (`getattr(module, name, None)`).
fn optional_attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    let name = vm.new_str(name);
    vm.get_optional_attr(obj, &name)
}

/// The module repr of `importlib._bootstrap._module_repr`: from `__spec__` when it is
/// set, else from `__name__`, `__file__` and `__loader__`. Modules the VM made for its
/// built-in modules have no `__loader__` at all and show as `(built-in)`.
pub fn repr(vm: &mut Vm, m: &ObjRef) -> PyResult<String> {
    let module = Value::Obj(m.clone());
    if let Some(spec) = optional_attr(vm, &module, "__spec__")? {
        if vm.is_true(&spec)? {
            return repr_from_spec(vm, &spec);
        }
    }
    let name = match optional_attr(vm, &module, "__name__")? {
        Some(n) => vm.repr(&n)?,
        None => "'?'".to_string(),
    };
    if let Some(file) = optional_attr(vm, &module, "__file__")? {
        return Ok(format!("<module {name} from {}>", vm.repr(&file)?));
    }
    Ok(match optional_attr(vm, &module, "__loader__")? {
        None if is_builtin_module(vm, m) => format!("<module {name} (built-in)>"),
        None | Some(Value::None) => format!("<module {name}>"),
        Some(loader) => format!("<module {name} ({})>", vm.repr(&loader)?),
    })
}

/// Whether `m` is the object `sys.modules` holds for one of the built-in modules.
fn is_builtin_module(vm: &Vm, m: &ObjRef) -> bool {
    let Some(name) = m.dict_obj().and_then(|d| dict::get_str(&d, "__name__")) else {
        return false;
    };
    let registered = dict::get_str(&vm.interp.modules, name_str(&name));
    let is_registered = matches!(&registered, Some(Value::Obj(o)) if Rc::ptr_eq(o, m));
    is_registered
        && (vm.is_native_module_name(name_str(&name))
            || matches!(name_str(&name), "sys" | "builtins"))
}

/// `_module_repr_from_spec`.
fn repr_from_spec(vm: &mut Vm, spec: &Value) -> PyResult<String> {
    let name = match vm.get_attr_str(spec, "name")? {
        Value::None => "'?'".to_string(),
        n => vm.repr(&n)?,
    };
    let origin = vm.get_attr_str(spec, "origin")?;
    if origin.is_none() {
        let loader = vm.get_attr_str(spec, "loader")?;
        return Ok(if loader.is_none() {
            format!("<module {name}>")
        } else {
            format!("<module {name} ({})>", vm.repr(&loader)?)
        });
    }
    let has_location = vm.get_attr_str(spec, "has_location")?;
    if vm.is_true(&has_location)? {
        Ok(format!("<module {name} from {}>", vm.repr(&origin)?))
    } else {
        Ok(format!("<module {name} ({})>", vm.to_str(&origin)?))
    }
}

/// `module.__dir__()`: the namespace's `__dir__()` when it defines one (PEP 562), else
/// the namespace's keys.
fn module_dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = receiver_module(vm, &args, "__dir__")?;
    let Some(ns) = m.dict_obj() else {
        return Err(vm.type_error("<module>.__dict__ is not a dictionary"));
    };
    if let Some(dir) = dict::get_str(&ns, "__dir__") {
        return vm.call(&dir, &[]);
    }
    let keys = ns.as_dict().map(|d| d.borrow().keys()).unwrap_or_default();
    Ok(vm.new_list(keys))
}

/// `type(obj).__dir__` when `obj` is a module (for `dir()`, which otherwise lists the
/// attributes of built-in objects itself).
pub fn dir_method(vm: &Vm, obj: &Value) -> Option<Value> {
    match obj {
        Value::Obj(o) if matches!(o.payload, Payload::Module) => {
            vm.type_lookup(&vm.class_of(o), "__dir__")
        }
        _ => None,
    }
}

/// PEP 562: after the ordinary lookup failed, the module's own `__getattr__(name)`.
/// `None` when the module defines none.
pub fn getattr_hook(vm: &mut Vm, m: &ObjRef, name: &Value) -> PyResult<Option<Value>> {
    let Some(hook) = m.dict_obj().and_then(|d| dict::get_str(&d, "__getattr__")) else {
        return Ok(None);
    };
    vm.call(&hook, std::slice::from_ref(name)).map(Some)
}

/// The AttributeError for `module.name` that does not exist.
pub fn no_attribute(vm: &mut Vm, m: &ObjRef, name: &Value) -> PyErr {
    let n = name_str(name);
    let module_name = m
        .dict_obj()
        .and_then(|d| dict::get_str(&d, "__name__"))
        .filter(|v| matches!(v.payload(), Some(Payload::Str(_))));
    let msg = match module_name {
        None => format!("module has no attribute '{n}'"),
        Some(mn) => {
            let mn = name_str(&mn).to_string();
            if is_initializing(vm, m) {
                format!(
                    "partially initialized module '{mn}' has no attribute '{n}' \
                     (most likely due to a circular import)"
                )
            } else if vm.module_name_is_executing(&format!("{mn}.{n}")) {
                format!(
                    "cannot access submodule '{n}' of module '{mn}' \
                     (most likely due to a circular import)"
                )
            } else {
                format!("module '{mn}' has no attribute '{n}'")
            }
        }
    };
    vm.attribute_error(msg, &Value::Obj(m.clone()), name)
}

/// Whether the module is still running its code: the import system marks the modules
/// it is executing, and `__spec__._initializing` says so for modules importlib loads.
pub fn is_initializing(vm: &mut Vm, m: &ObjRef) -> bool {
    if vm.module_is_executing(m) {
        return true;
    }
    let spec = m.dict_obj().and_then(|d| dict::get_str(&d, "__spec__"));
    match spec {
        Some(spec) if !spec.is_none() => {
            let flag = vm.new_str("_initializing");
            match vm.get_optional_attr(&spec, &flag) {
                Ok(Some(v)) => vm.is_true(&v).unwrap_or(false),
                _ => false,
            }
        }
        _ => false,
    }
}
