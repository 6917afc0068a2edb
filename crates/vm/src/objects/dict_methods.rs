//! The methods of `dict` (CPython's `Objects/dictobject.c`), the `|` and `|=`
//! operators, and the view types `dict_keys`, `dict_values` and `dict_items`
//! (repr, membership, `isdisjoint`; their set operators are in `set_methods`).

use crate::builtins::add_methods;
use crate::error::PyResult;
use crate::object::{DictIterKind, ObjRef, Payload, PyObject};
use crate::objects::dict;
use crate::objects::function::Args;
use crate::objects::native_args::{bind, MethodName, Shape};
use crate::protocol::number::BinOp;
use crate::value::Value;
use crate::vm::Vm;

pub fn install(vm: &Vm) {
    let t = vm.types();
    add_methods(
        vm,
        &t.dict,
        &[
            ("clear", dict_clear),
            ("copy", dict_copy),
            ("get", dict_get),
            ("items", dict_items),
            ("keys", dict_keys),
            ("pop", dict_pop),
            ("popitem", dict_popitem),
            ("setdefault", dict_setdefault),
            ("update", dict_update),
            ("values", dict_values),
        ],
    );
    add_class_methods(vm, &t.dict, &[("fromkeys", dict_fromkeys)]);
    for view in [&t.dict_keys, &t.dict_items] {
        add_methods(vm, view, &[("isdisjoint", view_isdisjoint)]);
    }
}

/// Built-in class methods: looked up on the class or an instance, they receive the
/// class first (CPython's `classmethod_descriptor`).
pub fn add_class_methods(
    vm: &Vm,
    ty: &ObjRef,
    methods: &[(&'static str, crate::objects::function::NativeFn)],
) {
    if let Some(d) = ty.dict_obj() {
        for (name, f) in methods {
            let func = crate::builtins::new_builtin(vm, name, *f, None);
            let descr = Value::obj(PyObject::new(
                vm.types().classmethod_descriptor.clone(),
                Payload::ClassMethodDescriptor(func),
            ));
            dict::set_str(vm, &d, name, descr);
        }
    }
}

fn receiver(
    vm: &Vm,
    args: &Args,
    name: &'static str,
    shape: Shape,
) -> PyResult<(ObjRef, Vec<Value>)> {
    let (recv, rest) = bind(
        vm,
        args,
        MethodName {
            owner: "dict",
            name,
        },
        &shape,
    )?;
    match recv.as_obj() {
        Some(o) if o.as_dict().is_some() => {
            Ok((o.clone(), rest.into_iter().flatten().cloned().collect()))
        }
        _ => Err(vm.type_error(format!(
            "descriptor '{name}' for 'dict' objects doesn't apply to a '{}' object",
            vm.type_name(recv)
        ))),
    }
}

fn storage<'a>(vm: &Vm, d: &'a ObjRef) -> PyResult<&'a std::cell::RefCell<dict::DictData>> {
    d.as_dict()
        .ok_or_else(|| vm.system_error("expected a dict"))
}

fn dict_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, _) = receiver(vm, &args, "clear", Shape::NoArgs)?;
    let old = std::mem::take(&mut *storage(vm, &d)?.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn dict_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, _) = receiver(vm, &args, "copy", Shape::NoArgs)?;
    let data = storage(vm, &d)?.borrow().clone();
    Ok(Value::Obj(vm.new_dict_with(data)))
}

fn dict_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, rest) = receiver(vm, &args, "get", Shape::Positional { min: 1, max: 2 })?;
    let found = dict::get_item(vm, &d, &rest[0])?;
    Ok(found.unwrap_or_else(|| rest.get(1).cloned().unwrap_or(Value::None)))
}

fn dict_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, rest) = receiver(vm, &args, "pop", Shape::Positional { min: 1, max: 2 })?;
    match dict::del_item(vm, &d, &rest[0])? {
        Some(v) => Ok(v),
        None => match rest.get(1) {
            Some(default) => Ok(default.clone()),
            None => Err(vm.key_error(rest[0].clone())),
        },
    }
}

