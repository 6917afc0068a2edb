//! The element order of a frozenset constant: CPython's iteration order for it, which
//! `dis` and `repr` show. CPython builds such a constant from the items in source order
//! and then rebuilds it from the previous build's iteration order each time it passes
//! through its constant caches: four builds in all, one more when one of its strings
//! was already interned when the code object was made (an identifier used earlier in
//! the process), which depends on the process's history and is not modelled here.
//! Measured against CPython 3.14 under `PYTHONHASHSEED=0`: four builds match the
//! standard library's disassembly best.

use adder_numeric::hash::{hash_bigint, hash_complex, hash_float};
use adder_numeric::BigInt;

use crate::constant::Constant;
use crate::set_table::SetTable;
use crate::str_hash::{bytes_hash, str_hash};

/// Builds after the first (see the module comment).
const REBUILDS: usize = 3;

/// `hash(None)`: a fixed value since CPython 3.12.
const NONE_HASH: i64 = 0xFCA8_6420;

/// A constant with its hash, compared as Python compares set elements.
#[derive(Clone)]
struct Element(Constant);

impl PartialEq for Element {
    fn eq(&self, other: &Element) -> bool {
        if self.0.same_as(&other.0) {
            return true;
        }
        match (numeric_value(&self.0), numeric_value(&other.0)) {
            (Some(a), Some(b)) => a == b,
            _ => false,
        }
    }
}

/// `items` (distinct as Python sees them) in CPython's iteration order; None when an
/// item's hash is not known at compile time (it depends on an object's address), in
/// which case the order stays as it is.
pub fn frozenset_order(items: &[Constant]) -> Option<Vec<Constant>> {
    let hashed: Vec<(Constant, i64)> = items
        .iter()
        .map(|c| constant_hash(c).map(|h| (c.clone(), h)))
        .collect::<Option<_>>()?;
    let mut table = build(hashed.into_iter());
    for _ in 0..REBUILDS {
        let rebuilt: Vec<(Constant, i64)> =
            table.entries().map(|(e, h)| (e.0.clone(), h)).collect();
        table = build(rebuilt.into_iter());
    }
    Some(table.iter().map(|e| e.0.clone()).collect())
}

fn build(items: impl Iterator<Item = (Constant, i64)>) -> SetTable<Element> {
    let mut table = SetTable::new();
    for (constant, hash) in items {
        table.add(Element(constant), hash);
    }
    table
}

/// `hash(constant)` under `PYTHONHASHSEED=0`, for the kinds a set display of constants
/// holds; None for hashes that depend on addresses (NaN, `...`) or are not covered.
fn constant_hash(constant: &Constant) -> Option<i64> {
    match constant {
        Constant::None => Some(NONE_HASH),
        Constant::Bool(b) => Some(i64::from(*b)),
        Constant::Int(i) => Some(hash_bigint(i)),
        Constant::Float(f) if !f.is_nan() => Some(hash_float(*f, 0)),
        Constant::Complex { real, imag } if !real.is_nan() && !imag.is_nan() => {
            Some(hash_complex(*real, *imag, 0))
        }
        Constant::Str(s) => Some(str_hash(s)),
        Constant::Bytes(b) => Some(bytes_hash(b)),
        _ => None,
    }
}

/// A number's value for cross-type equality (`1 == 1.0 == True`).
fn numeric_value(constant: &Constant) -> Option<(f64, f64)> {
    match constant {
        Constant::Bool(b) => Some((f64::from(u8::from(*b)), 0.0)),
        Constant::Int(i) => Some((bigint_to_f64(i)?, 0.0)),
        Constant::Float(f) => Some((*f, 0.0)),
        Constant::Complex { real, imag } => Some((*real, *imag)),
        _ => None,
    }
}

/// An int's exact value as a float, when it has one (larger ints equal no float here).
fn bigint_to_f64(i: &BigInt) -> Option<f64> {
    let small = i64::try_from(i).ok()?;
    let f = small as f64;
    (f as i64 == small && small.unsigned_abs() < (1 << 53)).then_some(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strs(items: &[&str]) -> Vec<Constant> {
        items.iter().map(|s| Constant::Str((*s).into())).collect()
    }

    /// `PYTHONHASHSEED=0 python3.14 -c "import dis; dis.dis('x in {...}')"`.
    #[test]
    fn string_sets_iterate_as_in_the_reference() {
        let order = frozenset_order(&strs(&[
            "__name__",
            "__qualname__",
            "__isabstractmethod__",
            "__annotations__",
            "__type_params__",
        ]));
        assert_eq!(
            order.map(|o| o.iter().map(|c| format!("{c:?}")).collect::<Vec<_>>()),
            Some(
                strs(&[
                    "__annotations__",
                    "__name__",
                    "__isabstractmethod__",
                    "__type_params__",
                    "__qualname__"
                ])
                .iter()
                .map(|c| format!("{c:?}"))
                .collect()
            )
        );
    }
}
