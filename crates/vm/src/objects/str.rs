//! The `str` payload: UTF-8 text with its length in code points and a cached hash.
//!
//! ASCII strings (the vast majority) index in O(1); others walk the UTF-8. The hash is
//! CPython's: SipHash-1-3 over the PEP 393 representation (1, 2 or 4 bytes per code
//! point), so that `PYTHONHASHSEED` gives the same numbers and set orders as CPython.

use std::cell::Cell;
use std::hash::Hasher;
use std::sync::OnceLock;

use siphasher::sip::SipHasher13;

pub struct PyStr {
    /// A `String` rather than `Box<str>` so that `s += t` can append in place when
    /// nothing else sees `s` (the eval loop's in-place concatenation).
    text: String,
    char_len: usize,
    /// -1 until computed (a real hash is never -1).
    hash: Cell<i64>,
}

impl PyStr {
    pub fn new(text: impl Into<String>) -> PyStr {
        let text = text.into();
        let char_len = if text.is_ascii() {
            text.len()
        } else {
            text.chars().count()
        };
        PyStr {
            text,
            char_len,
            hash: Cell::new(-1),
        }
    }

    /// A str of ASCII text (its length in code points is its length in bytes).
    pub fn ascii(text: String) -> PyStr {
        debug_assert!(text.is_ascii());
        PyStr {
            char_len: text.len(),
            text,
            hash: Cell::new(-1),
        }
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Length in code points (`len()`).
    #[inline]
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.text.len()
    }

    /// The code point at `index` (already bounds-checked by the caller).
    pub fn char_at(&self, index: usize) -> Option<char> {
        if self.is_ascii() {
            self.text.as_bytes().get(index).map(|&b| b as char)
        } else {
            self.text.chars().nth(index)
        }
    }

    /// Byte offset of code point `index` (`index <= char_len`).
    pub fn byte_offset(&self, index: usize) -> usize {
        if self.is_ascii() {
            index
        } else {
            self.text
                .char_indices()
                .nth(index)
                .map_or(self.text.len(), |(b, _)| b)
        }
    }

    /// Append `tail`: only for a string no one else can observe.
    pub fn push_str(&mut self, tail: &PyStr) {
        self.text.push_str(&tail.text);
        self.char_len += tail.char_len;
        self.hash.set(-1);
    }

    pub fn hash(&self) -> i64 {
        let cached = self.hash.get();
        if cached != -1 {
            return cached;
        }
        let h = hash_str(&self.text);
        self.hash.set(h);
        h
    }
}

/// The process-wide hash secret (SipHash keys), fixed at startup from `PYTHONHASHSEED`.
static HASH_KEYS: OnceLock<(u64, u64)> = OnceLock::new();

/// Fix the hash secret: `Some(0)` disables randomisation (keys zero), `Some(n)` derives
/// the keys from n with CPython's LCG, `None` uses random keys.
pub fn init_hash_secret(seed: Option<u32>) {
    let mut key = [0u8; 16];
    match seed {
        Some(0) => {}
        Some(mut x) => {
            for byte in key.iter_mut() {
                x = x.wrapping_mul(214013).wrapping_add(2531011);
                *byte = ((x >> 16) & 0xff) as u8;
            }
        }
        None => fill_random(&mut key),
    }
    let k0 = u64::from_le_bytes(key[..8].try_into().unwrap_or_default());
    let k1 = u64::from_le_bytes(key[8..].try_into().unwrap_or_default());
    let _ = HASH_KEYS.set((k0, k1));
}

fn fill_random(buf: &mut [u8]) {
    use std::io::Read;
    let ok = std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(buf))
        .is_ok();
    if !ok {
        // No entropy source: fall back to the standard library's per-process randomness.
        let seed = std::collections::hash_map::RandomState::new();
        let mut h = std::hash::BuildHasher::build_hasher(&seed);
        h.write_u8(0);
        let bytes = h.finish().to_le_bytes();
        for (i, b) in buf.iter_mut().enumerate() {
            *b = bytes[i % 8];
        }
    }
}

/// `hash_str` for attribute and method names, remembered per thread: protocol code
/// looks the same few dozen names up (`__init__`, `__setattr__`...) constantly, and a
/// cheap FNV-1a of the name finds its SipHash in a small table.
pub fn name_hash(name: &str) -> i64 {
    const SLOTS: usize = 1024;
    /// A name and its hash.
    type Slot = Option<(Box<str>, i64)>;
    thread_local! {
        static CACHE: std::cell::RefCell<Vec<Slot>> = std::cell::RefCell::new(vec![None; SLOTS]);
    }
    if name.len() > 64 {
        return hash_str(name);
    }
    let mut fnv: u64 = 0xcbf2_9ce4_8422_2325;
    for b in name.bytes() {
        fnv = (fnv ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
    }
    let slot = (fnv as usize) % SLOTS;
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some((cached, h)) = &cache[slot] {
            if &**cached == name {
                return *h;
            }
        }
        let h = hash_str(name);
        cache[slot] = Some((name.into(), h));
        h
    })
}

/// SipHash-1-3 of raw bytes with the process secret; CPython's `_Py_HashBytes`.
pub fn hash_bytes(bytes: &[u8]) -> i64 {
    if bytes.is_empty() {
        return 0;
    }
    let (k0, k1) = *HASH_KEYS.get_or_init(|| (0, 0));
    let mut h = SipHasher13::new_with_keys(k0, k1);
    h.write(bytes);
    let v = h.finish() as i64;
    if v == -1 {
        -2
    } else {
        v
    }
}

/// Hash a str as CPython does: over its narrowest fixed-width representation.
pub fn hash_str(text: &str) -> i64 {
    if text.is_ascii() {
        return hash_bytes(text.as_bytes());
    }
    let max = text.chars().map(|c| c as u32).max().unwrap_or(0);
    let mut buf = Vec::with_capacity(text.len() * 2);
    if max < 0x100 {
        buf.extend(text.chars().map(|c| c as u32 as u8));
    } else if max < 0x10000 {
        for c in text.chars() {
            buf.extend_from_slice(&(c as u32 as u16).to_le_bytes());
        }
    } else {
        for c in text.chars() {
            buf.extend_from_slice(&(c as u32).to_le_bytes());
        }
    }
    hash_bytes(&buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_match_cpython_with_seed_zero() {
        init_hash_secret(Some(0));
        // Values from the reference: PYTHONHASHSEED=0 python3.14 -c "print(hash('abc'))"
        assert_eq!(hash_bytes(b"abc"), -4594863902769663758);
        assert_eq!(hash_str(""), 0);
    }
}
