//! The `cmath` module: complex versions of the `math` functions (CPython's
//! `Modules/cmathmodule.c`), with its argument conversion and error messages.
//!
mod functions;
#[rustfmt::skip]
mod special_values;

use adder_numeric::complex::Complex;
use adder_vm::native_module::{add_functions, add_values};
use adder_vm::object::{ObjRef, Payload};
use adder_vm::objects::complex::new_complex;
use adder_vm::objects::float_new::new_float;
use adder_vm::objects::function::{Args, NativeFn};
use adder_vm::{PyErr, PyResult, Value, Vm};

use crate::arity;
use functions::{MathError, MathResult, C};

/// `PyComplex_AsCComplex`: a complex, `__complex__`, else a real number.
fn complex_arg(vm: &mut Vm, v: &Value) -> PyResult<C> {
    if let Some(Payload::Complex(z)) = v.payload() {
        return Ok((z.re, z.im));
    }
    if let Some(m) = vm.lookup_special_heap(v, "__complex__") {
        let r = vm.call_method_value(&m, v, &[])?;
        return match r.payload() {
            Some(Payload::Complex(z)) => Ok((z.re, z.im)),
            _ => Err(vm.type_error(format!(
                "__complex__ returned non-complex (type {})",
                vm.type_name(&r)
            ))),
        };
    }
    Ok((crate::number_args::to_f64(vm, v)?, 0.0))
}

fn math_error(vm: &Vm, e: MathError) -> PyErr {
    match e {
        MathError::Domain => vm.value_error("math domain error"),
        MathError::Range => vm.overflow_error("math range error"),
    }
}

fn to_value(vm: &Vm, r: MathResult) -> PyResult<Value> {
    match r {
        Ok((re, im)) => Ok(new_complex(vm, Complex { re, im })),
        Err(e) => Err(math_error(vm, e)),
    }
}

/// One complex argument, as `cmath.<name>(z)`.
fn unary(vm: &mut Vm, args: &Args, name: &str, f: fn(C) -> MathResult) -> PyResult<Value> {
    let z = arity::one(vm, args, &format!("cmath.{name}"))?;
    let z = complex_arg(vm, z)?;
    to_value(vm, f(z))
}

macro_rules! unary_functions {
    ($($name:ident => $f:expr),* $(,)?) => {$(
        fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            unary(vm, &args, stringify!($name), $f)
        }
    )*};
}

unary_functions! {
    sqrt => |z| Ok(functions::sqrt(z)),
    exp => functions::exp,
    log10 => functions::log10,
    acos => |z| Ok(functions::acos(z)),
    acosh => |z| Ok(functions::acosh(z)),
    asin => |z| Ok(functions::asin(z)),
    asinh => |z| Ok(functions::asinh(z)),
    atan => functions::atan,
    atanh => functions::atanh,
    cos => functions::cos,
    cosh => functions::cosh,
    sin => functions::sin,
    sinh => functions::sinh,
    tan => functions::tan,
    tanh => functions::tanh,
}

/// `log(z[, base])`.
fn log(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = arity::positional(vm, &args, "cmath.log", "log", 1, 2)?;
    let z = complex_arg(vm, &pos[0])?;
    let r = functions::log(z);
    let r = match pos.get(1) {
        None => r,
        Some(b) => {
            let base = complex_arg(vm, b)?;
            let lb = functions::log(base).map_err(|e| math_error(vm, e))?;
            r.and_then(|lz| functions::quot(lz, lb))
        }
    };
    to_value(vm, r)
}

fn phase(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let z = arity::one(vm, &args, "cmath.phase")?;
    let (x, y) = complex_arg(vm, z)?;
    Ok(new_float(vm, y.atan2(x)))
}

fn polar(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let z = arity::one(vm, &args, "cmath.polar")?;
    let (x, y) = complex_arg(vm, z)?;
    let r = x.hypot(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(vm.overflow_error("math range error"));
    }
    Ok(vm.new_tuple(vec![new_float(vm, r), new_float(vm, y.atan2(x))]))
}

