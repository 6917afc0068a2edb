//! Character predicates and case mappings of the three "locales" a pattern can use
//! (CPython's `sre.c` helpers): ASCII (`re.ASCII`, bytes patterns), the C library's
//! locale for bytes (`re.LOCALE`; adder runs in a UTF-8 or C locale, where only ASCII
//! letters and digits are alphanumeric), and Unicode (the default for str patterns),
//! answered from the interpreter's Unicode database so `\w` agrees with `str.isalnum`.

use adder_vm::objects::unicode::{self, Case};

use super::constants::*;

/// A character unit of the subject: a byte, or a code point of a str.
pub trait Unit: Copy {
    fn code(self) -> u32;
}

impl Unit for u8 {
    #[inline(always)]
    fn code(self) -> u32 {
        self as u32
    }
}

impl Unit for u32 {
    #[inline(always)]
    fn code(self) -> u32 {
        self
    }
}

/// `\n`: the only line break of `.`, `^` and `$`.
#[inline]
pub fn is_linebreak(c: u32) -> bool {
    c == '\n' as u32
}

fn is_digit(c: u32) -> bool {
    (b'0' as u32..=b'9' as u32).contains(&c)
}

/// C's `isspace` in the C locale (not the Unicode separators 0x1c-0x1f).
fn is_space(c: u32) -> bool {
    matches!(c, 0x09..=0x0d | 0x20)
}

fn is_alnum_ascii(c: u32) -> bool {
    c < 128 && (c as u8).is_ascii_alphanumeric()
}

#[inline]
pub fn is_word(c: u32) -> bool {
    is_alnum_ascii(c) || c == '_' as u32
}

/// `\w` under `re.LOCALE`: alphanumerics of the C locale (ASCII in a C or UTF-8
/// locale, where single bytes above 127 are not characters).
pub fn is_loc_word(c: u32) -> bool {
    is_word(c)
}

fn as_char(c: u32) -> Option<char> {
    char::from_u32(c)
}

pub fn is_uni_digit(c: u32) -> bool {
    if c < 128 {
        return is_digit(c);
    }
    as_char(c).is_some_and(|ch| unicode::has(ch, unicode::DECIMAL))
}

pub fn is_uni_space(c: u32) -> bool {
    as_char(c).is_some_and(unicode::is_space)
}

pub fn is_uni_linebreak(c: u32) -> bool {
    as_char(c).is_some_and(unicode::is_linebreak)
}

/// `str.isalnum()` for one character, or `_`.
#[inline]
pub fn is_uni_word(c: u32) -> bool {
    if c < 128 {
        return is_word(c);
    }
    as_char(c).is_some_and(|ch| {
        unicode::has(
            ch,
            unicode::ALPHA | unicode::DECIMAL | unicode::DIGIT | unicode::NUMERIC,
        )
    })
}

#[inline]
pub fn lower_ascii(c: u32) -> u32 {
    if c < 128 {
        (c as u8).to_ascii_lowercase() as u32
    } else {
        c
    }
}

fn upper_ascii(c: u32) -> u32 {
    if c < 128 {
        (c as u8).to_ascii_uppercase() as u32
    } else {
        c
    }
}

/// `tolower` of the C locale for a byte; code points beyond a byte are unchanged.
pub fn lower_locale(c: u32) -> u32 {
    lower_ascii(c)
}

pub fn upper_locale(c: u32) -> u32 {
    upper_ascii(c)
}

#[inline]
pub fn lower_unicode(c: u32) -> u32 {
    if c < 128 {
        return lower_ascii(c);
    }
    as_char(c).map_or(c, |ch| unicode::simple_mapped(ch, Case::Lower) as u32)
}

pub fn upper_unicode(c: u32) -> u32 {
    if c < 128 {
        return upper_ascii(c);
    }
    as_char(c).map_or(c, |ch| unicode::simple_mapped(ch, Case::Upper) as u32)
}

/// Whether `c` matches the `LITERAL_LOC_IGNORE` literal `pattern`.
pub fn char_loc_ignore(pattern: u32, c: u32) -> bool {
    c == pattern || lower_locale(c) == pattern || upper_locale(c) == pattern
}

/// Whether `c` belongs to a `CATEGORY_*` class (`\d`, `\s`, `\w` and negations).
pub fn category(cat: u32, c: u32) -> bool {
    match cat {
        CATEGORY_DIGIT => is_digit(c),
        CATEGORY_NOT_DIGIT => !is_digit(c),
        CATEGORY_SPACE => is_space(c),
        CATEGORY_NOT_SPACE => !is_space(c),
        CATEGORY_WORD => is_word(c),
        CATEGORY_NOT_WORD => !is_word(c),
        CATEGORY_LINEBREAK => is_linebreak(c),
        CATEGORY_NOT_LINEBREAK => !is_linebreak(c),
        CATEGORY_LOC_WORD => is_loc_word(c),
        CATEGORY_LOC_NOT_WORD => !is_loc_word(c),
        CATEGORY_UNI_DIGIT => is_uni_digit(c),
        CATEGORY_UNI_NOT_DIGIT => !is_uni_digit(c),
        CATEGORY_UNI_SPACE => is_uni_space(c),
        CATEGORY_UNI_NOT_SPACE => !is_uni_space(c),
        CATEGORY_UNI_WORD => is_uni_word(c),
        CATEGORY_UNI_NOT_WORD => !is_uni_word(c),
        CATEGORY_UNI_LINEBREAK => is_uni_linebreak(c),
        CATEGORY_UNI_NOT_LINEBREAK => !is_uni_linebreak(c),
        _ => false,
    }
}
