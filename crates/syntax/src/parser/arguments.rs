//! Call arguments (`f(a, *b, c=d, **e)`) and parameter lists of `def` and `lambda`.

use super::expressions::boxed;
use super::{span, token_range, PResult, ParseError, Parser};
use crate::ast::{Arg, Arguments, Expr, Keyword};
use crate::token::{Token, TokenKind};

/// Whether parentheses may hold a generator expression as their only argument:
/// `f(x for x in y)` is a call with one generator; `class C(x for x in y)` is
/// invalid syntax (the class rule has no generator alternative).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum SoleGenerator {
    Allowed,
    Rejected,
}

/// CPython 3.14's message for a `*` with no keyword-only parameter after it.
const BARE_STAR_MESSAGE: &str = "named arguments must follow bare *";

impl Parser<'_> {
    /// A call trailer on `func`: `'(' [arguments] ')'` or a bare generator argument.
    pub(crate) fn call(&mut self, func: Expr, start: &Token) -> PResult<Expr> {
        let (args, keywords) = self.parenthesized_arguments(SoleGenerator::Allowed)?;
        Ok(Expr::Call {
            func: boxed(func),
            args,
            keywords,
            range: self.range_from(start),
        })
    }

    /// `'(' arguments ')'`: the arguments of a call or of a class definition.
    pub(crate) fn parenthesized_arguments(
        &mut self,
        sole_generator: SoleGenerator,
    ) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let open = self.expect(TokenKind::Lpar)?;
        self.enter(24)?;
        let result = self.call_arguments(&open, sole_generator);
        self.leave(24);
        let arguments = result?;
        self.expect(TokenKind::Rpar)?;
        Ok(arguments)
    }

    /// The inside of a call's parentheses, up to (not including) `)`.
    fn call_arguments(
        &mut self,
        open: &Token,
        sole_generator: SoleGenerator,
    ) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let mut args = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        let mut seen_double_star = false;
        loop {
            let tok = self.peek()?;
            match tok.kind {
                TokenKind::Rpar => break,
                TokenKind::Star => {
                    self.check_bare_star()?;
                    let star_pos = self.mark();
                    self.bump()?;
                    let value = self.expression()?;
                    if self.at(TokenKind::Equal)? {
                        let eq = self.bump()?;
                        let _ = eq;
                        let rhs = self.expression()?;
                        return Err(self.error_range(
                            "cannot assign to iterable argument unpacking",
                            token_range(&tok),
                            rhs.range(),
                        ));
                    }
                    if seen_double_star {
                        // CPython's range starts at the comma before the `*`.
                        let comma = self.tokens[star_pos.saturating_sub(1)];
                        return Err(self.error_range(
                            "iterable argument unpacking follows keyword argument unpacking",
                            token_range(&comma),
                            value.range(),
                        ));
                    }
                    args.push(Expr::Starred {
                        value: boxed(value),
                        ctx: crate::ast::ExprContext::Load,
                        range: self.range_from(&tok),
                    });
                }
                TokenKind::DoubleStar => {
                    self.bump()?;
                    let value = self.expression()?;
                    if self.at(TokenKind::Equal)? {
                        self.bump()?;
                        let rhs = self.expression()?;
                        return Err(self.error_range(
                            "cannot assign to keyword argument unpacking",
                            token_range(&tok),
                            rhs.range(),
                        ));
                    }
                    seen_double_star = true;
                    keywords.push(Keyword {
                        arg: None,
                        value,
                        range: self.range_from(&tok),
                    });
                }
                TokenKind::Name if self.peek_nth(1)?.kind == TokenKind::Equal => {
                    self.bump()?;
                    let eq = self.bump()?;
                    if matches!(self.peek_kind()?, TokenKind::Comma | TokenKind::Rpar) {
                        return Err(self.error_range(
                            "expected argument value expression",
                            token_range(&tok),
                            token_range(&eq),
                        ));
                    }
                    let value = self.expression()?;
                    if self.at_comprehension_start()? {
                        return Err(self.error_range(
                            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                            token_range(&tok),
                            token_range(&eq),
                        ));
                    }
                    keywords.push(Keyword {
                        arg: Some(self.identifier(&tok)),
                        value,
                        range: self.range_from(&tok),
                    });
                }
                TokenKind::True | TokenKind::False | TokenKind::None
                    if self.peek_nth(1)?.kind == TokenKind::Equal =>
                {
                    let eq = self.peek_nth(1)?;
                    let text = self.text(&tok);
                    return Err(self.error_range(
                        format!("cannot assign to {text}"),
                        token_range(&tok),
                        token_range(&eq),
                    ));
                }
                _ => {
                    let value = if tok.kind == TokenKind::Name
                        && self.peek_nth(1)?.kind == TokenKind::ColonEqual
                    {
                        self.assignment_expression()?
                    } else {
                        self.expression()?
                    };
                    let is_named = matches!(value, Expr::NamedExpr { .. });
                    if !is_named && self.at(TokenKind::Equal)? {
                        let eq = self.peek()?;
                        return Err(self.error_range(
                            "expression cannot contain assignment, perhaps you meant \"==\"?",
                            value.range(),
                            token_range(&eq),
                        ));
                    }
                    if self.at_comprehension_start()? {
                        let value_range = value.range();
                        let first_clause = self.peek()?;
                        let generators = self.for_if_clauses()?;
                        let only =
                            args.is_empty() && keywords.is_empty() && self.at(TokenKind::Rpar)?;
                        let sole = args.is_empty() && keywords.is_empty();
                        if sole && !only && !self.at(TokenKind::Comma)? {
                            // CPython's rules name only a genexp followed by a comma
                            // or preceded by other arguments.
                            return Err(ParseError::Fail);
                        }
                        if only && sole_generator == SoleGenerator::Rejected {
                            return Err(self.error_at_token(&first_clause, "invalid syntax"));
                        }
                        if !only {
                            let last = self.last_comprehension_end(&generators);
                            return Err(self.error_range(
                                "Generator expression must be parenthesized",
                                value_range,
                                last,
                            ));
                        }
                        let close = self.peek()?;
                        let range = span(token_range(open), token_range(&close));
                        args.push(Expr::GeneratorExp {
                            elt: boxed(value),
                            generators,
                            range,
                        });
                        break;
                    }
                    if !keywords.is_empty() {
                        let msg = if keywords.iter().any(|k| k.arg.is_none()) {
                            "positional argument follows keyword argument unpacking"
                        } else {
                            "positional argument follows keyword argument"
                        };
                        // RAISE_SYNTAX_ERROR: at the token after the argument.
                        let next = self.peek()?;
                        return Err(self.error_at_token(&next, msg));
                    }
                    args.push(value);
                }
            }
            if self.eat(TokenKind::Comma)?.is_none() {
                break;
            }
        }
        Ok((args, keywords))
    }

    /// The end of the last item of a comprehension clause list (for error ranges).
    fn last_comprehension_end(
        &self,
        generators: &[crate::ast::Comprehension],
    ) -> crate::ast::Range {
        match generators.last() {
            Some(g) => g.ifs.last().map_or_else(|| g.iter.range(), Expr::range),
            None => self.last_token_range(),
        }
    }

    /// A parameter list up to `)` (for `def`) or `:` (for `lambda`, where
    /// `annotations` is false).
    pub(crate) fn parameters(&mut self, annotations: bool) -> PResult<Arguments> {
        let end = if annotations {
            TokenKind::Rpar
        } else {
            TokenKind::Colon
        };
        let mut out = Arguments::default();
        let mut seen_slash = false;
        let mut seen_star = false;
        let mut seen_default = false;
        let mut bare_star: Option<Token> = None;
        loop {
            let tok = self.peek()?;
            if tok.kind == end {
                break;
            }
            match tok.kind {
                TokenKind::Slash => {
                    self.bump()?;
                    if seen_slash {
                        return Err(self.error_at_token(&tok, "/ may appear only once"));
                    }
                    if seen_star {
                        return Err(self.error_at_token(&tok, "/ must be ahead of *"));
                    }
                    if out.args.is_empty() {
                        // CPython 3.14 names this only when a comma follows the slash;
                        // otherwise its first pass stopped at the slash.
                        if !self.at(TokenKind::Comma)? {
                            return Err(self.error_at_token(&tok, "invalid syntax"));
                        }
                        return Err(
                            self.error_at_token(&tok, "at least one argument must precede /")
                        );
                    }
                    seen_slash = true;
                    out.posonlyargs = std::mem::take(&mut out.args);
                }
                TokenKind::Star => {
                    self.bump()?;
                    if seen_star {
                        return Err(self.error_at_token(&tok, "* argument may appear only once"));
                    }
                    seen_star = true;
                    let next_tok = self.peek()?;
                    let next = next_tok.kind;
                    if next == TokenKind::Comma || next == end {
                        bare_star = Some(tok);
                        let after = self.peek_nth(1)?;
                        if next == end || after.kind == end || after.kind == TokenKind::DoubleStar {
                            // `def` points at the star; `lambda` at the last token the
                            // grammar rule looked at (CPython's RAISE_SYNTAX_ERROR).
                            let at = if annotations {
                                &tok
                            } else if next == end {
                                &next_tok
                            } else {
                                &after
                            };
                            return Err(self.error_at_token(at, BARE_STAR_MESSAGE));
                        }
                    } else {
                        let arg = self.parameter(annotations, true)?;
                        if self.at(TokenKind::Equal)? {
                            let eq = self.peek()?;
                            return Err(self.error_at_token(
                                &eq,
                                "var-positional argument cannot have default value",
                            ));
                        }
                        out.vararg = Some(Box::new(arg));
                    }
                }
                TokenKind::DoubleStar => {
                    self.bump()?;
                    let arg = self.parameter(annotations, false)?;
                    if self.at(TokenKind::Equal)? {
                        let eq = self.peek()?;
                        return Err(self.error_at_token(
                            &eq,
                            "var-keyword argument cannot have default value",
                        ));
                    }
                    out.kwarg = Some(Box::new(arg));
                    let comma = self.eat(TokenKind::Comma)?.is_some();
                    if let Some(kwarg) = &mut out.kwarg {
                        kwarg.type_comment = self.parameter_type_comment(comma, annotations)?;
                    }
                    if comma {
                        let next = self.peek()?;
                        if next.kind != end {
                            if matches!(
                                next.kind,
                                TokenKind::Name
                                    | TokenKind::Star
                                    | TokenKind::DoubleStar
                                    | TokenKind::Slash
                            ) {
                                return Err(self.error_at_token(
                                    &next,
                                    "arguments cannot follow var-keyword argument",
                                ));
                            }
                            return Err(ParseError::Fail);
                        }
                    }
                    break;
                }
                TokenKind::Lpar => {
                    return Err(self.parenthesized_parameters_error(&tok, annotations));
                }
                _ => {
                    let arg = self.parameter(annotations, false)?;
                    let default = if let Some(eq) = self.eat(TokenKind::Equal)? {
                        if matches!(self.peek_kind()?, TokenKind::Comma | TokenKind::Rpar) {
                            return Err(
                                self.error_at_token(&eq, "expected default value expression")
                            );
                        }
                        Some(self.expression()?)
                    } else {
                        None
                    };
                    if seen_star {
                        out.kwonlyargs.push(arg);
                        out.kw_defaults.push(default);
                    } else {
                        match default {
                            Some(d) => {
                                seen_default = true;
                                out.defaults.push(d);
                            }
                            None if seen_default => {
                                return Err(self.error_at(
                                    "parameter without a default follows parameter with a default",
                                    arg.range,
                                ));
                            }
                            None => {}
                        }
                        out.args.push(arg);
                    }
                }
            }
            let comma = self.eat(TokenKind::Comma)?.is_some();
            if comma && bare_star == Some(tok) && self.at(TokenKind::TypeComment)? {
                let comment = self.peek()?;
                return Err(self.error_at_token(&comment, "bare * has associated type comment"));
            }
            if last_parameter(&mut out, tok.kind, seen_star).is_some() {
                let type_comment = self.parameter_type_comment(comma, annotations)?;
                if let Some(arg) = last_parameter(&mut out, tok.kind, seen_star) {
                    arg.type_comment = type_comment;
                }
            }
            if !comma {
                let next = self.peek()?;
                if next.kind == TokenKind::Star && seen_slash {
                    return Err(self.error_at_token(&next, "expected comma between / and *"));
                }
                break;
            }
        }
        if let Some(star) = bare_star {
            if out.kwonlyargs.is_empty() {
                return Err(self.error_at_token(&star, BARE_STAR_MESSAGE));
            }
        }
        Ok(out)
    }

    /// A parameter's type comment (`def` only): after its comma, or before the
    /// closing parenthesis when no comma follows.
    fn parameter_type_comment(
        &mut self,
        after_comma: bool,
        annotations: bool,
    ) -> PResult<Option<String>> {
        if !annotations {
            return Ok(None);
        }
        if after_comma || self.next_kinds_are(&[TokenKind::TypeComment, TokenKind::Rpar])? {
            return self.type_comment();
        }
        Ok(None)
    }

    /// One parameter: a name with an optional annotation (`*args` may use a
    /// starred annotation).
    fn parameter(&mut self, annotations: bool, star_annotation: bool) -> PResult<Arg> {
        let name = self.expect(TokenKind::Name)?;
        let annotation = if annotations && self.eat(TokenKind::Colon)?.is_some() {
            let e = if star_annotation && self.at(TokenKind::Star)? {
                self.star_expression()?
            } else {
                self.expression()?
            };
            Some(boxed(e))
        } else {
            None
        };
        Ok(Arg {
            arg: self.identifier(&name),
            annotation,
            type_comment: None,
            range: self.range_from(&name),
        })
    }

    /// "Function parameters cannot be parenthesized" for `def f((a, b)):`.
    fn parenthesized_parameters_error(&mut self, open: &Token, annotations: bool) -> ParseError {
        self.pos += 1;
        let mut close = None;
        while let Ok(tok) = self.peek() {
            if tok.kind == TokenKind::Name || tok.kind == TokenKind::Comma {
                self.pos += 1;
                continue;
            }
            if tok.kind == TokenKind::Rpar {
                close = Some(tok);
            }
            break;
        }
        match close {
            Some(close) => {
                let msg = if annotations {
                    "Function parameters cannot be parenthesized"
                } else {
                    "Lambda expression parameters cannot be parenthesized"
                };
                self.error_range(msg, token_range(open), token_range(&close))
            }
            None => ParseError::Fail,
        }
    }
}

/// The parameter just parsed by the loop iteration that began at a token of
/// `first`: `*args`, a keyword-only or an ordinary parameter (none after `/` or a
/// bare `*`).
fn last_parameter(out: &mut Arguments, first: TokenKind, seen_star: bool) -> Option<&mut Arg> {
    match first {
        TokenKind::Slash | TokenKind::DoubleStar => None,
        TokenKind::Star => out.vararg.as_deref_mut(),
        _ if seen_star => out.kwonlyargs.last_mut(),
        _ => out.args.last_mut(),
    }
}
