//! The iterator types built into the interpreter beyond the plain sequence iterators:
//! `enumerate`, `zip`, `map`, `filter`, `reversed` (and the reverse iterators of
//! lists, ranges and dicts), `iter(callable, sentinel)`, iteration over a set, and the
//! old `__getitem__` sequence protocol.
//!
//! Their state sits in a `RefCell`; advancing one clones what it needs out of the
//! state before running any Python code, so an iterator re-entered from that code
//! never finds its state borrowed.

use std::cell::RefCell;

use crate::error::PyResult;
use crate::object::{DictIterKind, ObjRef, Payload, PyObject};
use crate::objects::function::Args;
use crate::objects::str_stand_in::unexpected_keyword;
use crate::protocol::attr::name_str;
use crate::protocol::number::{as_int, IntRef};
use crate::value::Value;
use crate::vm::Vm;

pub enum IterState {
    Enumerate {
        iter: Value,
        count: Value,
    },
    /// `iters` is emptied once exhausted.
    Zip {
        iters: Vec<Value>,
        strict: bool,
    },
    Map {
        func: Value,
        iters: Vec<Value>,
    },
    Filter {
        func: Value,
        iter: Value,
    },
    /// `list_reverseiterator`: re-checks the list's length at each step.
    ListReverse {
        list: Value,
        index: isize,
    },
    /// `reversed` over `__len__` + `__getitem__` (tuples, strs, user sequences).
    Reversed {
        seq: Value,
        index: isize,
    },
    /// `iter(func, sentinel)`; `func` becomes None when exhausted.
    Callable {
        func: Value,
        sentinel: Value,
    },
    SetIter {
        set: Value,
        pos: usize,
        used: usize,
    },
    /// `reversed(dict)` and reversed views; `pos` is one past the next entry index.
    DictReverse {
        dict: ObjRef,
        pos: usize,
        kind: DictIterKind,
        used: usize,
    },
    /// The `iterator` type: `seq[0]`, `seq[1]`... until IndexError.
    GetItem {
        seq: Value,
        index: usize,
    },
    Exhausted,
}

/// Size recorded when an iterator saw its container change: sticky failure.
const MUTATED: usize = usize::MAX;

/// Wrap `state` in an iterator object of the type CPython uses for it.
pub fn new_iterator(vm: &Vm, state: IterState) -> Value {
    let t = vm.types();
    let class = match &state {
        IterState::Enumerate { .. } => &t.enumerate,
        IterState::Zip { .. } => &t.zip,
        IterState::Map { .. } => &t.map,
        IterState::Filter { .. } => &t.filter,
        IterState::ListReverse { .. } => &t.list_reverseiterator,
        IterState::Reversed { .. } => &t.reversed,
        IterState::Callable { .. } => &t.callable_iterator,
        IterState::SetIter { .. } => &t.set_iterator,
        IterState::DictReverse {
            kind: DictIterKind::Keys,
            ..
        } => &t.dict_reversekeyiterator,
        IterState::DictReverse {
            kind: DictIterKind::Values,
            ..
        } => &t.dict_reversevalueiterator,
        IterState::DictReverse {
            kind: DictIterKind::Items,
            ..
        } => &t.dict_reverseitemiterator,
        IterState::GetItem { .. } | IterState::Exhausted => &t.iterator,
    };
    Value::obj(PyObject::new(
        class.clone(),
        Payload::Iterator(RefCell::new(state)),
    ))
}

pub fn set_iter(vm: &Vm, set: &Value) -> Value {
    let used = crate::objects::set::set_cell(set).map_or(0, |s| s.borrow().len());
    new_iterator(
        vm,
        IterState::SetIter {
            set: set.clone(),
            pos: 0,
            used,
        },
    )
}

/// The old sequence protocol iterator, for objects with only `__getitem__`.
pub fn getitem_iter(vm: &Vm, seq: &Value) -> Value {
    new_iterator(
        vm,
        IterState::GetItem {
            seq: seq.clone(),
            index: 0,
        },
    )
}

fn finish(state: &RefCell<IterState>) -> PyResult<Option<Value>> {
    *state.borrow_mut() = IterState::Exhausted;
    Ok(None)
}

