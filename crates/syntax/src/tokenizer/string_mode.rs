//! The literal parts of f-strings and t-strings (PEP 701 / PEP 750): their text,
//! their end, and the switch into a replacement field (CPython's
//! `tok_get_fstring_mode`).

use super::{LexError, Tokenizer, EOF, MAX_EXPR_NESTING};
use crate::token::{Token, TokenKind};

impl Tokenizer<'_> {
    /// Literal text of an f-string/t-string, its end, or the switch into a
    /// replacement field (CPython's `tok_get_fstring_mode`).
    #[inline(never)]
    pub(super) fn next_in_string_mode(&mut self) -> Result<Token, LexError> {
        let Some(mode) = self.modes.last().cloned() else {
            return self.next_in_regular_mode();
        };
        let (middle, end_kind) = if mode.template {
            (TokenKind::TStringMiddle, TokenKind::TStringEnd)
        } else {
            (TokenKind::FStringMiddle, TokenKind::FStringEnd)
        };
        let label = if mode.template {
            "t-string"
        } else {
            "f-string"
        };
        self.begin_token();
        let start_char = self.nextc();
        if start_char == b'{' as i32 {
            let peek1 = self.nextc();
            self.backup(peek1);
            self.backup(start_char);
            if peek1 != b'{' as i32 {
                self.enter_replacement_field(label)?;
                return self.next_in_regular_mode();
            }
        } else {
            self.backup(start_char);
        }
        // End of the string?
        let save = self.pos;
        let mut at_end = true;
        for _ in 0..mode.quote_size {
            let q = self.nextc();
            if q != mode.quote as i32 {
                self.backup(q);
                at_end = false;
                break;
            }
        }
        if at_end {
            self.modes.pop();
            return Ok(self.make(end_kind, self.pos));
        }
        self.pos = save;
        self.begin_token();

        let mut end_quote_size = 0;
        let mut unicode_escape = false;
        while end_quote_size != mode.quote_size {
            let c = self.nextc();
            let in_format_spec = mode.in_format_spec && mode.curly_bracket_expr_start_depth >= 0;
            if c == EOF || (mode.quote_size == 1 && c == b'\n' as i32) {
                if in_format_spec && c == b'\n' as i32 {
                    self.backup(c);
                    if let Some(m) = self.modes.last_mut() {
                        m.regular = true;
                        m.in_format_spec = false;
                    }
                    return Ok(self.make_middle(middle, self.pos));
                }
                let detected = self.lineno;
                self.pos = mode.start + 1;
                self.line_start = mode.start_line_start;
                self.lineno = mode.start_lineno;
                self.at_line_end = false;
                self.finished = true;
                let msg = if mode.quote_size == 3 {
                    format!(
                        "unterminated triple-quoted {label} literal (detected at line {detected})"
                    )
                } else {
                    format!("unterminated {label} literal (detected at line {detected})")
                };
                return Err(self.error_here(msg));
            }
            if c == mode.quote as i32 {
                end_quote_size += 1;
                continue;
            }
            end_quote_size = 0;
            if c == b'{' as i32 {
                let peek = self.nextc();
                if peek != b'{' as i32 || in_format_spec {
                    self.backup(peek);
                    self.backup(c);
                    self.enter_replacement_field(label)?;
                    if let Some(m) = self.modes.last_mut() {
                        m.in_format_spec = false;
                    }
                    return Ok(self.make_middle(middle, self.pos));
                }
                return Ok(self.make_middle(middle, self.pos - 1));
            } else if c == b'}' as i32 {
                if unicode_escape {
                    return Ok(self.make_middle(middle, self.pos));
                }
                let peek = self.nextc();
                if peek == b'}' as i32 && !in_format_spec && mode.curly_bracket_depth == 0 {
                    return Ok(self.make_middle(middle, self.pos - 1));
                }
                self.backup(peek);
                self.backup(c);
                if let Some(m) = self.modes.last_mut() {
                    m.regular = true;
                    m.in_format_spec = false;
                }
                return Ok(self.make_middle(middle, self.pos));
            } else if c == b'\\' as i32 {
                let peek = self.nextc();
                if peek == b'{' as i32 || peek == b'}' as i32 {
                    self.backup(peek);
                    continue;
                }
                if !mode.raw && peek == b'N' as i32 {
                    let p2 = self.nextc();
                    if p2 == b'{' as i32 {
                        unicode_escape = true;
                    } else {
                        self.backup(p2);
                    }
                }
            }
        }
        for _ in 0..mode.quote_size {
            self.backup(mode.quote as i32);
        }
        Ok(self.make_middle(middle, self.pos))
    }

    /// A string-middle token whose text ends at `end`; for a doubled brace that
    /// excludes the second brace, while the end column (as CPython's parser sees it)
    /// still counts up to the current position.
    fn make_middle(&self, kind: TokenKind, end: usize) -> Token {
        let end_at = self.end_position(self.pos);
        self.token(kind, self.tok_start, self.tok_col, end, end_at)
    }

    fn enter_replacement_field(&mut self, label: &str) -> Result<(), LexError> {
        let mut too_deep = false;
        if let Some(m) = self.modes.last_mut() {
            m.curly_bracket_expr_start_depth += 1;
            too_deep = m.curly_bracket_expr_start_depth >= MAX_EXPR_NESTING;
            m.regular = true;
        }
        if too_deep {
            return Err(self.error_here(format!("{label}: expressions nested too deeply")));
        }
        Ok(())
    }
}
