//! Weak references: the Rust side of `_weakref.ref` and the proxies.
//!
//! A weak reference object holds an `rc::Weak` to its referent, and the referent lists
//! its weak references in its extra header (`ObjExtra::weakrefs`), in CPython's order,
//! so that its death can clear them and queue their callbacks (`clear_at_death`). The
//! Python types themselves are made by the `_weakref` module.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use crate::error::PyResult;
use crate::gc::finalize::{defer, Deferred};
use crate::gc::ObjExtra;
use crate::native_module::NativeObject;
use crate::object::{ObjRef, Payload, PyObject};
use crate::objects::type_::Layout;
use crate::value::Value;
use crate::vm::Vm;

/// Which of the three weak reference types an object is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum WeakKind {
    Ref,
    Proxy,
    CallableProxy,
}

/// The state of a `weakref.ref` (or subclass) or proxy instance.
pub struct WeakRefData {
    target: RefCell<Weak<PyObject>>,
    /// `None` once called or when there is none (`__callback__`).
    callback: RefCell<Value>,
    /// The referent's hash, kept so that a dead reference stays usable as a dict key.
    hash: Cell<Option<i64>>,
    pub kind: WeakKind,
    /// Created without a callback and of the exact base type: shared by every such
    /// request (`ref(o) is ref(o)`), and first in the referent's list.
    basic: bool,
}

impl NativeObject for WeakRefData {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(cb) = self.callback.try_borrow() {
            visit(&cb);
        }
    }
}

impl Drop for WeakRefData {
    /// A weak reference that dies before its referent leaves the referent's list.
    fn drop(&mut self) {
        if let Some(target) = self.target.get_mut().upgrade() {
            target.update_extra(|e| e.weakrefs.retain(|w| w.strong_count() > 0));
        }
    }
}

impl WeakRefData {
    /// The referent, while it lives.
    pub fn referent(&self) -> Option<ObjRef> {
        self.target.try_borrow().ok()?.upgrade()
    }

    pub fn callback(&self) -> Value {
        self.callback
            .try_borrow()
            .map_or(Value::None, |c| c.clone())
    }

    pub fn cached_hash(&self) -> Option<i64> {
        self.hash.get()
    }

    pub fn set_cached_hash(&self, h: i64) {
        self.hash.set(Some(h));
    }
}

/// `ref(obj)`'s check: the object as a heap object if its type supports weak
/// references, else CPython's TypeError.
pub fn weakrefable(vm: &Vm, v: &Value) -> PyResult<ObjRef> {
    if let Value::Obj(o) = v {
        if supports_weakrefs(vm, o) {
            return Ok(o.clone());
        }
    }
    Err(vm.type_error(format!(
        "cannot create weak reference to '{}' object",
        qualified_type_name(vm, v)
    )))
}

/// A type's `tp_name`: `module.name` for the types of native modules.
fn qualified_type_name(vm: &Vm, v: &Value) -> String {
    let ty = vm.type_of(v);
    let name = vm.type_name(v).to_string();
    let is_native = ty
        .as_type()
        .is_some_and(|t| t.layout == Layout::Native && !t.is_heap);
    if !is_native {
        return name;
    }
    let module = ty
        .dict_obj()
        .and_then(|d| crate::objects::dict::get_str(&d, "__module__"))
        .and_then(|m| {
            m.as_obj()
                .and_then(|o| o.as_str())
                .map(|s| s.as_str().to_string())
        });
    match module {
        Some(m) if m != "builtins" => format!("{m}.{name}"),
        _ => name,
    }
}

/// Whether instances like `o` have a weak reference list (CPython's
/// `tp_weaklistoffset`): class-statement classes (unless variable-sized or slotted
/// without `__weakref__`), and among built-in types those CPython gives one.
fn supports_weakrefs(vm: &Vm, o: &ObjRef) -> bool {
    let class = vm.class_of(o);
    let Some(t) = class.as_type() else {
        return false;
    };
    if t.is_heap {
        if matches!(
            t.layout,
            Layout::Int | Layout::Bool | Layout::Tuple | Layout::Bytes
        ) {
            return false;
        }
        return t.slots.get().has_dict || slots_name_weakref(&class);
    }
    match &o.payload {
        Payload::Type(_)
        | Payload::Function(_)
        | Payload::BuiltinFunction(_)
        | Payload::Method { .. }
        | Payload::Code(_)
        | Payload::Set(_)
        | Payload::Module
        | Payload::Generator(_)
        | Payload::MemoryView(_) => true,
        Payload::Native(_) => t.layout == Layout::Native,
        _ => false,
    }
}

