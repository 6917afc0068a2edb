//! Character properties and case mappings with CPython's Unicode database, over the
//! tables in `unicode_data.rs` (generated from the reference interpreter, because
//! Rust's own `char` methods follow a different Unicode version and other definitions:
//! `char::is_whitespace` is not `str.isspace`, `char::is_alphabetic` not `str.isalpha`).

pub use super::unicode_data::{
    ALPHA, CASED, CASE_IGNORABLE, DECIMAL, DIGIT, LOWER, NUMERIC, PRINTABLE, SPACE, TITLE, UPPER,
    XID_CONTINUE, XID_START,
};
use super::unicode_data::{CASE_RUNS, EXPANSION, EXPANSIONS, FLAG_RUNS};

/// The property flags of `c` (the `unicode_data` bit constants).
pub fn flags(c: char) -> u16 {
    let cp = c as u32;
    if cp < 0x80 {
        return ascii_flags(cp as u8);
    }
    run_value(&FLAG_RUNS, cp).unwrap_or(0)
}

/// ASCII is by far the commonest case: answered without a search.
fn ascii_flags(b: u8) -> u16 {
    let mut f = 0;
    if b.is_ascii_alphabetic() {
        f |= ALPHA | CASED | XID_START | XID_CONTINUE;
        f |= if b.is_ascii_lowercase() { LOWER } else { UPPER };
    }
    if b.is_ascii_digit() {
        f |= DECIMAL | DIGIT | NUMERIC | XID_CONTINUE;
    }
    if b == b'_' {
        f |= XID_START | XID_CONTINUE;
    }
    if matches!(b, b'\t'..=b'\r' | 0x1c..=0x1f | b' ') {
        f |= SPACE;
    }
    if (0x20..0x7f).contains(&b) {
        f |= PRINTABLE;
    }
    if matches!(b, b'\'' | b'.' | b':' | b'^' | b'`') {
        f |= CASE_IGNORABLE;
    }
    f
}

/// The value of the run containing `cp` in a table of `(first code point, value)`.
fn run_value<T: Copy>(runs: &[(u32, T)], cp: u32) -> Option<T> {
    let i = runs.partition_point(|&(start, _)| start <= cp);
    i.checked_sub(1).and_then(|i| runs.get(i)).map(|&(_, v)| v)
}

pub fn has(c: char, flag: u16) -> bool {
    flags(c) & flag != 0
}

/// `str.isspace()` for one character (also what `split()`/`strip()` treat as blank).
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '\t'..='\r' | '\x1c'..='\x1f' | ' ');
    }
    has(c, SPACE)
}

/// The value of a decimal digit (`str.isdecimal()`), in any script. Decimal digits
/// come in runs of ten from zero, each starting a run of equal flags.
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(c as u32 - '0' as u32);
    }
    let cp = c as u32;
    let i = FLAG_RUNS
        .partition_point(|&(start, _)| start <= cp)
        .checked_sub(1)?;
    let (start, f) = FLAG_RUNS.get(i).copied()?;
    (f & DECIMAL != 0).then_some((cp - start) % 10)
}

/// Line boundaries for `str.splitlines()`.
pub fn is_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// Which full case mapping to apply.
#[derive(Clone, Copy)]
pub enum Case {
    Lower = 0,
    Upper = 1,
    Title = 2,
    Fold = 3,
}

/// Append the full case mapping of `c` (possibly several characters) to `out`.
pub fn push_mapped(out: &mut String, c: char, case: Case) {
    if c.is_ascii() {
        out.push(match case {
            Case::Upper | Case::Title => c.to_ascii_uppercase(),
            Case::Lower | Case::Fold => c.to_ascii_lowercase(),
        });
        return;
    }
    let cp = c as u32;
    let code = run_value(&CASE_RUNS, cp).map_or(0, |m| m[case as usize]);
    if code >= EXPANSION {
        out.push_str(
            EXPANSIONS
                .get((code - EXPANSION) as usize)
                .copied()
                .unwrap_or(""),
        );
    } else {
        out.push(char::from_u32(cp.wrapping_add_signed(code)).unwrap_or(c));
    }
}

/// The first character of `c`'s full case mapping: CPython's single-character
/// `_PyUnicode_ToLowercase`/`_PyUnicode_ToUppercase`, which the `re` engine uses for
/// case-insensitive matching (`_sre.unicode_tolower`).
pub fn simple_mapped(c: char, case: Case) -> char {
    if c.is_ascii() {
        return match case {
            Case::Upper | Case::Title => c.to_ascii_uppercase(),
            Case::Lower | Case::Fold => c.to_ascii_lowercase(),
        };
    }
    let cp = c as u32;
    let code = run_value(&CASE_RUNS, cp).map_or(0, |m| m[case as usize]);
    if code >= EXPANSION {
        EXPANSIONS
            .get((code - EXPANSION) as usize)
            .and_then(|s| s.chars().next())
            .unwrap_or(c)
    } else {
        char::from_u32(cp.wrapping_add_signed(code)).unwrap_or(c)
    }
}

/// Whether a capital sigma at char position `i` of `chars` ends a word (CPython's
/// `handle_capital_sigma`: cased, then case-ignorables, Σ, and no cased letter after
/// the case-ignorables that follow).
pub fn is_final_sigma(chars: &[char], i: usize) -> bool {
    let before = chars
        .get(..i)
        .unwrap_or(&[])
        .iter()
        .rev()
        .find(|&&c| !has(c, CASE_IGNORABLE));
    if !before.is_some_and(|&c| has(c, CASED)) {
        return false;
    }
    let after = chars
        .get(i + 1..)
        .unwrap_or(&[])
        .iter()
        .find(|&&c| !has(c, CASE_IGNORABLE));
    !after.is_some_and(|&c| has(c, CASED))
}

/// Lowercase `c` at position `i` of `chars`, applying the final-sigma rule.
pub fn push_lower_in_context(out: &mut String, chars: &[char], i: usize) {
    let Some(&c) = chars.get(i) else { return };
    if c == '\u{3a3}' {
        out.push(if is_final_sigma(chars, i) {
            '\u{3c2}'
        } else {
            '\u{3c3}'
        });
    } else {
        push_mapped(out, c, Case::Lower);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_fast_path_agrees_with_the_table() {
        for b in 0u8..0x80 {
            let table = run_value(&FLAG_RUNS, b as u32).unwrap_or(0);
            assert_eq!(ascii_flags(b), table, "byte {b:#x}");
        }
    }

    #[test]
    fn decimal_values_in_other_scripts() {
        // U+0663 ARABIC-INDIC DIGIT THREE, U+1D7D9 MATHEMATICAL DOUBLE-STRUCK DIGIT ONE.
        assert_eq!(decimal_value('\u{663}'), Some(3));
        assert_eq!(decimal_value('\u{1d7d9}'), Some(1));
        assert_eq!(decimal_value('\u{b2}'), None);
    }

    #[test]
    fn special_casing_expands() {
        let mut out = String::new();
        push_mapped(&mut out, 'ß', Case::Upper);
        push_mapped(&mut out, 'ﬁ', Case::Title);
        assert_eq!(out, "SSFi");
        assert!(is_final_sigma(&['A', 'Σ'], 1));
        assert!(!is_final_sigma(&['Σ', 'A'], 0));
    }
}
