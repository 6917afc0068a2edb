//! `weakref.proxy`: `ProxyType` and `CallableProxyType`, objects that stand for their
//! referent in every operation and raise ReferenceError once it died.

use adder_vm::gc::weakref::{self as wr, WeakKind, WeakRefData};
use adder_vm::native_module::{new_native_type, NativeTypeSpec};
use adder_vm::object::ObjRef;
use adder_vm::objects::function::{Args, NativeFn};
use adder_vm::protocol::compare::CmpOp;
use adder_vm::{PyResult, Value, Vm};

/// `proxy(object[, callback])`.
pub fn proxy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (ob, callback) = super::target_and_callback(vm, args.pos(), "proxy")?;
    let target = wr::weakrefable(vm, ob)?;
    let types = super::types(vm)?;
    let callable = vm.type_lookup(&vm.type_of(ob), "__call__").is_some()
        || matches!(
            ob.payload(),
            Some(
                adder_vm::object::Payload::Function(_)
                    | adder_vm::object::Payload::BuiltinFunction(_)
                    | adder_vm::object::Payload::Method { .. }
                    | adder_vm::object::Payload::Type(_)
            )
        );
    let (cls, kind) = if callable {
        (types.callable_proxy.clone(), WeakKind::CallableProxy)
    } else {
        (types.proxy.clone(), WeakKind::Proxy)
    };
    Ok(wr::new_weakref(vm, &cls, &cls, &target, callback, kind))
}

/// What a proxy stands for: its live referent; other values are themselves.
fn unwrap(vm: &Vm, v: &Value) -> PyResult<Value> {
    match v.native::<WeakRefData>() {
        Some(d) if d.kind != WeakKind::Ref => match d.referent() {
            Some(t) => Ok(Value::Obj(t)),
            None => Err(vm.error(
                &vm.types().exc.reference_error.clone(),
                "weakly-referenced object no longer exists",
            )),
        },
        _ => Ok(v.clone()),
    }
}

/// The receiver and the other arguments, proxies replaced by their referents.
fn unwrap_all(vm: &Vm, args: &Args) -> PyResult<Vec<Value>> {
    args.pos().iter().map(|v| unwrap(vm, v)).collect()
}

fn arg(vm: &Vm, all: &[Value], i: usize) -> PyResult<Value> {
    all.get(i)
        .cloned()
        .ok_or_else(|| vm.type_error("expected an argument"))
}

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = args.pos().first().cloned().unwrap_or(Value::None);
    let target = unwrap(vm, &me)?;
    let text = format!(
        "<weakproxy at {:#x}; to '{}' at {:#x}>",
        me.id(),
        super::fully_qualified_type_name(vm, &target),
        target.id()
    );
    Ok(vm.new_str(&text))
}

fn str_(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = arg(vm, &unwrap_all(vm, &args)?, 0)?;
    let s = vm.to_str(&t)?;
    Ok(vm.new_str(&s))
}

fn getattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let all = unwrap_all(vm, &args)?;
    vm.get_attr(&arg(vm, &all, 0)?, &arg(vm, &all, 1)?)
}

/// `proxy.name = value` sets the attribute on the referent; the value is stored as
/// given (a proxy stays a proxy), as CPython unwraps only the receiver.
fn setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = arg(vm, args.pos(), 0)?;
    let target = unwrap(vm, &me)?;
    let (name, value) = (arg(vm, args.pos(), 1)?, arg(vm, args.pos(), 2)?);
    vm.set_attr(&target, &name, value)?;
    Ok(Value::None)
}

fn delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let all = unwrap_all(vm, &args)?;
    vm.del_attr(&arg(vm, &all, 0)?, &arg(vm, &all, 1)?)?;
    Ok(Value::None)
}

fn call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let all = unwrap_all(vm, &args)?;
    let rest = Args {
        values: args.values.get(1..).unwrap_or(&[]),
        kwnames: args.kwnames,
    };
    vm.call_with(&arg(vm, &all, 0)?, rest)
}

fn bool_(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = arg(vm, &unwrap_all(vm, &args)?, 0)?;
    Ok(Value::Bool(vm.is_true(&t)?))
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = arg(vm, &unwrap_all(vm, &args)?, 0)?;
    Ok(Value::Int(vm.len(&t)? as i64))
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = arg(vm, &unwrap_all(vm, &args)?, 0)?;
    vm.get_iter(&t)
}

fn getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let all = unwrap_all(vm, &args)?;
    vm.get_item(&arg(vm, &all, 0)?, &arg(vm, &all, 1)?)
}

fn setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let all = unwrap_all(vm, &args)?;
    vm.set_item(&arg(vm, &all, 0)?, &arg(vm, &all, 1)?, arg(vm, &all, 2)?)?;
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let all = unwrap_all(vm, &args)?;
    vm.del_item(&arg(vm, &all, 0)?, &arg(vm, &all, 1)?)?;
    Ok(Value::None)
}

