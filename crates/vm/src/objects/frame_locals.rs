//! `FrameLocalsProxy` (PEP 667): what `frame.f_locals` gives for function frames, a
//! mapping that reads and writes the frame's variables. Reads see the current fast
//! locals (the contents of cell and free variables); writes to a variable's name
//! change the variable, and other keys go to a per-frame dict of extra locals.
//! `locals()` in a function is a dict copy of the same view.

use crate::error::PyResult;
use crate::frame::code_data;
use crate::native_module::NativeObject;
use crate::object::{ObjRef, Payload};
use crate::objects::dict;
use crate::objects::frame::{frame_of, FrameObject};
use crate::objects::function::Args;
use crate::protocol::compare::CmpOp;
use crate::value::Value;
use crate::vm::Vm;
use adder_bytecode::LocalKind;

const TYPE_NAME: &str = "FrameLocalsProxy";

pub struct FrameLocalsProxy {
    /// The frame object (`Payload::Frame`).
    frame: ObjRef,
}

impl NativeObject for FrameLocalsProxy {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&Value::Obj(self.frame.clone()));
    }
}

/// A proxy over the frame object `frame`.
pub fn new_proxy(vm: &Vm, frame: &ObjRef) -> Value {
    let cls = vm.types().frame_locals_proxy.clone();
    vm.new_native_instance(
        &cls,
        FrameLocalsProxy {
            frame: frame.clone(),
        },
    )
}

/// The value fast local `i` shows: a cell's contents for cell and free variables;
/// `None` when unbound (or an empty cell).
fn visible_value(fo: &FrameObject, i: usize) -> Option<Value> {
    let raw = fo.raw_local(i);
    if raw.is_null() {
        return None;
    }
    let kind = code_data(&fo.code)
        .code
        .localsplus_kinds
        .get(i)
        .copied()
        .unwrap_or_default();
    if kind.is(LocalKind::FREE) || kind.is(LocalKind::CELL) {
        if let Some(Payload::Cell(c)) = raw.payload() {
            let v = c.borrow().clone();
            return (!v.is_null()).then_some(v);
        }
    }
    Some(raw)
}

