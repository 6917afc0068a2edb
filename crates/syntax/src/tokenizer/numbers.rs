//! Number literals (CPython's `tok_get` number branches): decimal, radix,
//! float, exponent and imaginary forms with `_` separators, and the checks on
//! what may follow a number.

use super::{is_identifier_char, LexError, Tokenizer, EOF};
use crate::token::{Token, TokenKind};

impl Tokenizer<'_> {
    fn decimal_tail(&mut self) -> Result<i32, LexError> {
        loop {
            self.skip_while(|b| b.is_ascii_digit());
            let mut c = self.nextc();
            if c != b'_' as i32 {
                return Ok(c);
            }
            c = self.nextc();
            if !is_digit(c) {
                self.backup(c);
                return Err(self.error_here("invalid decimal literal"));
            }
        }
    }

    /// CPython's `verify_end_of_number`: a letter right after a number is an error,
    /// except the keywords that may follow one in valid code.
    fn verify_end_of_number(&mut self, c: i32, kind: &str) -> Result<(), LexError> {
        if self.extra_tokens {
            return Ok(());
        }
        let rest = &self.src[self.pos.min(self.src.len())..];
        let followed_by = |word: &[u8]| {
            rest.starts_with(word)
                && !is_identifier_char(rest.get(word.len()).map_or(EOF, |&b| b as i32))
        };
        let keyword_follows = match c as u8 {
            b'a' => followed_by(b"nd"),
            b'e' => followed_by(b"lse"),
            b'f' => followed_by(b"or"),
            b'i' => matches!(rest.first(), Some(b'f' | b'n' | b's')),
            b'o' => followed_by(b"r"),
            b'n' => followed_by(b"ot"),
            _ => false,
        };
        if keyword_follows {
            // A SyntaxWarning (see `crate::warnings`), located before the keyword.
            let offset = self.chars_between(self.line_start, self.pos - 1);
            let error = self.error_range(format!("invalid {kind} literal"), offset, offset);
            crate::warnings::record(crate::warnings::CompileWarning::from_error(error.error));
        }
        if c >= 0 && !keyword_follows && c < 128 && is_identifier_char(c) {
            self.backup(c);
            return Err(self.error_here(format!("invalid {kind} literal")));
        }
        Ok(())
    }

    #[inline(never)]
    pub(super) fn number(&mut self, first: i32) -> Result<Token, LexError> {
        let mut c = first;
        if c == b'0' as i32 {
            c = self.nextc();
            match c as u8 {
                b'x' | b'X' => return self.radix_number(16, "hexadecimal"),
                b'o' | b'O' => return self.radix_number(8, "octal"),
                b'b' | b'B' => return self.radix_number(2, "binary"),
                _ => {}
            }
            let mut nonzero = false;
            loop {
                if c == b'_' as i32 {
                    c = self.nextc();
                    if !is_digit(c) {
                        self.backup(c);
                        return Err(self.error_here("invalid decimal literal"));
                    }
                }
                if c != b'0' as i32 {
                    break;
                }
                c = self.nextc();
            }
            let zeros_end = self.pos;
            if is_digit(c) {
                nonzero = true;
                c = self.decimal_tail()?;
            }
            if c == b'.' as i32 {
                let c2 = self.nextc();
                return self.number_fraction(c2);
            } else if c == b'e' as i32 || c == b'E' as i32 {
                return self.number_exponent(c);
            } else if c == b'j' as i32 || c == b'J' as i32 {
                return self.number_imaginary();
            } else if nonzero && !self.extra_tokens {
                self.backup(c);
                let start = self.chars_between(self.line_start, self.tok_start) + 1;
                let end = self.chars_between(self.line_start, zeros_end - 1) + 1;
                return Err(self.error_range(
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                    start,
                    end,
                ));
            }
            self.verify_end_of_number(c, "decimal")?;
            self.backup(c);
            return Ok(self.make(TokenKind::Number, self.pos));
        }
        c = self.decimal_tail()?;
        if c == b'.' as i32 {
            let c2 = self.nextc();
            return self.number_fraction(c2);
        }
        self.number_after_fraction(c)
    }

    fn radix_number(&mut self, radix: u32, kind: &str) -> Result<Token, LexError> {
        let in_radix = |c: i32| match radix {
            16 => is_hex_digit(c),
            8 => (b'0' as i32..b'8' as i32).contains(&c),
            _ => c == b'0' as i32 || c == b'1' as i32,
        };
        let mut c = self.nextc();
        loop {
            if c == b'_' as i32 {
                c = self.nextc();
            }
            if !in_radix(c) {
                if radix != 16 && is_digit(c) {
                    return Err(self.error_here(format!(
                        "invalid digit '{}' in {kind} literal",
                        c as u8 as char
                    )));
                }
                self.backup(c);
                return Err(self.error_here(format!("invalid {kind} literal")));
            }
            self.skip_while(|b| in_radix(i32::from(b)));
            c = self.nextc();
            if c != b'_' as i32 {
                break;
            }
        }
        if radix != 16 && is_digit(c) {
            return Err(self.error_here(format!(
                "invalid digit '{}' in {kind} literal",
                c as u8 as char
            )));
        }
        self.verify_end_of_number(c, kind)?;
        self.backup(c);
        Ok(self.make(TokenKind::Number, self.pos))
    }

    /// After the `.` of a float; `c` is the character following it.
    #[inline(never)]
    pub(super) fn number_fraction(&mut self, mut c: i32) -> Result<Token, LexError> {
        if is_digit(c) {
            c = self.decimal_tail()?;
        }
        self.number_after_fraction(c)
    }

    fn number_after_fraction(&mut self, c: i32) -> Result<Token, LexError> {
        if c == b'e' as i32 || c == b'E' as i32 {
            return self.number_exponent(c);
        }
        if c == b'j' as i32 || c == b'J' as i32 {
            return self.number_imaginary();
        }
        self.verify_end_of_number(c, "decimal")?;
        self.backup(c);
        Ok(self.make(TokenKind::Number, self.pos))
    }

    fn number_exponent(&mut self, e: i32) -> Result<Token, LexError> {
        let mut c = self.nextc();
        if c == b'+' as i32 || c == b'-' as i32 {
            c = self.nextc();
            if !is_digit(c) {
                self.backup(c);
                return Err(self.error_here("invalid decimal literal"));
            }
        } else if !is_digit(c) {
            self.backup(c);
            self.verify_end_of_number(e, "decimal")?;
            self.backup(e);
            return Ok(self.make(TokenKind::Number, self.pos));
        }
        c = self.decimal_tail()?;
        if c == b'j' as i32 || c == b'J' as i32 {
            return self.number_imaginary();
        }
        self.verify_end_of_number(c, "decimal")?;
        self.backup(c);
        Ok(self.make(TokenKind::Number, self.pos))
    }

    fn number_imaginary(&mut self) -> Result<Token, LexError> {
        let c = self.nextc();
        self.verify_end_of_number(c, "imaginary")?;
        self.backup(c);
        Ok(self.make(TokenKind::Number, self.pos))
    }
}

fn is_digit(c: i32) -> bool {
    (b'0' as i32..=b'9' as i32).contains(&c)
}

fn is_hex_digit(c: i32) -> bool {
    is_digit(c)
        || (b'a' as i32..=b'f' as i32).contains(&c)
        || (b'A' as i32..=b'F' as i32).contains(&c)
}
