//! The methods of `list` (CPython's `Objects/listobject.c`), including the stable
//! sort that `sorted()` shares.

use std::cell::RefCell;

use crate::builtins::add_methods;
use crate::error::PyResult;
use crate::object::Payload;
use crate::objects::function::Args;
use crate::objects::native_args::{bind, MethodName, Shape};
use crate::objects::str_stand_in::unexpected_keyword;
use crate::protocol::attr::name_str;
use crate::protocol::compare::CmpOp;
use crate::protocol::number::{as_int, IntRef};
use crate::value::Value;
use crate::vm::Vm;

pub fn install(vm: &Vm) {
    add_methods(
        vm,
        &vm.types().list.clone(),
        &[
            ("append", list_append),
            ("clear", list_clear),
            ("copy", list_copy),
            ("count", list_count),
            ("extend", list_extend),
            ("index", list_index),
            ("insert", list_insert),
            ("pop", list_pop),
            ("remove", list_remove),
            ("reverse", list_reverse),
            ("sort", list_sort),
        ],
    );
}

/// The receiver's storage and the bound arguments.
fn receiver<'a>(
    vm: &Vm,
    args: &Args<'a>,
    name: &'static str,
    shape: Shape,
) -> PyResult<(&'a RefCell<Vec<Value>>, Vec<Value>)> {
    let (recv, rest) = bind(
        vm,
        args,
        MethodName {
            owner: "list",
            name,
        },
        &shape,
    )?;
    match recv.payload() {
        Some(Payload::List(l)) => Ok((l, rest.into_iter().flatten().cloned().collect())),
        _ => Err(vm.type_error(format!(
            "descriptor '{name}' for 'list' objects doesn't apply to a '{}' object",
            vm.type_name(recv)
        ))),
    }
}

/// Exactly `n` positional arguments, with `_PyArg_CheckPositional`'s message.
fn exactly(vm: &Vm, args: &Args, name: &str, n: usize) -> PyResult<()> {
    let given = args.pos().len().saturating_sub(1);
    if given != n {
        return Err(vm.type_error(format!("{name} expected {n} arguments, got {given}")));
    }
    Ok(())
}

/// The list and the argument of a call `l.method(x)`: the common shape, checked
/// without building argument vectors (`None` sends the call the general way).
fn list_and_one<'a>(args: &Args<'a>) -> Option<(&'a RefCell<Vec<Value>>, &'a Value)> {
    match args.pos() {
        [Value::Obj(recv), arg] if args.kwnames.is_empty() => match &recv.payload {
            Payload::List(l) => Some((l, arg)),
            _ => None,
        },
        _ => None,
    }
}

fn list_append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some((l, item)) = list_and_one(&args) {
        l.borrow_mut().push(item.clone());
        return Ok(Value::None);
    }
    let (l, mut rest) = receiver(vm, &args, "append", Shape::One)?;
    l.borrow_mut().push(rest.remove(0));
    Ok(Value::None)
}

fn list_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (l, _) = receiver(vm, &args, "clear", Shape::NoArgs)?;
    let old = std::mem::take(&mut *l.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn list_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (l, _) = receiver(vm, &args, "copy", Shape::NoArgs)?;
    let items = l.borrow().clone();
    Ok(vm.new_list(items))
}

fn list_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (l, rest) = receiver(vm, &args, "count", Shape::One)?;
    let mut n = 0;
    let mut i = 0;
    loop {
        let Some(item) = l.borrow().get(i).cloned() else {
            break;
        };
        if vm.eq(&item, &rest[0])? {
            n += 1;
        }
        i += 1;
    }
    Ok(Value::Int(n))
}

fn list_extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (l, rest) = receiver(vm, &args, "extend", Shape::One)?;
    let items = vm.collect_iterable(&rest[0])?;
    l.borrow_mut().extend(items);
    Ok(Value::None)
}

/// A `start`/`stop` argument of `index()`: an int (big ones clamp) or `__index__`.
pub fn search_bound(vm: &mut Vm, v: Option<&Value>, default: isize) -> PyResult<isize> {
    let Some(v) = v else { return Ok(default) };
    match as_int(v) {
        Some(IntRef::Small(i)) => Ok(i.clamp(isize::MIN as i64, isize::MAX as i64) as isize),
        Some(IntRef::Big(b)) => Ok(if b.sign() == dashu_base::Sign::Negative {
            isize::MIN
        } else {
            isize::MAX
        }),
        None if vm.lookup_special_heap(v, "__index__").is_some() => vm.index_value(v),
        None => Err(vm.type_error("slice indices must be integers or have an __index__ method")),
    }
}

/// `start`/`stop` of `index()` made non-negative against `len` (CPython clamps only below).
pub fn search_range(
    vm: &mut Vm,
    start: Option<&Value>,
    stop: Option<&Value>,
    len: usize,
) -> PyResult<(usize, usize)> {
    let fix = |i: isize| {
        if i < 0 {
            (i + len as isize).max(0) as usize
        } else {
            i as usize
        }
    };
    let start = fix(search_bound(vm, start, 0)?);
    let stop = fix(search_bound(vm, stop, isize::MAX)?);
    Ok((start, stop))
}

