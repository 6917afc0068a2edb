//! The `_weakref` module: `ref` (`ReferenceType`), `ProxyType`, `CallableProxyType`,
//! `getweakrefcount`, `getweakrefs`, `proxy`, `_remove_dead_weakref`. The weak
//! reference machinery itself (lists on referents, clearing at death) is the VM's
//! (`adder_vm::gc::weakref`); `weakref.py` builds on this module.

mod proxy;

use adder_vm::gc::weakref::{self as wr, WeakKind, WeakRefData};
use adder_vm::native_module::{add_functions, add_type, new_native_type, NativeTypeSpec};
use adder_vm::object::ObjRef;
use adder_vm::objects::dict;
use adder_vm::objects::function::{Args, NativeFn};
use adder_vm::protocol::compare::CmpOp;
use adder_vm::{PyResult, Value, Vm};

use crate::native_util::add_getters;

/// The three types, kept for the functions that create instances.
struct WeakrefTypes {
    reference: ObjRef,
    proxy: ObjRef,
    callable_proxy: ObjRef,
}

fn types(vm: &Vm) -> PyResult<std::rc::Rc<WeakrefTypes>> {
    vm.native_state::<WeakrefTypes>()
        .ok_or_else(|| vm.system_error("_weakref is not initialised"))
}

/// `(object, callback)` of `ref(object[, callback])` and `proxy(...)`.
fn target_and_callback<'a>(vm: &Vm, args: &'a [Value], name: &str) -> PyResult<(&'a Value, Value)> {
    match args {
        [ob] => Ok((ob, Value::None)),
        [ob, cb] => Ok((ob, cb.clone())),
        [] => Err(vm.type_error(format!("{name} expected at least 1 argument, got 0"))),
        more => Err(vm.type_error(format!(
            "{name} expected at most 2 arguments, got {}",
            more.len()
        ))),
    }
}

/// `ReferenceType.__new__(cls, ob, callback=None)`.
fn ref_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    let Some(cls) = pos
        .first()
        .and_then(|c| c.as_obj())
        .filter(|c| c.as_type().is_some())
    else {
        return Err(vm.type_error("ReferenceType.__new__(X): X is not a type object"));
    };
    let (ob, callback) = target_and_callback(vm, &pos[1..], "__new__")?;
    let target = wr::weakrefable(vm, ob)?;
    let base = types(vm)?.reference.clone();
    Ok(wr::new_weakref(
        vm,
        cls,
        &base,
        &target,
        callback,
        WeakKind::Ref,
    ))
}

/// `ReferenceType.__init__`: everything was done by `__new__`.
fn ref_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    target_and_callback(vm, args.pos().get(1..).unwrap_or(&[]), "__init__")?;
    Ok(Value::None)
}

fn data<'a>(vm: &Vm, args: &'a Args, method: &str) -> PyResult<&'a WeakRefData> {
    vm.native_self::<WeakRefData>(args, method, "weakref.ReferenceType")
}

/// `r()`: the referent, or None once it died.
fn ref_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = data(vm, &args, "__call__")?;
    // CPython: `_PyArg_NoKeywords("weakref")`, then `PyArg_UnpackTuple(.., 0, 0)`.
    crate::arity::positional(
        vm,
        &crate::native_util::after_receiver(&args),
        "weakref",
        "weakref",
        0,
        0,
    )?;
    Ok(d.referent().map_or(Value::None, Value::Obj))
}

/// The referent's hash, computed once and kept.
fn ref_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = data(vm, &args, "__hash__")?;
    if let Some(h) = d.cached_hash() {
        return Ok(Value::Int(h));
    }
    let Some(target) = d.referent() else {
        return Err(vm.type_error("weak object has gone away"));
    };
    let h = vm.hash(&Value::Obj(target))?;
    d.set_cached_hash(h);
    Ok(Value::Int(h))
}

/// `==` and `!=`: by referent while both live, else by identity.
fn ref_compare(vm: &mut Vm, args: &Args, op: CmpOp) -> PyResult<Value> {
    let pos = args.pos();
    let (Some(a), Some(b)) = (pos.first(), pos.get(1)) else {
        return Err(vm.type_error("expected 1 argument"));
    };
    let (Some(da), Some(db)) = (a.native::<WeakRefData>(), b.native::<WeakRefData>()) else {
        return Ok(vm.types().not_implemented.clone());
    };
    if db.kind != WeakKind::Ref {
        return Ok(vm.types().not_implemented.clone());
    }
    match (da.referent(), db.referent()) {
        (Some(x), Some(y)) => vm.rich_compare(&Value::Obj(x), &Value::Obj(y), op),
        _ => Ok(Value::Bool(a.is(b) == (op == CmpOp::Eq))),
    }
}

