//! Expression rules: from `star_expressions` down to `atom`, including displays,
//! comprehensions, subscripts and lambda (the operator levels between them are in
//! `operators`).

use super::{span, token_range, PResult, ParseError, Parser, MAX_TREE_DEPTH};
use crate::ast::{Comprehension, Constant, Expr, ExprContext, Range};
use crate::token::{Token, TokenKind};

/// Levels CPython's parser spends on one bracket nesting (approximately).
const BRACKET_COST: u32 = 28;

/// Whether a token can begin an expression (the FIRST set of `expression`): an atom,
/// a unary operator, `not`, `lambda` or `await`.
#[inline]
pub(crate) fn starts_expression(kind: TokenKind) -> bool {
    use TokenKind::*;
    starts_atom(kind) || is_unary_prefix(kind) || matches!(kind, Not | Lambda | Await)
}

/// Whether a token is a unary arithmetic prefix (`+`, `-`, `~`).
#[inline]
pub(super) fn is_unary_prefix(kind: TokenKind) -> bool {
    matches!(kind, TokenKind::Plus | TokenKind::Minus | TokenKind::Tilde)
}

/// Whether a token begins an `atom`.
#[inline]
pub(super) fn starts_atom(kind: TokenKind) -> bool {
    use TokenKind::*;
    matches!(
        kind,
        Name | Number
            | String
            | FStringStart
            | TStringStart
            | Lpar
            | Lsqb
            | Lbrace
            | None
            | True
            | False
            | Ellipsis
    )
}

/// Whether a token ends any expression it follows: it is no trailer (`.`, `(`,
/// `[`), binary, comparison or boolean operator, `**` or `if`, and cannot start
/// an expression (which CPython's "forgot a comma" check would look at).
#[inline]
pub(super) fn ends_expression(kind: TokenKind) -> bool {
    use TokenKind::*;
    matches!(
        kind,
        Comma
            | Rpar
            | Rsqb
            | Rbrace
            | Colon
            | Newline
            | Semi
            | Equal
            | ColonEqual
            | Exclamation
            | Rarrow
            | For
            | Async
            | Else
            | As
            | From
            | PlusEqual
            | MinEqual
            | StarEqual
            | SlashEqual
            | PercentEqual
            | AmperEqual
            | VbarEqual
            | CircumflexEqual
            | LeftShiftEqual
            | RightShiftEqual
            | DoubleStarEqual
            | DoubleSlashEqual
            | AtEqual
    )
}

/// A pending right-nested construct while parsing an `expression`.
enum Frame {
    Conditional {
        body: Expr,
        test: Expr,
        start: Token,
    },
    Lambda {
        args: crate::ast::Arguments,
        start: Token,
    },
}

pub(crate) fn boxed(e: Expr) -> Box<Expr> {
    Box::new(e)
}

