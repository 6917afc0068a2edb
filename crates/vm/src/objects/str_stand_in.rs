//! Lone surrogates through the formatters that build Rust text (`%`, `str.format`,
//! `format()`, f-strings, `str()` of objects).
//!
//! Those engines read strs as `&str` and return a `String`, where a lone surrogate
//! cannot live (see `str.rs`). Rather than a second, code-point engine for each, an
//! [`exact`] scope lends them stand-ins: while it runs, [`text`] gives each surrogate
//! as a private-use character of one 2048-character block of planes 15-16 (U+D800 +
//! k becomes base + k), and the result's characters of that block turn back into
//! surrogates. A stand-in, like a surrogate, is one code point (widths, precisions
//! and padding count right) and is neither a digit, a space nor a brace (parsing is
//! unchanged). Outside a scope [`text`] is the lossy `as_str()` (U+FFFD).
//!
//! Known limit: the block is chosen free of the first str with surrogates read in the
//! scope; a genuine character of that block in another operand of the same operation
//! would come back as a surrogate.
//!
//! Error messages that quote a name exactly ([`quoting_name`], [`unexpected_keyword`])
//! and the UnicodeEncodeError CPython raises where it reads a str as UTF-8
//! ([`require_utf8`]) are here too.

use std::borrow::Cow;
use std::cell::Cell;

use crate::error::{PyErr, PyResult};
use crate::objects::str::PyStr;
use crate::value::Value;
use crate::vm::Vm;

/// Where the stand-in blocks start: planes 15 and 16, 64 blocks of 2048 (also the
/// str methods' stand-ins, `str_surrogate_methods.rs`).
pub(crate) const STAND_IN_BASE: u32 = 0xF0000;
pub(crate) const BLOCK: u32 = 0x800;
pub(crate) const BLOCKS: u32 = 64;
pub(crate) const SURROGATE_FIRST: u32 = 0xD800;

thread_local! {
    /// How many [`exact`] calls are running on this thread (nested formatters share
    /// one block).
    static DEPTH: Cell<u32> = const { Cell::new(0) };
    /// How many stand-ins were handed out (wrapping): a scope that sees it move
    /// takes back.
    static LENT: Cell<u32> = const { Cell::new(0) };
    /// The block's first character once a surrogate needed one, else 0.
    static BASE: Cell<u32> = const { Cell::new(0) };
}

/// Run `format` (which builds Rust text) so that the surrogates of the strs it reads
/// through [`text`] are in the str it returns. (Two thread-local updates when
/// nothing has surrogates: this runs for every f-string field.)
pub fn exact(vm: &mut Vm, format: impl FnOnce(&mut Vm) -> PyResult<String>) -> PyResult<Value> {
    let depth = DEPTH.get() + 1;
    DEPTH.set(depth);
    let lent_on_entry = LENT.get();
    let result = format(vm);
    DEPTH.set(depth - 1);
    let lent = LENT.get() != lent_on_entry;
    let base = BASE.get();
    if lent && depth == 1 {
        // The outermost scope ends: the next one may choose another block.
        BASE.set(0);
    }
    let text = result?;
    if !lent {
        return Ok(vm.new_str(&text));
    }
    Ok(finish(vm, &text, Some(base)))
}

/// The str of `text`, the stand-ins of the block at `base` (if any) turned back.
fn finish(vm: &Vm, text: &str, base: Option<u32>) -> Value {
    match base.and_then(|base| take_back(text, base)) {
        Some(s) => vm.new_str_obj(s),
        None => vm.new_str(text),
    }
}

/// `s` as Rust text: surrogates as stand-ins inside a scope, U+FFFD outside.
pub fn text(s: &PyStr) -> Cow<'_, str> {
    if !s.has_surrogates() {
        return Cow::Borrowed(s.as_str());
    }
    match lend_base(s) {
        Some(base) => Cow::Owned(lent_text(s, base)),
        None => Cow::Borrowed(s.as_str()),
    }
}

/// The text of `s` with each surrogate as its stand-in in the block at `base`.
fn lent_text(s: &PyStr, base: u32) -> String {
    s.code_points()
        .map(|cp| match cp {
            0xD800..=0xDFFF => stand_in(cp, base),
            _ => char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER),
        })
        .collect()
}

/// The character for code point `cp` in Rust text: a surrogate's stand-in inside a
/// scope, `None` outside (`%c` and `{:c}` of a surrogate).
pub fn char_of(cp: u32) -> Option<char> {
    match cp {
        0xD800..=0xDFFF => {
            let probe = PyStr::from_code_points([cp]);
            lend_base(&probe).map(|base| stand_in(cp, base))
        }
        _ => char::from_u32(cp),
    }
}

/// A str of Rust text made inside a scope (a mapping key, a spec passed to
/// `__format__`): its stand-ins become surrogates again.
pub fn new_str(vm: &Vm, text: &str) -> Value {
    finish(vm, text, Some(BASE.get()).filter(|&b| b != 0))
}

