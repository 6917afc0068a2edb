//! Statement rules: blocks, simple statements, compound statements, decorators,
//! imports and type parameter lists.

use super::expressions::{boxed, starts_expression};
use super::targets::{expr_name, TargetKind};
use super::{span, token_range, PResult, ParseError, Parser};
use crate::ast::{Alias, ExceptHandler, Expr, ExprContext, Operator, Stmt, TypeParam, WithItem};
use crate::error::SyntaxErrorKind;
use crate::token::{Token, TokenKind};

/// The message for `def f[]()`, `class C[]` and `type X[] = ...`.
const EMPTY_TYPE_PARAMS: &str = "Type parameter list cannot be empty";

/// Levels CPython's parser spends per nested block (approximately).
const BLOCK_COST: u32 = 6;

fn augassign_op(kind: TokenKind) -> Option<Operator> {
    use TokenKind::*;
    Some(match kind {
        PlusEqual => Operator::Add,
        MinEqual => Operator::Sub,
        StarEqual => Operator::Mult,
        AtEqual => Operator::MatMult,
        SlashEqual => Operator::Div,
        PercentEqual => Operator::Mod,
        AmperEqual => Operator::BitAnd,
        VbarEqual => Operator::BitOr,
        CircumflexEqual => Operator::BitXor,
        LeftShiftEqual => Operator::LShift,
        RightShiftEqual => Operator::RShift,
        DoubleStarEqual => Operator::Pow,
        DoubleSlashEqual => Operator::FloorDiv,
        _ => return Option::None,
    })
}

