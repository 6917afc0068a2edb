//! The `_bisect` module (CPython's `Modules/_bisectmodule.c`): binary search and
//! insertion in sorted sequences, with `key=` and `lo`/`hi` bounds.

use std::rc::Rc;

use adder_vm::native_module::add_functions;
use adder_vm::object::ObjRef;
use adder_vm::objects::function::Args;
use adder_vm::{PyResult, Value, Vm};

use crate::args::{bind, Params};
use crate::native_util::less_than;

/// Which end of a run of equal items to find.
#[derive(Clone, Copy)]
enum Side {
    Left,
    Right,
}

struct Query {
    a: Value,
    x: Value,
    lo: i64,
    hi: Option<i64>,
    key: Value,
}

fn parse(vm: &mut Vm, args: &Args, func: &'static str) -> PyResult<Query> {
    let params = Params {
        func,
        names: &["a", "x", "lo", "hi", "key"],
        required: 2,
        positional: 4,
    };
    let slots = bind(vm, args, &params)?;
    let lo = match &slots[2] {
        Some(v) => crate::number_args::to_ssize(vm, v)?,
        None => 0,
    };
    if lo < 0 {
        return Err(vm.value_error("lo must be non-negative"));
    }
    // As in CPython, `hi=-1` means the same as `hi=None` (its C default).
    let hi = match &slots[3] {
        None | Some(Value::None) => None,
        Some(v) => Some(crate::number_args::to_ssize(vm, v)?).filter(|h| *h != -1),
    };
    Ok(Query {
        a: slots[0].clone().unwrap_or(Value::None),
        x: slots[1].clone().unwrap_or(Value::None),
        lo,
        hi,
        key: slots[4].clone().unwrap_or(Value::None),
    })
}

/// The insertion point of `x` (already passed through `key` by the caller for
/// `insort`) in `a[lo:hi]`.
fn search(vm: &mut Vm, q: &Query, x: &Value, side: Side) -> PyResult<i64> {
    let (mut lo, mut hi) = (q.lo, q.hi);
    let mut hi = match hi.take() {
        Some(h) => h,
        None => vm.len(&q.a)? as i64,
    };
    while lo < hi {
        let mid = ((lo as u64 + hi as u64) / 2) as i64;
        let mut item = vm.get_item(&q.a, &Value::Int(mid))?;
        if !q.key.is_none() {
            item = vm.call(&q.key, &[item])?;
        }
        let go_left = match side {
            Side::Right => less_than(vm, x, &item)?,
            Side::Left => !less_than(vm, &item, x)?,
        };
        if go_left {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

fn bisect(vm: &mut Vm, args: Args, func: &'static str, side: Side) -> PyResult<Value> {
    let q = parse(vm, &args, func)?;
    let x = q.x.clone();
    Ok(Value::Int(search(vm, &q, &x, side)?))
}

fn insort(vm: &mut Vm, args: Args, func: &'static str, side: Side) -> PyResult<Value> {
    let q = parse(vm, &args, func)?;
    let probe = if q.key.is_none() {
        q.x.clone()
    } else {
        vm.call(&q.key, std::slice::from_ref(&q.x))?
    };
    let index = search(vm, &q, &probe, side)?;
    let is_exact_list = Rc::ptr_eq(&vm.type_of(&q.a), &vm.types().list);
    if is_exact_list {
        if let Some(adder_vm::object::Payload::List(items)) = q.a.payload() {
            let mut items = items.borrow_mut();
            let at = (index.max(0) as usize).min(items.len());
            items.insert(at, q.x.clone());
        }
    } else {
        crate::args::call_method(vm, &q.a, "insert", &[Value::Int(index), q.x.clone()])?;
    }
    Ok(Value::None)
}

fn bisect_left(vm: &mut Vm, args: Args) -> PyResult<Value> {
    bisect(vm, args, "bisect_left", Side::Left)
}

fn bisect_right(vm: &mut Vm, args: Args) -> PyResult<Value> {
    bisect(vm, args, "bisect_right", Side::Right)
}

fn insort_left(vm: &mut Vm, args: Args) -> PyResult<Value> {
    insort(vm, args, "insort_left", Side::Left)
}

fn insort_right(vm: &mut Vm, args: Args) -> PyResult<Value> {
    insort(vm, args, "insort_right", Side::Right)
}

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    add_functions(
        vm,
        module,
        &[
            ("bisect_left", bisect_left),
            ("bisect_right", bisect_right),
            ("insort_left", insort_left),
            ("insort_right", insort_right),
        ],
    );
    Ok(())
}
