//! Conversions between ints and floats with CPython's exact rounding and errors:
//! `float(int)`, `int(float)`, and int true division `a / b` (correctly rounded even
//! when both operands are huge).

use crate::error::{NumError, NumResult, DIVISION_BY_ZERO};
use crate::BigInt;
use dashu_base::{BitTest, DivRem, UnsignedAbs};
use dashu_int::{Sign, UBig};

/// Bits in a double's significand.
const MANTISSA_BITS: i64 = 53;
/// Exponent of the smallest positive subnormal double (2**-1074).
const MIN_SUBNORMAL_EXP: i64 = -1074;
/// Values at or above 2**1024 overflow.
const OVERFLOW_EXP: i64 = 1024;

/// `m × 2**exp` exactly, for an `m` that makes the result representable.
fn scale_by_power_of_two(m: u64, mut exp: i64) -> f64 {
    let mut value = m as f64;
    // Steps of at most 2**±1000 keep every intermediate normal or exact.
    while exp != 0 {
        let step = exp.clamp(-1000, 1000);
        value *= f64::from_bits(((1023 + step) as u64) << 52);
        exp -= step;
    }
    value
}

/// Rounds `(magnitude + sticky) × 2**exp` to the nearest double, ties to even, where
/// `sticky` stands for "some nonzero amount below the last bit of `magnitude`".
/// `None` when the rounded value overflows.
pub(crate) fn round_to_double(magnitude: &UBig, exp: i64, sticky: bool) -> Option<f64> {
    let length = magnitude.bit_len() as i64;
    if length == 0 {
        return Some(0.0);
    }
    // Value lies in [2**(length - 1 + exp), 2**(length + exp)).
    let top_exp = length - 1 + exp;
    let precision = if top_exp >= -1022 {
        MANTISSA_BITS
    } else {
        top_exp - MIN_SUBNORMAL_EXP + 1
    };
    let drop = length - precision;
    let (mut kept, result_exp) = if drop <= 0 {
        let kept = u64::try_from(magnitude).ok()?;
        (kept, exp)
    } else {
        let drop_bits = drop as usize;
        let kept = if drop > length {
            0
        } else {
            u64::try_from(&(magnitude >> drop_bits)).ok()?
        };
        let half_bit = magnitude.bit(drop_bits - 1);
        let below_half =
            sticky || (drop_bits >= 2 && magnitude.trailing_zeros().unwrap_or(0) < drop_bits - 1);
        let mut kept = kept;
        if half_bit && (below_half || kept & 1 == 1) {
            kept += 1;
        }
        (kept, exp + drop)
    };
    if kept == 0 {
        return Some(0.0);
    }
    // Rounding up may carry into a new bit; keep `kept` within 53 bits.
    let mut result_exp = result_exp;
    if kept >> MANTISSA_BITS != 0 {
        kept >>= 1;
        result_exp += 1;
    }
    let kept_length = 64 - i64::from(kept.leading_zeros());
    if kept_length + result_exp > OVERFLOW_EXP {
        return None;
    }
    Some(scale_by_power_of_two(kept, result_exp))
}

fn apply_sign(value: f64, negative: bool) -> f64 {
    if negative {
        -value
    } else {
        value
    }
}

/// `float(value)`, correctly rounded; "int too large to convert to float" on overflow.
pub fn to_f64(value: &BigInt) -> NumResult<f64> {
    if let Ok(small) = i64::try_from(value) {
        if small.unsigned_abs() <= 1 << MANTISSA_BITS {
            return Ok(small as f64);
        }
    }
    let negative = value.sign() == Sign::Negative;
    let magnitude = value.clone().unsigned_abs();
    round_to_double(&magnitude, 0, false)
        .map(|v| apply_sign(v, negative))
        .ok_or_else(|| NumError::overflow("int too large to convert to float"))
}

/// `int(x)` for a float: truncates toward zero, exactly.
pub fn from_f64(x: f64) -> NumResult<BigInt> {
    if x.is_nan() {
        return Err(NumError::value("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(NumError::overflow(
            "cannot convert float infinity to integer",
        ));
    }
    let truncated = x.trunc();
    if truncated.abs() < 9.0e18 {
        return Ok(BigInt::from(truncated as i64));
    }
    let (mantissa, exp) = crate::float_ops::decompose(truncated);
    let magnitude = BigInt::from(mantissa) << exp as usize;
    Ok(if truncated < 0.0 {
        -magnitude
    } else {
        magnitude
    })
}

