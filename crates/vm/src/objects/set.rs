//! The `set` and `frozenset` objects: CPython's own open-addressing table
//! (`Objects/setobject.c`, shared with the compiler in `adder_bytecode::set_table`), so
//! that iteration order, and therefore printed output, is the same as CPython's, with
//! Python hashing and equality, and the set algebra over it.
//!
//! Key equality can run Python code that mutates the set, so probes never hold the
//! table borrowed across `__eq__`: they note the table's version, compare, and start
//! over when the table changed meanwhile (CPython's `restart`).

use std::cell::{Ref, RefCell};

use adder_bytecode::set_table::{KeyMatch, ProbeCursor, Scan, SetTable};
use adder_numeric::hash::hash_i64;

use crate::error::PyResult;
use crate::object::{ObjRef, Payload, PyObject};
use crate::objects::{set_quick, table_key};
use crate::protocol::compare::fast_eq;
use crate::value::Value;
use crate::vm::Vm;

/// A set's table (the layout shared with the compiler's sets) and what the Python
/// object adds to it.
#[derive(Clone, Default)]
pub struct SetData {
    table: SetTable<Value>,
    /// Where `pop()` resumes its search.
    finger: usize,
    /// Bumped on every change, so that a probe notices what an `__eq__` it called did.
    version: u64,
    /// A frozenset's hash once computed.
    cached_hash: Option<i64>,
}

impl SetData {
    pub fn new() -> SetData {
        SetData::default()
    }