fn rect(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = arity::positional(vm, &args, "cmath.rect", "rect", 2, 2)?;
    let r = crate::number_args::to_f64(vm, &pos[0])?;
    let phi = crate::number_args::to_f64(vm, &pos[1])?;
    to_value(vm, functions::rect(r, phi))
}

fn classify(vm: &mut Vm, args: Args, name: &str, test: fn(f64, f64) -> bool) -> PyResult<Value> {
    let z = arity::one(vm, &args, name)?;
    let (x, y) = complex_arg(vm, z)?;
    Ok(Value::Bool(test(x, y)))
}

fn isfinite(vm: &mut Vm, args: Args) -> PyResult<Value> {
    classify(vm, args, "cmath.isfinite", |x, y| {
        x.is_finite() && y.is_finite()
    })
}

fn isinf(vm: &mut Vm, args: Args) -> PyResult<Value> {
    classify(vm, args, "cmath.isinf", |x, y| {
        x.is_infinite() || y.is_infinite()
    })
}

fn isnan(vm: &mut Vm, args: Args) -> PyResult<Value> {
    classify(vm, args, "cmath.isnan", |x, y| x.is_nan() || y.is_nan())
}

/// `isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)`.
fn isclose(vm: &mut Vm, args: Args) -> PyResult<Value> {
    const PARAMS: crate::args::Params = crate::args::Params {
        func: "isclose",
        names: &["a", "b", "rel_tol", "abs_tol"],
        required: 2,
        positional: 2,
    };
    let slots = crate::args::bind(vm, &args, &PARAMS)?;
    let a = complex_arg(vm, slots[0].as_ref().unwrap_or(&Value::None))?;
    let b = complex_arg(vm, slots[1].as_ref().unwrap_or(&Value::None))?;
    let rel_tol = match &slots[2] {
        Some(v) => crate::number_args::to_f64(vm, v)?,
        None => 1e-9,
    };
    let abs_tol = match &slots[3] {
        Some(v) => crate::number_args::to_f64(vm, v)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.0.is_infinite() || a.1.is_infinite() || b.0.is_infinite() || b.1.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (a.0 - b.0).hypot(a.1 - b.1);
    let close = diff <= (rel_tol * b.0.hypot(b.1)).abs()
        || diff <= (rel_tol * a.0.hypot(a.1)).abs()
        || diff <= abs_tol;
    Ok(Value::Bool(close))
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("sqrt", sqrt),
    ("exp", exp),
    ("log", log),
    ("log10", log10),
    ("acos", acos),
    ("acosh", acosh),
    ("asin", asin),
    ("asinh", asinh),
    ("atan", atan),
    ("atanh", atanh),
    ("cos", cos),
    ("cosh", cosh),
    ("sin", sin),
    ("sinh", sinh),
    ("tan", tan),
    ("tanh", tanh),
    ("phase", phase),
    ("polar", polar),
    ("rect", rect),
    ("isfinite", isfinite),
    ("isinf", isinf),
    ("isnan", isnan),
    ("isclose", isclose),
];

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    add_functions(vm, module, FUNCTIONS);
    // One heap NaN: `math.nan is math.nan`, but it is no other NaN.
    let nan = new_float(vm, f64::NAN);
    let imaginary = |vm: &Vm, im: f64| new_complex(vm, Complex { re: 0.0, im });
    add_values(
        vm,
        module,
        &[
            ("pi", Value::Float(std::f64::consts::PI)),
            ("e", Value::Float(std::f64::consts::E)),
            ("tau", Value::Float(std::f64::consts::TAU)),
            ("inf", Value::Float(f64::INFINITY)),
            ("nan", nan),
            ("infj", imaginary(vm, f64::INFINITY)),
            ("nanj", imaginary(vm, f64::NAN)),
        ],
    );
    Ok(())
}
