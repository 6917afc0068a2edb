//! The `match` statement and its patterns (PEP 634).

use super::expressions::boxed;
use super::{token_range, PResult, ParseError, Parser};
use crate::ast::{Constant, Expr, ExprContext, MatchCase, Operator, Pattern, Stmt, UnaryOp};
use crate::error::SyntaxErrorKind;
use crate::token::{Token, TokenKind};

impl Parser<'_> {
    /// `match_stmt`; fails (for backtracking) when this is not a match statement.
    pub(crate) fn match_stmt(&mut self) -> PResult<Stmt> {
        let tok = self.bump()?;
        let subject = self.subject_expr()?;
        if self.at(TokenKind::Newline)? {
            self.match_without_colon = true;
        }
        self.expect(TokenKind::Colon)?;
        self.expect(TokenKind::Newline)?;
        if self.eat(TokenKind::Indent)?.is_none() {
            let msg = format!(
                "expected an indented block after 'match' statement on line {}",
                tok.lineno
            );
            return Err(self.error_at_last_read(SyntaxErrorKind::IndentationError, msg));
        }
        let mut cases = Vec::new();
        loop {
            cases.push(self.case_block()?);
            if self.eat(TokenKind::Dedent)?.is_some() {
                break;
            }
        }
        Ok(Stmt::Match {
            subject: boxed(subject),
            cases,
            range: self.range_from(&tok),
        })
    }

    fn subject_expr(&mut self) -> PResult<Expr> {
        let start = self.peek()?;
        let first = self.star_named_expression()?;
        if !self.at(TokenKind::Comma)? {
            if matches!(first, Expr::Starred { .. }) {
                return Err(ParseError::Fail);
            }
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(TokenKind::Comma)?.is_some() {
            if self.at(TokenKind::Colon)? {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        Ok(Expr::Tuple {
            elts,
            ctx: ExprContext::Load,
            range: self.range_from(&start),
        })
    }

    fn case_block(&mut self) -> PResult<MatchCase> {
        let tok = self.peek()?;
        if !(tok.kind == TokenKind::Name && self.text(&tok) == "case") {
            return Err(ParseError::Fail);
        }
        self.bump()?;
        let pattern = self.patterns()?;
        let guard = if self.eat(TokenKind::If)?.is_some() {
            Some(boxed(self.named_expression()?))
        } else {
            None
        };
        if self.at(TokenKind::Newline)? {
            return Err(self.error_at_last_read(SyntaxErrorKind::SyntaxError, "expected ':'"));
        }
        self.expect(TokenKind::Colon)?;
        let body = self.block("'case' statement", &tok)?;
        Ok(MatchCase {
            pattern,
            guard,
            body,
        })
    }

    /// `patterns`: an open sequence (`case a, b:`) or one pattern.
    fn patterns(&mut self) -> PResult<Pattern> {
        let start = self.peek()?;
        let first = self.maybe_star_pattern()?;
        if !self.at(TokenKind::Comma)? {
            if matches!(first, Pattern::MatchStar { .. }) {
                return Err(ParseError::Fail);
            }
            return Ok(first);
        }
        let mut patterns = vec![first];
        while self.eat(TokenKind::Comma)?.is_some() {
            if matches!(self.peek_kind()?, TokenKind::Colon | TokenKind::If) {
                break;
            }
            patterns.push(self.maybe_star_pattern()?);
        }
        Ok(Pattern::MatchSequence {
            patterns,
            range: self.range_from(&start),
        })
    }

    fn maybe_star_pattern(&mut self) -> PResult<Pattern> {
        if let Some(star) = self.eat(TokenKind::Star)? {
            let name_tok = self.expect(TokenKind::Name)?;
            let name = self.identifier(&name_tok);
            return Ok(Pattern::MatchStar {
                name: if name == "_" { None } else { Some(name) },
                range: self.range_from(&star),
            });
        }
        self.pattern()
    }

    /// `pattern`: `or_pattern ['as' NAME]`.
    fn pattern(&mut self) -> PResult<Pattern> {
        let start = self.peek()?;
        let or = self.or_pattern()?;
        if self.eat(TokenKind::As)?.is_none() {
            return Ok(or);
        }
        let tok = self.peek()?;
        if tok.kind == TokenKind::Name {
            let text = self.text(&tok);
            if text == "_" {
                return Err(self.error_at_token(&tok, "cannot use '_' as a target"));
            }
            let next = self.peek_nth(1)?.kind;
            if !matches!(next, TokenKind::Dot | TokenKind::Lpar | TokenKind::Equal) {
                self.bump()?;
                return Ok(Pattern::MatchAs {
                    pattern: Some(Box::new(or)),
                    name: Some(self.identifier(&tok)),
                    range: self.range_from(&start),
                });
            }
        }
        if super::expressions::starts_expression(tok.kind) {
            let e = self.expression()?;
            return Err(self.error_at(
                format!(
                    "cannot use {} as pattern target",
                    super::targets::expr_name(&e)
                ),
                e.range(),
            ));
        }
        Err(ParseError::Fail)
    }

    fn or_pattern(&mut self) -> PResult<Pattern> {
        let start = self.peek()?;
        let first = self.closed_pattern()?;
        if !self.at(TokenKind::Vbar)? {
            return Ok(first);
        }
        let mut patterns = vec![first];
        while self.eat(TokenKind::Vbar)?.is_some() {
            patterns.push(self.closed_pattern()?);
        }
        Ok(Pattern::MatchOr {
            patterns,
            range: self.range_from(&start),
        })
    }

    fn closed_pattern(&mut self) -> PResult<Pattern> {
        let tok = self.peek()?;
        self.enter(4)?;
        let result = self.closed_pattern_inner(tok);
        self.leave(4);
        result
    }

    fn closed_pattern_inner(&mut self, tok: Token) -> PResult<Pattern> {
        match tok.kind {
            TokenKind::Number | TokenKind::Minus => {
                let value = self.number_literal()?;
                Ok(Pattern::MatchValue {
                    range: value.range(),
                    value: boxed(value),
                })
            }
            TokenKind::String | TokenKind::FStringStart | TokenKind::TStringStart => {
                let value = self.strings()?;
                Ok(Pattern::MatchValue {
                    range: value.range(),
                    value: boxed(value),
                })
            }
            TokenKind::None | TokenKind::True | TokenKind::False => {
                self.bump()?;
                let value = match tok.kind {
                    TokenKind::None => Constant::None,
                    TokenKind::True => Constant::Bool(true),
                    _ => Constant::Bool(false),
                };
                Ok(Pattern::MatchSingleton {
                    value,
                    range: token_range(&tok),
                })
            }
            TokenKind::Name => self.name_pattern(tok),
            TokenKind::Lpar => self.paren_pattern(),
            TokenKind::Lsqb => {
                self.bump()?;
                let mut patterns = Vec::new();
                while !self.at(TokenKind::Rsqb)? {
                    patterns.push(self.maybe_star_pattern()?);
                    if self.eat(TokenKind::Comma)?.is_none() {
                        break;
                    }
                }
                self.expect(TokenKind::Rsqb)?;
                Ok(Pattern::MatchSequence {
                    patterns,
                    range: self.range_from(&tok),
                })
            }
            TokenKind::Lbrace => self.mapping_pattern(),
            _ => Err(ParseError::Fail),
        }
    }

    /// `signed_number` or `complex_number`.
    fn number_literal(&mut self) -> PResult<Expr> {
        let start = self.peek()?;
        let real = self.signed_number()?;
        let op = match self.peek_kind()? {
            TokenKind::Plus => Operator::Add,
            TokenKind::Minus => Operator::Sub,
            _ => return Ok(real),
        };
        self.bump()?;
        let imag_tok = self.expect(TokenKind::Number)?;
        let imag = self.number_constant(&imag_tok);
        if real_is_imaginary(&real) {
            return Err(self.error_at("real number required in complex literal", real.range()));
        }
        if !matches!(
            imag,
            Expr::Constant {
                value: Constant::Complex { .. },
                ..
            }
        ) {
            return Err(self.error_at("imaginary number required in complex literal", imag.range()));
        }
        Ok(Expr::BinOp {
            left: boxed(real),
            op,
            right: boxed(imag),
            range: self.range_from(&start),
        })
    }

    fn signed_number(&mut self) -> PResult<Expr> {
        if let Some(minus) = self.eat(TokenKind::Minus)? {
            let num = self.expect(TokenKind::Number)?;
            let operand = self.number_constant(&num);
            return Ok(Expr::UnaryOp {
                op: UnaryOp::USub,
                operand: boxed(operand),
                range: self.range_from(&minus),
            });
        }
        let num = self.expect(TokenKind::Number)?;
        Ok(self.number_constant(&num))
    }

    fn number_constant(&self, tok: &Token) -> Expr {
        Expr::Constant {
            value: crate::literals::parse_number(self.text(tok)),
            kind: None,
            range: token_range(tok),
        }
    }

    /// Capture, wildcard, value (dotted name) or class pattern starting with a name.
    fn name_pattern(&mut self, tok: Token) -> PResult<Pattern> {
        self.bump()?;
        let mut value = Expr::Name {
            id: self.identifier(&tok),
            ctx: ExprContext::Load,
            range: token_range(&tok),
        };
        let mut dotted = false;
        while self.eat(TokenKind::Dot)?.is_some() {
            let attr = self.expect(TokenKind::Name)?;
            value = Expr::Attribute {
                value: boxed(value),
                attr: self.identifier(&attr),
                ctx: ExprContext::Load,
                range: self.range_from(&tok),
            };
            dotted = true;
        }
        if self.at(TokenKind::Lpar)? {
            return self.class_pattern(tok, value);
        }
        if dotted {
            return Ok(Pattern::MatchValue {
                range: value.range(),
                value: boxed(value),
            });
        }
        if self.at(TokenKind::Equal)? {
            return Err(ParseError::Fail);
        }
        let name = self.identifier(&tok);
        Ok(Pattern::MatchAs {
            pattern: None,
            name: if name == "_" { None } else { Some(name) },
            range: token_range(&tok),
        })
    }

    fn class_pattern(&mut self, start: Token, cls: Expr) -> PResult<Pattern> {
        self.expect(TokenKind::Lpar)?;
        let mut patterns = Vec::new();
        let mut kwd_attrs = Vec::new();
        let mut kwd_patterns = Vec::new();
        let mut late_positional: Vec<Pattern> = Vec::new();
        while !self.at(TokenKind::Rpar)? {
            let tok = self.peek()?;
            if tok.kind == TokenKind::Name && self.peek_nth(1)?.kind == TokenKind::Equal {
                self.bump()?;
                self.bump()?;
                kwd_attrs.push(self.identifier(&tok));
                kwd_patterns.push(self.pattern()?);
            } else {
                let p = self.pattern()?;
                if kwd_attrs.is_empty() {
                    patterns.push(p);
                } else {
                    late_positional.push(p);
                }
            }
            if self.eat(TokenKind::Comma)?.is_none() {
                break;
            }
        }
        if let (Some(first), Some(last)) = (late_positional.first(), late_positional.last()) {
            return Err(self.error_range(
                "positional patterns follow keyword patterns",
                first.range(),
                last.range(),
            ));
        }
        self.expect(TokenKind::Rpar)?;
        Ok(Pattern::MatchClass {
            cls: boxed(cls),
            patterns,
            kwd_attrs,
            kwd_patterns,
            range: self.range_from(&start),
        })
    }

    /// `group_pattern` or a parenthesized `sequence_pattern`.
    fn paren_pattern(&mut self) -> PResult<Pattern> {
        let open = self.expect(TokenKind::Lpar)?;
        if self.eat(TokenKind::Rpar)?.is_some() {
            return Ok(Pattern::MatchSequence {
                patterns: Vec::new(),
                range: self.range_from(&open),
            });
        }
        let first = self.maybe_star_pattern()?;
        if self.eat(TokenKind::Rpar)?.is_some() {
            if matches!(first, Pattern::MatchStar { .. }) {
                return Err(ParseError::Fail);
            }
            return Ok(first);
        }
        let mut patterns = vec![first];
        while self.eat(TokenKind::Comma)?.is_some() {
            if self.at(TokenKind::Rpar)? {
                break;
            }
            patterns.push(self.maybe_star_pattern()?);
        }
        self.expect(TokenKind::Rpar)?;
        Ok(Pattern::MatchSequence {
            patterns,
            range: self.range_from(&open),
        })
    }

    fn mapping_pattern(&mut self) -> PResult<Pattern> {
        let open = self.expect(TokenKind::Lbrace)?;
        let mut keys = Vec::new();
        let mut patterns = Vec::new();
        let mut rest = None;
        while !self.at(TokenKind::Rbrace)? {
            if self.eat(TokenKind::DoubleStar)?.is_some() {
                // `'**' pattern_capture_target ','? '}'`: a capture name (not `_`)
                // and nothing after it; CPython 3.14's error is the generic one.
                let name_tok = self.expect(TokenKind::Name)?;
                if self.text(&name_tok) == "_" {
                    return Err(self.error_at_token(&name_tok, "invalid syntax"));
                }
                rest = Some(self.identifier(&name_tok));
                self.eat(TokenKind::Comma)?;
                let close = self.peek()?;
                if close.kind != TokenKind::Rbrace {
                    return Err(self.error_at_token(&close, "invalid syntax"));
                }
                break;
            } else {
                let key = self.mapping_key()?;
                self.expect(TokenKind::Colon)?;
                keys.push(key);
                patterns.push(self.pattern()?);
            }
            if self.eat(TokenKind::Comma)?.is_none() {
                break;
            }
        }
        self.expect(TokenKind::Rbrace)?;
        Ok(Pattern::MatchMapping {
            keys,
            patterns,
            rest,
            range: self.range_from(&open),
        })
    }

    /// A mapping key: a literal or a dotted name.
    fn mapping_key(&mut self) -> PResult<Expr> {
        let tok = self.peek()?;
        match tok.kind {
            TokenKind::Number | TokenKind::Minus => self.number_literal(),
            TokenKind::String | TokenKind::FStringStart | TokenKind::TStringStart => self.strings(),
            TokenKind::None | TokenKind::True | TokenKind::False => {
                self.bump()?;
                let value = match tok.kind {
                    TokenKind::None => Constant::None,
                    TokenKind::True => Constant::Bool(true),
                    _ => Constant::Bool(false),
                };
                Ok(Expr::Constant {
                    value,
                    kind: None,
                    range: token_range(&tok),
                })
            }
            TokenKind::Name => {
                self.bump()?;
                let mut value = Expr::Name {
                    id: self.identifier(&tok),
                    ctx: ExprContext::Load,
                    range: token_range(&tok),
                };
                let mut dotted = false;
                while self.eat(TokenKind::Dot)?.is_some() {
                    let attr = self.expect(TokenKind::Name)?;
                    value = Expr::Attribute {
                        value: boxed(value),
                        attr: self.identifier(&attr),
                        ctx: ExprContext::Load,
                        range: self.range_from(&tok),
                    };
                    dotted = true;
                }
                if !dotted {
                    return Err(ParseError::Fail);
                }
                Ok(value)
            }
            _ => Err(ParseError::Fail),
        }
    }
}

/// Whether a signed real part is actually imaginary (`1j + 2j`).
fn real_is_imaginary(e: &Expr) -> bool {
    match e {
        Expr::Constant { value, .. } => matches!(value, Constant::Complex { .. }),
        Expr::UnaryOp { operand, .. } => real_is_imaginary(operand),
        _ => false,
    }
}
