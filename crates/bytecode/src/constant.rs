//! Compile-time constants: the values a code object's `co_consts` holds.

use std::hash::{Hash, Hasher};
use std::rc::Rc;

use adder_numeric::BigInt;

use crate::code::CodeObject;

/// A value known at compile time. The VM turns each into a Python object once per
/// code object, when the code object is first run.
#[derive(Clone, Debug)]
pub enum Constant {
    None,
    Bool(bool),
    Ellipsis,
    Int(BigInt),
    Float(f64),
    Complex {
        real: f64,
        imag: f64,
    },
    Str(Rc<str>),
    /// A str holding lone surrogates (`'\ud800'`), which `Rc<str>` cannot: its code
    /// points in order.
    SurrogateStr(Rc<[u32]>),
    Bytes(Rc<[u8]>),
    Tuple(Rc<[Constant]>),
    /// Elements in the order the compiler produced them; the VM builds a frozenset.
    FrozenSet(Rc<[Constant]>),
    Code(Rc<CodeObject>),
    /// `slice(start, stop, step)`: CPython 3.14 folds `x[1:2]` into a constant slice.
    Slice(Rc<[Constant; 3]>),
}

impl Constant {
    /// Constant identity for `co_consts` de-duplication, as CPython's `_PyCode_ConstantKey`:
    /// `1`, `1.0` and `True` are different constants, and so are `0.0` and `-0.0`.
    pub fn same_as(&self, other: &Constant) -> bool {
        use Constant::*;
        match (self, other) {
            (None, None) | (Ellipsis, Ellipsis) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (Complex { real: a, imag: b }, Complex { real: c, imag: d }) => {
                a.to_bits() == c.to_bits() && b.to_bits() == d.to_bits()
            }
            (Str(a), Str(b)) => a == b,
            (SurrogateStr(a), SurrogateStr(b)) => a == b,
            (Bytes(a), Bytes(b)) => a == b,
            (Tuple(a), Tuple(b)) | (FrozenSet(a), FrozenSet(b)) => {
                a.len() == b.len() && a.iter().zip(b.iter()).all(|(x, y)| x.same_as(y))
            }
            (Code(a), Code(b)) => Rc::ptr_eq(a, b),
            (Slice(a), Slice(b)) => a.iter().zip(b.iter()).all(|(x, y)| x.same_as(y)),
            _ => false,
        }
    }

    /// Feed the constant's identity (what [`Constant::same_as`] compares) to a hasher:
    /// constants that are the same hash alike, so a pool can find duplicates by hash.
    pub fn hash_identity<H: Hasher>(&self, state: &mut H) {
        use Constant::*;
        std::mem::discriminant(self).hash(state);
        match self {
            None | Ellipsis => {}
            Bool(b) => b.hash(state),
            Int(i) => i.hash(state),
            Float(f) => f.to_bits().hash(state),
            Complex { real, imag } => {
                real.to_bits().hash(state);
                imag.to_bits().hash(state);
            }
            Str(s) => s.hash(state),
            SurrogateStr(points) => points.hash(state),
            Bytes(b) => b.hash(state),
            Tuple(items) | FrozenSet(items) => {
                items.len().hash(state);
                items.iter().for_each(|item| item.hash_identity(state));
            }
            Code(code) => std::ptr::hash(Rc::as_ptr(code), state),
            Slice(parts) => parts.iter().for_each(|part| part.hash_identity(state)),
        }
    }
}
