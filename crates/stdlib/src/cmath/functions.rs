//! The complex functions of `cmath` on finite values, with the algorithms of CPython's
//! `Modules/cmathmodule.c` (scaling near overflow and underflow, `log1p` near 1) so
//! that results match to the last bit.
//!
//! Arguments with an infinite or NaN part take their results from tables of special
//! values (C99 Annex G) generated from the reference: `special_values.rs`.

use super::special_values as table;
use crate::math::libm;

/// A complex number as (real, imaginary).
pub type C = (f64, f64);

/// Why a function failed: CPython's `EDOM` (ValueError) or `ERANGE` (OverflowError).
#[derive(Debug, PartialEq, Eq)]
pub enum MathError {
    Domain,
    Range,
}

pub type MathResult = Result<C, MathError>;

const LARGE: f64 = f64::MAX / 4.0;
const LN2: f64 = std::f64::consts::LN_2;
const E: f64 = std::f64::consts::E;
const SCALE_UP: i32 = 53;
const SCALE_DOWN: i32 = -27;

fn log_large() -> f64 {
    LARGE.ln()
}

fn sqrt_large() -> f64 {
    LARGE.sqrt()
}

fn is_large(z: C) -> bool {
    z.0.abs() > LARGE || z.1.abs() > LARGE
}

/// Overflow when a finite input gives an infinite part.
fn checked(z: C, r: C) -> MathResult {
    let finite_in = z.0.is_finite() && z.1.is_finite();
    if finite_in && (r.0.is_infinite() || r.1.is_infinite()) {
        Err(MathError::Range)
    } else {
        Ok(r)
    }
}

pub fn sqrt(z: C) -> C {
    let (x, y) = z;
    if x == 0.0 && y == 0.0 {
        return (0.0, y);
    }
    if let Some(r) = special(z, &table::SQRT) {
        return r;
    }
    let (mut ax, ay) = (x.abs(), y.abs());
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        ax = libm::ldexp(ax, SCALE_UP);
        libm::ldexp(
            (ax + ax.hypot(libm::ldexp(ay, SCALE_UP))).sqrt(),
            SCALE_DOWN,
        )
    } else {
        ax /= 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    if x >= 0.0 {
        (s, d.copysign(y))
    } else {
        (d, s.copysign(y))
    }
}

/// The class of a part, indexing the special-value tables: -inf, negative, -0.0,
/// +0.0, positive, +inf, nan.
fn class(x: f64) -> usize {
    match x {
        _ if x.is_nan() => 6,
        _ if x == f64::INFINITY => 5,
        _ if x == f64::NEG_INFINITY => 0,
        _ if x == 0.0 => {
            if x.is_sign_negative() {
                2
            } else {
                3
            }
        }
        _ if x < 0.0 => 1,
        _ => 4,
    }
}

/// The table's entry when a part of `z` is infinite or NaN.
fn special(z: C, values: &[[C; 7]; 7]) -> Option<C> {
    if z.0.is_finite() && z.1.is_finite() {
        return None;
    }
    Some(values[class(z.0)][class(z.1)])
}

/// For `exp`, `cosh`, `sinh`, `tanh` and `rect`: an infinite real part with a finite
/// nonzero imaginary part takes `signs(real > 0, imag)`; other non-finite values
/// come from the table. `Err` when `domain_error(z)` says so.
fn special_signed(
    z: C,
    values: &[[C; 7]; 7],
    signs: fn(bool, f64) -> C,
    domain_error: fn(C) -> bool,
) -> Option<MathResult> {
    if z.0.is_finite() && z.1.is_finite() {
        return None;
    }
    if domain_error(z) {
        return Some(Err(MathError::Domain));
    }
    if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
        return Some(Ok(signs(z.0 > 0.0, z.1)));
    }
    Some(Ok(values[class(z.0)][class(z.1)]))
}

/// `(copysign(inf, cos y), copysign(inf, sin y))`, each negated as asked.
fn infinite_by_angle(y: f64, negate_re: bool, negate_im: bool) -> C {
    let re = f64::INFINITY.copysign(y.cos());
    let im = f64::INFINITY.copysign(y.sin());
    (
        if negate_re { -re } else { re },
        if negate_im { -im } else { im },
    )
}