/// Whether `e` is an instance of one of the exception classes `classes`.
fn error_is(vm: &Vm, e: &crate::error::PyErr, classes: &[&ObjRef]) -> bool {
    let v = Value::Obj(e.0.clone());
    classes.iter().any(|c| vm.is_instance(&v, c))
}

/// `next()` on one of these iterators.
pub fn next(vm: &mut Vm, state: &RefCell<IterState>) -> PyResult<Option<Value>> {
    let snapshot = match &*state.borrow() {
        IterState::Exhausted => return Ok(None),
        IterState::Enumerate { iter, count } => Step::Enumerate(iter.clone(), count.clone()),
        IterState::Zip { iters, strict } => Step::Zip(iters.clone(), *strict),
        IterState::Map { func, iters } => Step::Map(func.clone(), iters.clone()),
        IterState::Filter { func, iter } => Step::Filter(func.clone(), iter.clone()),
        IterState::ListReverse { list, index } => Step::ListReverse(list.clone(), *index),
        IterState::Reversed { seq, index } => Step::Reversed(seq.clone(), *index),
        IterState::Callable { func, sentinel } => Step::Callable(func.clone(), sentinel.clone()),
        IterState::SetIter { set, pos, used } => Step::Set(set.clone(), *pos, *used),
        IterState::DictReverse {
            dict,
            pos,
            kind,
            used,
        } => Step::DictReverse(dict.clone(), *pos, *kind, *used),
        IterState::GetItem { seq, index } => Step::GetItem(seq.clone(), *index),
    };
    match snapshot {
        Step::Enumerate(iter, count) => {
            let Some(item) = vm.next(&iter)? else {
                return finish(state);
            };
            let following = match count {
                Value::Int(i) if i < i64::MAX => Value::Int(i + 1),
                ref c => vm.binary_op(c, &Value::Int(1), 0)?,
            };
            if let IterState::Enumerate { count: c, .. } = &mut *state.borrow_mut() {
                *c = following;
            }
            Ok(Some(vm.new_tuple(vec![count, item])))
        }
        Step::Zip(iters, strict) => zip_next(vm, state, iters, strict),
        Step::Map(func, iters) => {
            let mut args = Vec::with_capacity(iters.len());
            for it in &iters {
                match vm.next(it)? {
                    Some(v) => args.push(v),
                    None => return finish(state),
                }
            }
            vm.call(&func, &args).map(Some)
        }
        Step::Filter(func, iter) => loop {
            let Some(item) = vm.next(&iter)? else {
                return finish(state);
            };
            let keep = if func.is_none() || func.is(&Value::Obj(vm.types().bool_.clone())) {
                vm.is_true(&item)?
            } else {
                let r = vm.call(&func, std::slice::from_ref(&item))?;
                vm.is_true(&r)?
            };
            if keep {
                return Ok(Some(item));
            }
        },
        Step::ListReverse(list, index) => {
            let item = match list.payload() {
                Some(Payload::List(l)) if index >= 0 => l.borrow().get(index as usize).cloned(),
                _ => None,
            };
            match item {
                Some(v) => {
                    set_index(state, index - 1);
                    Ok(Some(v))
                }
                None => finish(state),
            }
        }
        Step::Reversed(seq, index) => {
            if index < 0 {
                return finish(state);
            }
            match vm.get_item(&seq, &Value::Int(index as i64)) {
                Ok(v) => {
                    set_index(state, index - 1);
                    Ok(Some(v))
                }
                Err(e) => {
                    let t = vm.types();
                    let (ie, si) = (t.exc.index_error.clone(), t.exc.stop_iteration.clone());
                    if error_is(vm, &e, &[&ie, &si]) {
                        return finish(state);
                    }
                    Err(e)
                }
            }
        }
        Step::Callable(func, sentinel) => {
            let r = match vm.call(&func, &[]) {
                Ok(r) => r,
                Err(e) => {
                    let si = vm.types().exc.stop_iteration.clone();
                    if error_is(vm, &e, &[&si]) {
                        return finish(state);
                    }
                    return Err(e);
                }
            };
            if vm.eq(&r, &sentinel)? {
                return finish(state);
            }
            Ok(Some(r))
        }
        Step::Set(set, pos, used) => {
            let Some(cell) = crate::objects::set::set_cell(&set) else {
                return finish(state);
            };
            if used != cell.borrow().len() {
                if let IterState::SetIter { used, .. } = &mut *state.borrow_mut() {
                    *used = MUTATED;
                }
                return Err(vm.runtime_error("Set changed size during iteration"));
            }
            let found = cell.borrow().next_from(pos);
            match found {
                Some((slot, key)) => {
                    if let IterState::SetIter { pos, .. } = &mut *state.borrow_mut() {
                        *pos = slot + 1;
                    }
                    Ok(Some(key))
                }
                None => finish(state),
            }
        }
        Step::DictReverse(dict, pos, kind, used) => {
            dict_reverse_next(vm, state, &dict, pos, kind, used)
        }
        Step::GetItem(seq, index) => match vm.get_item(&seq, &Value::Int(index as i64)) {
            Ok(v) => {
                if let IterState::GetItem { index: i, .. } = &mut *state.borrow_mut() {
                    *i = index + 1;
                }
                Ok(Some(v))
            }
            Err(e) => {
                let t = vm.types();
                let (ie, si) = (t.exc.index_error.clone(), t.exc.stop_iteration.clone());
                if error_is(vm, &e, &[&ie, &si]) {
                    return finish(state);
                }
                Err(e)
            }
        },
    }
}

