//! The built-in descriptor types written for classes: `property`, `staticmethod` and
//! `classmethod` (CPython's `Objects/descrobject.c` property and `funcobject.c`).
//! How they bind on attribute access lives in `protocol/attr.rs`; this file makes them,
//! implements their methods (`getter`, `__get__`...) and their attributes.

use std::cell::RefCell;
use std::rc::Rc;

use crate::error::PyResult;
use crate::object::{ObjRef, Payload, PyObject};
use crate::objects::function::Args;
use crate::objects::str_stand_in::unexpected_keyword;
use crate::protocol::attr::name_str;
use crate::value::Value;
use crate::vm::Vm;

/// A `property`'s accessors (`None` when absent) and documentation.
pub struct PropertyData {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Value,
    /// The name given by `__set_name__` (`Null` before): used in error messages.
    pub name: RefCell<Value>,
}

/// Which accessor a property operation needs, for "has no getter/setter/deleter".
#[derive(Clone, Copy)]
enum Accessor {
    Get,
    Set,
    Delete,
}

pub fn install(vm: &Vm) {
    let t = vm.types();
    crate::builtins::add_methods(
        vm,
        &t.property,
        &[
            ("getter", property_getter),
            ("setter", property_setter),
            ("deleter", property_deleter),
            ("__get__", property_get_method),
            ("__set__", property_set_method),
            ("__delete__", property_delete_method),
            ("__set_name__", property_set_name),
        ],
    );
    crate::builtins::add_methods(
        vm,
        &t.staticmethod,
        &[
            ("__get__", staticmethod_get),
            ("__call__", staticmethod_call),
        ],
    );
    crate::builtins::add_methods(vm, &t.classmethod, &[("__get__", classmethod_get)]);
    crate::objects::slots::install(vm);
}

/// `property(...)`, `staticmethod(f)`, `classmethod(f)`: `None` for other types.
pub fn construct(vm: &mut Vm, ty: &ObjRef, args: Args) -> PyResult<Option<Value>> {
    let t = vm.types();
    if Rc::ptr_eq(ty, &t.property) {
        return new_property(vm, args).map(Some);
    }
    let wrapper = if Rc::ptr_eq(ty, &t.staticmethod) {
        "staticmethod"
    } else if Rc::ptr_eq(ty, &t.classmethod) {
        "classmethod"
    } else {
        return Ok(None);
    };
    if !args.kwnames.is_empty() {
        return Err(vm.type_error(format!("{wrapper}() takes no keyword arguments")));
    }
    let [f] = args.pos() else {
        return Err(vm.type_error(format!(
            "{wrapper} expected 1 argument, got {}",
            args.pos().len()
        )));
    };
    let payload = if wrapper == "staticmethod" {
        Payload::StaticMethod(f.clone())
    } else {
        Payload::ClassMethod(f.clone())
    };
    Ok(Some(Value::obj(PyObject::with_dict(
        ty.clone(),
        payload,
        vm.new_dict(),
    ))))
}

/// `property(fget=None, fset=None, fdel=None, doc=None)`.
fn new_property(vm: &mut Vm, args: Args) -> PyResult<Value> {
    const NAMES: [&str; 4] = ["fget", "fset", "fdel", "doc"];
    let pos = args.pos();
    if pos.len() > 4 {
        return Err(vm.type_error(format!(
            "property() takes at most 4 arguments ({} given)",
            pos.len()
        )));
    }
    let mut slots = [Value::None, Value::None, Value::None, Value::None];
    for (slot, v) in slots.iter_mut().zip(pos) {
        *slot = v.clone();
    }
    for (k, v) in args.kwargs() {
        let Some(i) = NAMES.iter().position(|n| *n == name_str(k)) else {
            return Err(unexpected_keyword(vm, "property", k));
        };
        if i < pos.len() {
            return Err(vm.type_error(format!(
                "argument for property() given by name ('{}') and position ({})",
                NAMES[i],
                i + 1
            )));
        }
        slots[i] = v.clone();
    }
    let [fget, fset, fdel, doc] = slots;
    make_property(vm, fget, fset, fdel, doc)
}

fn make_property(
    vm: &mut Vm,
    fget: Value,
    fset: Value,
    fdel: Value,
    doc: Value,
) -> PyResult<Value> {
    // Without an explicit doc, a property documents itself with its getter's docstring.
    let doc = if doc.is_none() && !fget.is_none() {
        vm.lookup_attr(&fget, &vm.new_str("__doc__"))?
            .unwrap_or(Value::None)
    } else {
        doc
    };
    let data = PropertyData {
        fget,
        fset,
        fdel,
        doc,
        name: RefCell::new(Value::Null),
    };
    Ok(Value::obj(PyObject::new(
        vm.types().property.clone(),
        Payload::Property(Box::new(data)),
    )))
}

