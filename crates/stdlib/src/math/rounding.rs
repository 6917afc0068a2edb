//! `math` functions about a float's representation and integral parts: floor, ceil,
//! trunc (through `__floor__`/`__ceil__`/`__trunc__`), frexp, ldexp, modf,
//! nextafter, ulp, isclose, and the logarithms (exact for huge ints).

use adder_numeric::BigInt;
use adder_vm::objects::float_new::new_float;
use adder_vm::objects::function::Args;
use adder_vm::protocol::number::{as_float, as_int, IntRef};
use adder_vm::{PyResult, Value, Vm};
use dashu_base::{BitTest, Sign};

use super::float_funcs::{range_error, unary_value, Unary};
use super::libm;
use crate::arity::{self, Signature};
use crate::number_args::{to_f64, to_index};

/// floor/ceil of an int is the int; of a float, the rounded float as an int; other
/// objects answer through their own `__floor__`/`__ceil__`, else as floats.
fn round_with(
    vm: &mut Vm,
    args: Args,
    qualname: &str,
    dunder: &str,
    op: fn(f64) -> f64,
) -> PyResult<Value> {
    let v = arity::one(vm, &args, qualname)?;
    if let Some(f) = as_float(v).filter(|_| matches!(v, Value::Float(_))) {
        return float_to_int(vm, op(f));
    }
    if let Some(m) = vm.lookup_special_heap(v, dunder) {
        return vm.call_method_value(&m, v, &[]);
    }
    if let Some(i) = as_int(v) {
        return Ok(int_value(vm, &i));
    }
    let f = to_f64(vm, v)?;
    float_to_int(vm, op(f))
}

fn int_value(vm: &Vm, i: &IntRef) -> Value {
    match i {
        IntRef::Small(s) => Value::Int(*s),
        IntRef::Big(b) => vm.new_int((*b).clone()),
    }
}

fn float_to_int(vm: &Vm, f: f64) -> PyResult<Value> {
    adder_numeric::int_float::from_f64(f)
        .map(|b| vm.new_int(b))
        .map_err(|e| vm.num_error(e))
}

pub fn floor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    round_with(vm, args, "math.floor", "__floor__", f64::floor)
}

pub fn ceil(vm: &mut Vm, args: Args) -> PyResult<Value> {
    round_with(vm, args, "math.ceil", "__ceil__", f64::ceil)
}

pub fn trunc(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = arity::one(vm, &args, "math.trunc")?;
    if let Some(m) = vm.lookup_special_heap(v, "__trunc__") {
        return vm.call_method_value(&m, v, &[]);
    }
    if let Some(f) = as_float(v) {
        return float_to_int(vm, f.trunc());
    }
    if let Some(i) = as_int(v) {
        return Ok(int_value(vm, &i));
    }
    Err(vm.type_error(format!(
        "type {} doesn't define __trunc__ method",
        vm.type_name(v)
    )))
}

pub fn frexp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = arity::one(vm, &args, "math.frexp")?;
    let x = to_f64(vm, v)?;
    let (m, e) = libm::frexp(x);
    Ok(vm.new_tuple(vec![new_float(vm, m), Value::Int(e as i64)]))
}

pub fn ldexp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = arity::positional(vm, &args, "math.ldexp", "ldexp", 2, 2)?;
    let x = to_f64(vm, &pos[0])?;
    let Some(i) = as_int(&pos[1]) else {
        return Err(vm.type_error("Expected an int as second argument to ldexp."));
    };
    let exp = match i {
        IntRef::Small(e) => e,
        IntRef::Big(b) if b.sign() == Sign::Negative => i64::MIN,
        IntRef::Big(_) => i64::MAX,
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(new_float(vm, x));
    }
    if exp > i32::MAX as i64 {
        return Err(range_error(vm));
    }
    if exp < i32::MIN as i64 {
        return Ok(new_float(vm, 0.0f64.copysign(x)));
    }
    let r = libm::ldexp(x, exp as i32);
    if r.is_infinite() {
        return Err(range_error(vm));
    }
    Ok(new_float(vm, r))
}

pub fn modf(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = arity::one(vm, &args, "math.modf")?;
    let x = to_f64(vm, v)?;
    let (frac, int) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        let int = x.trunc();
        ((x - int).copysign(x), int)
    };
    Ok(vm.new_tuple(vec![new_float(vm, frac), new_float(vm, int)]))
}

/// The float's position on a line where consecutive floats are consecutive integers
/// (-0.0 and 0.0 both at 0).
fn ordinal(x: f64) -> i64 {
    let bits = x.to_bits() as i64;
    if bits < 0 {
        -(bits & i64::MAX)
    } else {
        bits
    }
}

fn from_ordinal(n: i64) -> f64 {
    if n < 0 {
        f64::from_bits(((-n) as u64) | (1 << 63))
    } else {
        f64::from_bits(n as u64)
    }
}

