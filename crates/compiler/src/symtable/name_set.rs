//! Sets of names laid out as CPython's `set` of `str` under `PYTHONHASHSEED=0`: the
//! free-variable sets of the symbol-table analysis, whose iteration order decides the
//! order in which a scope lists the free variables it passes through (as
//! `python -m symtable` shows them).

use adder_bytecode::set_table::{KeyMatch, Scan, SetTable};
use adder_bytecode::str_hash::str_hash;

use super::{NameId, Names};

/// Names by number, placed by the string hash of their text. Most sets stay empty, and
/// an empty set answers without hashing.
#[derive(Default, Clone)]
pub(super) struct NameSet(SetTable<NameId>);

impl NameSet {
    /// `set(other)`.
    pub fn copy_of(other: &NameSet) -> NameSet {
        NameSet(SetTable::copy_of(&other.0))
    }

    pub fn insert(&mut self, names: &Names, name: NameId) {
        let hash = str_hash(names.text(name));
        if let Scan::Absent(vacancy) = self.find(name, hash) {
            self.0.insert_at(vacancy, name, hash);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Remove `name`; whether it was present.
    pub fn remove(&mut self, names: &Names, name: NameId) -> bool {
        if self.is_empty() {
            return false;
        }
        match self.find(name, str_hash(names.text(name))) {
            Scan::Found(slot) => self.0.remove_at(slot).is_some(),
            _ => false,
        }
    }

    pub fn contains(&self, names: &Names, name: NameId) -> bool {
        !self.is_empty() && matches!(self.find(name, str_hash(names.text(name))), Scan::Found(_))
    }

    fn find(&self, name: NameId, hash: i64) -> Scan {
        let mut cursor = self.0.cursor(hash);
        self.0.scan(hash, &mut cursor, |&key| {
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
    pub fn iter(&self) -> impl Iterator<Item = NameId> + '_ {
        self.0.iter().copied()
    }
}
