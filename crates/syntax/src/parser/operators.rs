//! The operator levels of an expression, from `disjunction` down to
//! `await_primary`: boolean operators, `not`, comparisons, binary operators by
//! precedence climbing, unary operators and `**`.

use super::expressions::{boxed, ends_expression, is_unary_prefix, starts_atom};
use super::{span, token_range, PResult, ParseError, Parser, MAX_TREE_DEPTH};
use crate::ast::{BoolOp, CmpOp, Expr, Operator, UnaryOp};
use crate::token::{Token, TokenKind};

/// The comparison operator a token starts (`not` stands for `not in`).
fn comparison_op(kind: TokenKind) -> Option<CmpOp> {
    use TokenKind::*;
    Some(match kind {
        EqEqual => CmpOp::Eq,
        NotEqual => CmpOp::NotEq,
        Less => CmpOp::Lt,
        LessEqual => CmpOp::LtE,
        Greater => CmpOp::Gt,
        GreaterEqual => CmpOp::GtE,
        In => CmpOp::In,
        Is => CmpOp::Is,
        Not => CmpOp::NotIn,
        _ => return Option::None,
    })
}

/// Precedence of `+` and `-`; operators from here up reject a `not` operand.
const ADDITIVE_PRECEDENCE: u8 = 4;

/// The binary operator a token stands for and its precedence, from 0 (`|`) to 5
/// (`*`, `/`, `//`, `%`, `@`); `**` binds tighter and belongs to `factor`.
fn binary_operator(kind: TokenKind) -> Option<(Operator, u8)> {
    use TokenKind::*;
    Some(match kind {
        Vbar => (Operator::BitOr, 0),
        Circumflex => (Operator::BitXor, 1),
        Amper => (Operator::BitAnd, 2),
        LeftShift => (Operator::LShift, 3),
        RightShift => (Operator::RShift, 3),
        Plus => (Operator::Add, ADDITIVE_PRECEDENCE),
        Minus => (Operator::Sub, ADDITIVE_PRECEDENCE),
        Star => (Operator::Mult, 5),
        Slash => (Operator::Div, 5),
        DoubleSlash => (Operator::FloorDiv, 5),
        Percent => (Operator::Mod, 5),
        At => (Operator::MatMult, 5),
        _ => return Option::None,
    })
}

/// The keyword joining the operands of a boolean operation.
fn bool_op_keyword(op: BoolOp) -> TokenKind {
    match op {
        BoolOp::And => TokenKind::And,
        BoolOp::Or => TokenKind::Or,
    }
}

