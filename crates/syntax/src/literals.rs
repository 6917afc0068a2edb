//! Values of literal tokens: numbers, and string/bytes bodies with their escapes.
//!
//! Errors are returned as message plus the byte range (within the body) CPython's
//! `unicodeescape` codec names, so the parser can place them on the token.

use crate::ast::Constant;
use adder_numeric::BigInt;

/// The value of a NUMBER token (the tokenizer has already validated its form).
pub fn parse_number(text: &str) -> Constant {
    let cleaned;
    let text = if text.contains('_') {
        cleaned = text.replace('_', "");
        cleaned.as_str()
    } else {
        text
    };
    let bytes = text.as_bytes();
    if bytes.len() > 2 && bytes[0] == b'0' {
        let radix = match bytes[1] {
            b'x' | b'X' => 16,
            b'o' | b'O' => 8,
            b'b' | b'B' => 2,
            _ => 0,
        };
        if radix != 0 {
            return Constant::Int(parse_int_radix(&text[2..], radix));
        }
    }
    if let Some(imag) = text.strip_suffix(['j', 'J']) {
        return Constant::Complex {
            real: 0.0,
            imag: imag.parse().unwrap_or(f64::NAN),
        };
    }
    if text.contains(['.', 'e', 'E']) {
        return Constant::Float(text.parse().unwrap_or(f64::NAN));
    }
    Constant::Int(parse_int_radix(text, 10))
}

fn parse_int_radix(digits: &str, radix: u32) -> BigInt {
    if let Ok(small) = u64::from_str_radix(digits, radix) {
        return BigInt::from(small);
    }
    BigInt::from_str_radix(digits, radix).unwrap_or_default()
}

/// A decoding failure: CPython's message and the byte range within the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EscapeError {
    pub msg: String,
}

/// Decoded text of a str literal: a Rust string, or code points when it holds
/// lone surrogates.
pub enum DecodedStr {
    Text(String),
    Surrogates(Vec<u32>),
}

impl DecodedStr {
    pub fn into_constant(self) -> Constant {
        match self {
            DecodedStr::Text(s) => Constant::Str(s),
            DecodedStr::Surrogates(cps) => Constant::SurrogateStr(cps),
        }
    }
}

/// Decode the body of a non-raw str literal: straight into a `String`, the plain
/// runs between escapes copied whole; only a literal that turns out to hold a
/// lone surrogate (`"\ud800"`) is decoded again as code points.
pub fn decode_str(body: &str) -> Result<DecodedStr, EscapeError> {
    let mut out = String::with_capacity(body.len());
    let mut copied = 0;
    while let Some(offset) = body[copied..].find('\\') {
        let esc_start = copied + offset;
        out.push_str(&body[copied..esc_start]);
        let mut i = esc_start + 1;
        match str_escape(body, &mut i, esc_start)? {
            StrEscape::LineContinuation => {}
            StrEscape::Value(cp) => match char::from_u32(cp) {
                Some(c) => out.push(c),
                None => return decode_code_points(body).map(DecodedStr::Surrogates),
            },
            StrEscape::Unknown(c) => {
                out.push('\\');
                out.push(c);
            }
        }
        copied = i;
    }
    out.push_str(&body[copied..]);
    Ok(DecodedStr::Text(out))
}

/// [`decode_str`] as code points, for a literal holding a lone surrogate.
fn decode_code_points(body: &str) -> Result<Vec<u32>, EscapeError> {
    let mut out: Vec<u32> = Vec::with_capacity(body.len());
    let mut i = 0;
    while let Some(ch) = body[i..].chars().next() {
        if ch != '\\' {
            out.push(ch as u32);
            i += ch.len_utf8();
            continue;
        }
        let esc_start = i;
        i += 1;
        match str_escape(body, &mut i, esc_start)? {
            StrEscape::LineContinuation => {}
            StrEscape::Value(cp) => out.push(cp),
            StrEscape::Unknown(c) => out.extend(['\\' as u32, c as u32]),
        }
    }
    Ok(out)
}

/// What one backslash escape of a str literal stands for.
enum StrEscape {
    /// A backslash-newline: nothing.
    LineContinuation,
    /// A code point (possibly a lone surrogate).
    Value(u32),
    /// No escape: the backslash stays, followed by this character.
    Unknown(char),
}

/// The escape whose backslash is at `esc_start`, `*i` just after it; moves `*i`
/// past the escape. A backslash ending the body stands for itself.
fn str_escape(body: &str, i: &mut usize, esc_start: usize) -> Result<StrEscape, EscapeError> {
    let bytes = body.as_bytes();
    let Some(&e) = bytes.get(*i) else {
        return Ok(StrEscape::Value('\\' as u32));
    };
    *i += 1;
    let value = match e {
        b'\n' => return Ok(StrEscape::LineContinuation),
        b'\\' | b'\'' | b'"' => u32::from(e),
        b'a' => 7,
        b'b' => 8,
        b'f' => 12,
        b'n' => 10,
        b'r' => 13,
        b't' => 9,
        b'v' => 11,
        b'0'..=b'7' => {
            let (value, next) = octal_escape(bytes, *i - 1);
            *i = next;
            value
        }
        b'x' => hex_escape(bytes, i, 2, esc_start, "truncated \\xXX escape")?,
        b'u' => hex_escape(bytes, i, 4, esc_start, "truncated \\uXXXX escape")?,
        b'U' => {
            let v = hex_escape(bytes, i, 8, esc_start, "truncated \\UXXXXXXXX escape")?;
            if v > 0x10ffff {
                return Err(unicode_error(
                    esc_start,
                    *i - 1,
                    "illegal Unicode character",
                ));
            }
            v
        }
        b'N' => named_escape(body, i, esc_start)?,
        _ => {
            let ch = body[*i - 1..].chars().next().unwrap_or('\u{fffd}');
            *i += ch.len_utf8() - 1;
            return Ok(StrEscape::Unknown(ch));
        }
    };
    Ok(StrEscape::Value(value))
}

