//! `deque` as a sequence: indexing, searching, `repr`, comparisons, `+` and `*`, and
//! `__reduce__` (CPython's `deque_item`, `deque_index`, `deque_richcompare`, ...).

use adder_vm::object::Payload;
use adder_vm::objects::function::Args;
use adder_vm::protocol::compare::CmpOp;
use adder_vm::protocol::number::as_int;
use adder_vm::{PyResult, Value, Vm};

use super::deque::{copy_of, extend_right, receiver, rest, this, Deque};
use crate::arity;
use crate::number_args::{to_index, to_ssize};

/// A sequence index (`sq_item`'s conversion): an int or `__index__`, negative from the
/// end; "deque index out of range" outside.
fn item_index(vm: &mut Vm, d: &Deque, key: &Value) -> PyResult<usize> {
    if as_int(key).is_none() && vm.lookup_special_heap(key, "__index__").is_none() {
        return Err(vm.type_error(format!(
            "sequence index must be integer, not '{}'",
            vm.type_name(key)
        )));
    }
    let i = vm.index_value(key)? as i64;
    let len = d.len() as i64;
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        return Err(vm.index_error("deque index out of range"));
    }
    Ok(j as usize)
}

pub(crate) fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "__len__")?;
    Ok(Value::Int(d.len() as i64))
}

pub(crate) fn getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "__getitem__")?;
    let key = arity::one(vm, &rest(&args), "deque.__getitem__")?;
    let i = item_index(vm, d, key)?;
    d.get(i)
        .ok_or_else(|| vm.index_error("deque index out of range"))
}

pub(crate) fn setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "__setitem__")?;
    let [_, key, value] = args.pos() else {
        return Err(vm.type_error("expected 2 arguments"));
    };
    let i = item_index(vm, d, key)?;
    let old = d
        .items
        .borrow_mut()
        .get_mut(i)
        .map(|slot| std::mem::replace(slot, value.clone()));
    drop(old);
    Ok(Value::None)
}

pub(crate) fn delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "__delitem__")?;
    let key = arity::one(vm, &rest(&args), "deque.__delitem__")?;
    let i = item_index(vm, d, key)?;
    let old = d.items.borrow_mut().remove(i);
    d.bump();
    drop(old);
    Ok(Value::None)
}

/// Visit items in order until `found` says stop, raising CPython's RuntimeError when
/// the deque changes meanwhile. Returns the index where `found` said yes.
fn search(
    vm: &mut Vm,
    d: &Deque,
    range: std::ops::Range<usize>,
    target: &Value,
) -> PyResult<Option<usize>> {
    let state = d.state.get();
    for i in range {
        let Some(item) = d.get(i) else { break };
        let equal = vm.eq(&item, target)?;
        if d.state.get() != state {
            return Err(vm.runtime_error("deque mutated during iteration"));
        }
        if equal {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

pub(crate) fn contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "__contains__")?;
    let v = arity::one(vm, &rest(&args), "deque.__contains__")?;
    Ok(Value::Bool(search(vm, d, 0..d.len(), v)?.is_some()))
}

pub(crate) fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "count")?;
    let v = arity::one(vm, &rest(&args), "deque.count")?;
    let state = d.state.get();
    let mut n = 0;
    for i in 0..d.len() {
        let Some(item) = d.get(i) else { break };
        let equal = vm.eq(&item, v)?;
        if d.state.get() != state {
            return Err(vm.runtime_error("deque mutated during iteration"));
        }
        n += i64::from(equal);
    }
    Ok(Value::Int(n))
}

/// A `start`/`stop` bound (`_PyEval_SliceIndexNotNone`), clamped to the machine range.
fn slice_bound(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if as_int(v).is_none() && vm.lookup_special_heap(v, "__index__").is_none() {
        return Err(vm.type_error("slice indices must be integers or have an __index__ method"));
    }
    let big = to_index(vm, v)?;
    let negative = big < adder_numeric::BigInt::ZERO;
    Ok(i64::try_from(&big).unwrap_or(if negative { i64::MIN } else { i64::MAX }))
}