/// The fast local named `key`: for reading, one that has a value; for writing, one
/// that is not hidden (an inlined comprehension's variable). Unhashable keys raise.
fn key_index(vm: &mut Vm, fo: &FrameObject, key: &Value, read: bool) -> PyResult<Option<usize>> {
    vm.hash(key)?;
    let Some(text) = key.as_obj().and_then(|o| o.as_str()) else {
        return Ok(None);
    };
    let co = &code_data(&fo.code).code;
    for (i, name) in co.localsplus_names.iter().enumerate() {
        if **name != *text.as_str() {
            continue;
        }
        let usable = if read {
            visible_value(fo, i).is_some()
        } else {
            !co.localsplus_kinds
                .get(i)
                .is_some_and(|k| k.is(LocalKind::HIDDEN))
        };
        if usable {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

/// Every `(name, value)` the proxy shows: bound fast locals in slot order, then the
/// extra locals.
fn entries(fo: &FrameObject) -> Vec<(Value, Value)> {
    let names = &code_data(&fo.code).localsplus_names;
    let mut out: Vec<(Value, Value)> = (0..fo.local_count())
        .filter_map(|i| Some((names.get(i)?.clone(), visible_value(fo, i)?)))
        .collect();
    if let Some(extra) = fo.extra_locals() {
        if let Some(d) = extra.as_dict() {
            out.extend(d.borrow().iter().map(|e| (e.key.clone(), e.value.clone())));
        }
    }
    out
}

/// A dict copy of what the proxy shows (`locals()`, `proxy.copy()`).
pub fn snapshot(vm: &mut Vm, fo: &FrameObject) -> PyResult<ObjRef> {
    let pairs = entries(fo);
    dict::from_pairs(vm, pairs)
}

fn get_item(vm: &mut Vm, fo: &FrameObject, key: &Value) -> PyResult<Option<Value>> {
    if let Some(i) = key_index(vm, fo, key, true)? {
        return Ok(visible_value(fo, i));
    }
    match fo.extra_locals() {
        Some(extra) => dict::get_item(vm, &extra, key),
        None => Ok(None),
    }
}

fn not_defined(vm: &mut Vm, key: &Value) -> crate::error::PyErr {
    match vm.repr(key) {
        Ok(r) => vm.error(
            &vm.types().exc.key_error.clone(),
            format!("local variable '{r}' is not defined"),
        ),
        Err(e) => e,
    }
}

/// `proxy[key] = value`: a variable of the frame is written in place (through its
/// cell for cell and free variables); any other key goes to the extra locals.
fn set_item(vm: &mut Vm, fo: &FrameObject, key: &Value, value: Value) -> PyResult<()> {
    let Some(i) = key_index(vm, fo, key, false)? else {
        let extra = fo.extra_locals_or_new(vm);
        return dict::set_item(vm, &extra, key.clone(), value);
    };
    let raw = fo.raw_local(i);
    let kind = code_data(&fo.code)
        .code
        .localsplus_kinds
        .get(i)
        .copied()
        .unwrap_or_default();
    let cell = match raw.payload() {
        Some(Payload::Cell(c)) if kind.is(LocalKind::FREE) || kind.is(LocalKind::CELL) => Some(c),
        _ => None,
    };
    let old = match cell {
        Some(c) => c.replace(value),
        None => fo.set_raw_local(i, value),
    };
    drop(old);
    Ok(())
}

/// Remove an extra local; variables of the frame cannot be removed.
fn remove_item(vm: &mut Vm, fo: &FrameObject, key: &Value) -> PyResult<Option<Value>> {
    if key_index(vm, fo, key, false)?.is_some() {
        return Err(vm.value_error("cannot remove local variables from FrameLocalsProxy"));
    }
    match fo.extra_locals() {
        Some(extra) => dict::del_item(vm, &extra, key),
        None => Ok(None),
    }
}

fn is_mapping_operand(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Dict(_))) || v.native::<FrameLocalsProxy>().is_some()
}

/// Write every item of a dict or proxy `other` through the proxy.
fn merge(vm: &mut Vm, fo: &FrameObject, other: &Value) -> PyResult<()> {
    let keys = vm.call_method_by_name(other, "keys", &[])?;
    let keys = vm.collect_iterable(&keys)?;
    for key in keys {
        let value = vm.get_item(other, &key)?;
        set_item(vm, fo, &key, value)?;
    }
    Ok(())
}

pub fn install(vm: &Vm) {
    let t = vm.types();
    crate::builtins::add_methods(
        vm,
        &t.frame_locals_proxy,
        &[
            ("__new__", proxy_new),
            ("__getitem__", getitem),
            ("__setitem__", setitem),
            ("__delitem__", delitem),
            ("__contains__", contains),
            ("__len__", len),
            ("__iter__", iter),
            ("__reversed__", reversed),
            ("__repr__", repr),
            ("__or__", or),
            ("__ror__", ror),
            ("__ior__", ior),
            ("keys", keys),
            ("values", values),
            ("items", items),
            ("get", get),
            ("setdefault", setdefault),
            ("pop", pop),
            ("update", update),
            ("copy", copy),
        ],
    );
    crate::builtins::add_methods(
        vm,
        &t.frame_locals_proxy,
        &crate::objects::mappingproxy::rich_compare_methods!(compare),
    );
    if let Some(d) = t.frame_locals_proxy.dict_obj() {
        dict::set_str(vm, &d, "__hash__", Value::None);
    }
}

/// The receiver's frame object and the arguments after it, checking their count
/// (`min..=max`) with the message of a `METH_O`/`METH_NOARGS` method.
fn receiver<'a>(
    vm: &Vm,
    args: &'a Args,
    name: &str,
    arity: std::ops::RangeInclusive<usize>,
) -> PyResult<(&'a FrameObject, &'a [Value])> {
    let fo = proxied_frame(vm, args, name)?;
    if !args.kwnames.is_empty() {
        return Err(vm.type_error(format!("{TYPE_NAME}.{name}() takes no keyword arguments")));
    }
    let rest = args.pos().get(1..).unwrap_or(&[]);
    if !arity.contains(&rest.len()) {
        let message = match (arity.start(), arity.end()) {
            (0, 0) => format!(
                "{TYPE_NAME}.{name}() takes no arguments ({} given)",
                rest.len()
            ),
            (1, 1) => format!(
                "{TYPE_NAME}.{name}() takes exactly one argument ({} given)",
                rest.len()
            ),
            _ => format!("{name} expected 1 or 2 arguments"),
        };
        return Err(vm.type_error(message));
    }
    Ok((fo, rest))
}

