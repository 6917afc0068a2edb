//! The float functions of `math` that wrap a libm function (CPython's `math_1` and
//! `math_2`): a NaN result from a non-NaN input is a ValueError, an infinite result
//! from finite input an OverflowError ("math range error") or a ValueError, with the
//! per-function messages of CPython 3.14 ("expected a nonnegative input, got -1.0").

use adder_vm::objects::float_new::new_float;
use adder_vm::objects::function::Args;
use adder_vm::{PyErr, PyResult, Value, Vm};

use crate::arity;
use crate::number_args::{float_text, to_f64};

/// A one-argument libm function and how its failures are reported.
pub struct Unary {
    pub qualname: &'static str,
    pub func: fn(f64) -> f64,
    /// An infinite result from a finite input is an overflow (else a domain error).
    pub can_overflow: bool,
    /// CPython 3.14's message for a domain error ("math domain error" when `None`).
    pub domain: Option<&'static str>,
}

/// ValueError for input `x` outside the domain.
pub fn domain_error(vm: &Vm, message: Option<&str>, x: f64) -> PyErr {
    match message {
        Some(m) => vm.value_error(format!("{m}, got {}", float_text(x))),
        None => vm.value_error("math domain error"),
    }
}

pub fn range_error(vm: &Vm) -> PyErr {
    vm.overflow_error("math range error")
}

/// `math_1`: call `spec.func` on the float value of the single argument.
pub fn unary(vm: &mut Vm, args: Args, spec: &Unary) -> PyResult<Value> {
    let v = arity::one(vm, &args, spec.qualname)?;
    let x = to_f64(vm, v)?;
    unary_value(vm, x, spec).map(|r| new_float(vm, r))
}

/// `math_1` on an already converted float.
pub fn unary_value(vm: &Vm, x: f64, spec: &Unary) -> PyResult<f64> {
    let r = (spec.func)(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error(vm, spec.domain, x));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if spec.can_overflow {
            range_error(vm)
        } else {
            domain_error(vm, spec.domain, x)
        });
    }
    Ok(r)
}

/// Two float arguments, positional only (`atan2`, `copysign`, `pow`...).
pub fn two_floats(vm: &mut Vm, args: &Args, qualname: &str, name: &str) -> PyResult<(f64, f64)> {
    let pos = arity::positional(vm, args, qualname, name, 2, 2)?;
    let x = to_f64(vm, &pos[0])?;
    let y = to_f64(vm, &pos[1])?;
    Ok((x, y))
}

/// `math_2`: NaN from non-NaN inputs is a domain error, infinity from finite inputs
/// an overflow.
pub fn binary(vm: &mut Vm, args: Args, name: &str, func: fn(f64, f64) -> f64) -> PyResult<Value> {
    let qualname = format!("math.{name}");
    let (x, y) = two_floats(vm, &args, &qualname, name)?;
    let r = func(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(vm.value_error("math domain error"));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_error(vm));
    }
    Ok(new_float(vm, r))
}

/// `atan2` with C99's special cases decided here, as CPython does.
pub fn atan2(y: f64, x: f64) -> f64 {
    use std::f64::consts::PI;
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if y.is_infinite() {
        if x.is_infinite() {
            let angle = if x.is_sign_positive() {
                0.25 * PI
            } else {
                0.75 * PI
            };
            return angle.copysign(y);
        }
        return (0.5 * PI).copysign(y);
    }
    if x.is_infinite() || y == 0.0 {
        return if x.is_sign_positive() {
            0.0f64.copysign(y)
        } else {
            PI.copysign(y)
        };
    }
    y.atan2(x)
}

/// IEEE 754 remainder: `x - n*y` with `n` the nearest integer to `x/y`, ties to even.
pub fn remainder(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let absx = x.abs();
        let absy = y.abs();
        let m = absx % absy;
        // Compare m with absy - m rather than with absy/2, which may be inexact.
        let c = absy - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            m - 2.0 * ((0.5 * (absx - m)) % absy)
        };
        return 1.0f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

/// `math.pow`: IEEE special values decided here; libm for finite operands.
pub fn pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, y) = two_floats(vm, &args, "math.pow", "pow")?;
    if !x.is_finite() || !y.is_finite() {
        let r = if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0 && x.abs() > 1.0) || (y < 0.0 && x.abs() < 1.0) {
            f64::INFINITY
        } else {
            0.0
        };
        return Ok(new_float(vm, r));
    }
    let r = x.powf(y);
    if r.is_nan() || (r.is_infinite() && x == 0.0) {
        return Err(vm.value_error("math domain error"));
    }
    if r.is_infinite() {
        return Err(range_error(vm));
    }
    Ok(new_float(vm, r))
}

/// `math.fmod`: `fmod(x, ±inf)` is `x` for finite `x`.
pub fn fmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, y) = two_floats(vm, &args, "math.fmod", "fmod")?;
    if y.is_infinite() && x.is_finite() {
        return Ok(new_float(vm, x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(vm.value_error("math domain error"));
    }
    Ok(new_float(vm, r))
}

/// `math.fma(x, y, z)`: `x*y + z` rounded once.
pub fn fma(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = arity::positional(vm, &args, "math.fma", "fma", 3, 3)?;
    let x = to_f64(vm, &pos[0])?;
    let y = to_f64(vm, &pos[1])?;
    let z = to_f64(vm, &pos[2])?;
    let r = x.mul_add(y, z);
    if !r.is_finite() {
        if r.is_nan() {
            if !x.is_nan() && !y.is_nan() && !z.is_nan() {
                return Err(vm.value_error("invalid operation in fma"));
            }
        } else if x.is_finite() && y.is_finite() && z.is_finite() {
            return Err(vm.overflow_error("overflow in fma"));
        }
    }
    Ok(new_float(vm, r))
}
