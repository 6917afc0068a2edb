//! The `str` payload: UTF-8 text with its length in code points and a cached hash.
//!
//! ASCII strings (the vast majority) index in O(1); others walk the UTF-8. The hash is
//! CPython's: SipHash-1-3 over the PEP 393 representation (1, 2 or 4 bytes per code
//! point), so that `PYTHONHASHSEED` gives the same numbers and set orders as CPython.
//!
//! Lone surrogates (U+D800..U+DFFF, which `surrogateescape` decoding and `'\ud800'`
//! literals make) cannot live in a Rust `String`. Such a string keeps valid UTF-8 in
//! `text`, with U+FFFD standing in for each surrogate (one code point for one, so
//! lengths and indices stay right), plus a side table of the real surrogates
//! ([`SurrogateAt`]). The table is `None` for every ordinary string, so the hot paths
//! pay one pointer check at most. Operations that must be exact (equality, ordering,
//! hash, indexing, slicing, concatenation, repr, encoding...) read [`PyStr::code_points`];
//! the formatters that build Rust text (`%`, `format`, f-strings, `str()`) lend
//! surrogates private-use stand-ins (`str_stand_in.rs`), and the methods too
//! (`str_surrogate_methods.rs`); the rest still see `as_str()`, where a surrogate shows
//! as U+FFFD.

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
    /// The lone surrogates `text` shows as U+FFFD, by code-point index (ascending);
    /// `None` when there are none. Boxed so that ordinary strings pay one word.
    surrogates: Option<Box<SurrogateTable>>,
}

/// The lone surrogates of a string, by ascending index.
#[derive(Clone, Default, PartialEq, Eq)]
struct SurrogateTable(Vec<SurrogateAt>);

/// One lone surrogate of a string: where it is (code-point index) and its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SurrogateAt {
    pub index: usize,
    pub unit: u16,
}

/// What `text` holds where the string has a lone surrogate.
pub const SURROGATE_STAND_IN: char = '\u{fffd}';

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
            surrogates: None,
        }
    }

    /// A str of any code points, lone surrogates included (each must be at most
    /// U+10FFFF, which `chr` and the decoders check).
    pub fn from_code_points(points: impl IntoIterator<Item = u32>) -> PyStr {
        let mut out = PyStr::new(String::new());
        points.into_iter().for_each(|cp| out.push_code_point(cp));
        out
    }

    /// Whether the string holds lone surrogates (then `as_str()` is not its exact value).
    #[inline]
    pub fn has_surrogates(&self) -> bool {
        self.surrogates.is_some()
    }

    /// The lone surrogates, by index (empty for ordinary strings).
    pub fn surrogates(&self) -> &[SurrogateAt] {
        self.surrogates.as_deref().map_or(&[], |t| t.0.as_slice())
    }

    /// The exact code points, lone surrogates included.
    pub fn code_points(&self) -> impl Iterator<Item = u32> + Clone + '_ {
        let mut pending = self.surrogates().iter().peekable();
        self.text
            .chars()
            .enumerate()
            .map(move |(i, c)| match pending.next_if(|s| s.index == i) {
                Some(s) => s.unit as u32,
                None => c as u32,
            })
    }

    /// The exact code point at `index`, if in range.
    pub fn code_point_at(&self, index: usize) -> Option<u32> {
        let c = self.char_at(index)?;
        if c == SURROGATE_STAND_IN {
            if let Some(s) = self.surrogates().iter().find(|s| s.index == index) {
                return Some(s.unit as u32);
            }
        }
        Some(c as u32)
    }

    /// A str of `text` whose hash the caller has already computed with [`hash_str`] (the
    /// interned-string table hashes each name once and hands the hash on).
    pub fn with_hash(text: &str, hash: i64) -> PyStr {
        let s = PyStr::new(text);
        s.hash.set(hash);
        s
    }

    /// A str of ASCII text (its length in code points is its length in bytes).
    pub fn ascii(text: String) -> PyStr {
        debug_assert!(text.is_ascii());
        PyStr {
            char_len: text.len(),
            text,
            hash: Cell::new(-1),
            surrogates: None,
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
        if let Some(more) = &tail.surrogates {
            let offset = self.char_len;
            let table = self.surrogates.get_or_insert_with(Default::default);
            table.0.extend(more.0.iter().map(|s| SurrogateAt {
                index: s.index + offset,
                unit: s.unit,
            }));
        }
        self.text.push_str(&tail.text);
        self.char_len += tail.char_len;
        self.hash.set(-1);
    }

    /// Append ordinary text (a decoder's output, say).
    pub fn push_text(&mut self, tail: &str) {
        self.char_len += tail.chars().count();
        self.text.push_str(tail);
        self.hash.set(-1);
    }

    /// Append one code point, a lone surrogate included.
    pub fn push_code_point(&mut self, cp: u32) {
        match char::from_u32(cp) {
            Some(c) => self.text.push(c),
            None => {
                let table = self.surrogates.get_or_insert_with(Default::default);
                table.0.push(SurrogateAt {
                    index: self.char_len,
                    unit: cp as u16,
                });
                self.text.push(SURROGATE_STAND_IN);
            }
        }
        self.char_len += 1;
        self.hash.set(-1);
    }

    /// The text, each lone surrogate shown as U+FFFD (for Rust-side consumers).
    pub fn into_lossy_string(self) -> String {
        self.text
    }

    /// Code-point order (`<`): UTF-8 byte order is code-point order, except that a
    /// stand-in U+FFFD sorts after U+E000..U+FFFC where its surrogate would not.
    pub fn cmp_code_points(&self, other: &PyStr) -> std::cmp::Ordering {
        if self.surrogates.is_none() && other.surrogates.is_none() {
            return self.text.cmp(&other.text);
        }
        self.code_points().cmp(other.code_points())
    }

    /// The cached hash; computing it is out of line so that the check inlines into
    /// every dict and set probe.
    #[inline]
    pub fn hash(&self) -> i64 {
        let cached = self.hash.get();
        if cached != -1 {
            return cached;
        }
        self.compute_hash()
    }

    #[cold]
    #[inline(never)]
    fn compute_hash(&self) -> i64 {
        let h = match self.surrogates {
            None => hash_str(&self.text),
            Some(_) => hash_code_points(self.code_points()),
        };
        self.hash.set(h);
        h
    }
}