fn dict_popitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, _) = receiver(vm, &args, "popitem", Shape::NoArgs)?;
    let mut data = storage(vm, &d)?
        .try_borrow_mut()
        .map_err(|_| vm.runtime_error("dictionary changed size during iteration"))?;
    let Some(ix) = data.last_index() else {
        drop(data);
        return Err(vm.key_error(vm.new_str("popitem(): dictionary is empty")));
    };
    let entry = data.remove_entry(ix);
    drop(data);
    Ok(vm.new_tuple(vec![entry.key, entry.value]))
}

fn dict_setdefault(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, rest) = receiver(
        vm,
        &args,
        "setdefault",
        Shape::Positional { min: 1, max: 2 },
    )?;
    if let Some(v) = dict::get_item(vm, &d, &rest[0])? {
        return Ok(v);
    }
    let default = rest.get(1).cloned().unwrap_or(Value::None);
    dict::set_item(vm, &d, rest[0].clone(), default.clone())?;
    Ok(default)
}

fn dict_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    let Some(recv) = pos.first() else {
        return Err(vm.type_error("unbound method dict.update() needs an argument"));
    };
    let Some(d) = recv.as_obj().filter(|o| o.as_dict().is_some()).cloned() else {
        return Err(vm.type_error(format!(
            "descriptor 'update' for 'dict' objects doesn't apply to a '{}' object",
            vm.type_name(recv)
        )));
    };
    if pos.len() > 2 {
        return Err(vm.type_error(format!(
            "update expected at most 1 argument, got {}",
            pos.len() - 1
        )));
    }
    if let Some(other) = pos.get(1) {
        update_arg(vm, &d, other)?;
    }
    for (k, v) in args.kwargs() {
        dict::set_item(vm, &d, k.clone(), v.clone())?;
    }
    Ok(Value::None)
}

/// `dict_update_arg`: merge a mapping (a dict, or anything with `keys()`), or add the
/// pairs of an iterable.
pub fn update_arg(vm: &mut Vm, d: &ObjRef, other: &Value) -> PyResult<()> {
    let is_mapping = matches!(other.payload(), Some(Payload::Dict(_))) || {
        let keys = vm.new_str("keys");
        vm.lookup_attr(other, &keys)?.is_some()
    };
    if is_mapping {
        return vm.dict_update_from(d, other);
    }
    let it = vm.get_iter(other)?;
    let mut n = 0;
    while let Some(item) = vm.next(&it)? {
        let pair_iter = vm
            .get_iter(&item)
            .map_err(|_| vm.type_error("object is not iterable"))?;
        let mut pair = Vec::with_capacity(2);
        while let Some(x) = vm.next(&pair_iter)? {
            pair.push(x);
        }
        if pair.len() != 2 {
            return Err(vm.value_error(format!(
                "dictionary update sequence element #{n} has length {}; 2 is required",
                pair.len()
            )));
        }
        let value = pair.pop().unwrap_or(Value::None);
        let key = pair.pop().unwrap_or(Value::None);
        dict::set_item(vm, d, key, value)?;
        n += 1;
    }
    Ok(())
}

fn dict_fromkeys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (class, rest) = bind(
        vm,
        &args,
        MethodName {
            owner: "dict",
            name: "fromkeys",
        },
        &Shape::Positional { min: 1, max: 2 },
    )?;
    let rest: Vec<Value> = rest.into_iter().flatten().cloned().collect();
    let value = rest.get(1).cloned().unwrap_or(Value::None);
    let target = vm.call(class, &[])?;
    let keys = vm.collect_iterable(&rest[0])?;
    for k in keys {
        match target
            .as_obj()
            .filter(|o| o.as_dict().is_some() && !vm.type_is_heap(&vm.class_of(o)))
        {
            Some(d) => dict::set_item(vm, &d.clone(), k, value.clone())?,
            None => vm.set_item(&target, &k, value.clone())?,
        }
    }
    Ok(target)
}

