//! Which objects the cycle collector tracks, kept intrusively: each tracked container
//! knows its own place in a generation's list (`PyObject::gc_slot`), so that dying
//! removes it at once, without the collector keeping dead objects' memory or paying
//! for weak references (CPython links `PyGC_Head`s for the same reason).
//!
//! A generation is a list of object addresses in tracking order (the collector's
//! visiting order, which decides the order of `__del__` calls in a cycle). A death
//! leaves a hole; the list is compacted when holes make up half of it, from its first
//! hole on: the objects before it keep their places, so that compacting does not
//! write to every long-lived object again (those are cold in the cache).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::object::{ObjRef, PyObject};

/// What an object's `gc_slot` says: the state in the top two bits, an index below.
const STATE_SHIFT: u32 = 30;
const INDEX_MASK: u32 = (1 << STATE_SHIFT) - 1;
const YOUNG: u32 = 0;
const OLD: u32 = 1;
/// Taken out of the generations by a running collection; the index is its place in
/// the collection's own list.
const COLLECTING: u32 = 2;
/// Not tracked (the state of every object that is not a container).
pub(crate) const UNTRACKED: u32 = u32::MAX;

/// One generation: tracked objects' addresses, `null` where one died.
struct Generation {
    slots: Vec<*const PyObject>,
    live: usize,
    /// `slots.len()` at which to compact.
    compact_at: usize,
    /// No hole before this index.
    first_hole: usize,
}

impl Generation {
    const fn new() -> Generation {
        Generation {
            slots: Vec::new(),
            live: 0,
            compact_at: 1024,
            first_hole: 0,
        }
    }

    /// Append `o`, which must not be tracked.
    fn push(&mut self, o: &PyObject, state: u32) {
        if self.slots.len() >= self.compact_at {
            self.compact(state);
        }
        let index = self.slots.len();
        if index > INDEX_MASK as usize {
            // Left untracked; in particular not marked as being collected, which
            // `collecting_index` trusts.
            o.gc_slot.set(UNTRACKED);
            return;
        }
        self.slots.push(o);
        self.live += 1;
        o.gc_slot.set(state << STATE_SHIFT | index as u32);
    }

    /// Drop the holes, telling the moved objects their new places.
    fn compact(&mut self, state: u32) {
        let start = self.first_hole.min(self.slots.len());
        let mut kept = start;
        for read in start..self.slots.len() {
            let Some(&p) = self.slots.get(read) else {
                break;
            };
            if p.is_null() {
                continue;
            }
            if let Some(place) = self.slots.get_mut(kept) {
                *place = p;
            }
            // SAFETY: listed objects are alive (an object leaves its list as it dies).
            unsafe { (*p).gc_slot.set(state << STATE_SHIFT | kept as u32) };
            kept += 1;
        }
        self.slots.truncate(kept);
        self.first_hole = kept;
        self.compact_at = (2 * kept).max(1024);
    }

    /// Forget the object at `index` (it is dying).
    #[inline]
    fn remove(&mut self, index: usize) {
        if let Some(p) = self.slots.get_mut(index) {
            *p = std::ptr::null();
            self.live = self.live.saturating_sub(1);
            self.first_hole = self.first_hole.min(index);
        }
    }

    /// Take every object out, in order, as strong references appended to `taken`,
    /// each numbered for the collection with its place there (see
    /// [`number_for_collection`]), in the same pass. The list keeps its memory and its
    /// compaction point: the young generation refills to the same size between
    /// collections, and growing it anew each time (and compacting it halfway, with no
    /// holes to drop) was a third of the cost of tracking a new object.
    fn drain_into(&mut self, taken: &mut Vec<ObjRef>) {
        taken.reserve(self.live);
        self.live = 0;
        self.first_hole = 0;
        for p in self.slots.drain(..).filter(|p| !p.is_null()) {
            // SAFETY: listed objects are alive, so their `Rc` holds a strong count;
            // the one taken here belongs to the new `Rc`.
            let o = unsafe {
                Rc::increment_strong_count(p);
                Rc::from_raw(p)
            };
            o.gc_slot.set(collecting_slot(taken.len()));
            taken.push(o);
        }
    }

    /// Strong references to every object, leaving them listed.
    fn snapshot(&self) -> impl Iterator<Item = ObjRef> + '_ {
        self.slots.iter().filter(|p| !p.is_null()).map(|&p| {
            // SAFETY: as in `drain_into`.
            unsafe {
                Rc::increment_strong_count(p);
                Rc::from_raw(p)
            }
        })
    }
}