fn unicode_error(start: usize, end: usize, what: &str) -> EscapeError {
    EscapeError {
        msg: format!(
            "(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{end}: {what}"
        ),
    }
}

/// Up to three octal digits starting at `at`; returns the value and the next index.
fn octal_escape(bytes: &[u8], at: usize) -> (u32, usize) {
    let mut value = 0u32;
    let mut j = at;
    while j < bytes.len() && j < at + 3 && (b'0'..=b'7').contains(&bytes[j]) {
        value = value * 8 + u32::from(bytes[j] - b'0');
        j += 1;
    }
    (value, j)
}

/// Exactly `count` hex digits at `*i`.
fn hex_escape(
    bytes: &[u8],
    i: &mut usize,
    count: usize,
    esc_start: usize,
    what: &str,
) -> Result<u32, EscapeError> {
    let mut value = 0u32;
    for k in 0..count {
        match bytes.get(*i).and_then(|&b| (b as char).to_digit(16)) {
            Some(d) => {
                value = value.wrapping_mul(16).wrapping_add(d);
                *i += 1;
            }
            None => {
                let _ = k;
                let end = *i - 1;
                return Err(unicode_error(esc_start, end.max(esc_start + 1), what));
            }
        }
    }
    Ok(value)
}

/// `\N{NAME}` at `*i` (just after the `N`).
fn named_escape(body: &str, i: &mut usize, esc_start: usize) -> Result<u32, EscapeError> {
    let bytes = body.as_bytes();
    if bytes.get(*i) != Some(&b'{') {
        return Err(unicode_error(
            esc_start,
            (*i).max(esc_start + 1) - 1,
            "malformed \\N character escape",
        ));
    }
    let name_start = *i + 1;
    let Some(close) = body[name_start..].find('}') else {
        return Err(unicode_error(
            esc_start,
            bytes.len() - 1,
            "malformed \\N character escape",
        ));
    };
    let name = &body[name_start..name_start + close];
    *i = name_start + close + 1;
    if name.is_empty() {
        return Err(unicode_error(
            esc_start,
            *i - 1,
            "malformed \\N character escape",
        ));
    }
    match lookup_unicode_name(name) {
        Some(c) => Ok(c as u32),
        None => Err(unicode_error(
            esc_start,
            *i - 1,
            "unknown Unicode character name",
        )),
    }
}

/// Character for a Unicode name or alias, case-insensitively as CPython does.
fn lookup_unicode_name(name: &str) -> Option<char> {
    let upper = name.to_ascii_uppercase();
    unicode_names2::character(&upper)
}

/// Decode the body of a non-raw bytes literal (the body must be ASCII).
pub fn decode_bytes(body: &str) -> Result<Vec<u8>, EscapeError> {
    let bytes = body.as_bytes();
    if !body.contains('\\') {
        return Ok(bytes.to_vec());
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        i += 1;
        if c != b'\\' {
            out.push(c);
            continue;
        }
        let Some(&e) = bytes.get(i) else {
            out.push(b'\\');
            break;
        };
        i += 1;
        match e {
            b'\n' => {}
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(10),
            b'r' => out.push(13),
            b't' => out.push(9),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let (value, next) = octal_escape(bytes, i - 1);
                out.push(value as u8);
                i = next;
            }
            b'x' => {
                let start = i - 2;
                let digits: Option<u32> = bytes
                    .get(i..i + 2)
                    .and_then(|d| std::str::from_utf8(d).ok())
                    .and_then(|d| u32::from_str_radix(d, 16).ok());
                match digits {
                    Some(v) => {
                        out.push(v as u8);
                        i += 2;
                    }
                    None => {
                        return Err(EscapeError {
                            msg: format!("(value error) invalid \\x escape at position {start}"),
                        })
                    }
                }
            }
            _ => {
                out.push(b'\\');
                out.push(e);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(parse_number("0x_ff"), Constant::Int(BigInt::from(255u32)));
        assert_eq!(parse_number("1_000"), Constant::Int(BigInt::from(1000u32)));
        assert_eq!(parse_number("1.5e3"), Constant::Float(1500.0));
        assert_eq!(
            parse_number("2j"),
            Constant::Complex {
                real: 0.0,
                imag: 2.0
            }
        );
    }

    #[test]
    fn escapes() {
        let DecodedStr::Text(s) =
            decode_str(r"a\n\x41\u00e9\N{BULLET}\q\101").unwrap_or(DecodedStr::Text(String::new()))
        else {
            panic!("surrogates")
        };
        assert_eq!(s, "a\nAé\u{2022}\\qA");
        assert_eq!(decode_bytes(r"\x41\n").unwrap_or_default(), b"A\n");
    }

    /// A lone surrogate switches to code points, decoding the whole body again;
    /// values from CPython 3.14 (`eval` of the same literals).
    #[test]
    fn surrogates_and_continuations() {
        let cps = match decode_str("a\\ud800\\x41\\q\\101\u{e9}\\\nz") {
            Ok(DecodedStr::Surrogates(cps)) => cps,
            _ => Vec::new(),
        };
        assert_eq!(cps, [97, 55296, 65, 92, 113, 65, 233, 122]);
        let text = match decode_str("\u{e9}\\N{BULLET}\\t\\\\") {
            Ok(DecodedStr::Text(text)) => text,
            _ => String::new(),
        };
        let expected: String = [233, 8226, 9, 92]
            .into_iter()
            .filter_map(char::from_u32)
            .collect();
        assert_eq!(text, expected);
    }
}
