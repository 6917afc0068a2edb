//! The `_operator` module, in part (CPython's `Modules/_operator.c`): the operator
//! functions (`add`, `lt`, `getitem`, `concat`, `length_hint`, `_compare_digest`...)
//! as built-ins with CPython's argument checks. `operator.py` keeps its pure-Python
//! `itemgetter`, `attrgetter` and `methodcaller`.

use adder_vm::native_module::{add_functions, add_values};
use adder_vm::object::{ObjRef, Payload};
use adder_vm::objects::function::{Args, NativeFn};
use adder_vm::protocol::compare::CmpOp;
use adder_vm::{PyResult, Value, Vm};

use crate::arity;

/// Two positional arguments, "name expected 2 arguments, got N" otherwise.
fn two<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<(&'a Value, &'a Value)> {
    match arity::positional(vm, args, name, name, 2, 2)? {
        [a, b] => Ok((a, b)),
        _ => Err(vm.type_error(format!("{name} expected 2 arguments"))),
    }
}

macro_rules! binary_ops {
    ($($name:ident => $nb:expr),* $(,)?) => {$(
        fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            let (a, b) = two(vm, &args, stringify!($name))?;
            vm.binary_op(a, b, $nb)
        }
    )*};
}

// `BINARY_OP` numbering: add, and, floordiv, lshift, matmul, mul, mod, or, pow,
// rshift, sub, truediv, xor; the in-place forms are 13 later.
binary_ops! {
    add => 0, and_ => 1, floordiv => 2, lshift => 3, matmul => 4, mul => 5, mod_ => 6,
    or_ => 7, pow => 8, rshift => 9, sub => 10, truediv => 11, xor => 12,
    iadd => 13, iand => 14, ifloordiv => 15, ilshift => 16, imatmul => 17, imul => 18,
    imod => 19, ior => 20, ipow => 21, irshift => 22, isub => 23, itruediv => 24,
    ixor => 25,
}

macro_rules! comparisons {
    ($($name:ident => $op:expr),* $(,)?) => {$(
        fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            let (a, b) = two(vm, &args, stringify!($name))?;
            vm.rich_compare(a, b, $op)
        }
    )*};
}

comparisons! {
    lt => CmpOp::Lt, le => CmpOp::Le, eq => CmpOp::Eq, ne => CmpOp::Ne,
    gt => CmpOp::Gt, ge => CmpOp::Ge,
}

/// One argument, "_operator.name() takes exactly one argument (N given)" otherwise.
fn one<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    arity::one(vm, args, &format!("_operator.{name}"))
}

macro_rules! unary_ops {
    ($($name:ident => |$vm:ident, $v:ident| $body:expr),* $(,)?) => {$(
        fn $name($vm: &mut Vm, args: Args) -> PyResult<Value> {
            let $v = one($vm, &args, stringify!($name))?;
            $body
        }
    )*};
}

unary_ops! {
    neg => |vm, v| vm.negative(v),
    pos => |vm, v| vm.positive(v),
    abs => |vm, v| vm.absolute(v),
    inv => |vm, v| vm.invert(v),
    invert => |vm, v| vm.invert(v),
    not_ => |vm, v| Ok(Value::Bool(!vm.is_true(v)?)),
    truth => |vm, v| Ok(Value::Bool(vm.is_true(v)?)),
    index => |vm, v| crate::number_args::to_index(vm, v).map(|i| vm.new_int(i)),
    is_none => |_vm, v| Ok(Value::Bool(v.is_none())),
    is_not_none => |_vm, v| Ok(Value::Bool(!v.is_none())),
}

fn is_(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, b) = two(vm, &args, "is_")?;
    Ok(Value::Bool(a.is(b)))
}

fn is_not(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, b) = two(vm, &args, "is_not")?;
    Ok(Value::Bool(!a.is(b)))
}

fn contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, b) = two(vm, &args, "contains")?;
    Ok(Value::Bool(vm.contains(a, b)?))
}

fn getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, b) = two(vm, &args, "getitem")?;
    vm.get_item(a, b)
}

fn setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b, c] = arity::positional(vm, &args, "setitem", "setitem", 3, 3)? else {
        return Err(vm.type_error("setitem expected 3 arguments"));
    };
    vm.set_item(a, b, c.clone())?;
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, b) = two(vm, &args, "delitem")?;
    vm.del_item(a, b)?;
    Ok(Value::None)
}

/// Items of `seq` equal to (or identical with) `v`, in order, as indices.
fn matches(vm: &mut Vm, seq: &Value, v: &Value, first_only: bool) -> PyResult<Vec<i64>> {
    let it = vm.get_iter(seq)?;
    let mut found = Vec::new();
    let mut i = 0;
    while let Some(item) = vm.next(&it)? {
        if item.is(v) || vm.eq(&item, v)? {
            found.push(i);
            if first_only {
                break;
            }
        }
        i += 1;
    }
    Ok(found)
}

fn count_of(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, b) = two(vm, &args, "countOf")?;
    Ok(Value::Int(matches(vm, a, b, false)?.len() as i64))
}

fn index_of(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, b) = two(vm, &args, "indexOf")?;
    match matches(vm, a, b, true)?.first() {
        Some(i) => Ok(Value::Int(*i)),
        None => Err(vm.value_error("sequence.index(x): x not in sequence")),
    }
}

