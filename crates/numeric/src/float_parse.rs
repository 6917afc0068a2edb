//! `float(text)`: decimal strings with underscores between digits, `inf`/`infinity`/
//! `nan` in any case, surrounding whitespace, Unicode digits. Also the float scanner
//! `complex()` parsing builds on.

use crate::error::{NumError, NumResult};
use crate::numeric_text::{to_ascii, trim_ascii_space};

/// `float(text)` for a `str`; `repr` gives `repr(text)` for the error message.
pub fn parse_float_str(text: &str, repr: impl FnOnce() -> String) -> NumResult<f64> {
    parse_float_bytes(&to_ascii(text), repr)
}

/// `float(data)` for `bytes`/`bytearray` (ASCII only).
pub fn parse_float_bytes(data: &[u8], repr: impl FnOnce() -> String) -> NumResult<f64> {
    let parsed =
        remove_underscores(trim_ascii_space(data)).and_then(|clean| match scan_float(&clean, 0) {
            Some((value, end)) if end == clean.len() => Some(value),
            _ => None,
        });
    parsed.ok_or_else(|| NumError::value(format!("could not convert string to float: {}", repr())))
}

/// Drops underscores that sit between two ASCII digits; `None` if any other
/// underscore is present (CPython's `_Py_string_to_number_with_underscores`).
pub(crate) fn remove_underscores(text: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len());
    for (index, &byte) in text.iter().enumerate() {
        if byte != b'_' {
            out.push(byte);
            continue;
        }
        let before = index.checked_sub(1).and_then(|i| text.get(i));
        let after = text.get(index + 1);
        let is_digit = |b: Option<&u8>| b.is_some_and(u8::is_ascii_digit);
        if !is_digit(before) || !is_digit(after) {
            return None;
        }
    }
    Some(out)
}

fn digits_from(text: &[u8], pos: usize) -> usize {
    text[pos.min(text.len())..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count()
}

fn starts_with_ignore_case(text: &[u8], pos: usize, word: &str) -> bool {
    text.get(pos..pos + word.len())
        .is_some_and(|slice| slice.eq_ignore_ascii_case(word.as_bytes()))
}

/// Scans the longest float at `pos` (sign, digits, point, exponent, or
/// `inf`/`infinity`/`nan`), as `strtod` would; returns the value and the end index.
/// `text` must have no underscores left.
pub(crate) fn scan_float(text: &[u8], pos: usize) -> Option<(f64, usize)> {
    let mut cursor = pos;
    let negative = match text.get(cursor) {
        Some(b'-') => {
            cursor += 1;
            true
        }
        Some(b'+') => {
            cursor += 1;
            false
        }
        _ => false,
    };
    let signed = |value: f64| if negative { -value } else { value };
    for (word, value) in [
        ("infinity", f64::INFINITY),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        if starts_with_ignore_case(text, cursor, word) {
            return Some((signed(value), cursor + word.len()));
        }
    }
    let number_start = cursor;
    let int_digits = digits_from(text, cursor);
    cursor += int_digits;
    let mut frac_digits = 0;
    if text.get(cursor) == Some(&b'.') {
        frac_digits = digits_from(text, cursor + 1);
        if int_digits + frac_digits > 0 {
            cursor += 1 + frac_digits;
        }
    }
    if int_digits + frac_digits == 0 {
        return None;
    }
    if matches!(text.get(cursor), Some(b'e' | b'E')) {
        let sign_len = usize::from(matches!(text.get(cursor + 1), Some(b'+' | b'-')));
        let exp_digits = digits_from(text, cursor + 1 + sign_len);
        if exp_digits > 0 {
            cursor += 1 + sign_len + exp_digits;
        }
    }
    let number = std::str::from_utf8(&text[number_start..cursor]).ok()?;
    let magnitude: f64 = number.parse().ok()?;
    Some((signed(magnitude), cursor))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> NumResult<f64> {
        parse_float_str(text, || format!("'{text}'"))
    }

    #[test]
    fn accepts_what_cpython_accepts() {
        // Values printed by the reference interpreter.
        assert_eq!(parse("1e1_0").unwrap(), 1e10);
        assert_eq!(parse(".5").unwrap(), 0.5);
        assert_eq!(parse("5.").unwrap(), 5.0);
        assert_eq!(parse(" +InFiNiTy ").unwrap(), f64::INFINITY);
        assert!(parse("-nan").unwrap().is_nan());
        assert_eq!(parse("١.٥").unwrap(), 1.5);
        assert_eq!(parse("1e500").unwrap(), f64::INFINITY);
        assert_eq!(parse("-1e-500").unwrap().to_bits(), (-0.0f64).to_bits());
    }

    #[test]
    fn rejects_what_cpython_rejects() {
        for text in [
            "1_.5", ".", "infinit", "1e", "0x1p3", "", "1_", "_1", "1__0",
        ] {
            assert_eq!(
                parse(text).unwrap_err().message(),
                format!("could not convert string to float: '{text}'")
            );
        }
    }
}