fn list_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (l, rest) = receiver(vm, &args, "index", Shape::Positional { min: 1, max: 3 })?;
    let len = l.borrow().len();
    let (start, stop) = search_range(vm, rest.get(1), rest.get(2), len)?;
    let mut i = start;
    while i < stop {
        let Some(item) = l.borrow().get(i).cloned() else {
            break;
        };
        if vm.eq(&item, &rest[0])? {
            return Ok(Value::Int(i as i64));
        }
        i += 1;
    }
    Err(vm.value_error("list.index(x): x not in list"))
}

fn list_insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exactly(vm, &args, "insert", 2)?;
    let (l, mut rest) = receiver(vm, &args, "insert", Shape::Positional { min: 2, max: 2 })?;
    let i = vm.index_value(&rest[0])?;
    let len = l.borrow().len() as isize;
    let at = if i < 0 { (i + len).max(0) } else { i.min(len) };
    l.borrow_mut().insert(at as usize, rest.remove(1));
    Ok(Value::None)
}

fn list_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (l, rest) = receiver(vm, &args, "pop", Shape::Positional { min: 0, max: 1 })?;
    let i = match rest.first() {
        Some(v) => vm.index_value(v)?,
        None => -1,
    };
    let len = l.borrow().len();
    if len == 0 {
        return Err(vm.index_error("pop from empty list"));
    }
    let j = if i < 0 { i + len as isize } else { i };
    if j < 0 || j as usize >= len {
        return Err(vm.index_error("pop index out of range"));
    }
    let item = l.borrow_mut().remove(j as usize);
    Ok(item)
}

fn list_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (l, rest) = receiver(vm, &args, "remove", Shape::One)?;
    let mut i = 0;
    loop {
        let Some(item) = l.borrow().get(i).cloned() else {
            break;
        };
        if vm.eq(&item, &rest[0])? {
            let mut list = l.borrow_mut();
            if i < list.len() {
                list.remove(i);
            }
            return Ok(Value::None);
        }
        i += 1;
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}

fn list_reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (l, _) = receiver(vm, &args, "reverse", Shape::NoArgs)?;
    l.borrow_mut().reverse();
    Ok(Value::None)
}

/// `list.sort(*, key=None, reverse=False)`: stable, using only `<` as CPython. While
/// sorting, the list appears empty; changes made by comparisons raise ValueError.
pub fn list_sort(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    let Some(recv) = pos.first() else {
        return Err(vm.type_error("unbound method list.sort() needs an argument"));
    };
    if pos.len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let mut key = Value::None;
    let mut reverse = false;
    for (k, v) in args.kwargs() {
        match name_str(k) {
            "key" => key = v.clone(),
            "reverse" => reverse = vm.is_true(v)?,
            _ => return Err(unexpected_keyword(vm, "sort", k)),
        }
    }
    let Some(Payload::List(l)) = recv.payload() else {
        return Err(vm.type_error(format!(
            "descriptor 'sort' for 'list' objects doesn't apply to a '{}' object",
            vm.type_name(recv)
        )));
    };
    // As CPython, the items are sorted away from the list, which looks empty meanwhile;
    // what the list holds at the end is the sort's work, even when it failed.
    let items = std::mem::take(&mut *l.borrow_mut());
    let (sorted, result) = sort_values(vm, items, &key, reverse);
    let mutated = !l.borrow().is_empty();
    *l.borrow_mut() = sorted;
    result?;
    if mutated {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(Value::None)
}

/// The items in their new order, and the error that stopped the sort if any: a
/// failing key function leaves the order unchanged, a failing comparison leaves the
/// merges done so far (CPython sorts the list's buffer in place).
fn sort_values(
    vm: &mut Vm,
    items: Vec<Value>,
    key: &Value,
    reverse: bool,
) -> (Vec<Value>, PyResult<()>) {
    let mut keys = Vec::with_capacity(if key.is_none() { 0 } else { items.len() });
    if !key.is_none() {
        for it in &items {
            match vm.call(key, std::slice::from_ref(it)) {
                Ok(k) => keys.push(k),
                Err(e) => return (items, Err(e)),
            }
        }
    }
    let mut keyed: Vec<crate::objects::list_sort::Keyed> = if key.is_none() {
        items.into_iter().map(|it| (it.clone(), it)).collect()
    } else {
        keys.into_iter().zip(items).collect()
    };
    // Reversing before and after a stable sort keeps equal items in original order.
    if reverse {
        keyed.reverse();
    }
    let mut lt = |a: &Value, b: &Value| -> PyResult<bool> {
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            return Ok(x < y);
        }
        let r = vm.rich_compare(a, b, CmpOp::Lt)?;
        vm.is_true(&r)
    };
    let result = crate::objects::list_sort::sort(&mut keyed, &mut lt);
    let mut out: Vec<Value> = keyed.into_iter().map(|(_, v)| v).collect();
    if reverse {
        out.reverse();
    }
    (out, result)
}
