//! Set algebra without Python code: the loops of `|`, `&`, `-`, `^` and their in-place
//! forms over two tables whose keys compare without `__eq__` (ints, floats, exact
//! strs, or the very same objects), the common case by far.
//!
//! The general loops in `set.rs` must release every table before each comparison (an
//! `__eq__` may change them) and so borrow, snapshot and re-check per key. Here both
//! tables stay borrowed for the whole loop. Each function walks `keys` in table order
//! and returns how many of them it handled: it stops at the first key that needs
//! `__eq__`, and the general loop carries on from that key, so the steps are exactly
//! those the general loop alone would take.

use adder_bytecode::set_table::{Scan, SetTable};

use crate::objects::set::{quick_match, SetData};
use crate::value::Value;
use crate::vm::Vm;

/// Where `key` is in `table` or would go; `None` when some stored key needs `__eq__`.
#[inline]
fn find(vm: &Vm, table: &SetTable<Value>, key: &Value, hash: i64) -> Option<Scan> {
    let mut cursor = table.cursor(hash);
    match table.scan(hash, &mut cursor, |stored| quick_match(vm, stored, key)) {
        Scan::Undecided(_) => None,
        verdict => Some(verdict),
    }
}

/// Run `step` on each key of `keys` in table order until it fails; how many succeeded.
fn handled(keys: &SetTable<Value>, mut step: impl FnMut(&Value, i64) -> Option<()>) -> usize {
    keys.entries()
        .take_while(|(key, hash)| step(key, *hash).is_some())
        .count()
}

/// Add `key` to `dst` unless present.
fn add(vm: &Vm, dst: &mut SetData, key: &Value, hash: i64) -> Option<()> {
    if let Scan::Absent(vacancy) = find(vm, dst.table(), key, hash)? {
        dst.table_mut().insert_at(vacancy, key.clone(), hash);
    }
    Some(())
}

/// `dst |= keys`, key by key.
pub fn merge(vm: &Vm, dst: &mut SetData, keys: &SetTable<Value>) -> usize {
    handled(keys, |key, hash| add(vm, dst, key, hash))
}

/// Add to `dst` the keys of `keys` that `other` holds (`wanted`) or lacks (`!wanted`):
/// intersection and difference.
pub fn filter_into(
    vm: &Vm,
    dst: &mut SetData,
    keys: &SetTable<Value>,
    other: &SetTable<Value>,
    wanted: bool,
) -> usize {
    handled(keys, |key, hash| {
        let present = matches!(find(vm, other, key, hash)?, Scan::Found(_));
        if present == wanted {
            add(vm, dst, key, hash)?;
        }
        Some(())
    })
}

/// Remove each key of `keys` from `dst` when `remove_only`; otherwise toggle it (add
/// the absent ones: symmetric difference). A removed key is only dropped here when it
/// is an int, float or str, or the same object `keys` still holds, so no `__del__` runs.
pub fn remove_or_toggle(
    vm: &Vm,
    dst: &mut SetData,
    keys: &SetTable<Value>,
    remove_only: bool,
) -> usize {
    handled(keys, |key, hash| {
        match find(vm, dst.table(), key, hash)? {
            Scan::Found(slot) => {
                dst.table_mut().remove_at(slot);
            }
            Scan::Absent(vacancy) if !remove_only => {
                dst.table_mut().insert_at(vacancy, key.clone(), hash);
            }
            _ => {}
        }
        Some(())
    })
}