/// The payload of a descriptor made by the built-in constructor, for an instance of a
/// subclass (`class cached(property)`); `None` for other objects.
pub fn copy_payload(o: &ObjRef) -> Option<Payload> {
    Some(match &o.payload {
        Payload::Property(p) => Payload::Property(Box::new(PropertyData {
            fget: p.fget.clone(),
            fset: p.fset.clone(),
            fdel: p.fdel.clone(),
            doc: p.doc.clone(),
            name: RefCell::new(p.name.borrow().clone()),
        })),
        Payload::StaticMethod(f) => Payload::StaticMethod(f.clone()),
        Payload::ClassMethod(f) => Payload::ClassMethod(f.clone()),
        Payload::Native(_) => {
            let alias = o.native::<crate::objects::generic_alias::GenericAlias>()?;
            Payload::Native(Box::new(alias.copy()))
        }
        _ => return None,
    })
}

fn property_of<'a>(vm: &Vm, v: Option<&'a Value>) -> PyResult<&'a PropertyData> {
    match v.and_then(|v| v.payload()) {
        Some(Payload::Property(p)) => Ok(p),
        _ => Err(vm.type_error("descriptor requires a 'property' object")),
    }
}

/// `prop.getter(f)` / `setter` / `deleter`: a copy with one accessor replaced.
fn property_copy(vm: &mut Vm, args: Args, which: Accessor) -> PyResult<Value> {
    let pos = args.pos();
    let p = property_of(vm, pos.first())?;
    let [_, f] = pos else {
        return Err(vm.type_error("property accessor decorators take exactly one argument"));
    };
    let (mut fget, mut fset, mut fdel) = (p.fget.clone(), p.fset.clone(), p.fdel.clone());
    match which {
        Accessor::Get => fget = f.clone(),
        Accessor::Set => fset = f.clone(),
        Accessor::Delete => fdel = f.clone(),
    }
    // A doc taken from the old getter follows the new getter.
    let doc_from_getter = !p.fget.is_none()
        && vm
            .lookup_attr(&p.fget, &vm.new_str("__doc__"))?
            .is_some_and(|d| d.is(&p.doc));
    let doc = if doc_from_getter {
        Value::None
    } else {
        p.doc.clone()
    };
    // `type(self)(fget, fset, fdel, doc)`, so that subclasses stay subclasses.
    let name = p.name.borrow().clone();
    let ty = Value::Obj(vm.type_of(&pos[0]));
    let copy = vm.call(&ty, &[fget, fset, fdel, doc])?;
    if let Some(Payload::Property(new)) = copy.payload() {
        if !name.is_null() {
            *new.name.borrow_mut() = name;
        }
    }
    Ok(copy)
}

fn property_getter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_copy(vm, args, Accessor::Get)
}

fn property_setter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_copy(vm, args, Accessor::Set)
}

fn property_deleter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_copy(vm, args, Accessor::Delete)
}

/// The property's name for messages: its `__set_name__` name, or its getter's `__name__`.
fn property_name(vm: &mut Vm, p: &PropertyData) -> PyResult<Option<Value>> {
    let name = p.name.borrow().clone();
    if !name.is_null() {
        return Ok(Some(name));
    }
    if p.fget.is_none() {
        return Ok(None);
    }
    vm.lookup_attr(&p.fget, &vm.new_str("__name__"))
}

/// "property 'x' of 'A' object has no setter".
fn missing_accessor(vm: &mut Vm, p: &PropertyData, obj: &Value, which: Accessor) -> PyResult<()> {
    let what = match which {
        Accessor::Get => "getter",
        Accessor::Set => "setter",
        Accessor::Delete => "deleter",
    };
    let ty = vm.type_of(obj);
    let qualname = ty
        .as_type()
        .map_or_else(String::new, |t| t.qualname.borrow().to_string());
    let qualname = vm.repr(&vm.new_str(&qualname))?;
    let msg = match property_name(vm, p)? {
        Some(name) => format!(
            "property {} of {qualname} object has no {what}",
            vm.repr(&name)?
        ),
        None => format!("property of {qualname} object has no {what}"),
    };
    let name = p.name.borrow().clone();
    Err(vm.attribute_error(msg, obj, &name))
}

/// Reading a property through an instance.
pub fn property_get(vm: &mut Vm, p: &PropertyData, obj: &Value) -> PyResult<Value> {
    if p.fget.is_none() {
        missing_accessor(vm, p, obj, Accessor::Get)?;
    }
    vm.call(&p.fget, std::slice::from_ref(obj))
}

/// Assigning (`Some(value)`) or deleting (`None`) a property through an instance.
pub fn property_set(
    vm: &mut Vm,
    p: &PropertyData,
    obj: &Value,
    value: Option<Value>,
) -> PyResult<()> {
    match value {
        Some(v) => {
            if p.fset.is_none() {
                missing_accessor(vm, p, obj, Accessor::Set)?;
            }
            vm.call(&p.fset, &[obj.clone(), v])?;
        }
        None => {
            if p.fdel.is_none() {
                missing_accessor(vm, p, obj, Accessor::Delete)?;
            }
            vm.call(&p.fdel, std::slice::from_ref(obj))?;
        }
    }
    Ok(())
}

