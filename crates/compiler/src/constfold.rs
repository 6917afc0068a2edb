//! Compile-time evaluation of operators on constants (CPython 3.14's
//! `fold_const_unaryop` / `fold_const_binop` in `flowgraph.c`), with CPython's size
//! limits so that folding never builds huge objects (`2**100000` stays a runtime op).

use std::rc::Rc;

use adder_bytecode::Constant;
use adder_numeric::float_ops::{self, FloatPow};
use adder_numeric::{int, int_float, BigInt};

use crate::const_slice;

/// Largest int (in bits) folding may produce by `*`, `**` and `<<`.
const MAX_INT_SIZE: u64 = 128;
/// Longest tuple folding may produce.
const MAX_COLLECTION_SIZE: usize = 256;
/// Longest str/bytes folding may produce.
const MAX_STR_SIZE: usize = 4096;
/// Most items, nested tuples' included, a repeated tuple may hold.
const MAX_TOTAL_ITEMS: usize = 1024;

/// `BINARY_OP` arguments (`NB_*`).
mod nb {
    pub const ADD: u32 = 0;
    pub const AND: u32 = 1;
    pub const FLOOR_DIVIDE: u32 = 2;
    pub const LSHIFT: u32 = 3;
    pub const MULTIPLY: u32 = 5;
    pub const REMAINDER: u32 = 6;
    pub const OR: u32 = 7;
    pub const POWER: u32 = 8;
    pub const RSHIFT: u32 = 9;
    pub const SUBTRACT: u32 = 10;
    pub const TRUE_DIVIDE: u32 = 11;
    pub const XOR: u32 = 12;
    pub const SUBSCR: u32 = 26;
}

/// Unary operators that may fold.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Unary {
    Negative,
    Invert,
    Positive,
    Not,
}

pub fn unary(op: Unary, value: &Constant) -> Option<Constant> {
    match (op, value) {
        (Unary::Not, Constant::Bool(b)) => Some(Constant::Bool(!b)),
        (Unary::Negative, Constant::Int(i)) => Some(Constant::Int(-i.clone())),
        (Unary::Negative, Constant::Float(f)) => Some(Constant::Float(-f)),
        (Unary::Negative, Constant::Complex { real, imag }) => Some(Constant::Complex {
            real: -real,
            imag: -imag,
        }),
        (Unary::Invert, Constant::Int(i)) => Some(Constant::Int(int::invert(i))),
        (Unary::Positive, Constant::Int(_) | Constant::Float(_) | Constant::Complex { .. }) => {
            Some(value.clone())
        }
        // `+True` and `-False` are ints. (`~True` is not folded: it warns.)
        (Unary::Positive, Constant::Bool(b)) => Some(Constant::Int(i64::from(*b).into())),
        (Unary::Negative, Constant::Bool(b)) => Some(Constant::Int((-i64::from(*b)).into())),
        _ => Option::None,
    }
}

fn bits(i: &BigInt) -> u64 {
    int::bit_length(i)
}

fn small_count(i: &BigInt) -> Option<usize> {
    usize::try_from(i).ok()
}

fn int_binary(op: u32, a: &BigInt, b: &BigInt) -> Option<Constant> {
    let value = match op {
        nb::ADD => a + b,
        nb::SUBTRACT => a - b,
        nb::MULTIPLY => {
            if bits(a) + bits(b) > MAX_INT_SIZE {
                return None;
            }
            a * b
        }
        nb::FLOOR_DIVIDE => int::floor_div(a, b).ok()?,
        nb::REMAINDER => int::floor_mod(a, b).ok()?,
        nb::TRUE_DIVIDE => return int_float::true_div(a, b).ok().map(Constant::Float),
        nb::POWER if *b < BigInt::ZERO => {
            return int::pow_negative_exponent(a, b).ok().map(Constant::Float);
        }
        nb::POWER => {
            let exp = u64::try_from(b).ok()?;
            if bits(a).saturating_mul(exp) > MAX_INT_SIZE {
                return None;
            }
            int::pow(a, &exp.into()).ok()?
        }
        nb::LSHIFT => {
            let count = u64::try_from(b).ok()?;
            // Zero shifted any distance stays zero: CPython checks no size then.
            let zero = *a == BigInt::ZERO;
            if !zero && (count > MAX_INT_SIZE || bits(a) > MAX_INT_SIZE - count) {
                return None;
            }
            int::shl(a, b).ok()?
        }
        nb::RSHIFT => int::shr(a, b).ok()?,
        nb::AND => int::bit_and(a, b),
        nb::OR => int::bit_or(a, b),
        nb::XOR => int::bit_xor(a, b),
        _ => return None,
    };
    Some(Constant::Int(value))
}