/// The frame object behind the receiving proxy.
fn proxied_frame<'a>(vm: &Vm, args: &'a Args, name: &str) -> PyResult<&'a FrameObject> {
    let proxy = vm.native_self::<FrameLocalsProxy>(args, name, TYPE_NAME)?;
    match &proxy.frame.payload {
        Payload::Frame(fo) => Ok(fo),
        _ => Err(vm.system_error("FrameLocalsProxy without a frame")),
    }
}

fn proxy_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos().get(1..).unwrap_or(&[]);
    let [frame] = pos else {
        return Err(vm.type_error(format!(
            "FrameLocalsProxy expected 1 argument, got {}",
            pos.len()
        )));
    };
    if frame_of(frame).is_none() {
        return Err(vm.type_error(format!("expect frame, not {}", vm.type_name(frame))));
    }
    if !args.kwnames.is_empty() {
        return Err(vm.type_error("FrameLocalsProxy takes no keyword arguments"));
    }
    let Value::Obj(frame) = frame else {
        return Err(vm.type_error("expect frame"));
    };
    Ok(new_proxy(vm, frame))
}

fn getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (fo, rest) = receiver(vm, &args, "__getitem__", 1..=1)?;
    let key = &rest[0];
    match get_item(vm, fo, key)? {
        Some(v) => Ok(v),
        None => Err(not_defined(vm, key)),
    }
}

fn setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (fo, rest) = receiver(vm, &args, "__setitem__", 2..=2)?;
    set_item(vm, fo, &rest[0], rest[1].clone())?;
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (fo, rest) = receiver(vm, &args, "__delitem__", 1..=1)?;
    match remove_item(vm, fo, &rest[0])? {
        Some(_) => Ok(Value::None),
        None => Err(vm.key_error(rest[0].clone())),
    }
}

fn contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (fo, rest) = receiver(vm, &args, "__contains__", 1..=1)?;
    let found = get_item(vm, fo, &rest[0])?.is_some();
    Ok(Value::Bool(found))
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (fo, _) = receiver(vm, &args, "__len__", 0..=0)?;
    Ok(Value::Int(entries(fo).len() as i64))
}

fn key_list(fo: &FrameObject) -> Vec<Value> {
    entries(fo).into_iter().map(|(k, _)| k).collect()
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (fo, _) = receiver(vm, &args, "__iter__", 0..=0)?;
    let keys = vm.new_list(key_list(fo));
    vm.get_iter(&keys)
}

fn reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (fo, _) = receiver(vm, &args, "__reversed__", 0..=0)?;
    let mut keys = key_list(fo);
    keys.reverse();
    Ok(vm.new_list(keys))
}

fn keys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (fo, _) = receiver(vm, &args, "keys", 0..=0)?;
    Ok(vm.new_list(key_list(fo)))
}

fn values(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (fo, _) = receiver(vm, &args, "values", 0..=0)?;
    let values = entries(fo).into_iter().map(|(_, v)| v);
    Ok(vm.new_list(values.collect()))
}

fn items(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (fo, _) = receiver(vm, &args, "items", 0..=0)?;
    let pairs = entries(fo)
        .into_iter()
        .map(|(k, v)| vm.new_tuple(vec![k, v]))
        .collect();
    Ok(vm.new_list(pairs))
}

fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (fo, _) = receiver(vm, &args, "copy", 0..=0)?;
    snapshot(vm, fo).map(Value::Obj)
}

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (fo, _) = receiver(vm, &args, "__repr__", 0..=0)?;
    let Some(Value::Obj(me)) = args.pos().first() else {
        return Ok(Value::None);
    };
    let me = me.clone();
    let text = vm.with_repr_guard(&me, "{...}", |vm| {
        let d = snapshot(vm, fo)?;
        vm.repr(&Value::Obj(d))
    })?;
    Ok(vm.new_str(&text))
}

/// `==`/`!=`: two proxies are equal when they view the same frame; a dict compares
/// with a copy of the proxy.
fn compare(vm: &mut Vm, args: &Args, name: &str, op: CmpOp) -> PyResult<Value> {
    let (fo, rest) = receiver(vm, args, name, 1..=1)?;
    let other = &rest[0];
    if let Some(p) = other.native::<FrameLocalsProxy>() {
        if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
            return Ok(vm.types().not_implemented.clone());
        }
        let same = matches!(&p.frame.payload, Payload::Frame(other) if std::ptr::eq(&**other, fo));
        return Ok(Value::Bool(same == matches!(op, CmpOp::Eq)));
    }
    if matches!(other.payload(), Some(Payload::Dict(_))) {
        let d = snapshot(vm, fo)?;
        return vm.rich_compare(&Value::Obj(d), other, op);
    }
    Ok(vm.types().not_implemented.clone())
}

/// A new dict holding `first`'s items, then `second`'s.
fn union(vm: &mut Vm, first: &Value, second: &Value) -> PyResult<Value> {
    let d = vm.new_dict();
    vm.dict_update_from(&d, first)?;
    vm.dict_update_from(&d, second)?;
    Ok(Value::Obj(d))
}

fn or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, rest) = receiver(vm, &args, "__or__", 1..=1)?;
    if !is_mapping_operand(&rest[0]) {
        return Ok(vm.types().not_implemented.clone());
    }
    union(vm, &args.pos()[0], &rest[0])
}

fn ror(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, rest) = receiver(vm, &args, "__ror__", 1..=1)?;
    union(vm, &rest[0], &args.pos()[0])
}

/// `proxy |= mapping`: write the items through; failures give NotImplemented, as in
/// CPython.
fn ior(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (fo, rest) = receiver(vm, &args, "__ior__", 1..=1)?;
    if !is_mapping_operand(&rest[0]) || merge(vm, fo, &rest[0]).is_err() {
        return Ok(vm.types().not_implemented.clone());
    }
    Ok(args.pos()[0].clone())
}

fn update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (fo, rest) = receiver(vm, &args, "update", 1..=1)?;
    if !is_mapping_operand(&rest[0]) || merge(vm, fo, &rest[0]).is_err() {
        return Err(vm.type_error("update() argument must be dict or another FrameLocalsProxy"));
    }
    Ok(Value::None)
}

fn get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (fo, rest) = receiver(vm, &args, "get", 1..=2)?;
    let found = get_item(vm, fo, &rest[0])?;
    Ok(found.unwrap_or_else(|| rest.get(1).cloned().unwrap_or(Value::None)))
}

fn setdefault(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (fo, rest) = receiver(vm, &args, "setdefault", 1..=2)?;
    if let Some(v) = get_item(vm, fo, &rest[0])? {
        return Ok(v);
    }
    let default = rest.get(1).cloned().unwrap_or(Value::None);
    set_item(vm, fo, &rest[0], default.clone())?;
    Ok(default)
}

fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fo = proxied_frame(vm, &args, "pop")?;
    if !args.kwnames.is_empty() {
        return Err(vm.type_error("pop() takes no keyword arguments"));
    }
    let rest = args.pos().get(1..).unwrap_or(&[]);
    let key = match rest {
        [] => return Err(vm.type_error("pop expected at least 1 argument, got 0")),
        [_, _, _, ..] => {
            return Err(vm.type_error(format!(
                "pop expected at most 2 arguments, got {}",
                rest.len()
            )))
        }
        [key, ..] => key,
    };
    match remove_item(vm, fo, key)? {
        Some(v) => Ok(v),
        None => match rest.get(1) {
            Some(default) => Ok(default.clone()),
            None => Err(vm.key_error(key.clone())),
        },
    }
}
