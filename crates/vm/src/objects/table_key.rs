//! Hashing and equality of dict keys and set elements: the full protocols (`__hash__`,
//! `__eq__`) with the common cases decided inline. Most keys are small ints and exact
//! strs, whose hash is a computation or a cached field and whose equality runs no
//! Python code; going through the general protocol for them (class lookups for a user
//! `__hash__`/`__eq__`) was a measurable part of dict- and set-heavy programs.

use std::rc::Rc;

use crate::error::PyResult;
use crate::object::{ObjRef, Payload};
use crate::protocol::compare::fast_eq;
use crate::value::Value;
use crate::vm::Vm;

/// `hash(key)`, with `what` ("a set element", "a dict key") in 3.14's message for an
/// unhashable key.
#[inline]
pub fn hash(vm: &mut Vm, key: &Value, what: &str) -> PyResult<i64> {
    match key {
        Value::Int(i) => Ok(adder_numeric::hash::hash_i64(*i)),
        Value::Obj(o) if is_exact_str(vm, o) => match &o.payload {
            Payload::Str(s) => Ok(s.hash()),
            _ => full_hash(vm, key, what),
        },
        _ => full_hash(vm, key, what),
    }
}

fn full_hash(vm: &mut Vm, key: &Value, what: &str) -> PyResult<i64> {
    vm.hash(key)
        .map_err(|e| crate::objects::set::unhashable_context(vm, e, key, what))
}

/// `stored == key` for keys with equal hashes, as dicts and sets compare them.
#[inline]
pub fn eq(vm: &mut Vm, stored: &Value, key: &Value) -> PyResult<bool> {
    match quick_eq(vm, stored, key) {
        Some(equal) => Ok(equal),
        None => vm.eq(stored, key),
    }
}

/// `stored == key` when no Python code can be involved: unboxed scalars and exact strs
/// (a str subclass may define `__eq__`); `None` otherwise.
#[inline]
pub fn quick_eq(vm: &Vm, stored: &Value, key: &Value) -> Option<bool> {
    match (stored, key) {
        (Value::Obj(a), Value::Obj(b)) => match (&a.payload, &b.payload) {
            (Payload::Str(x), Payload::Str(y)) if is_exact_str(vm, a) && is_exact_str(vm, b) => {
                Some(x == y)
            }
            _ => None,
        },
        (Value::Obj(_), _) | (_, Value::Obj(_)) => None,
        _ => fast_eq(stored, key),
    }
}

#[inline]
pub(crate) fn is_exact_str(vm: &Vm, o: &ObjRef) -> bool {
    o.class
        .borrow()
        .as_ref()
        .is_some_and(|c| Rc::ptr_eq(c, &vm.types().str_))
}
