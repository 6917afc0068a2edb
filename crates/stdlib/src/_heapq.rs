//! The `_heapq` module (CPython's `Modules/_heapqmodule.c`): binary min-heaps (and
//! the `_max` variants) kept in a list, with the same comparisons in the same order
//! as CPython so that results and side effects agree.

use adder_vm::native_module::add_functions;
use adder_vm::object::{ObjRef, Payload};
use adder_vm::objects::function::Args;
use adder_vm::{PyResult, Value, Vm};

use crate::arity;
use crate::native_util::less_than;

/// The list a heap lives in; `what` is "argument 1" or "argument" for the message.
fn heap_list<'a>(
    vm: &Vm,
    v: &'a Value,
    func: &str,
    what: &str,
) -> PyResult<&'a std::cell::RefCell<Vec<Value>>> {
    match v.payload() {
        Some(Payload::List(items)) => Ok(items),
        _ => Err(vm.type_error(format!(
            "{func}() {what} must be list, not {}",
            vm.type_name(v)
        ))),
    }
}

fn get(vm: &Vm, heap: &std::cell::RefCell<Vec<Value>>, i: usize) -> PyResult<Value> {
    heap.borrow()
        .get(i)
        .cloned()
        .ok_or_else(|| vm.index_error("index out of range"))
}

fn changed(vm: &Vm) -> adder_vm::PyErr {
    vm.runtime_error("list changed size during iteration")
}

/// `a` comes before `b` in the heap order.
fn before(vm: &mut Vm, a: &Value, b: &Value, max: bool) -> PyResult<bool> {
    if max {
        less_than(vm, b, a)
    } else {
        less_than(vm, a, b)
    }
}

/// Move the item at `pos` up towards `start` while it comes before its parent.
fn sift_down(
    vm: &mut Vm,
    heap: &std::cell::RefCell<Vec<Value>>,
    start: usize,
    mut pos: usize,
    max: bool,
) -> PyResult<()> {
    let size = heap.borrow().len();
    let new_item = get(vm, heap, pos)?;
    while pos > start {
        let parent_pos = (pos - 1) >> 1;
        let parent = get(vm, heap, parent_pos)?;
        let goes_up = before(vm, &new_item, &parent, max)?;
        if heap.borrow().len() != size {
            return Err(changed(vm));
        }
        if !goes_up {
            break;
        }
        let mut items = heap.borrow_mut();
        items.swap(parent_pos, pos);
        pos = parent_pos;
    }
    Ok(())
}

/// Move the smaller child up until a leaf is reached, then sift the item placed there
/// back down (CPython's `siftup`).
fn sift_up(
    vm: &mut Vm,
    heap: &std::cell::RefCell<Vec<Value>>,
    mut pos: usize,
    max: bool,
) -> PyResult<()> {
    let end = heap.borrow().len();
    let start = pos;
    let limit = end >> 1;
    while pos < limit {
        let mut child = 2 * pos + 1;
        if child + 1 < end {
            let (a, b) = (get(vm, heap, child)?, get(vm, heap, child + 1)?);
            let left_first = before(vm, &a, &b, max)?;
            if heap.borrow().len() != end {
                return Err(changed(vm));
            }
            if !left_first {
                child += 1;
            }
        }
        heap.borrow_mut().swap(child, pos);
        pos = child;
    }
    sift_down(vm, heap, start, pos, max)
}

fn push(vm: &mut Vm, args: Args, func: &str, max: bool) -> PyResult<Value> {
    let pos = arity::positional(vm, &args, func, func, 2, 2)?;
    let heap = heap_list(vm, &pos[0], func, "argument 1")?;
    heap.borrow_mut().push(pos[1].clone());
    let last = heap.borrow().len() - 1;
    sift_down(vm, heap, 0, last, max)?;
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: Args, func: &str, max: bool) -> PyResult<Value> {
    let list = arity::one(vm, &args, func)?;
    let heap = heap_list(vm, list, func, "argument")?;
    let last = heap
        .borrow_mut()
        .pop()
        .ok_or_else(|| vm.index_error("index out of range"))?;
    if heap.borrow().is_empty() {
        return Ok(last);
    }
    let top = std::mem::replace(&mut heap.borrow_mut()[0], last);
    sift_up(vm, heap, 0, max)?;
    Ok(top)
}

fn replace(vm: &mut Vm, args: Args, func: &str, max: bool) -> PyResult<Value> {
    let pos = arity::positional(vm, &args, func, func, 2, 2)?;
    let heap = heap_list(vm, &pos[0], func, "argument 1")?;
    let top = match heap.borrow_mut().first_mut() {
        Some(slot) => std::mem::replace(slot, pos[1].clone()),
        None => return Err(vm.index_error("index out of range")),
    };
    sift_up(vm, heap, 0, max)?;
    Ok(top)
}

fn push_pop(vm: &mut Vm, args: Args, func: &str, max: bool) -> PyResult<Value> {
    let pos = arity::positional(vm, &args, func, func, 2, 2)?;
    let heap = heap_list(vm, &pos[0], func, "argument 1")?;
    let item = pos[1].clone();
    let Some(top) = heap.borrow().first().cloned() else {
        return Ok(item);
    };
    if !before(vm, &top, &item, max)? {
        return Ok(item);
    }
    let top = match heap.borrow_mut().first_mut() {
        Some(slot) => std::mem::replace(slot, item),
        None => return Err(vm.index_error("index out of range")),
    };
    sift_up(vm, heap, 0, max)?;
    Ok(top)
}

fn heapify_list(vm: &mut Vm, args: Args, func: &str, max: bool) -> PyResult<Value> {
    let list = arity::one(vm, &args, func)?;
    let heap = heap_list(vm, list, func, "argument")?;
    let n = heap.borrow().len();
    for i in (0..n / 2).rev() {
        sift_up(vm, heap, i, max)?;
    }
    Ok(Value::None)
}

macro_rules! heap_functions {
    ($($name:ident => $op:ident, $max:expr;)*) => {$(
        fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            $op(vm, args, stringify!($name), $max)
        }
    )*};
}

heap_functions! {
    heappush => push, false;
    heappop => pop, false;
    heapreplace => replace, false;
    heappushpop => push_pop, false;
    heapify => heapify_list, false;
    heappush_max => push, true;
    heappop_max => pop, true;
    heapreplace_max => replace, true;
    heappushpop_max => push_pop, true;
    heapify_max => heapify_list, true;
}

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    add_functions(
        vm,
        module,
        &[
            ("heappush", heappush),
            ("heappop", heappop),
            ("heapreplace", heapreplace),
            ("heappushpop", heappushpop),
            ("heapify", heapify),
            ("heappush_max", heappush_max),
            ("heappop_max", heappop_max),
            ("heapreplace_max", heapreplace_max),
            ("heappushpop_max", heappushpop_max),
            ("heapify_max", heapify_max),
        ],
    );
    Ok(())
}
