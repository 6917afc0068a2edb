//! `Value`: how the VM holds a Python value.
//!
//! Small ints, floats, bools and None live unboxed in the value itself, so the common
//! arithmetic allocates nothing; everything else is a reference-counted heap object.
//! Ints outside the i64 range are heap objects with a big-integer payload: the invariant
//! is that an exact `int` fitting in i64 is always `Value::Int`.

use std::rc::Rc;

use crate::object::{ObjRef, Payload, PyObject};

#[derive(Clone)]
pub enum Value {
    /// CPython's NULL: only ever on a frame's value stack or in an unbound local slot,
    /// never visible to Python code.
    Null,
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Obj(ObjRef),
}

impl Value {
    #[inline]
    pub fn obj(o: PyObject) -> Value {
        Value::Obj(Rc::new(o))
    }

    #[inline]
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    #[inline]
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    #[inline]
    pub fn as_obj(&self) -> Option<&ObjRef> {
        match self {
            Value::Obj(o) => Some(o),
            _ => None,
        }
    }

    #[inline]
    pub fn payload(&self) -> Option<&Payload> {
        match self {
            Value::Obj(o) => Some(&o.payload),
            _ => None,
        }
    }

    /// Python's `is`.
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Null, Value::Null) | (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Obj(a), Value::Obj(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// `id()`: the object's address for heap objects; unboxed values get a stable
    /// number derived from their bits (odd, so it never collides with an address).
    pub fn id(&self) -> i64 {
        match self {
            Value::Obj(o) => Rc::as_ptr(o) as usize as i64,
            Value::Null => 0,
            Value::None => 0x1001,
            Value::Bool(b) => 0x1003 + 2 * (*b as i64),
            Value::Int(i) => (i.wrapping_mul(2) | 1).wrapping_add(0x10000),
            Value::Float(f) => (f.to_bits() as i64) | 1,
        }
    }
}

impl From<ObjRef> for Value {
    fn from(o: ObjRef) -> Value {
        Value::Obj(o)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Value {
        Value::Int(i)
    }
}

impl From<f64> for Value {
    fn from(f: f64) -> Value {
        Value::Float(f)
    }
}
