//! CPython's set hash table (`Objects/setobject.c`) over keys with precomputed hashes,
//! for sets whose iteration order becomes visible in compiler output: the symbol
//! table's free-variable sets (the order `python -m symtable` lists pass-through free
//! names in) and frozenset constants. Only the layout matters here, so keys are plain
//! Rust values compared with `==`; the order is the same as CPython's for the same
//! hashes and the same sequence of operations.
//!
//! The rules: the table starts with 8 slots; a probe looks at the slot the hash picks
//! and `LINEAR_PROBES` neighbours, then jumps with the perturbed recurrence; removing
//! leaves a dummy that probes pass over and an insertion may reuse (the last one passed);
//! filling a never-used slot grows the table once it is 60% full; merging into an
//! empty table copies the other's layout when the sizes agree.

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

impl<K: Clone + PartialEq> Default for SetTable<K> {
    fn default() -> Self {
        SetTable::new()
    }
}

/// Where probing for a key ended.
enum Probe {
    Found(usize),
    Absent { empty: usize, dummy: Option<usize> },
}

impl<K: Clone + PartialEq> SetTable<K> {
    pub fn new() -> SetTable<K> {
        SetTable {
            slots: vec![Slot::Empty; MIN_SIZE],
            fill: 0,
            used: 0,
        }
    }

    /// `set(other)`: a new table holding `other`'s keys (its layout compacted).
    pub fn copy_of(other: &SetTable<K>) -> SetTable<K> {
        let mut table = SetTable::new();
        table.merge(other);
        table
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

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

    pub fn contains(&self, key: &K, hash: i64) -> bool {
        matches!(self.probe(key, hash), Probe::Found(_))
    }

    /// Add `key` unless an equal key is present (`set_add_entry`).
    pub fn add(&mut self, key: K, hash: i64) {
        let Probe::Absent { empty, dummy } = self.probe(&key, hash) else {
            return;
        };
        self.used += 1;
        if let Some(slot) = dummy {
            self.slots[slot] = Slot::Active { hash, key };
            return;
        }
        self.fill += 1;
        self.slots[empty] = Slot::Active { hash, key };
        if self.fill * 5 >= self.mask() * 3 {
            self.resize(if self.used > 50_000 {
                self.used * 2
            } else {
                self.used * 4
            });
        }
    }

    /// Remove `key` if present, leaving a dummy; whether it was there.
    pub fn discard(&mut self, key: &K, hash: i64) -> bool {
        match self.probe(key, hash) {
            Probe::Found(slot) => {
                self.slots[slot] = Slot::Dummy;
                self.used -= 1;
                true
            }
            Probe::Absent { .. } => false,
        }
    }

    /// `self |= other` (`set_merge`).
    pub fn merge(&mut self, other: &SetTable<K>) {
        if other.used == 0 {
            return;
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.slots.len() == other.slots.len() && other.fill == other.used {
            self.slots = other.slots.clone();
            self.fill = other.fill;
            self.used = other.used;
            return;
        }
        if self.fill == 0 {
            for (key, hash) in other.entries() {
                insert_clean(&mut self.slots, key.clone(), hash);
            }
            self.fill = other.used;
            self.used = other.used;
            return;
        }
        for (key, hash) in other.entries() {
            self.add(key.clone(), hash);
        }
    }

    fn probe(&self, key: &K, hash: i64) -> Probe {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut dummy = None;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                match &self.slots[j] {
                    Slot::Empty => return Probe::Absent { empty: j, dummy },
                    Slot::Dummy => dummy = Some(j),
                    Slot::Active { hash: h, key: k } if *h == hash && k == key => {
                        return Probe::Found(j)
                    }
                    Slot::Active { .. } => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = next_probe(i, perturb, mask);
        }
    }

    /// Rebuild into the smallest table larger than `minused` (`set_table_resize`).
    fn resize(&mut self, minused: usize) {
        let mut size = MIN_SIZE;
        while size <= minused {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::Empty; size]);
        self.fill = self.used;
        for slot in old {
            if let Slot::Active { hash, key } = slot {
                insert_clean(&mut self.slots, key, hash);
            }
        }
    }
}

/// Place a key known to be absent in a table without dummies (`set_insert_clean`).
fn insert_clean<K>(slots: &mut [Slot<K>], key: K, hash: i64) {
    let mask = slots.len() - 1;
    let mut perturb = hash as u64;
    let mut i = (hash as u64 as usize) & mask;
    loop {
        let probes = if i + LINEAR_PROBES <= mask {
            LINEAR_PROBES
        } else {
            0
        };
        if let Some(j) = (i..=i + probes).find(|&j| matches!(slots[j], Slot::Empty)) {
            slots[j] = Slot::Active { hash, key };
            return;
        }
        perturb >>= PERTURB_SHIFT;
        i = next_probe(i, perturb, mask);
    }
}

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
        for i in 0..100i64 {
            set.add(i * 7, i * 7);
        }
        assert_eq!(set.len(), 100);
        assert!((0..100).all(|i| set.contains(&(i * 7), i * 7)));
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
}
