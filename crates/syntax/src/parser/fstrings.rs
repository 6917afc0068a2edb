//! String literals: plain strings and bytes, f-strings (PEP 701) and t-strings
//! (PEP 750), and implicit concatenation of adjacent literals.

use super::expressions::boxed;
use super::{span, token_range, PResult, ParseError, Parser};
use crate::ast::{Constant, Expr, Range};
use crate::error::SyntaxErrorKind;
use crate::literals::{decode_bytes, decode_str, DecodedStr};
use crate::token::{Token, TokenKind};

/// One literal of a concatenation.
enum Piece {
    Str {
        value: DecodedStr,
        u_prefix: bool,
        range: Range,
    },
    Bytes {
        value: Vec<u8>,
        range: Range,
    },
    /// The parts of an f-string (constants and formatted values).
    FString {
        parts: Vec<Expr>,
        range: Range,
    },
    TString {
        parts: Vec<Expr>,
        range: Range,
    },
}

/// A string token's prefix letters, quote length and body.
struct StringParts<'s> {
    prefix: &'s str,
    body: &'s str,
    body_offset: usize,
}

fn split_string_token(text: &str) -> StringParts<'_> {
    let prefix_len = text.find(['\'', '"']).unwrap_or(0);
    let quote = &text[prefix_len..];
    let q = quote.as_bytes().first().copied().unwrap_or(b'"');
    let triple = quote.len() >= 6 && quote.as_bytes()[1] == q && quote.as_bytes()[2] == q;
    let qlen = if triple { 3 } else { 1 };
    let end = text.len().saturating_sub(qlen).max(prefix_len + qlen);
    StringParts {
        prefix: &text[..prefix_len],
        body: &text[prefix_len + qlen..end],
        body_offset: prefix_len + qlen,
    }
}

/// Whether a string prefix has `letter` (lowercase ASCII), in either case.
fn has_letter(prefix: &str, letter: u8) -> bool {
    prefix.bytes().any(|b| b.to_ascii_lowercase() == letter)
}