fn property_get_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    let p = property_of(vm, pos.first())?;
    match pos.get(1) {
        None => Err(vm.type_error("expected at least 1 argument, got 0")),
        Some(Value::None) => Ok(pos[0].clone()),
        Some(obj) => property_get(vm, p, obj),
    }
}

fn property_set_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    let p = property_of(vm, pos.first())?;
    let [_, obj, value] = pos else {
        return Err(vm.type_error(format!(
            "expected 2 arguments, got {}",
            pos.len().saturating_sub(1)
        )));
    };
    property_set(vm, p, obj, Some(value.clone()))?;
    Ok(Value::None)
}

fn property_delete_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    let p = property_of(vm, pos.first())?;
    let [_, obj] = pos else {
        return Err(vm.type_error(format!(
            "expected 1 argument, got {}",
            pos.len().saturating_sub(1)
        )));
    };
    property_set(vm, p, obj, None)?;
    Ok(Value::None)
}

fn property_set_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    let p = property_of(vm, pos.first())?;
    let [_, _owner, name] = pos else {
        return Err(vm.type_error(format!(
            "__set_name__() takes 2 positional arguments but {} were given",
            pos.len().saturating_sub(1)
        )));
    };
    *p.name.borrow_mut() = name.clone();
    Ok(Value::None)
}

/// `staticmethod.__get__(obj, type=None)`: the function itself.
fn staticmethod_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos().first().and_then(|v| v.payload()) {
        Some(Payload::StaticMethod(f)) => Ok(f.clone()),
        _ => Err(vm.type_error("descriptor '__get__' requires a 'staticmethod' object")),
    }
}

/// `staticmethod.__call__(*args, **kwargs)`: a static method is callable (3.10+),
/// which matters for an implicit `__new__` called straight from a class dict.
fn staticmethod_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.values.split_first() {
        Some((Value::Obj(o), rest)) => match &o.payload {
            Payload::StaticMethod(f) => {
                let f = f.clone();
                vm.call_with(
                    &f,
                    Args {
                        values: rest,
                        kwnames: args.kwnames,
                    },
                )
            }
            _ => Err(vm.type_error("descriptor '__call__' requires a 'staticmethod' object")),
        },
        _ => Err(vm.type_error("descriptor '__call__' requires a 'staticmethod' object")),
    }
}

/// `classmethod.__get__(obj, type=None)`: the function bound to the class.
fn classmethod_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    let Some(Payload::ClassMethod(f)) = pos.first().and_then(|v| v.payload()) else {
        return Err(vm.type_error("descriptor '__get__' requires a 'classmethod' object"));
    };
    let owner = match (pos.get(1), pos.get(2)) {
        (_, Some(ty)) if !ty.is_none() => ty.clone(),
        (Some(obj), _) => Value::Obj(vm.type_of(obj)),
        (None, _) => return Err(vm.type_error("__get__(None, None) is invalid")),
    };
    Ok(vm.new_method(f.clone(), owner))
}

/// The attributes these descriptors expose (`fget`, `__func__`, `__doc__`...).
pub fn attribute(vm: &mut Vm, o: &ObjRef, name: &str) -> PyResult<Option<Value>> {
    match &o.payload {
        Payload::Property(p) => Ok(match name {
            "fget" => Some(p.fget.clone()),
            "fset" => Some(p.fset.clone()),
            "fdel" => Some(p.fdel.clone()),
            "__doc__" => Some(p.doc.clone()),
            "__name__" => {
                return match property_name(vm, p)? {
                    Some(n) => Ok(Some(n)),
                    None => Err(vm.attribute_error(
                        "'property' object has no attribute '__name__'",
                        &Value::Obj(o.clone()),
                        &vm.new_str("__name__"),
                    )),
                }
            }
            "__isabstractmethod__" => Some(Value::Bool(false)),
            _ => None,
        }),
        Payload::StaticMethod(f) | Payload::ClassMethod(f) => match name {
            "__func__" | "__wrapped__" => Ok(Some(f.clone())),
            "__name__" | "__qualname__" | "__doc__" | "__module__" => {
                vm.lookup_attr(f, &vm.new_str(name))
            }
            "__isabstractmethod__" => Ok(Some(Value::Bool(false))),
            _ => Ok(None),
        },
        _ => Ok(None),
    }
}

/// `<staticmethod(<function f at ...>)>`; properties use the default repr.
pub fn repr(vm: &mut Vm, o: &ObjRef) -> PyResult<Option<String>> {
    let (kind, f) = match &o.payload {
        Payload::StaticMethod(f) => ("staticmethod", f),
        Payload::ClassMethod(f) => ("classmethod", f),
        _ => return Ok(None),
    };
    Ok(Some(format!("<{kind}({})>", vm.repr(f)?)))
}