pub fn exp(z: C) -> MathResult {
    let signs = |positive: bool, y: f64| {
        if positive {
            infinite_by_angle(y, false, false)
        } else {
            (0.0f64.copysign(y.cos()), 0.0f64.copysign(y.sin()))
        }
    };
    let domain = |z: C| z.1.is_infinite() && (z.0.is_finite() || z.0 == f64::INFINITY);
    if let Some(r) = special_signed(z, &table::EXP, signs, domain) {
        return r;
    }
    let (x, y) = z;
    let r = if x > log_large() {
        let l = (x - 1.0).exp();
        (l * y.cos() * E, l * y.sin() * E)
    } else {
        let l = x.exp();
        (l * y.cos(), l * y.sin())
    };
    checked(z, r)
}

pub fn log(z: C) -> MathResult {
    if let Some(r) = special(z, &table::LOG) {
        return Ok(r);
    }
    let (x, y) = z;
    let (ax, ay) = (x.abs(), y.abs());
    let real = if ax > LARGE || ay > LARGE {
        (ax / 2.0).hypot(ay / 2.0).ln() + LN2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            libm::ldexp(ax, 53).hypot(libm::ldexp(ay, 53)).ln() - 53.0 * LN2
        } else {
            return Err(MathError::Domain);
        }
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            ((am - 1.0) * (am + 1.0) + an * an).ln_1p() / 2.0
        } else {
            h.ln()
        }
    };
    Ok((real, y.atan2(x)))
}

pub fn log10(z: C) -> MathResult {
    let (re, im) = log(z)?;
    let ln10 = std::f64::consts::LN_10;
    Ok((re / ln10, im / ln10))
}

