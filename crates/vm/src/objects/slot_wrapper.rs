//! Slot wrappers: the special methods of built-in types as attributes. `int.__add__` is
//! a `wrapper_descriptor` in `int.__dict__`; read through an instance it binds to a
//! `method-wrapper` (`(1).__add__`); called, it checks its receiver's type and runs the
//! built-in implementation (`objects/slot_kinds.rs`). Each built-in type gets exactly
//! the wrappers CPython's has (`objects/slot_tables.rs`), so `dir()` and `vars()` agree.
//! The protocols themselves never go through these objects: the VM's fast paths stay as
//! they are, and a wrapper found on a built-in type never counts as a Python override.

use crate::error::PyResult;
use crate::native_module::NativeObject;
use crate::object::{ObjRef, Payload, PyObject};
use crate::objects::dict;
use crate::objects::function::{Args, NativeFn};
use crate::objects::slot_kinds::{self, SlotKind};
use crate::value::Value;
use crate::vm::Vm;

/// What calling the wrapper runs.
pub enum SlotImpl {
    /// A protocol's built-in implementation.
    Protocol(SlotKind),
    /// A Rust method the type already had under this name (`object.__init__`...).
    Native(NativeFn),
    /// `T.__new__(cls, ...)`: a built-in method bound to the type (CPython's
    /// `tp_new_wrapper`), shown as `<built-in method __new__ of type object ...>`.
    New,
}

/// A `wrapper_descriptor` (or a type's `__new__`, or a special method CPython defines
/// as an ordinary method, such as `set.__contains__`).
pub struct SlotWrapper {
    pub name: &'static str,
    /// The type whose slot this is (`__objclass__`).
    pub owner: ObjRef,
    pub imp: SlotImpl,
    /// Shown and bound as a method (`<method '__contains__' of 'set' objects>`), not as
    /// a slot wrapper.
    pub as_method: bool,
}

impl NativeObject for SlotWrapper {}

/// A new wrapper for `owner.name`.
fn new_slot_wrapper(
    vm: &Vm,
    owner: &ObjRef,
    name: &'static str,
    imp: SlotImpl,
    as_method: bool,
) -> Value {
    let class = if as_method || matches!(imp, SlotImpl::New) {
        vm.types().builtin_function.clone()
    } else {
        vm.types().wrapper_descriptor.clone()
    };
    let wrapper = SlotWrapper {
        name,
        owner: owner.clone(),
        imp,
        as_method,
    };
    Value::obj(PyObject::new(class, Payload::Native(Box::new(wrapper))))
}

/// Whether `descr` is a slot wrapper that binds like a method (all but `__new__`), so
/// method calls can skip making the `method-wrapper`.
pub fn binds_as_method(descr: &Value) -> bool {
    descr
        .native::<SlotWrapper>()
        .is_some_and(|w| !matches!(w.imp, SlotImpl::New))
}

/// `descr.__get__(instance, owner)` for a slot wrapper: unbound on the class, a
/// `method-wrapper` on an instance; `__new__` never binds.
pub fn bind(vm: &Vm, descr: Value, w: &SlotWrapper, instance: &Value) -> Value {
    if instance.is_null() || matches!(w.imp, SlotImpl::New) {
        return descr;
    }
    if w.as_method {
        return vm.new_method(descr, instance.clone());
    }
    Value::obj(PyObject::new(
        vm.types().method_wrapper.clone(),
        Payload::Method {
            func: descr,
            self_: instance.clone(),
        },
    ))
}

/// Call the wrapper: `int.__add__(1, 2)`.
pub fn call(vm: &mut Vm, w: &SlotWrapper, args: Args) -> PyResult<Value> {
    if let SlotImpl::New = w.imp {
        return call_new(vm, w, args);
    }
    let owner_name = type_name(&w.owner);
    let Some(receiver) = args.pos().first() else {
        return Err(vm.type_error(format!(
            "descriptor '{}' of '{owner_name}' object needs an argument",
            w.name
        )));
    };
    if !vm.is_instance(receiver, &w.owner) {
        return Err(vm.type_error(format!(
            "descriptor '{}' requires a '{owner_name}' object but received a '{}'",
            w.name,
            vm.type_name(receiver)
        )));
    }
    match w.imp {
        SlotImpl::Native(f) => f(vm, args),
        SlotImpl::Protocol(kind) => {
            let rest = Args {
                values: &args.values[1..],
                kwnames: args.kwnames,
            };
            slot_kinds::invoke(vm, kind, &w.owner, receiver, rest)
        }
        SlotImpl::New => Err(vm.system_error("unreachable __new__ dispatch")),
    }
}