fn float_binary(op: u32, a: f64, b: f64) -> Option<Constant> {
    let value = match op {
        nb::ADD => a + b,
        nb::SUBTRACT => a - b,
        nb::MULTIPLY => a * b,
        nb::TRUE_DIVIDE => float_ops::true_div(a, b).ok()?,
        nb::FLOOR_DIVIDE => float_ops::floor_div(a, b).ok()?,
        nb::REMAINDER => float_ops::modulo(a, b).ok()?,
        nb::POWER => match float_ops::pow(a, b).ok()? {
            FloatPow::Real(value) => value,
            // A negative base to a fractional power is complex: left to run time.
            FloatPow::NeedsComplex => return None,
        },
        _ => return None,
    };
    Some(Constant::Float(value))
}

fn as_float(c: &Constant) -> Option<f64> {
    match c {
        Constant::Float(f) => Some(*f),
        Constant::Int(i) => int_float::to_f64(i).ok(),
        Constant::Bool(b) => Some(f64::from(u8::from(*b))),
        _ => Option::None,
    }
}

/// `items * count` within `limit` items (CPython's `const_folding_safe_multiply`): a
/// negative count or a result over the limit does not fold, unless `items` is empty.
fn repeat<T: Clone>(items: &[T], count: &BigInt, limit: usize) -> Option<Vec<T>> {
    if items.is_empty() {
        // `'' * -5` is `''`; only a count too big for an index fails.
        return i64::try_from(count).is_ok().then(Vec::new);
    }
    let count = small_count(count)?;
    if count > limit / items.len() {
        return None;
    }
    Some(
        items
            .iter()
            .cycle()
            .take(items.len() * count)
            .cloned()
            .collect(),
    )
}

/// Items of a tuple constant counting nested tuples' items (CPython's
/// `const_folding_check_complexity`); stops counting past `limit`.
fn total_items(items: &[Constant], limit: usize) -> usize {
    let mut total = items.len();
    for item in items {
        if total > limit {
            break;
        }
        if let Constant::Tuple(inner) = item {
            total += total_items(inner, limit - total);
        }
    }
    total
}

/// `count * tuple`, refused when the result would hold too many (nested) items.
fn repeat_tuple(items: &[Constant], count: &BigInt) -> Option<Constant> {
    if let Ok(n @ 1..) = usize::try_from(count) {
        if !items.is_empty() && total_items(items, MAX_TOTAL_ITEMS / n) > MAX_TOTAL_ITEMS / n {
            return None;
        }
    }
    Some(Constant::Tuple(Rc::from(repeat(
        items,
        count,
        MAX_COLLECTION_SIZE,
    )?)))
}

/// Index a str/bytes/tuple constant with an int or slice constant.
fn subscript(container: &Constant, index: &Constant) -> Option<Constant> {
    if let Constant::Slice(bounds) = index {
        return const_slice::slice(container, bounds);
    }
    let Constant::Int(index) = index else {
        return None;
    };
    let index = i64::try_from(index).ok()?;
    let pick = |len: usize| -> Option<usize> {
        let len = i64::try_from(len).ok()?;
        let i = if index < 0 { index + len } else { index };
        (0..len).contains(&i).then_some(i as usize)
    };
    match container {
        Constant::Str(s) => {
            let chars: Vec<char> = s.chars().collect();
            let c = chars.get(pick(chars.len())?)?;
            Some(Constant::Str(c.to_string().into()))
        }
        Constant::Bytes(b) => Some(Constant::Int(b.get(pick(b.len())?).copied()?.into())),
        Constant::Tuple(t) => t.get(pick(t.len())?).cloned(),
        _ => Option::None,
    }
}

