//! The methods and attributes of `float` (`as_integer_ratio`, `is_integer`, `hex`,
//! `fromhex`, `conjugate`, `__trunc__`/`__floor__`/`__ceil__`/`__round__`, `real`,
//! `imag`), and the `round()` built-in, which dispatches to int, float or a class's
//! `__round__`.

use adder_numeric::{float_hex, float_ops, int_float};

use crate::builtins::add_methods;
use crate::error::PyResult;
use crate::object::Payload;
use crate::objects::float_new::{is_exact_float, new_float};
use crate::objects::function::Args;
use crate::objects::native_args::{bind, MethodName, Shape};
use crate::objects::str_stand_in::unexpected_keyword;
use crate::protocol::attr::name_str;
use crate::protocol::number::{as_float, as_int};
use crate::value::Value;
use crate::vm::Vm;

pub fn install(vm: &Vm) {
    let t = vm.types();
    add_methods(
        vm,
        &t.float,
        &[
            ("as_integer_ratio", float_as_integer_ratio),
            ("conjugate", float_conjugate),
            ("hex", float_hex_method),
            ("is_integer", float_is_integer),
            ("__ceil__", float_ceil),
            ("__floor__", float_floor),
            ("__round__", float_round),
            ("__trunc__", float_trunc),
        ],
    );
    crate::objects::dict_methods::add_class_methods(vm, &t.float, &[("fromhex", float_fromhex)]);
    crate::objects::int_methods::install(vm);
}

fn receiver(vm: &Vm, args: &Args, name: &'static str, shape: Shape) -> PyResult<(f64, Vec<Value>)> {
    let (recv, rest) = bind(
        vm,
        args,
        MethodName {
            owner: "float",
            name,
        },
        &shape,
    )?;
    match as_float(recv) {
        Some(f) => Ok((f, rest.into_iter().flatten().cloned().collect())),
        None => Err(vm.type_error(format!(
            "descriptor '{name}' for 'float' objects doesn't apply to a '{}' object",
            vm.type_name(recv)
        ))),
    }
}

fn float_as_integer_ratio(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, _) = receiver(vm, &args, "as_integer_ratio", Shape::NoArgs)?;
    let (n, d) = float_ops::as_integer_ratio(x).map_err(|e| vm.num_error(e))?;
    let items = vec![vm.new_int(n), vm.new_int(d)];
    Ok(vm.new_tuple(items))
}

fn float_conjugate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, _) = receiver(vm, &args, "conjugate", Shape::NoArgs)?;
    Ok(plain_float(vm, args.values.first(), x))
}

fn float_hex_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, _) = receiver(vm, &args, "hex", Shape::NoArgs)?;
    Ok(vm.new_str(&float_hex::float_hex(x)))
}

fn float_is_integer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, _) = receiver(vm, &args, "is_integer", Shape::NoArgs)?;
    Ok(Value::Bool(float_ops::is_integer(x)))
}

fn float_trunc(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, _) = receiver(vm, &args, "__trunc__", Shape::NoArgs)?;
    let i = int_float::from_f64(x.trunc()).map_err(|e| vm.num_error(e))?;
    Ok(vm.new_int(i))
}

fn float_floor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, _) = receiver(vm, &args, "__floor__", Shape::NoArgs)?;
    let i = float_ops::floor_to_int(x).map_err(|e| vm.num_error(e))?;
    Ok(vm.new_int(i))
}

fn float_ceil(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, _) = receiver(vm, &args, "__ceil__", Shape::NoArgs)?;
    let i = float_ops::ceil_to_int(x).map_err(|e| vm.num_error(e))?;
    Ok(vm.new_int(i))
}

fn float_round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, rest) = receiver(vm, &args, "__round__", Shape::Positional { min: 0, max: 1 })?;
    round_float(vm, x, rest.first())
}

/// `round(x)` (an int, ties to even) or `round(x, ndigits)` (a float).
fn round_float(vm: &mut Vm, x: f64, ndigits: Option<&Value>) -> PyResult<Value> {
    match ndigits {
        None | Some(Value::None) => {
            let i = float_ops::round_to_int(x).map_err(|e| vm.num_error(e))?;
            Ok(vm.new_int(i))
        }
        Some(nd) => {
            let nd = vm.index_value(nd)?;
            float_ops::round_digits(x, nd as i64)
                .map(|r| new_float(vm, r))
                .map_err(|e| vm.num_error(e))
        }
    }
}

/// `float.fromhex(text)`, returning an instance of the class it is called on.
fn float_fromhex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (class, rest) = bind(
        vm,
        &args,
        MethodName {
            owner: "float",
            name: "fromhex",
        },
        &Shape::One,
    )?;
    let class = class.clone();
    let text = rest[0].cloned().unwrap_or(Value::None);
    let Some(Payload::Str(s)) = text.payload() else {
        return Err(vm.type_error("bad argument type for built-in operation"));
    };
    let x = float_hex::float_fromhex(s.as_str()).map_err(|e| vm.num_error(e))?;
    if class.is(&Value::Obj(vm.types().float.clone())) {
        return Ok(new_float(vm, x));
    }
    let x = new_float(vm, x);
    vm.call(&class, &[x])
}

/// `v` itself when it is exactly a float (so a NaN keeps its identity, as CPython's
/// `float_float`), else a new float holding `x`, its value.
fn plain_float(vm: &Vm, v: Option<&Value>, x: f64) -> Value {
    match v {
        Some(v) if is_exact_float(vm, v) => v.clone(),
        _ => new_float(vm, x),
    }
}

/// `real` and `imag` of a float.
pub fn attribute(vm: &Vm, v: &Value, name: &str) -> Option<Value> {
    let x = as_float(v)?;
    match name {
        "real" => Some(plain_float(vm, Some(v), x)),
        "imag" => Some(Value::Float(0.0)),
        _ => None,
    }
}

/// The `round(number, ndigits=None)` built-in.
pub fn round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    let total = pos.len() + args.kwnames.len();
    if total > 2 {
        return Err(vm.type_error(format!("round() takes at most 2 arguments ({total} given)")));
    }
    let mut number = pos.first().cloned();
    let mut ndigits = pos.get(1).cloned();
    for (k, v) in args.kwargs() {
        match name_str(k) {
            "number" if number.is_none() => number = Some(v.clone()),
            "ndigits" if ndigits.is_none() => ndigits = Some(v.clone()),
            _ => return Err(unexpected_keyword(vm, "round", k)),
        }
    }
    let Some(number) = number else {
        return Err(vm.type_error("round() missing required argument 'number' (pos 1)"));
    };
    if let Some(m) = vm.lookup_special_heap(&number, "__round__") {
        let extra: Vec<Value> = ndigits.into_iter().collect();
        return vm.call_method_value(&m, &number, &extra);
    }
    if let Some(x) = as_float(&number) {
        return round_float(vm, x, ndigits.as_ref());
    }
    if let Some(i) = as_int(&number) {
        return match ndigits {
            None | Some(Value::None) => Ok(crate::objects::int_methods::plain_int(vm, &i)),
            Some(nd) => {
                let nd = vm.index_value(&nd)?;
                let big = i.to_big().into_owned();
                crate::objects::int_methods::round_int(vm, &big, nd as i64)
            }
        };
    }
    Err(vm.type_error(format!(
        "type {} doesn't define __round__ method",
        vm.type_name(&number)
    )))
}