/// `a + b` for sequences: "'int' object can't be concatenated" for others.
fn concat_op(vm: &mut Vm, args: Args, name: &str, nb: u32) -> PyResult<Value> {
    let (a, b) = two(vm, &args, name)?;
    if vm.type_lookup(&vm.type_of(a), "__getitem__").is_none() {
        return Err(vm.type_error(format!(
            "'{}' object can't be concatenated",
            vm.type_name(a)
        )));
    }
    vm.binary_op(a, b, nb)
}

fn concat(vm: &mut Vm, args: Args) -> PyResult<Value> {
    concat_op(vm, args, "concat", 0)
}

fn iconcat(vm: &mut Vm, args: Args) -> PyResult<Value> {
    concat_op(vm, args, "iconcat", 13)
}

/// `length_hint(obj, default=0)`: `len(obj)`, else `obj.__length_hint__()`, else
/// `default`.
fn length_hint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = arity::positional(vm, &args, "length_hint", "length_hint", 1, 2)?;
    let default = match pos.get(1) {
        Some(d) => crate::number_args::to_ssize(vm, d)?,
        None => 0,
    };
    let obj = &pos[0];
    if vm.type_lookup(&vm.type_of(obj), "__len__").is_some() {
        return Ok(Value::Int(vm.len(obj)? as i64));
    }
    let Some(hint) = vm.type_lookup(&vm.type_of(obj), "__length_hint__") else {
        return Ok(Value::Int(default));
    };
    let r = vm.call_method_value(&hint, obj, &[])?;
    if r.is(&vm.types().not_implemented) {
        return Ok(Value::Int(default));
    }
    match adder_vm::protocol::number::as_int(&r) {
        Some(_) => {
            let n = crate::number_args::to_ssize(vm, &r)?;
            if n < 0 {
                return Err(vm.value_error("__length_hint__() should return >= 0"));
            }
            Ok(Value::Int(n))
        }
        None => Err(vm.type_error(format!(
            "__length_hint__ must be an integer, not {}",
            vm.type_name(&r)
        ))),
    }
}

/// `call(obj, /, *args, **kwargs)`.
fn call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(func) = args.pos().first() else {
        return Err(vm.type_error("call expected at least 1 argument, got 0"));
    };
    vm.call_with(
        func,
        Args {
            values: &args.values[1..],
            kwnames: args.kwnames,
        },
    )
}

/// `_compare_digest(a, b)`: equality of two ASCII strs or two bytes-like objects,
/// in time independent of where they differ.
fn compare_digest(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, b) = two(vm, &args, "_compare_digest")?;
    let (x, y): (Vec<u8>, Vec<u8>) = match (a.payload(), b.payload()) {
        (Some(Payload::Str(s)), Some(Payload::Str(t))) => {
            if !s.as_str().is_ascii() || !t.as_str().is_ascii() {
                return Err(
                    vm.type_error("comparing strings with non-ASCII characters is not supported")
                );
            }
            (
                s.as_str().as_bytes().to_vec(),
                t.as_str().as_bytes().to_vec(),
            )
        }
        _ => (
            adder_vm::objects::buffer::require_bytes_like(vm, a)?.into_owned(),
            adder_vm::objects::buffer::require_bytes_like(vm, b)?.into_owned(),
        ),
    };
    let differ = x.len() != y.len();
    let diff = x
        .iter()
        .zip(y.iter().cycle())
        .fold(0u8, |acc, (p, q)| acc | (p ^ q));
    Ok(Value::Bool(!differ && diff == 0))
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("add", add),
    ("and_", and_),
    ("floordiv", floordiv),
    ("lshift", lshift),
    ("matmul", matmul),
    ("mul", mul),
    ("mod", mod_),
    ("or_", or_),
    ("pow", pow),
    ("rshift", rshift),
    ("sub", sub),
    ("truediv", truediv),
    ("xor", xor),
    ("iadd", iadd),
    ("iand", iand),
    ("ifloordiv", ifloordiv),
    ("ilshift", ilshift),
    ("imatmul", imatmul),
    ("imul", imul),
    ("imod", imod),
    ("ior", ior),
    ("ipow", ipow),
    ("irshift", irshift),
    ("isub", isub),
    ("itruediv", itruediv),
    ("ixor", ixor),
    ("lt", lt),
    ("le", le),
    ("eq", eq),
    ("ne", ne),
    ("gt", gt),
    ("ge", ge),
    ("neg", neg),
    ("pos", pos),
    ("abs", abs),
    ("inv", inv),
    ("invert", invert),
    ("not_", not_),
    ("truth", truth),
    ("index", index),
    ("is_none", is_none),
    ("is_not_none", is_not_none),
    ("is_", is_),
    ("is_not", is_not),
    ("contains", contains),
    ("getitem", getitem),
    ("setitem", setitem),
    ("delitem", delitem),
    ("countOf", count_of),
    ("indexOf", index_of),
    ("concat", concat),
    ("iconcat", iconcat),
    ("length_hint", length_hint),
    ("call", call),
    ("_compare_digest", compare_digest),
];

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    add_functions(vm, module, FUNCTIONS);
    let doc = vm.new_str(
        "Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\nto the intrinsic operators of Python.  For example, operator.add(x, y)\nis equivalent to the expression x+y.  The function names are those\nused for special methods; variants without leading and trailing\n'__' are also provided for convenience.",
    );
    add_values(vm, module, &[("__doc__", doc)]);
    Ok(())
}
