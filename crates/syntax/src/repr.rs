//! Python's `repr()` of the constant kinds an AST holds (float, str, bytes) and the
//! Unicode predicates CPython applies to source text (printable, identifier).
//!
//! These live here so that `ast.dump` output and tokenizer messages match CPython;
//! other crates may reuse them.

use crate::unicode_tables::{ID_CONTINUE, ID_START, NOT_PRINTABLE};

fn in_ranges(table: &[(u32, u32)], cp: u32) -> bool {
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                std::cmp::Ordering::Less
            } else if lo > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// `str.isprintable()` for one code point.
pub fn is_printable_cp(cp: u32) -> bool {
    !in_ranges(NOT_PRINTABLE, cp)
}

/// `str.isprintable()` for one character.
pub fn is_printable(c: char) -> bool {
    is_printable_cp(c as u32)
}

/// Whether `c` may start an identifier (PEP 3131, CPython's Unicode data).
pub fn is_id_start(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic() || c == '_'
    } else {
        in_ranges(ID_START, c as u32)
    }
}

/// Whether `c` may continue an identifier.
pub fn is_id_continue(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        in_ranges(ID_CONTINUE, c as u32)
    }
}

/// `repr(float)`: the numeric crate's (one implementation for the whole project).
pub use adder_numeric::float_repr;

/// `repr(complex)` for an imaginary literal's value (`1j`, `(1+2j)` forms).
pub fn complex_repr(real: f64, imag: f64) -> String {
    adder_numeric::complex::complex_repr(adder_numeric::complex::Complex { re: real, im: imag })
}

/// The quote `repr` picks: `'` unless the text has `'` and no `"`.
fn choose_quote(has_single: bool, has_double: bool) -> char {
    if has_single && !has_double {
        '"'
    } else {
        '\''
    }
}

/// `repr(str)` over code points (which may include lone surrogates).
pub fn str_repr_code_points(cps: impl Iterator<Item = u32> + Clone) -> String {
    let has_single = cps.clone().any(|c| c == '\'' as u32);
    let has_double = cps.clone().any(|c| c == '"' as u32);
    let quote = choose_quote(has_single, has_double);
    let mut out = String::new();
    out.push(quote);
    for cp in cps {
        match cp {
            0x5c => out.push_str("\\\\"),
            0x09 => out.push_str("\\t"),
            0x0a => out.push_str("\\n"),
            0x0d => out.push_str("\\r"),
            _ if cp == quote as u32 => {
                out.push('\\');
                out.push(quote);
            }
            _ if cp < 0x20 || cp == 0x7f => out.push_str(&format!("\\x{cp:02x}")),
            _ if cp < 0x7f => out.push(char::from_u32(cp).unwrap_or('?')),
            _ => match char::from_u32(cp) {
                Some(c) if is_printable_cp(cp) => out.push(c),
                _ if cp < 0x100 => out.push_str(&format!("\\x{cp:02x}")),
                _ if cp < 0x10000 => out.push_str(&format!("\\u{cp:04x}")),
                _ => out.push_str(&format!("\\U{cp:08x}")),
            },
        }
    }
    out.push(quote);
    out
}

/// `repr(str)`.
pub fn str_repr(s: &str) -> String {
    str_repr_code_points(s.chars().map(|c| c as u32))
}

/// `repr(bytes)`.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = choose_quote(b.contains(&b'\''), b.contains(&b'"'));
    let mut out = String::from("b");
    out.push(quote);
    for &byte in b {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if byte == quote as u8 => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(byte as char),
            _ => out.push_str(&format!("\\x{byte:02x}")),
        }
    }
    out.push(quote);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats() {
        assert_eq!(float_repr(1e16), "1e+16");
        assert_eq!(float_repr(1234567890123456.0), "1234567890123456.0");
        assert_eq!(float_repr(0.0001), "0.0001");
        assert_eq!(float_repr(0.00001), "1e-05");
        assert_eq!(float_repr(1.5), "1.5");
        assert_eq!(float_repr(-0.0), "-0.0");
        assert_eq!(float_repr(1e300 * 10.0), "1e+301");
        assert_eq!(float_repr(f64::INFINITY), "inf");
        assert_eq!(float_repr(100.0), "100.0");
    }

    #[test]
    fn strings() {
        assert_eq!(str_repr("a'b"), "\"a'b\"");
        assert_eq!(str_repr("a'\"b"), "'a\\'\"b'");
        assert_eq!(str_repr("\u{0}\n\u{a0}é"), "'\\x00\\n\\xa0é'");
        assert_eq!(bytes_repr(b"a\xff'"), "b\"a\\xff'\"");
    }
}
