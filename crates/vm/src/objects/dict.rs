//! The `dict` storage: CPython's compact layout, an open-addressing index table over an
//! insertion-ordered entry array. Deleting leaves a hole in the entries (keeping the
//! order of the rest) and a tombstone in the index; both are squeezed out on resize.
//!
//! Key equality can run Python code (`__eq__`), so lookups take the comparison as a
//! closure that may fail; the object layer supplies one with the fast paths inlined.

use crate::error::PyResult;
use crate::object::ObjRef;
use crate::objects::table_key;
use crate::value::Value;
use crate::vm::Vm;

const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;
const MIN_SIZE: usize = 8;

#[derive(Clone)]
pub struct Entry {
    pub hash: i64,
    /// `Value::Null` marks a deleted entry.
    pub key: Value,
    pub value: Value,
}

#[derive(Clone, Default)]
pub struct DictData {
    indices: Vec<u32>,
    entries: Vec<Entry>,
    used: usize,
    /// `DUMMY` slots in `indices`: they count towards the load, or a table whose
    /// removed entries were trimmed from `entries` could fill up with them and leave a
    /// probe for an absent key no `EMPTY` slot to stop at.
    dummies: usize,
    /// A type's namespace: changing it invalidates the attribute lookup cache.
    watched: bool,
    /// Identifies the key layout (which keys sit at which entry index): renewed from a
    /// process-wide counter whenever a key is added or removed, so two dicts with equal
    /// versions have the same layout. Replacing a value keeps it. `LOAD_GLOBAL` caches
    /// (version, entry index) pairs on it, as CPython caches dict-keys versions.
    keys_version: u64,
}

/// Key-layout versions (see `DictData::keys_version`) are handed out from blocks of
/// this many, each reserved by one thread from a process-wide atomic counter: unique
/// across threads, and across interpreters running in parallel (unit tests, which do
/// not share a GIL), while the common case stays a thread-local increment.
const KEYS_VERSION_BLOCK: u64 = 1 << 20;

/// The last version reserved by any thread.
static RESERVED_KEYS_VERSIONS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

thread_local! {
    /// This thread's block: the next version to hand out, and the end of the block.
    static KEYS_VERSIONS: std::cell::Cell<(u64, u64)> = const { std::cell::Cell::new((0, 0)) };
}

fn next_keys_version() -> u64 {
    KEYS_VERSIONS.with(|block| {
        let (next, end) = block.get();
        if next < end {
            block.set((next + 1, end));
            return next;
        }
        let first = 1 + RESERVED_KEYS_VERSIONS
            .fetch_add(KEYS_VERSION_BLOCK, std::sync::atomic::Ordering::Relaxed);
        block.set((first + 1, first + KEYS_VERSION_BLOCK));
        first
    })
}

/// Bumped whenever a type's namespace changes; cached type lookups from an older epoch
/// are stale (CPython's type version tags, coarsened to one counter: such changes are
/// rare once a program runs).
static TYPE_EPOCH: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// The current type-namespace epoch.
#[inline]
pub fn type_epoch() -> u64 {
    TYPE_EPOCH.load(std::sync::atomic::Ordering::Relaxed)
}

/// Invalidate every cached type lookup.
pub fn bump_type_epoch() {
    TYPE_EPOCH.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
}

impl DictData {
    pub fn new() -> DictData {
        DictData::default()
    }

