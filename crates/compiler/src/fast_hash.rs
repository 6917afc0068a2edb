//! A fast, non-cryptographic hasher for the compiler's own tables.
//!
//! The compiler hashes millions of short names (symbol tables, name indexes, constant
//! pools) per stdlib compile; the standard library's SipHash costs more than the lookups
//! themselves. Nothing here is exposed to untrusted keys in a way that matters (a
//! compile is bounded by its source size) and no output depends on iteration order of
//! these maps, so a multiplicative word-at-a-time hash is enough. The VM's conversion of
//! a parsed tree to `_ast` objects uses it for the same names, per parse. Tables that
//! live as long as the process and take arbitrary strings (the interned strings) keep
//! the standard library's keyed SipHash: an unkeyed hash there would let chosen
//! strings collide.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// Odd multiplier with well-mixed bits (from the golden ratio), as multiplicative
/// hashing uses.
const MULTIPLIER: u64 = 0x9e37_79b9_7f4a_7c15;

/// Folds each word into the state with a rotate, xor and multiply.
#[derive(Default, Clone, Copy)]
pub struct WordHasher {
    state: u64,
}

impl WordHasher {
    #[inline]
    fn add_word(&mut self, word: u64) {
        self.state = (self.state.rotate_left(5) ^ word).wrapping_mul(MULTIPLIER);
    }
}

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add_word(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add_word(tail_word(rest));
        }
    }

    #[inline]
    fn write_u8(&mut self, value: u8) {
        self.add_word(u64::from(value));
    }

    #[inline]
    fn write_u32(&mut self, value: u32) {
        self.add_word(u64::from(value));
    }

    #[inline]
    fn write_u64(&mut self, value: u64) {
        self.add_word(value);
    }

    #[inline]
    fn write_usize(&mut self, value: usize) {
        self.add_word(value as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // hashbrown takes its control bits from the top of the hash: fold the well-mixed
        // high half down as well.
        self.state ^ (self.state >> 32)
    }
}

/// The last 1 to 7 bytes of a key as one word, read in at most three loads: most names
/// are shorter than a word, and a variable-length copy would be a call to `memcpy`.
#[inline]
fn tail_word(rest: &[u8]) -> u64 {
    let mut word = 0u64;
    let mut shift = 0;
    let mut rest = rest;
    if let Some((four, tail)) = rest.split_first_chunk::<4>() {
        word = u64::from(u32::from_le_bytes(*four));
        shift = 32;
        rest = tail;
    }
    if let Some((two, tail)) = rest.split_first_chunk::<2>() {
        word |= u64::from(u16::from_le_bytes(*two)) << shift;
        shift += 16;
        rest = tail;
    }
    if let Some(&last) = rest.first() {
        word |= u64::from(last) << shift;
    }
    word
}

/// The 32-bit tag of a name in a [`crate::hash_index::HashIndex`]: its word hash, with
/// the high half folded in.
#[inline]
pub fn text_tag(text: &str) -> u32 {
    let mut hasher = WordHasher::default();
    hasher.write(text.as_bytes());
    hasher.finish() as u32
}

/// Whether `stored` has the text `name`, for the callers of
/// [`crate::hash_index::HashIndex`]: at once when `name` is that very text (names are
/// shared, so that it often is).
#[inline]
pub fn same_text(stored: &str, name: &str) -> bool {
    std::ptr::eq(stored, name) || stored == name
}

/// Builds [`WordHasher`]s for the maps below.
pub type FastBuild = BuildHasherDefault<WordHasher>;
/// A `HashMap` keyed by short names, hashed with [`WordHasher`].
pub type FastMap<K, V> = HashMap<K, V, FastBuild>;
/// A `HashSet` of short names, hashed with [`WordHasher`].
pub type FastSet<K> = HashSet<K, FastBuild>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinct_short_names_hash_apart() {
        let hash = |s: &str| {
            let mut h = WordHasher::default();
            h.write(s.as_bytes());
            h.finish()
        };
        assert_ne!(hash("a"), hash("b"));
        assert_ne!(hash("self"), hash("cls"));
        assert_eq!(hash("name"), hash("name"));
    }

    #[test]
    fn tail_bytes_fold_little_endian() {
        assert_eq!(tail_word(b"a"), 0x61);
        assert_eq!(tail_word(b"abc"), 0x63_6261);
        assert_eq!(tail_word(b"abcdefg"), 0x67_6665_6463_6261);
    }

    #[test]
    fn maps_work_with_string_keys() {
        let mut map: FastMap<String, u32> = FastMap::default();
        map.insert("x".to_string(), 1);
        map.insert("y".to_string(), 2);
        assert_eq!(map.get("x"), Some(&1));
        assert_eq!(map.get("z"), None);
    }
}