impl Parser<'_> {
    /// `disjunction`: `conjunction ('or' conjunction)*`. The usual operand, a
    /// comparison not starting with `not`, is parsed here directly instead of
    /// through `conjunction`, `inversion` and `comparison`, which would each only
    /// hand it up.
    pub(crate) fn disjunction(&mut self) -> PResult<Expr> {
        let start = self.peek()?;
        if starts_atom(start.kind) {
            // Most operands are a bare primary: every level above it would only
            // look at the next token and hand it up.
            let primary = self.primary()?;
            if ends_expression(self.peek_kind()?) {
                return Ok(primary);
            }
            return self.disjunction_from_primary(&start, primary);
        }
        let first = if start.kind == TokenKind::Not {
            self.conjunction()?
        } else {
            let left = self.bitwise_or()?;
            let comparison = self.comparison_rest(&start, left)?;
            self.bool_op_rest(BoolOp::And, &start, comparison)?
        };
        self.bool_op_rest(BoolOp::Or, &start, first)
    }

    /// The rest of a `disjunction` whose first `primary`, begun at `start`, is
    /// parsed: the `power`, binary, comparison and boolean operators after it.
    pub(super) fn disjunction_from_primary(
        &mut self,
        start: &Token,
        primary: Expr,
    ) -> PResult<Expr> {
        let factor = if self.at(TokenKind::DoubleStar)? {
            self.power_chain(Vec::new(), *start, primary)?
        } else {
            primary
        };
        let left = self.binary_operators_rest(0, start, factor)?;
        let comparison = self.comparison_rest(start, left)?;
        let conjunction = self.bool_op_rest(BoolOp::And, start, comparison)?;
        self.bool_op_rest(BoolOp::Or, start, conjunction)
    }

    /// `conjunction`: `inversion ('and' inversion)*`.
    fn conjunction(&mut self) -> PResult<Expr> {
        let start = self.peek()?;
        let first = self.inversion()?;
        self.bool_op_rest(BoolOp::And, &start, first)
    }

    /// The rest of a `conjunction` (`op` is `And`) or `disjunction` (`Or`) whose
    /// first operand, begun at `start`, is parsed. Inline for the usual case of no
    /// operator, where it only hands `first` back.
    #[inline(always)]
    fn bool_op_rest(&mut self, op: BoolOp, start: &Token, first: Expr) -> PResult<Expr> {
        if self.peek_kind()? != bool_op_keyword(op) {
            return Ok(first);
        }
        self.bool_op_values(op, start, first)
    }

    /// `bool_op_rest` when its keyword is next.
    fn bool_op_values(&mut self, op: BoolOp, start: &Token, first: Expr) -> PResult<Expr> {
        let keyword = bool_op_keyword(op);
        let mut values = vec![first];
        while self.eat(keyword)?.is_some() {
            values.push(match op {
                BoolOp::And => self.inversion()?,
                BoolOp::Or => self.conjunction()?,
            });
        }
        Ok(Expr::BoolOp {
            op,
            values,
            range: self.range_from(start),
        })
    }

    /// `inversion`: `'not'* comparison`, parsed iteratively.
    fn inversion(&mut self) -> PResult<Expr> {
        let mut nots = Vec::new();
        while let Some(tok) = self.eat(TokenKind::Not)? {
            nots.push(tok);
        }
        if nots.is_empty() {
            return self.comparison();
        }
        let cost = nots.len() as u32;
        self.enter(cost)?;
        let operand = self.comparison();
        self.leave(cost);
        let mut e = operand?;
        let end = self.last_token_range();
        while let Some(tok) = nots.pop() {
            let range = span(token_range(&tok), end);
            e = Expr::UnaryOp {
                op: UnaryOp::Not,
                operand: boxed(e),
                range,
            };
        }
        Ok(e)
    }

    fn comparison(&mut self) -> PResult<Expr> {
        let start = self.peek()?;
        let left = self.bitwise_or()?;
        self.comparison_rest(&start, left)
    }

    /// The comparison operators and operands after `left`, begun at `start`.
    /// Inline for the usual case of no operator, where it only hands `left` back.
    #[inline(always)]
    fn comparison_rest(&mut self, start: &Token, left: Expr) -> PResult<Expr> {
        if comparison_op(self.peek_kind()?).is_none() {
            return Ok(left);
        }
        self.comparison_operands(start, left)
    }

    /// `comparison_rest` when a comparison operator (or `not`) is next.
    fn comparison_operands(&mut self, start: &Token, left: Expr) -> PResult<Expr> {
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        loop {
            let tok = self.peek()?;
            let Some(mut op) = comparison_op(tok.kind) else {
                break;
            };
            if tok.kind == TokenKind::Not {
                if self.peek_nth(1)?.kind != TokenKind::In {
                    break;
                }
                self.bump()?;
            }
            if tok.kind == TokenKind::NotEqual && self.text(&tok) == "<>" {
                return Err(self.error_at_token(
                    &tok,
                    "invalid syntax.  Maybe you meant '!=' instead of '<>'?",
                ));
            }
            self.bump()?;
            if tok.kind == TokenKind::Is && self.eat(TokenKind::Not)?.is_some() {
                op = CmpOp::IsNot;
            }
            ops.push(op);
            comparators.push(self.bitwise_or()?);
        }
        if ops.is_empty() {
            return Ok(left);
        }
        Ok(Expr::Compare {
            left: boxed(left),
            ops,
            comparators,
            range: self.range_from(start),
        })
    }

    /// `bitwise_or`: the left-associative binary operators, from `|` down to `term`.
    pub(crate) fn bitwise_or(&mut self) -> PResult<Expr> {
        self.binary_operators(0)
    }

    /// Factors joined by binary operators of at least `min_precedence` (see
    /// [`binary_operator`]), by precedence climbing: one loop per operand instead
    /// of one rule per grammar level (`bitwise_or` ... `term`), which would pass
    /// every atom up through six calls. The right operand of an operator only takes
    /// tighter operators, so the recursion is at most six calls deep.
    fn binary_operators(&mut self, min_precedence: u8) -> PResult<Expr> {
        let start = self.peek()?;
        let left = self.factor()?;
        self.binary_operators_rest(min_precedence, &start, left)
    }

    /// The operators of at least `min_precedence` and their operands after
    /// `left`, begun at `start`.
    fn binary_operators_rest(
        &mut self,
        min_precedence: u8,
        start: &Token,
        mut left: Expr,
    ) -> PResult<Expr> {
        let mut depth = 0;
        while let Some((op, precedence)) = binary_operator(self.peek_kind()?) {
            if precedence < min_precedence {
                break;
            }
            self.bump()?;
            if precedence >= ADDITIVE_PRECEDENCE && self.at(TokenKind::Not)? {
                let not_tok = self.peek()?;
                let operand = self.inversion()?;
                return Err(self.error_range(
                    "'not' after an operator must be parenthesized",
                    token_range(&not_tok),
                    operand.range(),
                ));
            }
            let right = self.binary_operators(precedence + 1)?;
            depth += 1;
            if depth > MAX_TREE_DEPTH {
                return Err(self.too_deep());
            }
            left = Expr::BinOp {
                left: boxed(left),
                op,
                right: boxed(right),
                range: self.range_from(start),
            };
        }
        Ok(left)
    }

    /// `factor` and `power`, parsed iteratively: prefix operators, then operands
    /// joined by right-associative `**`. Inline for the usual operand, a bare
    /// `await_primary`.
    #[inline]
    fn factor(&mut self) -> PResult<Expr> {
        let base_start = self.peek()?;
        if is_unary_prefix(base_start.kind) {
            return self.prefixed_factor();
        }
        let base = self.await_primary()?;
        if !self.at(TokenKind::DoubleStar)? {
            return Ok(base);
        }
        self.power_chain(Vec::new(), base_start, base)
    }

    /// `factor` starting with unary `+`, `-` or `~`.
    fn prefixed_factor(&mut self) -> PResult<Expr> {
        let mut prefixes = Vec::new();
        let mut cost = 0;
        loop {
            let tok = self.peek()?;
            if !is_unary_prefix(tok.kind) {
                break;
            }
            self.bump()?;
            if self.at(TokenKind::Not)? {
                let not_tok = self.peek()?;
                let operand = self.inversion()?;
                self.leave(cost);
                return Err(self.error_range(
                    "'not' after an operator must be parenthesized",
                    token_range(&not_tok),
                    operand.range(),
                ));
            }
            prefixes.push(tok);
            cost += 1;
            if let Err(e) = self.enter(1) {
                self.leave(cost - 1);
                return Err(e);
            }
        }
        let base_start = self.peek();
        let base = base_start.and_then(|t| self.await_primary().map(|b| (t, b)));
        let result = match base {
            Ok((base_start, base)) => self.power_chain(prefixes, base_start, base),
            Err(e) => Err(e),
        };
        self.leave(cost);
        result
    }

    /// Continue from `prefixes base` with any `** factor` tail. Every node built
    /// here ends where the whole chain ends; a power node starts at its left
    /// operand's first token (a parenthesis included).
    fn power_chain(
        &mut self,
        prefixes: Vec<Token>,
        base_start: Token,
        base: Expr,
    ) -> PResult<Expr> {
        let mut segments: Vec<(Vec<Token>, Token, Expr)> = vec![(prefixes, base_start, base)];
        let mut cost = 0;
        while self.eat(TokenKind::DoubleStar)?.is_some() {
            let mut ops = Vec::new();
            loop {
                let tok = self.peek()?;
                if !is_unary_prefix(tok.kind) {
                    break;
                }
                self.bump()?;
                ops.push(tok);
            }
            let step = 2 + ops.len() as u32;
            if let Err(e) = self.enter(step) {
                self.leave(cost);
                return Err(e);
            }
            cost += step;
            let operand_start = self.peek()?;
            let operand = match self.await_primary() {
                Ok(e) => e,
                Err(e) => {
                    self.leave(cost);
                    return Err(e);
                }
            };
            segments.push((ops, operand_start, operand));
        }
        self.leave(cost);
        let end = self.last_token_range();
        let mut result: Option<Expr> = None;
        while let Some((ops, operand_start, operand)) = segments.pop() {
            let mut e = match result.take() {
                Some(right) => Expr::BinOp {
                    left: boxed(operand),
                    op: Operator::Pow,
                    right: boxed(right),
                    range: span(token_range(&operand_start), end),
                },
                None => operand,
            };
            for tok in ops.iter().rev() {
                let op = match tok.kind {
                    TokenKind::Plus => UnaryOp::UAdd,
                    TokenKind::Minus => UnaryOp::USub,
                    _ => UnaryOp::Invert,
                };
                e = Expr::UnaryOp {
                    op,
                    operand: boxed(e),
                    range: span(token_range(tok), end),
                };
            }
            result = Some(e);
        }
        result.ok_or(ParseError::Fail)
    }

    fn await_primary(&mut self) -> PResult<Expr> {
        if let Some(tok) = self.eat(TokenKind::Await)? {
            let value = self.primary()?;
            return Ok(Expr::Await {
                value: boxed(value),
                range: self.range_from(&tok),
            });
        }
        self.primary()
    }
}

