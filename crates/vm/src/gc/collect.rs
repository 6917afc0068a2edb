//! The cycle collector: finds groups of objects that only refer to each other
//! (CPython's `Modules/gcmodule.c`, trial deletion) and breaks them.
//!
//! Containers are tracked when created (`track`, see `registry` for the lists). When
//! more than `threshold0` young ones are alive, a collection of the young ones is
//! requested and runs at the next instruction boundary; survivors become old, and a
//! full collection (`gc.collect()`, or automatically when the old generation has
//! doubled) examines those too. References from untracked objects count as outside
//! references, which only keeps more objects alive.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

use super::registry::{self, with_registry};
use crate::object::{ObjRef, Payload, PyObject};
use crate::value::Value;
use crate::vm::Vm;

/// Whether objects with this payload can take part in a reference cycle.
#[inline]
fn is_container(o: &PyObject) -> bool {
    match &o.payload {
        Payload::List(_)
        | Payload::Dict(_)
        | Payload::Set(_)
        | Payload::Slots(_)
        | Payload::Cell(_)
        | Payload::Function(_)
        | Payload::Type(_)
        | Payload::Generator(_)
        | Payload::Native(_)
        | Payload::Frame(_)
        | Payload::Traceback(_)
        | Payload::Exception(_) => true,
        Payload::Tuple(items) => items.iter().any(|v| matches!(v, Value::Obj(_))),
        Payload::Instance | Payload::AstNode(_) => true,
        _ => false,
    }
}

/// Hashes object addresses (aligned, distinct) by one multiplication: the collector
/// looks addresses up for every reference it visits.
#[derive(Default)]
pub(crate) struct AddrHasher(u64);

impl AddrHasher {
    fn mix(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517C_C1B7_2722_0A95);
    }
}

impl Hasher for AddrHasher {
    /// Keys are addresses (`write_usize`); other input, which no map here uses,
    /// is folded a byte at a time.
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.mix(u64::from(byte));
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.0 = ((n as u64) >> 3).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }

    /// The product's high bits are the well-mixed ones: fold them into the low bits,
    /// which pick the bucket.
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 29)
    }
}

/// Maps and sets keyed by object address.
pub(crate) type AddrMap<V> = HashMap<usize, V, BuildHasherDefault<AddrHasher>>;
pub(crate) type AddrSet = HashSet<usize, BuildHasherDefault<AddrHasher>>;

/// Register a new object with the collector, if it is a container.
#[inline]
pub fn track(o: &ObjRef) {
    if is_container(o) {
        registry::track_young(o);
    }
}

/// `gc.is_tracked(obj)`.
pub fn is_tracked(v: &Value) -> bool {
    v.as_obj().is_some_and(|o| is_container(o))
}

/// Settings for the `gc` module.
pub fn set_enabled(on: bool) {
    with_registry(|r| r.enabled = on);
}

pub fn is_enabled() -> bool {
    with_registry(|r| r.enabled).unwrap_or(false)
}

pub fn thresholds() -> (usize, usize, usize) {
    with_registry(|r| r.thresholds).unwrap_or((0, 0, 0))
}

pub fn set_thresholds(t: (usize, usize, usize)) {
    with_registry(|r| r.thresholds = t);
}

/// `gc.get_count()`: live young objects, young collections since the last full
/// one, 0.
pub fn count() -> (usize, usize, usize) {
    let young = registry::counts().map_or(0, |(young, _)| young);
    let collections = with_registry(|r| r.young_collections).unwrap_or(0);
    (young, collections, 0)
}

/// Every live tracked object (for `gc.get_objects`, `gc.get_referrers`).
pub fn all_objects() -> Vec<ObjRef> {
    registry::all_objects()
}

/// Put the survivors in the old generation.
fn end(survivors: &[ObjRef], full: bool) {
    with_registry(|r| {
        registry::make_old(r, survivors);
        if full {
            r.old_live = r.old_len();
            r.young_collections = 0;
            r.full_requested = false;
        } else {
            r.young_collections += 1;
        }
        r.collecting = false;
    });
}

