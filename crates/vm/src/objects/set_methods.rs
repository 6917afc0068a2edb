//! The Python face of `set` and `frozenset`: methods, construction, repr, the
//! operators `| & - ^` (and in-place forms), and subset comparisons. The same
//! operators on dict key and item views live here too, because CPython defines them
//! by turning the view into a set.

use std::cell::RefCell;

use crate::error::PyResult;
use crate::object::{DictIterKind, ObjRef, Payload};
use crate::objects::function::Args;
use crate::objects::native_args::{bind, MethodName, Shape};
use crate::objects::set::{self, set_cell, SetData};
use crate::protocol::compare::CmpOp;
use crate::protocol::number::BinOp;
use crate::value::Value;
use crate::vm::Vm;

type Method = (&'static str, crate::objects::function::NativeFn);

pub fn install(vm: &Vm) {
    let t = vm.types();
    let shared: [Method; 8] = [
        ("copy", set_copy),
        ("difference", set_difference),
        ("intersection", set_intersection),
        ("isdisjoint", set_isdisjoint),
        ("issubset", set_issubset),
        ("issuperset", set_issuperset),
        ("symmetric_difference", set_symmetric_difference),
        ("union", set_union),
    ];
    crate::builtins::add_methods(vm, &t.frozenset, &shared);
    crate::builtins::add_methods(vm, &t.set, &shared);
    crate::builtins::add_methods(
        vm,
        &t.set,
        &[
            ("add", set_add),
            ("clear", set_clear),
            ("discard", set_discard),
            ("difference_update", set_difference_update),
            ("intersection_update", set_intersection_update),
            ("pop", set_pop),
            ("remove", set_remove),
            (
                "symmetric_difference_update",
                set_symmetric_difference_update,
            ),
            ("update", set_update),
        ],
    );
}

/// The receiver, checked to be a set (or frozenset, for the shared methods).
fn receiver<'a>(
    vm: &Vm,
    args: &Args<'a>,
    name: &'static str,
    shape: Shape,
) -> PyResult<(&'a Value, Vec<Option<&'a Value>>)> {
    let pos = args.pos();
    let owner = match pos.first() {
        Some(v) if set::is_frozen(vm, v) => "frozenset",
        _ => "set",
    };
    let (recv, rest) = bind(vm, args, MethodName { owner, name }, &shape)?;
    if set_cell(recv).is_none() {
        return Err(vm.type_error(format!(
            "descriptor '{name}' for 'set' objects doesn't apply to a '{}' object",
            vm.type_name(recv)
        )));
    }
    Ok((recv, rest))
}

/// A mutating method's receiver: a `set`, not a frozenset.
fn mutable_receiver<'a>(
    vm: &Vm,
    args: &Args<'a>,
    name: &'static str,
    shape: Shape,
) -> PyResult<(&'a Value, Vec<Option<&'a Value>>)> {
    let (recv, rest) = receiver(vm, args, name, shape)?;
    if set::is_frozen(vm, recv) {
        return Err(vm.type_error(format!(
            "descriptor '{name}' for 'set' objects doesn't apply to a 'frozenset' object"
        )));
    }
    Ok((recv, rest))
}

fn others(rest: Vec<Option<&Value>>) -> Vec<Value> {
    rest.into_iter().flatten().cloned().collect()
}

/// The one argument of a `Shape::One` method.
fn only<'a>(vm: &Vm, rest: &[Option<&'a Value>]) -> PyResult<&'a Value> {
    rest.first()
        .copied()
        .flatten()
        .ok_or_else(|| vm.system_error("missing argument"))
}

fn cell<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a RefCell<SetData>> {
    set_cell(v).ok_or_else(|| vm.type_error(format!("expected a set, not '{}'", vm.type_name(v))))
}

const VARARGS: Shape = Shape::Positional {
    min: 0,
    max: usize::MAX,
};
const ONE: Shape = Shape::One;

fn set_add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, rest) = mutable_receiver(vm, &args, "add", ONE)?;
    set::add(vm, cell(vm, recv)?, only(vm, &rest)?.clone())?;
    Ok(Value::None)
}

fn set_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, _) = mutable_receiver(vm, &args, "clear", Shape::NoArgs)?;
    cell(vm, recv)?.borrow_mut().clear();
    Ok(Value::None)
}

