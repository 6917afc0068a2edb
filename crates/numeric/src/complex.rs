//! Python's complex numbers: `repr`, division and `**` with CPython's algorithms and
//! errors, mixed complex/real arithmetic (3.14 keeps a real operand real), and
//! `complex(text)` parsing.

use crate::error::{NumError, NumResult, DIVISION_BY_ZERO};
use crate::float_decimal::{format_unsigned, LayoutFlags, Style};
use crate::float_parse::{remove_underscores, scan_float};
use crate::numeric_text::{is_ascii_space, to_ascii, trim_ascii_space};

/// A complex value `re + im*j`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Complex {
    pub re: f64,
    pub im: f64,
}

impl Complex {
    pub const fn new(re: f64, im: f64) -> Self {
        Complex { re, im }
    }
}

fn zero_division() -> NumError {
    NumError::zero_division(DIVISION_BY_ZERO)
}

/// `repr(x)` of one part: shortest digits, no `.0` (`1j`, `(1+2j)`).
fn part_repr(x: f64, with_sign: bool) -> String {
    let body = format_unsigned(x, Style::Repr, LayoutFlags::default());
    let negative = x.is_sign_negative() && !x.is_nan();
    match (negative, with_sign) {
        (true, _) => format!("-{body}"),
        (false, true) => format!("+{body}"),
        (false, false) => body,
    }
}

/// `repr(z)`: `1j`, `-0j`, `(1+2j)`, `(-0+1j)`, `(nan+infj)`.
pub fn complex_repr(z: Complex) -> String {
    if z.re == 0.0 && z.re.is_sign_positive() {
        format!("{}j", part_repr(z.im, false))
    } else {
        format!("({}{}j)", part_repr(z.re, false), part_repr(z.im, true))
    }
}

/// 1 or 0 with the sign of `x`, for an infinite or finite part (C11 Annex G "box").
fn unit_if_infinite(x: f64) -> f64 {
    let unit: f64 = if x.is_infinite() { 1.0 } else { 0.0 };
    unit.copysign(x)
}

/// 0 with the sign of `x` if `x` is a NaN, else `x`.
fn zero_if_nan(x: f64) -> f64 {
    if x.is_nan() {
        0.0f64.copysign(x)
    } else {
        x
    }
}

/// `a * b`, recovering infinities that the plain formula turns into `nan+nanj`
/// (C11 Annex G `_Cmultd`, as CPython 3.14).
pub fn mul(a: Complex, b: Complex) -> Complex {
    let (ac, bd, ad, bc) = (a.re * b.re, a.im * b.im, a.re * b.im, a.im * b.re);
    let plain = Complex::new(ac - bd, ad + bc);
    if !(plain.re.is_nan() && plain.im.is_nan()) {
        return plain;
    }
    let (mut x, mut y) = (a.re, a.im);
    let (mut u, mut v) = (b.re, b.im);
    let mut recalculate = false;
    if x.is_infinite() || y.is_infinite() {
        (x, y) = (unit_if_infinite(x), unit_if_infinite(y));
        (u, v) = (zero_if_nan(u), zero_if_nan(v));
        recalculate = true;
    }
    if u.is_infinite() || v.is_infinite() {
        (u, v) = (unit_if_infinite(u), unit_if_infinite(v));
        (x, y) = (zero_if_nan(x), zero_if_nan(y));
        recalculate = true;
    }
    if !recalculate && [ac, bd, ad, bc].iter().any(|p| p.is_infinite()) {
        (x, y) = (zero_if_nan(x), zero_if_nan(y));
        (u, v) = (zero_if_nan(u), zero_if_nan(v));
        recalculate = true;
    }
    if !recalculate {
        return plain;
    }
    Complex::new(
        f64::INFINITY * (x * u - y * v),
        f64::INFINITY * (x * v + y * u),
    )
}

