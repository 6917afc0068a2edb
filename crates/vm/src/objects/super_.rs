//! The `super` type: `super(type, obj)`, the zero-argument form (which reads the
//! calling frame's `__class__` cell and first argument), and attribute lookup that starts
//! after `type` in the MRO of `obj`'s type (CPython's `Objects/typeobject.c` super).

use std::rc::Rc;

use adder_bytecode::LocalKind;

use crate::error::PyResult;
use crate::frame::Frame;
use crate::object::{ObjRef, Payload, PyObject};
use crate::objects::dict;
use crate::objects::function::Args;
use crate::protocol::attr::name_str;
use crate::value::Value;
use crate::vm::Vm;

pub struct SuperData {
    /// The class after which lookup starts.
    pub start: ObjRef,
    /// The bound object (`None` for the unbound one-argument form).
    pub obj: Option<Value>,
    /// `type(obj)`, or `obj` itself when it is a subclass of `start`.
    pub obj_type: Option<ObjRef>,
}

/// `super(...)`: `None` when `ty` is not `super`.
pub fn construct(vm: &mut Vm, ty: &ObjRef, args: Args) -> PyResult<Option<Value>> {
    if !Rc::ptr_eq(ty, &vm.types().super_) {
        return Ok(None);
    }
    if !args.kwnames.is_empty() {
        return Err(vm.type_error("super() takes no keyword arguments"));
    }
    let data = match args.pos() {
        [] => zero_argument_super(vm)?,
        [start] => SuperData {
            start: as_type_arg(vm, start)?,
            obj: None,
            obj_type: None,
        },
        [start, obj] => bound(vm, as_type_arg(vm, start)?, obj.clone())?,
        more => {
            return Err(vm.type_error(format!(
                "super() expected at most 2 arguments, got {}",
                more.len()
            )))
        }
    };
    Ok(Some(new_super(vm, data)))
}

/// `super(start, obj)` for `LOAD_SUPER_ATTR` and the constructor.
pub fn new_bound(vm: &mut Vm, start: &Value, obj: Value) -> PyResult<Value> {
    let start = as_type_arg(vm, start)?;
    let data = bound(vm, start, obj)?;
    Ok(new_super(vm, data))
}

fn new_super(vm: &Vm, data: SuperData) -> Value {
    Value::obj(PyObject::new(
        vm.types().super_.clone(),
        Payload::Super(Box::new(data)),
    ))
}

fn as_type_arg(vm: &Vm, v: &Value) -> PyResult<ObjRef> {
    match v.as_obj() {
        Some(o) if o.as_type().is_some() => Ok(o.clone()),
        _ => Err(vm.type_error(format!(
            "super() argument 1 must be a type, not {}",
            vm.type_name(v)
        ))),
    }
}

/// CPython's `supercheck`: the type whose MRO the lookup walks.
fn bound(vm: &mut Vm, start: ObjRef, obj: Value) -> PyResult<SuperData> {
    let obj_type = match obj.as_obj() {
        Some(o) if o.as_type().is_some() && vm.is_subtype(o, &start) => o.clone(),
        _ if vm.is_instance(&obj, &start) => vm.type_of(&obj),
        _ => {
            let (kind, name) = match obj.as_obj().and_then(|o| o.as_type()) {
                Some(t) => ("type", t.name().to_string()),
                None => ("instance of", vm.type_name(&obj).to_string()),
            };
            let start_name = start
                .as_type()
                .map_or_else(String::new, |t| t.name().to_string());
            return Err(vm.type_error(format!(
                "super(type, obj): obj ({kind} {name}) is not an instance or subtype of type ({start_name})."
            )));
        }
    };
    Ok(SuperData {
        start,
        obj: Some(obj),
        obj_type: Some(obj_type),
    })
}

