//! `_deque_iterator` and `_deque_reverse_iterator`: iterators over a deque that
//! raise "deque mutated during iteration" when the deque changes size or order.

use std::cell::Cell;

use adder_vm::native_module::NativeObject;
use adder_vm::object::ObjRef;
use adder_vm::objects::function::Args;
use adder_vm::{PyResult, Value, Vm};

use super::deque::{rest, this, Deque};
use super::types;
use crate::native_util::stop_iteration;

/// An iterator's state: the deque, how many items it has given, how many remain, and
/// the deque's mutation state when it started.
pub(crate) struct DequeIter {
    deque: Value,
    given: Cell<usize>,
    remaining: Cell<usize>,
    state: u64,
    reversed: bool,
}

impl NativeObject for DequeIter {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.deque);
    }
}

fn new_iter(vm: &Vm, cls: &ObjRef, deque: &Value, reversed: bool) -> Value {
    let (len, state) = deque
        .native::<Deque>()
        .map_or((0, 0), |d| (d.len(), d.state.get()));
    let it = DequeIter {
        deque: deque.clone(),
        given: Cell::new(0),
        remaining: Cell::new(len),
        state,
        reversed,
    };
    vm.new_native_instance(cls, it)
}

/// `iter(d)`.
pub(crate) fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args, "__iter__")?;
    let cls = types(vm)?.deque_iter.clone();
    Ok(new_iter(vm, &cls, &super::deque::receiver(&args), false))
}

/// `reversed(d)`.
pub(crate) fn reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args, "__reversed__")?;
    let cls = types(vm)?.deque_rev_iter.clone();
    Ok(new_iter(vm, &cls, &super::deque::receiver(&args), true))
}

/// `_deque_iterator(deque, index=0)`: an iterator already advanced by `index`.
fn construct(vm: &mut Vm, args: Args, reversed: bool) -> PyResult<Value> {
    let (cls, rest_args) = match args.pos().first() {
        Some(Value::Obj(c)) if c.as_type().is_some() => (c.clone(), rest(&args)),
        _ => return Err(vm.type_error("__new__(X): X is not a type object")),
    };
    let name = if reversed {
        "_deque_reverse_iterator"
    } else {
        "_deque_iterator"
    };
    let pos = crate::arity::positional(vm, &rest_args, name, name, 1, 2)?;
    if pos[0].native::<Deque>().is_none() {
        return Err(vm.type_error(format!(
            "{name}() argument 1 must be collections.deque, not {}",
            vm.type_name(&pos[0])
        )));
    }
    let skip = match pos.get(1) {
        Some(v) => crate::number_args::to_ssize(vm, v)?,
        None => 0,
    };
    let it = new_iter(vm, &cls, &pos[0], reversed);
    if let Some(state) = it.native::<DequeIter>() {
        let n = usize::try_from(skip)
            .unwrap_or(0)
            .min(state.remaining.get());
        state.given.set(n);
        state.remaining.set(state.remaining.get() - n);
    }
    Ok(it)
}

pub(crate) fn iter_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    construct(vm, args, false)
}

pub(crate) fn rev_iter_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    construct(vm, args, true)
}

fn receiver<'a>(vm: &Vm, args: &'a Args, method: &str) -> PyResult<&'a DequeIter> {
    vm.native_self::<DequeIter>(args, method, "_deque_iterator")
}

pub(crate) fn next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let it = receiver(vm, &args, "__next__")?;
    let Some(d) = it.deque.native::<Deque>() else {
        return Err(stop_iteration(vm));
    };
    if d.state.get() != it.state {
        it.remaining.set(0);
        return Err(vm.runtime_error("deque mutated during iteration"));
    }
    if it.remaining.get() == 0 {
        return Err(stop_iteration(vm));
    }
    let given = it.given.get();
    let at = if it.reversed {
        d.len().checked_sub(given + 1)
    } else {
        Some(given)
    };
    let item = at
        .and_then(|i| d.get(i))
        .ok_or_else(|| stop_iteration(vm))?;
    it.given.set(given + 1);
    it.remaining.set(it.remaining.get() - 1);
    Ok(item)
}

pub(crate) fn length_hint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let it = receiver(vm, &args, "__length_hint__")?;
    Ok(Value::Int(it.remaining.get() as i64))
}

/// `(type(it), (deque, items already given))`.
pub(crate) fn reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let it = receiver(vm, &args, "__reduce__")?;
    let cls = Value::Obj(vm.type_of(&super::deque::receiver(&args)));
    let len = it.deque.native::<Deque>().map_or(0, |d| d.len());
    let given = len.saturating_sub(it.remaining.get()) as i64;
    let ctor = vm.new_tuple(vec![it.deque.clone(), Value::Int(given)]);
    Ok(vm.new_tuple(vec![cls, ctor]))
}