impl PartialEq for PyStr {
    /// Equal text and equal surrogates: a stand-in U+FFFD never equals a real one.
    #[inline]
    fn eq(&self, other: &PyStr) -> bool {
        self.text == other.text && self.surrogates == other.surrogates
    }
}

impl Clone for PyStr {
    fn clone(&self) -> PyStr {
        PyStr {
            text: self.text.clone(),
            char_len: self.char_len,
            hash: self.hash.clone(),
            surrogates: self.surrogates.clone(),
        }
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
    hash_code_points(text.chars().map(|c| c as u32))
}

/// The hash of a sequence of code points (lone surrogates included), over the PEP 393
/// form: 1, 2 or 4 little-endian bytes each by the largest.
fn hash_code_points(points: impl Iterator<Item = u32> + Clone) -> i64 {
    let max = points.clone().max().unwrap_or(0);
    let mut buf = Vec::new();
    if max < 0x100 {
        buf.extend(points.map(|cp| cp as u8));
    } else if max < 0x10000 {
        points.for_each(|cp| buf.extend_from_slice(&(cp as u16).to_le_bytes()));
    } else {
        points.for_each(|cp| buf.extend_from_slice(&cp.to_le_bytes()));
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

    #[test]
    fn surrogates_keep_their_code_points_and_cpython_hashes() {
        init_hash_secret(Some(0));
        let points = [0x61, 0xdc80];
        let s = PyStr::from_code_points(points);
        assert!(s.has_surrogates());
        assert_eq!(s.char_len(), 2);
        assert_eq!(s.as_str(), "a\u{fffd}");
        assert_eq!(s.code_points().collect::<Vec<_>>(), points);
        assert_eq!(s.code_point_at(1), Some(0xdc80));
        // Values from the reference: PYTHONHASHSEED=0, hash('a\udc80') and others.
        assert_eq!(s.hash(), 764621704099939125);
        assert_eq!(
            PyStr::from_code_points([0xd800]).hash(),
            5926611903945376553
        );
        let wide = PyStr::from_code_points([0xdfff, 0x10000]);
        assert_eq!(wide.hash(), -239935562470468990);
        assert!(s != PyStr::new("a\u{fffd}"));
    }

    #[test]
    fn appending_shifts_the_surrogates() {
        let mut s = PyStr::new("xy");
        s.push_str(&PyStr::from_code_points([0xd800, 0x62]));
        s.push_code_point(0xdfff);
        assert_eq!(
            s.code_points().collect::<Vec<_>>(),
            [0x78, 0x79, 0xd800, 0x62, 0xdfff]
        );
        let plain = PyStr::new("xy\u{fffd}b\u{fffd}");
        assert_eq!(s.cmp_code_points(&plain), std::cmp::Ordering::Less);
    }
}