fn ref_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    ref_compare(vm, &args, CmpOp::Eq)
}

fn ref_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    ref_compare(vm, &args, CmpOp::Ne)
}

/// `<weakref at 0x...; to 'C' at 0x...>` or `<weakref at 0x...; dead>`.
fn ref_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = data(vm, &args, "__repr__")?;
    let me = args.pos().first().map_or(0, Value::id);
    let text = match d.referent() {
        Some(t) => {
            let t = Value::Obj(t);
            format!(
                "<weakref at {:#x}; to '{}' at {:#x}>",
                me,
                fully_qualified_type_name(vm, &t),
                t.id()
            )
        }
        None => format!("<weakref at {me:#x}; dead>"),
    };
    Ok(vm.new_str(&text))
}

/// CPython's `%T`: `module.qualname`, without the module for builtins and `__main__`.
pub(crate) fn fully_qualified_type_name(vm: &mut Vm, v: &Value) -> String {
    let ty = Value::Obj(vm.type_of(v));
    let qualname = vm
        .get_attr_str(&ty, "__qualname__")
        .ok()
        .and_then(|q| vm.to_str(&q).ok())
        .map_or_else(|| vm.type_name(v).to_string(), |s| s.to_string());
    let module = vm
        .get_attr_str(&ty, "__module__")
        .ok()
        .and_then(|m| vm.to_str(&m).ok())
        .map(|s| s.to_string());
    match module.as_deref() {
        Some("builtins") | Some("__main__") | None => qualname,
        Some(m) => format!("{m}.{qualname}"),
    }
}

fn ref_callback(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(data(vm, &args, "__callback__")?.callback())
}

/// `getweakrefcount(object)`.
fn getweakrefcount(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let ob = crate::arity::one(vm, &args, "getweakrefcount")?;
    Ok(Value::Int(match ob.as_obj() {
        Some(o) => wr::weakrefs_of(o).len() as i64,
        None => 0,
    }))
}

/// `getweakrefs(object)`.
fn getweakrefs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let ob = crate::arity::one(vm, &args, "getweakrefs")?;
    let refs = match ob.as_obj() {
        Some(o) => wr::weakrefs_of(o).into_iter().map(Value::Obj).collect(),
        None => Vec::new(),
    };
    Ok(vm.new_list(refs))
}

/// `_remove_dead_weakref(dict, key)`: delete `dict[key]` if it is a dead weak reference.
fn remove_dead_weakref(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [d, key] = args.pos() else {
        return Err(vm.type_error(format!(
            "_remove_dead_weakref expected 2 arguments, got {}",
            args.values.len()
        )));
    };
    let Some(d) = d.as_obj().filter(|o| o.as_dict().is_some()) else {
        return Err(vm.type_error(format!(
            "_remove_dead_weakref() argument 1 must be dict, not {}",
            vm.type_name(d)
        )));
    };
    let Some(value) = dict::get_item(vm, d, key)? else {
        return Err(vm.key_error(key.clone()));
    };
    if value
        .native::<WeakRefData>()
        .is_some_and(|w| w.referent().is_none())
    {
        dict::del_item(vm, d, key)?;
    }
    Ok(Value::None)
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("getweakrefcount", getweakrefcount),
    ("getweakrefs", getweakrefs),
    ("proxy", proxy::proxy),
    ("_remove_dead_weakref", remove_dead_weakref),
];

/// Fill the `_weakref` module.
pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    let reference = new_native_type(
        vm,
        NativeTypeSpec {
            name: "ReferenceType",
            module: "weakref",
            base: None,
            new: Some(ref_new),
            init: Some(ref_init),
            methods: &[
                ("__call__", ref_call),
                ("__hash__", ref_hash),
                ("__eq__", ref_eq),
                ("__ne__", ref_ne),
                ("__repr__", ref_repr),
            ],
            subclassable: true,
        },
    );
    add_getters(vm, &reference, &[("__callback__", ref_callback)]);
    let (proxy, callable_proxy) = proxy::make_types(vm);
    add_type(vm, module, &reference);
    add_type(vm, module, &proxy);
    add_type(vm, module, &callable_proxy);
    add_functions(vm, module, FUNCTIONS);
    adder_vm::native_module::add_values(vm, module, &[("ref", Value::Obj(reference.clone()))]);
    vm.set_native_state(WeakrefTypes {
        reference,
        proxy,
        callable_proxy,
    });
    Ok(())
}