/// A number constant as an operand of complex arithmetic: a real (int or float) or a
/// complex. CPython 3.14 keeps them apart (C99 Annex G mixed-mode arithmetic), which
/// decides the signs of zero parts: `0 - 0j` is `-0j`.
enum ComplexOperand {
    Real(f64),
    Complex(f64, f64),
}

fn complex_operand(c: &Constant) -> Option<ComplexOperand> {
    match c {
        Constant::Complex { real, imag } => Some(ComplexOperand::Complex(*real, *imag)),
        _ => as_float(c).map(ComplexOperand::Real),
    }
}

fn complex_binary(op: u32, left: ComplexOperand, right: ComplexOperand) -> Option<Constant> {
    use ComplexOperand::{Complex, Real};
    let (real, imag) = match (op, left, right) {
        (nb::ADD, Real(a), Complex(c, d)) => (a + c, d),
        (nb::ADD, Complex(a, b), Real(c)) => (a + c, b),
        (nb::ADD, Complex(a, b), Complex(c, d)) => (a + c, b + d),
        (nb::SUBTRACT, Real(a), Complex(c, d)) => (a - c, -d),
        (nb::SUBTRACT, Complex(a, b), Real(c)) => (a - c, b),
        (nb::SUBTRACT, Complex(a, b), Complex(c, d)) => (a - c, b - d),
        (nb::MULTIPLY, Real(a), Complex(c, d)) => (a * c, a * d),
        (nb::MULTIPLY, Complex(a, b), Real(c)) => (a * c, b * c),
        (nb::MULTIPLY, Complex(a, b), Complex(c, d)) => (a * c - b * d, a * d + b * c),
        _ => return Option::None,
    };
    Some(Constant::Complex { real, imag })
}

/// `sequence * count` for a str, bytes or tuple constant.
fn sequence_repeat(sequence: &Constant, count: &BigInt) -> Option<Constant> {
    match sequence {
        Constant::Str(a) => {
            let chars: Vec<char> = a.chars().collect();
            let repeated = repeat(&chars, count, MAX_STR_SIZE)?;
            Some(Constant::Str(
                repeated.into_iter().collect::<String>().into(),
            ))
        }
        Constant::Bytes(a) => Some(Constant::Bytes(repeat(a, count, MAX_STR_SIZE)?.into())),
        Constant::Tuple(a) => repeat_tuple(a, count),
        _ => None,
    }
}

pub fn binary(op: u32, left: &Constant, right: &Constant) -> Option<Constant> {
    use Constant::*;
    // Bools are ints in arithmetic; `&`, `|` and `^` of two bools stay bools.
    if let (Bool(a), Bool(b)) = (left, right) {
        match op {
            nb::AND => return Some(Bool(a & b)),
            nb::OR => return Some(Bool(a | b)),
            nb::XOR => return Some(Bool(a ^ b)),
            _ => {}
        }
    }
    if matches!(left, Bool(_)) || matches!(right, Bool(_)) {
        let as_int = |c: &Constant| match c {
            Bool(b) => Int(i64::from(*b).into()),
            other => other.clone(),
        };
        return binary(op, &as_int(left), &as_int(right));
    }
    match (left, right) {
        (Complex { .. }, Int(_) | Float(_) | Complex { .. })
        | (Int(_) | Float(_), Complex { .. }) => {
            complex_binary(op, complex_operand(left)?, complex_operand(right)?)
        }
        (Int(a), Int(b)) => int_binary(op, a, b),
        (Float(_), Float(_) | Int(_)) | (Int(_), Float(_)) => {
            float_binary(op, as_float(left)?, as_float(right)?)
        }
        (Str(a), Str(b)) if op == nb::ADD => Some(Str(format!("{a}{b}").into())),
        (Bytes(a), Bytes(b)) if op == nb::ADD => Some(Bytes([&a[..], &b[..]].concat().into())),
        (Tuple(a), Tuple(b)) if op == nb::ADD => Some(Tuple(Rc::from([&a[..], &b[..]].concat()))),
        (Str(_) | Bytes(_) | Tuple(_), Int(n)) if op == nb::MULTIPLY => sequence_repeat(left, n),
        (Int(n), Str(_) | Bytes(_) | Tuple(_)) if op == nb::MULTIPLY => sequence_repeat(right, n),
        _ if op == nb::SUBSCR => subscript(left, right),
        _ => Option::None,
    }
}