/// `deque.index(x[, start[, stop]])`.
pub(crate) fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "index")?;
    let rest_args = rest(&args);
    let pos = arity::positional(vm, &rest_args, "deque.index", "index", 1, 3)?;
    let len = d.len() as i64;
    let clamp = |i: i64| {
        if i < 0 {
            (i.saturating_add(len)).max(0)
        } else {
            i.min(len)
        }
    };
    let start = match pos.get(1) {
        Some(v) => clamp(slice_bound(vm, v)?),
        None => 0,
    };
    let stop = match pos.get(2) {
        Some(v) => clamp(slice_bound(vm, v)?),
        None => len,
    };
    let range = start as usize..stop.max(start) as usize;
    match search(vm, d, range, &pos[0])? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.value_error("deque.index(x): x not in deque")),
    }
}

pub(crate) fn insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "insert")?;
    let rest_args = rest(&args);
    let pos = arity::positional(vm, &rest_args, "deque.insert", "insert", 2, 2)?;
    let i = to_ssize(vm, &pos[0])?;
    let len = d.len() as i64;
    if d.maxlen.get().is_some_and(|m| d.len() >= m) {
        return Err(vm.index_error("deque already at its maximum size"));
    }
    let at = if i < 0 { (i + len).max(0) } else { i.min(len) };
    d.items.borrow_mut().insert(at as usize, pos[1].clone());
    d.bump();
    Ok(Value::None)
}

pub(crate) fn remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "remove")?;
    let v = arity::one(vm, &rest(&args), "deque.remove")?;
    let n = d.len();
    for i in 0..n {
        let Some(item) = d.get(i) else { break };
        let equal = vm.eq(&item, v)?;
        if d.len() != n {
            return Err(vm.index_error("deque mutated during iteration"));
        }
        if equal {
            let old = d.items.borrow_mut().remove(i);
            d.bump();
            drop(old);
            return Ok(Value::None);
        }
    }
    Err(vm.value_error("deque.remove(x): x not in deque"))
}

/// `deque([...])`, `deque([...], maxlen=N)`, with the subclass's name and `[...]` for
/// a deque inside itself.
pub(crate) fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "__repr__")?;
    let me = receiver(&args);
    let Value::Obj(o) = &me else {
        return Err(vm.type_error("deque expected"));
    };
    let name = vm.type_name(&me);
    let maxlen = d.maxlen.get();
    let text = vm.with_repr_guard(o, "[...]", |vm| {
        let list = vm.new_list(d.snapshot());
        let items = vm.repr(&list)?;
        Ok(match maxlen {
            Some(m) => format!("{name}({items}, maxlen={m})"),
            None => format!("{name}({items})"),
        })
    })?;
    Ok(vm.new_str(&text))
}

/// The six comparisons: lexicographic, like lists; other types give NotImplemented.
fn compare(vm: &mut Vm, args: Args, op: CmpOp, name: &str) -> PyResult<Value> {
    let d = this(vm, &args, name)?;
    let [_, other] = args.pos() else {
        return Err(vm.type_error("expected 1 argument"));
    };
    let Some(e) = other.native::<Deque>() else {
        return Ok(vm.types().not_implemented.clone());
    };
    let (a, b) = (d.snapshot(), e.snapshot());
    if a.len() != b.len() && matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(Value::Bool(op == CmpOp::Ne));
    }
    for (x, y) in a.iter().zip(&b) {
        if !vm.eq(x, y)? {
            return match op {
                CmpOp::Eq => Ok(Value::Bool(false)),
                CmpOp::Ne => Ok(Value::Bool(true)),
                _ => vm.rich_compare(x, y, op),
            };
        }
    }
    let (m, n) = (a.len(), b.len());
    Ok(Value::Bool(match op {
        CmpOp::Lt => m < n,
        CmpOp::Le => m <= n,
        CmpOp::Eq => m == n,
        CmpOp::Ne => m != n,
        CmpOp::Gt => m > n,
        CmpOp::Ge => m >= n,
    }))
}

pub(crate) fn lt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpOp::Lt, "__lt__")
}
pub(crate) fn le(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpOp::Le, "__le__")
}
pub(crate) fn eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpOp::Eq, "__eq__")
}
pub(crate) fn ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpOp::Ne, "__ne__")
}
pub(crate) fn gt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpOp::Gt, "__gt__")
}
pub(crate) fn ge(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpOp::Ge, "__ge__")
}

/// `d + other`: a copy of `d` extended by the deque `other`.
pub(crate) fn add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "__add__")?;
    let other = arity::one(vm, &rest(&args), "deque.__add__")?;
    if other.native::<Deque>().is_none() {
        return Err(vm.type_error(format!(
            "can only concatenate deque (not \"{}\") to deque",
            vm.type_name(other)
        )));
    }
    let copy = copy_of(vm, &receiver(&args), d)?;
    if let Some(c) = copy.native::<Deque>() {
        extend_right(vm, &copy, c, other)?;
    }
    Ok(copy)
}