/// Complex division as CPython's `_Py_c_quot` (Smith's method with scaling).
pub fn quot(a: C, b: C) -> MathResult {
    let (abs_breal, abs_bimag) = (b.0.abs(), b.1.abs());
    if abs_breal >= abs_bimag {
        if abs_breal == 0.0 {
            return Err(MathError::Domain);
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Ok(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bimag >= abs_breal {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Ok(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Ok((f64::NAN, f64::NAN))
    }
}

pub fn acos(z: C) -> C {
    if let Some(r) = special(z, &table::ACOS) {
        return r;
    }
    let (x, y) = z;
    if is_large(z) {
        let real = y.abs().atan2(x);
        let t = (x / 2.0).hypot(y / 2.0).ln() + LN2 * 2.0;
        let imag = if x < 0.0 {
            -t.copysign(y)
        } else {
            t.copysign(-y)
        };
        return (real, imag);
    }
    let s1 = sqrt((1.0 - x, -y));
    let s2 = sqrt((1.0 + x, y));
    (
        2.0 * s1.0.atan2(s2.0),
        libm::asinh(s2.0 * s1.1 - s2.1 * s1.0),
    )
}

pub fn acosh(z: C) -> C {
    if let Some(r) = special(z, &table::ACOSH) {
        return r;
    }
    let (x, y) = z;
    if is_large(z) {
        return ((x / 2.0).hypot(y / 2.0).ln() + LN2 * 2.0, y.atan2(x));
    }
    let s1 = sqrt((x - 1.0, y));
    let s2 = sqrt((x + 1.0, y));
    (
        libm::asinh(s1.0 * s2.0 + s1.1 * s2.1),
        2.0 * s1.1.atan2(s2.0),
    )
}

pub fn asinh(z: C) -> C {
    if let Some(r) = special(z, &table::ASINH) {
        return r;
    }
    let (x, y) = z;
    if is_large(z) {
        let t = (x / 2.0).hypot(y / 2.0).ln() + LN2 * 2.0;
        let real = if y >= 0.0 {
            t.copysign(x)
        } else {
            -t.copysign(-x)
        };
        return (real, y.atan2(x.abs()));
    }
    let s1 = sqrt((1.0 + y, -x));
    let s2 = sqrt((1.0 - y, x));
    (
        libm::asinh(s1.0 * s2.1 - s2.0 * s1.1),
        y.atan2(s1.0 * s2.0 - s1.1 * s2.1),
    )
}

pub fn asin(z: C) -> C {
    let r = asinh((-z.1, z.0));
    (r.1, -r.0)
}

pub fn atanh(z: C) -> MathResult {
    if let Some(r) = special(z, &table::ATANH) {
        return Ok(r);
    }
    let (x, y) = z;
    if x < 0.0 {
        let r = atanh((-x, -y))?;
        return Ok((-r.0, -r.1));
    }
    let ay = y.abs();
    if x > sqrt_large() || ay > sqrt_large() {
        let h = (x / 2.0).hypot(y / 2.0);
        return Ok((x / 4.0 / h / h, -(std::f64::consts::FRAC_PI_2).copysign(-y)));
    }
    if x == 1.0 && ay < f64::MIN_POSITIVE.sqrt() {
        if ay == 0.0 {
            return Err(MathError::Domain);
        }
        return Ok((
            -(ay.sqrt() / ay.hypot(2.0).sqrt()).ln(),
            (2.0f64.atan2(-ay) / 2.0).copysign(y),
        ));
    }
    Ok((
        (4.0 * x / ((1.0 - x) * (1.0 - x) + ay * ay)).ln_1p() / 4.0,
        -(-2.0 * y).atan2((1.0 - x) * (1.0 + x) - ay * ay) / 2.0,
    ))
}

pub fn atan(z: C) -> MathResult {
    let r = atanh((-z.1, z.0))?;
    Ok((r.1, -r.0))
}

pub fn cosh(z: C) -> MathResult {
    let signs = |positive: bool, y: f64| infinite_by_angle(y, false, !positive);
    let domain = |z: C| z.1.is_infinite() && !z.0.is_nan();
    if let Some(r) = special_signed(z, &table::COSH, signs, domain) {
        return r;
    }
    let (x, y) = z;
    let r = if x.abs() > log_large() {
        let x1 = x - 1.0f64.copysign(x);
        (y.cos() * x1.cosh() * E, y.sin() * x1.sinh() * E)
    } else {
        (y.cos() * x.cosh(), y.sin() * x.sinh())
    };
    checked(z, r)
}

pub fn sinh(z: C) -> MathResult {
    let signs = |positive: bool, y: f64| infinite_by_angle(y, !positive, false);
    let domain = |z: C| z.1.is_infinite() && !z.0.is_nan();
    if let Some(r) = special_signed(z, &table::SINH, signs, domain) {
        return r;
    }
    let (x, y) = z;
    let r = if x.abs() > log_large() {
        let x1 = x - 1.0f64.copysign(x);
        (y.cos() * x1.sinh() * E, y.sin() * x1.cosh() * E)
    } else {
        (y.cos() * x.sinh(), y.sin() * x.cosh())
    };
    checked(z, r)
}

pub fn tanh(z: C) -> MathResult {
    let signs = |positive: bool, y: f64| {
        let re = if positive { 1.0 } else { -1.0 };
        (re, 0.0f64.copysign(2.0 * y.sin() * y.cos()))
    };
    let domain = |z: C| z.1.is_infinite() && z.0.is_finite();
    if let Some(r) = special_signed(z, &table::TANH, signs, domain) {
        return r;
    }
    let (x, y) = z;
    if x.abs() > log_large() {
        return Ok((
            1.0f64.copysign(x),
            4.0 * y.sin() * y.cos() * (-2.0 * x.abs()).exp(),
        ));
    }
    let (tx, ty, cx) = (x.tanh(), y.tan(), 1.0 / x.cosh());
    let txty = tx * ty;
    let denom = 1.0 + txty * txty;
    Ok((tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx))
}

pub fn cos(z: C) -> MathResult {
    cosh((-z.1, z.0))
}

pub fn sin(z: C) -> MathResult {
    let r = sinh((-z.1, z.0))?;
    Ok((r.1, -r.0))
}

pub fn tan(z: C) -> MathResult {
    let r = tanh((-z.1, z.0))?;
    Ok((r.1, -r.0))
}

/// `rect(r, phi)`: `r * exp(i phi)`.
pub fn rect(r: f64, phi: f64) -> MathResult {
    let signs = |positive: bool, phi: f64| infinite_by_angle(phi, !positive, !positive);
    let domain = |z: C| z.0 != 0.0 && !z.0.is_nan() && z.1.is_infinite();
    if let Some(result) = special_signed((r, phi), &table::RECT, signs, domain) {
        return result;
    }
    Ok(if phi == 0.0 {
        (r, r * phi)
    } else {
        (r * phi.cos(), r * phi.sin())
    })
}
