//! Python `repr()` of compile-time constants, as `dis` prints them in its argument column.
//!
//! Only what constants need: str, bytes, int, float, complex, tuple, frozenset, slice and
//! code objects. Code objects are shown with the address of the `CodeObject` itself, which
//! differs from CPython's object ids (tests normalise `at 0x...`).

use crate::code::CodeObject;
use crate::constant::Constant;

/// `repr(value)` for a constant.
pub fn constant_repr(value: &Constant) -> String {
    match value {
        Constant::None => "None".to_string(),
        Constant::Bool(true) => "True".to_string(),
        Constant::Bool(false) => "False".to_string(),
        Constant::Ellipsis => "Ellipsis".to_string(),
        Constant::Int(i) => i.to_string(),
        Constant::Float(f) => float_repr(*f),
        Constant::Complex { real, imag } => complex_repr(*real, *imag),
        Constant::Str(s) => str_repr(s),
        Constant::Bytes(b) => bytes_repr(b),
        Constant::Tuple(items) => match items.len() {
            1 => format!("({},)", constant_repr(&items[0])),
            _ => format!("({})", join_reprs(items)),
        },
        Constant::FrozenSet(items) if items.is_empty() => "frozenset()".to_string(),
        Constant::FrozenSet(items) => format!("frozenset({{{}}})", join_reprs(items)),
        Constant::Code(code) => code_repr(code),
        Constant::Slice(parts) => format!("slice({})", join_reprs(&parts[..])),
    }
}

fn join_reprs(items: &[Constant]) -> String {
    items.iter().map(constant_repr).collect::<Vec<_>>().join(", ")
}

/// `<code object NAME at 0x..., file "F", line N>`.
pub fn code_repr(code: &CodeObject) -> String {
    format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        code.name, code as *const CodeObject as usize, code.filename, code.firstlineno
    )
}

/// Shortest round-trip digits and decimal exponent of a finite, non-zero float:
/// `x == 0.d1d2d3... * 10**decpt` (CPython's `_Py_dg_dtoa` mode 0).
fn shortest_digits(x: f64) -> (String, i32) {
    // Rust's `{:e}` prints the shortest digits that round-trip, as `d.ddde[-]N`.
    let formatted = format!("{:e}", x.abs());
    let (mantissa, exponent) = formatted.split_once('e').unwrap_or((&formatted, "0"));
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let exponent: i32 = exponent.parse().unwrap_or(0);
    (digits, exponent + 1)
}

/// Format like CPython's `float_repr_style == 'short'` with format code `'r'`.
/// `add_dot_zero` is what `float.__repr__` wants; `complex.__repr__` does without it.
fn format_float_r(x: f64, add_dot_zero: bool) -> String {
    if x.is_nan() {
        return "nan".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0{}", if add_dot_zero { ".0" } else { "" });
    }
    let (digits, decpt) = shortest_digits(x);
    let body = if decpt <= -4 || decpt > 16 {
        let exponent = decpt - 1;
        let (first, rest) = digits.split_at(1);
        let fraction = if rest.is_empty() { String::new() } else { format!(".{rest}") };
        let exp_sign = if exponent < 0 { '-' } else { '+' };
        format!("{first}{fraction}e{exp_sign}{:02}", exponent.unsigned_abs())
    } else if decpt <= 0 {
        format!("0.{}{digits}", "0".repeat(decpt.unsigned_abs() as usize))
    } else {
        let point = decpt as usize;
        if digits.len() > point {
            format!("{}.{}", &digits[..point], &digits[point..])
        } else {
            let zeros = "0".repeat(point - digits.len());
            let tail = if add_dot_zero { ".0" } else { "" };
            format!("{digits}{zeros}{tail}")
        }
    };
    format!("{sign}{body}")
}

/// `repr(float)`.
pub fn float_repr(x: f64) -> String {
    format_float_r(x, true)
}

/// `repr(complex(real, imag))`.
pub fn complex_repr(real: f64, imag: f64) -> String {
    let imag_text = format_float_r(imag, false);
    if real == 0.0 && real.is_sign_positive() {
        return format!("{imag_text}j");
    }
    let sign = if imag_text.starts_with('-') { "" } else { "+" };
    format!("({}{sign}{imag_text}j)", format_float_r(real, false))
}

/// Characters `str.__repr__` escapes besides quotes and backslashes: approximates
/// `Py_UNICODE_ISPRINTABLE` with the categories that matter in source code (controls,
/// format characters, line/paragraph separators).
fn needs_escape(c: char) -> bool {
    let cp = c as u32;
    cp < 0x20
        || (0x7f..=0xa0).contains(&cp)
        || cp == 0xad
        || (0x200b..=0x200f).contains(&cp)
        || (0x2028..=0x202e).contains(&cp)
        || (0x2060..=0x206f).contains(&cp)
        || cp == 0xfeff
        || (0xe000..=0xf8ff).contains(&cp)
        || (0xfff0..=0xfffb).contains(&cp)
        || cp >= 0xf0000
}

/// `repr(str)`.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if needs_escape(c) => {
                let cp = c as u32;
                if cp <= 0xff {
                    out.push_str(&format!("\\x{cp:02x}"));
                } else if cp <= 0xffff {
                    out.push_str(&format!("\\u{cp:04x}"));
                } else {
                    out.push_str(&format!("\\U{cp:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// `repr(bytes)`.
pub fn bytes_repr(bytes: &[u8]) -> String {
    let quote = if bytes.contains(&b'\'') && !bytes.contains(&b'"') { b'"' } else { b'\'' };
    let mut out = String::with_capacity(bytes.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &b in bytes {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b if b == quote => {
                out.push('\\');
                out.push(b as char);
            }
            0x20..=0x7e => out.push(b as char),
            b => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push(quote as char);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_print_as_python_does() {
        let cases = [
            (1.5, "1.5"),
            (1.0, "1.0"),
            (-0.0, "-0.0"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (0.1, "0.1"),
            (123456789.125, "123456789.125"),
            (1.5e-300, "1.5e-300"),
            (f64::INFINITY, "inf"),
        ];
        for (x, expected) in cases {
            assert_eq!(float_repr(x), expected);
        }
    }

    #[test]
    fn complex_and_strings() {
        assert_eq!(complex_repr(0.0, 1.0), "1j");
        assert_eq!(complex_repr(1.0, -2.5), "(1-2.5j)");
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("a\n\x00'\""), "'a\\n\\x00\\'\"'");
        assert_eq!(bytes_repr(b"x\xff'"), "b\"x\\xff'\"");
    }
}
