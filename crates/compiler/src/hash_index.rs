//! An index over keys that the caller stores in a list (the names of a module, of a
//! code object): open addressing with linear probing over 8-byte slots, each holding
//! a 32-bit hash tag and the key's position in the caller's list.
//!
//! The compiler looks names up by text hundreds of thousands of times per stdlib
//! compile. A general map keyed by `Rc<str>` hashes through the `Hasher` interface,
//! probes control bytes and compares every candidate's text; here the tag is computed
//! once (and kept by the symbol table for every name), a probe compares the tag first,
//! and the caller's comparison often succeeds on identity (the same shared text).

/// One slot: a key's tag and its position, or [`EMPTY`].
#[derive(Clone, Copy, Debug)]
struct Slot {
    tag: u32,
    index: u32,
}

/// The position of a slot that holds no key.
const EMPTY: u32 = u32::MAX;

/// Slots of the smallest table: most code objects have a handful of names.
const MIN_SLOTS: usize = 8;

/// Multiplier of Fibonacci hashing (2**32 / golden ratio): spreads both hashed tags
/// and small sequential ones over the table's top bits.
const SPREAD: u32 = 0x9e37_79b9;

#[derive(Clone, Debug, Default)]
pub struct HashIndex {
    /// A power of two of slots (or none before the first key), at most half full, so
    /// that a search ends after a couple of probes.
    slots: Box<[Slot]>,
    len: usize,
    /// 32 minus log2 of the slot count: the slot of a tag is its spread top bits.
    shift: u32,
}

impl HashIndex {
    /// An index with room for `keys` keys before it grows (and reinserts them).
    pub fn with_capacity(keys: usize) -> HashIndex {
        let mut index = HashIndex::default();
        if keys > 0 {
            index.resize((keys * 2).next_power_of_two().max(MIN_SLOTS));
        }
        index
    }

    /// The position of the key tagged `tag` for which `is_key` (given a position)
    /// holds.
    #[inline]
    pub fn find(&self, tag: u32, mut is_key: impl FnMut(u32) -> bool) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut at = self.home(tag);
        loop {
            let slot = self.slots[at];
            if slot.index == EMPTY {
                return None;
            }
            if slot.tag == tag && is_key(slot.index) {
                return Some(slot.index);
            }
            at = (at + 1) & mask;
        }
    }

    /// Record the key tagged `tag` at `index` of the caller's list (a key not in the
    /// index yet).
    pub fn insert(&mut self, tag: u32, index: u32) {
        if (self.len + 1) * 2 > self.slots.len() {
            self.resize((self.slots.len() * 2).max(MIN_SLOTS));
        }
        self.place(Slot { tag, index });
        self.len += 1;
    }

    #[inline]
    fn home(&self, tag: u32) -> usize {
        (tag.wrapping_mul(SPREAD) >> self.shift) as usize
    }

    /// Put `slot` in the first free slot from its home (the table has room).
    fn place(&mut self, slot: Slot) {
        let mask = self.slots.len() - 1;
        let mut at = self.home(slot.tag);
        while self.slots[at].index != EMPTY {
            at = (at + 1) & mask;
        }
        self.slots[at] = slot;
    }

    /// Move the keys to a table of `slots` slots (a power of two).
    fn resize(&mut self, slots: usize) {
        let empty = Slot {
            tag: 0,
            index: EMPTY,
        };
        let old = std::mem::replace(&mut self.slots, vec![empty; slots].into_boxed_slice());
        self.shift = 32 - slots.trailing_zeros();
        for slot in old.iter().filter(|slot| slot.index != EMPTY) {
            self.place(*slot);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_keys_across_growth_and_collisions() {
        let keys: Vec<String> = (0..1000).map(|i| format!("k{i}")).collect();
        let mut index = HashIndex::default();
        // Tags collide on purpose (ten keys per tag): the caller's test tells them apart.
        let tag = |i: usize| (i / 10) as u32;
        for i in 0..keys.len() {
            assert_eq!(index.find(tag(i), |j| keys[j as usize] == keys[i]), None);
            index.insert(tag(i), i as u32);
        }
        for (i, key) in keys.iter().enumerate() {
            assert_eq!(
                index.find(tag(i), |j| keys[j as usize] == *key),
                Some(i as u32)
            );
        }
        assert_eq!(index.find(7, |_| false), None);
    }

    #[test]
    fn a_sized_index_starts_with_room() {
        let mut index = HashIndex::with_capacity(3);
        assert_eq!(index.slots.len(), MIN_SLOTS);
        index.insert(5, 0);
        assert_eq!(index.find(5, |_| true), Some(0));
        assert_eq!(HashIndex::with_capacity(0).find(5, |_| true), None);
    }
}
