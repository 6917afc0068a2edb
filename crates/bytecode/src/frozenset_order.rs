//! The element order of a frozenset constant: CPython's iteration order for it, which
//! `dis` and `repr` show. CPython builds such a constant once, from the items in source
//! order, and builds it again from that iteration order when making the code object
//! interns one of its strings into a different object (`intern_constants`: an equal
//! string was interned earlier, e.g. the same text used as an identifier). Which strings
//! were interned before depends on the process's history; the model here counts every
//! identifier-like string of two or more characters as interned (one-character strings
//! are singletons, never replaced). Measured against CPython 3.14 under
//! `PYTHONHASHSEED=0`: this matches the standard library's disassembly best (1664 of
//! 1702 files, against 1652 for a fixed four builds).

use adder_numeric::hash::{hash_bigint, hash_complex, hash_float, hash_tuple};
use adder_numeric::BigInt;

use crate::constant::Constant;
use crate::set_table::SetTable;
use crate::str_hash::{bytes_hash, str_hash};

/// `hash(None)`: a fixed value since CPython 3.12.
const NONE_HASH: i64 = 0xFCA8_6420;

/// A constant with its hash, compared as Python compares set elements.
#[derive(Clone)]
struct Element(Constant);

impl PartialEq for Element {
    fn eq(&self, other: &Element) -> bool {
        python_equal(&self.0, &other.0)
    }
}

/// `a == b` as Python compares constants: numbers across types, tuples item by item.
fn python_equal(a: &Constant, b: &Constant) -> bool {
    if a.same_as(b) {
        return true;
    }
    if let (Constant::Tuple(x), Constant::Tuple(y)) = (a, b) {
        return x.len() == y.len() && x.iter().zip(y.iter()).all(|(x, y)| python_equal(x, y));
    }
    match (numeric_value(a), numeric_value(b)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

/// How a frozenset constant of `items` (in source order) is stored: its distinct items
/// in the order CPython's last build of it inserts them, so that one build from the
/// stored order (the VM's, and [`iteration_order`] for `dis`) lays the table out as
/// CPython's final object. None when an item's hash is not known at compile time (it
/// depends on an object's address), in which case the order stays as it is.
pub fn frozenset_order(items: &[Constant]) -> Option<Vec<Constant>> {
    let hashed = frozenset_hashes(items)?;
    if items.iter().any(is_replaced_by_interning) {
        // Rebuilt from the first build's iteration order.
        return Some(
            build(hashed.into_iter())
                .iter()
                .map(|e| e.0.clone())
                .collect(),
        );
    }
    let mut distinct: Vec<Constant> = Vec::with_capacity(items.len());
    for item in items {
        if !distinct.iter().any(|seen| python_equal(seen, item)) {
            distinct.push(item.clone());
        }
    }
    Some(distinct)
}

/// The iteration order of a frozenset built by inserting `items` in order (what its
/// `repr` shows); `items` as they are when a hash is not known at compile time.
pub fn iteration_order(items: &[Constant]) -> Vec<Constant> {
    match frozenset_hashes(items) {
        Some(hashed) => build(hashed.into_iter())
            .iter()
            .map(|e| e.0.clone())
            .collect(),
        None => items.to_vec(),
    }
}

fn frozenset_hashes(items: &[Constant]) -> Option<Vec<(Constant, i64)>> {
    items
        .iter()
        .map(|c| constant_hash(c).map(|h| (c.clone(), h)))
        .collect()
}

fn build(items: impl Iterator<Item = (Constant, i64)>) -> SetTable<Element> {
    let mut table = SetTable::new();
    for (constant, hash) in items {
        table.add(Element(constant), hash);
    }
    table
}

/// `hash(constant)` under `PYTHONHASHSEED=0`, for the kinds a set display of constants
/// holds (tuples from their items' hashes); None for hashes that depend on addresses
/// (NaN, `...`) or are not covered.
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
        Constant::Tuple(items) => {
            let lanes: Vec<i64> = items.iter().map(constant_hash).collect::<Option<_>>()?;
            Some(hash_tuple(lanes.into_iter()))
        }
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

/// Whether interning would (by the module comment's model) replace this item: a str
/// CPython interns (only name characters) that is not a one-character singleton.
fn is_replaced_by_interning(item: &Constant) -> bool {
    matches!(item, Constant::Str(s)
        if s.len() > 1 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
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
            order.map(|o| iteration_order(&o)
                .iter()
                .map(|c| format!("{c:?}"))
                .collect::<Vec<_>>()),
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

    /// Tuples hash from their items; strings that interning leaves alone keep the first
    /// build's order (`PYTHONHASHSEED=0 python3.14 -m dis`).
    #[test]
    fn tuple_and_singleton_sets_iterate_as_in_the_reference() {
        let pair = |a: i64, b: i64| {
            Constant::Tuple(vec![Constant::Int(a.into()), Constant::Int(b.into())].into())
        };
        let shown = |items: &[Constant]| {
            format!("{:?}", frozenset_order(items).map(|i| iteration_order(&i)))
        };
        let expected = |items: Vec<Constant>| format!("{:?}", Some(items));
        assert_eq!(
            shown(&[pair(0, 2), pair(1, 1), pair(2, 0)]),
            expected(vec![pair(1, 1), pair(0, 2), pair(2, 0)])
        );
        assert_eq!(
            shown(&strs(&["1", "2", "3"])),
            expected(strs(&["2", "1", "3"]))
        );
    }
}
