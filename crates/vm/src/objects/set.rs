//! The `set` and `frozenset` storage: CPython's own open-addressing table
//! (`Objects/setobject.c`), so that iteration order, and therefore printed output, is
//! the same as CPython's. A probe looks at LINEAR_PROBES neighbouring slots before
//! jumping with the perturbed recurrence; the table starts at 8 slots and grows when
//! it is 60% full (counting deleted "dummy" slots); insertion reuses the last dummy
//! seen on the probe path.
//!
//! Key equality can run Python code that mutates the set, so probes never hold the
//! table borrowed across `__eq__`: they note the table's version, compare, and start
//! over when the table changed meanwhile (CPython's `restart`).

use std::cell::RefCell;

use crate::error::PyResult;
use crate::object::{ObjRef, Payload, PyObject};
use crate::protocol::compare::fast_eq;
use crate::value::Value;
use crate::vm::Vm;

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone)]
enum Slot {
    Empty,
    /// A deleted entry: probes continue past it; insertion may reuse it.
    Dummy,
    Active {
        hash: i64,
        key: Value,
    },
}

#[derive(Clone)]
pub struct SetData {
    slots: Vec<Slot>,
    /// Active plus dummy slots.
    fill: usize,
    /// Active slots.
    used: usize,
    /// Where `pop()` resumes its search.
    finger: usize,
    /// Bumped on every change, so probes notice mutation by `__eq__`.
    version: u64,
    /// A frozenset's hash once computed.
    cached_hash: Option<i64>,
}

impl Default for SetData {
    fn default() -> Self {
        SetData::new()
    }
}

/// Where a probe for a key ended.
enum Probe {
    Found(usize),
    /// Not present: the first never-used slot reached, and the last dummy passed.
    Absent {
        empty: usize,
        dummy: Option<usize>,
    },
}

impl SetData {
    /// Move every element out (for the destructor's trashcan).
    pub fn take_values(&mut self) -> Vec<Value> {
        let slots = std::mem::take(&mut self.slots);
        self.fill = 0;
        self.used = 0;
        slots
            .into_iter()
            .filter_map(|s| match s {
                Slot::Active { key, .. } => Some(key),
                _ => None,
            })
            .collect()
    }