/// What one step needs, cloned out of the state.
enum Step {
    Enumerate(Value, Value),
    Zip(Vec<Value>, bool),
    Map(Value, Vec<Value>),
    Filter(Value, Value),
    ListReverse(Value, isize),
    Reversed(Value, isize),
    Callable(Value, Value),
    Set(Value, usize, usize),
    DictReverse(ObjRef, usize, DictIterKind, usize),
    GetItem(Value, usize),
}

fn set_index(state: &RefCell<IterState>, new: isize) {
    match &mut *state.borrow_mut() {
        IterState::ListReverse { index, .. } | IterState::Reversed { index, .. } => *index = new,
        _ => {}
    }
}

/// `zip.__next__`, with `strict=True`'s length checks and messages.
fn zip_next(
    vm: &mut Vm,
    state: &RefCell<IterState>,
    iters: Vec<Value>,
    strict: bool,
) -> PyResult<Option<Value>> {
    if iters.is_empty() {
        return finish(state);
    }
    let mut items = Vec::with_capacity(iters.len());
    for (i, it) in iters.iter().enumerate() {
        match vm.next(it)? {
            Some(v) => items.push(v),
            None => {
                finish(state)?;
                if !strict {
                    return Ok(None);
                }
                if i > 0 {
                    return Err(vm.value_error(format!(
                        "zip() argument {} is shorter than {}",
                        i + 1,
                        arguments_upto(i)
                    )));
                }
                for (j, other) in iters.iter().enumerate().skip(1) {
                    if vm.next(other)?.is_some() {
                        return Err(vm.value_error(format!(
                            "zip() argument {} is longer than {}",
                            j + 1,
                            arguments_upto(j)
                        )));
                    }
                }
                return Ok(None);
            }
        }
    }
    Ok(Some(vm.new_tuple(items)))
}

/// `argument 1` or `arguments 1-N`.
fn arguments_upto(n: usize) -> String {
    if n == 1 {
        "argument 1".into()
    } else {
        format!("arguments 1-{n}")
    }
}

fn dict_reverse_next(
    vm: &mut Vm,
    state: &RefCell<IterState>,
    dict: &ObjRef,
    pos: usize,
    kind: DictIterKind,
    used: usize,
) -> PyResult<Option<Value>> {
    let Some(d) = dict.as_dict() else {
        return finish(state);
    };
    let found = {
        let data = d.borrow();
        if data.len() != used {
            drop(data);
            if let IterState::DictReverse { used, .. } = &mut *state.borrow_mut() {
                *used = MUTATED;
            }
            return Err(vm.runtime_error("dictionary changed size during iteration"));
        }
        // Walk down from `pos - 1` to the previous live entry.
        (0..pos).rev().find_map(|ix| match data.next_entry(ix) {
            Some((after, e)) if after == ix + 1 => Some((ix, e.key.clone(), e.value.clone())),
            _ => None,
        })
    };
    let Some((ix, key, value)) = found else {
        return finish(state);
    };
    if let IterState::DictReverse { pos, .. } = &mut *state.borrow_mut() {
        *pos = ix;
    }
    Ok(Some(match kind {
        DictIterKind::Keys => key,
        DictIterKind::Values => value,
        DictIterKind::Items => vm.new_tuple(vec![key, value]),
    }))
}

