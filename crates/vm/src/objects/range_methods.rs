//! `range` methods (`index`, `count`), slicing a range into a range, and
//! `reversed(range)`.

use std::cell::Cell;

use crate::error::PyResult;
use crate::object::{Payload, PyObject, RangeData, SliceData};
use crate::objects::function::Args;
use crate::objects::native_args::{bind, MethodName, Shape};
use crate::objects::range::{range_contains, range_len};
use crate::objects::range_big;
use crate::protocol::number::{as_int, IntRef};
use crate::value::Value;
use crate::vm::Vm;

pub fn install(vm: &Vm) {
    crate::builtins::add_methods(
        vm,
        &vm.types().range.clone(),
        &[("index", range_index), ("count", range_count)],
    );
}

fn receiver<'a>(vm: &Vm, args: &Args<'a>, name: &'static str) -> PyResult<(RangeData, &'a Value)> {
    let (recv, rest) = bind(
        vm,
        args,
        MethodName {
            owner: "range",
            name,
        },
        &Shape::One,
    )?;
    match (recv.payload(), rest.first().copied().flatten()) {
        (Some(Payload::Range(r)), Some(v)) => Ok((*r, v)),
        _ => Err(vm.type_error(format!(
            "descriptor '{name}' for 'range' objects doesn't apply to a '{}' object",
            vm.type_name(recv)
        ))),
    }
}

/// The exact int value of `v` when it is an int (not a subclass with its own `__eq__`).
fn exact_small_int(vm: &Vm, v: &Value) -> Option<Option<i64>> {
    if vm.type_is_heap(&vm.type_of(v)) {
        return None;
    }
    match as_int(v) {
        Some(IntRef::Small(i)) => Some(Some(i)),
        Some(IntRef::Big(_)) => Some(None),
        None => None,
    }
}

/// How many items of the range equal `v`, by `==` (for non-int values).
fn count_equal(
    vm: &mut Vm,
    r: &RangeData,
    v: &Value,
    stop_at_first: bool,
) -> PyResult<(usize, Option<usize>)> {
    let mut count = 0;
    let mut first = None;
    for k in 0..range_len(r) {
        let item = Value::Int(r.start + k as i64 * r.step);
        if vm.eq(&item, v)? {
            count += 1;
            first.get_or_insert(k);
            if stop_at_first {
                break;
            }
        }
    }
    Ok((count, first))
}

fn range_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some(r) = args.pos().first().and_then(range_big::data_of) {
        let v = args.pos().get(1).cloned().unwrap_or(Value::None);
        return match range_big::index_of(r, &v) {
            Some(k) => Ok(vm.new_int(k)),
            None => Err(vm.value_error("range.index(x): x not in range")),
        };
    }
    let (r, v) = receiver(vm, &args, "index")?;
    let found = match exact_small_int(vm, v) {
        Some(Some(i)) if range_contains(&r, i) => {
            Some(((i as i128 - r.start as i128) / r.step as i128) as usize)
        }
        Some(_) => None,
        None => count_equal(vm, &r, v, true)?.1,
    };
    match found {
        Some(k) => Ok(Value::Int(k as i64)),
        None if exact_small_int(vm, v).is_some() => {
            Err(vm.value_error("range.index(x): x not in range"))
        }
        None => Err(vm.value_error("sequence.index(x): x not in sequence")),
    }
}

fn range_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some(r) = args.pos().first().and_then(range_big::data_of) {
        let v = args.pos().get(1).cloned().unwrap_or(Value::None);
        return Ok(Value::Int(range_big::index_of(r, &v).is_some() as i64));
    }
    let (r, v) = receiver(vm, &args, "count")?;
    let n = match exact_small_int(vm, v) {
        Some(Some(i)) => range_contains(&r, i) as usize,
        Some(None) => 0,
        None => count_equal(vm, &r, v, false)?.0,
    };
    Ok(Value::Int(n as i64))
}

/// `r[a:b:c]`: another range.
pub fn slice(vm: &mut Vm, r: &RangeData, s: &SliceData) -> PyResult<Value> {
    let idx = vm.slice_indices(s, range_len(r))?;
    let at = |k: isize| r.start as i128 + k as i128 * r.step as i128;
    let step = r.step as i128 * idx.step as i128;
    let (start, stop) = (at(idx.start), at(idx.stop));
    Ok(crate::objects::range_big::new_range(
        vm,
        start.into(),
        stop.into(),
        step.into(),
    ))
}

/// `reversed(range)`: a range iterator running from the last item down.
pub fn reversed_range(vm: &mut Vm, r: &RangeData) -> PyResult<Value> {
    let n = range_len(r) as i128;
    // The small iterator stops before `stop`; when no i64 stop lies between the
    // first item and the one before it (the first item is i64::MIN or MAX), or
    // `-step` does not fit, iterate the big way so the first item is not lost.
    let no_small_stop = (r.start == i64::MIN && r.step > 0)
        || (r.start == i64::MAX && r.step < 0)
        || r.step == i64::MIN;
    if n > 0 && no_small_stop {
        let big = range_big::BigRangeData::from_small(r);
        let backwards = range_big::reversed_range(vm, &big);
        return vm.get_iter(&backwards);
    }
    let (first, stop, step) = if n == 0 {
        (0, 0, 1)
    } else {
        let last = r.start as i128 + (n - 1) * r.step as i128;
        let clamp = |x: i128| x.clamp(i64::MIN as i128, i64::MAX as i128) as i64;
        (
            clamp(last),
            clamp(r.start as i128 - r.step as i128),
            clamp(-(r.step as i128)),
        )
    };
    Ok(Value::obj(PyObject::new(
        vm.types().range_iterator.clone(),
        Payload::RangeIter {
            next: Cell::new(first),
            stop,
            step,
        },
    )))
}
