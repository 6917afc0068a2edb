//! The SyntaxWarning for an invalid escape sequence in a str or bytes literal
//! (`"\d" is an invalid escape sequence. ...`), recorded for the caller to emit
//! (see `crate::warnings`). CPython reports only the first invalid escape of each
//! literal token, an unknown letter or an octal escape above `\377`.

use super::Parser;
use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::token::Token;
use crate::tokenizer::byte_to_char_offset;
use crate::warnings::{self, CompileWarning};

/// The first invalid escape of a literal body: where its backslash is and what
/// follows it (one character, or the three digits of an octal escape).
struct InvalidEscape<'s> {
    backslash: usize,
    escaped: &'s str,
    octal: bool,
}

/// Scan `body` (a non-raw literal's text) for its first invalid escape. `rest` is
/// the source from the body's start on: a backslash that ends an f-string middle
/// token escapes the brace after it, which CPython reads from there.
fn first_invalid_escape<'s>(body: &str, rest: &'s str, bytes: bool) -> Option<InvalidEscape<'s>> {
    let raw = rest.as_bytes();
    let mut i = 0;
    while i < body.len() {
        if raw[i] != b'\\' {
            i += 1;
            continue;
        }
        let backslash = i;
        let &c = raw.get(i + 1)?;
        i += 2;
        match c {
            b'\n' | b'\\' | b'\'' | b'"' | b'a' | b'b' | b'f' | b'n' | b'r' | b't' | b'v'
            | b'x' => {}
            b'u' | b'U' | b'N' if !bytes => {}
            // A str literal's non-ASCII characters reach CPython's decoder as
            // `\U` escapes, so a backslash before one escapes a backslash.
            0x80.. if !bytes => {}
            b'0'..=b'7' => {
                let digits = raw[i - 1..]
                    .iter()
                    .take(3)
                    .take_while(|d| (b'0'..=b'7').contains(d))
                    .count();
                if digits == 3 && c >= b'4' {
                    return Some(InvalidEscape {
                        backslash,
                        escaped: &rest[i - 1..i + 2],
                        octal: true,
                    });
                }
                i += digits - 1;
            }
            _ => {
                let len = rest[i - 1..].chars().next().map_or(1, char::len_utf8);
                return Some(InvalidEscape {
                    backslash,
                    escaped: &rest[i - 1..i - 1 + len],
                    octal: false,
                });
            }
        }
    }
    None
}

/// Bytes of `text` as CPython's string decoder counts them: each non-ASCII
/// character was expanded to a ten-byte `\UXXXXXXXX` escape before decoding.
fn expanded_len(text: &str) -> usize {
    text.chars()
        .map(|c| if c.is_ascii() { 1 } else { 10 })
        .sum()
}

impl Parser<'_> {
    /// Record the warning for the first invalid escape of a literal token whose
    /// non-raw body starts `body_offset` bytes into the token.
    pub(super) fn warn_invalid_escape(&self, tok: &Token, body: &str, body_offset: usize) {
        if !body.contains('\\') || !warnings::collecting() {
            return;
        }
        let token_text = &self.src[tok.start as usize..];
        let bytes = token_text[..body_offset]
            .bytes()
            .any(|b| b.eq_ignore_ascii_case(&b'b'));
        let rest = &token_text[body_offset..];
        let Some(escape) = first_invalid_escape(body, rest, bytes) else {
            return;
        };
        let what = escape.escaped;
        let kind = if escape.octal {
            "invalid octal escape sequence"
        } else {
            "invalid escape sequence"
        };
        let message = |future: &str| {
            format!("\"\\{what}\" is an {kind}. {future}Did you mean \"\\\\{what}\"? A raw string is also an option.")
        };
        let before = &body[..escape.backslash];
        let lineno = tok.lineno + before.matches('\n').count() as u32;
        // CPython's column: on the token's first line, the token's column plus its
        // leading quotes (not its prefix letters); further down, from the line start.
        let col = match before.rfind('\n') {
            Some(newline) => expanded_len(&before[newline + 1..]),
            None => {
                let quote = token_text.as_bytes().first().copied();
                let quotes = token_text
                    .bytes()
                    .take_while(|&b| matches!(b, b'\'' | b'"') && Some(b) == quote)
                    .count();
                tok.col as usize + quotes + expanded_len(before)
            }
        };
        // Columns past the line's end (CPython's widened non-ASCII) clamp to it.
        let text = self.line_text(lineno);
        warnings::record(CompileWarning {
            message: message("Such sequences will not work in the future. "),
            lineno,
            error: SyntaxError {
                kind: SyntaxErrorKind::SyntaxError,
                msg: message(""),
                lineno,
                offset: byte_to_char_offset(&text, col + 1),
                end_lineno: lineno,
                end_offset: byte_to_char_offset(&text, col + 3),
                text: Some(text),
            },
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(body: &str, bytes: bool) -> Option<(usize, String, bool)> {
        first_invalid_escape(body, body, bytes)
            .map(|e| (e.backslash, e.escaped.to_string(), e.octal))
    }

    #[test]
    fn finds_the_first_invalid_escape() {
        assert_eq!(scan(r"a\n\\d\d", false), Some((6, "d".into(), false)));
        assert_eq!(scan(r"\377\400", false), Some((4, "400".into(), true)));
        assert_eq!(scan(r"\47\8", false), Some((3, "8".into(), false)));
        assert_eq!(scan(r"\u00e9\N{BULLET}\é", false), None);
        assert_eq!(scan(r"\u00e9", true), Some((0, "u".into(), false)));
        assert_eq!(scan("\\\n", false), None);
    }

    #[test]
    fn a_trailing_backslash_escapes_what_follows_the_body() {
        let rest = r"a\{x}";
        let e = first_invalid_escape(&rest[..2], rest, false);
        assert_eq!(e.map(|e| e.escaped), Some("{"));
    }
}
