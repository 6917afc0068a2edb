//! Sets of names laid out as CPython's `set` of `str` under `PYTHONHASHSEED=0`: the
//! free-variable sets of the symbol-table analysis, whose iteration order decides the
//! order in which a scope lists the free variables it passes through (as
//! `python -m symtable` shows them).

use adder_bytecode::set_table::{KeyMatch, Scan, SetTable};
use adder_bytecode::str_hash::str_hash;

#[derive(Default, Clone)]
pub(super) struct NameSet(SetTable<String>);

impl NameSet {
    /// `set(other)`.
    pub fn copy_of(other: &NameSet) -> NameSet {
        NameSet(SetTable::copy_of(&other.0))
    }

    /// Copies `name` only when it is not there yet.
    pub fn insert(&mut self, name: &str) {
        let hash = str_hash(name);
        if let Scan::Absent(vacancy) = self.find(name, hash) {
            self.0.insert_at(vacancy, name.to_string(), hash);
        }
    }

    /// Remove `name`; whether it was present.
    pub fn remove(&mut self, name: &str) -> bool {
        match self.find(name, str_hash(name)) {
            Scan::Found(slot) => self.0.remove_at(slot).is_some(),
            _ => false,
        }
    }

    pub fn contains(&self, name: &str) -> bool {
        matches!(self.find(name, str_hash(name)), Scan::Found(_))
    }

    /// Where `name` is, compared by borrowing (no copy of the name per lookup).
    fn find(&self, name: &str, hash: i64) -> Scan {
        let mut cursor = self.0.cursor(hash);
        self.0.scan(hash, &mut cursor, |key| {
            if key == name {
                KeyMatch::Equal
            } else {
                KeyMatch::Different
            }
        })
    }

    /// `self |= other`.
    pub fn extend(&mut self, other: &NameSet) {
        self.0.merge(&other.0);
    }

    /// The names in CPython's iteration order.
    pub fn iter(&self) -> impl Iterator<Item = &String> {
        self.0.iter()
    }
}
