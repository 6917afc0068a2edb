//! Integer arithmetic with Python semantics on [`BigInt`]: floor division and modulo,
//! `**` and three-argument `pow`, shifts, bit queries; plus checked `i64` fast paths for
//! the VM's unboxed small ints (they return `None` when the result needs a big int).

use crate::error::{NumError, NumResult, DIVISION_BY_ZERO};
use crate::BigInt;
use dashu_base::{BitTest, DivRem, UnsignedAbs};
use dashu_int::fast_div::ConstDivisor;
use dashu_int::{Sign, UBig};

/// Largest result, in bits, we try to allocate; bigger results raise `MemoryError`
/// (CPython would fail in `malloc`; Rust would abort the process instead).
pub const MAX_RESULT_BITS: u64 = 1 << 36;

/// A shift count this large makes CPython report "too many digits in integer" even
/// before trying to allocate.
const TOO_MANY_DIGITS_SHIFT: u64 = 0x7fff_ffff_ffff_ffdb;

fn zero_division() -> NumError {
    NumError::zero_division(DIVISION_BY_ZERO)
}

/// `a // b` and `a % b` together: the quotient rounds toward negative infinity and the
/// remainder takes the sign of the divisor.
pub fn divmod(a: &BigInt, b: &BigInt) -> NumResult<(BigInt, BigInt)> {
    if b.is_zero() {
        return Err(zero_division());
    }
    let (quotient, remainder) = a.div_rem(b);
    if !remainder.is_zero() && (remainder.sign() != b.sign()) {
        Ok((quotient - BigInt::ONE, remainder + b))
    } else {
        Ok((quotient, remainder))
    }
}

/// `a // b`.
pub fn floor_div(a: &BigInt, b: &BigInt) -> NumResult<BigInt> {
    divmod(a, b).map(|(quotient, _)| quotient)
}

/// `a % b`.
pub fn floor_mod(a: &BigInt, b: &BigInt) -> NumResult<BigInt> {
    divmod(a, b).map(|(_, remainder)| remainder)
}

/// `a // b` on machine ints; `Ok(None)` when the result overflows (`i64::MIN // -1`).
pub fn floor_div_i64(a: i64, b: i64) -> NumResult<Option<i64>> {
    Ok(divmod_i64(a, b)?.map(|(quotient, _)| quotient))
}

/// `a % b` on machine ints (never overflows).
pub fn mod_i64(a: i64, b: i64) -> NumResult<i64> {
    if b == 0 {
        return Err(zero_division());
    }
    let remainder = a.checked_rem(b).unwrap_or(0);
    if remainder != 0 && ((remainder < 0) != (b < 0)) {
        Ok(remainder + b)
    } else {
        Ok(remainder)
    }
}

/// `divmod(a, b)` on machine ints; `Ok(None)` when the quotient overflows.
pub fn divmod_i64(a: i64, b: i64) -> NumResult<Option<(i64, i64)>> {
    let remainder = mod_i64(a, b)?;
    // (a - remainder) is an exact multiple of b; it can only overflow for MIN / -1.
    Ok(a.checked_sub(remainder)
        .and_then(|exact| exact.checked_div(b))
        .map(|quotient| (quotient, remainder)))
}

/// `base ** exp` for `exp >= 0` on machine ints; `None` on overflow.
pub fn pow_i64(base: i64, exp: u64) -> Option<i64> {
    let exp = u32::try_from(exp).ok().or(match base {
        0 | 1 => Some(1),
        -1 => Some(if exp.is_multiple_of(2) { 2 } else { 1 }),
        _ => None,
    })?;
    base.checked_pow(exp)
}

/// `base ** exp` for a non-negative exponent. Negative exponents produce floats in
/// Python: see [`pow_negative_exponent`].
pub fn pow(base: &BigInt, exp: &UBig) -> NumResult<BigInt> {
    let odd = exp.bit(0);
    if base.is_zero() {
        return Ok(if exp.is_zero() {
            BigInt::ONE
        } else {
            BigInt::ZERO
        });
    }
    let magnitude_is_one = base.bit_len() == 1;
    if magnitude_is_one {
        return Ok(if base.sign() == Sign::Negative && odd {
            -BigInt::ONE
        } else {
            BigInt::ONE
        });
    }
    let exp = usize::try_from(exp).map_err(|_| NumError::Memory)?;
    let bits = base.bit_len() as u128 * exp as u128;
    if bits > u128::from(MAX_RESULT_BITS) {
        return Err(NumError::Memory);
    }
    Ok(base.pow(exp))
}

/// `base ** exp` for a negative `exp`: Python converts both to float first.
pub fn pow_negative_exponent(base: &BigInt, exp: &BigInt) -> NumResult<f64> {
    let base = crate::int_float::to_f64(base)?;
    let exp = crate::int_float::to_f64(exp)?;
    crate::float_ops::pow_finite(base, exp)
}

/// Three-argument `pow(base, exp, modulus)`; a negative exponent uses the modular
/// inverse of `base`. The result has the sign of `modulus`, as `%` does.
pub fn pow_mod(base: &BigInt, exp: &BigInt, modulus: &BigInt) -> NumResult<BigInt> {
    if modulus.is_zero() {
        return Err(NumError::value("pow() 3rd argument cannot be 0"));
    }
    let positive_modulus = modulus.clone().unsigned_abs();
    if positive_modulus.is_one() {
        return Ok(BigInt::ZERO);
    }
    let ring = ConstDivisor::new(positive_modulus.clone());
    let mut reduced = ring.reduce(base.clone());
    if exp.sign() == Sign::Negative {
        reduced = reduced
            .inv()
            .ok_or_else(|| NumError::value("base is not invertible for the given modulus"))?;
    }
    let residue = BigInt::from(reduced.pow(&exp.clone().unsigned_abs()).residue());
    if modulus.sign() == Sign::Negative && !residue.is_zero() {
        Ok(residue - BigInt::from(positive_modulus))
    } else {
        Ok(residue)
    }
}

