//! Assignment, deletion and loop targets.
//!
//! Targets are parsed as expressions and then validated and switched to Store/Del
//! context (CPython's `_PyPegen_set_expr_context`); an invalid target yields the
//! message CPython builds with `_PyPegen_get_invalid_target`.

use super::{PResult, Parser};
use crate::ast::{Constant, Expr, ExprContext};
use crate::token::TokenKind;

/// Which statement a target belongs to (changes the verb and a few rules).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TargetKind {
    Star,
    Del,
    For,
}

/// Whether CPython's `invalid_named_expression` hint ("cannot assign to X here.
/// Maybe you meant '==' instead of '='?") covers `target`, an expression starting
/// with a token of kind `start`: any `bitwise_or` except a list, a parenthesized
/// tuple or generator expression, `True`, `None` and `False`.
pub(crate) fn takes_equality_hint(start: TokenKind, target: &Expr) -> bool {
    // The grammar's lookahead looks at the expression's first atom only.
    let first_atom = leftmost_operand(target);
    let excluded_start = matches!(start, TokenKind::True | TokenKind::None | TokenKind::False)
        || (start == TokenKind::Lsqb && matches!(first_atom, Expr::List { .. }))
        || (start == TokenKind::Lpar
            && matches!(first_atom, Expr::Tuple { .. } | Expr::GeneratorExp { .. }));
    let below_bitwise_or = matches!(
        target,
        Expr::Compare { .. }
            | Expr::BoolOp { .. }
            | Expr::IfExp { .. }
            | Expr::Lambda { .. }
            | Expr::Tuple { .. }
            | Expr::Starred { .. }
            | Expr::NamedExpr { .. }
            | Expr::UnaryOp {
                op: crate::ast::UnaryOp::Not,
                ..
            }
    );
    !excluded_start && !below_bitwise_or
}

/// The operand an expression starts with (`[1] + x` starts with `[1]`).
fn leftmost_operand(e: &Expr) -> &Expr {
    let mut e = e;
    loop {
        e = match e {
            Expr::BinOp { left, .. } => left,
            Expr::Attribute { value, .. } | Expr::Subscript { value, .. } => value,
            Expr::Call { func, .. } => func,
            _ => return e,
        };
    }
}

/// CPython's `_PyPegen_get_expr_name`: how error messages name an expression.
pub(crate) fn expr_name(e: &Expr) -> &'static str {
    match e {
        Expr::Attribute { .. } => "attribute",
        Expr::Subscript { .. } => "subscript",
        Expr::Starred { .. } => "starred",
        Expr::Name { .. } => "name",
        Expr::List { .. } => "list",
        Expr::Tuple { .. } => "tuple",
        Expr::Lambda { .. } => "lambda",
        Expr::Call { .. } => "function call",
        Expr::BoolOp { .. } | Expr::BinOp { .. } | Expr::UnaryOp { .. } => "expression",
        Expr::GeneratorExp { .. } => "generator expression",
        Expr::Yield { .. } | Expr::YieldFrom { .. } => "yield expression",
        Expr::Await { .. } => "await expression",
        Expr::ListComp { .. } => "list comprehension",
        Expr::SetComp { .. } => "set comprehension",
        Expr::DictComp { .. } => "dict comprehension",
        Expr::Dict { .. } => "dict literal",
        Expr::Set { .. } => "set display",
        Expr::JoinedStr { .. } | Expr::FormattedValue { .. } => "f-string expression",
        Expr::TemplateStr { .. } | Expr::Interpolation { .. } => "t-string expression",
        Expr::Constant { value, .. } => match value {
            Constant::None => "None",
            Constant::Bool(true) => "True",
            Constant::Bool(false) => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        Expr::Compare { .. } => "comparison",
        Expr::IfExp { .. } => "conditional expression",
        Expr::NamedExpr { .. } => "named expression",
        Expr::Slice { .. } => "slice",
    }
}

