//! `__slots__`: classes whose instances store named attributes in fixed slots instead
//! of (or beside) a `__dict__`. Each slot is a `member_descriptor` in the class
//! namespace holding its index into the instance's `Payload::Slots` storage.

use std::rc::Rc;

use crate::error::PyResult;
use crate::object::{ObjRef, Payload, PyObject};
use crate::objects::dict;
use crate::objects::function::Args;
use crate::protocol::attr::name_str;
use crate::value::Value;
use crate::vm::Vm;

/// A `member_descriptor`: slot `index` of instances of the class named `owner`.
pub struct MemberData {
    pub name: Value,
    pub index: usize,
    pub owner: Rc<str>,
}

/// How instances of a type store attributes: `count` slots (those of the bases
/// included) and whether they also have a `__dict__`.
#[derive(Clone, Copy, Debug)]
pub struct SlotLayout {
    pub count: usize,
    pub has_dict: bool,
}

impl SlotLayout {
    /// Plain classes and built-in types: no slots, a `__dict__`.
    pub const DICT_ONLY: SlotLayout = SlotLayout {
        count: 0,
        has_dict: true,
    };
}

/// Read `__slots__` from a new class's namespace `ns` and add a member descriptor per
/// slot; the result is the layout instances of the class get.
pub fn apply_slots(
    vm: &mut Vm,
    class_name: &str,
    ns: &ObjRef,
    bases: &[ObjRef],
) -> PyResult<SlotLayout> {
    let object = vm.types().object.clone();
    let mut base_count = 0;
    let mut base_has_dict = false;
    for base in bases {
        if let Some(t) = base.as_type() {
            let layout = t.slots.get();
            base_count = base_count.max(layout.count);
            base_has_dict |= layout.has_dict && !Rc::ptr_eq(base, &object);
        }
    }
    let Some(spec) = dict::get_str(ns, "__slots__") else {
        return Ok(SlotLayout {
            count: base_count,
            has_dict: true,
        });
    };
    let names = match spec.payload() {
        Some(Payload::Str(_)) => vec![spec.clone()],
        _ => vm.collect_iterable(&spec)?,
    };
    let mut layout = SlotLayout {
        count: base_count,
        has_dict: base_has_dict,
    };
    for name in names {
        if !matches!(name.payload(), Some(Payload::Str(_))) {
            return Err(vm.type_error(format!(
                "__slots__ items must be strings, not '{}'",
                vm.type_name(&name)
            )));
        }
        let text = name_str(&name).to_string();
        if text == "__dict__" {
            layout.has_dict = true;
            continue;
        }
        if text == "__weakref__" {
            continue;
        }
        if dict::get_str(ns, &text).is_some() {
            return Err(vm.value_error(format!(
                "'{text}' in __slots__ conflicts with class variable"
            )));
        }
        let member = MemberData {
            name: name.clone(),
            index: layout.count,
            owner: class_name.into(),
        };
        let descr = Value::obj(PyObject::new(
            vm.types().member_descriptor.clone(),
            Payload::Member(Box::new(member)),
        ));
        dict::set_item(vm, ns, name, descr)?;
        layout.count += 1;
    }
    Ok(layout)
}

/// Where `obj` keeps the slot `m` describes.
enum Storage<'a> {
    /// The slot array of a plain instance.
    Cells(&'a std::cell::RefCell<Box<[Value]>>),
    /// The instance dict, under the slot's name: instances of a Python subclass of a
    /// native type (`class KeyedRef(weakref.ref): __slots__ = "key",`) keep the native
    /// payload, so their slots live beside it.
    Dict(ObjRef),
}

