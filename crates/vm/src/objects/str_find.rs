//! Substring search for the str methods (`find`, `count`, `replace`, `split`,
//! `partition`), over the UTF-8 bytes.
//!
//! Python programs mostly search short strings for short needles, where the standard
//! library's two-way searcher spends more on its setup than on the search. In a short
//! haystack, the positions where both the needle's first and last bytes match are
//! found eight at a time and the rest compared in place (a separator such as ", " or
//! " #" starts with a byte the text is full of, and testing two bytes at once leaves
//! few false candidates). In a long one, the first byte is found with `memchr`; when
//! candidates keep failing (a needle like "aab" in "aaaa…") the search hands over to
//! the two-way searcher, so that it stays linear. Matches of valid UTF-8 in valid
//! UTF-8 always start and end on character boundaries, so byte offsets are safe to
//! slice at.

/// Bytes compared beyond the first of each candidate, per haystack byte, before the
/// search hands over to the two-way searcher.
const NAIVE_BUDGET_PER_BYTE: usize = 4;

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Haystacks at least this long are searched by the C library's `memchr`, which looks
/// at 16-32 bytes per step; below it, its call costs more than the loop here.
const MEMCHR_MIN_LEN: usize = 48;

/// Position of the first `byte` in `hay`.
#[inline]
pub fn find_byte(byte: u8, hay: &[u8]) -> Option<usize> {
    if hay.len() >= MEMCHR_MIN_LEN {
        // SAFETY: the pointer and length describe the live slice `hay`; `memchr` reads
        // only within it and returns null or a pointer into it.
        let at = unsafe { libc::memchr(hay.as_ptr().cast(), i32::from(byte), hay.len()) };
        return (!at.is_null()).then(|| at as usize - hay.as_ptr() as usize);
    }
    let pattern = ONES.wrapping_mul(u64::from(byte));
    let mut words = hay.chunks_exact(8);
    let mut offset = 0;
    for word in words.by_ref() {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(word);
        let x = u64::from_le_bytes(bytes) ^ pattern;
        // The lowest high bit set marks the first zero byte of `x` exactly.
        let zero = x.wrapping_sub(ONES) & !x & HIGHS;
        if zero != 0 {
            return Some(offset + (zero.trailing_zeros() / 8) as usize);
        }
        offset += 8;
    }
    words
        .remainder()
        .iter()
        .position(|&b| b == byte)
        .map(|i| offset + i)
}

/// Haystacks shorter than this are searched by [`find_by_ends`]: its work is bounded by
/// the haystack's length times the needle's, which stays small below it.
const BY_ENDS_MAX_LEN: usize = 256;

/// The bytes of `v` that are zero have their high bit set in the result (and bytes
/// above a zero byte may too: callers check each candidate).
#[inline]
fn zero_bytes(v: u64) -> u64 {
    v.wrapping_sub(ONES) & !v & HIGHS
}

/// The eight bytes of `h` from `at` as a little-endian word, if there are eight.
#[inline]
fn word_at(h: &[u8], at: usize) -> Option<u64> {
    let bytes: [u8; 8] = h.get(at..at + 8)?.try_into().ok()?;
    Some(u64::from_le_bytes(bytes))
}

/// Byte offset of the first `needle` (two bytes or more) in `hay`: the candidate
/// starts are those where the needle's first and last bytes both match, tested eight
/// at a time.
fn find_by_ends(h: &[u8], n: &[u8]) -> Option<usize> {
    let (&first, &last) = (n.first()?, n.last()?);
    let reach = n.len() - 1;
    let starts = h.len().checked_sub(reach)?;
    let matches_at = |at: usize| h.get(at..at + n.len()) == Some(n);
    let (first_pattern, last_pattern) = (ONES * u64::from(first), ONES * u64::from(last));
    let mut block = 0;
    while block + 8 <= starts {
        let (Some(heads), Some(tails)) = (word_at(h, block), word_at(h, block + reach)) else {
            break;
        };
        let mut hits = zero_bytes((heads ^ first_pattern) | (tails ^ last_pattern));
        while hits != 0 {
            let at = block + (hits.trailing_zeros() / 8) as usize;
            if matches_at(at) {
                return Some(at);
            }
            hits &= hits - 1;
        }
        block += 8;
    }
    (block..starts).find(|&at| matches_at(at))
}