/// Whether some class in the MRO lists `__weakref__` in its `__slots__`.
fn slots_name_weakref(class: &ObjRef) -> bool {
    let Some(t) = class.as_type() else {
        return false;
    };
    let mro = t.mro.borrow();
    mro.iter().any(|k| {
        let Some(slots) = k
            .dict_obj()
            .and_then(|d| crate::objects::dict::get_str(&d, "__slots__"))
        else {
            return false;
        };
        let is_weakref = |v: &Value| {
            v.as_obj()
                .and_then(|o| o.as_str())
                .is_some_and(|s| s.as_str() == "__weakref__")
        };
        match slots.payload() {
            Some(Payload::Tuple(items)) => items.iter().any(is_weakref),
            Some(Payload::List(items)) => {
                items.try_borrow().is_ok_and(|l| l.iter().any(is_weakref))
            }
            _ => is_weakref(&slots),
        }
    })
}

/// The live weak references to `o`, in list order.
pub fn weakrefs_of(o: &PyObject) -> Vec<ObjRef> {
    o.read_extra(|e| {
        e.map_or_else(Vec::new, |e| {
            e.weakrefs.iter().filter_map(Weak::upgrade).collect()
        })
    })
}

/// `o.__weakref__`: its first weak reference, or None.
pub fn first_weakref(o: &PyObject) -> Value {
    weakrefs_of(o)
        .into_iter()
        .next()
        .map_or(Value::None, Value::Obj)
}

/// A new weak reference of type `cls` (`kind`'s type or a subclass) to `target`; a
/// request without callback for the exact type `base` returns the existing basic one.
pub fn new_weakref(
    vm: &Vm,
    cls: &ObjRef,
    base: &ObjRef,
    target: &ObjRef,
    callback: Value,
    kind: WeakKind,
) -> Value {
    let basic = callback.is_none() && Rc::ptr_eq(cls, base);
    if basic {
        if let Some(existing) = find_basic(target, kind) {
            return Value::Obj(existing);
        }
    }
    let data = WeakRefData {
        target: RefCell::new(Rc::downgrade(target)),
        callback: RefCell::new(callback),
        hash: Cell::new(None),
        kind,
        basic,
    };
    let weakref = vm.new_native_instance(cls, data);
    if let Value::Obj(w) = &weakref {
        target.update_extra(|e| insert(e, w, basic, kind));
    }
    weakref
}

/// The basic reference (kind `Ref`) or basic proxy (either proxy kind) to `target`.
fn find_basic(target: &PyObject, kind: WeakKind) -> Option<ObjRef> {
    let want_ref = kind == WeakKind::Ref;
    weakrefs_of(target).into_iter().take(2).find(|w| {
        w.native::<WeakRefData>()
            .is_some_and(|d| d.basic && (d.kind == WeakKind::Ref) == want_ref)
    })
}

/// Put a new weak reference in its place in the referent's list (CPython's
/// `insert_weakref`): basic ref first, basic proxy next, the others after them,
/// newest first.
fn insert(extra: &mut ObjExtra, w: &ObjRef, basic: bool, kind: WeakKind) {
    extra.weakrefs.retain(|x| x.strong_count() > 0);
    let is_basic_of = |x: &Weak<PyObject>, want_ref: bool| {
        x.upgrade().is_some_and(|o| {
            o.native::<WeakRefData>()
                .is_some_and(|d| d.basic && (d.kind == WeakKind::Ref) == want_ref)
        })
    };
    let leading_basic = extra
        .weakrefs
        .iter()
        .take(2)
        .take_while(|x| is_basic_of(x, true) || is_basic_of(x, false))
        .count();
    let at = match (basic, kind) {
        (true, WeakKind::Ref) => 0,
        (true, _) => usize::from(extra.weakrefs.first().is_some_and(|x| is_basic_of(x, true))),
        (false, _) => leading_basic,
    };
    extra.weakrefs.insert(at, Rc::downgrade(w));
}

/// The referent died: clear every weak reference to it and queue their callbacks,
/// in list order (CPython's `PyObject_ClearWeakRefs`).
pub(crate) fn clear_at_death(extra: &ObjExtra) {
    for w in extra.weakrefs.iter().filter_map(Weak::upgrade) {
        let Some(data) = w.native::<WeakRefData>() else {
            continue;
        };
        if let Ok(mut t) = data.target.try_borrow_mut() {
            *t = Weak::new();
        }
        let callback = data
            .callback
            .try_borrow_mut()
            .map_or(Value::None, |mut c| std::mem::replace(&mut *c, Value::None));
        if !callback.is_none() {
            defer(Deferred::WeakCallback {
                weakref: w,
                callback,
            });
        }
    }
}

/// The referent moved to `to` (resurrected for its finalizer): point every weak
/// reference at its new home.
pub(crate) fn retarget(extra: &ObjExtra, to: &ObjRef) {
    for w in extra.weakrefs.iter().filter_map(Weak::upgrade) {
        if let Some(data) = w.native::<WeakRefData>() {
            if let Ok(mut t) = data.target.try_borrow_mut() {
                *t = Rc::downgrade(to);
            }
        }
    }
}