impl Parser<'_> {
    /// `strings`: one or more adjacent string literals.
    pub(crate) fn strings(&mut self) -> PResult<Expr> {
        let first = self.peek()?;
        let mut pieces = Vec::new();
        if let Some(piece) = self.string_piece()? {
            // A literal standing alone (the usual case) needs no list of pieces.
            let Some(second) = self.string_piece()? else {
                return Ok(single_literal(piece, self.range_from(&first)));
            };
            pieces.extend([piece, second]);
            while let Some(piece) = self.string_piece()? {
                pieces.push(piece);
            }
        }
        let range = self.range_from(&first);
        self.concatenate(pieces, range)
    }

    /// The literal at the current token, if one starts there.
    fn string_piece(&mut self) -> PResult<Option<Piece>> {
        let tok = self.peek()?;
        match tok.kind {
            TokenKind::String => {
                self.bump()?;
                Ok(Some(self.plain_string(&tok)?))
            }
            TokenKind::FStringStart | TokenKind::TStringStart => Ok(Some(self.fstring(tok)?)),
            _ => Ok(None),
        }
    }

    fn plain_string(&self, tok: &Token) -> PResult<Piece> {
        let text = self.text(tok);
        let parts = split_string_token(text);
        let raw = has_letter(parts.prefix, b'r');
        let range = token_range(tok);
        if has_letter(parts.prefix, b'b') {
            if let Some(pos) = parts.body.bytes().position(|b| b >= 0x80) {
                let _ = pos;
                return Err(self.error_at("bytes can only contain ASCII literal characters", range));
            }
            let value = if raw {
                parts.body.as_bytes().to_vec()
            } else {
                let value = decode_bytes(parts.body).map_err(|e| self.error_at(e.msg, range))?;
                self.warn_invalid_escape(tok, parts.body, parts.body_offset);
                value
            };
            return Ok(Piece::Bytes { value, range });
        }
        // A body without a backslash (most of them) has no escapes to decode or
        // warn about.
        let value = if raw || !parts.body.contains('\\') {
            DecodedStr::Text(parts.body.to_string())
        } else {
            let value = decode_str(parts.body).map_err(|e| self.error_at(e.msg, range))?;
            self.warn_invalid_escape(tok, parts.body, parts.body_offset);
            value
        };
        Ok(Piece::Str {
            value,
            u_prefix: has_letter(parts.prefix, b'u'),
            range,
        })
    }

    /// An f-string or t-string from its START token to its END token.
    fn fstring(&mut self, start: Token) -> PResult<Piece> {
        self.bump()?;
        let template = start.kind == TokenKind::TStringStart;
        let raw = has_letter(self.text(&start), b'r');
        let (middle, end) = if template {
            (TokenKind::TStringMiddle, TokenKind::TStringEnd)
        } else {
            (TokenKind::FStringMiddle, TokenKind::FStringEnd)
        };
        let mut parts = Vec::new();
        loop {
            let tok = self.peek()?;
            if tok.kind == end {
                self.bump()?;
                break;
            } else if tok.kind == middle {
                self.bump()?;
                self.push_literal(&mut parts, &tok, raw)?;
            } else if tok.kind == TokenKind::Lbrace {
                self.replacement_field(&mut parts, template, raw, template)?;
            } else {
                return Err(ParseError::Fail);
            }
        }
        let range = self.range_from(&start);
        Ok(if template {
            Piece::TString { parts, range }
        } else {
            Piece::FString { parts, range }
        })
    }

    /// Decode one literal middle token into a constant part (empty text is dropped).
    fn push_literal(&self, parts: &mut Vec<Expr>, tok: &Token, raw: bool) -> PResult<()> {
        let text = self.text(tok);
        if text.is_empty() {
            return Ok(());
        }
        let range = token_range(tok);
        let value = if raw {
            DecodedStr::Text(text.to_string())
        } else {
            let value = decode_str(text).map_err(|e| self.error_at(e.msg, range))?;
            self.warn_invalid_escape(tok, text, 0);
            value
        };
        parts.push(Expr::Constant {
            value: value.into_constant(),
            kind: None,
            range,
        });
        Ok(())
    }

    /// `'{' annotated_rhs ['='] ['!' NAME] [':' format_spec*] '}'`. In a t-string
    /// (`interpolation`) it becomes an Interpolation; inside any format spec it is
    /// a FormattedValue.
    fn replacement_field(
        &mut self,
        parts: &mut Vec<Expr>,
        template: bool,
        raw: bool,
        interpolation: bool,
    ) -> PResult<()> {
        let label = if template { "t-string" } else { "f-string" };
        let open = self.expect(TokenKind::Lbrace)?;
        let next = self.peek()?;
        match next.kind {
            TokenKind::Equal | TokenKind::Exclamation | TokenKind::Colon | TokenKind::Rbrace => {
                let c = self.text(&next);
                return Err(self.error_at_token(
                    &next,
                    format!("{label}: valid expression required before '{c}'"),
                ));
            }
            _ => {}
        }
        let value = if next.kind == TokenKind::Yield {
            self.yield_expr()?
        } else {
            match self.star_expressions() {
                Ok(v) => v,
                Err(ParseError::Fail) => {
                    let tok = self.peek()?;
                    if tok.kind == TokenKind::Lambda
                        || matches!(self.last_token().kind, TokenKind::Lambda)
                    {
                        return Err(ParseError::Fail);
                    }
                    return Err(self.error_at_token(
                        &tok,
                        format!("{label}: expecting a valid expression after '{{'"),
                    ));
                }
                Err(e) => return Err(e),
            }
        };
        let expr_end = self.peek()?;
        let debug = self.eat(TokenKind::Equal)?.is_some();
        let after_debug = self.peek()?;
        let mut conversion = -1;
        if self.eat(TokenKind::Exclamation)?.is_some() {
            let name = self.peek()?;
            if matches!(name.kind, TokenKind::Colon | TokenKind::Rbrace) {
                return Err(
                    self.error_at_token(&name, format!("{label}: missing conversion character"))
                );
            }
            if name.kind != TokenKind::Name {
                return Err(
                    self.error_at_token(&name, format!("{label}: invalid conversion character"))
                );
            }
            self.bump()?;
            let text = self.text(&name);
            conversion = match text {
                "s" | "r" | "a" => text.as_bytes()[0] as i32,
                _ => {
                    return Err(self.error_at_token(
                        &name,
                        format!(
                        "{label}: invalid conversion character '{text}': expected 's', 'r', or 'a'"
                    ),
                    ))
                }
            };
        }
        let format_spec = if let Some(colon) = self.eat(TokenKind::Colon)? {
            Some(boxed(self.format_spec(colon, template, raw)?))
        } else {
            None
        };
        let close = self.peek()?;
        if close.kind != TokenKind::Rbrace {
            let msg = if format_spec.is_some() {
                format!("{label}: expecting '}}', or format specs")
            } else if conversion != -1 {
                format!("{label}: expecting ':' or '}}'")
            } else if debug {
                format!("{label}: expecting '!', or ':', or '}}'")
            } else {
                format!("{label}: expecting '=', or '!', or ':', or '}}'")
            };
            return Err(self.error_at_token(&close, msg));
        }
        self.bump()?;
        let range = span(token_range(&open), token_range(&close));
        if debug {
            let text = self.field_text(&open, &after_debug);
            parts.push(Expr::Constant {
                value: Constant::Str(text),
                kind: None,
                range: Range {
                    lineno: open.end_lineno,
                    col_offset: open.end_col,
                    end_lineno: after_debug.lineno,
                    end_col_offset: after_debug.col,
                },
            });
            if conversion == -1 && format_spec.is_none() {
                conversion = 'r' as i32;
            }
        }
        if interpolation {
            parts.push(Expr::Interpolation {
                value: boxed(value),
                str: self.field_text(&open, &expr_end),
                conversion,
                format_spec,
                range,
            });
        } else {
            parts.push(Expr::FormattedValue {
                value: boxed(value),
                conversion,
                format_spec,
                range,
            });
        }
        Ok(())
    }

    /// The source text between two tokens of a replacement field (after `{` up
    /// to `to`), with comments removed (their newlines stay), as CPython records
    /// it for `{expr=}` and for an Interpolation's `str`.
    fn field_text(&self, open: &Token, to: &Token) -> String {
        let (from, end) = (open.end as usize, to.start as usize);
        let raw = &self.src[from..end];
        if !raw.contains('#') {
            return raw.to_string();
        }
        let mut out = String::with_capacity(raw.len());
        let mut cursor = from;
        let inner = self
            .tokens
            .iter()
            .filter(|t| t.start as usize >= from && (t.end as usize) <= end);
        for tok in inner.chain(std::iter::once(to)) {
            let gap_end = (tok.start as usize).max(cursor).min(end);
            push_without_comment(&mut out, &self.src[cursor..gap_end]);
            let tok_end = (tok.end as usize).min(end).max(gap_end);
            out.push_str(&self.src[gap_end..tok_end]);
            cursor = tok_end;
        }
        out
    }

    /// The format spec after `:` up to (not including) the closing `}`.
    fn format_spec(&mut self, colon: Token, template: bool, raw: bool) -> PResult<Expr> {
        let middle = if template {
            TokenKind::TStringMiddle
        } else {
            TokenKind::FStringMiddle
        };
        let mut parts = Vec::new();
        loop {
            let tok = self.peek()?;
            if tok.kind == middle {
                self.bump()?;
                self.push_literal(&mut parts, &tok, raw)?;
            } else if tok.kind == TokenKind::Lbrace {
                self.replacement_field(&mut parts, template, raw, false)?;
            } else {
                break;
            }
        }
        let end = self.peek()?;
        let range = Range {
            lineno: colon.lineno,
            col_offset: colon.col,
            end_lineno: end.lineno,
            end_col_offset: end.col,
        };
        let values = merge_constants(parts);
        Ok(Expr::JoinedStr { values, range })
    }

    /// Join the pieces of an implicit concatenation into one node (a literal
    /// standing alone takes [`single_literal`] instead).
    fn concatenate(&self, pieces: Vec<Piece>, range: Range) -> PResult<Expr> {
        let has_bytes = pieces.iter().any(|p| matches!(p, Piece::Bytes { .. }));
        let has_template = pieces.iter().any(|p| matches!(p, Piece::TString { .. }));
        let has_fstring = pieces.iter().any(|p| matches!(p, Piece::FString { .. }));
        let all_bytes = pieces.iter().all(|p| matches!(p, Piece::Bytes { .. }));
        if has_template && !pieces.iter().all(|p| matches!(p, Piece::TString { .. })) {
            return Err(self.template_mix_error(&pieces));
        }
        if has_bytes && !all_bytes {
            return Err(self.error_at_last_read(
                SyntaxErrorKind::SyntaxError,
                "cannot mix bytes and nonbytes literals",
            ));
        }
        let kind = match pieces.first() {
            Some(Piece::Str { u_prefix: true, .. }) => Some("u".to_string()),
            _ => None,
        };
        if all_bytes {
            let mut value = Vec::new();
            for p in pieces {
                if let Piece::Bytes { value: v, .. } = p {
                    value.extend(v);
                }
            }
            return Ok(Expr::Constant {
                value: Constant::Bytes(value),
                kind: None,
                range,
            });
        }
        if !has_fstring && !has_template {
            let mut iter = pieces.into_iter();
            let first = match iter.next() {
                Some(Piece::Str { value, .. }) => value,
                _ => DecodedStr::Text(String::new()),
            };
            let mut value = first;
            for p in iter {
                if let Piece::Str { value: v, .. } = p {
                    value = join_decoded(value, v);
                }
            }
            return Ok(Expr::Constant {
                value: value.into_constant(),
                kind,
                range,
            });
        }
        let mut parts = Vec::new();
        for p in pieces {
            match p {
                Piece::Str { value, range, .. } => parts.push(Expr::Constant {
                    value: value.into_constant(),
                    kind: None,
                    range,
                }),
                Piece::FString { parts: ps, .. } | Piece::TString { parts: ps, .. } => {
                    parts.extend(ps)
                }
                Piece::Bytes { .. } => {}
            }
        }
        let values = merge_constants(parts);
        Ok(if has_template {
            Expr::TemplateStr { values, range }
        } else {
            Expr::JoinedStr { values, range }
        })
    }

    fn template_mix_error(&self, pieces: &[Piece]) -> ParseError {
        let range_of = |p: &Piece| match p {
            Piece::Str { range, .. }
            | Piece::Bytes { range, .. }
            | Piece::FString { range, .. }
            | Piece::TString { range, .. } => *range,
        };
        let first_is_template = matches!(pieces.first(), Some(Piece::TString { .. }));
        let split = pieces
            .iter()
            .position(|p| matches!(p, Piece::TString { .. }) != first_is_template)
            .unwrap_or(0);
        let a = pieces
            .get(split.saturating_sub(1))
            .map(range_of)
            .unwrap_or_default();
        let b = pieces.get(split).map(range_of).unwrap_or_default();
        self.error_range(
            "cannot mix t-string literals with string or bytes literals",
            a,
            b,
        )
    }
}