/// Byte offset of the first `needle` in `hay` (`Some(0)` for an empty needle).
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = n.split_first() else {
        return Some(0);
    };
    if rest.is_empty() {
        return find_byte(first, h);
    }
    if h.len() < BY_ENDS_MAX_LEN {
        return find_by_ends(h, n);
    }
    let mut budget = NAIVE_BUDGET_PER_BYTE * h.len() + 64;
    let mut from = 0;
    while h.len() - from >= n.len() {
        let at = from + find_byte(first, &h[from..=h.len() - n.len()])?;
        let tail = &h[at + 1..at + n.len()];
        if tail == rest {
            return Some(at);
        }
        budget = budget.saturating_sub(rest.len());
        if budget == 0 {
            // `at` starts a character (it holds the needle's first byte).
            return hay.get(at..)?.find(needle).map(|i| at + i);
        }
        from = at + 1;
    }
    None
}

/// Byte offsets of the non-overlapping matches of a non-empty `needle`, left to right,
/// at most `limit` of them.
pub fn match_offsets<'a>(
    hay: &'a str,
    needle: &'a str,
    limit: usize,
) -> impl Iterator<Item = usize> + 'a {
    let mut from = 0;
    let mut left = if needle.is_empty() { 0 } else { limit };
    std::iter::from_fn(move || {
        if left == 0 {
            return None;
        }
        let at = from + find(hay.get(from..)?, needle)?;
        from = at + needle.len();
        left -= 1;
        Some(at)
    })
}

/// Number of non-overlapping matches of a non-empty `needle`.
pub fn count(hay: &str, needle: &str) -> usize {
    if let [byte] = needle.as_bytes() {
        // One pass over the bytes (which the compiler vectorises), not one search per match.
        return hay.bytes().filter(|b| b == byte).count();
    }
    match_offsets(hay, needle, usize::MAX).count()
}

/// `hay` with the first `limit` matches of a non-empty `old` replaced by `new`.
pub fn replace(hay: &str, old: &str, new: &str, limit: usize) -> String {
    let mut out = String::with_capacity(hay.len());
    let mut copied = 0;
    for at in match_offsets(hay, old, limit) {
        out.push_str(&hay[copied..at]);
        out.push_str(new);
        copied = at + old.len();
    }
    out.push_str(&hay[copied..]);
    out
}

/// The pieces of `hay` between the first `limit` matches of a non-empty `sep`.
pub fn split<'a>(hay: &'a str, sep: &'a str, limit: usize) -> Vec<&'a str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for at in match_offsets(hay, sep, limit) {
        parts.push(&hay[start..at]);
        start = at + sep.len();
    }
    parts.push(&hay[start..]);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_standard_search() {
        let hays = [
            "",
            "a",
            "abcabcabd",
            "aaaaaaaaaaaaaaaaaaaab",
            "héllo wörld, héllo",
            "x\ny\nz",
        ];
        let needles = [
            "a",
            "b",
            "abd",
            "aab",
            "héllo",
            "ö",
            "\n",
            "zz",
            "aaaaaaaaaaaaaaaaaaaab",
        ];
        for h in hays {
            for n in needles {
                assert_eq!(find(h, n), h.find(n), "{h:?} {n:?}");
                assert_eq!(count(h, n), h.matches(n).count(), "{h:?} {n:?}");
                assert_eq!(replace(h, n, "<>", usize::MAX), h.replace(n, "<>"));
                assert_eq!(split(h, n, 1), h.splitn(2, n).collect::<Vec<_>>());
                assert_eq!(split(h, n, usize::MAX), h.split(n).collect::<Vec<_>>());
            }
        }
    }

    #[test]
    fn search_by_ends_finds_every_position() {
        let hay: String = (0..300u32)
            .map(|i| char::from(b'a' + (i * 7 % 5) as u8))
            .collect();
        for len in [2, 3, 9, 17] {
            for start in 0..hay.len() - len {
                let needle = &hay[start..start + len];
                assert_eq!(find(&hay[..200], needle), hay[..200].find(needle));
                assert_eq!(find(&hay, needle), hay.find(needle));
            }
        }
        assert_eq!(find("ab, cd #12", " #"), Some(6));
        assert_eq!(find("ab", "abc"), None);
    }

    #[test]
    fn byte_search_finds_every_position() {
        let hay: Vec<u8> = (0..40u8).collect();
        for b in 0..42u8 {
            assert_eq!(find_byte(b, &hay), hay.iter().position(|&x| x == b));
        }
    }

    #[test]
    fn pathological_needles_stay_correct() {
        let hay = "a".repeat(10_000) + "b";
        let needle = "a".repeat(50) + "b";
        assert_eq!(find(&hay, &needle), Some(10_000 - 50));
    }
}