    pub fn with_capacity(n: usize) -> DictData {
        let mut d = DictData::new();
        if n > 0 {
            d.rebuild_indices(table_size_for(n));
            d.entries.reserve(n);
        }
        d
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.used
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Index (into the entry array) of the entry holding `key`, if any. `eq` says
    /// whether a stored key with the same hash equals the searched one; it is a generic
    /// parameter rather than a `dyn` so that the common comparisons inline into the probe.
    #[inline]
    pub fn find(
        &self,
        key: &Value,
        hash: i64,
        eq: &mut impl FnMut(&Value, &Value) -> PyResult<bool>,
    ) -> PyResult<Option<usize>> {
        if self.indices.is_empty() {
            return Ok(None);
        }
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return Ok(None);
            }
            if ix != DUMMY {
                let e = &self.entries[ix as usize];
                if e.key.is(key) || (e.hash == hash && eq(&e.key, key)?) {
                    return Ok(Some(ix as usize));
                }
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
    }

    pub fn get(
        &self,
        key: &Value,
        hash: i64,
        eq: &mut impl FnMut(&Value, &Value) -> PyResult<bool>,
    ) -> PyResult<Option<Value>> {
        Ok(self
            .find(key, hash, eq)?
            .map(|ix| self.entries[ix].value.clone()))
    }

    /// Insert or replace; returns the previous value.
    pub fn insert(
        &mut self,
        key: Value,
        hash: i64,
        value: Value,
        eq: &mut impl FnMut(&Value, &Value) -> PyResult<bool>,
    ) -> PyResult<Option<Value>> {
        if let Some(ix) = self.find(&key, hash, eq)? {
            self.changed();
            return Ok(Some(std::mem::replace(&mut self.entries[ix].value, value)));
        }
        self.insert_new(key, hash, value);
        Ok(None)
    }

    /// Append a key known to be absent.
    pub fn insert_new(&mut self, key: Value, hash: i64, value: Value) {
        self.changed();
        self.keys_version = next_keys_version();
        if (self.entries.len().max(self.used + self.dummies) + 1) * 3 > self.indices.len() * 2 {
            self.rebuild_indices(table_size_for(self.used + 1));
        }
        let slot = self.free_slot(hash);
        if self.indices[slot] == DUMMY {
            self.dummies -= 1;
        }
        self.indices[slot] = self.entries.len() as u32;
        self.entries.push(Entry { hash, key, value });
        self.used += 1;
    }

    pub fn remove(
        &mut self,
        key: &Value,
        hash: i64,
        eq: &mut impl FnMut(&Value, &Value) -> PyResult<bool>,
    ) -> PyResult<Option<Entry>> {
        let Some(ix) = self.find(key, hash, eq)? else {
            return Ok(None);
        };
        Ok(Some(self.remove_entry(ix)))
    }

    /// Remove the entry at entry index `ix` (from `find` or iteration).
    pub fn remove_entry(&mut self, ix: usize) -> Entry {
        self.changed();
        self.keys_version = next_keys_version();
        let mask = self.indices.len() - 1;
        let hash = self.entries[ix].hash;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        while self.indices[i] != ix as u32 {
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
        self.indices[i] = DUMMY;
        self.dummies += 1;
        self.used -= 1;
        let removed = std::mem::replace(
            &mut self.entries[ix],
            Entry {
                hash: 0,
                key: Value::Null,
                value: Value::Null,
            },
        );
        // Trailing holes can simply go.
        while self.entries.last().is_some_and(|e| e.key.is_null()) {
            self.entries.pop();
        }
        removed
    }

    pub fn clear(&mut self) {
        let watched = self.watched;
        *self = DictData::new();
        self.watched = watched;
        self.keys_version = next_keys_version();
        self.changed();
    }

    /// Move every key and value out (for the destructor's trashcan).
    pub fn take_values(&mut self) -> Vec<Value> {
        let entries = std::mem::take(&mut self.entries);
        self.indices.clear();
        self.used = 0;
        self.dummies = 0;
        self.keys_version = next_keys_version();
        entries.into_iter().flat_map(|e| [e.key, e.value]).collect()
    }

    /// Mark this dict as a type's namespace (see `type_epoch`).
    pub fn watch(&mut self) {
        self.watched = true;
        bump_type_epoch();
    }

    #[inline]
    fn changed(&self) {
        if self.watched {
            bump_type_epoch();
        }
    }

    /// The live entry at or after entry index `pos`, with the next position to resume at.
    pub fn next_entry(&self, mut pos: usize) -> Option<(usize, &Entry)> {
        while let Some(e) = self.entries.get(pos) {
            pos += 1;
            if !e.key.is_null() {
                return Some((pos, e));
            }
        }
        None
    }

    pub fn entry(&self, ix: usize) -> &Entry {
        &self.entries[ix]
    }

    /// See the field's comment.
    #[inline]
    pub fn keys_version(&self) -> u64 {
        self.keys_version
    }

    /// The value at entry index `ix` (from `find`, under the same keys version).
    #[inline]
    pub fn value_at(&self, ix: usize) -> Option<&Value> {
        self.entries.get(ix).map(|e| &e.value)
    }

    /// Replace the value of the live entry at index `ix`, returning the old one. The
    /// keys stay where they are (so does the keys version): filling a clone of a
    /// prepared dict this way skips hashing and probing (`_ast` nodes).
    pub fn replace_value_at(&mut self, ix: usize, value: Value) -> Option<Value> {
        let entry = self.entries.get_mut(ix).filter(|e| !e.key.is_null())?;
        let old = std::mem::replace(&mut entry.value, value);
        self.changed();
        Some(old)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| !e.key.is_null())
    }

    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|e| e.key.clone()).collect()
    }

    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|e| e.value.clone()).collect()
    }

    /// The last live entry (for `popitem`).
    pub fn last_index(&self) -> Option<usize> {
        self.entries.iter().rposition(|e| !e.key.is_null())
    }

    fn free_slot(&self, hash: i64) -> usize {
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        while self.indices[i] != EMPTY && self.indices[i] != DUMMY {
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
        i
    }

    fn rebuild_indices(&mut self, size: usize) {
        self.keys_version = next_keys_version();
        if self.used != self.entries.len() {
            self.entries.retain(|e| !e.key.is_null());
        }
        self.indices = vec![EMPTY; size];
        self.dummies = 0;
        for ix in 0..self.entries.len() {
            let slot = self.free_slot(self.entries[ix].hash);
            self.indices[slot] = ix as u32;
        }
    }
}