fn set_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, _) = receiver(vm, &args, "copy", Shape::NoArgs)?;
    copy(vm, recv)
}

/// `s.copy()`: an exact frozenset is its own copy.
fn copy(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let class = set::base_class(vm, v);
    if std::rc::Rc::ptr_eq(&class, &vm.type_of(v)) && set::is_frozen(vm, v) {
        return Ok(v.clone());
    }
    set::make_set(vm, &class, Some(v))
}

fn set_discard(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, rest) = mutable_receiver(vm, &args, "discard", ONE)?;
    set::discard(vm, cell(vm, recv)?, only(vm, &rest)?)?;
    Ok(Value::None)
}

fn set_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, rest) = mutable_receiver(vm, &args, "remove", ONE)?;
    let key = only(vm, &rest)?;
    if !set::discard(vm, cell(vm, recv)?, key)? {
        return Err(vm.key_error(key.clone()));
    }
    Ok(Value::None)
}

fn set_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, _) = mutable_receiver(vm, &args, "pop", Shape::NoArgs)?;
    let popped = cell(vm, recv)?.borrow_mut().pop();
    popped.ok_or_else(|| vm.key_error(vm.new_str("pop from an empty set")))
}

fn set_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, rest) = mutable_receiver(vm, &args, "update", VARARGS)?;
    for other in others(rest) {
        set::update(vm, recv, &other)?;
    }
    Ok(Value::None)
}

fn set_union(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, rest) = receiver(vm, &args, "union", VARARGS)?;
    let class = set::base_class(vm, recv);
    let result = set::make_set(vm, &class, Some(recv))?;
    for other in others(rest) {
        if !other.is(recv) {
            set::update(vm, &result, &other)?;
        }
    }
    Ok(result)
}

fn intersection_multi(vm: &mut Vm, recv: &Value, others: Vec<Value>) -> PyResult<Value> {
    if others.is_empty() {
        let class = set::base_class(vm, recv);
        return set::make_set(vm, &class, Some(recv));
    }
    let mut result = recv.clone();
    for other in others {
        result = set::intersection(vm, &result, &other)?;
    }
    Ok(result)
}

fn set_intersection(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, rest) = receiver(vm, &args, "intersection", VARARGS)?;
    intersection_multi(vm, recv, others(rest))
}

/// Replace the set's contents with `result`'s (CPython's `set_swap_bodies`).
fn take_contents(target: &Value, result: &Value) {
    if let (Some(t), Some(r)) = (set_cell(target), set_cell(result)) {
        if !std::ptr::eq(t, r) {
            let data = std::mem::take(&mut *r.borrow_mut());
            *t.borrow_mut() = data;
        }
    }
}

fn set_intersection_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, rest) = mutable_receiver(vm, &args, "intersection_update", VARARGS)?;
    let result = intersection_multi(vm, recv, others(rest))?;
    take_contents(recv, &result);
    Ok(Value::None)
}

fn set_difference(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, rest) = receiver(vm, &args, "difference", VARARGS)?;
    let mut list = others(rest).into_iter();
    let Some(first) = list.next() else {
        return copy_as_base(vm, recv);
    };
    let result = set::difference(vm, recv, &first)?;
    for other in list {
        set::difference_update(vm, &result, &other)?;
    }
    Ok(result)
}

fn copy_as_base(vm: &mut Vm, recv: &Value) -> PyResult<Value> {
    let class = set::base_class(vm, recv);
    set::make_set(vm, &class, Some(recv))
}

fn set_difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, rest) = mutable_receiver(vm, &args, "difference_update", VARARGS)?;
    for other in others(rest) {
        set::difference_update(vm, recv, &other)?;
    }
    Ok(Value::None)
}

fn set_symmetric_difference(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, rest) = receiver(vm, &args, "symmetric_difference", ONE)?;
    set::symmetric_difference(vm, recv, only(vm, &rest)?)
}

fn set_symmetric_difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, rest) = mutable_receiver(vm, &args, "symmetric_difference_update", ONE)?;
    set::symmetric_difference_update(vm, recv, only(vm, &rest)?)?;
    Ok(Value::None)
}

fn set_issubset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, rest) = receiver(vm, &args, "issubset", ONE)?;
    set::is_subset(vm, recv, only(vm, &rest)?).map(Value::Bool)
}

