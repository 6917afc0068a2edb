//! CPython's set hash table (`Objects/setobject.c`) over keys with precomputed hashes:
//! the one copy of its layout rules, used by the compiler (the symbol table's
//! free-variable sets, whose order `python -m symtable` shows, and frozenset constants)
//! and by the VM's `set` and `frozenset` objects, so that iteration order is CPython's
//! for the same hashes and the same sequence of operations.
//!
//! The rules: the table starts with 8 slots; a probe looks at the slot the hash picks
//! and `LINEAR_PROBES` neighbours, then jumps with the perturbed recurrence; removing
//! leaves a dummy that probes pass over and an insertion may reuse (the last one passed);
//! filling a never-used slot grows the table once it is 60% full; merging into an
//! empty table copies the other's layout when the sizes agree.
//!
//! Comparing keys may be the caller's business: the VM's keys compare with Python's
//! `__eq__`, which can run any code, including code that mutates the table. So a probe
//! is a resumable [`SetTable::scan`] that stops at a key the caller's quick comparison
//! cannot decide; the caller compares it without holding the table and resumes (or
//! restarts, when the table changed meanwhile).

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone, Debug)]
enum Slot<K> {
    Empty,
    Dummy,
    Active { hash: i64, key: K },
}

/// A set of `K` laid out as CPython lays out a set with the same hashes.
#[derive(Clone, Debug)]
pub struct SetTable<K> {
    slots: Vec<Slot<K>>,
    /// Active plus dummy slots.
    fill: usize,
    /// Active slots.
    used: usize,
}

impl<K> Default for SetTable<K> {
    fn default() -> Self {
        SetTable::new()
    }
}

/// What a caller's quick comparison says about a stored key whose hash matches.
pub enum KeyMatch {
    Equal,
    Different,
    /// Deciding needs work that may change the table: the scan stops at this key.
    Undecided,
}

/// Where a scan stopped.
pub enum Scan {
    Found(usize),
    Absent(Vacancy),
    /// The key in this slot needs the caller's full comparison (see `KeyMatch`).
    Undecided(usize),
}

/// Where an absent key goes: the last dummy the probe passed, else the never-used slot
/// that ended it (`set_add_entry`).
#[derive(Clone, Copy, Debug)]
pub struct Vacancy {
    empty: usize,
    dummy: Option<usize>,
}

/// A position in a key's probe sequence, so that a scan can resume after a key the
/// caller compared itself.
pub struct ProbeCursor {
    /// The slot the current run of linear probes starts at.
    start: usize,
    /// The next slot of the run to look at, relative to `start`.
    offset: usize,
    perturb: u64,
    dummy: Option<usize>,
}

impl ProbeCursor {
    /// Drop the dummy slot remembered for an insertion (the caller's comparison may
    /// have filled it).
    pub fn forget_dummy(&mut self) {
        self.dummy = None;
    }
}