fn contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let all = unwrap_all(vm, &args)?;
    Ok(Value::Bool(
        vm.contains(&arg(vm, &all, 0)?, &arg(vm, &all, 1)?)?,
    ))
}

fn hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Err(vm.type_error(format!(
        "unhashable type: '{}'",
        args.pos()
            .first()
            .map_or_else(String::new, |v| vm.type_name(v).to_string())
    )))
}

/// A comparison between the referents.
fn compare(vm: &mut Vm, args: &Args, op: CmpOp) -> PyResult<Value> {
    let all = unwrap_all(vm, args)?;
    vm.rich_compare(&arg(vm, &all, 0)?, &arg(vm, &all, 1)?, op)
}

/// A binary operator between the referents (`reflected`: for `other OP proxy`).
fn binary(vm: &mut Vm, args: &Args, op: u32, reflected: bool) -> PyResult<Value> {
    let all = unwrap_all(vm, args)?;
    let (a, b) = (arg(vm, &all, 0)?, arg(vm, &all, 1)?);
    if reflected {
        vm.binary_op(&b, &a, op)
    } else {
        vm.binary_op(&a, &b, op)
    }
}

macro_rules! comparisons {
    ($($name:ident => $op:expr),* $(,)?) => {
        $(fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> { compare(vm, &args, $op) })*
    };
}

comparisons!(lt => CmpOp::Lt, le => CmpOp::Le, eq => CmpOp::Eq, ne => CmpOp::Ne,
             gt => CmpOp::Gt, ge => CmpOp::Ge);

macro_rules! binaries {
    ($($name:ident, $rname:ident => $op:expr),* $(,)?) => {
        $(
            fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> { binary(vm, &args, $op, false) }
            fn $rname(vm: &mut Vm, args: Args) -> PyResult<Value> { binary(vm, &args, $op, true) }
        )*
    };
}

// `BINARY_OP` numbering: add 0, and 1, floordiv 2, lshift 3, matmul 4, mul 5, mod 6,
// or 7, pow 8, rshift 9, sub 10, truediv 11, xor 12.
binaries!(add, radd => 0, and, rand => 1, floordiv, rfloordiv => 2, lshift, rlshift => 3,
          matmul, rmatmul => 4, mul, rmul => 5, mod_, rmod => 6, or, ror => 7, pow, rpow => 8,
          rshift, rrshift => 9, sub, rsub => 10, truediv, rtruediv => 11, xor, rxor => 12);

const METHODS: &[(&str, NativeFn)] = &[
    ("__repr__", repr),
    ("__str__", str_),
    ("__getattr__", getattr),
    ("__setattr__", setattr),
    ("__delattr__", delattr),
    ("__bool__", bool_),
    ("__len__", len),
    ("__iter__", iter),
    ("__getitem__", getitem),
    ("__setitem__", setitem),
    ("__delitem__", delitem),
    ("__contains__", contains),
    ("__hash__", hash),
    ("__lt__", lt),
    ("__le__", le),
    ("__eq__", eq),
    ("__ne__", ne),
    ("__gt__", gt),
    ("__ge__", ge),
    ("__add__", add),
    ("__radd__", radd),
    ("__and__", and),
    ("__rand__", rand),
    ("__floordiv__", floordiv),
    ("__rfloordiv__", rfloordiv),
    ("__lshift__", lshift),
    ("__rlshift__", rlshift),
    ("__matmul__", matmul),
    ("__rmatmul__", rmatmul),
    ("__mul__", mul),
    ("__rmul__", rmul),
    ("__mod__", mod_),
    ("__rmod__", rmod),
    ("__or__", or),
    ("__ror__", ror),
    ("__pow__", pow),
    ("__rpow__", rpow),
    ("__rshift__", rshift),
    ("__rrshift__", rrshift),
    ("__sub__", sub),
    ("__rsub__", rsub),
    ("__truediv__", truediv),
    ("__rtruediv__", rtruediv),
    ("__xor__", xor),
    ("__rxor__", rxor),
];

/// `ProxyType` and `CallableProxyType` (which adds `__call__`).
pub fn make_types(vm: &Vm) -> (ObjRef, ObjRef) {
    let make = |name, methods| {
        new_native_type(
            vm,
            NativeTypeSpec {
                name,
                module: "weakref",
                base: None,
                new: None,
                init: None,
                methods,
                subclassable: false,
            },
        )
    };
    let plain = make("ProxyType", METHODS);
    let callable = make("CallableProxyType", METHODS);
    adder_vm::builtins::add_methods(vm, &callable, &[("__call__", call)]);
    (plain, callable)
}
