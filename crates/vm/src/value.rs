//! `Value`: how the VM holds a Python value.
//!
//! Small ints, floats, bools and None live unboxed in the value itself, so the common
//! arithmetic allocates nothing; everything else is a reference-counted heap object.
//! Ints outside the i64 range are heap objects with a big-integer payload: the invariant
//! is that an exact `int` fitting in i64 is always `Value::Int`.

use std::rc::Rc;

use crate::object::{ObjRef, Payload, PyObject};

/// `repr(C, u8)` fixes the layout (tag byte at offset 0, payload word at offset 8) so
/// that the eval loop can write scalar results as one 16-byte store (see
/// [`Value::set_scalar`]).
#[repr(C, u8)]
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

/// Cloning is a bitwise copy plus a reference-count increment for objects. Written out
/// because the derived clone rebuilds the value field by field in registers and then
/// spills it, and the eval loop's pushes then reload it as one 16-byte word: a
/// store-forwarding stall on every `LOAD_FAST` (measured: a third of the loop's time).
impl Clone for Value {
    #[inline(always)]
    fn clone(&self) -> Value {
        if let Value::Obj(o) = self {
            // SAFETY: `o` is a live `Rc`; the count taken here is owned by the copy.
            unsafe { Rc::increment_strong_count(Rc::as_ptr(o)) };
        }
        // SAFETY: every variant is plain data except `Obj`, whose extra reference was
        // just taken, so the bitwise copy is an independent, valid `Value`.
        unsafe { std::ptr::read(self) }
    }
}

/// A scalar result in the two words of `Value`'s layout: the tag and the payload bits.
#[derive(Clone, Copy)]
pub struct Scalar {
    tag: u64,
    bits: u64,
}

impl Scalar {
    // Discriminants in declaration order (the layout is `repr(C, u8)`).
    const NULL: u64 = 0;
    const BOOL: u64 = 2;
    const INT: u64 = 3;
    const FLOAT: u64 = 4;

    #[inline(always)]
    pub fn null() -> Scalar {
        Scalar {
            tag: Self::NULL,
            bits: 0,
        }
    }
    #[inline(always)]
    pub fn bool(b: bool) -> Scalar {
        Scalar {
            tag: Self::BOOL,
            bits: b as u64,
        }
    }
    #[inline(always)]
    pub fn int(i: i64) -> Scalar {
        Scalar {
            tag: Self::INT,
            bits: i as u64,
        }
    }
    #[inline(always)]
    pub fn float(f: f64) -> Scalar {
        Scalar {
            tag: Self::FLOAT,
            bits: f.to_bits(),
        }
    }
}

impl Value {
    /// Overwrite `slot` with a scalar in one 16-byte store. Values are mostly copied as
    /// whole 16-byte words (clones, pushes, pops); a value written field by field and
    /// read back whole soon after stalls the CPU on store forwarding, which measurably
    /// dominated arithmetic loops.
    #[inline(always)]
    pub fn set_scalar(slot: &mut Value, s: Scalar) {
        if matches!(slot, Value::Obj(_)) {
            *slot = Value::Null;
        }
        // SAFETY: the old value holds no reference (dropped above), and the words form
        // a valid `Value` of the `repr(C, u8)` layout: a known tag byte (the rest of the
        // first word is padding) and a payload valid for that tag.
        unsafe { write_words(slot, s) }
    }

    /// Write a scalar into a free value-stack slot in one 16-byte store (see
    /// `set_scalar`).
    ///
    /// # Safety
    /// `dst` must be valid for a 16-byte write; whatever it held is not dropped.
    #[inline(always)]
    pub unsafe fn write_scalar(dst: *mut Value, s: Scalar) {
        // SAFETY: the caller's promise; the words form a valid `Value` (see
        // `set_scalar`).
        unsafe { write_words(dst, s) }
    }