#[cfg(test)]
mod tests {
    //! Expected dumps are CPython 3.14's `ast.dump(ast.parse(source),
    //! include_attributes=True)`: operator levels entered from a parsed primary
    //! (the fast path of `disjunction`) or from the top must nest alike.

    fn dump(source: &str) -> String {
        match crate::parse(source, crate::Mode::Exec, "<test>") {
            Ok(module) => crate::ast_dump(&module, true, None),
            Err(err) => format!("{err:?}"),
        }
    }

    #[test]
    fn operator_levels_nest_and_span_as_the_reference() {
        let cases = [
            (
                "x = a.b(c)[d] ** -e ** f * g + h << i & j ^ k | l\n",
                r#"Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Subscript(value=Call(func=Attribute(value=Name(id='a', ctx=Load(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), attr='b', ctx=Load(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=7), args=[Name(id='c', ctx=Load(), lineno=1, col_offset=8, end_lineno=1, end_col_offset=9)], lineno=1, col_offset=4, end_lineno=1, end_col_offset=10), slice=Name(id='d', ctx=Load(), lineno=1, col_offset=11, end_lineno=1, end_col_offset=12), ctx=Load(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=13), op=Pow(), right=UnaryOp(op=USub(), operand=BinOp(left=Name(id='e', ctx=Load(), lineno=1, col_offset=18, end_lineno=1, end_col_offset=19), op=Pow(), right=Name(id='f', ctx=Load(), lineno=1, col_offset=23, end_lineno=1, end_col_offset=24), lineno=1, col_offset=18, end_lineno=1, end_col_offset=24), lineno=1, col_offset=17, end_lineno=1, end_col_offset=24), lineno=1, col_offset=4, end_lineno=1, end_col_offset=24), op=Mult(), right=Name(id='g', ctx=Load(), lineno=1, col_offset=27, end_lineno=1, end_col_offset=28), lineno=1, col_offset=4, end_lineno=1, end_col_offset=28), op=Add(), right=Name(id='h', ctx=Load(), lineno=1, col_offset=31, end_lineno=1, end_col_offset=32), lineno=1, col_offset=4, end_lineno=1, end_col_offset=32), op=LShift(), right=Name(id='i', ctx=Load(), lineno=1, col_offset=36, end_lineno=1, end_col_offset=37), lineno=1, col_offset=4, end_lineno=1, end_col_offset=37), op=BitAnd(), right=Name(id='j', ctx=Load(), lineno=1, col_offset=40, end_lineno=1, end_col_offset=41), lineno=1, col_offset=4, end_lineno=1, end_col_offset=41), op=BitXor(), right=Name(id='k', ctx=Load(), lineno=1, col_offset=44, end_lineno=1, end_col_offset=45), lineno=1, col_offset=4, end_lineno=1, end_col_offset=45), op=BitOr(), right=Name(id='l', ctx=Load(), lineno=1, col_offset=48, end_lineno=1, end_col_offset=49), lineno=1, col_offset=4, end_lineno=1, end_col_offset=49), lineno=1, col_offset=0, end_lineno=1, end_col_offset=49)])"#,
            ),
            (
                "y = a < b.c <= d not in e is not f and not g or h(i) if j else k\n",
                r#"Module(body=[Assign(targets=[Name(id='y', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=IfExp(test=Name(id='j', ctx=Load(), lineno=1, col_offset=56, end_lineno=1, end_col_offset=57), body=BoolOp(op=Or(), values=[BoolOp(op=And(), values=[Compare(left=Name(id='a', ctx=Load(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), ops=[Lt(), LtE(), NotIn(), IsNot()], comparators=[Attribute(value=Name(id='b', ctx=Load(), lineno=1, col_offset=8, end_lineno=1, end_col_offset=9), attr='c', ctx=Load(), lineno=1, col_offset=8, end_lineno=1, end_col_offset=11), Name(id='d', ctx=Load(), lineno=1, col_offset=15, end_lineno=1, end_col_offset=16), Name(id='e', ctx=Load(), lineno=1, col_offset=24, end_lineno=1, end_col_offset=25), Name(id='f', ctx=Load(), lineno=1, col_offset=33, end_lineno=1, end_col_offset=34)], lineno=1, col_offset=4, end_lineno=1, end_col_offset=34), UnaryOp(op=Not(), operand=Name(id='g', ctx=Load(), lineno=1, col_offset=43, end_lineno=1, end_col_offset=44), lineno=1, col_offset=39, end_lineno=1, end_col_offset=44)], lineno=1, col_offset=4, end_lineno=1, end_col_offset=44), Call(func=Name(id='h', ctx=Load(), lineno=1, col_offset=48, end_lineno=1, end_col_offset=49), args=[Name(id='i', ctx=Load(), lineno=1, col_offset=50, end_lineno=1, end_col_offset=51)], lineno=1, col_offset=48, end_lineno=1, end_col_offset=52)], lineno=1, col_offset=4, end_lineno=1, end_col_offset=52), orelse=Name(id='k', ctx=Load(), lineno=1, col_offset=63, end_lineno=1, end_col_offset=64), lineno=1, col_offset=4, end_lineno=1, end_col_offset=64), lineno=1, col_offset=0, end_lineno=1, end_col_offset=64)])"#,
            ),
            (
                "f(a, b.c, *d, e=f, **g)[h:i, ::j]\n",
                r#"Module(body=[Expr(value=Subscript(value=Call(func=Name(id='f', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), args=[Name(id='a', ctx=Load(), lineno=1, col_offset=2, end_lineno=1, end_col_offset=3), Attribute(value=Name(id='b', ctx=Load(), lineno=1, col_offset=5, end_lineno=1, end_col_offset=6), attr='c', ctx=Load(), lineno=1, col_offset=5, end_lineno=1, end_col_offset=8), Starred(value=Name(id='d', ctx=Load(), lineno=1, col_offset=11, end_lineno=1, end_col_offset=12), ctx=Load(), lineno=1, col_offset=10, end_lineno=1, end_col_offset=12)], keywords=[keyword(arg='e', value=Name(id='f', ctx=Load(), lineno=1, col_offset=16, end_lineno=1, end_col_offset=17), lineno=1, col_offset=14, end_lineno=1, end_col_offset=17), keyword(value=Name(id='g', ctx=Load(), lineno=1, col_offset=21, end_lineno=1, end_col_offset=22), lineno=1, col_offset=19, end_lineno=1, end_col_offset=22)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=23), slice=Tuple(elts=[Slice(lower=Name(id='h', ctx=Load(), lineno=1, col_offset=24, end_lineno=1, end_col_offset=25), upper=Name(id='i', ctx=Load(), lineno=1, col_offset=26, end_lineno=1, end_col_offset=27), lineno=1, col_offset=24, end_lineno=1, end_col_offset=27), Slice(step=Name(id='j', ctx=Load(), lineno=1, col_offset=31, end_lineno=1, end_col_offset=32), lineno=1, col_offset=29, end_lineno=1, end_col_offset=32)], ctx=Load(), lineno=1, col_offset=24, end_lineno=1, end_col_offset=32), ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=33), lineno=1, col_offset=0, end_lineno=1, end_col_offset=33)])"#,
            ),
            (
                "z = [a, b.c] + {d: e.f} - (g, h.i)\n",
                r#"Module(body=[Assign(targets=[Name(id='z', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=BinOp(left=BinOp(left=List(elts=[Name(id='a', ctx=Load(), lineno=1, col_offset=5, end_lineno=1, end_col_offset=6), Attribute(value=Name(id='b', ctx=Load(), lineno=1, col_offset=8, end_lineno=1, end_col_offset=9), attr='c', ctx=Load(), lineno=1, col_offset=8, end_lineno=1, end_col_offset=11)], ctx=Load(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=12), op=Add(), right=Dict(keys=[Name(id='d', ctx=Load(), lineno=1, col_offset=16, end_lineno=1, end_col_offset=17)], values=[Attribute(value=Name(id='e', ctx=Load(), lineno=1, col_offset=19, end_lineno=1, end_col_offset=20), attr='f', ctx=Load(), lineno=1, col_offset=19, end_lineno=1, end_col_offset=22)], lineno=1, col_offset=15, end_lineno=1, end_col_offset=23), lineno=1, col_offset=4, end_lineno=1, end_col_offset=23), op=Sub(), right=Tuple(elts=[Name(id='g', ctx=Load(), lineno=1, col_offset=27, end_lineno=1, end_col_offset=28), Attribute(value=Name(id='h', ctx=Load(), lineno=1, col_offset=30, end_lineno=1, end_col_offset=31), attr='i', ctx=Load(), lineno=1, col_offset=30, end_lineno=1, end_col_offset=33)], ctx=Load(), lineno=1, col_offset=26, end_lineno=1, end_col_offset=34), lineno=1, col_offset=4, end_lineno=1, end_col_offset=34), lineno=1, col_offset=0, end_lineno=1, end_col_offset=34)])"#,
            ),
        ];
        for (source, expected) in cases {
            assert_eq!(dump(source), expected, "{source}");
        }
    }
}