    pub fn new() -> SetData {
        SetData {
            slots: vec![Slot::Empty; MIN_SIZE],
            fill: 0,
            used: 0,
            finger: 0,
            version: 0,
            cached_hash: None,
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

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// The active entries `(key, hash)` in table order.
    pub fn entries(&self) -> Vec<(Value, i64)> {
        self.slots
            .iter()
            .filter_map(|s| match s {
                Slot::Active { hash, key } => Some((key.clone(), *hash)),
                _ => None,
            })
            .collect()
    }

    pub fn keys(&self) -> Vec<Value> {
        self.entries().into_iter().map(|(k, _)| k).collect()
    }

    /// The first active entry at or after slot `pos`, with the slot index.
    pub fn next_from(&self, pos: usize) -> Option<(usize, Value)> {
        self.slots
            .iter()
            .enumerate()
            .skip(pos)
            .find_map(|(i, s)| match s {
                Slot::Active { key, .. } => Some((i, key.clone())),
                _ => None,
            })
    }

    /// Place a key known to be absent in a table with no dummies (`set_insert_clean`).
    fn insert_clean(slots: &mut [Slot], key: Value, hash: i64) {
        let mask = slots.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if matches!(slots[i], Slot::Empty) {
                slots[i] = Slot::Active { hash, key };
                return;
            }
            if i + LINEAR_PROBES <= mask {
                if let Some(j) =
                    (i + 1..=i + LINEAR_PROBES).find(|&j| matches!(slots[j], Slot::Empty))
                {
                    slots[j] = Slot::Active { hash, key };
                    return;
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
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
        let old = std::mem::replace(&mut self.slots, vec![Slot::Empty; size]);
        self.fill = self.used;
        for slot in old {
            if let Slot::Active { hash, key } = slot {
                SetData::insert_clean(&mut self.slots, key, hash);
            }
        }
        self.version += 1;
    }

    /// The growth step after filling a never-used slot.
    fn grow_if_needed(&mut self) {
        if self.fill * 5 >= self.mask() * 3 {
            self.resize(if self.used > 50000 {
                self.used * 2
            } else {
                self.used * 4
            });
        }
    }

    /// Store a key in the slot a probe found absent.
    fn store(&mut self, probe_empty: usize, dummy: Option<usize>, key: Value, hash: i64) {
        self.version += 1;
        self.cached_hash = None;
        self.used += 1;
        if let Some(d) = dummy {
            self.slots[d] = Slot::Active { hash, key };
            return;
        }
        self.fill += 1;
        self.slots[probe_empty] = Slot::Active { hash, key };
        self.grow_if_needed();
    }

    fn remove_at(&mut self, i: usize) -> Value {
        let old = std::mem::replace(&mut self.slots[i], Slot::Dummy);
        self.used -= 1;
        self.version += 1;
        self.cached_hash = None;
        match old {
            Slot::Active { key, .. } => key,
            _ => Value::None,
        }
    }

    /// `set.pop()`: the first active slot from the finger on, wrapping.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        while !matches!(self.slots[i], Slot::Active { .. }) {
            i = if i == mask { 0 } else { i + 1 };
        }
        self.finger = i + 1;
        Some(self.remove_at(i))
    }

    pub fn clear(&mut self) {
        let finger = self.finger;
        let version = self.version + 1;
        *self = SetData::new();
        self.finger = finger;
        self.version = version;
    }

    /// Purge dummies when more than a quarter of the table is dummies (after bulk removal).
    fn shrink_after_removals(&mut self) {
        if self.fill - self.used > self.mask() / 4 {
            self.resize(if self.used > 50000 {
                self.used * 2
            } else {
                self.used * 4
            });
        }
    }

    /// `set_merge`: add every entry of `other` (a snapshot of another set's table).
    fn merge_prepare(&mut self, other: &SetData) -> bool {
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.slots.len() == other.slots.len() && other.fill == other.used {
            self.slots = other.slots.clone();
            self.fill = other.fill;
            self.used = other.used;
            self.version += 1;
            self.cached_hash = None;
            return true;
        }
        if self.fill == 0 {
            for (key, hash) in other.entries() {
                SetData::insert_clean(&mut self.slots, key, hash);
            }
            self.fill = other.used;
            self.used = other.used;
            self.version += 1;
            self.cached_hash = None;
            return true;
        }
        false
    }

    pub fn cached_hash(&self) -> Option<i64> {
        self.cached_hash
    }

    /// A frozenset's hash, computed on first use.
    pub fn hash_once(&mut self) -> i64 {
        if let Some(h) = self.cached_hash {
            return h;
        }
        let h = self.frozen_hash();
        self.cached_hash = Some(h);
        h
    }

    /// CPython's frozenset hash: order-independent xor of shuffled entry hashes.
    pub fn frozen_hash(&self) -> i64 {
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
        }
        let mut hash: u64 = 0;
        for (_, h) in self.entries() {
            hash ^= shuffle(h as u64);
        }
        hash ^= (self.used as u64 + 1).wrapping_mul(1927868237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69069).wrapping_add(907133923);
        if hash == u64::MAX {
            hash = 590923713;
        }
        hash as i64
    }
}

// ----- set objects: the table above with Python hashing and equality -----

/// The storage of a set or frozenset value.
pub fn set_cell(v: &Value) -> Option<&RefCell<SetData>> {
    match v.payload() {
        Some(Payload::Set(s)) => Some(s),
        _ => None,
    }
}

/// A new set (or frozenset, or subclass) object of class `class`.
pub fn new_set_of(class: &ObjRef, data: SetData) -> Value {
    Value::obj(PyObject::new(
        class.clone(),
        Payload::Set(RefCell::new(data)),
    ))
}

pub fn is_frozen(vm: &Vm, v: &Value) -> bool {
    vm.is_instance(v, &vm.types().frozenset)
}

/// The exact type operations return for `v`'s class: `set` or `frozenset`
/// (`make_new_set_basetype`).
pub fn base_class(vm: &Vm, v: &Value) -> ObjRef {
    if is_frozen(vm, v) {
        vm.types().frozenset.clone()
    } else {
        vm.types().set.clone()
    }
}

/// `hash(key)` for use as a set element, with 3.14's message for unhashable keys.
pub fn key_hash(vm: &mut Vm, key: &Value) -> PyResult<i64> {
    vm.hash(key)
        .map_err(|e| unhashable_context(vm, e, key, "a set element"))
}

/// Wrap an exact TypeError from hashing as `cannot use 'T' as WHAT (...)`.
pub fn unhashable_context(
    vm: &mut Vm,
    e: crate::error::PyErr,
    key: &Value,
    what: &str,
) -> crate::error::PyErr {
    let exc = Value::Obj(e.0.clone());
    if !std::rc::Rc::ptr_eq(&vm.type_of(&exc), &vm.types().exc.type_error) {
        return e;
    }
    let inner = vm.to_str(&exc).unwrap_or_default();
    vm.type_error(format!(
        "cannot use '{}' as {what} ({inner})",
        vm.type_name(key)
    ))
}

/// Probe for `key` (`set_lookkey` and the search half of `set_add_entry`).
fn probe(vm: &mut Vm, cell: &RefCell<SetData>, key: &Value, hash: i64) -> PyResult<Probe> {
    'restart: loop {
        let (version, mask) = {
            let d = cell.borrow();
            (d.version, d.mask())
        };
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
                let stored = match &cell.borrow().slots[j] {
                    Slot::Empty => return Ok(Probe::Absent { empty: j, dummy }),
                    Slot::Dummy => {
                        dummy = Some(j);
                        continue;
                    }
                    Slot::Active { hash: h, key: k } if *h == hash => k.clone(),
                    Slot::Active { .. } => continue,
                };
                let equal = if stored.is(key) {
                    true
                } else if let Some(r) = fast_eq(&stored, key) {
                    r
                } else {
                    vm.eq(&stored, key)?
                };
                if cell.borrow().version != version {
                    continue 'restart;
                }
                if equal {
                    return Ok(Probe::Found(j));
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }
}

fn mutation_error(vm: &Vm) -> crate::error::PyErr {
    vm.runtime_error("Set changed size during iteration")
}

/// Add `key` with a known hash.
pub fn add_entry(vm: &mut Vm, cell: &RefCell<SetData>, key: Value, hash: i64) -> PyResult<()> {
    if let Probe::Absent { empty, dummy } = probe(vm, cell, &key, hash)? {
        cell.try_borrow_mut()
            .map_err(|_| mutation_error(vm))?
            .store(empty, dummy, key, hash);
    }
    Ok(())
}

pub fn add(vm: &mut Vm, cell: &RefCell<SetData>, key: Value) -> PyResult<()> {
    let hash = key_hash(vm, &key)?;
    add_entry(vm, cell, key, hash)
}

pub fn contains_entry(
    vm: &mut Vm,
    cell: &RefCell<SetData>,
    key: &Value,
    hash: i64,
) -> PyResult<bool> {
    Ok(matches!(probe(vm, cell, key, hash)?, Probe::Found(_)))
}

/// The hash for looking `key` up: a mutable set key is looked up as the equal frozenset.
fn lookup_hash(vm: &mut Vm, key: &Value) -> PyResult<i64> {
    match key_hash(vm, key) {
        Ok(h) => Ok(h),
        Err(e) => match set_cell(key) {
            Some(s)
                if vm.is_instance(&Value::Obj(e.0.clone()), &vm.types().exc.type_error.clone()) =>
            {
                Ok(s.borrow().frozen_hash())
            }
            _ => Err(e),
        },
    }
}

/// `key in s`.
pub fn contains(vm: &mut Vm, cell: &RefCell<SetData>, key: &Value) -> PyResult<bool> {
    let hash = lookup_hash(vm, key)?;
    contains_entry(vm, cell, key, hash)
}

pub fn discard_entry(
    vm: &mut Vm,
    cell: &RefCell<SetData>,
    key: &Value,
    hash: i64,
) -> PyResult<bool> {
    match probe(vm, cell, key, hash)? {
        Probe::Found(i) => {
            cell.try_borrow_mut()
                .map_err(|_| mutation_error(vm))?
                .remove_at(i);
            Ok(true)
        }
        Probe::Absent { .. } => Ok(false),
    }
}

/// Remove `key` if present; whether it was.
pub fn discard(vm: &mut Vm, cell: &RefCell<SetData>, key: &Value) -> PyResult<bool> {
    let hash = lookup_hash(vm, key)?;
    discard_entry(vm, cell, key, hash)
}

/// `so |= other` for another set's table (`set_merge`).
pub fn merge(vm: &mut Vm, cell: &RefCell<SetData>, other: &SetData) -> PyResult<()> {
    if other.used == 0 {
        return Ok(());
    }
    if cell.borrow_mut().merge_prepare(other) {
        return Ok(());
    }
    for (key, hash) in other.entries() {
        add_entry(vm, cell, key, hash)?;
    }
    Ok(())
}

/// `set_update_internal`: add everything from a set, a dict's keys, or any iterable.
pub fn update(vm: &mut Vm, target: &Value, other: &Value) -> PyResult<()> {
    let Some(cell) = set_cell(target) else {
        return Err(vm.system_error("set update on a non-set"));
    };
    if target.is(other) {
        return Ok(());
    }
    if let Some(o) = set_cell(other) {
        let snapshot = o.borrow().clone();
        return merge(vm, cell, &snapshot);
    }
    if let (Some(Payload::Dict(d)), false) = (other.payload(), vm.type_is_heap(&vm.type_of(other)))
    {
        let entries: Vec<(Value, i64)> =
            d.borrow().iter().map(|e| (e.key.clone(), e.hash)).collect();
        {
            let mut s = cell.borrow_mut();
            if (s.fill + entries.len()) * 5 >= s.mask() * 3 {
                let minused = (s.used + entries.len()) * 2;
                s.resize(minused);
            }
        }
        for (k, h) in entries {
            add_entry(vm, cell, k, h)?;
        }
        return Ok(());
    }
    let it = vm.get_iter(other)?;
    while let Some(item) = vm.next(&it)? {
        add(vm, cell, item)?;
    }
    Ok(())
}

/// A new set of class `class` holding the items of `iterable` (`make_new_set`).
pub fn make_set(vm: &mut Vm, class: &ObjRef, iterable: Option<&Value>) -> PyResult<Value> {
    let s = new_set_of(class, SetData::new());
    if let Some(it) = iterable {
        update(vm, &s, it)?;
    }
    Ok(s)
}

/// Remove every element of `other` from the set (`set_difference_update_internal`).
pub fn difference_update(vm: &mut Vm, target: &Value, other: &Value) -> PyResult<()> {
    let Some(cell) = set_cell(target) else {
        return Err(vm.system_error("set difference on a non-set"));
    };
    if target.is(other) {
        cell.borrow_mut().clear();
        return Ok(());
    }
    if let Some(o) = set_cell(other) {
        let other_len = o.borrow().len();
        let entries = if (other_len >> 3) > cell.borrow().len() {
            let common = intersection(vm, target, other)?;
            set_cell(&common)
                .map(|c| c.borrow().entries())
                .unwrap_or_default()
        } else {
            o.borrow().entries()
        };
        for (k, h) in entries {
            discard_entry(vm, cell, &k, h)?;
        }
    } else {
        let it = vm.get_iter(other)?;
        while let Some(item) = vm.next(&it)? {
            let h = key_hash(vm, &item)?;
            discard_entry(vm, cell, &item, h)?;
        }
    }
    cell.borrow_mut().shrink_after_removals();
    Ok(())
}

/// `so & other` / `so.intersection(other)` (`set_intersection`).
pub fn intersection(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<Value> {
    let class = base_class(vm, so);
    if so.is(other) {
        return make_set(vm, &class, Some(so));
    }
    let result = new_set_of(&class, SetData::new());
    let (Some(rcell), Some(scell)) = (set_cell(&result), set_cell(so)) else {
        return Err(vm.system_error("intersection on a non-set"));
    };
    if let Some(ocell) = set_cell(other) {
        let (big, small) = if ocell.borrow().len() > scell.borrow().len() {
            (ocell, scell)
        } else {
            (scell, ocell)
        };
        for (k, h) in small.borrow().entries() {
            if contains_entry(vm, big, &k, h)? {
                add_entry(vm, rcell, k, h)?;
            }
        }
        return Ok(result);
    }
    let it = vm.get_iter(other)?;
    while let Some(item) = vm.next(&it)? {
        let h = vm.hash(&item)?;
        if contains_entry(vm, scell, &item, h)? {
            add_entry(vm, rcell, item, h)?;
            if rcell.borrow().len() >= scell.borrow().len() {
                break;
            }
        }
    }
    Ok(result)
}

/// `so - other` (`set_difference`).
pub fn difference(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<Value> {
    let class = base_class(vm, so);
    let Some(scell) = set_cell(so) else {
        return Err(vm.system_error("difference on a non-set"));
    };
    let exact_dict =
        matches!(other.payload(), Some(Payload::Dict(_))) && !vm.type_is_heap(&vm.type_of(other));
    let other_size = match (set_cell(other), other.payload()) {
        (Some(o), _) => Some(o.borrow().len()),
        (None, Some(Payload::Dict(d))) if exact_dict => Some(d.borrow().len()),
        _ => None,
    };
    match other_size {
        Some(n) if (scell.borrow().len() >> 2) <= n => {}
        _ => {
            let result = make_set(vm, &class, Some(so))?;
            difference_update(vm, &result, other)?;
            return Ok(result);
        }
    }
    let result = new_set_of(&class, SetData::new());
    let Some(rcell) = set_cell(&result) else {
        return Err(vm.system_error("difference"));
    };
    for (k, h) in scell.borrow().entries() {
        let present = match set_cell(other) {
            Some(o) => contains_entry(vm, o, &k, h)?,
            None => {
                let d = other
                    .as_obj()
                    .cloned()
                    .ok_or_else(|| vm.system_error("difference"))?;
                crate::objects::dict::get_item(vm, &d, &k)?.is_some()
            }
        };
        if !present {
            add_entry(vm, rcell, k, h)?;
        }
    }
    Ok(result)
}

/// Toggle every element of the set `other` in `target`
/// (`set_symmetric_difference_update_set`).
fn symmetric_toggle(
    vm: &mut Vm,
    cell: &RefCell<SetData>,
    entries: Vec<(Value, i64)>,
) -> PyResult<()> {
    for (k, h) in entries {
        if !discard_entry(vm, cell, &k, h)? {
            add_entry(vm, cell, k, h)?;
        }
    }
    Ok(())
}

/// `target ^= other`.
pub fn symmetric_difference_update(vm: &mut Vm, target: &Value, other: &Value) -> PyResult<()> {
    let Some(cell) = set_cell(target) else {
        return Err(vm.system_error("symmetric difference on a non-set"));
    };
    if target.is(other) {
        cell.borrow_mut().clear();
        return Ok(());
    }
    let entries = match (set_cell(other), other.payload()) {
        (Some(o), _) => o.borrow().entries(),
        (None, Some(Payload::Dict(d))) if !vm.type_is_heap(&vm.type_of(other)) => {
            d.borrow().iter().map(|e| (e.key.clone(), e.hash)).collect()
        }
        _ => {
            let class = base_class(vm, target);
            let tmp = make_set(vm, &class, Some(other))?;
            set_cell(&tmp)
                .map(|c| c.borrow().entries())
                .unwrap_or_default()
        }
    };
    symmetric_toggle(vm, cell, entries)
}

/// `so ^ other` (`set_symmetric_difference`).
pub fn symmetric_difference(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<Value> {
    let class = base_class(vm, so);
    let result = make_set(vm, &class, Some(other))?;
    let entries = set_cell(so)
        .map(|c| c.borrow().entries())
        .unwrap_or_default();
    let Some(rcell) = set_cell(&result) else {
        return Err(vm.system_error("symmetric difference"));
    };
    symmetric_toggle(vm, rcell, entries)?;
    Ok(result)
}

/// `so <= other` (`set_issubset`).
pub fn is_subset(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<bool> {
    let Some(scell) = set_cell(so) else {
        return Err(vm.system_error("issubset on a non-set"));
    };
    let Some(ocell) = set_cell(other) else {
        let common = intersection(vm, so, other)?;
        let n = set_cell(&common).map_or(0, |c| c.borrow().len());
        return Ok(n == scell.borrow().len());
    };
    if scell.borrow().len() > ocell.borrow().len() {
        return Ok(false);
    }
    for (k, h) in scell.borrow().entries() {
        if !contains_entry(vm, ocell, &k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `so >= other` (`set_issuperset`).
pub fn is_superset(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<bool> {
    if set_cell(other).is_some() {
        return is_subset(vm, other, so);
    }
    let Some(scell) = set_cell(so) else {
        return Err(vm.system_error("issuperset on a non-set"));
    };
    let it = vm.get_iter(other)?;
    while let Some(item) = vm.next(&it)? {
        if !contains(vm, scell, &item)? {
            return Ok(false);
        }
    }
    Ok(true)
}

impl Vm {
    /// `BUILD_SET`: a set of `items`, added in order.
    pub fn build_set(&mut self, items: Vec<Value>) -> PyResult<Value> {
        let s = new_set_of(&self.types().set.clone(), SetData::new());
        if let Some(cell) = set_cell(&s) {
            for item in items {
                add(self, cell, item)?;
            }
        }
        Ok(s)
    }
}

/// A frozenset built from compile-time constants (no Python code can run: the items are
/// ints, strs, floats, bytes, tuples and frozensets of those). CPython's compiler builds
/// such a constant three times: from the items in source order, then twice more from the
/// previous build's iteration order as it merges equal constants. The table layout, and
/// so the iteration order, is that of the last build (measured against CPython 3.14).
pub fn frozenset_of_constants(vm: &Vm, items: Vec<Value>) -> Value {
    let mut data = constants_table(items);
    for _ in 0..2 {
        if data.is_empty() {
            break;
        }
        data = constants_table(data.keys());
    }
    new_set_of(&vm.types().frozenset, data)
}

fn constants_table(items: Vec<Value>) -> SetData {
    let mut data = SetData::new();
    for item in items {
        let hash = constant_hash(&item);
        let present = data
            .entries()
            .iter()
            .any(|(k, h)| *h == hash && constants_equal(k, &item));
        if !present {
            let slot = first_free(&data.slots, data.mask(), hash);
            data.store(slot, None, item, hash);
        }
    }
    data
}

/// The slot an absent key lands in, in a table without dummies.
fn first_free(slots: &[Slot], mask: usize, hash: i64) -> usize {
    let mut perturb = hash as u64;
    let mut i = (hash as u64 as usize) & mask;
    loop {
        let probes = if i + LINEAR_PROBES <= mask {
            LINEAR_PROBES
        } else {
            0
        };
        if let Some(j) = (i..=i + probes).find(|&j| matches!(slots[j], Slot::Empty)) {
            return j;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i
            .wrapping_mul(5)
            .wrapping_add(1)
            .wrapping_add(perturb as usize))
            & mask;
    }
}

fn constant_hash(v: &Value) -> i64 {
    use adder_numeric::hash::{hash_bigint, hash_float, hash_i64};
    match v {
        Value::Int(i) => hash_i64(*i),
        Value::Bool(b) => *b as i64,
        Value::Float(f) => hash_float(*f, 0),
        Value::Obj(o) => match &o.payload {
            Payload::Str(s) => s.hash(),
            Payload::Int(i) => hash_bigint(i),
            Payload::Bytes(b) => crate::objects::str::hash_bytes(b),
            Payload::Complex(z) => crate::objects::complex::hash(*z, v),
            Payload::Tuple(items) => {
                crate::protocol::hash::tuple_hash(items.iter().map(constant_hash))
            }
            Payload::Set(s) => s.borrow().frozen_hash(),
            _ => v.id(),
        },
        _ => crate::protocol::hash::NONE_HASH,
    }
}

fn constants_equal(a: &Value, b: &Value) -> bool {
    if let Some(r) = fast_eq(a, b) {
        return r;
    }
    if let (Value::Bool(x), Value::Float(f)) | (Value::Float(f), Value::Bool(x)) = (a, b) {
        return (*x as i64 as f64) == *f;
    }
    match (a.payload(), b.payload()) {
        (Some(Payload::Tuple(x)), Some(Payload::Tuple(y))) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| constants_equal(p, q))
        }
        (Some(Payload::Bytes(x)), Some(Payload::Bytes(y))) => x == y,
        (Some(Payload::Complex(x)), Some(Payload::Complex(y))) => x == y,
        _ => a.is(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_ints_land_in_their_own_slots() {
        let mut d = SetData::new();
        for i in [5i64, 3, 1] {
            let probe = first_free(&d.slots, d.mask(), i);
            d.store(probe, None, Value::Int(i), i);
        }
        let keys: Vec<i64> = d
            .keys()
            .iter()
            .map(|k| if let Value::Int(i) = k { *i } else { -1 })
            .collect();
        assert_eq!(keys, vec![1, 3, 5]);
    }

    #[test]
    fn grows_at_three_fifths() {
        let mut d = SetData::new();
        for i in 0..5i64 {
            let probe = first_free(&d.slots, d.mask(), i);
            d.store(probe, None, Value::Int(i), i);
        }
        assert_eq!(d.slots.len(), 32);
    }
}
