//! Membership in a compiled character set: the small program after `IN` (literals,
//! ranges, categories, 256-bit bitmaps and the two-level `BIGCHARSET`), ended by
//! `FAILURE` (CPython's `SRE(charset)`).

use super::chars::{category, upper_unicode};
use super::constants::*;

/// A code word, or `FAILURE` past the end (so malformed code simply fails to match).
#[inline(always)]
pub fn word(code: &[u32], i: usize) -> u32 {
    code.get(i).copied().unwrap_or(FAILURE)
}

/// Whether `ch` is in the set starting at `code[at]`.
pub fn in_charset(code: &[u32], mut at: usize, ch: u32) -> bool {
    let mut ok = true;
    loop {
        let op = word(code, at);
        at += 1;
        match op {
            FAILURE => return !ok,
            LITERAL => {
                if ch == word(code, at) {
                    return ok;
                }
                at += 1;
            }
            CATEGORY => {
                if category(word(code, at), ch) {
                    return ok;
                }
                at += 1;
            }
            CHARSET => {
                if ch < 256 && bit(code, at, ch) {
                    return ok;
                }
                at += 256 / 32;
            }
            RANGE => {
                if word(code, at) <= ch && ch <= word(code, at + 1) {
                    return ok;
                }
                at += 2;
            }
            RANGE_UNI_IGNORE => {
                // `ch` is already lower case; its upper case may be in the range too.
                let (lo, hi) = (word(code, at), word(code, at + 1));
                if lo <= ch && ch <= hi {
                    return ok;
                }
                let up = upper_unicode(ch);
                if lo <= up && up <= hi {
                    return ok;
                }
                at += 2;
            }
            NEGATE => ok = !ok,
            BIGCHARSET => {
                let blocks = word(code, at) as usize;
                at += 1;
                if ch < 0x10000 {
                    let block = block_index(code, at, ch >> 8) as usize;
                    if bit(code, at + 64 + block * 8, ch & 255) {
                        return ok;
                    }
                }
                at += 64 + blocks * 8;
            }
            _ => return false,
        }
    }
}

/// Bit `n` of the bitmap starting at `code[at]`.
#[inline]
fn bit(code: &[u32], at: usize, n: u32) -> bool {
    word(code, at + (n / 32) as usize) & (1u32 << (n & 31)) != 0
}

/// Byte `n` of the 256-byte block table at `code[at]` (packed into words in native
/// byte order by `re._compiler`).
fn block_index(code: &[u32], at: usize, n: u32) -> u8 {
    let bytes = word(code, at + (n / 4) as usize).to_ne_bytes();
    bytes[(n % 4) as usize]
}