/// `T.__new__(cls, *args)`: `cls` must be a subtype of `T`; makes an instance of `cls`
/// with `T`'s layout (CPython's `tp_new_wrapper`).
fn call_new(vm: &mut Vm, w: &SlotWrapper, args: Args) -> PyResult<Value> {
    let owner_name = type_name(&w.owner);
    let cls = match args.pos().first() {
        None => return Err(vm.type_error(format!("{owner_name}.__new__(): not enough arguments"))),
        Some(Value::Obj(o)) if o.as_type().is_some() => o.clone(),
        Some(other) => {
            return Err(vm.type_error(format!(
                "{owner_name}.__new__(X): X is not a type object ({})",
                vm.type_name(other)
            )))
        }
    };
    if !vm.is_subtype(&cls, &w.owner) {
        return Err(vm.type_error(format!(
            "{owner_name}.__new__({}): {} is not a subtype of {owner_name}",
            type_name(&cls),
            type_name(&cls)
        )));
    }
    let rest = Args {
        values: &args.values[1..],
        kwnames: args.kwnames,
    };
    let is_module = cls
        .as_type()
        .is_some_and(|t| t.layout == crate::objects::type_::Layout::Module);
    if vm.type_is_heap(&cls) || is_module {
        crate::objects::type_call::new_instance(vm, &cls, rest)
    } else {
        crate::objects::type_call::type_call(vm, &cls, rest)
    }
}

fn type_name(ty: &ObjRef) -> String {
    ty.as_type()
        .map_or_else(String::new, |t| t.name().to_string())
}

/// The reprs: `<slot wrapper '__add__' of 'int' objects>`, and for a bound one
/// `<method-wrapper '__add__' of int object at 0x...>`.
pub fn repr(vm: &Vm, o: &ObjRef, bound_to: Option<&Value>) -> Option<String> {
    let w = o.native::<SlotWrapper>()?;
    let owner = type_name(&w.owner);
    Some(match (bound_to, &w.imp) {
        (_, SlotImpl::New) => format!(
            "<built-in method __new__ of type object at {:#x}>",
            Value::Obj(w.owner.clone()).id()
        ),
        (Some(receiver), _) if w.as_method => format!(
            "<built-in method {} of {} object at {:#x}>",
            w.name,
            vm.type_name(receiver),
            receiver.id()
        ),
        (None, _) if w.as_method => format!("<method '{}' of '{owner}' objects>", w.name),
        (Some(receiver), _) => format!(
            "<method-wrapper '{}' of {} object at {:#x}>",
            w.name,
            vm.type_name(receiver),
            receiver.id()
        ),
        (None, _) => format!("<slot wrapper '{}' of '{owner}' objects>", w.name),
    })
}

/// `__name__`, `__qualname__`, `__objclass__`, `__self__` (for `__new__`), `__doc__`.
pub fn attribute(vm: &Vm, o: &ObjRef, name: &str) -> Option<Value> {
    let w = o.native::<SlotWrapper>()?;
    Some(match name {
        "__name__" => vm.new_str(w.name),
        "__qualname__" => vm.new_str(&format!("{}.{}", type_name(&w.owner), w.name)),
        "__objclass__" if !matches!(w.imp, SlotImpl::New) => Value::Obj(w.owner.clone()),
        "__self__" if matches!(w.imp, SlotImpl::New) => Value::Obj(w.owner.clone()),
        "__doc__" | "__text_signature__" => Value::None,
        _ => return None,
    })
}

/// Give every built-in type the special methods CPython's has, as slot wrappers.
/// Methods the type already defines in Rust under those names become the wrappers'
/// implementations; names the VM has no implementation for are left out. Then the
/// special methods CPython defines as plain methods, where the type lacks them.
pub fn install(vm: &Vm) {
    for (ty, names) in crate::objects::slot_tables::method_tables(vm) {
        let Some(d) = ty.dict_obj() else { continue };
        for name in names {
            if dict::get_str(&d, name).is_some() {
                continue;
            }
            if let Some(kind) = SlotKind::from_name(name) {
                let v = new_slot_wrapper(vm, &ty, name, SlotImpl::Protocol(kind), true);
                dict::set_str(vm, &d, name, v);
            }
        }
    }
    for ty in crate::objects::slot_tables::unhashable(vm) {
        if let Some(d) = ty.dict_obj() {
            dict::set_str(vm, &d, "__hash__", Value::None);
        }
    }
    for (ty, names) in crate::objects::slot_tables::tables(vm) {
        let Some(d) = ty.dict_obj() else { continue };
        // Every built-in type documents itself (the text is not kept: `None`).
        if dict::get_str(&d, "__doc__").is_none() {
            dict::set_str(vm, &d, "__doc__", Value::None);
        }
        for name in names {
            let existing = dict::get_str(&d, name);
            // The descriptor slots bind any of the VM's descriptors generically.
            let generic = matches!(*name, "__get__" | "__set__" | "__delete__");
            let imp = match (existing.as_ref().and_then(|v| v.payload()), *name) {
                (Some(Payload::BuiltinFunction(b)), n)
                    if n != "__new__" && b.owner.is_some() && !generic =>
                {
                    SlotImpl::Native(b.func)
                }
                (Some(Payload::BuiltinFunction(_)), n) if generic => match SlotKind::from_name(n) {
                    Some(kind) => SlotImpl::Protocol(kind),
                    None => continue,
                },
                (Some(_), _) => continue,
                (None, "__new__") => SlotImpl::New,
                (None, n) => match SlotKind::from_name(n) {
                    Some(kind) => SlotImpl::Protocol(kind),
                    None => continue,
                },
            };
            dict::set_str(vm, &d, name, new_slot_wrapper(vm, &ty, name, imp, false));
        }
    }
}
