//! `LOAD_ATTR`'s method cache (CPython's `LOAD_ATTR_METHOD_NO_DICT`): `obj.name(...)`
//! on an object without an instance dict (a list, a str, a dict...) remembers the
//! function found on the class, so that the next run pushes it at once.
//!
//! The cache words (the instruction's own, see `inline_cache`) hold, in this order,
//! the class's address, the type epoch of the lookup, and the function's address. The function is
//! kept alive by the class namespace it was found in: any change to any type namespace
//! bumps the epoch (`dict::type_epoch`), so while the epoch is unchanged the function
//! is still there. A class freed and another made at the same address also changed
//! the epoch (making a class fills a type namespace).

use std::cell::Cell;
use std::rc::Rc;

use crate::object::{ObjRef, PyObject};
use crate::objects::dict::type_epoch;
use crate::value::Value;

/// The object's class address, when it has no instance dict (nothing can shadow the
/// class's functions).
#[inline(always)]
fn class_without_dict(o: &ObjRef) -> Option<u64> {
    let dict = o.dict.try_borrow().ok()?;
    // A parsed `_ast` node keeps its attributes inline, with no dict.
    if dict.is_some() || matches!(o.payload, crate::object::Payload::AstNode(_)) {
        return None;
    }
    let class = o.class.try_borrow().ok()?;
    class.as_ref().map(|c| Rc::as_ptr(c) as u64)
}

/// The function `owner.name` found last time, if the cache still applies.
#[inline(always)]
pub(super) fn method_hit(cache: &[Cell<u64>], owner: &Value) -> Option<Value> {
    let Value::Obj(o) = owner else {
        return None;
    };
    let [class, epoch, function, ..] = cache else {
        return None;
    };
    if epoch.get() != type_epoch() || class.get() != class_without_dict(o)? {
        return None;
    }
    let ptr = function.get() as *const PyObject;
    // SAFETY: `ptr` came from `Rc::as_ptr` of a function that the class namespace
    // still holds (the epoch is unchanged, see the module comment); the count taken
    // here is owned by the returned value.
    unsafe {
        Rc::increment_strong_count(ptr);
        Some(Value::Obj(Rc::from_raw(ptr)))
    }
}

/// Remember that `owner.name` (method form) found `method` on the class, unbound.
pub(super) fn remember_method(cache: &[Cell<u64>], owner: &Value, method: &Value) {
    let (Value::Obj(o), Value::Obj(m)) = (owner, method) else {
        return;
    };
    let Some(class) = class_without_dict(o) else {
        return;
    };
    if let [c, e, f, ..] = cache {
        c.set(class);
        e.set(type_epoch());
        f.set(Rc::as_ptr(m) as u64);
    }
}