/// Smallest power-of-two table keeping `n` entries under two-thirds load.
fn table_size_for(n: usize) -> usize {
    let mut size = MIN_SIZE;
    while n * 3 >= size * 2 {
        size *= 2;
    }
    size
}

// ----- dict objects: the storage above wrapped with Python hashing and equality -----

/// The storage of a dict object. The helpers below are meant for dicts; given
/// anything else they find nothing (str-keyed lookups) or raise TypeError.
fn storage(d: &ObjRef) -> Option<&std::cell::RefCell<DictData>> {
    d.as_dict()
}

fn checked_storage<'a>(vm: &Vm, d: &'a ObjRef) -> PyResult<&'a std::cell::RefCell<DictData>> {
    storage(d).ok_or_else(|| vm.type_error("expected a dict"))
}

fn mutation_error(vm: &Vm) -> crate::error::PyErr {
    vm.runtime_error("dictionary changed size during iteration")
}

/// Equality of two str keys without running Python code (namespaces, attribute names).
fn str_key_eq(stored: &Value, key: &Value) -> PyResult<bool> {
    Ok(match (stored.as_obj(), key.as_obj()) {
        (Some(a), Some(b)) => {
            matches!((a.as_str(), b.as_str()), (Some(x), Some(y)) if x == y)
        }
        _ => false,
    })
}

/// `d[name]` for a str name, without running Python code: namespace lookups.
pub fn get_str(d: &ObjRef, name: &str) -> Option<Value> {
    let data = storage(d)?.try_borrow().ok()?;
    let hash = crate::objects::str::name_hash(name);
    let mut eq = |stored: &Value, _: &Value| -> PyResult<bool> {
        Ok(stored
            .as_obj()
            .and_then(|o| o.as_str())
            .is_some_and(|s| s.as_str() == name))
    };
    data.get(&Value::Null, hash, &mut eq).ok().flatten()
}

/// `d[name]` for a str object `name`, using its cached hash: the globals/builtins path.
#[inline]
/// Where `name` sits in `d` (its entry index) and `d`'s keys version; `None` for the
/// index when the key is absent (or `d` is not a plain readable dict: no version then).
pub fn locate_str(d: &ObjRef, name: &Value) -> Option<(u64, Option<usize>)> {
    let key = name.as_obj()?.as_str()?;
    let data = storage(d)?.try_borrow().ok()?;
    let ix = data.find(name, key.hash(), &mut str_key_eq).ok()?;
    Some((data.keys_version, ix))
}

/// Read access to a dict's storage, if `d` is a dict not being mutated.
#[inline]
pub fn try_data(d: &ObjRef) -> Option<std::cell::Ref<'_, DictData>> {
    storage(d)?.try_borrow().ok()
}

pub fn get_str_value(d: &ObjRef, name: &Value) -> Option<Value> {
    let key = name.as_obj()?.as_str()?;
    let data = storage(d)?.try_borrow().ok()?;
    data.get(name, key.hash(), &mut str_key_eq).ok().flatten()
}

/// `d[name] = value` for a str name.
pub fn set_str(vm: &Vm, d: &ObjRef, name: &str, value: Value) {
    let key = vm.intern(name);
    set_str_key(d, key, value);
}

