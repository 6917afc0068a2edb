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

    /// A new object of `class` holding `payload`, built in the memory it will live
    /// in. [`Value::obj`] takes a finished object and copies it into its allocation
    /// (an object is 150 bytes and more): for the `_ast` nodes and lists `ast.parse`
    /// makes by the million, that copy was two fifths of the cost of making each.
    pub fn new_object(class: ObjRef, payload: Payload) -> Value {
        let mut memory = Rc::<PyObject>::new_uninit();
        let Some(place) = Rc::get_mut(&mut memory) else {
            // A new `Rc` is never shared; this only keeps the code free of a panic.
            return Value::obj(PyObject::new(class, payload));
        };
        place.write(PyObject::new(class, payload));
        // SAFETY: the whole value was written just above.
        let object = unsafe { memory.assume_init() };
        crate::gc::collect::track(&object);
        Value::Obj(object)
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
