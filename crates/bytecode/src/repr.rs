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
    items
        .iter()
        .map(constant_repr)
        .collect::<Vec<_>>()
        .join(", ")
}

/// `<code object NAME at 0x..., file "F", line N>`.
pub fn code_repr(code: &CodeObject) -> String {
    format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        code.name, code as *const CodeObject as usize, code.filename, code.firstlineno
    )
}

/// `repr(float)`.
pub fn float_repr(x: f64) -> String {
    adder_numeric::float_repr(x)
}

/// A complex part: like `repr(float)` without the `.0` of integral values.
fn complex_part(x: f64) -> String {
    let text = float_repr(x);
    match text.strip_suffix(".0") {
        Some(integral) => integral.to_string(),
        None => text,
    }
}

/// `repr(complex(real, imag))`.
pub fn complex_repr(real: f64, imag: f64) -> String {
    let imag_text = complex_part(imag);
    if real == 0.0 && real.is_sign_positive() {
        return format!("{imag_text}j");
    }
    let sign = if imag_text.starts_with('-') { "" } else { "+" };
    format!("({}{sign}{imag_text}j)", complex_part(real))
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
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
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
    let quote = if bytes.contains(&b'\'') && !bytes.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
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

    /// Expected strings printed by the reference interpreter (`repr(...)`).
    #[test]
    fn reprs_match_the_reference() {
        assert_eq!(complex_repr(0.0, 1.0), "1j");
        assert_eq!(complex_repr(1.0, -2.5), "(1-2.5j)");
        assert_eq!(complex_repr(-0.0, 0.0), "(-0+0j)");
        assert_eq!(complex_repr(0.0, 1e16), "1e+16j");
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("a\n\x00'\""), "'a\\n\\x00\\'\"'");
        assert_eq!(str_repr("\u{200b}\u{ad}\u{e9}"), "'\\u200b\\xad\u{e9}'");
        assert_eq!(bytes_repr(b"x\xff'"), "b\"x\\xff'\"");
    }
}