/// Converts a shift count, raising "negative shift count" as CPython does.
fn shift_count(count: &BigInt) -> NumResult<Option<u64>> {
    if count.sign() == Sign::Negative {
        return Err(NumError::value("negative shift count"));
    }
    Ok(u64::try_from(count).ok())
}

/// `value << count`.
pub fn shl(value: &BigInt, count: &BigInt) -> NumResult<BigInt> {
    let count = shift_count(count)?;
    if value.is_zero() {
        return Ok(BigInt::ZERO);
    }
    let count = match count {
        Some(count) if count < TOO_MANY_DIGITS_SHIFT => count,
        _ => return Err(NumError::overflow("too many digits in integer")),
    };
    let bits = value.bit_len() as u64;
    if bits.saturating_add(count) > MAX_RESULT_BITS {
        return Err(NumError::Memory);
    }
    Ok(value << count as usize)
}

/// `value >> count` (arithmetic: rounds toward negative infinity).
pub fn shr(value: &BigInt, count: &BigInt) -> NumResult<BigInt> {
    let count = shift_count(count)?;
    let bits = value.bit_len() as u64;
    match count {
        Some(count) if count < bits => Ok(value >> count as usize),
        _ if value.sign() == Sign::Negative => Ok(-BigInt::ONE),
        _ => Ok(BigInt::ZERO),
    }
}

/// `value << count` on machine ints; `Ok(None)` when the result needs a big int.
pub fn shl_i64(value: i64, count: i64) -> NumResult<Option<i64>> {
    if count < 0 {
        return Err(NumError::value("negative shift count"));
    }
    if value == 0 {
        return Ok(Some(0));
    }
    if count >= 63 {
        return Ok(None);
    }
    let shifted = value << count;
    Ok((shifted >> count == value).then_some(shifted))
}

/// `value >> count` on machine ints.
pub fn shr_i64(value: i64, count: i64) -> NumResult<i64> {
    if count < 0 {
        return Err(NumError::value("negative shift count"));
    }
    Ok(value >> count.min(63))
}

/// `int.bit_length()`: bits in the magnitude, without sign.
pub fn bit_length(value: &BigInt) -> u64 {
    value.bit_len() as u64
}

/// `int.bit_count()`: one bits in the magnitude.
pub fn bit_count(value: &BigInt) -> u64 {
    value.clone().unsigned_abs().count_ones() as u64
}

/// `~value`, which is `-(value + 1)` in Python.
pub fn invert(value: &BigInt) -> BigInt {
    !value
}

/// `a & b` with infinite two's complement semantics for negatives.
pub fn bit_and(a: &BigInt, b: &BigInt) -> BigInt {
    a & b
}

/// `a | b` with infinite two's complement semantics for negatives.
pub fn bit_or(a: &BigInt, b: &BigInt) -> BigInt {
    a | b
}

/// `a ^ b` with infinite two's complement semantics for negatives.
pub fn bit_xor(a: &BigInt, b: &BigInt) -> BigInt {
    a ^ b
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(text: &str) -> BigInt {
        text.parse().unwrap()
    }

    #[test]
    fn floor_division_follows_the_divisor_sign() {
        // (a, b, a // b, a % b) from the reference interpreter.
        for (a, b, q, r) in [
            (7, 2, 3, 1),
            (-7, 2, -4, 1),
            (7, -2, -4, -1),
            (-7, -2, 3, -1),
        ] {
            let (quotient, remainder) = divmod(&BigInt::from(a), &BigInt::from(b)).unwrap();
            assert_eq!((quotient, remainder), (BigInt::from(q), BigInt::from(r)));
            assert_eq!(divmod_i64(a, b).unwrap(), Some((q, r)));
        }
        assert_eq!(divmod_i64(i64::MIN, -1).unwrap(), None);
        assert_eq!(mod_i64(i64::MIN, -1).unwrap(), 0);
        assert!(divmod_i64(1, 0).is_err());
    }

    #[test]
    fn three_argument_pow() {
        let m = |x: i64| BigInt::from(x);
        assert_eq!(pow_mod(&m(2), &m(-1), &m(5)).unwrap(), m(3));
        assert_eq!(pow_mod(&m(3), &m(-2), &m(1)).unwrap(), m(0));
        assert_eq!(pow_mod(&m(2), &m(10), &m(-7)).unwrap(), m(-5));
        assert!(pow_mod(&m(2), &m(-1), &m(4)).is_err());
        assert!(pow_mod(&m(2), &m(3), &m(0)).is_err());
    }

    #[test]
    fn shifts() {
        assert_eq!(
            shr(&big("-1"), &big("1208925819614629174706176")).unwrap(),
            big("-1")
        );
        assert_eq!(
            shl(&big("0"), &big("1208925819614629174706176")).unwrap(),
            big("0")
        );
        assert_eq!(shl_i64(1, 62).unwrap(), Some(1 << 62));
        assert_eq!(shl_i64(1, 63).unwrap(), None);
        assert_eq!(shl_i64(-1, 63).unwrap(), None);
        assert_eq!(shr_i64(-5, 100).unwrap(), -1);
        assert!(shl(&big("1"), &big("-1")).is_err());
    }

    #[test]
    fn small_pow() {
        assert_eq!(pow_i64(-1, u64::MAX), Some(-1));
        assert_eq!(pow_i64(2, 63), None);
        assert_eq!(pow_i64(-2, 63), Some(i64::MIN));
    }
}