/// How a float compares with an int, exactly (no rounding of the int): `None` when
/// the float is a NaN.
pub fn compare(x: f64, i: &BigInt) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 {
            Ordering::Greater
        } else {
            Ordering::Less
        });
    }
    let whole = from_f64(x.trunc()).ok()?;
    Some(match whole.cmp(i) {
        Ordering::Equal => x.fract().partial_cmp(&0.0).unwrap_or(Ordering::Equal),
        other => other,
    })
}

/// Int true division `a / b`, correctly rounded as CPython's `long_true_divide`.
pub fn true_div(a: &BigInt, b: &BigInt) -> NumResult<f64> {
    if b.is_zero() {
        return Err(NumError::zero_division(DIVISION_BY_ZERO));
    }
    let negative = (a.sign() == Sign::Negative) != (b.sign() == Sign::Negative);
    if let (Ok(x), Ok(y)) = (i64::try_from(a), i64::try_from(b)) {
        let limit = 1u64 << MANTISSA_BITS;
        if x.unsigned_abs() <= limit && y.unsigned_abs() <= limit {
            return Ok(x as f64 / y as f64);
        }
    }
    if a.is_zero() {
        return Ok(apply_sign(0.0, negative));
    }
    let numerator = a.clone().unsigned_abs();
    let denominator = b.clone().unsigned_abs();
    // Scale so the integer quotient has at least 55 bits: enough for rounding.
    let shift = MANTISSA_BITS + 2 - (numerator.bit_len() as i64 - denominator.bit_len() as i64);
    let (quotient, remainder) = if shift >= 0 {
        (numerator << shift as usize).div_rem(&denominator)
    } else {
        numerator.div_rem(&(denominator << (-shift) as usize))
    };
    round_to_double(&quotient, -shift, !remainder.is_zero())
        .map(|v| apply_sign(v, negative))
        .ok_or_else(|| NumError::overflow("integer division result too large for a float"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(text: &str) -> BigInt {
        text.parse().unwrap()
    }

    #[test]
    fn conversions_round_half_even() {
        // float(2**53 + 1) == 2**53, float(2**53 + 3) == 2**53 + 4.
        assert_eq!(
            to_f64(&big("9007199254740993")).unwrap(),
            9007199254740992.0
        );
        assert_eq!(
            to_f64(&big("9007199254740995")).unwrap(),
            9007199254740996.0
        );
        assert_eq!(
            to_f64(&big("-9007199254740995")).unwrap(),
            -9007199254740996.0
        );
        assert!(to_f64(&(BigInt::ONE << 1024)).is_err());
        assert_eq!(from_f64(1e300).unwrap(), big("1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160"));
    }

    #[test]
    fn true_division() {
        assert_eq!(
            true_div(&BigInt::from(0), &BigInt::from(-5))
                .unwrap()
                .to_bits(),
            (-0.0f64).to_bits()
        );
        assert!(true_div(&(BigInt::ONE << 1100), &BigInt::ONE).is_err());
        // 10**400 / 10**399 == 10.0
        let ten = BigInt::from(10);
        assert_eq!(true_div(&ten.pow(400), &ten.pow(399)).unwrap(), 10.0);
        // 1 / 10**400 == 0.0 ; 1 / 2**1074 == 5e-324 ; 1 / 2**1075 rounds to even 0.0
        assert_eq!(true_div(&BigInt::ONE, &ten.pow(400)).unwrap(), 0.0);
        assert_eq!(
            true_div(&BigInt::ONE, &(BigInt::ONE << 1074)).unwrap(),
            5e-324
        );
        assert_eq!(true_div(&BigInt::ONE, &(BigInt::ONE << 1075)).unwrap(), 0.0);
        assert_eq!(
            true_div(&BigInt::from(3), &(BigInt::ONE << 1076)).unwrap(),
            5e-324
        );
    }
}