impl Parser<'_> {
    /// `expressions`: one expression or an unparenthesized tuple.
    pub(crate) fn expressions(&mut self) -> PResult<Expr> {
        let start = self.peek()?;
        let first = self.expression()?;
        if !self.at(TokenKind::Comma)? {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(TokenKind::Comma)?.is_some() {
            if !starts_expression(self.peek_kind()?) {
                break;
            }
            elts.push(self.expression()?);
        }
        Ok(Expr::Tuple {
            elts,
            ctx: ExprContext::Load,
            range: self.range_from(&start),
        })
    }

    /// `star_expressions`: like `expressions` but elements may be starred.
    pub(crate) fn star_expressions(&mut self) -> PResult<Expr> {
        let start = self.peek()?;
        let first = self.star_expression()?;
        if !self.at(TokenKind::Comma)? {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(TokenKind::Comma)?.is_some() {
            let k = self.peek_kind()?;
            if !(starts_expression(k) || k == TokenKind::Star) {
                break;
            }
            elts.push(self.star_expression()?);
        }
        Ok(Expr::Tuple {
            elts,
            ctx: ExprContext::Load,
            range: self.range_from(&start),
        })
    }

    /// `star_expression`: `'*' bitwise_or | expression`.
    pub(crate) fn star_expression(&mut self) -> PResult<Expr> {
        if let Some(star) = self.eat(TokenKind::Star)? {
            let value = self.bitwise_or()?;
            return Ok(Expr::Starred {
                value: boxed(value),
                ctx: ExprContext::Load,
                range: self.range_from(&star),
            });
        }
        self.expression()
    }

    /// `star_named_expression`: `'*' bitwise_or | named_expression`.
    pub(crate) fn star_named_expression(&mut self) -> PResult<Expr> {
        if let Some(star) = self.eat(TokenKind::Star)? {
            let value = self.bitwise_or()?;
            return Ok(Expr::Starred {
                value: boxed(value),
                ctx: ExprContext::Load,
                range: self.range_from(&star),
            });
        }
        self.named_expression()
    }

    /// `named_expression`: `NAME ':=' expression | expression !':='`.
    pub(crate) fn named_expression(&mut self) -> PResult<Expr> {
        let tok = self.peek()?;
        if tok.kind == TokenKind::Name && self.peek_nth(1)?.kind == TokenKind::ColonEqual {
            return self.assignment_expression();
        }
        let start_pos = self.mark();
        let e = self.expression()?;
        if self.at(TokenKind::ColonEqual)? {
            let name = crate::parser::targets::expr_name(&e);
            return Err(self.error_at(
                format!("cannot use assignment expressions with {name}"),
                e.range(),
            ));
        }
        if self.at(TokenKind::Equal)? {
            self.check_equals_in_named_expression(start_pos, &e)?;
        }
        Ok(e)
    }

    /// CPython's `invalid_named_expression` for `target '=' bitwise_or` not followed
    /// by `=` or `:=` (as in `if x = 1:`): after a bare name, "Maybe you meant '=='
    /// or ':='"; after another `bitwise_or`, "cannot assign to X here".
    fn check_equals_in_named_expression(&mut self, start_pos: usize, target: &Expr) -> PResult<()> {
        let start = self.tokens[start_pos].kind;
        let bare_name = matches!(target, Expr::Name { .. }) && self.pos == start_pos + 1;
        if self.without_invalid
            || !(bare_name || crate::parser::targets::takes_equality_hint(start, target))
        {
            return Ok(());
        }
        let value = self.speculate(|p| {
            p.bump()?;
            let value = p.bitwise_or()?;
            match p.peek_kind()? {
                TokenKind::Equal | TokenKind::ColonEqual => Err(ParseError::Fail),
                _ => Ok(value),
            }
        })?;
        let Some(value) = value else {
            return Ok(());
        };
        Err(if bare_name {
            self.error_range(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                target.range(),
                value.range(),
            )
        } else {
            self.error_at(
                format!(
                    "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                    crate::parser::targets::expr_name(target)
                ),
                target.range(),
            )
        })
    }

    /// `assignment_expression`: `NAME ':=' expression`.
    pub(crate) fn assignment_expression(&mut self) -> PResult<Expr> {
        let name_tok = self.expect(TokenKind::Name)?;
        self.expect(TokenKind::ColonEqual)?;
        let value = self.expression()?;
        let target = Expr::Name {
            id: self.identifier(&name_tok),
            ctx: ExprContext::Store,
            range: token_range(&name_tok),
        };
        Ok(Expr::NamedExpr {
            target: boxed(target),
            value: boxed(value),
            range: self.range_from(&name_tok),
        })
    }

    /// `expression`: conditional expressions, disjunction, lambda. Chains of
    /// lambdas and conditionals nest to the right; they are parsed with an explicit
    /// stack so that deep nesting cannot exhaust Rust's stack.
    pub(crate) fn expression(&mut self) -> PResult<Expr> {
        if let Some(atom) = self.lone_atom()? {
            return Ok(atom);
        }
        // The usual expression, neither a lambda nor a conditional, needs no frames.
        let start = self.peek()?;
        let mut first = None;
        if start.kind != TokenKind::Lambda {
            let body = self.conditional_operand()?;
            if !self.at(TokenKind::If)? {
                return Ok(body);
            }
            first = Some((start, body));
        }
        let mut frames: Vec<Frame> = Vec::new();
        let mut cost = 0;
        let result = self.expression_frames(&mut frames, &mut cost, first);
        self.leave(cost);
        let mut acc = result?;
        if frames.is_empty() {
            return Ok(acc);
        }
        let end = self.last_token_range();
        while let Some(frame) = frames.pop() {
            acc = match frame {
                Frame::Conditional { body, test, start } => Expr::IfExp {
                    test: boxed(test),
                    body: boxed(body),
                    orelse: boxed(acc),
                    range: span(token_range(&start), end),
                },
                Frame::Lambda { args, start } => Expr::Lambda {
                    args: Box::new(args),
                    body: boxed(acc),
                    range: span(token_range(&start), end),
                },
            };
        }
        Ok(acc)
    }

    /// CPython's `invalid_expression` rule, for an expression `first` (starting at
    /// token `start_pos`) directly followed by another expression: a lone string
    /// followed by expressions and a string is "Is this intended to be part of the
    /// string?"; inside brackets, any other pair is "Perhaps you forgot a comma?"
    /// (not when it starts with `NAME STRING` or a soft keyword, nor after
    /// `print`/`exec`, which get `invalid_legacy_expression`'s "Missing
    /// parentheses" instead).
    fn check_juxtaposed_expressions(&mut self, start_pos: usize, first: &Expr) -> PResult<()> {
        let next = self.peek_kind()?;
        if self.without_invalid || !starts_expression(next) {
            return Ok(());
        }
        let start = self.tokens[start_pos];
        if start.kind == TokenKind::String && self.pos == start_pos + 1 && next != TokenKind::String
        {
            if let Some((from, to)) = self.speculate(Self::expressions_then_string)? {
                return Err(self.error_range(
                    "invalid syntax. Is this intended to be part of the string?",
                    from,
                    to,
                ));
            }
        }
        if let Expr::Name { id, range, .. } = first {
            if (id == "print" || id == "exec") && self.pos == start_pos + 1 {
                if next == TokenKind::Lpar {
                    return Ok(());
                }
                return match self.speculate(Self::star_expressions)? {
                    Some(args) => Err(self.error_range(
                        format!("Missing parentheses in call to '{id}'. Did you mean {id}(...)?"),
                        *range,
                        args.range(),
                    )),
                    None => Ok(()),
                };
            }
        }
        // Brackets are balanced within an expression, so the level after `first`
        // is the level after the second one.
        if self.last_token().level == 0 {
            return Ok(());
        }
        if start.kind == TokenKind::Name {
            let text = self.text(&start);
            let next_is_string =
                self.tokens.get(start_pos + 1).map(|t| t.kind) == Some(TokenKind::String);
            if next_is_string || matches!(text, "match" | "case" | "_" | "type") {
                return Ok(());
            }
        }
        match self.speculate(Self::expression)? {
            Some(second) => Err(self.error_range(
                "invalid syntax. Perhaps you forgot a comma?",
                first.range(),
                second.range(),
            )),
            None => Ok(()),
        }
    }

    /// `(!STRING expression)+ &STRING`: the range from the first expression to the
    /// last.
    fn expressions_then_string(&mut self) -> PResult<(Range, Range)> {
        let first = self.expression()?.range();
        let mut last = first;
        while self.peek_kind()? != TokenKind::String {
            last = self.expression()?.range();
        }
        Ok((first, last))
    }

    /// `'lambda' [params] ':'`, pushed onto `frames` for the body that follows.
    fn lambda_header(
        &mut self,
        frames: &mut Vec<Frame>,
        cost: &mut u32,
        start: Token,
    ) -> PResult<()> {
        self.bump()?;
        self.enter(2)?;
        *cost += 2;
        let args = self.parameters(false)?;
        let colon = self.expect(TokenKind::Colon)?;
        // In a replacement field the colon began a format spec.
        let string_kind = match self.peek_kind()? {
            TokenKind::FStringMiddle => Some("f-string"),
            TokenKind::TStringMiddle => Some("t-string"),
            _ => None,
        };
        if let Some(kind) = string_kind {
            if !self.without_invalid {
                return Err(self.error_range(
                    format!("{kind}: lambda expressions are not allowed without parentheses"),
                    token_range(&start),
                    token_range(&colon),
                ));
            }
        }
        frames.push(Frame::Lambda { args, start });
        Ok(())
    }

    /// A disjunction where `expression` allows one (its body, or what follows
    /// `else`), with CPython's checks for what may not start or follow it.
    fn conditional_operand(&mut self) -> PResult<Expr> {
        let start = self.peek()?;
        let start_pos = self.mark();
        let body = if starts_atom(start.kind) {
            // As in `disjunction`; an atom is no `pass`, `break` or `continue`
            // for `check_statement_before_if`, and a token that ends the
            // expression cannot start a juxtaposed one.
            let primary = self.primary()?;
            if ends_expression(self.peek_kind()?) {
                return Ok(primary);
            }
            self.disjunction_from_primary(&start, primary)?
        } else {
            self.check_statement_before_if()?;
            self.disjunction()?
        };
        self.check_juxtaposed_expressions(start_pos, &body)?;
        Ok(body)
    }

    /// Push lambda headers and `body if test else` prefixes onto `frames`, return
    /// the final disjunction; `cost` accumulates the stack budget charged. `first`
    /// is a body already parsed (from its start token), with `if` next.
    fn expression_frames(
        &mut self,
        frames: &mut Vec<Frame>,
        cost: &mut u32,
        mut first: Option<(Token, Expr)>,
    ) -> PResult<Expr> {
        loop {
            let (start, body) = match first.take() {
                Some(parsed) => parsed,
                None => {
                    let start = self.peek()?;
                    if start.kind == TokenKind::Lambda {
                        self.lambda_header(frames, cost, start)?;
                        continue;
                    }
                    let body = self.conditional_operand()?;
                    if !self.at(TokenKind::If)? {
                        return Ok(body);
                    }
                    (start, body)
                }
            };
            let mark = self.mark();
            self.bump()?;
            let test = self.disjunction()?;
            if self.eat(TokenKind::Else)?.is_none() {
                if self.peek_kind()? != TokenKind::Colon {
                    return Err(self.error_range(
                        "expected 'else' after 'if' expression",
                        body.range(),
                        test.range(),
                    ));
                }
                self.reset(mark);
                return Ok(body);
            }
            let next = self.peek()?;
            match next.kind {
                kind if kind == TokenKind::Star
                    || kind == TokenKind::DoubleStar
                    || !starts_expression(kind) =>
                {
                    return Err(self.error_at_token(
                        &next,
                        "expected expression after 'else', but statement is given",
                    ))
                }
                _ => {}
            }
            self.enter(1)?;
            *cost += 1;
            frames.push(Frame::Conditional { body, test, start });
        }
    }

    /// `primary`: an atom followed by attribute, call and subscript trailers.
    pub(crate) fn primary(&mut self) -> PResult<Expr> {
        let start = self.peek()?;
        let mut e = self.atom()?;
        let mut depth = 0;
        loop {
            match self.peek_kind()? {
                TokenKind::Dot => {
                    self.bump()?;
                    let name = self.expect(TokenKind::Name)?;
                    e = Expr::Attribute {
                        value: boxed(e),
                        attr: self.identifier(&name),
                        ctx: ExprContext::Load,
                        range: self.range_from(&start),
                    };
                }
                TokenKind::Lpar => {
                    e = self.call(e, &start)?;
                }
                TokenKind::Lsqb => {
                    self.bump()?;
                    self.enter(BRACKET_COST)?;
                    let slice = self.slices();
                    self.leave(BRACKET_COST);
                    let slice = slice?;
                    self.expect(TokenKind::Rsqb)?;
                    e = Expr::Subscript {
                        value: boxed(e),
                        slice: boxed(slice),
                        ctx: ExprContext::Load,
                        range: self.range_from(&start),
                    };
                }
                _ => return Ok(e),
            }
            depth += 1;
            if depth > MAX_TREE_DEPTH {
                return Err(self.too_deep());
            }
        }
    }

    /// `slices`: one slice, or a tuple of slices / starred expressions.
    fn slices(&mut self) -> PResult<Expr> {
        let start = self.peek()?;
        self.check_bare_star()?;
        let first = self.slice_or_starred()?;
        if !self.at(TokenKind::Comma)? {
            if matches!(first, Expr::Starred { .. }) {
                return Ok(Expr::Tuple {
                    elts: vec![first],
                    ctx: ExprContext::Load,
                    range: self.range_from(&start),
                });
            }
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(TokenKind::Comma)?.is_some() {
            if self.at(TokenKind::Rsqb)? {
                break;
            }
            self.check_bare_star()?;
            elts.push(self.slice_or_starred()?);
        }
        Ok(Expr::Tuple {
            elts,
            ctx: ExprContext::Load,
            range: self.range_from(&start),
        })
    }

    fn slice_or_starred(&mut self) -> PResult<Expr> {
        let start = self.peek()?;
        if start.kind == TokenKind::Star {
            self.bump()?;
            let value = self.expression()?;
            return Ok(Expr::Starred {
                value: boxed(value),
                ctx: ExprContext::Load,
                range: self.range_from(&start),
            });
        }
        let lower = if start.kind == TokenKind::Colon {
            None
        } else {
            if start.kind == TokenKind::Name && self.peek_nth(1)?.kind == TokenKind::ColonEqual {
                return self.assignment_expression();
            }
            let start_pos = self.mark();
            let e = self.expression()?;
            if !self.at(TokenKind::Colon)? {
                if self.at(TokenKind::ColonEqual)? {
                    let name = crate::parser::targets::expr_name(&e);
                    return Err(self.error_at(
                        format!("cannot use assignment expressions with {name}"),
                        e.range(),
                    ));
                }
                if self.at(TokenKind::Equal)? {
                    self.check_equals_in_named_expression(start_pos, &e)?;
                }
                return Ok(e);
            }
            Some(boxed(e))
        };
        self.expect(TokenKind::Colon)?;
        let upper = self.optional_expression()?;
        let step = if self.eat(TokenKind::Colon)?.is_some() {
            self.optional_expression()?
        } else {
            None
        };
        Ok(Expr::Slice {
            lower,
            upper,
            step,
            range: self.range_from(&start),
        })
    }

    fn optional_expression(&mut self) -> PResult<Option<Box<Expr>>> {
        if starts_expression(self.peek_kind()?) {
            Ok(Some(boxed(self.expression()?)))
        } else {
            Ok(None)
        }
    }

    /// The most common expression of all, a name or a constant keyword or number
    /// that nothing continues (see [`ends_expression`]), parsed without descending
    /// through every precedence level to `atom`; `None` (nothing read) otherwise.
    /// Every level would only look at the token after it and hand the atom up.
    fn lone_atom(&mut self) -> PResult<Option<Expr>> {
        use TokenKind::*;
        let simple = matches!(
            self.peek_kind()?,
            Name | Number | None | True | False | Ellipsis
        );
        if !simple || !ends_expression(self.peek_nth(1)?.kind) {
            return Ok(Option::None);
        }
        self.atom().map(Some)
    }

    /// `atom`.
    fn atom(&mut self) -> PResult<Expr> {
        let tok = self.peek()?;
        let constant = |value| Expr::Constant {
            value,
            kind: None,
            range: token_range(&tok),
        };
        match tok.kind {
            TokenKind::Name => {
                self.bump()?;
                Ok(Expr::Name {
                    id: self.identifier(&tok),
                    ctx: ExprContext::Load,
                    range: token_range(&tok),
                })
            }
            TokenKind::Number => {
                self.bump()?;
                Ok(constant(crate::literals::parse_number(self.text(&tok))))
            }
            TokenKind::True => {
                self.bump()?;
                Ok(constant(Constant::Bool(true)))
            }
            TokenKind::False => {
                self.bump()?;
                Ok(constant(Constant::Bool(false)))
            }
            TokenKind::None => {
                self.bump()?;
                Ok(constant(Constant::None))
            }
            TokenKind::Ellipsis => {
                self.bump()?;
                Ok(constant(Constant::Ellipsis))
            }
            TokenKind::String | TokenKind::FStringStart | TokenKind::TStringStart => self.strings(),
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => {
                self.enter(BRACKET_COST)?;
                let result = match tok.kind {
                    TokenKind::Lpar => self.paren_atom(),
                    TokenKind::Lsqb => self.list_atom(),
                    _ => self.brace_atom(),
                };
                self.leave(BRACKET_COST);
                result
            }
            _ => Err(ParseError::Fail),
        }
    }

    /// `(...)`: tuple, group, generator expression or parenthesized yield.
    fn paren_atom(&mut self) -> PResult<Expr> {
        let open = self.expect(TokenKind::Lpar)?;
        if self.eat(TokenKind::Rpar)?.is_some() {
            return Ok(Expr::Tuple {
                elts: Vec::new(),
                ctx: ExprContext::Load,
                range: self.range_from(&open),
            });
        }
        if self.at(TokenKind::Yield)? {
            let e = self.yield_expr()?;
            self.expect(TokenKind::Rpar)?;
            return Ok(e);
        }
        if self.at(TokenKind::DoubleStar)? {
            let star = self.bump()?;
            let _ = self.expression()?;
            if self.at(TokenKind::Rpar)? {
                return Err(self.error_at_token(&star, "cannot use double starred expression here"));
            }
            // CPython 3.14 stops at the `**` (no comprehension-specific message).
            return Err(self.error_at_token(&star, "invalid syntax"));
        }
        self.check_bare_star()?;
        let first = self.star_named_expression()?;
        if self.at_comprehension_start()? {
            self.check_comprehension_element(&first, "generator expression")?;
            let generators = self.for_if_clauses()?;
            self.expect(TokenKind::Rpar)?;
            return Ok(Expr::GeneratorExp {
                elt: boxed(first),
                generators,
                range: self.range_from(&open),
            });
        }
        if self.eat(TokenKind::Rpar)?.is_some() {
            if let Expr::Starred { range, .. } = &first {
                return Err(self.error_at("cannot use starred expression here", *range));
            }
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(TokenKind::Comma)?.is_some() {
            if self.at(TokenKind::Rpar)? {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        self.expect(TokenKind::Rpar)?;
        Ok(Expr::Tuple {
            elts,
            ctx: ExprContext::Load,
            range: self.range_from(&open),
        })
    }

    /// In 3.14 a comprehension element may not be unpacked.
    fn check_comprehension_element(&self, elt: &Expr, what: &str) -> PResult<()> {
        if let Expr::Starred { range, .. } = elt {
            let _ = what;
            return Err(self.error_at("iterable unpacking cannot be used in comprehension", *range));
        }
        Ok(())
    }

    /// CPython's `invalid_comprehension` for list and set displays: elements
    /// `elts` (the last followed by `comma`, or the comma itself just read) and then
    /// complete `for` clauses are "did you forget parentheses around the
    /// comprehension target?", from the first element to the last (or to the comma
    /// when only one element precedes it).
    fn check_unparenthesized_comprehension_target(
        &mut self,
        elts: &[Expr],
        comma: &Token,
    ) -> PResult<()> {
        if !self.at_comprehension_start()? {
            return Ok(());
        }
        let (Some(first), Some(last)) = (elts.first(), elts.last()) else {
            return Ok(());
        };
        let trailing_comma = self.last_token().kind == TokenKind::Comma;
        let end = if trailing_comma && elts.len() == 1 {
            token_range(comma)
        } else {
            last.range()
        };
        match self.speculate(Self::for_if_clauses)? {
            Some(_) => Err(self.error_range(
                "did you forget parentheses around the comprehension target?",
                first.range(),
                end,
            )),
            None => Err(ParseError::Fail),
        }
    }

    /// CPython's `invalid_starred_expression`, tried where `starred_expression` may
    /// start (call arguments, subscripts, the first element of a display): a `*`
    /// with no operand is "Invalid star expression", at the token after it.
    pub(crate) fn check_bare_star(&mut self) -> PResult<()> {
        if self.without_invalid || !self.at(TokenKind::Star)? {
            return Ok(());
        }
        let after = self.peek_nth(1)?;
        if starts_expression(after.kind) {
            return Ok(());
        }
        Err(self.error_at_token(&after, "Invalid star expression"))
    }

    pub(crate) fn at_comprehension_start(&mut self) -> PResult<bool> {
        let kind = self.peek_kind()?;
        Ok(kind == TokenKind::For
            || (kind == TokenKind::Async && self.peek_nth(1)?.kind == TokenKind::For))
    }

    /// `[...]`: list display or list comprehension.
    fn list_atom(&mut self) -> PResult<Expr> {
        let open = self.expect(TokenKind::Lsqb)?;
        if self.eat(TokenKind::Rsqb)?.is_some() {
            return Ok(Expr::List {
                elts: Vec::new(),
                ctx: ExprContext::Load,
                range: self.range_from(&open),
            });
        }
        if self.at(TokenKind::DoubleStar)? {
            // CPython 3.14 stops at the `**` (no comprehension-specific message).
            let star = self.bump()?;
            return Err(self.error_at_token(&star, "invalid syntax"));
        }
        self.check_bare_star()?;
        let first = self.star_named_expression()?;
        if self.at_comprehension_start()? {
            self.check_comprehension_element(&first, "list comprehension")?;
            let generators = self.for_if_clauses()?;
            self.expect(TokenKind::Rsqb)?;
            return Ok(Expr::ListComp {
                elt: boxed(first),
                generators,
                range: self.range_from(&open),
            });
        }
        let mut elts = vec![first];
        while let Some(comma) = self.eat(TokenKind::Comma)? {
            if self.at(TokenKind::Rsqb)? {
                break;
            }
            self.check_unparenthesized_comprehension_target(&elts, &comma)?;
            elts.push(self.star_named_expression()?);
            self.check_unparenthesized_comprehension_target(&elts, &comma)?;
        }
        self.expect(TokenKind::Rsqb)?;
        Ok(Expr::List {
            elts,
            ctx: ExprContext::Load,
            range: self.range_from(&open),
        })
    }

    /// `{...}`: dict or set display, dict or set comprehension.
    fn brace_atom(&mut self) -> PResult<Expr> {
        let open = self.expect(TokenKind::Lbrace)?;
        if self.eat(TokenKind::Rbrace)?.is_some() {
            return Ok(Expr::Dict {
                keys: Vec::new(),
                values: Vec::new(),
                range: self.range_from(&open),
            });
        }
        let tok = self.peek()?;
        if tok.kind == TokenKind::DoubleStar {
            return self.dict_rest(open, None);
        }
        self.check_bare_star()?;
        let is_walrus =
            tok.kind == TokenKind::Name && self.peek_nth(1)?.kind == TokenKind::ColonEqual;
        let first = if tok.kind == TokenKind::Star || is_walrus {
            self.star_named_expression()?
        } else {
            let e = self.expression()?;
            if self.at(TokenKind::Colon)? {
                return self.dict_rest(open, Some(e));
            }
            e
        };
        if self.at_comprehension_start()? {
            self.check_comprehension_element(&first, "set comprehension")?;
            let generators = self.for_if_clauses()?;
            self.expect(TokenKind::Rbrace)?;
            return Ok(Expr::SetComp {
                elt: boxed(first),
                generators,
                range: self.range_from(&open),
            });
        }
        let mut elts = vec![first];
        while let Some(comma) = self.eat(TokenKind::Comma)? {
            if self.at(TokenKind::Rbrace)? {
                break;
            }
            self.check_unparenthesized_comprehension_target(&elts, &comma)?;
            elts.push(self.star_named_expression()?);
            self.check_unparenthesized_comprehension_target(&elts, &comma)?;
        }
        self.expect(TokenKind::Rbrace)?;
        Ok(Expr::Set {
            elts,
            range: self.range_from(&open),
        })
    }

    /// The rest of a dict display or comprehension; `first_key` was parsed and the
    /// current token is its `:` (or `None` when it starts with `**`).
    fn dict_rest(&mut self, open: Token, first_key: Option<Expr>) -> PResult<Expr> {
        let mut keys = Vec::new();
        let mut values = Vec::new();
        let mut pending_key = first_key;
        loop {
            match pending_key.take() {
                Some(key) => {
                    let colon = self.expect(TokenKind::Colon)?;
                    if matches!(self.peek_kind()?, TokenKind::Rbrace | TokenKind::Comma) {
                        return Err(self.error_at_token(
                            &colon,
                            "expression expected after dictionary key and ':'",
                        ));
                    }
                    if self.at(TokenKind::Star)? {
                        let star = self.bump()?;
                        self.bitwise_or()?;
                        self.peek()?;
                        return Err(self.error_starting_from(
                            "cannot use a starred expression in a dictionary value",
                            token_range(&star),
                        ));
                    }
                    let value = self.expression()?;
                    if keys.is_empty() && self.at_comprehension_start()? {
                        let generators = self.for_if_clauses()?;
                        self.expect(TokenKind::Rbrace)?;
                        return Ok(Expr::DictComp {
                            key: boxed(key),
                            value: boxed(value),
                            generators,
                            range: self.range_from(&open),
                        });
                    }
                    keys.push(Some(key));
                    values.push(value);
                }
                None => {
                    let star = self.expect(TokenKind::DoubleStar)?;
                    let value = self.bitwise_or()?;
                    if keys.is_empty() && self.at_comprehension_start()? {
                        return Err(self.error_at_token(
                            &star,
                            "dict unpacking cannot be used in dict comprehension",
                        ));
                    }
                    keys.push(None);
                    values.push(value);
                }
            }
            if self.eat(TokenKind::Comma)?.is_none() {
                break;
            }
            if self.at(TokenKind::Rbrace)? {
                break;
            }
            if !self.at(TokenKind::DoubleStar)? {
                let key = self.expression()?;
                if !self.at(TokenKind::Colon)? {
                    let r = key.range();
                    return Err(self.error_known(
                        crate::error::SyntaxErrorKind::SyntaxError,
                        "':' expected after dictionary key",
                        r.lineno,
                        r.end_col_offset as i64 - 1,
                        r.end_lineno,
                        -1,
                    ));
                }
                pending_key = Some(key);
            }
        }
        self.expect(TokenKind::Rbrace)?;
        Ok(Expr::Dict {
            keys,
            values,
            range: self.range_from(&open),
        })
    }

    /// `for_if_clauses`: one or more `[async] for targets in disjunction (if disjunction)*`.
    pub(crate) fn for_if_clauses(&mut self) -> PResult<Vec<Comprehension>> {
        let mut out = Vec::new();
        while self.at_comprehension_start()? {
            let is_async = self.eat(TokenKind::Async)?.is_some();
            self.expect(TokenKind::For)?;
            let target = self.star_targets_for()?;
            if self.eat(TokenKind::In)?.is_none() {
                return Err(self.error_at_last_read(
                    crate::error::SyntaxErrorKind::SyntaxError,
                    "'in' expected after for-loop variables",
                ));
            }
            let iter = self.disjunction()?;
            let mut ifs = Vec::new();
            while self.eat(TokenKind::If)?.is_some() {
                ifs.push(self.disjunction()?);
            }
            out.push(Comprehension {
                target,
                iter,
                ifs,
                is_async,
            });
        }
        Ok(out)
    }

    /// `yield_expr`: `'yield' 'from' expression | 'yield' [star_expressions]`.
    pub(crate) fn yield_expr(&mut self) -> PResult<Expr> {
        let start = self.expect(TokenKind::Yield)?;
        if self.eat(TokenKind::From)?.is_some() {
            let value = self.expression()?;
            return Ok(Expr::YieldFrom {
                value: boxed(value),
                range: self.range_from(&start),
            });
        }
        let kind = self.peek_kind()?;
        let value = if starts_expression(kind) || kind == TokenKind::Star {
            Some(boxed(self.star_expressions()?))
        } else {
            None
        };
        Ok(Expr::Yield {
            value,
            range: self.range_from(&start),
        })
    }

    /// An identifier token's text, NFKC-normalized when it is not ASCII (PEP 3131).
    /// Inline, with the rare normalization out of line: it is run for every name.
    #[inline]
    pub(crate) fn identifier(&self, tok: &Token) -> String {
        let text = self.text(tok);
        if text.is_ascii() {
            text.to_string()
        } else {
            normalized_identifier(text)
        }
    }
}

/// A non-ASCII identifier in NFKC form (PEP 3131).
#[cold]
#[inline(never)]
fn normalized_identifier(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfkc().collect()
}