/// `steps` floats from `x` towards `y` (C's `nextafter` for one step).
fn step_towards(x: f64, y: f64, steps: u64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if steps == 0 {
        return x;
    }
    let (ux, uy) = (ordinal(x), ordinal(y));
    if ux == uy {
        return y;
    }
    let distance = ux.abs_diff(uy);
    let moved = steps.min(distance) as i64;
    from_ordinal(if ux < uy { ux + moved } else { ux - moved })
}

const NEXTAFTER: Signature = Signature {
    name: "nextafter",
    names: &["x", "y", "steps"],
    posonly: 2,
    required: 2,
    max_positional: 2,
};

pub fn nextafter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let slots = arity::bind(vm, &args, &NEXTAFTER)?;
    let [Some(x), Some(y), steps] = &slots[..] else {
        return Err(vm.system_error("nextafter arguments"));
    };
    let x = to_f64(vm, x)?;
    let y = to_f64(vm, y)?;
    let steps = match steps {
        None | Some(Value::None) => 1,
        Some(s) => {
            let n = to_index(vm, s)?;
            if n.sign() == Sign::Negative && !n.is_zero() {
                return Err(vm.value_error("steps must be a non-negative integer"));
            }
            u64::try_from(&n).unwrap_or(u64::MAX)
        }
    };
    Ok(new_float(vm, step_towards(x, y, steps)))
}

pub fn ulp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = arity::one(vm, &args, "math.ulp")?;
    let x = to_f64(vm, v)?;
    if !x.is_finite() {
        return Ok(new_float(vm, x.abs()));
    }
    let x = x.abs();
    let r = if x == f64::MAX {
        x - step_towards(x, 0.0, 1)
    } else {
        step_towards(x, f64::INFINITY, 1) - x
    };
    Ok(new_float(vm, r))
}

const ISCLOSE: Signature = Signature {
    name: "isclose",
    names: &["a", "b", "rel_tol", "abs_tol"],
    posonly: 0,
    required: 2,
    max_positional: 2,
};

pub fn isclose(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let slots = arity::bind(vm, &args, &ISCLOSE)?;
    let mut floats = [0.0, 0.0, 1e-9, 0.0];
    for (slot, out) in slots.iter().zip(floats.iter_mut()) {
        if let Some(v) = slot {
            *out = to_f64(vm, v)?;
        }
    }
    let [a, b, rel_tol, abs_tol] = floats;
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    Ok(Value::Bool(
        diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol,
    ))
}

const LOG_DOMAIN: Option<&str> = Some("expected a positive input");

/// The logarithm `func` of an int or float argument; ints too large for a float are
/// split as `m * 2**e` first.
fn log_of(vm: &mut Vm, v: &Value, func: fn(f64) -> f64, qualname: &'static str) -> PyResult<f64> {
    if let Some(i) = as_int(v) {
        let big = i.to_big();
        if big.sign() == Sign::Negative || big.is_zero() {
            return Err(vm.value_error("expected a positive input"));
        }
        return Ok(match vm.int_to_f64(&i) {
            Ok(x) => func(x),
            Err(_) => {
                let (m, e) = split_big(&big);
                func(m) + func(2.0) * e as f64
            }
        });
    }
    let x = to_f64(vm, v)?;
    let spec = Unary {
        qualname,
        func,
        can_overflow: false,
        domain: LOG_DOMAIN,
    };
    unary_value(vm, x, &spec)
}

/// A positive big int as `m * 2**e` with `m` in [0.5, 1] (its top 64 bits kept).
fn split_big(n: &BigInt) -> (f64, u64) {
    let bits = n.bit_len();
    let shift = bits.saturating_sub(64);
    let top = u64::try_from(&(n >> shift)).unwrap_or(u64::MAX) as f64;
    (top * 2f64.powi(-((bits - shift) as i32)), bits as u64)
}

pub fn log(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = arity::positional(vm, &args, "math.log", "log", 1, 2)?;
    let num = log_of(vm, &pos[0], f64::ln, "math.log")?;
    let Some(base) = pos.get(1) else {
        return Ok(new_float(vm, num));
    };
    let den = log_of(vm, base, f64::ln, "math.log")?;
    vm.binary_op(&Value::Float(num), &Value::Float(den), NB_TRUE_DIVIDE)
}

const NB_TRUE_DIVIDE: u32 = 11;

pub fn log2(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = arity::one(vm, &args, "math.log2")?;
    log_of(vm, v, f64::log2, "math.log2").map(|r| new_float(vm, r))
}

pub fn log10(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = arity::one(vm, &args, "math.log10")?;
    log_of(vm, v, f64::log10, "math.log10").map(|r| new_float(vm, r))
}
