//! Normalisation of numeric strings before parsing, as CPython's
//! `_PyUnicode_TransformDecimalAndSpaceToASCII`: `int()`, `float()` and `complex()`
//! accept any Unicode decimal digit (`int('١٢٣') == 123`) and Unicode whitespace.

/// First code point (the digit zero) of each run of ten Unicode decimal digits
/// (category Nd) outside ASCII, from Unicode 16.0 as CPython 3.14 uses (generated with
/// the reference interpreter's `unicodedata`).
const DECIMAL_ZEROS: [u32; 75] = [
    0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6,
    0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50,
    0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
    0x104a0, 0x10d30, 0x10d40, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0,
    0x11650, 0x116c0, 0x116d0, 0x116da, 0x11730, 0x118e0, 0x11950, 0x11bf0, 0x11c50, 0x11d50,
    0x11da0, 0x11f50, 0x16130, 0x16a60, 0x16ac0, 0x16b50, 0x16d70, 0x1ccf0, 0x1d7ce, 0x1d7d8,
    0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e4f0, 0x1e5f1, 0x1e950, 0x1fbf0,
];

/// Non-ASCII characters for which Python's `str.isspace()` is true.
const NON_ASCII_SPACES: [u32; 19] = [
    0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008,
    0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
];

/// The decimal value of a non-ASCII Unicode decimal digit.
fn decimal_value(code: u32) -> Option<u8> {
    let index = DECIMAL_ZEROS.partition_point(|&zero| zero <= code);
    let zero = DECIMAL_ZEROS[index.checked_sub(1)?];
    u8::try_from(code - zero).ok().filter(|&digit| digit < 10)
}

/// Maps `text` to ASCII bytes: ASCII stays, Unicode whitespace becomes `' '`, Unicode
/// decimal digits become `'0'..='9'`, anything else becomes `'?'` (which no numeric
/// parser accepts).
pub(crate) fn to_ascii(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| {
            let code = u32::from(c);
            if code < 128 {
                code as u8
            } else if NON_ASCII_SPACES.contains(&code) {
                b' '
            } else {
                decimal_value(code).map_or(b'?', |digit| b'0' + digit)
            }
        })
        .collect()
}

/// Python's `Py_ISSPACE`: the ASCII whitespace the parsers strip.
pub(crate) fn is_ascii_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// `bytes` without leading and trailing ASCII whitespace.
pub(crate) fn trim_ascii_space(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|&b| !is_ascii_space(b))
        .unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|&b| !is_ascii_space(b))
        .map_or(start, |last| last + 1);
    &bytes[start..end]
}

/// Truncates a repr to CPython's `%.200R` (200 characters).
pub(crate) fn truncated_repr(repr: String) -> String {
    match repr.char_indices().nth(200) {
        Some((cut, _)) => repr[..cut].to_string(),
        None => repr,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unicode_digits_and_spaces() {
        assert_eq!(to_ascii("\u{a0}١٢٣\u{2003}x\u{b2}"), b" 123 x?");
        assert_eq!(to_ascii("\u{116d9}\u{116da}"), b"90");
        assert_eq!(trim_ascii_space(b" \t1 2\n"), b"1 2");
        assert_eq!(trim_ascii_space(b"  "), b"");
    }
}