/// `super()` inside a method: `super(__class__, <first argument>)` of the calling frame.
fn zero_argument_super(vm: &mut Vm) -> PyResult<SuperData> {
    let Some(frame) = vm.thread.frames.last() else {
        return Err(vm.runtime_error("super(): no current frame"));
    };
    let (start, first) = frame_class_and_self(vm, frame)?;
    bound(vm, start, first)
}

fn frame_class_and_self(vm: &Vm, frame: &Frame) -> PyResult<(ObjRef, Value)> {
    let code = &frame.code_data().code;
    if code.argcount == 0 {
        return Err(vm.runtime_error("super(): no arguments"));
    }
    let mut first = frame.slots.first().cloned().unwrap_or(Value::Null);
    if code
        .localsplus_kinds
        .first()
        .is_some_and(|k| k.is(LocalKind::CELL))
    {
        if let Some(Payload::Cell(c)) = first.payload() {
            let inner = c.borrow().clone();
            first = inner;
        }
    }
    if first.is_null() {
        return Err(vm.runtime_error("super(): arg[0] deleted"));
    }
    let class_slot = code
        .localsplus_names
        .iter()
        .zip(&code.localsplus_kinds)
        .position(|(n, k)| &**n == "__class__" && k.is(LocalKind::FREE));
    let Some(slot) = class_slot else {
        return Err(vm.runtime_error("super(): __class__ cell not found"));
    };
    let class = match frame.slots.get(slot).and_then(|c| c.payload()) {
        Some(Payload::Cell(c)) => c.borrow().clone(),
        _ => Value::Null,
    };
    match class {
        Value::Null => Err(vm.runtime_error("super(): empty __class__ cell")),
        Value::Obj(o) if o.as_type().is_some() => Ok((o, first)),
        other => Err(vm.system_error(format!(
            "super(): __class__ is not a type ({})",
            vm.type_name(&other)
        ))),
    }
}

/// `super_obj.name`: the first class after `start` in `obj_type`'s MRO that defines
/// `name`, bound as a descriptor to the object (or to nothing for class lookups).
pub fn get_attribute(vm: &mut Vm, s: &SuperData, name: &Value) -> PyResult<Option<Value>> {
    let n = name_str(name);
    if let (Some(obj_type), Some(obj)) = (&s.obj_type, &s.obj) {
        if n != "__class__" {
            let mro = obj_type
                .as_type()
                .map(|t| t.mro.borrow().clone())
                .unwrap_or_default();
            let after = mro
                .iter()
                .position(|c| Rc::ptr_eq(c, &s.start))
                .map_or(mro.len(), |i| i + 1);
            for klass in &mro[after..] {
                let Some(found) = klass.dict_obj().and_then(|d| dict::get_str(&d, n)) else {
                    continue;
                };
                // A class bound as `obj` (classmethods calling super) gets no instance.
                let instance = match obj.as_obj() {
                    Some(o) if Rc::ptr_eq(o, obj_type) => Value::Null,
                    _ => obj.clone(),
                };
                return vm.descriptor_get(found, &instance, obj_type).map(Some);
            }
        }
    }
    Ok(None)
}

/// The attributes of the super object itself.
pub fn attribute(s: &SuperData, name: &str) -> Option<Value> {
    match name {
        "__thisclass__" => Some(Value::Obj(s.start.clone())),
        "__self__" => Some(s.obj.clone().unwrap_or(Value::None)),
        "__self_class__" => Some(s.obj_type.clone().map_or(Value::None, Value::Obj)),
        _ => None,
    }
}

/// `<super: <class 'B'>, <B object>>`.
pub fn repr(s: &SuperData) -> String {
    let start = s
        .start
        .as_type()
        .map_or_else(String::new, |t| t.name().to_string());
    let start = format!("<class '{start}'>");
    match &s.obj_type {
        Some(t) => {
            let name = t
                .as_type()
                .map_or_else(String::new, |t| t.name().to_string());
            format!("<super: {start}, <{name} object>>")
        }
        None => format!("<super: {start}, NULL>"),
    }
}