fn new_view(vm: &Vm, d: ObjRef, kind: DictIterKind) -> Value {
    let t = vm.types();
    let class = match kind {
        DictIterKind::Keys => &t.dict_keys,
        DictIterKind::Values => &t.dict_values,
        DictIterKind::Items => &t.dict_items,
    };
    Value::obj(PyObject::new(
        class.clone(),
        Payload::DictView { dict: d, kind },
    ))
}

fn dict_keys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, _) = receiver(vm, &args, "keys", Shape::NoArgs)?;
    Ok(new_view(vm, d, DictIterKind::Keys))
}

fn dict_values(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, _) = receiver(vm, &args, "values", Shape::NoArgs)?;
    Ok(new_view(vm, d, DictIterKind::Values))
}

fn dict_items(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, _) = receiver(vm, &args, "items", Shape::NoArgs)?;
    Ok(new_view(vm, d, DictIterKind::Items))
}

/// `d | other` and `d |= other`; `None` is NotImplemented.
pub fn binary_op(
    vm: &mut Vm,
    a: &Value,
    b: &Value,
    op: BinOp,
    inplace: bool,
) -> PyResult<Option<Value>> {
    let (Some(Payload::Dict(data)), BinOp::Or) = (a.payload(), op) else {
        return Ok(None);
    };
    let a_obj = a.as_obj().cloned().ok_or_else(|| vm.system_error("dict"))?;
    if inplace {
        update_arg(vm, &a_obj, b)?;
        return Ok(Some(a.clone()));
    }
    if !matches!(b.payload(), Some(Payload::Dict(_))) {
        return Ok(None);
    }
    let copy = vm.new_dict_with(data.borrow().clone());
    update_arg(vm, &copy, b)?;
    Ok(Some(Value::Obj(copy)))
}

/// `repr()` of a view: `dict_keys([1, 2])`.
pub fn view_repr(vm: &mut Vm, o: &ObjRef, v: &Value) -> PyResult<String> {
    let name = vm.type_name(v);
    vm.with_repr_guard(o, "...", |vm| {
        let items = vm.collect_iterable(v)?;
        let list = vm.new_list(items);
        Ok(format!("{name}({})", vm.repr(&list)?))
    })
}

/// `x in view`.
pub fn view_contains(vm: &mut Vm, d: &ObjRef, kind: DictIterKind, item: &Value) -> PyResult<bool> {
    match kind {
        DictIterKind::Keys => Ok(dict::get_item(vm, d, item)?.is_some()),
        DictIterKind::Items => {
            let Some(Payload::Tuple(pair)) = item.payload() else {
                return Ok(false);
            };
            let [key, value] = &pair[..] else {
                return Ok(false);
            };
            match dict::get_item(vm, d, key)? {
                Some(found) => vm.eq(&found, value),
                None => Ok(false),
            }
        }
        DictIterKind::Values => {
            let values = storage(vm, d)?.borrow().values();
            for v in values {
                if vm.eq(&v, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

/// `view.isdisjoint(other)`: iterate the smaller side when both have a length.
fn view_isdisjoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let owner = match args.pos().first().and_then(|v| v.payload()) {
        Some(Payload::DictView {
            kind: DictIterKind::Items,
            ..
        }) => "dict_items",
        _ => "dict_keys",
    };
    let (recv, rest) = bind(
        vm,
        &args,
        MethodName {
            owner,
            name: "isdisjoint",
        },
        &Shape::One,
    )?;
    let other = rest[0].cloned().unwrap_or(Value::None);
    if recv.is(&other) {
        return Ok(Value::Bool(vm.len(recv)? == 0));
    }
    let sized = crate::objects::set::set_cell(&other).is_some()
        || matches!(other.payload(), Some(Payload::DictView { .. }));
    let (probe, source) = if sized && vm.len(&other)? > vm.len(recv)? {
        (other.clone(), recv.clone())
    } else {
        (recv.clone(), other)
    };
    let it = vm.get_iter(&source)?;
    while let Some(item) = vm.next(&it)? {
        if vm.contains(&probe, &item)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}
