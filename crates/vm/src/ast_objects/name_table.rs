//! The interned str of each identifier met while converting one tree to node objects.
//!
//! A module's identifiers recur many times (`self`, its own names), and the
//! interpreter's interning table is a keyed hash of every byte followed by a probe of a
//! large table: this table answers the repeats, and only a name's first occurrence
//! goes to the interpreter. It lives for one conversion only (no result is kept
//! between `compile()` calls).
//!
//! An open-addressing table of (hash, name, str) rather than a `HashMap`: the stored
//! hash rejects a different name without comparing bytes, and growing reuses the
//! stored hashes instead of hashing every name again.

use std::hash::Hasher;

use adder_compiler::fast_hash::WordHasher;

use crate::value::Value;

/// One identifier and its interned str.
struct Entry<'a> {
    hash: u64,
    name: &'a str,
    interned: Value,
}

pub(super) struct NameTable<'a> {
    /// A power of two long; at most three quarters full.
    slots: Vec<Option<Entry<'a>>>,
    len: usize,
}

/// Slots of a new table: enough for the names of a typical module without growing.
const INITIAL_SLOTS: usize = 256;

impl<'a> NameTable<'a> {
    pub(super) fn new() -> NameTable<'a> {
        NameTable {
            slots: empty_slots(INITIAL_SLOTS),
            len: 0,
        }
    }

    /// The interned str of `name`, from `intern` the first time.
    #[inline]
    pub(super) fn get(&mut self, name: &'a str, intern: impl FnOnce(&str) -> Value) -> Value {
        let mut hasher = WordHasher::default();
        hasher.write(name.as_bytes());
        let hash = hasher.finish();
        let mask = self.slots.len() - 1;
        let mut index = hash as usize & mask;
        loop {
            match self.slots.get(index) {
                Some(Some(entry)) if entry.hash == hash && entry.name == name => {
                    return entry.interned.clone();
                }
                Some(Some(_)) => index = (index + 1) & mask,
                _ => break,
            }
        }
        let interned = intern(name);
        self.insert(Entry {
            hash,
            name,
            interned: interned.clone(),
        });
        interned
    }

    /// Add `entry` (a name not in the table), growing first if it would be too full.
    fn insert(&mut self, entry: Entry<'a>) {
        if 4 * (self.len + 1) > 3 * self.slots.len() {
            let doubled = empty_slots(2 * self.slots.len());
            let old = std::mem::replace(&mut self.slots, doubled);
            for moved in old.into_iter().flatten() {
                self.place(moved);
            }
        }
        self.place(entry);
        self.len += 1;
    }

    /// Put `entry` in the first free slot from its hash on.
    fn place(&mut self, entry: Entry<'a>) {
        let mask = self.slots.len() - 1;
        let mut index = entry.hash as usize & mask;
        while let Some(Some(_)) = self.slots.get(index) {
            index = (index + 1) & mask;
        }
        if let Some(slot) = self.slots.get_mut(index) {
            *slot = Some(entry);
        }
    }
}

fn empty_slots<'a>(count: usize) -> Vec<Option<Entry<'a>>> {
    std::iter::repeat_with(|| None).take(count).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_interned_once_and_found_after_growing() {
        let names: Vec<String> = (0..1000).map(|i| format!("name{i}")).collect();
        let mut table = NameTable::new();
        let mut interned = 0;
        for round in 0..2 {
            for (i, name) in names.iter().enumerate() {
                let value = table.get(name, |_| {
                    interned += 1;
                    Value::Int(i as i64)
                });
                assert!(
                    matches!(value, Value::Int(n) if n == i as i64),
                    "round {round}"
                );
            }
        }
        assert_eq!(interned, names.len());
    }
}
