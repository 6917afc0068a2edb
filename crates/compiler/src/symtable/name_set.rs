//! Sets of names laid out as CPython's `set` of `str` under `PYTHONHASHSEED=0`: the
//! free-variable sets of the symbol-table analysis, whose iteration order decides the
//! order in which a scope lists the free variables it passes through (as
//! `python -m symtable` shows them).

use adder_bytecode::set_table::SetTable;
use adder_bytecode::str_hash::str_hash;

#[derive(Default, Clone)]
pub(super) struct NameSet(SetTable<String>);

impl NameSet {
    /// `set(other)`.
    pub fn copy_of(other: &NameSet) -> NameSet {
        NameSet(SetTable::copy_of(&other.0))
    }

    pub fn insert(&mut self, name: &str) {
        self.0.add(name.to_string(), str_hash(name));
    }

    /// Remove `name`; whether it was present.
    pub fn remove(&mut self, name: &str) -> bool {
        self.0.discard(&name.to_string(), str_hash(name))
    }

    pub fn contains(&self, name: &str) -> bool {
        self.0.contains(&name.to_string(), str_hash(name))
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
