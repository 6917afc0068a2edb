//! The methods and attributes of `int` (and so of `bool`): `bit_length`, `bit_count`,
//! `to_bytes`, `from_bytes`, `as_integer_ratio`, `is_integer`, `conjugate`, the
//! `__trunc__`/`__floor__`/`__ceil__`/`__round__` family, and `real`, `imag`,
//! `numerator`, `denominator`.

use adder_numeric::int_bytes::{self, ByteOrder};
use adder_numeric::{int as bigops, BigInt};

use crate::builtins::add_methods;
use crate::error::PyResult;
use crate::object::Payload;
use crate::objects::function::Args;
use crate::objects::native_args::{bind, MethodName, Shape};
use crate::protocol::attr::name_str;
use crate::protocol::number::{as_int, IntRef};
use crate::value::Value;
use crate::vm::Vm;

pub fn install(vm: &Vm) {
    let t = vm.types();
    add_methods(
        vm,
        &t.int,
        &[
            ("as_integer_ratio", int_as_integer_ratio),
            ("bit_count", int_bit_count),
            ("bit_length", int_bit_length),
            ("conjugate", int_plain),
            ("is_integer", int_is_integer),
            ("to_bytes", int_to_bytes),
            ("__ceil__", int_plain),
            ("__floor__", int_plain),
            ("__round__", int_round),
            ("__trunc__", int_plain),
        ],
    );
    crate::objects::dict_methods::add_class_methods(vm, &t.int, &[("from_bytes", int_from_bytes)]);
}

/// The receiver as a big integer.
fn receiver(
    vm: &Vm,
    args: &Args,
    name: &'static str,
    shape: Shape,
) -> PyResult<(BigInt, Vec<Value>)> {
    let (recv, rest) = bind(vm, args, MethodName { owner: "int", name }, &shape)?;
    match as_int(recv) {
        Some(i) => Ok((
            i.to_big().into_owned(),
            rest.into_iter().flatten().cloned().collect(),
        )),
        None => Err(vm.type_error(format!(
            "descriptor '{name}' for 'int' objects doesn't apply to a '{}' object",
            vm.type_name(recv)
        ))),
    }
}

/// `int(x)` of an int value: the exact int (bools and subclasses become plain ints).
pub fn plain_int(vm: &Vm, i: &IntRef) -> Value {
    match i {
        IntRef::Small(s) => Value::Int(*s),
        IntRef::Big(b) => vm.new_int((*b).clone()),
    }
}

fn int_plain(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (i, _) = receiver(vm, &args, "conjugate", Shape::NoArgs)?;
    Ok(vm.new_int(i))
}

fn int_bit_length(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (i, _) = receiver(vm, &args, "bit_length", Shape::NoArgs)?;
    Ok(Value::Int(bigops::bit_length(&i) as i64))
}

fn int_bit_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (i, _) = receiver(vm, &args, "bit_count", Shape::NoArgs)?;
    Ok(Value::Int(bigops::bit_count(&i) as i64))
}

fn int_is_integer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    receiver(vm, &args, "is_integer", Shape::NoArgs)?;
    Ok(Value::Bool(true))
}

fn int_as_integer_ratio(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (i, _) = receiver(vm, &args, "as_integer_ratio", Shape::NoArgs)?;
    let n = vm.new_int(i);
    Ok(vm.new_tuple(vec![n, Value::Int(1)]))
}

/// The `byteorder` argument: a str naming the order.
fn byte_order(vm: &Vm, v: Option<&Value>, method: &str) -> PyResult<ByteOrder> {
    match v {
        None => Ok(ByteOrder::Big),
        Some(v) => match v.payload() {
            Some(Payload::Str(s)) => ByteOrder::parse(s.as_str()).map_err(|e| vm.num_error(e)),
            _ => Err(vm.type_error(format!(
                "{method}() argument 'byteorder' must be str, not {}",
                vm.type_name(v)
            ))),
        },
    }
}

/// Split off the keyword-only `signed=` argument; the rest binds normally.
fn split_signed(vm: &mut Vm, args: &Args) -> PyResult<(Vec<Value>, Vec<Value>, bool)> {
    let mut signed = false;
    let mut kwnames = Vec::new();
    let mut kwvalues = Vec::new();
    for (k, v) in args.kwargs() {
        if name_str(k) == "signed" {
            signed = vm.is_true(v)?;
        } else {
            kwnames.push(k.clone());
            kwvalues.push(v.clone());
        }
    }
    let mut values = args.pos().to_vec();
    values.extend(kwvalues);
    Ok((values, kwnames, signed))
}