/// The tracked containers and the collector's settings.
pub(crate) struct Registry {
    young: Generation,
    old: Generation,
    /// Old objects alive after the last full collection.
    pub(crate) old_live: usize,
    pub(crate) thresholds: (usize, usize, usize),
    pub(crate) enabled: bool,
    /// Young collections since the last full one.
    pub(crate) young_collections: usize,
    pub(crate) collecting: bool,
    /// A collection was asked for and has not started yet.
    requested: bool,
    /// New containers go straight to the old generation (see [`Pretenure`]).
    pretenuring: bool,
    /// The next automatic collection examines the old generation too: pretenured
    /// objects made it outgrow its limit without any young collection.
    pub(crate) full_requested: bool,
}

impl Registry {
    /// Live old objects.
    pub(crate) fn old_len(&self) -> usize {
        self.old.live
    }

    /// Whether the old generation doubled since the last full collection (CPython waits
    /// for a quarter more; full collections are spaced further apart to keep their cost
    /// linear).
    pub(crate) fn old_outgrown(&self) -> bool {
        self.old_len() > 2 * self.old_live.max(10_000)
    }
}

impl Registry {
    const fn new() -> Registry {
        Registry {
            young: Generation::new(),
            old: Generation::new(),
            old_live: 0,
            thresholds: (2000, 10, 10),
            enabled: true,
            young_collections: 0,
            collecting: false,
            requested: false,
            pretenuring: false,
            full_requested: false,
        }
    }
}

thread_local! {
    /// The registry of the interpreter this thread runs: one per interpreter, shared by
    /// its threads (a `gc.collect()` in one thread must see every thread's objects), and
    /// used only under that interpreter's GIL (see `gil.rs`). Made on first use by a
    /// thread that starts an interpreter, handed to the threads it starts by
    /// [`SharedRegistry`]. Registries are never freed: daemon threads may still point
    /// at one when the process exits.
    static REGISTRY: Cell<*const RefCell<Registry>> = const { Cell::new(std::ptr::null()) };
}

/// This thread's registry. Inlined: every tracked object's birth and death asks.
#[inline(always)]
fn registry() -> Option<&'static RefCell<Registry>> {
    let current = REGISTRY.try_with(Cell::get).ok()?;
    if !current.is_null() {
        // SAFETY: registries are leaked, so the pointer stays valid.
        return Some(unsafe { &*current });
    }
    new_registry()
}

/// Make this thread's registry, on its first use.
#[cold]
fn new_registry() -> Option<&'static RefCell<Registry>> {
    let fresh: &'static RefCell<Registry> = Box::leak(Box::new(RefCell::new(Registry::new())));
    REGISTRY.try_with(|r| r.set(fresh)).ok()?;
    Some(fresh)
}

