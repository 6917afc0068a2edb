//! Which classes define `__del__`: asked on every death of an instance of a heap class
//! (class statements, and the `_ast` node classes), so it must not walk the MRO each
//! time. The answer is kept on the class itself (`TypeObject::has_del`), valid while
//! no type has changed (`type_epoch`): one load and one compare per death.

use crate::object::ObjRef;
use crate::objects::dict;

/// Whether instances of `class` have a `__del__`. The cached answer is read inline
/// (asked on the death of every `_ast` node, whose classes are heap types).
#[inline(always)]
pub(crate) fn class_has_del(class: &ObjRef) -> bool {
    let Some(t) = class.as_type() else {
        return false;
    };
    let (cached_epoch, cached) = t.has_del.get();
    if cached_epoch == dict::type_epoch() {
        return cached;
    }
    refresh(class)
}

/// Look the answer up and cache it when it can be trusted.
#[cold]
#[inline(never)]
fn refresh(class: &ObjRef) -> bool {
    let epoch = dict::type_epoch();
    let Some((has_del, complete)) = lookup(class) else {
        return false;
    };
    if complete {
        if let Some(t) = class.as_type() {
            t.has_del.set((epoch, has_del));
        }
    }
    has_del
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