pub(crate) fn iadd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "__iadd__")?;
    let other = arity::one(vm, &rest(&args), "deque.__iadd__")?;
    let me = receiver(&args);
    extend_right(vm, &me, d, other)?;
    Ok(me)
}

/// The repeat count of `d * n`, with the sequence message for a non-integer.
fn repeat_count(vm: &mut Vm, n: &Value) -> PyResult<i64> {
    if as_int(n).is_none() && vm.lookup_special_heap(n, "__index__").is_none() {
        return Err(vm.type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            vm.type_name(n)
        )));
    }
    let big = to_index(vm, n)?;
    i64::try_from(&big).map_err(|_| {
        vm.overflow_error(format!(
            "cannot fit '{}' into an index-sized integer",
            vm.type_name(n)
        ))
    })
}

/// Repeat `d`'s items `n` times in place, keeping only the last `maxlen`.
fn repeat_in_place(vm: &Vm, d: &Deque, n: i64) -> PyResult<()> {
    let items = d.snapshot();
    if n <= 0 || items.is_empty() {
        drop(d.take_all());
        return Ok(());
    }
    // CPython checks size * n against PY_SSIZE_T_MAX before looking at maxlen
    // (except for a single item, which it repeats up to maxlen).
    if items.len() > 1 && items.len() as u128 * n as u128 > isize::MAX as u128 {
        return Err(vm.error(&vm.types().exc.memory_error, ""));
    }
    let total = (items.len() as u128) * (n as u128);
    let keep = d.maxlen.get().map_or(total, |m| total.min(m as u128));
    if keep > (isize::MAX as u128) / 8 {
        return Err(vm.error(&vm.types().exc.memory_error, ""));
    }
    // Reserve fallibly: `deque([1]) * 2**50` must be a MemoryError, not an abort.
    let mut repeated = std::collections::VecDeque::new();
    if repeated.try_reserve_exact(keep as usize).is_err() {
        return Err(vm.error(&vm.types().exc.memory_error, ""));
    }
    let start = total - keep;
    repeated.extend((0..keep).map(|k| items[((start + k) % items.len() as u128) as usize].clone()));
    let old = std::mem::replace(&mut *d.items.borrow_mut(), repeated);
    d.bump();
    drop(old);
    Ok(())
}

pub(crate) fn mul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "__mul__")?;
    let n = arity::one(vm, &rest(&args), "deque.__mul__")?;
    let n = repeat_count(vm, n)?;
    let copy = copy_of(vm, &receiver(&args), d)?;
    if let Some(c) = copy.native::<Deque>() {
        repeat_in_place(vm, c, n)?;
    }
    Ok(copy)
}

pub(crate) fn imul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "__imul__")?;
    let n = arity::one(vm, &rest(&args), "deque.__imul__")?;
    let n = repeat_count(vm, n)?;
    repeat_in_place(vm, d, n)?;
    Ok(receiver(&args))
}

/// `(type(d), (), state, iter(d))` or `(type(d), ((), maxlen), state, iter(d))`:
/// `state` is the instance `__dict__` of a subclass when it holds anything.
pub(crate) fn reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "__reduce__")?;
    let me = receiver(&args);
    let cls = Value::Obj(vm.type_of(&me));
    let ctor_args = match d.maxlen.get() {
        None => vm.new_tuple(vec![]),
        Some(m) => {
            let empty = vm.new_tuple(vec![]);
            vm.new_tuple(vec![empty, Value::Int(m as i64)])
        }
    };
    let state = match me.as_obj().and_then(|o| o.dict_obj()) {
        Some(dict) if matches!(&dict.payload, Payload::Dict(d) if !d.borrow().is_empty()) => {
            Value::Obj(dict)
        }
        _ => Value::None,
    };
    let it = vm.get_iter(&me)?;
    Ok(vm.new_tuple(vec![cls, ctor_args, state, it]))
}

/// `__sizeof__`: CPython's object header plus its 64-slot blocks.
pub(crate) fn sizeof(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "__sizeof__")?;
    let blocks = (d.len() + 1).div_ceil(64) as i64;
    Ok(Value::Int(632 + blocks * 528))
}
