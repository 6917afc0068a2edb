//! A code object's constants (`co_consts`) with a hash index, so that adding a constant
//! finds an equal one in constant time instead of scanning the list (a module with a
//! large literal table adds thousands).
//!
//! The index ([`HashIndex`]) holds the folded hash of each constant's identity and its
//! position: the constants are stored once (not cloned into map keys), and growing the
//! index moves words, not constants.

use std::hash::Hasher;

use adder_bytecode::Constant;

use crate::fast_hash::WordHasher;
use crate::hash_index::HashIndex;

/// Distinct constants in index order (CPython's `u_consts` dict).
#[derive(Default)]
pub struct ConstPool {
    items: Vec<Constant>,
    /// Identity hash → position in `items` (constants holding a NaN are not in it).
    index: HashIndex,
}

impl ConstPool {
    /// Room for `capacity` constants before the index grows (and reinserts them).
    pub fn with_capacity(capacity: usize) -> ConstPool {
        ConstPool {
            items: Vec::with_capacity(capacity),
            index: HashIndex::with_capacity(capacity),
        }
    }

    /// The index of `value`, appended if no same constant is there yet. A constant
    /// holding a NaN is always appended: CPython's constant cache compares by value
    /// with identity first, so every NaN that constant folding makes is a constant of
    /// its own.
    pub fn add(&mut self, value: Constant) -> u32 {
        // A code object has far fewer than 2**32 constants (its source would be larger
        // than the parser accepts).
        let next = self.items.len() as u32;
        if holds_nan(&value) {
            self.items.push(value);
            return next;
        }
        let mut hasher = WordHasher::default();
        value.hash_identity(&mut hasher);
        let tag = hasher.finish() as u32;
        let items = &self.items;
        if let Some(i) = self.index.find(tag, |i| items[i as usize].same_as(&value)) {
            return i;
        }
        self.index.insert(tag, next);
        self.items.push(value);
        next
    }

    pub fn get(&self, index: usize) -> Option<&Constant> {
        self.items.get(index)
    }

    /// The constants, for the code object (the index is no longer needed).
    pub fn into_vec(self) -> Vec<Constant> {
        self.items
    }
}

/// Whether a NaN is part of `value` (a tuple's or frozenset's items included).
fn holds_nan(value: &Constant) -> bool {
    match value {
        Constant::Float(f) => f.is_nan(),
        Constant::Complex { real, imag } => real.is_nan() || imag.is_nan(),
        Constant::Tuple(items) | Constant::FrozenSet(items) => items.iter().any(holds_nan),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_constants_share_an_index() {
        let mut pool = ConstPool::default();
        assert_eq!(pool.add(Constant::Str("a".into())), 0);
        assert_eq!(pool.add(Constant::Int(1.into())), 1);
        assert_eq!(pool.add(Constant::Str("a".into())), 0);
        assert_eq!(pool.into_vec().len(), 2);
    }

    #[test]
    fn indexes_survive_growth() {
        let mut pool = ConstPool::with_capacity(2);
        let value = |i: i64| match i % 3 {
            0 => Constant::Int(i.into()),
            1 => Constant::Str(format!("s{i}").into()),
            _ => Constant::Float(i as f64),
        };
        for i in 0..3000 {
            assert_eq!(pool.add(value(i)), i as u32);
        }
        for i in (0..3000).rev() {
            assert_eq!(pool.add(value(i)), i as u32);
        }
        assert_eq!(pool.into_vec().len(), 3000);
    }

    #[test]
    fn nans_are_never_merged() {
        let mut pool = ConstPool::default();
        assert_eq!(pool.add(Constant::Float(f64::NAN)), 0);
        assert_eq!(pool.add(Constant::Float(f64::NAN)), 1);
        assert_eq!(pool.add(Constant::Float(1.0)), 2);
        assert_eq!(pool.add(Constant::Float(1.0)), 2);
    }

    #[test]
    fn int_float_bool_and_signed_zeros_stay_apart() {
        let mut pool = ConstPool::default();
        let values = [
            Constant::Int(1.into()),
            Constant::Float(1.0),
            Constant::Bool(true),
            Constant::Float(0.0),
            Constant::Float(-0.0),
        ];
        for (i, v) in values.iter().enumerate() {
            assert_eq!(pool.add(v.clone()) as usize, i);
        }
        let tuple = |items: Vec<Constant>| Constant::Tuple(items.into());
        let a = pool.add(tuple(vec![Constant::Int(1.into()), Constant::None]));
        let b = pool.add(tuple(vec![Constant::Bool(true), Constant::None]));
        assert_ne!(a, b);
        assert_eq!(
            pool.add(tuple(vec![Constant::Int(1.into()), Constant::None])),
            a
        );
    }
}