impl<K> SetTable<K> {
    pub fn new() -> SetTable<K> {
        SetTable {
            slots: empty_slots(MIN_SIZE),
            fill: 0,
            used: 0,
        }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.used
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    #[inline]
    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// The keys in iteration (table) order.
    pub fn iter(&self) -> impl Iterator<Item = &K> {
        self.entries().map(|(key, _)| key)
    }

    /// The keys with their hashes, in iteration order.
    pub fn entries(&self) -> impl Iterator<Item = (&K, i64)> {
        self.slots.iter().filter_map(|slot| match slot {
            Slot::Active { hash, key } => Some((key, *hash)),
            _ => None,
        })
    }

    /// The first key at or after slot `pos`, with its slot (a set iterator's step).
    pub fn next_from(&self, pos: usize) -> Option<(usize, &K)> {
        let rest = self.slots.get(pos..)?;
        rest.iter().enumerate().find_map(|(i, slot)| match slot {
            Slot::Active { key, .. } => Some((pos + i, key)),
            _ => None,
        })
    }

    /// The key in slot `slot`, if one is there.
    #[inline]
    pub fn key_at(&self, slot: usize) -> Option<&K> {
        match self.slots.get(slot) {
            Some(Slot::Active { key, .. }) => Some(key),
            _ => None,
        }
    }

    /// Identifies the slot array: it changes when the table is rebuilt (CPython's
    /// probes compare table pointers to notice that), and slot indices are only
    /// meaningful under the same token.
    pub fn layout_token(&self) -> (usize, usize) {
        (self.slots.as_ptr() as usize, self.slots.len())
    }

    /// The start of `hash`'s probe sequence.
    #[inline]
    pub fn cursor(&self, hash: i64) -> ProbeCursor {
        ProbeCursor {
            start: (hash as u64 as usize) & self.mask(),
            offset: 0,
            perturb: hash as u64,
            dummy: None,
        }
    }

    /// Follow `hash`'s probe sequence from `cursor` (`set_lookkey`): stops at a key
    /// `matches` calls equal, at a never-used slot, or at a key it cannot decide. Only
    /// keys stored with the same hash are offered to `matches`.
    #[inline]
    pub fn scan(
        &self,
        hash: i64,
        cursor: &mut ProbeCursor,
        mut matches: impl FnMut(&K) -> KeyMatch,
    ) -> Scan {
        let mask = self.mask();
        loop {
            let last = if cursor.start + LINEAR_PROBES <= mask {
                cursor.start + LINEAR_PROBES
            } else {
                cursor.start
            };
            let run = self.slots.get(cursor.start..=last).unwrap_or_default();
            for slot in run.iter().skip(cursor.offset) {
                let here = cursor.start + cursor.offset;
                cursor.offset += 1;
                match slot {
                    Slot::Empty => {
                        return Scan::Absent(Vacancy {
                            empty: here,
                            dummy: cursor.dummy,
                        });
                    }
                    Slot::Dummy => cursor.dummy = Some(here),
                    Slot::Active { hash: h, key } if *h == hash => match matches(key) {
                        KeyMatch::Equal => return Scan::Found(here),
                        KeyMatch::Different => {}
                        KeyMatch::Undecided => return Scan::Undecided(here),
                    },
                    Slot::Active { .. } => {}
                }
            }
            cursor.perturb >>= PERTURB_SHIFT;
            cursor.start = next_probe(cursor.start, cursor.perturb, mask);
            cursor.offset = 0;
        }
    }

    /// Store `key`, known to be absent, where a scan of this same table state found
    /// room; grows the table when that filled a never-used slot.
    pub fn insert_at(&mut self, vacancy: Vacancy, key: K, hash: i64) {
        self.used += 1;
        if let Some(slot) = vacancy.dummy {
            self.slots[slot] = Slot::Active { hash, key };
            return;
        }
        self.fill += 1;
        self.slots[vacancy.empty] = Slot::Active { hash, key };
        if self.fill * 5 >= self.mask() * 3 {
            self.resize(growth_target(self.used));
        }
    }

    /// Remove the key in slot `slot` (from a scan of this table state), leaving a dummy.
    pub fn remove_at(&mut self, slot: usize) -> Option<K> {
        match std::mem::replace(self.slots.get_mut(slot)?, Slot::Dummy) {
            Slot::Active { key, .. } => {
                self.used -= 1;
                Some(key)
            }
            other => {
                self.slots[slot] = other;
                None
            }
        }
    }

    /// `set.pop()`: remove the first key at or after slot `finger`, wrapping around;
    /// returns it with the slot it was in.
    pub fn pop_from(&mut self, finger: usize) -> Option<(usize, K)> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = finger & mask;
        while !matches!(self.slots[i], Slot::Active { .. }) {
            i = if i == mask { 0 } else { i + 1 };
        }
        self.remove_at(i).map(|key| (i, key))
    }

    /// Make room for `extra` more keys before adding them one by one (`set_merge`).
    pub fn reserve(&mut self, extra: usize) {
        if (self.fill + extra) * 5 >= self.mask() * 3 {
            self.resize((self.used + extra) * 2);
        }
    }

    /// Squeeze out the dummies when more than a quarter of the table is dummies (the
    /// end of `set_difference_update_internal`).
    pub fn purge_dummies(&mut self) {
        if self.fill - self.used > self.mask() / 4 {
            self.resize(growth_target(self.used));
        }
    }

    /// Move every key out, leaving an empty table.
    pub fn take_keys(&mut self) -> impl Iterator<Item = K> {
        self.fill = 0;
        self.used = 0;
        std::mem::replace(&mut self.slots, empty_slots(MIN_SIZE))
            .into_iter()
            .filter_map(|slot| match slot {
                Slot::Active { key, .. } => Some(key),
                _ => None,
            })
    }

    /// Rebuild into the smallest table larger than `minused` (`set_table_resize`).
    fn resize(&mut self, minused: usize) {
        let mut size = MIN_SIZE;
        while size <= minused {
            size <<= 1;
        }
        if size == MIN_SIZE && self.slots.len() == MIN_SIZE && self.fill == self.used {
            return;
        }
        let old = std::mem::replace(&mut self.slots, empty_slots(size));
        self.fill = self.used;
        for slot in old {
            if let Slot::Active { hash, key } = slot {
                insert_clean(&mut self.slots, key, hash);
            }
        }
    }
}

impl<K: Clone> SetTable<K> {
    /// The first half of `self |= other` (`set_merge`): make room, then, when `self`
    /// is empty (no keys, no dummies), take `other`'s keys without comparing any:
    /// its layout is copied when the sizes agree, else its keys are placed in order.
    /// Returns false when the caller still has to add `other`'s keys one by one.
    pub fn merge_into_empty(&mut self, other: &SetTable<K>) -> bool {
        if other.used == 0 {
            return true;
        }
        self.reserve(other.used);
        if self.fill != 0 {
            return false;
        }
        if self.slots.len() == other.slots.len() && other.fill == other.used {
            self.slots.clone_from(&other.slots);
        } else {
            for (key, hash) in other.entries() {
                insert_clean(&mut self.slots, key.clone(), hash);
            }
        }
        self.fill = other.used;
        self.used = other.used;
        true
    }
}