    /// Append a scalar to a value stack in one 16-byte store (see `set_scalar`).
    #[inline(always)]
    pub fn push_scalar(stack: &mut Vec<Value>, s: Scalar) {
        stack.reserve(1);
        let len = stack.len();
        // SAFETY: capacity for one more was reserved; the words form a valid `Value`
        // (see `set_scalar`), and the length is raised only after the write.
        unsafe {
            write_words(stack.as_mut_ptr().add(len), s);
            stack.set_len(len + 1);
        }
    }
}

/// Store the two words of `s` at `dst` as one 16-byte store where the target has one.
#[inline(always)]
unsafe fn write_words(dst: *mut Value, s: Scalar) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_mm_set_epi64x, _mm_storeu_si128};
        // SAFETY (caller): `dst` is valid for a 16-byte write. SSE2 is part of x86-64.
        unsafe { _mm_storeu_si128(dst.cast(), _mm_set_epi64x(s.bits as i64, s.tag as i64)) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        // SAFETY (caller): `dst` is valid for a 16-byte write.
        unsafe { dst.cast::<[u64; 2]>().write([s.tag, s.bits]) }
    }
}

impl Value {
    #[inline]
    pub fn obj(o: PyObject) -> Value {
        let o = Rc::new(o);
        crate::gc::collect::track(&o);
        Value::Obj(o)
    }

    /// A new object of `class` holding the payload `make_payload` returns, built in
    /// the memory it will live in and tracked by the collector. [`Value::obj`] takes
    /// a finished object and copies it into its allocation (an object is 150 bytes
    /// and more): for the `_ast` nodes and lists `ast.parse` makes by the million,
    /// that copy was two fifths of the cost of making each. The payload is made after
    /// the allocation, inlined, so that it too is written in place rather than
    /// assembled on the stack and copied.
    #[inline(always)]
    pub fn new_object(class: ObjRef, make_payload: impl FnOnce() -> Payload) -> ObjRef {
        let mut memory = Rc::<PyObject>::new_uninit();
        let object = match Rc::get_mut(&mut memory) {
            Some(place) => {
                place.write(PyObject::new(class, make_payload()));
                // SAFETY: the whole value was written just above.
                unsafe { memory.assume_init() }
            }
            // A new `Rc` is never shared; this only keeps the code free of a panic.
            None => Rc::new(PyObject::new(class, make_payload())),
        };
        crate::gc::collect::track(&object);
        object
    }

    /// Append `Value::Obj(object)` to a value stack in one 16-byte store (see
    /// `set_scalar`): pushed as an enum, the value is assembled in memory a byte and a
    /// word at a time and copied as a 16-byte word, a store-forwarding stall for each
    /// `_ast` node and list `ast.parse` makes (measured: two fifths of making a node).
    #[inline(always)]
    pub fn push_object(stack: &mut Vec<Value>, object: ObjRef) {
        /// `Value::Obj`'s discriminant (declaration order; the layout is `repr(C, u8)`).
        const OBJ: u64 = 5;
        // SAFETY: an `Rc` is exactly its pointer (one word, the rest zero-sized), which
        // is what `Value::Obj` keeps in its payload word; the count it owns moves into
        // the stack's value.
        let bits = unsafe { std::mem::transmute::<ObjRef, usize>(object) } as u64;
        Value::push_scalar(stack, Scalar { tag: OBJ, bits });
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::{Cell, RefCell};

    /// A plain object, made without an interpreter (no class: the test needs none).
    fn plain_object() -> ObjRef {
        Rc::new(PyObject {
            class: RefCell::new(None),
            dict: RefCell::new(None),
            payload: Payload::Instance,
            extra: Cell::new(None),
            gc_slot: Cell::new(crate::gc::registry::UNTRACKED),
        })
    }

    #[test]
    fn a_pushed_object_is_that_object_with_its_reference() {
        let object = plain_object();
        let mut stack = vec![Value::Int(7)];
        Value::push_object(&mut stack, object.clone());
        assert!(
            matches!(stack.as_slice(), [Value::Int(7), Value::Obj(o)] if Rc::ptr_eq(o, &object))
        );
        assert_eq!(Rc::strong_count(&object), 2);
        stack.truncate(1);
        assert_eq!(Rc::strong_count(&object), 1);
    }
}
