//! Ints to text: `str(int)` with the `sys.set_int_max_str_digits` limit, and
//! `bin()`/`oct()`/`hex()` (also the digit strings the format mini-language pads).

use crate::error::{NumError, NumResult};
use crate::BigInt;
use dashu_base::BitTest;

/// The power-of-two bases Python prints with a prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Radix {
    Binary,
    Octal,
    Hex,
}

impl Radix {
    /// `0b`, `0o`, `0x`.
    pub fn prefix(self) -> &'static str {
        match self {
            Radix::Binary => "0b",
            Radix::Octal => "0o",
            Radix::Hex => "0x",
        }
    }
}

const TO_STR_LIMIT_MESSAGE: &str = "for integer string conversion; use \
    sys.set_int_max_str_digits() to increase the limit";

fn exceeds_limit(limit: usize) -> NumError {
    NumError::value(format!(
        "Exceeds the limit ({limit} digits) {TO_STR_LIMIT_MESSAGE}"
    ))
}

/// Drops the sign dashu prints for negative values.
fn without_minus(text: String) -> String {
    match text.strip_prefix('-') {
        Some(digits) => digits.to_string(),
        None => text,
    }
}

/// Decimal digits of `|value|` (no sign). `max_str_digits` is
/// `sys.get_int_max_str_digits()` (0 = unlimited).
pub fn magnitude_decimal(value: &BigInt, max_str_digits: usize) -> NumResult<String> {
    if max_str_digits > 0 {
        // A value of n bits has at least floor((n - 1) * log10(2)) + 1 digits: refuse
        // early, without converting, when that alone is over the limit.
        let bits = value.bit_len() as f64;
        if (bits - 1.0) * std::f64::consts::LOG10_2 >= max_str_digits as f64 + 1.0 {
            return Err(exceeds_limit(max_str_digits));
        }
    }
    let digits = without_minus(value.to_string());
    if max_str_digits > 0 && digits.len() > max_str_digits {
        return Err(exceeds_limit(max_str_digits));
    }
    Ok(digits)
}

/// `str(value)`.
pub fn to_decimal_string(value: &BigInt, max_str_digits: usize) -> NumResult<String> {
    let digits = magnitude_decimal(value, max_str_digits)?;
    Ok(if value.sign() == dashu_int::Sign::Negative {
        format!("-{digits}")
    } else {
        digits
    })
}

/// Digits of `|value|` in a power-of-two base, without prefix or sign.
pub fn magnitude_in_radix(value: &BigInt, radix: Radix, uppercase: bool) -> String {
    let text = match (radix, uppercase) {
        (Radix::Binary, _) => format!("{value:b}"),
        (Radix::Octal, _) => format!("{value:o}"),
        (Radix::Hex, false) => format!("{value:x}"),
        (Radix::Hex, true) => format!("{value:X}"),
    };
    without_minus(text)
}

/// `bin(value)`, `oct(value)`, `hex(value)`: `-0x1f` style.
pub fn to_prefixed_string(value: &BigInt, radix: Radix) -> String {
    let sign = if value.sign() == dashu_int::Sign::Negative {
        "-"
    } else {
        ""
    };
    format!(
        "{sign}{}{}",
        radix.prefix(),
        magnitude_in_radix(value, radix, false)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_match_cpython() {
        // Values printed by the reference interpreter.
        assert_eq!(
            to_prefixed_string(&BigInt::from(-5), Radix::Binary),
            "-0b101"
        );
        assert_eq!(to_prefixed_string(&BigInt::from(8), Radix::Octal), "0o10");
        assert_eq!(
            to_prefixed_string(&-(BigInt::ONE << 70), Radix::Hex),
            "-0x400000000000000000"
        );
        let ten = BigInt::from(10);
        assert_eq!(to_decimal_string(&ten.pow(4299), 4300).unwrap().len(), 4300);
        assert_eq!(
            to_decimal_string(&-ten.pow(4300), 4300)
                .unwrap_err()
                .message(),
            "Exceeds the limit (4300 digits) for integer string conversion; use \
             sys.set_int_max_str_digits() to increase the limit"
        );
    }
}