impl<K: Clone + PartialEq> SetTable<K> {
    /// `set(other)`: a new table holding `other`'s keys (its layout compacted).
    pub fn copy_of(other: &SetTable<K>) -> SetTable<K> {
        let mut table = SetTable::new();
        table.merge(other);
        table
    }

    fn find(&self, key: &K, hash: i64) -> Scan {
        let mut cursor = self.cursor(hash);
        self.scan(hash, &mut cursor, |k| {
            if k == key {
                KeyMatch::Equal
            } else {
                KeyMatch::Different
            }
        })
    }

    pub fn contains(&self, key: &K, hash: i64) -> bool {
        matches!(self.find(key, hash), Scan::Found(_))
    }

    /// Add `key` unless an equal key is present (`set_add_entry`).
    pub fn add(&mut self, key: K, hash: i64) {
        if let Scan::Absent(vacancy) = self.find(&key, hash) {
            self.insert_at(vacancy, key, hash);
        }
    }

    /// Remove `key` if present, leaving a dummy; whether it was there.
    pub fn discard(&mut self, key: &K, hash: i64) -> bool {
        match self.find(key, hash) {
            Scan::Found(slot) => self.remove_at(slot).is_some(),
            _ => false,
        }
    }

    /// `self |= other` (`set_merge`).
    pub fn merge(&mut self, other: &SetTable<K>) {
        if self.merge_into_empty(other) {
            return;
        }
        for (key, hash) in other.entries() {
            self.add(key.clone(), hash);
        }
    }
}

/// `n` never-used slots.
fn empty_slots<K>(n: usize) -> Vec<Slot<K>> {
    let mut slots = Vec::with_capacity(n);
    slots.resize_with(n, || Slot::Empty);
    slots
}

/// The size a growing table is rebuilt for (`set_add_entry`'s resize argument).
fn growth_target(used: usize) -> usize {
    if used > 50_000 {
        used * 2
    } else {
        used * 4
    }
}

/// Place a key known to be absent in a table without dummies (`set_insert_clean`).
fn insert_clean<K>(slots: &mut [Slot<K>], key: K, hash: i64) {
    let mask = slots.len() - 1;
    let mut perturb = hash as u64;
    let mut i = (hash as u64 as usize) & mask;
    loop {
        let last = if i + LINEAR_PROBES <= mask {
            i + LINEAR_PROBES
        } else {
            i
        };
        if let Some(j) = (i..=last).find(|&j| matches!(slots[j], Slot::Empty)) {
            slots[j] = Slot::Active { hash, key };
            return;
        }
        perturb >>= PERTURB_SHIFT;
        i = next_probe(i, perturb, mask);
    }
}

#[inline]
fn next_probe(i: usize, perturb: u64, mask: usize) -> usize {
    i.wrapping_mul(5)
        .wrapping_add(1)
        .wrapping_add(perturb as usize)
        & mask
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_ints_iterate_in_slot_order() {
        let mut set = SetTable::new();
        for i in [5i64, 3, 1] {
            set.add(i, i);
        }
        assert_eq!(set.iter().copied().collect::<Vec<_>>(), vec![1, 3, 5]);
    }

    #[test]
    fn grows_at_three_fifths_and_keeps_keys() {
        let mut set = SetTable::new();
        for i in 0..5i64 {
            set.add(i, i);
        }
        assert_eq!(set.slots.len(), 32);
        for i in 5..100i64 {
            set.add(i * 7, i * 7);
        }
        assert_eq!(set.len(), 100);
        assert!((5..100).all(|i| set.contains(&(i * 7), i * 7)));
    }

    #[test]
    fn discard_leaves_a_reusable_dummy() {
        let mut set = SetTable::new();
        set.add(1i64, 1);
        set.add(9, 9);
        assert!(set.discard(&1, 1));
        set.add(17, 17);
        assert_eq!(set.iter().copied().collect::<Vec<_>>(), vec![17, 9]);
    }

    #[test]
    fn a_scan_resumes_after_an_undecided_key() {
        let mut set = SetTable::new();
        for key in [1i64, 9, 17] {
            set.add(key, 1);
        }
        let mut cursor = set.cursor(1);
        let mut offered = Vec::new();
        let found = loop {
            match set.scan(1, &mut cursor, |k| {
                offered.push(*k);
                KeyMatch::Undecided
            }) {
                Scan::Undecided(slot) if set.key_at(slot) == Some(&17) => break slot,
                Scan::Undecided(_) => {}
                _ => break usize::MAX,
            }
        };
        assert_eq!(offered, vec![1, 9, 17]);
        assert_eq!(set.key_at(found), Some(&17));
    }

    #[test]
    fn pop_wraps_around_from_the_finger() {
        let mut set = SetTable::new();
        set.add(1i64, 1);
        set.add(6, 6);
        assert_eq!(set.pop_from(7).map(|(_, k)| k), Some(1));
        assert_eq!(set.pop_from(2).map(|(_, k)| k), Some(6));
        assert_eq!(set.pop_from(0), None);
    }
}