// ----- constructors -----

/// Calls of the iterator types: `enumerate(...)`, `zip(...)`, `map(...)`,
/// `filter(...)`, `reversed(...)`; `None` when `ty` is none of them.
pub fn construct(vm: &mut Vm, ty: &ObjRef, args: Args) -> PyResult<Option<Value>> {
    let t = vm.types();
    let is = |other: &ObjRef| std::rc::Rc::ptr_eq(ty, other);
    let r = if is(&t.enumerate) {
        enumerate(vm, args)?
    } else if is(&t.zip) {
        zip(vm, args)?
    } else if is(&t.map) {
        map(vm, args)?
    } else if is(&t.filter) {
        filter(vm, args)?
    } else if is(&t.reversed) {
        reversed(vm, args)?
    } else {
        return Ok(None);
    };
    Ok(Some(r))
}

fn enumerate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    if pos.len() + args.kwnames.len() > 2 {
        return Err(vm.type_error(format!(
            "enumerate() takes at most 2 arguments ({} given)",
            pos.len() + args.kwnames.len()
        )));
    }
    let mut iterable = pos.first().cloned();
    let mut start = pos.get(1).cloned();
    for (k, v) in args.kwargs() {
        match name_str(k) {
            "iterable" if iterable.is_none() => iterable = Some(v.clone()),
            "start" if start.is_none() => start = Some(v.clone()),
            other => {
                return Err(vm.type_error(format!(
                    "'{other}' is an invalid keyword argument for enumerate()"
                )))
            }
        }
    }
    let Some(iterable) = iterable else {
        return Err(vm.type_error("enumerate() missing required argument 'iterable'"));
    };
    let iter = vm.get_iter(&iterable)?;
    let count = match start {
        None => Value::Int(0),
        Some(s) => match as_int(&s) {
            Some(IntRef::Small(i)) => Value::Int(i),
            Some(IntRef::Big(b)) => vm.new_int(b.clone()),
            None => {
                let i = vm.index_value(&s)?;
                Value::Int(i as i64)
            }
        },
    };
    Ok(new_iterator(vm, IterState::Enumerate { iter, count }))
}

fn zip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut strict = false;
    if args.kwnames.len() > 1 {
        return Err(vm.type_error(format!(
            "zip() takes at most 1 keyword argument ({} given)",
            args.kwnames.len()
        )));
    }
    for (k, v) in args.kwargs() {
        match name_str(k) {
            "strict" => strict = vm.is_true(v)?,
            _ => return Err(unexpected_keyword(vm, "zip", k)),
        }
    }
    let mut iters = Vec::with_capacity(args.pos().len());
    for v in args.pos() {
        iters.push(vm.get_iter(v)?);
    }
    Ok(new_iterator(vm, IterState::Zip { iters, strict }))
}

fn map(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kwnames.is_empty() {
        return Err(vm.type_error("map() takes no keyword arguments"));
    }
    let pos = args.pos();
    if pos.len() < 2 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let mut iters = Vec::with_capacity(pos.len() - 1);
    for v in &pos[1..] {
        iters.push(vm.get_iter(v)?);
    }
    Ok(new_iterator(
        vm,
        IterState::Map {
            func: pos[0].clone(),
            iters,
        },
    ))
}

fn filter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kwnames.is_empty() {
        return Err(vm.type_error("filter() takes no keyword arguments"));
    }
    let pos = args.pos();
    if pos.len() != 2 {
        return Err(vm.type_error(format!("filter expected 2 arguments, got {}", pos.len())));
    }
    let iter = vm.get_iter(&pos[1])?;
    Ok(new_iterator(
        vm,
        IterState::Filter {
            func: pos[0].clone(),
            iter,
        },
    ))
}