/// The slot storage of `obj` when `m` belongs to its class (found along its MRO).
fn storage<'a>(vm: &Vm, m: &MemberData, obj: &'a Value) -> PyResult<Storage<'a>> {
    let ty = vm.type_of(obj);
    let applies =
        vm.type_lookup(&ty, name_str(&m.name))
            .is_some_and(|found| match found.payload() {
                Some(Payload::Member(other)) => std::ptr::eq(&**other, m),
                _ => false,
            });
    match (obj.payload(), obj.as_obj().and_then(|o| o.dict_obj())) {
        (Some(Payload::Slots(s)), _) if applies && m.index < s.borrow().len() => {
            Ok(Storage::Cells(s))
        }
        (Some(Payload::Native(_)), Some(d)) if applies => Ok(Storage::Dict(d)),
        _ => Err(vm.type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            name_str(&m.name),
            m.owner,
            vm.type_name(obj)
        ))),
    }
}

/// `obj.slot`.
pub fn member_get(vm: &Vm, m: &MemberData, obj: &Value) -> PyResult<Value> {
    let value = match storage(vm, m, obj)? {
        Storage::Cells(cells) => cells.borrow()[m.index].clone(),
        Storage::Dict(d) => dict::get_str(&d, name_str(&m.name)).unwrap_or(Value::Null),
    };
    if value.is_null() {
        let msg = format!(
            "'{}' object has no attribute '{}'",
            vm.type_name(obj),
            name_str(&m.name)
        );
        return Err(vm.attribute_error(msg, obj, &m.name));
    }
    Ok(value)
}

/// `obj.slot = value` (`Some`) or `del obj.slot` (`None`).
pub fn member_set(vm: &mut Vm, m: &MemberData, obj: &Value, value: Option<Value>) -> PyResult<()> {
    let missing = |vm: &Vm| vm.attribute_error(name_str(&m.name), obj, &m.name);
    match storage(vm, m, obj)? {
        Storage::Cells(cells) => {
            let was_set = !cells.borrow()[m.index].is_null();
            if value.is_none() && !was_set {
                return Err(missing(vm));
            }
            cells.borrow_mut()[m.index] = value.unwrap_or(Value::Null);
        }
        Storage::Dict(d) => {
            let removed = match value {
                Some(v) => dict::set_item(vm, &d, m.name.clone(), v).map(|()| true)?,
                None => dict::del_item(vm, &d, &m.name)?.is_some(),
            };
            if !removed {
                return Err(missing(vm));
            }
        }
    }
    Ok(())
}

/// `<member 'x' of 'A' objects>`.
pub fn repr(m: &MemberData) -> String {
    format!("<member '{}' of '{}' objects>", name_str(&m.name), m.owner)
}

pub fn install(vm: &Vm) {
    crate::builtins::add_methods(
        vm,
        &vm.types().member_descriptor.clone(),
        &[
            ("__get__", member_get_method),
            ("__set__", member_set_method),
            ("__delete__", member_delete_method),
        ],
    );
}

fn member_of<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<(&'a MemberData, &'a [Value])> {
    match args.pos().split_first() {
        Some((first, rest)) => match first.payload() {
            Some(Payload::Member(m)) => Ok((m, rest)),
            _ => Err(vm.type_error("descriptor requires a 'member_descriptor' object")),
        },
        None => Err(vm.type_error("descriptor requires a 'member_descriptor' object")),
    }
}

fn member_get_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (m, rest) = member_of(vm, &args)?;
    match rest.first() {
        None | Some(Value::None) => Ok(args.pos()[0].clone()),
        Some(obj) => member_get(vm, m, obj),
    }
}

fn member_set_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (m, rest) = member_of(vm, &args)?;
    let [obj, value] = rest else {
        return Err(vm.type_error(format!("expected 2 arguments, got {}", rest.len())));
    };
    member_set(vm, m, obj, Some(value.clone()))?;
    Ok(Value::None)
}

fn member_delete_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (m, rest) = member_of(vm, &args)?;
    let [obj] = rest else {
        return Err(vm.type_error(format!("expected 1 argument, got {}", rest.len())));
    };
    member_set(vm, m, obj, None)?;
    Ok(Value::None)
}