fn set_issuperset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, rest) = receiver(vm, &args, "issuperset", ONE)?;
    set::is_superset(vm, recv, only(vm, &rest)?).map(Value::Bool)
}

fn set_isdisjoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, rest) = receiver(vm, &args, "isdisjoint", ONE)?;
    is_disjoint(vm, recv, only(vm, &rest)?).map(Value::Bool)
}

/// `set_isdisjoint`: probe the larger set with the smaller one's entries.
pub fn is_disjoint(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<bool> {
    let scell = cell(vm, so)?;
    if so.is(other) {
        return Ok(scell.borrow().is_empty());
    }
    if let Some(ocell) = set_cell(other).filter(|_| !vm.type_is_heap(&vm.type_of(other))) {
        let (big, small) = if ocell.borrow().len() > scell.borrow().len() {
            (ocell, scell)
        } else {
            (scell, ocell)
        };
        for (k, h) in small.borrow().entries() {
            if set::contains_entry(vm, big, &k, h)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    let it = vm.get_iter(other)?;
    while let Some(item) = vm.next(&it)? {
        if set::contains(vm, scell, &item)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `set(...)` / `frozenset(...)` and their subclasses' built-in part.
pub fn construct(vm: &mut Vm, class: &ObjRef, args: Args) -> PyResult<Value> {
    let frozen = vm.is_subtype(class, &vm.types().frozenset);
    let name = if frozen { "frozenset" } else { "set" };
    if !args.kwnames.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    let pos = args.pos();
    if pos.len() > 1 {
        return Err(vm.type_error(format!(
            "{name} expected at most 1 argument, got {}",
            pos.len()
        )));
    }
    let exact_frozen = std::rc::Rc::ptr_eq(class, &vm.types().frozenset);
    if let (true, Some(v)) = (exact_frozen, pos.first()) {
        if std::rc::Rc::ptr_eq(&vm.type_of(v), class) {
            return Ok(v.clone());
        }
    }
    set::make_set(vm, class, pos.first())
}

/// `repr()` of a set: `{1, 2}`, `set()`, `frozenset({1})`, `S({1})`.
pub fn repr(vm: &mut Vm, o: &ObjRef, v: &Value) -> PyResult<String> {
    let name = vm.type_name(v);
    let items = cell(vm, v)?.borrow().keys();
    if items.is_empty() {
        return Ok(format!("{name}()"));
    }
    let exact_set = std::rc::Rc::ptr_eq(&vm.type_of(v), &vm.types().set);
    vm.with_repr_guard(o, &format!("{name}(...)"), |vm| {
        let mut parts = Vec::with_capacity(items.len());
        for it in &items {
            parts.push(vm.repr(it)?);
        }
        let body = parts.join(", ");
        Ok(if exact_set {
            format!("{{{body}}}")
        } else {
            format!("{name}({{{body}}})")
        })
    })
}

// ----- operators -----

fn is_set_view(v: &Value) -> bool {
    matches!(
        v.payload(),
        Some(Payload::DictView {
            kind: DictIterKind::Keys | DictIterKind::Items,
            ..
        })
    )
}

/// A dict view as a new set (`dictviews_to_set`): a keys view of an exact dict goes
/// through the dict itself, which sizes the table up front as CPython does.
fn view_to_set(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let source = match v.payload() {
        Some(Payload::DictView {
            dict,
            kind: DictIterKind::Keys,
        }) if !vm.type_is_heap(&vm.class_of(dict)) => Value::Obj(dict.clone()),
        _ => v.clone(),
    };
    let class = vm.types().set.clone();
    set::make_set(vm, &class, Some(&source))
}

/// `a op b` for sets and dict views; `None` is NotImplemented.
pub fn binary_op(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    if !matches!(op, BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor) {
        return Ok(None);
    }
    if set_cell(a).is_some() && set_cell(b).is_some() {
        return Ok(Some(match op {
            BinOp::Or => {
                let r = copy_as_base(vm, a)?;
                if !a.is(b) {
                    set::update(vm, &r, b)?;
                }
                r
            }
            BinOp::And => set::intersection(vm, a, b)?,
            BinOp::Sub => set::difference(vm, a, b)?,
            _ => set::symmetric_difference(vm, a, b)?,
        }));
    }
    if !is_set_view(a) && !is_set_view(b) {
        return Ok(None);
    }
    if op == BinOp::And {
        return view_intersection(vm, a, b).map(Some);
    }
    let result = if is_set_view(a) {
        view_to_set(vm, a)?
    } else {
        set::make_set(vm, &vm.types().set.clone(), Some(a))?
    };
    match op {
        BinOp::Or => set::update(vm, &result, b)?,
        BinOp::Sub => set::difference_update(vm, &result, b)?,
        _ => set::symmetric_difference_update(vm, &result, b)?,
    }
    Ok(Some(result))
}

/// `_PyDictView_Intersect`: iterate the other operand, keep what the view contains.
fn view_intersection(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let (mut view, mut other) = if is_set_view(a) {
        (a.clone(), b.clone())
    } else {
        (b.clone(), a.clone())
    };
    let view_len = vm.len(&view)?;
    if std::rc::Rc::ptr_eq(&vm.type_of(&other), &vm.types().set) && view_len <= vm.len(&other)? {
        return set::intersection(vm, &other, &view);
    }
    if is_set_view(&other) && vm.len(&other)? > view_len {
        std::mem::swap(&mut view, &mut other);
    }
    let class = vm.types().set.clone();
    let result = set::make_set(vm, &class, None)?;
    let it = vm.get_iter(&other)?;
    while let Some(item) = vm.next(&it)? {
        if vm.contains(&view, &item)? {
            set::add(vm, cell(vm, &result)?, item)?;
        }
    }
    Ok(result)
}

/// `a op= b` for a mutable set (other operand a set); `None` falls back to `a op b`.
pub fn inplace_op(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    if set_cell(a).is_none() || set::is_frozen(vm, a) || set_cell(b).is_none() {
        return Ok(None);
    }
    match op {
        BinOp::Or => set::update(vm, a, b)?,
        BinOp::And => {
            let r = set::intersection(vm, a, b)?;
            take_contents(a, &r);
        }
        BinOp::Sub => set::difference_update(vm, a, b)?,
        BinOp::Xor => set::symmetric_difference_update(vm, a, b)?,
        _ => return Ok(None),
    }
    Ok(Some(a.clone()))
}

/// Comparisons between sets, and between key/item views and sets; `None` when not
/// applicable (NotImplemented).
pub fn compare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<Option<bool>> {
    if let (Some(x), Some(y)) = (set_cell(a), set_cell(b)) {
        let (la, lb) = (x.borrow().len(), y.borrow().len());
        return Ok(Some(match op {
            CmpOp::Eq | CmpOp::Ne => {
                let cached = (x.borrow().cached_hash(), y.borrow().cached_hash());
                let eq = la == lb
                    && !matches!(cached, (Some(p), Some(q)) if p != q)
                    && set::is_subset(vm, a, b)?;
                eq == (op == CmpOp::Eq)
            }
            CmpOp::Le => set::is_subset(vm, a, b)?,
            CmpOp::Ge => set::is_superset(vm, a, b)?,
            CmpOp::Lt => la < lb && set::is_subset(vm, a, b)?,
            CmpOp::Gt => la > lb && set::is_superset(vm, a, b)?,
        }));
    }
    let set_like = |v: &Value| set_cell(v).is_some() || is_set_view(v);
    if !((is_set_view(a) && set_like(b)) || (is_set_view(b) && set_like(a))) {
        return Ok(None);
    }
    let (la, lb) = (vm.len(a)?, vm.len(b)?);
    Ok(Some(match op {
        CmpOp::Eq => la == lb && all_contained_in(vm, a, b)?,
        CmpOp::Ne => !(la == lb && all_contained_in(vm, a, b)?),
        CmpOp::Lt => la < lb && all_contained_in(vm, a, b)?,
        CmpOp::Le => la <= lb && all_contained_in(vm, a, b)?,
        CmpOp::Gt => la > lb && all_contained_in(vm, b, a)?,
        CmpOp::Ge => la >= lb && all_contained_in(vm, b, a)?,
    }))
}

fn all_contained_in(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let it = vm.get_iter(a)?;
    while let Some(item) = vm.next(&it)? {
        if !vm.contains(b, &item)? {
            return Ok(false);
        }
    }
    Ok(true)
}