/// `reversed(seq)`: `__reversed__`, or the built-in reverse iterators, or the
/// sequence protocol.
fn reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kwnames.is_empty() {
        return Err(vm.type_error("reversed() takes no keyword arguments"));
    }
    let pos = args.pos();
    if pos.len() != 1 {
        return Err(vm.type_error(format!("reversed expected 1 argument, got {}", pos.len())));
    }
    let seq = &pos[0];
    if let Some(m) = vm.lookup_special_heap(seq, "__reversed__") {
        if m.is_none() {
            return Err(not_reversible(vm, seq));
        }
        return vm.call_method_value(&m, seq, &[]);
    }
    let heap = vm.type_is_heap(&vm.type_of(seq));
    if let Some(it) = builtin_reversed(vm, seq, heap)? {
        return Ok(it);
    }
    let is_sequence = matches!(
        seq.payload(),
        Some(Payload::Tuple(_) | Payload::Str(_) | Payload::Bytes(_) | Payload::List(_))
    ) || vm.lookup_special_heap(seq, "__getitem__").is_some();
    if !is_sequence {
        return Err(not_reversible(vm, seq));
    }
    let len = vm.len(seq)?;
    Ok(new_iterator(
        vm,
        IterState::Reversed {
            seq: seq.clone(),
            index: len as isize - 1,
        },
    ))
}

/// `list.__reversed__`, `dict.__reversed__`, `range.__reversed__` and the dict views':
/// the built-in reverse iterator over the receiver's own storage (also for instances
/// of subclasses, as in CPython).
pub fn reversed_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [seq] = args.pos() else {
        return Err(vm.type_error("__reversed__() takes no arguments"));
    };
    match builtin_reversed(vm, seq, false)? {
        Some(it) => Ok(it),
        None => Err(not_reversible(vm, seq)),
    }
}

/// The reverse iterator of a list, range, dict or dict view; `None` for other values.
/// `heap`: the value's class is a subclass, whose own methods `reversed()` honours.
fn builtin_reversed(vm: &mut Vm, seq: &Value, heap: bool) -> PyResult<Option<Value>> {
    let it = match seq.payload() {
        Some(Payload::List(l)) if !heap => {
            let index = l.borrow().len() as isize - 1;
            let list = seq.clone();
            new_iterator(vm, IterState::ListReverse { list, index })
        }
        Some(Payload::Range(r)) => crate::objects::range_methods::reversed_range(vm, r)?,
        Some(Payload::BigRange(r)) => {
            let backwards = crate::objects::range_big::reversed_range(vm, r);
            vm.get_iter(&backwards)?
        }
        Some(Payload::Dict(d)) if !heap => {
            let used = d.borrow().len();
            match seq.as_obj() {
                Some(dict) => dict_reversed(vm, dict, used, DictIterKind::Keys),
                None => return Ok(None),
            }
        }
        Some(Payload::DictView { dict, kind }) => {
            let used = dict.as_dict().map_or(0, |d| d.borrow().len());
            dict_reversed(vm, dict, used, *kind)
        }
        Some(Payload::Dict(_) | Payload::Set(_)) => return Err(not_reversible(vm, seq)),
        _ => return Ok(None),
    };
    Ok(Some(it))
}

fn dict_reversed(vm: &Vm, dict: &ObjRef, used: usize, kind: DictIterKind) -> Value {
    let pos = dict
        .as_dict()
        .and_then(|d| d.borrow().last_index())
        .map_or(0, |i| i + 1);
    new_iterator(
        vm,
        IterState::DictReverse {
            dict: dict.clone(),
            pos,
            kind,
            used,
        },
    )
}

fn not_reversible(vm: &Vm, v: &Value) -> crate::error::PyErr {
    vm.type_error(format!("'{}' object is not reversible", vm.type_name(v)))
}

/// `iter(callable, sentinel)`.
pub fn callable_iter(vm: &mut Vm, func: &Value, sentinel: &Value) -> PyResult<Value> {
    if !is_callable(vm, func) {
        return Err(vm.type_error("iter(v, w): v must be callable"));
    }
    Ok(new_iterator(
        vm,
        IterState::Callable {
            func: func.clone(),
            sentinel: sentinel.clone(),
        },
    ))
}

/// `callable(v)`.
pub fn is_callable(vm: &Vm, v: &Value) -> bool {
    matches!(
        v.payload(),
        Some(
            Payload::Function(_)
                | Payload::BuiltinFunction(_)
                | Payload::Method { .. }
                | Payload::Type(_)
        )
    ) || vm.type_lookup(&vm.type_of(v), "__call__").is_some()
}