/// Recovers infinities and zeros that Smith's division computed as `nan+nanj`
/// (C11 Annex G `_Cdivd`, as CPython 3.14).
fn recover_quotient(a: Complex, b: Complex, quotient: Complex) -> Complex {
    if !(quotient.re.is_nan() && quotient.im.is_nan()) {
        return quotient;
    }
    let finite = |z: Complex| z.re.is_finite() && z.im.is_finite();
    let infinite = |z: Complex| z.re.is_infinite() || z.im.is_infinite();
    if infinite(a) && finite(b) {
        let (x, y) = (unit_if_infinite(a.re), unit_if_infinite(a.im));
        Complex::new(
            f64::INFINITY * (x * b.re + y * b.im),
            f64::INFINITY * (y * b.re - x * b.im),
        )
    } else if infinite(b) && finite(a) {
        let (x, y) = (unit_if_infinite(b.re), unit_if_infinite(b.im));
        Complex::new(0.0 * (a.re * x + a.im * y), 0.0 * (a.im * x - a.re * y))
    } else {
        quotient
    }
}

/// `a / b` by Smith's algorithm (CPython's `_Py_c_quot`).
pub fn div(a: Complex, b: Complex) -> NumResult<Complex> {
    let abs_re = b.re.abs();
    let abs_im = b.im.abs();
    let quotient = if abs_re >= abs_im {
        if abs_re == 0.0 {
            return Err(zero_division());
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        Complex::new((a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom)
    } else if abs_im >= abs_re {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        Complex::new((a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom)
    } else {
        // A NaN part in the divisor.
        Complex::new(f64::NAN, f64::NAN)
    };
    Ok(recover_quotient(a, b, quotient))
}

/// `z * r` (or `r * z`) for a real `r`: the imaginary part is scaled, not mixed.
pub fn mul_real(z: Complex, r: f64) -> Complex {
    Complex::new(z.re * r, z.im * r)
}

/// `z / r` for a real `r`.
pub fn div_by_real(z: Complex, r: f64) -> NumResult<Complex> {
    if r == 0.0 {
        return Err(zero_division());
    }
    Ok(Complex::new(z.re / r, z.im / r))
}

/// `r / z` for a real `r`: Smith's algorithm without the numerator's (absent)
/// imaginary part, so signed zeros come out as CPython 3.14 gives them.
pub fn real_div(r: f64, z: Complex) -> NumResult<Complex> {
    let abs_re = z.re.abs();
    let abs_im = z.im.abs();
    let quotient = if abs_re >= abs_im {
        if abs_re == 0.0 {
            return Err(zero_division());
        }
        let ratio = z.im / z.re;
        let denom = z.re + z.im * ratio;
        Complex::new(r / denom, -r * ratio / denom)
    } else if abs_im >= abs_re {
        let ratio = z.re / z.im;
        let denom = z.re * ratio + z.im;
        Complex::new(r * ratio / denom, -r / denom)
    } else {
        Complex::new(f64::NAN, f64::NAN)
    };
    if !(quotient.re.is_nan() && quotient.im.is_nan()) {
        return Ok(quotient);
    }
    // Annex G recovery, again without the absent imaginary part (signed zeros differ).
    let z_finite = z.re.is_finite() && z.im.is_finite();
    let z_infinite = z.re.is_infinite() || z.im.is_infinite();
    Ok(if r.is_infinite() && z_finite {
        let x = unit_if_infinite(r);
        Complex::new(f64::INFINITY * (x * z.re), f64::INFINITY * (-x * z.im))
    } else if z_infinite && r.is_finite() {
        let (x, y) = (unit_if_infinite(z.re), unit_if_infinite(z.im));
        Complex::new(0.0 * (r * x), 0.0 * (-r * y))
    } else {
        quotient
    })
}

/// `abs(z)`, with "absolute value too large" on overflow.
pub fn abs(z: Complex) -> NumResult<f64> {
    if z.re.is_infinite() || z.im.is_infinite() {
        return Ok(f64::INFINITY);
    }
    if z.re.is_nan() || z.im.is_nan() {
        return Ok(f64::NAN);
    }
    let result = z.re.hypot(z.im);
    if result.is_infinite() {
        return Err(NumError::overflow("absolute value too large"));
    }
    Ok(result)
}

const ONE: Complex = Complex::new(1.0, 0.0);

fn zero_power_error() -> NumError {
    NumError::zero_division("zero to a negative or complex power")
}

/// `x ** n` for a non-negative integer by binary powering.
fn pow_unsigned(x: Complex, mut n: u32) -> Complex {
    let mut result = ONE;
    let mut power = x;
    while n > 0 {
        if n & 1 == 1 {
            result = mul(result, power);
        }
        n >>= 1;
        if n > 0 {
            power = mul(power, power);
        }
    }
    result
}

/// The general power through polar form (CPython's `_Py_c_pow`).
fn pow_polar(a: Complex, b: Complex) -> NumResult<Complex> {
    if b.re == 0.0 && b.im == 0.0 {
        return Ok(ONE);
    }
    if a.re == 0.0 && a.im == 0.0 {
        if b.im != 0.0 || b.re < 0.0 {
            return Err(zero_power_error());
        }
        return Ok(Complex::new(0.0, 0.0));
    }
    let magnitude = a.re.hypot(a.im);
    let mut length = magnitude.powf(b.re);
    let angle = a.im.atan2(a.re);
    let mut phase = angle * b.re;
    if b.im != 0.0 {
        length *= (-angle * b.im).exp();
        phase += b.im * magnitude.ln();
    }
    // cos and sin of an infinite phase set errno to EDOM, which CPython reports as this
    // ZeroDivisionError.
    if phase.is_infinite() {
        return Err(zero_power_error());
    }
    Ok(Complex::new(length * phase.cos(), length * phase.sin()))
}

/// `a ** b`: exact binary powering for small integral exponents, polar form otherwise.
pub fn pow(a: Complex, b: Complex) -> NumResult<Complex> {
    let result = if b.im == 0.0 && b.re == b.re.floor() && b.re.abs() <= 100.0 {
        let n = b.re as i32;
        if n >= 0 {
            pow_unsigned(a, n.unsigned_abs())
        } else {
            let denominator = pow_unsigned(a, n.unsigned_abs());
            div(ONE, denominator).map_err(|_| zero_power_error())?
        }
    } else {
        pow_polar(a, b)?
    };
    // As CPython (`_Py_ADJUST_ERANGE2`): any infinite part counts as overflow.
    if result.re.is_infinite() || result.im.is_infinite() {
        return Err(NumError::overflow("complex exponentiation"));
    }
    Ok(result)
}

fn malformed() -> NumError {
    NumError::value("complex() arg is a malformed string")
}

/// `complex(text)`: `1+2j`, `(1-2J)`, `j`, `-j`, `1e5j`, `inf+nanj`, whitespace around
/// and inside the parentheses, underscores between digits.
/// `repr` gives `repr(text)` for the message about misplaced underscores.
pub fn parse_complex(text: &str, repr: impl FnOnce() -> String) -> NumResult<Complex> {
    let ascii = remove_underscores(&to_ascii(text)).ok_or_else(|| {
        NumError::value(format!("could not convert string to complex: {}", repr()))
    })?;
    let mut body = trim_ascii_space(&ascii);
    if let [b'(', inner @ .., b')'] = body {
        body = trim_ascii_space(inner);
    } else if body.first() == Some(&b'(') || body.last() == Some(&b')') {
        return Err(malformed());
    }
    if body.iter().any(|&b| is_ascii_space(b)) {
        return Err(malformed());
    }
    parse_parts(body).ok_or_else(malformed)
}

fn is_j(byte: Option<&u8>) -> bool {
    matches!(byte, Some(b'j' | b'J'))
}

/// A bare sign (or nothing) before `j` stands for ±1.
fn unit_imaginary(text: &[u8], pos: usize) -> Option<(f64, usize)> {
    match text.get(pos) {
        Some(b'+') if is_j(text.get(pos + 1)) => Some((1.0, pos + 1)),
        Some(b'-') if is_j(text.get(pos + 1)) => Some((-1.0, pos + 1)),
        Some(b'j' | b'J') => Some((1.0, pos)),
        _ => None,
    }
}

fn parse_parts(text: &[u8]) -> Option<Complex> {
    let (first, after_first) = match scan_float(text, 0) {
        Some(found) => found,
        None => {
            let (imag, at_j) = unit_imaginary(text, 0)?;
            return (at_j + 1 == text.len()).then_some(Complex::new(0.0, imag));
        }
    };
    if after_first == text.len() {
        return Some(Complex::new(first, 0.0));
    }
    if is_j(text.get(after_first)) {
        return (after_first + 1 == text.len()).then_some(Complex::new(0.0, first));
    }
    if !matches!(text.get(after_first), Some(b'+' | b'-')) {
        return None;
    }
    let (imag, at_j) = match scan_float(text, after_first) {
        Some(found) => found,
        None => unit_imaginary(text, after_first)?,
    };
    (is_j(text.get(at_j)) && at_j + 1 == text.len()).then_some(Complex::new(first, imag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_matches_cpython() {
        // Strings printed by the reference interpreter.
        let cases = [
            ((1.0, f64::NAN), "(1+nanj)"),
            ((f64::NAN, 1.0), "(nan+1j)"),
            ((-0.0, 1.0), "(-0+1j)"),
            ((0.0, -0.0), "-0j"),
            ((-0.0, -0.0), "(-0-0j)"),
            ((0.0, 1e16), "1e+16j"),
            ((1e16, 1.0), "(1e+16+1j)"),
            ((f64::INFINITY, f64::NEG_INFINITY), "(inf-infj)"),
        ];
        for ((re, im), expected) in cases {
            assert_eq!(complex_repr(Complex::new(re, im)), expected);
        }
    }

    #[test]
    fn parsing_matches_cpython() {
        let ok = [
            ("1_0+2_0j", (10.0, 20.0)),
            (" ( 1+2j ) ", (1.0, 2.0)),
            ("j", (0.0, 1.0)),
            ("-j", (0.0, -1.0)),
            ("1+j", (1.0, 1.0)),
            ("1-J", (1.0, -1.0)),
            ("1e5j", (0.0, 1e5)),
            ("+1.5e-3-4.5E+3j", (0.0015, -4500.0)),
            ("١+٢j", (1.0, 2.0)),
            ("+infinityj", (0.0, f64::INFINITY)),
        ];
        for (text, (re, im)) in ok {
            assert_eq!(
                parse_complex(text, String::new).unwrap(),
                Complex::new(re, im),
                "{text}"
            );
        }
        for bad in ["(1+2j", "1 + 2j", "", "()", "1+2j\0", "--1", "1j+2"] {
            assert!(parse_complex(bad, String::new).is_err(), "{bad}");
        }
    }

    #[test]
    fn arithmetic_matches_cpython() {
        assert_eq!(
            pow(Complex::new(1.0, 2.0), Complex::new(3.0, 0.0)).unwrap(),
            Complex::new(-11.0, -2.0)
        );
        assert!(pow(Complex::new(1e200, 1e200), Complex::new(2.0, 0.0)).is_err());
        assert!(pow(Complex::new(0.0, 0.0), Complex::new(-1.0, 0.0)).is_err());
        assert_eq!(
            div(Complex::new(1.0, 2.0), Complex::new(3.0, 4.0)).unwrap(),
            Complex::new(0.44, 0.08)
        );
        assert!(div(Complex::new(1.0, 2.0), Complex::new(0.0, 0.0)).is_err());
    }
}
