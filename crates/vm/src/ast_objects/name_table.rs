//! The interned str of each identifier met while converting one tree to node objects.
//!
//! A module's identifiers recur many times (`self`, its own names), and the
//! interpreter's interning table is a keyed hash of every byte followed by a probe of a
//! large table: this table answers the repeats, and only a name's first occurrence
//! goes to the interpreter. It lives for one conversion only (no result is kept
//! between `compile()` calls).
//!
//! An open-addressing table of (key, name, str) rather than a `HashMap`: growing
//! reuses the stored keys instead of reading every name again, and the key of a name
//! of up to 16 bytes holds the whole name (see [`Key`]), so that finding it compares
//! three words instead of calling `memcmp`.

use crate::value::Value;

/// A name's length and its first and last eight bytes (fewer, zero-padded, for shorter
/// names): together all of any name of up to 16 bytes. Read with a few loads whatever
/// the length, instead of hashing the name byte by byte.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Key {
    len: usize,
    head: u64,
    tail: u64,
}

impl Key {
    #[inline(always)]
    fn of(name: &str) -> Key {
        let bytes = name.as_bytes();
        let len = bytes.len();
        let (head, tail) = if let (Some(h), Some(t)) = (bytes.first_chunk(), bytes.last_chunk()) {
            (u64::from_le_bytes(*h), u64::from_le_bytes(*t))
        } else if let (Some(h), Some(t)) = (bytes.first_chunk(), bytes.last_chunk()) {
            (
                u64::from(u32::from_le_bytes(*h)),
                u64::from(u32::from_le_bytes(*t)),
            )
        } else {
            // 0 to 3 bytes: the first, middle and last are all of them.
            let byte = |i: usize| bytes.get(i).copied().map_or(0, u64::from);
            (
                byte(0) | byte(len / 2) << 8 | byte(len.wrapping_sub(1)) << 16,
                0,
            )
        };
        Key { len, head, tail }
    }

    /// Whether the key alone tells the name (see [`Key`]).
    #[inline(always)]
    fn is_whole_name(&self) -> bool {
        self.len <= 16
    }

    /// Where to start looking for the key in a table (its low bits, masked).
    #[inline(always)]
    fn hash(&self) -> u64 {
        const K1: u64 = 0x9e37_79b9_7f4a_7c15;
        const K2: u64 = 0xc2b2_ae3d_27d4_eb4f;
        let h = ((self.head ^ self.len as u64)
            .wrapping_mul(K1)
            .rotate_left(26)
            ^ self.tail)
            .wrapping_mul(K2);
        h ^ (h >> 29)
    }
}

/// One identifier and its interned str.
struct Entry<'a> {
    key: Key,
    name: &'a str,
    interned: Value,
}

impl Entry<'_> {
    #[inline(always)]
    fn is(&self, key: &Key, name: &str) -> bool {
        self.key == *key && (key.is_whole_name() || self.name == name)
    }
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
        let key = Key::of(name);
        let mask = self.slots.len() - 1;
        let mut index = key.hash() as usize & mask;
        loop {
            match self.slots.get(index) {
                Some(Some(entry)) if entry.is(&key, name) => {
                    return entry.interned.clone();
                }
                Some(Some(_)) => index = (index + 1) & mask,
                _ => break,
            }
        }
        let interned = intern(name);
        self.insert(Entry {
            key,
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
        let mut index = entry.key.hash() as usize & mask;
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

    /// Names of up to 16 bytes are told apart by their keys alone; longer ones that
    /// share their length, first and last eight bytes are still told apart.
    #[test]
    fn keys_of_short_names_are_the_names() {
        let mut names: Vec<String> = vec![String::new()];
        for len in 1..=20 {
            for fill in [b'a', b'b'] {
                for odd in 0..len {
                    let mut name = vec![fill; len];
                    name[odd] = b'z';
                    names.push(String::from_utf8(name).unwrap_or_default());
                }
            }
        }
        names.sort();
        names.dedup();
        for a in &names {
            for b in &names {
                let (ka, kb) = (Key::of(a), Key::of(b));
                if ka.is_whole_name() {
                    assert_eq!(ka == kb, a == b, "{a:?} {b:?}");
                }
            }
        }
        let mut table = NameTable::new();
        for (i, name) in names.iter().enumerate() {
            let first = table.get(name, |_| Value::Int(i as i64));
            assert!(matches!(first, Value::Int(n) if n == i as i64), "{name:?}");
        }
        for (i, name) in names.iter().enumerate() {
            let again = table.get(name, |_| Value::None);
            assert!(matches!(again, Value::Int(n) if n == i as i64), "{name:?}");
        }
    }
}