fn stand_in(cp: u32, base: u32) -> char {
    char::from_u32(cp - SURROGATE_FIRST + base).unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// The scope's block for lending `s`'s surrogates (chosen now if none yet), counting
/// the loan; `None` outside a scope or when every block occurs in `s`.
fn lend_base(s: &PyStr) -> Option<u32> {
    if DEPTH.get() == 0 {
        return None;
    }
    let base = match BASE.get() {
        0 => free_block(s.as_str())?,
        base => base,
    };
    BASE.set(base);
    LENT.set(LENT.get().wrapping_add(1));
    Some(base)
}

/// The first stand-in block that no character of `text` is in.
fn free_block(text: &str) -> Option<u32> {
    first_free(used_blocks(text))
}

/// The stand-in blocks `text` has characters in, one bit each.
pub(crate) fn used_blocks(text: &str) -> u64 {
    text.chars()
        .filter_map(|c| (c as u32).checked_sub(STAND_IN_BASE))
        .fold(0u64, |used, k| used | 1 << (k / BLOCK))
}

/// The first character of the first block not in `used`.
pub(crate) fn first_free(used: u64) -> Option<u32> {
    (0..BLOCKS)
        .find(|b| used & (1 << b) == 0)
        .map(|b| STAND_IN_BASE + b * BLOCK)
}

/// `text` with the stand-ins of the block at `base` turned back into surrogates,
/// or `None` when it has none.
fn take_back(text: &str, base: u32) -> Option<PyStr> {
    let block = base..base + BLOCK;
    if !text.chars().any(|c| block.contains(&(c as u32))) {
        return None;
    }
    Some(PyStr::from_code_points(text.chars().map(|c| {
        let cp = c as u32;
        if block.contains(&cp) {
            cp - base + SURROGATE_FIRST
        } else {
            cp
        }
    })))
}

/// [`text`] of a value known to be a str (empty for anything else).
pub fn value_text(v: &Value) -> String {
    v.as_obj()
        .and_then(|o| o.as_str())
        .map_or(String::new(), |s| text(s).into_owned())
}

/// `transform` (a text filter that keeps each character or drops it, and adds only
/// ordinary ones: newline translation, say) applied to `s`, surrogates kept. They go
/// through it as stand-ins of a block `s` does not use.
pub fn map_text(s: &PyStr, transform: impl FnOnce(&str) -> String) -> PyStr {
    if !s.has_surrogates() {
        return PyStr::new(transform(s.as_str()));
    }
    let Some(base) = free_block(s.as_str()) else {
        return PyStr::new(transform(s.as_str()));
    };
    let out = transform(&lent_text(s, base));
    take_back(&out, base).unwrap_or_else(|| PyStr::new(out))
}

/// The code point `c` stands for in Rust text: the surrogate, for a stand-in of the
/// current scope's block.
pub fn code_point(c: char) -> u32 {
    let cp = c as u32;
    if cp < STAND_IN_BASE {
        return cp;
    }
    match BASE.get() {
        0 => cp,
        base if (base..base + BLOCK).contains(&cp) => cp - base + SURROGATE_FIRST,
        _ => cp,
    }
}

/// `message`, Rust text quoting the str `name` as `'...'` (U+FFFD for its surrogates),
/// as a str quoting the real name (CPython's `%U`, as in AttributeError's messages).
pub fn quoting_name(vm: &Vm, message: &str, name: &Value) -> Value {
    if let Some(crate::object::Payload::Str(s)) = name.payload() {
        let lossy = format!("'{}'", s.as_str());
        if let Some(at) = message.find(&lossy).filter(|_| s.has_surrogates()) {
            let (before, after) = message.split_at(at + 1);
            let mut out = PyStr::new(before);
            out.push_str(s);
            out.push_text(after.get(s.as_str().len()..).unwrap_or(""));
            return vm.new_str_obj(out);
        }
    }
    vm.new_str(message)
}

/// The TypeError `{function}() got an unexpected keyword argument '{key}'`, quoting
/// `key` with its lone surrogates (CPython's `%U`).
pub fn unexpected_keyword(vm: &Vm, function: &str, key: &Value) -> PyErr {
    let lossy = crate::protocol::attr::name_str(key);
    let message = format!("{function}() got an unexpected keyword argument '{lossy}'");
    let message = quoting_name(vm, &message, key);
    PyErr(vm.new_exception(&vm.types().exc.type_error, vec![message]))
}

/// `Err` for a str with lone surrogates where CPython reads it as UTF-8 text
/// (`PyUnicode_AsUTF8`: a class name, a missing name, compiled source): the strict
/// UTF-8 UnicodeEncodeError over the first run of surrogates.
pub fn require_utf8(vm: &Vm, value: &Value) -> PyResult<()> {
    let Some(crate::object::Payload::Str(s)) = value.payload() else {
        return Ok(());
    };
    if !s.has_surrogates() {
        return Ok(());
    }
    let is_surrogate = |cp: &u32| (0xD800..=0xDFFF).contains(cp);
    let start = s.code_points().take_while(|cp| !is_surrogate(cp)).count();
    let run = s.code_points().skip(start).take_while(is_surrogate).count();
    Err(crate::objects::codec_errors::unicode_error(
        vm,
        &vm.types().exc.unicode_encode_error,
        "utf-8",
        value.clone(),
        (start, start + run),
        "surrogates not allowed",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_block_avoids_the_text_and_comes_back() {
        let taken = char::from_u32(STAND_IN_BASE + 5)
            .unwrap_or_default()
            .to_string();
        assert_eq!(free_block(&taken), Some(STAND_IN_BASE + BLOCK));
        let s = PyStr::from_code_points([0x61, 0xdc80, 0x0a]);
        let doubled = map_text(&s, |t| t.replace('\n', "\r\n"));
        assert_eq!(
            doubled.code_points().collect::<Vec<_>>(),
            [0x61, 0xdc80, 0x0d, 0x0a]
        );
    }

    #[test]
    fn outside_a_scope_text_is_lossy() {
        let s = PyStr::from_code_points([0xd800]);
        assert_eq!(text(&s), "\u{fffd}");
        assert_eq!(char_of(0xd800), None);
        assert_eq!(code_point(char::REPLACEMENT_CHARACTER), 0xfffd);
    }
}