fn join_decoded(a: DecodedStr, b: DecodedStr) -> DecodedStr {
    match (a, b) {
        (DecodedStr::Text(mut x), DecodedStr::Text(y)) => {
            x.push_str(&y);
            DecodedStr::Text(x)
        }
        (a, b) => {
            let mut cps = code_points(a);
            cps.extend(code_points(b));
            DecodedStr::Surrogates(cps)
        }
    }
}

fn code_points(d: DecodedStr) -> Vec<u32> {
    match d {
        DecodedStr::Text(s) => s.chars().map(|c| c as u32).collect(),
        DecodedStr::Surrogates(c) => c,
    }
}

/// The node for a literal standing alone: what `concatenate` makes of one piece.
fn single_literal(piece: Piece, range: Range) -> Expr {
    match piece {
        Piece::Str {
            value, u_prefix, ..
        } => Expr::Constant {
            value: value.into_constant(),
            kind: u_prefix.then(|| "u".to_string()),
            range,
        },
        Piece::Bytes { value, .. } => Expr::Constant {
            value: Constant::Bytes(value),
            kind: None,
            range,
        },
        Piece::FString { parts, .. } => Expr::JoinedStr {
            values: merge_constants(parts),
            range,
        },
        Piece::TString { parts, .. } => Expr::TemplateStr {
            values: merge_constants(parts),
            range,
        },
    }
}

/// Merge adjacent string constants (ranges joined) and drop empty ones, as
/// CPython does when building a JoinedStr.
fn merge_constants(parts: Vec<Expr>) -> Vec<Expr> {
    let mut out: Vec<Expr> = Vec::with_capacity(parts.len());
    for part in parts {
        if let Expr::Constant {
            value: Constant::Str(s),
            range,
            ..
        } = &part
        {
            if let Some(Expr::Constant {
                value: Constant::Str(prev),
                range: prev_range,
                ..
            }) = out.last_mut()
            {
                prev.push_str(s);
                *prev_range = span(*prev_range, *range);
                continue;
            }
            if s.is_empty() {
                continue;
            }
        }
        out.push(part);
    }
    out.retain(|e| !matches!(e, Expr::Constant { value: Constant::Str(s), .. } if s.is_empty()));
    out
}

/// Append whitespace `gap` minus any `#` comment (up to, not including, a newline).
fn push_without_comment(out: &mut String, gap: &str) {
    let mut in_comment = false;
    for c in gap.chars() {
        if c == '\n' {
            in_comment = false;
        } else if c == '#' {
            in_comment = true;
        }
        if !in_comment {
            out.push(c);
        }
    }
}
