//! Per-instruction caches (CPython's specializing interpreter, PEP 659, reduced to the
//! lookups that dominate): an instruction remembers where it found its answer last
//! time and checks that the answer is still valid with a single comparison.
//!
//! The memory is `CodeData::inline_cache`, one word per code unit; an instruction uses
//! the words at the positions of its own cache units, so instructions never share.

use std::cell::Cell;

use crate::object::ObjRef;
use crate::objects::dict;
use crate::value::Value;

/// `LOAD_GLOBAL`'s cache words: the globals' keys version, the builtins' keys version
/// (0 when the name was found in the globals), and the entry index plus one (0 while
/// the cache is empty).
const GLOBALS_VERSION: usize = 0;
const BUILTINS_VERSION: usize = 1;
const ENTRY: usize = 2;

/// Write the value of a global name to `dst` if the cache at `cache` still describes
/// where it is; `false` on a miss. Writing to the stack slot here, rather than
/// returning an `Option<Value>`, keeps the value a whole 16-byte copy from the dict
/// entry to the stack (see `Value::clone`).
///
/// # Safety
/// `dst` must be valid for writing a `Value` (a free value-stack slot).
#[inline(always)]
pub(super) unsafe fn write_global_hit(
    cache: &[Cell<u64>],
    globals: &ObjRef,
    builtins: &ObjRef,
    dst: *mut Value,
) -> bool {
    let Some(entry) = cache.get(ENTRY).map(Cell::get) else {
        return false;
    };
    if entry == 0 {
        return false;
    }
    let ix = (entry - 1) as usize;
    let Some(g) = dict::try_data(globals) else {
        return false;
    };
    if g.keys_version() != cache[GLOBALS_VERSION].get() {
        return false;
    }
    let builtins_version = cache[BUILTINS_VERSION].get();
    // SAFETY (both writes): the caller's promise about `dst`.
    if builtins_version == 0 {
        return g
            .value_at(ix)
            .map(|v| unsafe { dst.write(v.clone()) })
            .is_some();
    }
    let Some(b) = dict::try_data(builtins) else {
        return false;
    };
    if b.keys_version() != builtins_version {
        return false;
    }
    b.value_at(ix)
        .map(|v| unsafe { dst.write(v.clone()) })
        .is_some()
}

/// Look a global name up the slow way and remember where it was found.
pub(super) fn load_global_miss(
    cache: &[Cell<u64>],
    globals: &ObjRef,
    builtins: &ObjRef,
    name: &Value,
) -> Option<Value> {
    let remember = |gv: u64, bv: u64, ix: usize| {
        if let [g, b, e, ..] = cache {
            g.set(gv);
            b.set(bv);
            e.set(ix as u64 + 1);
        }
    };
    match dict::locate_str(globals, name) {
        Some((gv, Some(ix))) => {
            remember(gv, 0, ix);
            dict::try_data(globals)?.value_at(ix).cloned()
        }
        Some((gv, None)) => match dict::locate_str(builtins, name) {
            Some((bv, Some(ix))) if bv != 0 => {
                remember(gv, bv, ix);
                dict::try_data(builtins)?.value_at(ix).cloned()
            }
            _ => dict::get_str_value(builtins, name),
        },
        // Not a plain dict (or busy): no caching.
        None => dict::get_str_value(globals, name).or_else(|| dict::get_str_value(builtins, name)),
    }
}