impl Parser<'_> {
    /// `statements ENDMARKER` for a module.
    pub(crate) fn statements_until_end(&mut self) -> PResult<Vec<Stmt>> {
        self.level = 25;
        self.collect_statements(|p| {
            while !p.at(TokenKind::EndMarker)? {
                p.statement()?;
            }
            Ok(())
        })
    }

    /// The statements `read` pushes onto `statement_stack`, moved into a vector of
    /// their exact size. A suite's vector growing one push at a time would start at
    /// room for four statements (past the VM allocator's small-block pools) and
    /// reallocate as it grows; most suites hold one to three statements, which
    /// exact sizes keep within the pools. On failure the statements are dropped:
    /// either way the stack is left as it was found, also for an enclosing rule
    /// that backtracks.
    fn collect_statements(
        &mut self,
        read: impl FnOnce(&mut Self) -> PResult<()>,
    ) -> PResult<Vec<Stmt>> {
        let base = self.statement_stack.len();
        match read(self) {
            // `split_off` moves the suite in one copy (a statement is too large
            // to be moved without a `memcpy` call each), but at 0 it would hand
            // over the stack's whole buffer instead.
            Ok(()) if base > 0 => Ok(self.statement_stack.split_off(base)),
            Ok(()) => Ok(self.statement_stack.drain(..).collect()),
            Err(err) => {
                self.statement_stack.truncate(base);
                Err(err)
            }
        }
    }

    /// `statement_newline` for interactive input.
    pub(crate) fn statement_newline(&mut self) -> PResult<Vec<Stmt>> {
        let tok = self.peek()?;
        match tok.kind {
            TokenKind::Newline => {
                self.bump()?;
                Ok(vec![Stmt::Pass {
                    range: token_range(&tok),
                }])
            }
            TokenKind::EndMarker => Err(ParseError::Fail),
            _ => self.collect_statements(|p| {
                let compound = p.is_compound_start()?;
                p.statement()?;
                if compound {
                    p.expect(TokenKind::Newline)?;
                }
                Ok(())
            }),
        }
    }

    fn is_compound_start(&mut self) -> PResult<bool> {
        let kind = self.peek_kind()?;
        Ok(matches!(
            kind,
            TokenKind::Def
                | TokenKind::At
                | TokenKind::Async
                | TokenKind::If
                | TokenKind::Class
                | TokenKind::With
                | TokenKind::For
                | TokenKind::Try
                | TokenKind::While
        ))
    }

    /// One statement (a compound statement or a line of simple statements),
    /// pushed onto `statement_stack`.
    fn statement(&mut self) -> PResult<()> {
        let tok = self.peek()?;
        let stmt = match tok.kind {
            TokenKind::Def => self.function_def(Vec::new())?,
            TokenKind::At => self.decorated()?,
            TokenKind::Async => {
                let next = self.peek_nth(1)?.kind;
                match next {
                    TokenKind::Def => self.function_def(Vec::new())?,
                    TokenKind::With => self.with_stmt()?,
                    TokenKind::For => self.for_stmt()?,
                    _ => return self.simple_stmts(),
                }
            }
            TokenKind::If => self.if_stmt()?,
            TokenKind::Class => self.class_def(Vec::new())?,
            TokenKind::With => self.with_stmt()?,
            TokenKind::For => self.for_stmt()?,
            TokenKind::Try => self.try_stmt()?,
            TokenKind::While => self.while_stmt()?,
            TokenKind::Name if self.text(&tok) == "match" => {
                let mark = self.mark();
                match self.match_stmt() {
                    Ok(stmt) => stmt,
                    Err(ParseError::Fail) => {
                        self.reset(mark);
                        return self.simple_stmts();
                    }
                    Err(e) => return Err(e),
                }
            }
            _ => return self.simple_stmts(),
        };
        self.statement_stack.push(stmt);
        Ok(())
    }

    /// `simple_stmts`: `simple_stmt (';' simple_stmt)* [';'] NEWLINE`, pushed onto
    /// `statement_stack`.
    fn simple_stmts(&mut self) -> PResult<()> {
        loop {
            let stmt = self.simple_stmt()?;
            self.statement_stack.push(stmt);
            if self.eat(TokenKind::Semi)?.is_none() {
                break;
            }
            if self.at(TokenKind::Newline)? {
                break;
            }
        }
        self.expect(TokenKind::Newline)?;
        Ok(())
    }

    /// CPython's `invalid_expression` alternative `(pass|break|continue) 'if'
    /// disjunction 'else' simple_stmt`, where an expression (or a statement, which
    /// CPython first tries as one) starts with a keyword statement.
    /// Inline for the usual token, which cannot start such a statement.
    #[inline]
    pub(crate) fn check_statement_before_if(&mut self) -> PResult<()> {
        let tok = self.peek()?;
        if self.without_invalid
            || !matches!(
                tok.kind,
                TokenKind::Pass | TokenKind::Break | TokenKind::Continue
            )
        {
            return Ok(());
        }
        self.check_keyword_statement_before_if(tok)
    }

    /// `check_statement_before_if` at a `pass`, `break` or `continue` token.
    fn check_keyword_statement_before_if(&mut self, tok: Token) -> PResult<()> {
        // All lookahead happens inside `speculate`, which undoes it on failure.
        let conditional = |p: &mut Self| {
            p.bump()?;
            p.expect(TokenKind::If)?;
            p.disjunction()?;
            p.expect(TokenKind::Else)?;
            p.simple_stmt()
        };
        if self.speculate(conditional)?.is_some() {
            return Err(self.error_at_token(
                &tok,
                "expected expression before 'if', but statement is given",
            ));
        }
        Ok(())
    }

    fn simple_stmt(&mut self) -> PResult<Stmt> {
        self.check_statement_before_if()?;
        let tok = self.peek()?;
        match tok.kind {
            TokenKind::Pass => {
                self.bump()?;
                Ok(Stmt::Pass {
                    range: token_range(&tok),
                })
            }
            TokenKind::Break => {
                self.bump()?;
                Ok(Stmt::Break {
                    range: token_range(&tok),
                })
            }
            TokenKind::Continue => {
                self.bump()?;
                Ok(Stmt::Continue {
                    range: token_range(&tok),
                })
            }
            TokenKind::Return => {
                self.bump()?;
                let k = self.peek_kind()?;
                let value = if starts_expression(k) || k == TokenKind::Star {
                    Some(boxed(self.star_expressions()?))
                } else {
                    None
                };
                Ok(Stmt::Return {
                    value,
                    range: self.range_from(&tok),
                })
            }
            TokenKind::Raise => self.raise_stmt(),
            TokenKind::Global | TokenKind::Nonlocal => {
                self.bump()?;
                let mut names = Vec::new();
                loop {
                    let name = self.expect(TokenKind::Name)?;
                    names.push(self.identifier(&name));
                    if self.eat(TokenKind::Comma)?.is_none() {
                        break;
                    }
                }
                let range = self.range_from(&tok);
                Ok(if tok.kind == TokenKind::Global {
                    Stmt::Global { names, range }
                } else {
                    Stmt::Nonlocal { names, range }
                })
            }
            TokenKind::Del => self.del_stmt(),
            TokenKind::Assert => {
                self.bump()?;
                let test = self.expression()?;
                let msg = if self.eat(TokenKind::Comma)?.is_some() {
                    Some(boxed(self.expression()?))
                } else {
                    None
                };
                Ok(Stmt::Assert {
                    test: boxed(test),
                    msg,
                    range: self.range_from(&tok),
                })
            }
            TokenKind::Import => self.import_name(),
            TokenKind::From => self.import_from(),
            TokenKind::Name
                if self.text(&tok) == "type" && self.peek_nth(1)?.kind == TokenKind::Name =>
            {
                let mark = self.mark();
                match self.type_alias() {
                    Err(ParseError::Fail) => {
                        self.reset(mark);
                        self.expression_statement()
                    }
                    other => other,
                }
            }
            _ => self.expression_statement(),
        }
    }

    fn raise_stmt(&mut self) -> PResult<Stmt> {
        let tok = self.expect(TokenKind::Raise)?;
        if !starts_expression(self.peek_kind()?) {
            return Ok(Stmt::Raise {
                exc: None,
                cause: None,
                range: self.range_from(&tok),
            });
        }
        let exc = self.expression()?;
        let cause = if self.eat(TokenKind::From)?.is_some() {
            Some(boxed(self.expression()?))
        } else {
            None
        };
        Ok(Stmt::Raise {
            exc: Some(boxed(exc)),
            cause,
            range: self.range_from(&tok),
        })
    }

    fn del_stmt(&mut self) -> PResult<Stmt> {
        let tok = self.expect(TokenKind::Del)?;
        let mut targets = Vec::new();
        loop {
            let e = self.star_expression()?;
            targets.push(e);
            if self.eat(TokenKind::Comma)?.is_none() {
                break;
            }
            let k = self.peek_kind()?;
            if !(starts_expression(k) || k == TokenKind::Star) {
                break;
            }
        }
        if !matches!(self.peek_kind()?, TokenKind::Semi | TokenKind::Newline) {
            return Err(ParseError::Fail);
        }
        let targets = targets
            .into_iter()
            .map(|t| self.make_target(t, TargetKind::Del))
            .collect::<PResult<Vec<_>>>()?;
        Ok(Stmt::Delete {
            targets,
            range: self.range_from(&tok),
        })
    }

    /// Expression statements, assignments, annotated and augmented assignments.
    fn expression_statement(&mut self) -> PResult<Stmt> {
        let start = self.peek()?;
        let first = if start.kind == TokenKind::Yield {
            self.yield_expr()?
        } else {
            self.star_expressions()?
        };
        let next = self.peek()?;
        match next.kind {
            TokenKind::Colon => self.annotated_assignment(start, first),
            TokenKind::Equal => self.assignment(start, first),
            kind => {
                if let Some(op) = augassign_op(kind) {
                    let target = match first {
                        Expr::Name { .. } | Expr::Attribute { .. } | Expr::Subscript { .. } => {
                            super::targets::set_context(first, ExprContext::Store)
                        }
                        other => {
                            return Err(self.error_at(
                                format!(
                                    "'{}' is an illegal expression for augmented assignment",
                                    expr_name(&other)
                                ),
                                other.range(),
                            ))
                        }
                    };
                    self.bump()?;
                    let value = self.annotated_rhs()?;
                    return Ok(Stmt::AugAssign {
                        target: boxed(target),
                        op,
                        value: boxed(value),
                        range: self.range_from(&start),
                    });
                }
                Ok(Stmt::Expr {
                    value: boxed(first),
                    range: self.range_from(&start),
                })
            }
        }
    }

    /// `annotated_rhs`: `yield_expr | star_expressions`.
    fn annotated_rhs(&mut self) -> PResult<Expr> {
        if self.at(TokenKind::Yield)? {
            self.yield_expr()
        } else {
            self.star_expressions()
        }
    }

    fn annotated_assignment(&mut self, start: Token, target: Expr) -> PResult<Stmt> {
        let parenthesized = start.kind == TokenKind::Lpar;
        let simple = matches!(target, Expr::Name { .. }) && !parenthesized;
        let target = match target {
            Expr::Name { .. } | Expr::Attribute { .. } | Expr::Subscript { .. } => {
                super::targets::set_context(target, ExprContext::Store)
            }
            Expr::Tuple {
                ref elts, range, ..
            } => {
                let at = if parenthesized {
                    range
                } else {
                    elts.first().map_or(range, Expr::range)
                };
                return Err(self.error_at("only single target (not tuple) can be annotated", at));
            }
            Expr::List { range, .. } => {
                return Err(self.error_at("only single target (not list) can be annotated", range));
            }
            other => return Err(self.error_at("illegal target for annotation", other.range())),
        };
        self.expect(TokenKind::Colon)?;
        let annotation = self.expression()?;
        let value = if self.eat(TokenKind::Equal)?.is_some() {
            Some(boxed(self.annotated_rhs()?))
        } else {
            None
        };
        Ok(Stmt::AnnAssign {
            target: boxed(target),
            annotation: boxed(annotation),
            value,
            simple,
            range: self.range_from(&start),
        })
    }

    fn assignment(&mut self, start: Token, first: Expr) -> PResult<Stmt> {
        let mut targets = vec![first];
        // The first target that is an unparenthesized `yield` (a parenthesized one
        // is an ordinary invalid target below).
        let mut yield_target = (start.kind == TokenKind::Yield).then_some(0);
        let (value, rhs_start) = loop {
            self.expect(TokenKind::Equal)?;
            let rhs_start = self.peek()?;
            let rhs = self.annotated_rhs()?;
            if self.at(TokenKind::Equal)? {
                if rhs_start.kind == TokenKind::Yield && yield_target.is_none() {
                    yield_target = Some(targets.len());
                }
                targets.push(rhs);
            } else {
                break (rhs, rhs_start);
            }
        };
        if let Some(target) = yield_target.and_then(|i| targets.get(i)) {
            return Err(self.error_at(
                "assignment to yield expression not possible",
                target.range(),
            ));
        }
        if targets.len() == 1 {
            self.check_tuple_target_equality_hint(&targets[0], &rhs_start)?;
            if let Some(bad) = super::targets::invalid_target(&targets[0], TargetKind::Star) {
                let _ = bad;
                let t = &targets[0];
                if super::targets::takes_equality_hint(start.kind, t) {
                    return Err(self.error_at(
                        format!(
                            "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                            expr_name(t)
                        ),
                        t.range(),
                    ));
                }
            }
        }
        let type_comment = self.type_comment()?;
        let targets = targets
            .into_iter()
            .map(|t| self.make_target(t, TargetKind::Star))
            .collect::<PResult<Vec<_>>>()?;
        Ok(Stmt::Assign {
            targets,
            value: boxed(value),
            type_comment,
            range: self.range_from(&start),
        })
    }

    /// `a, b + c = x`: CPython's `invalid_assignment` reads the target tuple's items
    /// as named expressions, so an invalid last item directly before the `=` (and a
    /// value starting with a `bitwise_or`) gets the "Maybe you meant '=='" hint.
    fn check_tuple_target_equality_hint(&self, target: &Expr, rhs_start: &Token) -> PResult<()> {
        let Expr::Tuple { elts, range, .. } = target else {
            return Ok(());
        };
        let (Some(first), Some(last)) = (elts.first(), elts.last()) else {
            return Ok(());
        };
        let parenthesized =
            first.range().col_offset != range.col_offset || first.range().lineno != range.lineno;
        let value_is_bitwise_or = !matches!(
            rhs_start.kind,
            TokenKind::Not | TokenKind::Lambda | TokenKind::Star | TokenKind::Yield
        );
        if parenthesized
            || !value_is_bitwise_or
            || matches!(last, Expr::Starred { .. })
            || super::targets::invalid_target(last, TargetKind::Star).is_none()
        {
            return Ok(());
        }
        let Some(last_start) = self.token_starting_at(last.range()) else {
            return Ok(());
        };
        if !super::targets::takes_equality_hint(last_start.kind, last) {
            return Ok(());
        }
        Err(self.error_at(
            format!(
                "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                expr_name(last)
            ),
            last.range(),
        ))
    }

    // ----- imports -----

    fn dotted_name(&mut self) -> PResult<String> {
        let first = self.expect(TokenKind::Name)?;
        let mut name = self.identifier(&first);
        while self.at(TokenKind::Dot)? && self.peek_nth(1)?.kind == TokenKind::Name {
            self.bump()?;
            let part = self.bump()?;
            name.push('.');
            name.push_str(&self.identifier(&part));
        }
        Ok(name)
    }

    fn import_name(&mut self) -> PResult<Stmt> {
        let tok = self.expect(TokenKind::Import)?;
        if let Some(nl) = self.eat(TokenKind::Newline)? {
            return Err(self.error_starting_from(
                "Expected one or more names after 'import'",
                token_range(&nl),
            ));
        }
        let mut names = Vec::new();
        loop {
            let start = self.peek()?;
            let name = self.dotted_name()?;
            let asname = self.as_name()?;
            names.push(Alias {
                name,
                asname,
                range: self.range_from(&start),
            });
            if self.eat(TokenKind::Comma)?.is_none() {
                break;
            }
        }
        // `import a from b`: the rule reads the module name after `from` too.
        let from_module = |p: &mut Self| {
            p.expect(TokenKind::From)?;
            p.dotted_name()
        };
        if self.at(TokenKind::From)? && self.speculate(from_module)?.is_some() {
            return Err(self.error_starting_from(
                "Did you mean to use 'from ... import ...' instead?",
                token_range(&tok),
            ));
        }
        Ok(Stmt::Import {
            names,
            range: self.range_from(&tok),
        })
    }

    /// `['as' NAME]` after an import name; a non-name target gets CPython's message.
    fn as_name(&mut self) -> PResult<Option<String>> {
        if self.eat(TokenKind::As)?.is_none() {
            return Ok(None);
        }
        let tok = self.peek()?;
        if tok.kind == TokenKind::Name
            && matches!(
                self.peek_nth(1)?.kind,
                TokenKind::Comma | TokenKind::Rpar | TokenKind::Semi | TokenKind::Newline
            )
        {
            self.bump()?;
            return Ok(Some(self.identifier(&tok)));
        }
        if starts_expression(tok.kind) {
            let e = self.expression()?;
            return Err(self.error_at(
                format!("cannot use {} as import target", expr_name(&e)),
                e.range(),
            ));
        }
        Err(ParseError::Fail)
    }

    fn import_from(&mut self) -> PResult<Stmt> {
        let tok = self.expect(TokenKind::From)?;
        let mut level = 0;
        loop {
            match self.peek_kind()? {
                TokenKind::Dot => level += 1,
                TokenKind::Ellipsis => level += 3,
                _ => break,
            }
            self.bump()?;
        }
        let module = if level == 0 || self.at(TokenKind::Name)? {
            Some(self.dotted_name()?)
        } else {
            None
        };
        self.expect(TokenKind::Import)?;
        let mut names = Vec::new();
        let next = self.peek()?;
        if next.kind == TokenKind::Star {
            self.bump()?;
            names.push(Alias {
                name: "*".to_string(),
                asname: None,
                range: token_range(&next),
            });
        } else if next.kind == TokenKind::Newline {
            return Err(self.error_starting_from(
                "Expected one or more names after 'import'",
                token_range(&next),
            ));
        } else {
            let parenthesized = self.eat(TokenKind::Lpar)?.is_some();
            loop {
                let start = self.expect(TokenKind::Name)?;
                let name = self.identifier(&start);
                let asname = self.as_name()?;
                names.push(Alias {
                    name,
                    asname,
                    range: self.range_from(&start),
                });
                if self.eat(TokenKind::Comma)?.is_none() {
                    break;
                }
                if parenthesized && self.at(TokenKind::Rpar)? {
                    break;
                }
                if !parenthesized && self.at(TokenKind::Newline)? {
                    return Err(self.error_at_last_read(
                        SyntaxErrorKind::SyntaxError,
                        "trailing comma not allowed without surrounding parentheses",
                    ));
                }
            }
            if parenthesized {
                self.expect(TokenKind::Rpar)?;
            }
        }
        Ok(Stmt::ImportFrom {
            module,
            names,
            level,
            range: self.range_from(&tok),
        })
    }

    // ----- blocks -----

    /// `block`: an indented suite or simple statements on the same line. `what`
    /// names the statement for "expected an indented block after ..." (`header`
    /// is its first token).
    pub(crate) fn block(&mut self, what: &str, header: &Token) -> PResult<Vec<Stmt>> {
        if self.eat(TokenKind::Newline)?.is_none() {
            return self.collect_statements(Self::simple_stmts);
        }
        if self.eat(TokenKind::Indent)?.is_none() {
            let msg = format!(
                "expected an indented block after {what} on line {}",
                header.lineno
            );
            return Err(self.error_at_last_read(SyntaxErrorKind::IndentationError, msg));
        }
        self.enter(BLOCK_COST)?;
        let result = self.collect_statements(|p| {
            while p.eat(TokenKind::Dedent)?.is_none() {
                p.statement()?;
            }
            Ok(())
        });
        self.leave(BLOCK_COST);
        result
    }

    /// `':'` before a block, with CPython's "expected ':'" when a newline comes instead.
    fn block_colon(&mut self) -> PResult<()> {
        if self.eat(TokenKind::Colon)?.is_some() {
            return Ok(());
        }
        if self.at(TokenKind::Newline)? {
            return Err(self.error_at_last_read(SyntaxErrorKind::SyntaxError, "expected ':'"));
        }
        Err(ParseError::Fail)
    }

    fn else_block(&mut self) -> PResult<Vec<Stmt>> {
        match self.eat(TokenKind::Else)? {
            Some(tok) => {
                self.expect_forced(TokenKind::Colon, ":")?;
                self.block("'else' statement", &tok)
            }
            None => Ok(Vec::new()),
        }
    }

    // ----- compound statements -----

    fn if_stmt(&mut self) -> PResult<Stmt> {
        let tok = self.bump()?;
        let test = self.named_expression()?;
        self.block_colon()?;
        let what = if tok.kind == TokenKind::If {
            "'if' statement"
        } else {
            "'elif' statement"
        };
        let body = self.block(what, &tok)?;
        let orelse = if self.at(TokenKind::Elif)? {
            vec![self.if_stmt()?]
        } else {
            let orelse = self.else_block()?;
            if !orelse.is_empty() && self.at(TokenKind::Elif)? {
                return Err(self.error_at_last_read(
                    SyntaxErrorKind::SyntaxError,
                    "'elif' block follows an 'else' block",
                ));
            }
            orelse
        };
        Ok(Stmt::If {
            test: boxed(test),
            body,
            orelse,
            range: self.range_from(&tok),
        })
    }

    fn while_stmt(&mut self) -> PResult<Stmt> {
        let tok = self.expect(TokenKind::While)?;
        let test = self.named_expression()?;
        self.block_colon()?;
        let body = self.block("'while' statement", &tok)?;
        let orelse = self.else_block()?;
        Ok(Stmt::While {
            test: boxed(test),
            body,
            orelse,
            range: self.range_from(&tok),
        })
    }

    fn for_stmt(&mut self) -> PResult<Stmt> {
        let start = self.peek()?;
        let is_async = self.eat(TokenKind::Async)?.is_some();
        let for_tok = self.expect(TokenKind::For)?;
        let target = self.star_targets_for()?;
        self.expect(TokenKind::In)?;
        let iter = self.star_expressions()?;
        self.block_colon()?;
        let type_comment = self.type_comment()?;
        let body = self.block("'for' statement", &for_tok)?;
        let orelse = self.else_block()?;
        let range = self.range_from(&start);
        let (target, iter) = (boxed(target), boxed(iter));
        Ok(if is_async {
            Stmt::AsyncFor {
                target,
                iter,
                body,
                orelse,
                type_comment: type_comment.clone(),
                range,
            }
        } else {
            Stmt::For {
                target,
                iter,
                body,
                orelse,
                type_comment,
                range,
            }
        })
    }

    fn with_stmt(&mut self) -> PResult<Stmt> {
        let start = self.peek()?;
        let is_async = self.eat(TokenKind::Async)?.is_some();
        let with_tok = self.expect(TokenKind::With)?;
        let mut items = None;
        if self.at(TokenKind::Lpar)? {
            let mark = self.mark();
            self.bump()?;
            match self.with_items(true) {
                Ok(parsed)
                    if self.eat(TokenKind::Rpar)?.is_some() && self.at(TokenKind::Colon)? =>
                {
                    items = Some(parsed)
                }
                Ok(_) | Err(ParseError::Fail) => self.reset(mark),
                Err(e) => return Err(e),
            }
        }
        let items = match items {
            Some(items) => items,
            None => self.with_items(false)?,
        };
        self.block_colon()?;
        let type_comment = self.type_comment()?;
        let body = self.block("'with' statement", &with_tok)?;
        let range = self.range_from(&start);
        Ok(if is_async {
            Stmt::AsyncWith {
                items,
                body,
                type_comment: type_comment.clone(),
                range,
            }
        } else {
            Stmt::With {
                items,
                body,
                type_comment,
                range,
            }
        })
    }

    /// `','.with_item+`, with a trailing comma allowed inside parentheses.
    fn with_items(&mut self, parenthesized: bool) -> PResult<Vec<WithItem>> {
        let mut items = Vec::new();
        loop {
            let context_expr = self.expression()?;
            let optional_vars = if self.eat(TokenKind::As)?.is_some() {
                let target = self.star_target_for_with()?;
                if !matches!(
                    self.peek_kind()?,
                    TokenKind::Comma | TokenKind::Rpar | TokenKind::Colon
                ) {
                    return Err(ParseError::Fail);
                }
                Some(boxed(self.make_target(target, TargetKind::Star)?))
            } else {
                None
            };
            items.push(WithItem {
                context_expr,
                optional_vars,
            });
            if self.eat(TokenKind::Comma)?.is_none() {
                break;
            }
            if parenthesized && self.at(TokenKind::Rpar)? {
                break;
            }
        }
        Ok(items)
    }

    /// The target after `as` in a with item (`star_target`).
    fn star_target_for_with(&mut self) -> PResult<Expr> {
        if let Some(star) = self.eat(TokenKind::Star)? {
            let value = self.star_target_for_with()?;
            return Ok(Expr::Starred {
                value: boxed(value),
                ctx: ExprContext::Load,
                range: self.range_from(&star),
            });
        }
        self.expression()
    }

    fn try_stmt(&mut self) -> PResult<Stmt> {
        let tok = self.expect(TokenKind::Try)?;
        self.expect_forced(TokenKind::Colon, ":")?;
        let body = self.block("'try' statement", &tok)?;
        let mut handlers = Vec::new();
        let mut star: Option<bool> = None;
        while self.at(TokenKind::Except)? {
            let is_star = self.peek_nth(1)?.kind == TokenKind::Star;
            match star {
                Some(prev) if prev != is_star => {
                    let except = self.peek()?;
                    if is_star {
                        let star_tok = self.peek_nth(1)?;
                        return Err(self.error_range(
                            "cannot have both 'except' and 'except*' on the same 'try'",
                            token_range(&except),
                            token_range(&star_tok),
                        ));
                    }
                    return Err(self.error_at_token(
                        &except,
                        "cannot have both 'except' and 'except*' on the same 'try'",
                    ));
                }
                _ => star = Some(is_star),
            }
            handlers.push(self.except_block(is_star)?);
        }
        let orelse = if handlers.is_empty() {
            Vec::new()
        } else {
            self.else_block()?
        };
        let finalbody = match self.eat(TokenKind::Finally)? {
            Some(fin) => {
                self.expect_forced(TokenKind::Colon, ":")?;
                self.block("'finally' statement", &fin)?
            }
            None => Vec::new(),
        };
        if handlers.is_empty() && finalbody.is_empty() {
            return Err(self.error_at_last_read(
                SyntaxErrorKind::SyntaxError,
                "expected 'except' or 'finally' block",
            ));
        }
        let range = self.range_from(&tok);
        Ok(if star == Some(true) {
            Stmt::TryStar {
                body,
                handlers,
                orelse,
                finalbody,
                range,
            }
        } else {
            Stmt::Try {
                body,
                handlers,
                orelse,
                finalbody,
                range,
            }
        })
    }

    fn except_block(&mut self, is_star: bool) -> PResult<ExceptHandler> {
        let tok = self.expect(TokenKind::Except)?;
        if is_star {
            self.expect(TokenKind::Star)?;
            if matches!(self.peek_kind()?, TokenKind::Colon | TokenKind::Newline) {
                return Err(self.error_at_last_read(
                    SyntaxErrorKind::SyntaxError,
                    "expected one or more exception types",
                ));
            }
        }
        let what = if is_star {
            "'except*' statement"
        } else {
            "'except' statement"
        };
        if !is_star && self.at(TokenKind::Colon)? {
            self.bump()?;
            let body = self.block(what, &tok)?;
            return Ok(ExceptHandler::ExceptHandler {
                r#type: None,
                name: None,
                body,
                range: self.range_from(&tok),
            });
        }
        if !is_star && self.at(TokenKind::Newline)? {
            return Err(self.error_at_last_read(SyntaxErrorKind::SyntaxError, "expected ':'"));
        }
        let first = self.expression()?;
        let mut type_expr = first;
        if self.at(TokenKind::Comma)? {
            let tuple_start = type_expr.range();
            let mut elts = vec![type_expr];
            while self.eat(TokenKind::Comma)?.is_some() {
                if !starts_expression(self.peek_kind()?) {
                    break;
                }
                elts.push(self.expression()?);
            }
            // `except A, B as NAME:` (the error runs to the colon).
            if self.eat(TokenKind::As)?.is_some() {
                if self.eat(TokenKind::Name)?.is_some() && self.at(TokenKind::Colon)? {
                    return Err(self.error_starting_from(
                        "multiple exception types must be parenthesized when using 'as'",
                        tuple_start,
                    ));
                }
                return Err(ParseError::Fail);
            }
            type_expr = Expr::Tuple {
                elts,
                ctx: ExprContext::Load,
                range: span(tuple_start, self.last_token_range()),
            };
        }
        let name = if self.eat(TokenKind::As)?.is_some() {
            let tok = self.peek()?;
            if tok.kind == TokenKind::Name
                && matches!(
                    self.peek_nth(1)?.kind,
                    TokenKind::Colon | TokenKind::Newline
                )
            {
                self.bump()?;
                Some(self.identifier(&tok))
            } else {
                let target = self.expression()?;
                if self.at(TokenKind::Colon)? {
                    let what = if is_star { "except*" } else { "except" };
                    return Err(self.error_at(
                        format!("cannot use {what} statement with {}", expr_name(&target)),
                        target.range(),
                    ));
                }
                return Err(ParseError::Fail);
            }
        } else {
            None
        };
        self.block_colon()?;
        let body = self.block(what, &tok)?;
        Ok(ExceptHandler::ExceptHandler {
            r#type: Some(boxed(type_expr)),
            name,
            body,
            range: self.range_from(&tok),
        })
    }

    /// Decorators followed by a function or class definition.
    fn decorated(&mut self) -> PResult<Stmt> {
        let mut decorators = Vec::new();
        while self.eat(TokenKind::At)?.is_some() {
            decorators.push(self.named_expression()?);
            self.expect(TokenKind::Newline)?;
        }
        match self.peek_kind()? {
            TokenKind::Class => self.class_def(decorators),
            TokenKind::Def | TokenKind::Async => self.function_def(decorators),
            _ => Err(ParseError::Fail),
        }
    }

    fn class_def(&mut self, decorator_list: Vec<Expr>) -> PResult<Stmt> {
        let tok = self.expect(TokenKind::Class)?;
        let name_tok = self.expect(TokenKind::Name)?;
        let type_params = self.optional_type_params()?;
        let (bases, keywords) = if self.at(TokenKind::Lpar)? {
            self.parenthesized_arguments(super::arguments::SoleGenerator::Rejected)?
        } else {
            (Vec::new(), Vec::new())
        };
        self.block_colon()?;
        let body = self.block("class definition", &tok)?;
        Ok(Stmt::ClassDef {
            name: self.identifier(&name_tok),
            bases,
            keywords,
            body,
            decorator_list,
            type_params,
            range: self.range_from(&tok),
        })
    }

    fn function_def(&mut self, decorator_list: Vec<Expr>) -> PResult<Stmt> {
        let start = self.peek()?;
        let is_async = self.eat(TokenKind::Async)?.is_some();
        let def_tok = self.expect(TokenKind::Def)?;
        let name_tok = self.expect(TokenKind::Name)?;
        // The type parameters and the return annotation are optional: when they do
        // not parse, the forced `(` / `:` that follow report "expected ...".
        let mark = self.mark();
        let type_params = match self.optional_type_params() {
            Err(ParseError::Fail) => {
                self.reset(mark);
                Default::default()
            }
            other => other?,
        };
        self.expect_forced(TokenKind::Lpar, "(")?;
        let args = self.parameters(true)?;
        self.expect(TokenKind::Rpar)?;
        let mark = self.mark();
        let returns = if self.eat(TokenKind::Rarrow)?.is_some() {
            match self.expression() {
                Err(ParseError::Fail) => {
                    self.reset(mark);
                    None
                }
                other => Some(boxed(other?)),
            }
        } else {
            None
        };
        self.expect_forced(TokenKind::Colon, ":")?;
        let type_comment = self.func_type_comment()?;
        let body = self.block("function definition", &def_tok)?;
        let name = self.identifier(&name_tok);
        let range = self.range_from(&start);
        let args = Box::new(args);
        Ok(if is_async {
            Stmt::AsyncFunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                type_comment: type_comment.clone(),
                type_params,
                range,
            }
        } else {
            Stmt::FunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                type_comment,
                type_params,
                range,
            }
        })
    }

    /// `func_type_comment`: a signature comment after a `def`'s colon, on the same
    /// line or alone on the next line when the indented body follows.
    fn func_type_comment(&mut self) -> PResult<Option<String>> {
        use TokenKind::{Indent, Newline, TypeComment};
        if self.next_kinds_are(&[Newline, TypeComment, Newline, Indent])? {
            self.bump()?;
            return self.type_comment();
        }
        if self.next_kinds_are(&[TypeComment, Newline, TypeComment, Newline, Indent])? {
            return Err(self.error_at_last_read(
                SyntaxErrorKind::SyntaxError,
                "Cannot have two type comments on def",
            ));
        }
        self.type_comment()
    }

    // ----- type parameters and aliases -----

    fn type_alias(&mut self) -> PResult<Stmt> {
        let tok = self.bump()?;
        let name_tok = self.expect(TokenKind::Name)?;
        let type_params = match self.optional_type_params() {
            Err(ParseError::Error(e)) if e.msg == EMPTY_TYPE_PARAMS && self.pos > 0 => {
                // CPython's first pass had read on to the `=` (or the line's end),
                // and the error's end is where it stopped.
                let mut i = 0;
                while !matches!(
                    self.peek_nth(i)?.kind,
                    TokenKind::Equal | TokenKind::Newline | TokenKind::EndMarker
                ) {
                    i += 1;
                }
                let close = self.tokens[self.pos - 1];
                return Err(self.error_starting_from(EMPTY_TYPE_PARAMS, token_range(&close)));
            }
            other => other?,
        };
        self.expect(TokenKind::Equal)?;
        let value = self.expression()?;
        Ok(Stmt::TypeAlias {
            name: boxed(Expr::Name {
                id: self.identifier(&name_tok),
                ctx: ExprContext::Store,
                range: token_range(&name_tok),
            }),
            type_params,
            value: boxed(value),
            range: self.range_from(&tok),
        })
    }

    fn optional_type_params(&mut self) -> PResult<Vec<TypeParam>> {
        if !self.at(TokenKind::Lsqb)? {
            return Ok(Vec::new());
        }
        self.bump()?;
        if let Some(close) = self.eat(TokenKind::Rsqb)? {
            return Err(self.error_starting_from(EMPTY_TYPE_PARAMS, token_range(&close)));
        }
        let mut params = Vec::new();
        loop {
            params.push(self.type_param()?);
            if self.eat(TokenKind::Comma)?.is_none() || self.at(TokenKind::Rsqb)? {
                break;
            }
        }
        self.expect(TokenKind::Rsqb)?;
        Ok(params)
    }

    fn type_param(&mut self) -> PResult<TypeParam> {
        let start = self.peek()?;
        match start.kind {
            TokenKind::Star | TokenKind::DoubleStar => {
                self.bump()?;
                let name_tok = self.expect(TokenKind::Name)?;
                if let Some(colon) = self.eat(TokenKind::Colon)? {
                    let e = self.expression()?;
                    let which = if start.kind == TokenKind::Star {
                        "TypeVarTuple"
                    } else {
                        "ParamSpec"
                    };
                    let what = if matches!(e, Expr::Tuple { .. }) {
                        "constraints"
                    } else {
                        "bound"
                    };
                    return Err(self.error_starting_from(
                        format!("cannot use {what} with {which}"),
                        token_range(&colon),
                    ));
                }
                let name = self.identifier(&name_tok);
                let default_value = if self.eat(TokenKind::Equal)?.is_some() {
                    Some(boxed(if start.kind == TokenKind::Star {
                        self.star_expression()?
                    } else {
                        self.expression()?
                    }))
                } else {
                    None
                };
                let range = self.range_from(&start);
                Ok(if start.kind == TokenKind::Star {
                    TypeParam::TypeVarTuple {
                        name,
                        default_value,
                        range,
                    }
                } else {
                    TypeParam::ParamSpec {
                        name,
                        default_value,
                        range,
                    }
                })
            }
            _ => {
                let name_tok = self.expect(TokenKind::Name)?;
                let bound = if self.eat(TokenKind::Colon)?.is_some() {
                    Some(boxed(self.expression()?))
                } else {
                    None
                };
                let default_value = if self.eat(TokenKind::Equal)?.is_some() {
                    Some(boxed(self.expression()?))
                } else {
                    None
                };
                Ok(TypeParam::TypeVar {
                    name: self.identifier(&name_tok),
                    bound,
                    default_value,
                    range: self.range_from(&start),
                })
            }
        }
    }
}
