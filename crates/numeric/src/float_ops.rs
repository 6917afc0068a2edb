//! Float arithmetic with Python semantics: `/`, `//`, `%`, `divmod`, `**`, `round`,
//! `math.floor`/`ceil`/`trunc` to int, `as_integer_ratio`, `is_integer`.

use crate::error::{NumError, NumResult, DIVISION_BY_ZERO};
use crate::int_float::{from_f64, to_f64};
use crate::BigInt;
use dashu_base::DivRem;

fn zero_division() -> NumError {
    NumError::zero_division(DIVISION_BY_ZERO)
}

/// Splits a finite nonzero float into an odd-or-small integer mantissa and a binary
/// exponent: `x == ±mantissa × 2**exp` exactly (sign dropped).
pub(crate) fn decompose(x: f64) -> (u64, i32) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    let (mut mantissa, mut exp) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    };
    if mantissa != 0 {
        let zeros = mantissa.trailing_zeros();
        mantissa >>= zeros;
        exp += zeros as i32;
    }
    (mantissa, exp)
}

/// `x / y`.
pub fn true_div(x: f64, y: f64) -> NumResult<f64> {
    if y == 0.0 {
        return Err(zero_division());
    }
    Ok(x / y)
}

/// `x % y`: the result has the sign of `y` (zero results too).
pub fn modulo(x: f64, y: f64) -> NumResult<f64> {
    if y == 0.0 {
        return Err(zero_division());
    }
    let remainder = x % y;
    Ok(if remainder == 0.0 {
        0.0f64.copysign(y)
    } else if (y < 0.0) != (remainder < 0.0) {
        remainder + y
    } else {
        remainder
    })
}

/// `divmod(x, y)`, as CPython's `float_divmod` (careful about signed zeros and
/// quotients that are off by one after `fmod`).
pub fn divmod(x: f64, y: f64) -> NumResult<(f64, f64)> {
    if y == 0.0 {
        return Err(zero_division());
    }
    let mut remainder = x % y;
    let mut quotient = (x - remainder) / y;
    if remainder != 0.0 {
        if (y < 0.0) != (remainder < 0.0) {
            remainder += y;
            quotient -= 1.0;
        }
    } else {
        remainder = 0.0f64.copysign(y);
    }
    let floor_quotient = if quotient != 0.0 {
        let floored = quotient.floor();
        if quotient - floored > 0.5 {
            floored + 1.0
        } else {
            floored
        }
    } else {
        0.0f64.copysign(x / y)
    };
    Ok((floor_quotient, remainder))
}

/// `x // y`.
pub fn floor_div(x: f64, y: f64) -> NumResult<f64> {
    divmod(x, y).map(|(quotient, _)| quotient)
}

/// Result of float `**`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FloatPow {
    Real(f64),
    /// A negative base with a non-integral exponent: Python computes the complex power
    /// instead (see [`crate::complex::pow`]).
    NeedsComplex,
}

fn is_odd_integer(y: f64) -> bool {
    y.is_finite() && y % 2.0 != 0.0 && y.fract() == 0.0
}

/// `x ** y` for a finite base and a finite exponent, where a negative base comes only
/// with an integral exponent. Shared by float `**` and by int `**` with a negative
/// exponent (which Python computes in floats).
pub(crate) fn pow_finite(x: f64, y: f64) -> NumResult<f64> {
    if x == 0.0 {
        if y < 0.0 {
            return Err(NumError::zero_division("zero to a negative power"));
        }
        return Ok(if is_odd_integer(y) { x } else { 0.0 });
    }
    let negate = x < 0.0 && is_odd_integer(y);
    let magnitude = x.abs();
    let result = if magnitude == 1.0 {
        1.0
    } else {
        magnitude.powf(y)
    };
    if result.is_infinite() {
        return Err(NumError::OverflowRange);
    }
    Ok(if negate { -result } else { result })
}

/// `x ** y` with CPython's special cases (`float_pow`).
pub fn pow(x: f64, y: f64) -> NumResult<FloatPow> {
    if y == 0.0 {
        return Ok(FloatPow::Real(1.0));
    }
    if x.is_nan() {
        return Ok(FloatPow::Real(x));
    }
    if y.is_nan() {
        return Ok(FloatPow::Real(if x == 1.0 { 1.0 } else { y }));
    }
    if y.is_infinite() {
        let magnitude = x.abs();
        let result = if magnitude == 1.0 {
            1.0
        } else if (y > 0.0) == (magnitude > 1.0) {
            f64::INFINITY
        } else {
            0.0
        };
        return Ok(FloatPow::Real(result));
    }
    if x.is_infinite() {
        let odd = is_odd_integer(y);
        let result = match (y > 0.0, odd) {
            (true, true) => x,
            (true, false) => x.abs(),
            (false, true) => 0.0f64.copysign(x),
            (false, false) => 0.0,
        };
        return Ok(FloatPow::Real(result));
    }
    if x < 0.0 && y.fract() != 0.0 {
        return Ok(FloatPow::NeedsComplex);
    }
    pow_finite(x, y).map(FloatPow::Real)
}

/// `round(x)`: the nearest int, ties to even.
pub fn round_to_int(x: f64) -> NumResult<BigInt> {
    from_f64(x.round_ties_even())
}

/// Largest `ndigits` for which `round(x, ndigits)` can change a double.
const ROUND_NDIGITS_MAX: i64 = 323;
/// Below this `ndigits`, `round(x, ndigits)` is always a zero.
const ROUND_NDIGITS_MIN: i64 = -308;