/// CPython's `_PyPegen_get_invalid_target`: the first sub-expression that cannot
/// be a target, if any.
pub(crate) fn invalid_target(e: &Expr, kind: TargetKind) -> Option<&Expr> {
    match e {
        Expr::Name { .. } | Expr::Attribute { .. } | Expr::Subscript { .. } => None,
        Expr::Tuple { elts, .. } | Expr::List { elts, .. } => {
            elts.iter().find_map(|x| invalid_target(x, kind))
        }
        Expr::Starred { value, .. } => {
            if kind == TargetKind::Del {
                Some(e)
            } else {
                invalid_target(value, kind)
            }
        }
        Expr::Compare { left, ops, .. } if kind == TargetKind::For => {
            if ops.first() == Some(&crate::ast::CmpOp::In) {
                invalid_target(left, kind)
            } else {
                Some(e)
            }
        }
        _ => Some(e),
    }
}

/// Switch a valid target to `ctx` (recursively for tuples, lists and starred).
pub(crate) fn set_context(e: Expr, ctx: ExprContext) -> Expr {
    match e {
        Expr::Name { id, range, .. } => Expr::Name { id, ctx, range },
        Expr::Attribute {
            value, attr, range, ..
        } => Expr::Attribute {
            value,
            attr,
            ctx,
            range,
        },
        Expr::Subscript {
            value,
            slice,
            range,
            ..
        } => Expr::Subscript {
            value,
            slice,
            ctx,
            range,
        },
        Expr::Starred { value, range, .. } => Expr::Starred {
            value: Box::new(set_context(*value, ctx)),
            ctx,
            range,
        },
        Expr::Tuple { elts, range, .. } => Expr::Tuple {
            elts: elts.into_iter().map(|x| set_context(x, ctx)).collect(),
            ctx,
            range,
        },
        Expr::List { elts, range, .. } => Expr::List {
            elts: elts.into_iter().map(|x| set_context(x, ctx)).collect(),
            ctx,
            range,
        },
        other => other,
    }
}

impl Parser<'_> {
    /// Validate `e` as a target of `kind` and switch its context.
    pub(crate) fn make_target(&self, e: Expr, kind: TargetKind) -> PResult<Expr> {
        if let Some(bad) = invalid_target(&e, kind) {
            let verb = if kind == TargetKind::Del {
                "delete"
            } else {
                "assign to"
            };
            return Err(self.error_at(format!("cannot {verb} {}", expr_name(bad)), bad.range()));
        }
        let ctx = if kind == TargetKind::Del {
            ExprContext::Del
        } else {
            ExprContext::Store
        };
        Ok(set_context(e, ctx))
    }

    /// `star_targets` where they end at `in` (for loops and comprehensions).
    pub(crate) fn star_targets_for(&mut self) -> PResult<Expr> {
        let start = self.peek()?;
        let first = self.star_target_expr()?;
        let e = if self.at(TokenKind::Comma)? {
            let mut elts = vec![first];
            while self.eat(TokenKind::Comma)?.is_some() {
                let k = self.peek_kind()?;
                if !(super::expressions::starts_expression(k) || k == TokenKind::Star)
                    || k == TokenKind::In
                {
                    break;
                }
                elts.push(self.star_target_expr()?);
            }
            Expr::Tuple {
                elts,
                ctx: ExprContext::Load,
                range: self.range_from(&start),
            }
        } else {
            first
        };
        self.make_target(e, TargetKind::For)
    }

    /// One element of a target list: `'*' bitwise_or | bitwise_or`.
    fn star_target_expr(&mut self) -> PResult<Expr> {
        if let Some(star) = self.eat(TokenKind::Star)? {
            let value = self.star_target_expr()?;
            return Ok(Expr::Starred {
                value: Box::new(value),
                ctx: ExprContext::Load,
                range: self.range_from(&star),
            });
        }
        self.bitwise_or()
    }
}
