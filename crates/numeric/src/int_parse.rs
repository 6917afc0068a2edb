//! `int(text, base)` exactly as CPython parses it: whitespace, sign, base prefixes,
//! underscores between digits, Unicode digits, and the `sys.set_int_max_str_digits`
//! limit for bases that are not powers of two.

use crate::error::{NumError, NumResult};
use crate::numeric_text::{to_ascii, trim_ascii_space, truncated_repr};
use crate::BigInt;
use dashu_int::UBig;

/// Why a string is not an int.
enum ParseFailure {
    /// "invalid literal for int() with base N: ..."
    InvalidLiteral,
    /// More digits than the limit allows (the count of digits found).
    TooManyDigits(usize),
}

/// `int(text, base)` for a `str`. `max_str_digits` is `sys.get_int_max_str_digits()`
/// (0 = unlimited); `repr` gives `repr(text)` for the error message.
pub fn parse_int_str(
    text: &str,
    base: i64,
    max_str_digits: usize,
    repr: impl FnOnce() -> String,
) -> NumResult<BigInt> {
    let base = checked_base(base)?;
    let ascii = to_ascii(text);
    let result = parse_ascii(&ascii, base, max_str_digits);
    explain(result, base, max_str_digits, repr)
}

/// `int(data, base)` for `bytes`/`bytearray`: only ASCII whitespace and digits count.
pub fn parse_int_bytes(
    data: &[u8],
    base: i64,
    max_str_digits: usize,
    repr: impl FnOnce() -> String,
) -> NumResult<BigInt> {
    let base = checked_base(base)?;
    let result = parse_ascii(data, base, max_str_digits);
    explain(result, base, max_str_digits, repr)
}

fn checked_base(base: i64) -> NumResult<u32> {
    match base {
        0 | 2..=36 => Ok(base as u32),
        _ => Err(NumError::value("int() base must be >= 2 and <= 36, or 0")),
    }
}

/// The message CPython gives when a string has more digits than the limit allows.
pub(crate) fn too_many_digits_message(limit: usize, count: usize) -> String {
    format!(
        "Exceeds the limit ({limit} digits) for integer string conversion: value has \
         {count} digits; use sys.set_int_max_str_digits() to increase the limit"
    )
}

fn explain(
    result: Result<BigInt, ParseFailure>,
    base: u32,
    max_str_digits: usize,
    repr: impl FnOnce() -> String,
) -> NumResult<BigInt> {
    result.map_err(|failure| match failure {
        ParseFailure::InvalidLiteral => NumError::value(format!(
            "invalid literal for int() with base {base}: {}",
            truncated_repr(repr())
        )),
        ParseFailure::TooManyDigits(count) => {
            NumError::value(too_many_digits_message(max_str_digits, count))
        }
    })
}

/// Splits off a base prefix (`0x`, `0o`, `0b`) that matches `base` (or picks the base
/// when it is 0). Returns the base to use, the rest, and whether a prefix was present.
fn split_prefix(body: &[u8], base: u32) -> (u32, &[u8], bool) {
    let prefixed = match body {
        [b'0', kind, ..] => match kind.to_ascii_lowercase() {
            b'x' => Some(16),
            b'o' => Some(8),
            b'b' => Some(2),
            _ => None,
        },
        _ => None,
    };
    match prefixed {
        Some(prefix_base) if base == 0 || base == prefix_base => (prefix_base, &body[2..], true),
        _ if base == 0 => (10, body, false),
        _ => (base, body, false),
    }
}

/// Digits of `body` without underscores, if the underscores sit only between digits
/// (or right after a base prefix) and every character is a digit of `base`.
fn collect_digits(body: &[u8], base: u32, after_prefix: bool) -> Option<Vec<u8>> {
    let body = match body {
        [b'_', rest @ ..] if after_prefix => rest,
        _ => body,
    };
    let mut digits = Vec::with_capacity(body.len());
    let mut previous_was_digit = false;
    for &byte in body {
        if byte == b'_' {
            if !previous_was_digit {
                return None;
            }
            previous_was_digit = false;
            continue;
        }
        char::from(byte).to_digit(base)?;
        digits.push(byte);
        previous_was_digit = true;
    }
    (previous_was_digit && !digits.is_empty()).then_some(digits)
}

fn parse_ascii(text: &[u8], base: u32, max_str_digits: usize) -> Result<BigInt, ParseFailure> {
    let trimmed = trim_ascii_space(text);
    let (negative, unsigned) = match trimmed {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        _ => (false, trimmed),
    };
    let (actual_base, body, had_prefix) = split_prefix(unsigned, base);
    let digits =
        collect_digits(body, actual_base, had_prefix).ok_or(ParseFailure::InvalidLiteral)?;
    // Base 0 follows literal syntax: no leading zeros on a nonzero decimal number.
    if base == 0 && !had_prefix && digits[0] == b'0' && digits.iter().any(|&d| d != b'0') {
        return Err(ParseFailure::InvalidLiteral);
    }
    if !actual_base.is_power_of_two() && max_str_digits > 0 && digits.len() > max_str_digits {
        return Err(ParseFailure::TooManyDigits(digits.len()));
    }
    // Every byte is an ASCII digit of the base, so this is valid UTF-8 and parses.
    let text = std::str::from_utf8(&digits).map_err(|_| ParseFailure::InvalidLiteral)?;
    let magnitude =
        UBig::from_str_radix(text, actual_base).map_err(|_| ParseFailure::InvalidLiteral)?;
    let value = BigInt::from(magnitude);
    Ok(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str, base: i64) -> NumResult<BigInt> {
        parse_int_str(text, base, 4300, || format!("'{text}'"))
    }

    #[test]
    fn accepts_what_cpython_accepts() {
        // Values printed by the reference interpreter.
        for (text, base, value) in [
            ("0_0", 0, 0),
            ("00", 0, 0),
            ("0x_1f", 16, 31),
            ("0x_1f", 0, 31),
            (" \t 12 \n", 10, 12),
            ("\u{a0}12\u{2003}", 10, 12),
            ("١٢٣", 10, 123),
            ("0b1", 16, 177),
            ("0b1", 2, 1),
            ("0o_7", 8, 7),
            ("Z", 36, 35),
            ("  -0x1f  ", 0, -31),
        ] {
            assert_eq!(parse(text, base).unwrap(), BigInt::from(value), "{text:?}");
        }
    }

    #[test]
    fn rejects_what_cpython_rejects() {
        for (text, base) in [
            ("012", 0),
            ("_1", 10),
            ("1__2", 10),
            ("12\0", 10),
            ("-  1", 10),
            ("+-1", 10),
            ("0b", 0),
            ("1e5", 10),
            ("\x1c1", 10),
            (" ", 10),
            ("1_", 10),
        ] {
            let error = parse(text, base).unwrap_err();
            assert_eq!(
                error.message(),
                format!("invalid literal for int() with base {base}: '{text}'")
            );
        }
        assert_eq!(
            parse("1", 37).unwrap_err().message(),
            "int() base must be >= 2 and <= 36, or 0"
        );
        assert_eq!(
            parse(&"9".repeat(4301), 10).unwrap_err().message(),
            "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 \
             digits; use sys.set_int_max_str_digits() to increase the limit"
        );
    }
}