/// The calling thread's registry, to be adopted by a thread it starts.
pub struct SharedRegistry(&'static RefCell<Registry>);

// SAFETY: the receiving thread only uses the registry under the GIL it shares with the
// sender (see `gil.rs`), so the two never touch it at the same time.
unsafe impl Send for SharedRegistry {}

impl SharedRegistry {
    /// The calling thread's registry (made now if it has none).
    pub fn of_current_thread() -> Option<SharedRegistry> {
        registry().map(SharedRegistry)
    }

    /// Make it the calling thread's registry; called by a new thread before it makes
    /// or drops any object.
    pub fn adopt(self) {
        let _ = REGISTRY.try_with(|r| r.set(self.0));
    }
}

/// Run `f` on the registry. `f` must not drop objects (a death changes the registry).
#[inline]
pub(crate) fn with_registry<R>(f: impl FnOnce(&mut Registry) -> R) -> Option<R> {
    registry()?.try_borrow_mut().ok().map(|mut r| f(&mut r))
}

/// Track a new container in the young generation; ask for a collection when more
/// than `threshold0` young ones are alive.
#[inline]
pub(crate) fn track_young(o: &PyObject) {
    if o.gc_slot.get() != UNTRACKED {
        // Listed twice, the object would leave a dangling address behind at death.
        return;
    }
    with_registry(|r| {
        if r.pretenuring {
            r.old.push(o, OLD);
            return;
        }
        r.young.push(o, YOUNG);
        if r.young.live > r.thresholds.0 && !r.requested {
            young_full(r);
        }
    });
}

#[cold]
fn young_full(r: &mut Registry) {
    if r.enabled && r.thresholds.0 > 0 && !r.collecting {
        r.requested = true;
        super::finalize::request_collection();
    }
}

/// Called as a tracked object dies: forget it.
#[inline]
pub(crate) fn untrack(o: &PyObject) {
    let slot = o.gc_slot.get();
    let state = slot >> STATE_SHIFT;
    if state > OLD {
        return;
    }
    let index = (slot & INDEX_MASK) as usize;
    // A failure here would leave a dangling address: no registry operation drops
    // objects while it holds the registry (see `with_registry`).
    with_registry(|r| {
        if state == YOUNG {
            r.young.remove(index);
        } else {
            r.old.remove(index);
        }
    });
    o.gc_slot.set(UNTRACKED);
}

/// Take the objects a collection examines (the young ones, and the old ones too for a
/// full collection), numbered for it, or `None` when a collection is already running.
pub(crate) fn begin(full: bool) -> Option<Vec<ObjRef>> {
    with_registry(|r| {
        if r.collecting {
            return None;
        }
        r.collecting = true;
        r.requested = false;
        let mut objects = Vec::new();
        if full {
            r.old.drain_into(&mut objects);
        }
        r.young.drain_into(&mut objects);
        Some(objects)
    })
    .flatten()
}

/// Put `objects` (taken by `begin`, still alive) in the old generation.
pub(crate) fn make_old(r: &mut Registry, objects: &[ObjRef]) {
    for o in objects {
        if o.gc_slot.get() >> STATE_SHIFT >= COLLECTING {
            r.old.push(o, OLD);
        }
    }
}

/// Number `objects` for a collection pass: each learns its index, which
/// [`collecting_index`] reads back.
pub(crate) fn number_for_collection(objects: &[ObjRef]) {
    for (index, o) in objects.iter().enumerate() {
        o.gc_slot.set(collecting_slot(index));
    }
}

/// The slot of the object at `index` of a collection's list. Indices past
/// `INDEX_MASK` (a billion objects) all get `INDEX_MASK`, which is then verified.
#[inline]
fn collecting_slot(index: usize) -> u32 {
    COLLECTING << STATE_SHIFT | (index as u32).min(INDEX_MASK)
}

/// `o`'s index in `objects` when it is one of them (numbered by
/// [`number_for_collection`]). Only the objects of the running collection are in the
/// collecting state (a collection leaves each of its objects old or untracked), so
/// the state and the index are enough: the list itself is read only for the shared
/// overflow index. Not reading it saves a load per reference from a list as long as
/// the heap.
#[inline]
pub(crate) fn collecting_index(o: &ObjRef, objects: &[ObjRef]) -> Option<usize> {
    let slot = o.gc_slot.get();
    if slot >> STATE_SHIFT != COLLECTING {
        return None;
    }
    let index = (slot & INDEX_MASK) as usize;
    if index == INDEX_MASK as usize {
        return objects
            .get(index)
            .filter(|x| Rc::ptr_eq(x, o))
            .map(|_| index);
    }
    (index < objects.len()).then_some(index)
}

/// Garbage that a collection let go of is no longer tracked.
pub(crate) fn forget(objects: &[ObjRef]) {
    for o in objects {
        o.gc_slot.set(UNTRACKED);
    }
}

/// Live young and old objects.
pub(crate) fn counts() -> Option<(usize, usize)> {
    with_registry(|r| (r.young.live, r.old.live))
}

/// Every tracked object, old ones first.
pub(crate) fn all_objects() -> Vec<ObjRef> {
    with_registry(|r| r.old.snapshot().chain(r.young.snapshot()).collect()).unwrap_or_default()
}

/// While alive, new containers are tracked in the old generation instead of the young
/// one. For builders of large acyclic structures (the `_ast` tree of a module): a
/// young collection right after would walk the whole fresh tree only to find it
/// alive. A cycle made later through these objects is found by the next full
/// collection, as for any old object; the guard asks for one when the old generation
/// has outgrown its limit.
pub(crate) struct Pretenure {
    was: bool,
}

impl Pretenure {
    pub(crate) fn begin() -> Pretenure {
        let was = with_registry(|r| std::mem::replace(&mut r.pretenuring, true)).unwrap_or(false);
        Pretenure { was }
    }
}

impl Drop for Pretenure {
    /// Pretenured objects bypass the young collections that would otherwise lead to a
    /// full one, so the old generation's growth is checked here.
    fn drop(&mut self) {
        let was = self.was;
        with_registry(|r| {
            r.pretenuring = was;
            if !was && r.old_outgrown() && !r.full_requested {
                r.full_requested = true;
                young_full(r);
            }
        });
    }
}