    /// Move every element out (for the destructor's trashcan); only the heap objects
    /// are returned, as those are all the trashcan releases.
    pub fn take_values(&mut self) -> Vec<Value> {
        self.table_mut()
            .take_keys()
            .filter(|k| matches!(k, Value::Obj(_)))
            .collect()
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.table.len()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    /// Any change: probes in progress restart, a frozenset's hash is recomputed.
    #[inline]
    fn changed(&mut self) {
        self.version += 1;
        self.cached_hash = None;
    }

    /// The table, for reading.
    #[inline]
    pub(crate) fn table(&self) -> &SetTable<Value> {
        &self.table
    }

    /// The table, for a change (noted first: see `changed`).
    #[inline]
    pub(crate) fn table_mut(&mut self) -> &mut SetTable<Value> {
        self.changed();
        &mut self.table
    }

    /// The active entries `(key, hash)` in table order.
    pub fn entries(&self) -> Vec<(Value, i64)> {
        self.entries_after(0)
    }

    /// The active entries in table order but the first `skip` (those a quick loop of
    /// `set_quick` handled).
    pub fn entries_after(&self, skip: usize) -> Vec<(Value, i64)> {
        if skip >= self.len() {
            return Vec::new();
        }
        self.table
            .entries()
            .skip(skip)
            .map(|(k, h)| (k.clone(), h))
            .collect()
    }

    pub fn keys(&self) -> Vec<Value> {
        self.table.iter().cloned().collect()
    }

    /// The first active entry at or after slot `pos`, with the slot index.
    pub fn next_from(&self, pos: usize) -> Option<(usize, Value)> {
        self.table.next_from(pos).map(|(i, k)| (i, k.clone()))
    }

    /// `set.pop()`: the first active slot from the finger on, wrapping.
    pub fn pop(&mut self) -> Option<Value> {
        let finger = self.finger;
        let (slot, key) = self.table_mut().pop_from(finger)?;
        self.finger = slot + 1;
        Some(key)
    }

    pub fn clear(&mut self) {
        self.table = SetTable::new();
        self.changed();
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
        for (_, h) in self.table.entries() {
            hash ^= shuffle(h as u64);
        }
        hash ^= (self.len() as u64 + 1).wrapping_mul(1927868237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69069).wrapping_add(907133923);
        if hash == u64::MAX {
            hash = 590923713;
        }
        hash as i64
    }
}

/// Equality of a stored key with a searched one when no Python code is needed (the
/// identity test first, as `set_lookkey`); `Undecided` sends it to `__eq__`.
#[inline]
pub(crate) fn quick_match(vm: &Vm, stored: &Value, key: &Value) -> KeyMatch {
    if stored.is(key) {
        return KeyMatch::Equal;
    }
    match table_key::quick_eq(vm, stored, key) {
        Some(true) => KeyMatch::Equal,
        Some(false) => KeyMatch::Different,
        None => KeyMatch::Undecided,
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
    if let Some(class) = v.as_obj().and_then(|o| o.class.borrow().clone()) {
        let t = vm.types();
        if std::rc::Rc::ptr_eq(&class, &t.set) || std::rc::Rc::ptr_eq(&class, &t.frozenset) {
            return std::rc::Rc::ptr_eq(&class, &t.frozenset);
        }
    }
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
#[inline]
pub fn key_hash(vm: &mut Vm, key: &Value) -> PyResult<i64> {
    table_key::hash(vm, key, "a set element")
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

/// The table for reading; an error instead of a panic if it is being changed.
fn read<'a>(vm: &Vm, cell: &'a RefCell<SetData>) -> PyResult<Ref<'a, SetData>> {
    cell.try_borrow().map_err(|_| mutation_error(vm))
}

/// Probe for `key` (`set_lookkey` and the search half of `set_add_entry`): the table
/// decides what it can without Python code; a key needing `__eq__` goes to
/// `probe_with_eq`.
#[inline]
fn probe(vm: &mut Vm, cell: &RefCell<SetData>, key: &Value, hash: i64) -> PyResult<Scan> {
    let (verdict, cursor) = {
        let d = read(vm, cell)?;
        let mut cursor = d.table.cursor(hash);
        let verdict = d.table.scan(hash, &mut cursor, |k| quick_match(vm, k, key));
        (verdict, cursor)
    };
    match verdict {
        Scan::Undecided(slot) => probe_with_eq(vm, cell, key, hash, slot, cursor),
        verdict => Ok(verdict),
    }
}

/// The rest of a probe that stopped at the key in `slot`: compare it with `__eq__`
/// with the table released, then go on. As CPython, the probe starts over only when
/// the comparison rebuilt the table or replaced that key; other changes just make it
/// forget the dummy slot it meant to reuse (which may be taken now).
#[cold]
#[inline(never)]
fn probe_with_eq(
    vm: &mut Vm,
    cell: &RefCell<SetData>,
    key: &Value,
    hash: i64,
    mut slot: usize,
    mut cursor: ProbeCursor,
) -> PyResult<Scan> {
    loop {
        let (stored, token, version) = {
            let d = read(vm, cell)?;
            (
                d.table.key_at(slot).cloned(),
                d.table.layout_token(),
                d.version,
            )
        };
        let equal = match &stored {
            Some(stored) => vm.eq(stored, key)?,
            None => false,
        };
        let d = read(vm, cell)?;
        let same_key =
            matches!((d.table.key_at(slot), &stored), (Some(now), Some(was)) if now.is(was));
        if d.table.layout_token() != token || !same_key {
            cursor = d.table.cursor(hash);
        } else if equal {
            return Ok(Scan::Found(slot));
        } else if d.version != version {
            cursor.forget_dummy();
        }
        match d.table.scan(hash, &mut cursor, |k| quick_match(vm, k, key)) {
            Scan::Undecided(next) => slot = next,
            verdict => return Ok(verdict),
        }
    }
}

fn mutation_error(vm: &Vm) -> crate::error::PyErr {
    vm.runtime_error("Set changed size during iteration")
}

/// The table for writing; an error instead of a panic if it is in use.
fn write<'a>(vm: &Vm, cell: &'a RefCell<SetData>) -> PyResult<std::cell::RefMut<'a, SetData>> {
    cell.try_borrow_mut().map_err(|_| mutation_error(vm))
}

/// Add `key` with a known hash.
pub fn add_entry(vm: &mut Vm, cell: &RefCell<SetData>, key: Value, hash: i64) -> PyResult<()> {
    if let Scan::Absent(vacancy) = probe(vm, cell, &key, hash)? {
        write(vm, cell)?.table_mut().insert_at(vacancy, key, hash);
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
    Ok(matches!(probe(vm, cell, key, hash)?, Scan::Found(_)))
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
        Scan::Found(slot) => Ok(write(vm, cell)?.table_mut().remove_at(slot).is_some()),
        _ => Ok(false),
    }
}

/// Remove `key` if present; whether it was.
pub fn discard(vm: &mut Vm, cell: &RefCell<SetData>, key: &Value) -> PyResult<bool> {
    let hash = lookup_hash(vm, key)?;
    discard_entry(vm, cell, key, hash)
}