/// Whether an automatic collection should examine the old objects too: after
/// `threshold1` young collections once the old generation outgrew its limit, or
/// when pretenured objects made it outgrow it (see `registry::Pretenure`).
fn auto_full() -> bool {
    with_registry(|r| {
        r.full_requested || (r.young_collections >= r.thresholds.1 && r.old_outgrown())
    })
    .unwrap_or(false)
}

impl Vm {
    /// An automatic collection, requested when the young objects outgrew `threshold0`.
    pub(crate) fn collect_automatically(&mut self) {
        if is_enabled() {
            let full = auto_full();
            self.collect_garbage(full);
        }
    }

    /// Find unreachable cycles and free them; the number of unreachable objects found
    /// (what `gc.collect()` returns).
    pub fn collect_garbage(&mut self, full: bool) -> usize {
        let Some(objects) = registry::begin(full) else {
            return 0;
        };
        let (alive, garbage) = partition(objects);
        let found = count_garbage(&garbage);
        let garbage = self.finalize_garbage(garbage);
        end(&alive, full);
        registry::number_for_collection(&garbage);
        let (resurrected, garbage) = partition(garbage);
        if !resurrected.is_empty() {
            end_extra(&resurrected);
        }
        for o in &garbage {
            clear_refs(o);
        }
        registry::forget(&garbage);
        drop(garbage);
        self.run_deferred();
        found
    }

    /// Weak references to the garbage are cleared (their callbacks called unless the
    /// weak reference is garbage too), then `__del__` methods run (PEP 442).
    fn finalize_garbage(&mut self, garbage: Vec<ObjRef>) -> Vec<ObjRef> {
        let members: AddrSet = garbage.iter().map(|o| Rc::as_ptr(o) as usize).collect();
        for o in &garbage {
            let weakrefs = o.update_extra(|e| std::mem::take(&mut e.weakrefs));
            let extra = super::ObjExtra {
                weakrefs: weakrefs
                    .into_iter()
                    .filter(|w| !members.contains(&(w.as_ptr() as usize)))
                    .collect(),
                finalized: false,
            };
            super::weakref::clear_at_death(&extra);
        }
        self.run_deferred();
        for o in &garbage {
            if super::generator_close::needs_close(o) {
                self.close_dying_generator(o.clone());
                self.run_deferred();
                continue;
            }
            let class = self.class_of(o);
            if !class.as_type().is_some_and(|t| t.is_heap) || !super::cache::class_has_del(&class) {
                continue;
            }
            if !super::finalize::is_finalized(o) {
                self.call_finalizer(o, &class);
                self.run_deferred();
            }
        }
        garbage
    }
}

/// Objects resurrected by finalizers go back to the old generation.
fn end_extra(objects: &[ObjRef]) {
    with_registry(|r| registry::make_old(r, objects));
}

/// Trial deletion: split `objects` (numbered for the collection, see
/// `registry::number_for_collection`) into those reachable from outside the set (or
/// from such objects) and the rest.
fn partition(objects: Vec<ObjRef>) -> (Vec<ObjRef>, Vec<ObjRef>) {
    let find = |o: &ObjRef| registry::collecting_index(o, &objects);
    // References from outside = all references - ours (1) - those from the set.
    let mut outside: Vec<isize> = objects
        .iter()
        .map(|o| Rc::strong_count(o) as isize - 1)
        .collect();
    for o in &objects {
        super::traverse::visit_objects(o, &mut |v| {
            if let Some(i) = find(v) {
                outside[i] -= 1;
            }
        });
    }
    // Reachability is marked in `outside` itself (CPython reuses `gc_refs` the same
    // way): `REACHED` marks an object known to be reachable, whose references are
    // followed (depth first from each root, as the scan meets the root); a count
    // above 0 marks a root the scan has not met yet.
    const REACHED: isize = isize::MAX;
    let mut reached = 0;
    let mut stack: Vec<usize> = Vec::new();
    for root in 0..objects.len() {
        match outside.get_mut(root) {
            Some(count) if *count > 0 && *count != REACHED => *count = REACHED,
            _ => continue,
        }
        reached += 1;
        stack.push(root);
        while let Some(o) = stack.pop().and_then(|i| objects.get(i)) {
            super::traverse::visit_objects(o, &mut |v| {
                if let Some(j) = find(v) {
                    if outside[j] <= 0 {
                        outside[j] = REACHED;
                        reached += 1;
                        stack.push(j);
                    }
                }
            });
        }
    }
    // The usual outcome of a young collection: nothing to split.
    if reached == objects.len() {
        return (objects, Vec::new());
    }
    let mut alive = Vec::with_capacity(reached);
    let mut garbage = Vec::new();
    for (o, count) in objects.into_iter().zip(outside) {
        if count == REACHED {
            alive.push(o);
        } else {
            garbage.push(o);
        }
    }
    (alive, garbage)
}

