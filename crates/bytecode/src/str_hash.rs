//! `hash(str)` as CPython computes it with `PYTHONHASHSEED=0` (SipHash-1-3 with a zero
//! key over the string's narrowest fixed-width form, PEP 393). The compiler needs it to
//! lay out compile-time sets exactly as CPython does under that seed (see
//! `set_table`); with any other seed CPython's order is arbitrary anyway.

use std::hash::Hasher;

use siphasher::sip::SipHasher13;

/// CPython's `hash(text)` under `PYTHONHASHSEED=0`.
pub fn str_hash(text: &str) -> i64 {
    if text.is_ascii() {
        return bytes_hash(text.as_bytes());
    }
    let widest = text.chars().map(u32::from).max().unwrap_or(0);
    let mut buf = Vec::with_capacity(text.len() * 2);
    for c in text.chars().map(u32::from) {
        if widest < 0x100 {
            buf.push(c as u8);
        } else if widest < 0x10000 {
            buf.extend_from_slice(&(c as u16).to_le_bytes());
        } else {
            buf.extend_from_slice(&c.to_le_bytes());
        }
    }
    bytes_hash(&buf)
}

/// CPython's `hash(bytes)` under `PYTHONHASHSEED=0`.
pub fn bytes_hash(bytes: &[u8]) -> i64 {
    if bytes.is_empty() {
        return 0;
    }
    let mut hasher = SipHasher13::new_with_keys(0, 0);
    hasher.write(bytes);
    match hasher.finish() as i64 {
        -1 => -2,
        h => h,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values printed by the reference: `PYTHONHASHSEED=0 python3.14 -c "print(hash('a'))"`.
    #[test]
    fn matches_the_reference_with_seed_zero() {
        assert_eq!(str_hash(""), 0);
        assert_eq!(str_hash("a"), 4644417185603328019);
        assert_eq!(str_hash("é"), 6047309291227476195);
        assert_eq!(str_hash("€x"), -483395623852268653);
        assert_eq!(str_hash("\u{1F600}"), -3536540696076613844);
        assert_eq!(bytes_hash(b"ab"), 6148830537548944441);
    }
}
