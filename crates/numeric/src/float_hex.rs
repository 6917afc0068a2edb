//! `float.hex()` and `float.fromhex()`.

use crate::error::{NumError, NumResult};
use crate::numeric_text::trim_ascii_space;

/// `x.hex()`: `0x1.8000000000000p+0`, `-0x0.0p+0`, `inf`, `nan`.
pub fn float_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1 << 52) - 1);
    let (lead, exp) = if biased == 0 {
        (0, -1022)
    } else {
        (1, biased - 1023)
    };
    format!("{sign}0x{lead}.{fraction:013x}p{exp:+}")
}

fn invalid() -> NumError {
    NumError::value("invalid hexadecimal floating-point string")
}

/// Largest binary exponent worth keeping exact; beyond it the value is surely out of
/// range, whatever the digits.
const EXPONENT_CLAMP: i64 = 1 << 40;

/// `float.fromhex(text)`, correctly rounded (ties to even), with CPython's errors.
pub fn float_fromhex(text: &str) -> NumResult<f64> {
    let body = trim_ascii_space(text.as_bytes());
    let (negative, rest) = match body {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        _ => (false, body),
    };
    let signed = |value: f64| if negative { -value } else { value };
    for (word, value) in [
        ("infinity", f64::INFINITY),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        if rest.eq_ignore_ascii_case(word.as_bytes()) {
            return Ok(signed(value));
        }
    }
    let rest = match rest {
        [b'0', b'x' | b'X', tail @ ..] => tail,
        _ => rest,
    };
    let int_len = rest.iter().take_while(|b| b.is_ascii_hexdigit()).count();
    let (int_part, rest) = rest.split_at(int_len);
    let (frac_part, rest) = match rest {
        [b'.', tail @ ..] => {
            let frac_len = tail.iter().take_while(|b| b.is_ascii_hexdigit()).count();
            tail.split_at(frac_len)
        }
        _ => (&rest[..0], rest),
    };
    if int_part.is_empty() && frac_part.is_empty() {
        return Err(invalid());
    }
    let (exponent, trailing) = match rest {
        [b'p' | b'P', exp @ ..] => parse_exponent(exp).ok_or_else(invalid)?,
        _ => (0, rest),
    };
    let digits: Vec<u8> = int_part.iter().chain(frac_part).copied().collect();
    let digits = std::str::from_utf8(&digits).map_err(|_| invalid())?;
    let magnitude = dashu_int::UBig::from_str_radix(digits, 16).map_err(|_| invalid())?;
    let binary_exp = exponent - 4 * frac_part.len() as i64;
    let value = crate::int_float::round_to_double(&magnitude, binary_exp, false)
        .ok_or_else(|| NumError::overflow("hexadecimal value too large to represent as a float"))?;
    // CPython reports overflow before it looks at what follows the number.
    if !trailing.is_empty() {
        return Err(invalid());
    }
    Ok(signed(value))
}

/// A decimal exponent with optional sign, clamped to ±[`EXPONENT_CLAMP`], and the
/// text after it.
fn parse_exponent(text: &[u8]) -> Option<(i64, &[u8])> {
    let (negative, digits) = match text {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        _ => (false, text),
    };
    let digit_count = digits.iter().take_while(|b| b.is_ascii_digit()).count();
    if digit_count == 0 {
        return None;
    }
    let (digits, trailing) = digits.split_at(digit_count);
    let magnitude = digits.iter().fold(0i64, |acc, &d| {
        (acc * 10 + i64::from(d - b'0')).min(EXPONENT_CLAMP)
    });
    Some((if negative { -magnitude } else { magnitude }, trailing))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_matches_cpython() {
        // Strings printed by the reference interpreter.
        assert_eq!(float_hex(1.5), "0x1.8000000000000p+0");
        assert_eq!(float_hex(-0.0), "-0x0.0p+0");
        assert_eq!(float_hex(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(float_hex(1e300), "0x1.7e43c8800759cp+996");
    }

    #[test]
    fn fromhex_matches_cpython() {
        assert_eq!(float_fromhex("0x1.8p1").unwrap(), 3.0);
        assert_eq!(
            float_fromhex(" -0X1.FFFFFFFFFFFFFP+1023 ").unwrap(),
            -f64::MAX
        );
        assert!(float_fromhex("0x1p1024").is_err());
        assert!(float_fromhex("0x1.fffffffffffff8p1023").is_err());
        assert_eq!(float_fromhex("0x1p-1075").unwrap(), 0.0);
        assert_eq!(float_fromhex("0x1.0000000000001p-1075").unwrap(), 5e-324);
        assert_eq!(float_fromhex("0x3p-1076").unwrap(), 5e-324);
        assert_eq!(float_fromhex("1.8").unwrap(), 1.5);
        assert_eq!(float_fromhex("0x.8").unwrap(), 0.5);
        assert_eq!(float_fromhex("0x1.").unwrap(), 1.0);
        for bad in ["0x", "0x1p", "0x1_0", "x"] {
            assert!(float_fromhex(bad).is_err(), "{bad}");
        }
    }
}
