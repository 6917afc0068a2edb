//! Hexadecimal text of bytes (with an optional separator every few bytes, as
//! `bytes.hex(sep, bytes_per_sep)`) and its inverse.

const DIGITS: &[u8; 16] = b"0123456789abcdef";

/// `data` as lowercase hex; with `sep`, a separator between groups of `per_sep`
/// bytes counted from the right (from the left when negative).
pub fn encode(data: &[u8], sep: Option<u8>, per_sep: i64) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() * 3);
    let group = per_sep.unsigned_abs() as usize;
    let sep = sep.filter(|_| group > 0 && !data.is_empty());
    let offset = match sep {
        Some(_) if per_sep > 0 => (group - data.len() % group) % group,
        _ => 0,
    };
    for (i, &b) in data.iter().enumerate() {
        if let Some(s) = sep {
            if i > 0 && (i + offset) % group == 0 {
                out.push(s);
            }
        }
        out.push(DIGITS[usize::from(b >> 4)]);
        out.push(DIGITS[usize::from(b & 0xf)]);
    }
    out
}

/// Why hex text did not decode.
pub enum HexError {
    OddLength,
    NonHexDigit,
}

pub fn decode(text: &[u8]) -> Result<Vec<u8>, HexError> {
    if !text.len().is_multiple_of(2) {
        return Err(HexError::OddLength);
    }
    let digit = |c: u8| (c as char).to_digit(16).ok_or(HexError::NonHexDigit);
    text.chunks(2)
        .map(|pair| Ok((digit(pair[0])? * 16 + digit(pair[1])?) as u8))
        .collect()
}