fn int_to_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (values, kwnames, signed) = split_signed(vm, &args)?;
    let shape = Shape::Keywords {
        names: &["length", "byteorder"],
        min: 0,
    };
    let rebound = Args {
        values: &values,
        kwnames: &kwnames,
    };
    let (recv, rest) = bind(
        vm,
        &rebound,
        MethodName {
            owner: "int",
            name: "to_bytes",
        },
        &shape,
    )?;
    let Some(i) = as_int(recv).map(|i| i.to_big().into_owned()) else {
        return Err(
            vm.type_error("descriptor 'to_bytes' for 'int' objects doesn't apply to this object")
        );
    };
    let length = match rest.first().copied().flatten() {
        Some(v) => vm.index_value(v)? as i64,
        None => 1,
    };
    let order = byte_order(vm, rest.get(1).copied().flatten(), "to_bytes")?;
    let bytes = int_bytes::to_bytes(&i, length, order, signed).map_err(|e| vm.num_error(e))?;
    Ok(crate::objects::bytes::new_bytes(vm, bytes))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`.
fn int_from_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (values, kwnames, signed) = split_signed(vm, &args)?;
    let shape = Shape::Keywords {
        names: &["bytes", "byteorder"],
        min: 0,
    };
    let rebound = Args {
        values: &values,
        kwnames: &kwnames,
    };
    let (class, rest) = bind(
        vm,
        &rebound,
        MethodName {
            owner: "int",
            name: "from_bytes",
        },
        &shape,
    )?;
    let class = class.clone();
    let Some(source) = rest.first().copied().flatten().cloned() else {
        return Err(vm.type_error("from_bytes() missing required argument 'bytes' (pos 1)"));
    };
    let order = byte_order(vm, rest.get(1).copied().flatten(), "from_bytes")?;
    let data = bytes_of(vm, &source)?;
    let value = vm.new_int(int_bytes::from_bytes(&data, order, signed));
    if class.is(&Value::Obj(vm.types().int.clone())) {
        return Ok(value);
    }
    vm.call(&class, &[value])
}

/// The bytes of a bytes object, or of an iterable of ints in `range(256)`.
fn bytes_of(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(Payload::Bytes(b)) = v.payload() {
        return Ok(b.to_vec());
    }
    if matches!(v.payload(), Some(Payload::Str(_))) {
        return Err(vm.type_error("cannot convert 'str' object to bytes"));
    }
    let items = vm.collect_iterable(v)?;
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        match as_int(&it) {
            Some(IntRef::Small(b)) if (0..256).contains(&b) => out.push(b as u8),
            Some(_) => return Err(vm.value_error("bytes must be in range(0, 256)")),
            None => {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(&it)
                )))
            }
        }
    }
    Ok(out)
}

fn int_round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (i, rest) = receiver(vm, &args, "__round__", Shape::Positional { min: 0, max: 1 })?;
    match rest.first() {
        None | Some(Value::None) => Ok(vm.new_int(i)),
        Some(nd) => {
            let nd = vm.index_value(nd)?;
            round_int(vm, &i, nd as i64)
        }
    }
}

/// `round(i, ndigits)`: unchanged for `ndigits >= 0`; otherwise to the nearest
/// multiple of `10**-ndigits`, ties to even.
pub fn round_int(vm: &Vm, i: &BigInt, ndigits: i64) -> PyResult<Value> {
    if ndigits >= 0 {
        return Ok(vm.new_int(i.clone()));
    }
    let power = ndigits.unsigned_abs();
    if power > 100_000 {
        return Ok(Value::Int(0));
    }
    let unit = BigInt::from(10).pow(power as usize);
    let (q, r) = bigops::divmod(i, &unit).map_err(|e| vm.num_error(e))?;
    let twice: BigInt = r << 1;
    let odd = (&q & BigInt::ONE) == BigInt::ONE;
    let q = if twice > unit || (twice == unit && odd) {
        q + BigInt::ONE
    } else {
        q
    };
    Ok(vm.new_int(q * unit))
}

/// `real`, `imag`, `numerator`, `denominator` of an int.
pub fn attribute(vm: &Vm, v: &Value, name: &str) -> Option<Value> {
    let i = as_int(v)?;
    match name {
        "real" | "numerator" => Some(plain_int(vm, &i)),
        "imag" => Some(Value::Int(0)),
        "denominator" => Some(Value::Int(1)),
        _ => None,
    }
}
