//! Which classes define `__del__`, cached per class: asked on every death of an
//! instance of a class-statement class, so it must not walk the MRO each time.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use crate::object::{ObjRef, PyObject};
use crate::objects::dict;

const SLOTS: usize = 64;

/// A class and the answer for it, valid while no type has changed (`type_epoch`).
/// The `Weak` keeps the class's memory, so its address is not reused by another.
struct Entry {
    class: Weak<PyObject>,
    epoch: u64,
    has_del: bool,
}

thread_local! {
    static CACHE: RefCell<Vec<Option<Entry>>> = RefCell::new((0..SLOTS).map(|_| None).collect());
}

/// Whether instances of `class` have a `__del__`.
pub(crate) fn class_has_del(class: &ObjRef) -> bool {
    let epoch = dict::type_epoch();
    let addr = Rc::as_ptr(class) as usize;
    let index = (addr >> 4) % SLOTS;
    let cached = CACHE
        .try_with(|c| {
            let c = c.try_borrow().ok()?;
            match c.get(index)? {
                Some(e) if e.epoch == epoch && e.class.as_ptr() as usize == addr => Some(e.has_del),
                _ => None,
            }
        })
        .ok()
        .flatten();
    if let Some(answer) = cached {
        return answer;
    }
    let Some((has_del, complete)) = lookup(class) else {
        return false;
    };
    if complete {
        let _ = CACHE.try_with(|c| {
            if let Ok(mut c) = c.try_borrow_mut() {
                if let Some(slot) = c.get_mut(index) {
                    *slot = Some(Entry {
                        class: Rc::downgrade(class),
                        epoch,
                        has_del,
                    });
                }
            }
        });
    }
    has_del
}

/// Drop every entry (their `Weak`s count without atomics): a thread does this under
/// the GIL before it ends, so that its thread-local destructor runs on an empty cache.
pub(crate) fn clear() {
    let _ = CACHE.try_with(|c| {
        if let Ok(mut c) = c.try_borrow_mut() {
            c.iter_mut().for_each(|slot| *slot = None);
        }
    });
}

/// Look `__del__` up along the MRO; `complete` is false when a namespace could not be
/// read (being changed right now), so the answer must not be cached.
fn lookup(class: &ObjRef) -> Option<(bool, bool)> {
    let t = class.as_type()?;
    let mro = t.mro.try_borrow().ok()?;
    let mut complete = true;
    for k in mro.iter() {
        let Some(d) = k.dict.try_borrow().ok().and_then(|d| d.clone()) else {
            complete = false;
            continue;
        };
        if dict::try_data(&d).is_none() {
            complete = false;
            continue;
        }
        if dict::get_str(&d, "__del__").is_some() {
            return Some((true, complete));
        }
    }
    Some((false, complete))
}