/// `so |= other` for another set (`set_merge`): an empty target takes the other's keys
/// without comparing any; otherwise they are added one by one.
fn merge(vm: &mut Vm, cell: &RefCell<SetData>, other: &RefCell<SetData>) -> PyResult<()> {
    let entries = {
        let source = read(vm, other)?;
        let mut target = write(vm, cell)?;
        if target.table_mut().merge_into_empty(&source.table) {
            return Ok(());
        }
        let done = set_quick::merge(vm, &mut target, &source.table);
        source.entries_after(done)
    };
    for (key, hash) in entries {
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
        return merge(vm, cell, o);
    }
    if let (Some(Payload::Dict(d)), false) = (other.payload(), vm.type_is_heap(&vm.type_of(other)))
    {
        let entries: Vec<(Value, i64)> =
            d.borrow().iter().map(|e| (e.key.clone(), e.hash)).collect();
        write(vm, cell)?.table_mut().reserve(entries.len());
        for (k, h) in entries {
            add_entry(vm, cell, k, h)?;
        }
        return Ok(());
    }
    if let Some(Payload::Range(r)) = other.payload() {
        // `set(range(...))`: the ints directly, not through a range iterator.
        let r = *r;
        let mut value = r.start;
        for _ in 0..crate::objects::range::range_len(&r) {
            add_entry(vm, cell, Value::Int(value), hash_i64(value))?;
            value = value.wrapping_add(r.step);
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
            let source = read(vm, o)?;
            let done = set_quick::remove_or_toggle(vm, &mut *write(vm, cell)?, &source.table, true);
            source.entries_after(done)
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
    write(vm, cell)?.table_mut().purge_dummies();
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
        let rest = {
            let (keys, other) = (read(vm, small)?, read(vm, big)?);
            let done = set_quick::filter_into(
                vm,
                &mut *write(vm, rcell)?,
                &keys.table,
                &other.table,
                true,
            );
            keys.entries_after(done)
        };
        for (k, h) in rest {
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
    let rest = match set_cell(other) {
        Some(ocell) => {
            let (keys, other) = (read(vm, scell)?, read(vm, ocell)?);
            let done = set_quick::filter_into(
                vm,
                &mut *write(vm, rcell)?,
                &keys.table,
                &other.table,
                false,
            );
            keys.entries_after(done)
        }
        None => scell.borrow().entries(),
    };
    for (k, h) in rest {
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
        (Some(o), _) => {
            let source = read(vm, o)?;
            let done =
                set_quick::remove_or_toggle(vm, &mut *write(vm, cell)?, &source.table, false);
            source.entries_after(done)
        }
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
    let (Some(scell), Some(rcell)) = (set_cell(so), set_cell(&result)) else {
        return Err(vm.system_error("symmetric difference on a non-set"));
    };
    let entries = {
        let source = read(vm, scell)?;
        let done = set_quick::remove_or_toggle(vm, &mut *write(vm, rcell)?, &source.table, false);
        source.entries_after(done)
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
/// ints, strs, floats, bytes, tuples and frozensets of those). The compiler stores the
/// items in the order CPython's last build of the constant inserts them
/// (`adder_bytecode::frozenset_order`), so one build gives CPython's table layout and
/// iteration order.
pub fn frozenset_of_constants(vm: &Vm, items: Vec<Value>) -> Value {
    new_set_of(&vm.types().frozenset, constants_table(items))
}

fn constants_table(items: Vec<Value>) -> SetData {
    let mut table = SetTable::new();
    for item in items {
        let hash = constant_hash(&item);
        let mut cursor = table.cursor(hash);
        let verdict = table.scan(hash, &mut cursor, |k| {
            if constants_equal(k, &item) {
                KeyMatch::Equal
            } else {
                KeyMatch::Different
            }
        });
        if let Scan::Absent(vacancy) = verdict {
            table.insert_at(vacancy, item, hash);
        }
    }
    SetData {
        table,
        ..SetData::default()
    }
}

fn constant_hash(v: &Value) -> i64 {
    use adder_numeric::hash::{hash_bigint, hash_float};
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
    fn equal_constants_are_kept_once_in_first_seen_form() {
        let data = constants_table(vec![Value::Int(1), Value::Float(1.0), Value::Bool(true)]);
        assert_eq!(data.len(), 1);
        assert!(matches!(data.keys()[..], [Value::Int(1)]));
    }
}
