//! Byte classes for the tokenizer: what a byte can start, continue or end.
//!
//! The tokenizer dispatches on the first byte of every token and scans names
//! and whitespace byte by byte; one lookup in a 256-entry table
//! replaces a chain of range comparisons on each of those bytes (the tokenizer's
//! hottest paths in the stdlib parse benchmark).

/// What a byte may start when it is the first byte of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ByteClass {
    /// `' '`, `'\t'` or form feed: skipped between tokens.
    Space,
    Newline,
    /// `#`: a comment.
    Hash,
    /// An ASCII letter, `_`, or any byte of a non-ASCII character (checked
    /// against PEP 3131 once the name is read).
    NameStart,
    Digit,
    /// `'` or `"`.
    Quote,
    Dot,
    /// `\`: a line continuation.
    Backslash,
    /// An operator character or any other ASCII byte.
    Other,
}

const fn class_of_byte(b: u8) -> ByteClass {
    match b {
        b' ' | b'\t' | 0x0c => ByteClass::Space,
        b'\n' => ByteClass::Newline,
        b'#' => ByteClass::Hash,
        b'a'..=b'z' | b'A'..=b'Z' | b'_' | 128..=255 => ByteClass::NameStart,
        b'0'..=b'9' => ByteClass::Digit,
        b'\'' | b'"' => ByteClass::Quote,
        b'.' => ByteClass::Dot,
        b'\\' => ByteClass::Backslash,
        _ => ByteClass::Other,
    }
}

/// Builds a table holding `f(b)` at index `b`.
macro_rules! byte_table {
    ($ty:ty, $default:expr, $f:expr) => {{
        let mut table: [$ty; 256] = [$default; 256];
        let mut b = 0;
        while b < 256 {
            table[b] = $f(b as u8);
            b += 1;
        }
        table
    }};
}

static CLASSES: [ByteClass; 256] = byte_table!(ByteClass, ByteClass::Other, class_of_byte);

const fn name_continue_byte(b: u8) -> bool {
    matches!(class_of_byte(b), ByteClass::NameStart | ByteClass::Digit)
}

static NAME_CONTINUE: [bool; 256] = byte_table!(bool, false, name_continue_byte);

const fn ascii_name_continue_byte(b: u8) -> bool {
    b.is_ascii() && name_continue_byte(b)
}

static ASCII_NAME_CONTINUE: [bool; 256] = byte_table!(bool, false, ascii_name_continue_byte);

/// The class of `b` as the first byte of a token.
#[inline]
pub(crate) fn class_of(b: u8) -> ByteClass {
    CLASSES[b as usize]
}

/// Whether `b` may continue a name (non-ASCII bytes included, as for
/// [`ByteClass::NameStart`]).
#[inline]
pub(crate) fn is_name_continue(b: u8) -> bool {
    NAME_CONTINUE[b as usize]
}

/// Whether `b` is blank between tokens (space, tab, form feed).
#[inline]
pub(crate) fn is_space(b: u8) -> bool {
    class_of(b) == ByteClass::Space
}

/// Whether `b` is an ASCII letter, digit or `_`.
#[inline]
pub(crate) fn is_ascii_name_continue(b: u8) -> bool {
    ASCII_NAME_CONTINUE[b as usize]
}

/// `str.isprintable()` for an ASCII byte.
#[inline]
pub(crate) fn is_printable_ascii(b: u8) -> bool {
    (b' '..=b'~').contains(&b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_of_token_starts() {
        assert_eq!(class_of(b'\t'), ByteClass::Space);
        assert_eq!(class_of(b'_'), ByteClass::NameStart);
        assert_eq!(class_of(0xc3), ByteClass::NameStart);
        assert_eq!(class_of(b'7'), ByteClass::Digit);
        assert_eq!(class_of(b'"'), ByteClass::Quote);
        assert_eq!(class_of(b'$'), ByteClass::Other);
        assert!(is_name_continue(b'9') && !is_name_continue(b'-'));
        assert!(is_name_continue(0x80) && !is_ascii_name_continue(0x80));
        assert!(is_printable_ascii(b' ') && !is_printable_ascii(0x7f));
    }
}
