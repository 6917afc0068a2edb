//! Word-at-a-time searches over source bytes, for the tokenizer's long runs:
//! comments (up to the newline), string-literal bodies (up to a quote, backslash
//! or newline) and indentation (up to the first non-space).
//!
//! Eight bytes are tested per step with bit tricks on a `u64`, so that a
//! docstring or a comment costs about one instruction per byte instead of a
//! compare-and-branch each.

const LOW_BITS: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// `b` in every byte of a word.
const fn splat(b: u8) -> u64 {
    LOW_BITS * b as u64
}

/// The high bit set in each zero byte of `word`. Bytes above the lowest zero
/// byte may be flagged wrongly (a borrow), never bytes below it: the lowest
/// flag is always exact.
const fn zero_bytes(word: u64) -> u64 {
    word.wrapping_sub(LOW_BITS) & !word & HIGH_BITS
}

/// The first position in `bytes` where `mask` flags a byte (tested eight at a
/// time, little-endian so that the lowest flag is the earliest byte), the tail
/// shorter than a word tested with `is_match`.
#[inline(always)]
fn find_first(
    bytes: &[u8],
    mask: impl Fn(u64) -> u64,
    is_match: impl Fn(u8) -> bool,
) -> Option<usize> {
    let mut chunks = bytes.chunks_exact(8);
    let mut offset = 0;
    for chunk in &mut chunks {
        let Ok(word) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let flags = mask(u64::from_le_bytes(word));
        if flags != 0 {
            return Some(offset + (flags.trailing_zeros() / 8) as usize);
        }
        offset += 8;
    }
    let tail = bytes.get(offset..).unwrap_or_default();
    tail.iter().position(|&b| is_match(b)).map(|i| offset + i)
}

/// Index of the first `\n`.
pub(crate) fn find_newline(bytes: &[u8]) -> Option<usize> {
    find_first(
        bytes,
        |word| zero_bytes(word ^ splat(b'\n')),
        |b| b == b'\n',
    )
}

/// Index of the first byte that ends plain string-literal text: a quote, a
/// backslash or a newline.
pub(crate) fn find_string_special(bytes: &[u8]) -> Option<usize> {
    find_first(
        bytes,
        |word| {
            zero_bytes(word ^ splat(b'\''))
                | zero_bytes(word ^ splat(b'"'))
                | zero_bytes(word ^ splat(b'\\'))
                | zero_bytes(word ^ splat(b'\n'))
        },
        |b| matches!(b, b'\'' | b'"' | b'\\' | b'\n'),
    )
}

/// The number of leading `' '` bytes.
pub(crate) fn count_spaces(bytes: &[u8]) -> usize {
    // A byte differs from a space exactly where `word ^ splat(' ')` is nonzero,
    // so the lowest set bit of that word marks the first other byte.
    find_first(bytes, |word| word ^ splat(b' '), |b| b != b' ').unwrap_or(bytes.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_match_in_words_and_tails() {
        assert_eq!(find_newline(b"0123456789abc\nx\n"), Some(13));
        assert_eq!(find_newline(b"ab\n"), Some(2));
        assert_eq!(find_newline(b"abcdefgh"), None);
        assert_eq!(find_string_special(b"plain text that \\n"), Some(16));
        assert_eq!(find_string_special(b"abcdefg\x01'\"x"), Some(8));
        assert_eq!(find_string_special(b"\"\""), Some(0));
        assert_eq!(
            find_string_special(b"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9 ok"),
            None
        );
    }

    #[test]
    fn counts_leading_spaces() {
        assert_eq!(count_spaces(b"            x = 1"), 12);
        assert_eq!(count_spaces(b"    \t"), 4);
        assert_eq!(count_spaces(b"        "), 8);
        assert_eq!(count_spaces(b""), 0);
        assert_eq!(count_spaces(b"x"), 0);
    }
}