/// `d[key] = value` where `key` is a str object.
pub fn set_str_key(d: &ObjRef, key: Value, value: Value) {
    let hash = key
        .as_obj()
        .and_then(|o| o.as_str())
        .map_or(0, |s| s.hash());
    if let Some(Ok(mut data)) = storage(d).map(|s| s.try_borrow_mut()) {
        let _ = data.insert(key, hash, value, &mut str_key_eq);
    }
}

/// `d.get(key)`.
pub fn get_item(vm: &mut Vm, d: &ObjRef, key: &Value) -> PyResult<Option<Value>> {
    let hash = table_key::hash(vm, key, "a dict key")?;
    let data = checked_storage(vm, d)?
        .try_borrow()
        .map_err(|_| mutation_error(vm))?;
    data.get(key, hash, &mut |a, b| table_key::eq(vm, a, b))
}

/// `d[key] = value`.
pub fn set_item(vm: &mut Vm, d: &ObjRef, key: Value, value: Value) -> PyResult<()> {
    let hash = table_key::hash(vm, &key, "a dict key")?;
    let found = {
        let data = checked_storage(vm, d)?
            .try_borrow()
            .map_err(|_| mutation_error(vm))?;
        data.find(&key, hash, &mut |a, b| table_key::eq(vm, a, b))?
    };
    let mut data = checked_storage(vm, d)?
        .try_borrow_mut()
        .map_err(|_| mutation_error(vm))?;
    match found {
        Some(ix) if ix < data.entries.len() && !data.entries[ix].key.is_null() => {
            data.changed();
            data.entries[ix].value = value;
        }
        _ => data.insert_new(key, hash, value),
    }
    Ok(())
}

/// `del d[key]`; `Ok(None)` when absent.
pub fn del_item(vm: &mut Vm, d: &ObjRef, key: &Value) -> PyResult<Option<Value>> {
    let hash = table_key::hash(vm, key, "a dict key")?;
    let found = {
        let data = checked_storage(vm, d)?
            .try_borrow()
            .map_err(|_| mutation_error(vm))?;
        data.find(key, hash, &mut |a, b| table_key::eq(vm, a, b))?
    };
    let Some(ix) = found else { return Ok(None) };
    let mut data = checked_storage(vm, d)?
        .try_borrow_mut()
        .map_err(|_| mutation_error(vm))?;
    Ok(Some(data.remove_entry(ix).value))
}

/// A new dict object holding `pairs` (later keys win).
pub fn from_pairs(vm: &mut Vm, pairs: Vec<(Value, Value)>) -> PyResult<ObjRef> {
    let d = vm.new_dict_with(DictData::with_capacity(pairs.len()));
    for (k, v) in pairs {
        set_item(vm, &d, k, v)?;
    }
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int_eq(a: &Value, b: &Value) -> PyResult<bool> {
        Ok(matches!((a, b), (Value::Int(x), Value::Int(y)) if x == y))
    }

    #[test]
    fn insert_find_remove_keeps_order() {
        let mut d = DictData::new();
        for i in 0..100 {
            d.insert(Value::Int(i), i, Value::Int(i * 2), &mut int_eq)
                .unwrap();
        }
        assert_eq!(d.len(), 100);
        for i in (0..100).step_by(3) {
            assert!(d.remove(&Value::Int(i), i, &mut int_eq).unwrap().is_some());
        }
        let keys: Vec<i64> = d
            .iter()
            .map(|e| match e.key {
                Value::Int(i) => i,
                _ => -1,
            })
            .collect();
        let expected: Vec<i64> = (0..100).filter(|i| i % 3 != 0).collect();
        assert_eq!(keys, expected);
        assert!(d.get(&Value::Int(4), 4, &mut int_eq).unwrap().is_some());
        assert!(d.get(&Value::Int(3), 3, &mut int_eq).unwrap().is_none());
    }

    /// Threads (as parallel interpreters) never get the same key-layout version.
    #[test]
    fn keys_versions_are_unique_across_threads() {
        let threads: Vec<_> = (0..4)
            .map(|_| {
                std::thread::spawn(|| (0..1000).map(|_| next_keys_version()).collect::<Vec<_>>())
            })
            .collect();
        let mut all: Vec<u64> = threads
            .into_iter()
            .flat_map(|t| t.join().unwrap_or_default())
            .collect();
        let n = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!((n, all.len()), (4000, 4000));
    }
}
