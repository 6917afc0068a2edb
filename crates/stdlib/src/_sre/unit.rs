//! Operations that consume exactly one character (literals, sets, `.`, categories),
//! tested on their own: by the engine, and by `count` for the single-character
//! repeats (`REPEAT_ONE` and friends), which never need backtracking state.

use super::chars::{
    category, char_loc_ignore, is_linebreak, lower_ascii, lower_locale, lower_unicode, upper_locale,
};
use super::charset::word;
use super::constants::*;
use super::program::Program;

/// Whether the operation at `code[at]` consumes exactly one character.
pub fn is_unit(op: u32) -> bool {
    matches!(
        op,
        ANY | ANY_ALL
            | LITERAL
            | NOT_LITERAL
            | LITERAL_IGNORE
            | NOT_LITERAL_IGNORE
            | LITERAL_UNI_IGNORE
            | NOT_LITERAL_UNI_IGNORE
            | LITERAL_LOC_IGNORE
            | NOT_LITERAL_LOC_IGNORE
            | CATEGORY
            | IN
            | IN_IGNORE
            | IN_UNI_IGNORE
            | IN_LOC_IGNORE
    )
}

/// Whether character `ch` satisfies the one-character operation at `code[at]`
/// (false for anything else).
#[inline]
pub fn matches(prog: &Program, at: usize, ch: u32) -> bool {
    let arg = word(&prog.code, at + 1);
    match word(&prog.code, at) {
        ANY => !is_linebreak(ch),
        ANY_ALL => true,
        LITERAL => ch == arg,
        NOT_LITERAL => ch != arg,
        LITERAL_IGNORE => lower_ascii(ch) == arg,
        NOT_LITERAL_IGNORE => lower_ascii(ch) != arg,
        LITERAL_UNI_IGNORE => lower_unicode(ch) == arg,
        NOT_LITERAL_UNI_IGNORE => lower_unicode(ch) != arg,
        LITERAL_LOC_IGNORE => char_loc_ignore(arg, ch),
        NOT_LITERAL_LOC_IGNORE => !char_loc_ignore(arg, ch),
        CATEGORY => category(arg, ch),
        IN => prog.in_set(at + 2, ch),
        IN_IGNORE => prog.in_set(at + 2, lower_ascii(ch)),
        IN_UNI_IGNORE => prog.in_set(at + 2, lower_unicode(ch)),
        IN_LOC_IGNORE => {
            // The character or its other case under the locale.
            let lo = lower_locale(ch);
            let up = upper_locale(ch);
            prog.in_set(at + 2, lo) || (up != lo && prog.in_set(at + 2, up))
        }
        _ => false,
    }
}

/// Index of the operation after the one-character operation at `code[at]`.
#[inline]
pub fn next(code: &[u32], at: usize) -> usize {
    match word(code, at) {
        ANY | ANY_ALL => at + 1,
        IN | IN_IGNORE | IN_UNI_IGNORE | IN_LOC_IGNORE => at + 1 + word(code, at + 1) as usize,
        _ => at + 2,
    }
}