/// `round(x, ndigits)`: `x` correctly rounded (half-even on its exact value) to a
/// multiple of `10**-ndigits`.
pub fn round_digits(x: f64, ndigits: i64) -> NumResult<f64> {
    if !x.is_finite() || x == 0.0 || ndigits > ROUND_NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < ROUND_NDIGITS_MIN {
        return Ok(0.0f64.copysign(x));
    }
    let rounded = if ndigits >= 0 {
        let text = format!("{:.*}", ndigits as usize, x);
        text.parse::<f64>().unwrap_or(x)
    } else {
        round_to_power_of_ten(x, (-ndigits) as usize)?
    };
    if rounded.is_infinite() {
        return Err(NumError::overflow("rounded value too large to represent"));
    }
    Ok(rounded)
}

/// `x` rounded half-even to a multiple of `10**power`, computed exactly.
fn round_to_power_of_ten(x: f64, power: usize) -> NumResult<f64> {
    let (mantissa, exp) = decompose(x);
    let unit = BigInt::from(10).pow(power);
    let (numerator, denominator) = if exp >= 0 {
        (BigInt::from(mantissa) << exp as usize, unit.clone())
    } else {
        (BigInt::from(mantissa), &unit << (-exp) as usize)
    };
    let (mut quotient, remainder) = (&numerator).div_rem(&denominator);
    let twice_remainder: BigInt = remainder << 1;
    if twice_remainder > denominator
        || (twice_remainder == denominator && (&quotient & BigInt::ONE) == BigInt::ONE)
    {
        quotient += BigInt::ONE;
    }
    let magnitude = to_f64(&(quotient * unit))
        .map_err(|_| NumError::overflow("rounded value too large to represent"))?;
    Ok(magnitude.copysign(x))
}

/// `math.floor(x)` / `x.__floor__()`.
pub fn floor_to_int(x: f64) -> NumResult<BigInt> {
    from_f64(x.floor())
}

/// `math.ceil(x)` / `x.__ceil__()`.
pub fn ceil_to_int(x: f64) -> NumResult<BigInt> {
    from_f64(x.ceil())
}

/// `x.as_integer_ratio()`: the exact fraction in lowest terms, positive denominator.
pub fn as_integer_ratio(x: f64) -> NumResult<(BigInt, BigInt)> {
    if x.is_nan() {
        return Err(NumError::value("cannot convert NaN to integer ratio"));
    }
    if x.is_infinite() {
        return Err(NumError::overflow(
            "cannot convert Infinity to integer ratio",
        ));
    }
    if x == 0.0 {
        return Ok((BigInt::ZERO, BigInt::ONE));
    }
    let (mantissa, exp) = decompose(x);
    let numerator = if x < 0.0 {
        -BigInt::from(mantissa)
    } else {
        BigInt::from(mantissa)
    };
    Ok(if exp >= 0 {
        (numerator << exp as usize, BigInt::ONE)
    } else {
        (numerator, BigInt::ONE << (-exp) as usize)
    })
}

/// `x.is_integer()`.
pub fn is_integer(x: f64) -> bool {
    x.is_finite() && x.fract() == 0.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bits(pair: (f64, f64)) -> (u64, u64) {
        (pair.0.to_bits(), pair.1.to_bits())
    }

    #[test]
    fn divmod_signs_match_cpython() {
        // Expected values printed by the reference interpreter.
        assert_eq!(bits(divmod(-0.0, 5.0).unwrap()), bits((-0.0, 0.0)));
        assert_eq!(bits(divmod(0.0, -5.0).unwrap()), bits((-0.0, -0.0)));
        assert_eq!(modulo(-5.0, f64::INFINITY).unwrap(), f64::INFINITY);
        assert_eq!(floor_div(-1.0, f64::INFINITY).unwrap(), -1.0);
        assert!(floor_div(f64::INFINITY, 1.0).unwrap().is_nan());
        assert!(floor_div(5.0, -0.0).is_err());
        assert_eq!(floor_div(-5.0, 0.5).unwrap(), -10.0);
    }

    #[test]
    fn pow_special_cases() {
        assert_eq!(pow(-1.0, f64::INFINITY).unwrap(), FloatPow::Real(1.0));
        assert_eq!(
            pow(-0.5, f64::NEG_INFINITY).unwrap(),
            FloatPow::Real(f64::INFINITY)
        );
        assert_eq!(pow(-8.0, -3.0).unwrap(), FloatPow::Real(-0.001953125));
        assert_eq!(pow(-2.0, 0.5).unwrap(), FloatPow::NeedsComplex);
        assert_eq!(pow(2.0, 10000.0), Err(NumError::OverflowRange));
        assert!(pow(-0.0, -3.0).is_err());
        assert_eq!(pow(f64::NAN, 0.0).unwrap(), FloatPow::Real(1.0));
    }

    #[test]
    fn rounding() {
        assert_eq!(round_digits(2.675, 2).unwrap(), 2.67);
        assert_eq!(round_digits(123.456, -1).unwrap(), 120.0);
        assert_eq!(
            round_digits(-4.0, -1).unwrap().to_bits(),
            (-0.0f64).to_bits()
        );
        assert!(round_digits(1.7e308, -308).is_err());
        assert_eq!(round_digits(1e300, -300).unwrap(), 1e300);
        assert_eq!(round_to_int(2.5).unwrap(), BigInt::from(2));
    }
}