/// What `gc.collect()` reports: the garbage objects, not counting an instance's
/// `__dict__` (CPython 3.14 keeps instance attributes inline, without a dict object).
fn count_garbage(garbage: &[ObjRef]) -> usize {
    let dicts: AddrSet = garbage
        .iter()
        .filter(|o| !matches!(o.payload, Payload::Type(_) | Payload::Module))
        .filter_map(|o| {
            o.dict
                .try_borrow()
                .ok()?
                .as_ref()
                .map(|d| Rc::as_ptr(d) as usize)
        })
        .collect();
    garbage
        .iter()
        .filter(|o| !dicts.contains(&(Rc::as_ptr(o) as usize)))
        .count()
}

/// Drop the references a garbage object holds (CPython's `tp_clear`), breaking its
/// cycles; the objects then die of their reference counts.
fn clear_refs(o: &PyObject) {
    let mut released: Vec<Value> = Vec::new();
    if let Ok(mut d) = o.dict.try_borrow_mut() {
        released.extend(d.take().map(Value::Obj));
    }
    match &o.payload {
        Payload::List(l) => {
            if let Ok(mut l) = l.try_borrow_mut() {
                released.append(&mut l);
            }
        }
        Payload::Dict(d) => {
            if let Ok(mut d) = d.try_borrow_mut() {
                released.append(&mut d.take_values());
            }
        }
        Payload::Set(s) => {
            if let Ok(mut s) = s.try_borrow_mut() {
                released.append(&mut s.take_values());
            }
        }
        Payload::Slots(s) => {
            if let Ok(mut s) = s.try_borrow_mut() {
                for v in s.iter_mut() {
                    released.push(std::mem::replace(v, Value::Null));
                }
            }
        }
        Payload::Cell(c) => {
            if let Ok(mut c) = c.try_borrow_mut() {
                released.push(std::mem::replace(&mut *c, Value::Null));
            }
        }
        Payload::Function(f) => {
            for c in [
                &f.defaults,
                &f.kwdefaults,
                &f.closure,
                &f.annotations,
                &f.annotate,
            ] {
                if let Ok(mut c) = c.try_borrow_mut() {
                    released.push(std::mem::replace(&mut *c, Value::None));
                }
            }
        }
        Payload::Type(t) => {
            if let Ok(mut mro) = t.mro.try_borrow_mut() {
                released.extend(mro.drain(..).map(Value::Obj));
            }
        }
        Payload::Exception(e) => {
            if let Ok(mut e) = e.try_borrow_mut() {
                let e = &mut *e;
                for v in [&mut e.traceback, &mut e.cause, &mut e.context] {
                    released.push(std::mem::replace(v, Value::None));
                }
            }
        }
        Payload::Generator(g) => {
            if let Ok(mut f) = g.frame.try_borrow_mut() {
                drop(f.take());
            }
        }
        Payload::Frame(f) => released.append(&mut f.take_refs(true)),
        Payload::AstNode(node) => released.append(&mut node.take_values()),
        _ => {}
    }
    drop(released);
}
