//! The parser: hand-written recursive descent over CPython 3.14's PEG grammar.
//!
//! Tokens are pulled from the tokenizer on demand into a vector so rules can look
//! ahead and backtrack by resetting `pos`. A rule returns `Err(ParseError::Fail)` when
//! it does not match (the caller may try another alternative) and
//! `Err(ParseError::Error(_))` for a definite syntax error. A failure that reaches the
//! top becomes CPython's generic "invalid syntax" at the furthest token read.
//!
//! Recursion is bounded: `level` approximates CPython's parser stack depth and turns
//! into its "too complex" error; brackets (200) and indentation (100) are bounded by
//! the tokenizer.

mod arguments;
mod escape_warnings;
mod expressions;
mod fstrings;
mod operators;
mod patterns;
mod statements;
mod targets;

use crate::ast::{self, Range};
use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::token::{Token, TokenKind};
use crate::tokenizer::{byte_to_char_offset, line_text_at_lineno, LexError, Tokenizer};
use crate::{Mode, ParseOptions};

/// Why a rule did not produce a value.
#[derive(Debug)]
pub(crate) enum ParseError {
    /// No match here; an enclosing rule may try something else.
    Fail,
    /// A definite error to report.
    Error(Box<SyntaxError>),
}

pub(crate) type PResult<T> = Result<T, ParseError>;

/// CPython's MAXSTACK: the parser's recursion budget.
const MAX_LEVEL: u32 = 6000;
/// Longest operator/attribute/call chain accepted: CPython's `ast.parse` takes
/// `a.b.b...` 129,000 deep (its compiler stops near 27,000, as adder's does). The
/// interpreter thread's 1 GiB stack holds the tree walks and drops at this depth.
const MAX_TREE_DEPTH: u32 = 150_000;

pub(crate) struct Parser<'a> {
    src: &'a str,
    lexer: Tokenizer<'a>,
    tokens: Vec<Token>,
    lex_error: Option<LexError>,
    pos: usize,
    level: u32,
    mode: Mode,
    /// Set while parsing CPython's `expression_without_invalid`: the operand after
    /// a suspected missing comma, where the missing-comma check must not recurse.
    without_invalid: bool,
    /// A `match SUBJECT` was followed by a newline (even if the line then parsed
    /// as an expression statement, like `match(x)`). CPython's error pass meets its
    /// `invalid_match_stmt` there first, so any later parser error becomes
    /// "expected ':'".
    match_without_colon: bool,
    /// The statements of the suites being read, innermost last (see
    /// [`Parser::collect_statements`]).
    statement_stack: Vec<ast::Stmt>,
}

impl<'a> Parser<'a> {
    pub(crate) fn new(src: &'a str, mode: Mode, options: ParseOptions) -> Self {
        let lexer = Tokenizer::new(src, false);
        Parser {
            src,
            lexer: if options.type_comments {
                lexer.with_type_comments()
            } else {
                lexer
            },
            tokens: Vec::with_capacity(src.len() / 4 + 16),
            lex_error: None,
            pos: 0,
            level: 0,
            mode,
            without_invalid: false,
            match_without_colon: false,
            statement_stack: Vec::new(),
        }
    }

    /// Parse the whole input in the parser's mode.
    pub(crate) fn parse(mut self) -> Result<ast::Mod, SyntaxError> {
        let result = match self.mode {
            Mode::Exec => self.file(),
            Mode::Eval => self.eval_input(),
            Mode::Single => self.interactive(),
            Mode::FuncType => self.func_type_input(),
        };
        if result.is_err() && self.match_without_colon && self.lex_error.is_none() {
            if let ParseError::Error(err) =
                self.error_at_last_read(SyntaxErrorKind::SyntaxError, "expected ':'")
            {
                return Err(self.prefer_tokenizer_error(*err, true));
            }
        }
        match result {
            Ok(module) => Ok(module),
            Err(ParseError::Error(err)) => Err(self.prefer_tokenizer_error(*err, true)),
            Err(ParseError::Fail) => {
                let generic = self.generic_error();
                Err(self.prefer_tokenizer_error(generic, false))
            }
        }
    }

    // ----- tokens -----

    /// Make sure token `i` is available, pulling from the tokenizer.
    fn fill_to(&mut self, i: usize) -> PResult<()> {
        while self.tokens.len() <= i {
            if self.lex_error.is_some() {
                return Err(self.lex_error_again());
            }
            match self.lexer.next_token() {
                Ok(tok) => self.tokens.push(tok),
                Err(err) => return Err(self.met_lex_error(err)),
            }
        }
        Ok(())
    }

    /// The tokenizer error the parser meets first: kept, to be met again by any
    /// later read. Out of line (as `lex_error_again`) to keep `fill_to`, run
    /// for every token, small.
    #[cold]
    #[inline(never)]
    fn met_lex_error(&mut self, err: LexError) -> ParseError {
        let error = err.error.clone();
        self.lex_error = Some(err);
        ParseError::Error(Box::new(error))
    }

    /// A read after the tokenizer failed: its error again.
    #[cold]
    #[inline(never)]
    fn lex_error_again(&self) -> ParseError {
        match &self.lex_error {
            Some(err) => ParseError::Error(Box::new(err.error.clone())),
            None => ParseError::Fail,
        }
    }

    /// The current token.
    #[inline]
    fn peek(&mut self) -> PResult<Token> {
        if self.pos >= self.tokens.len() {
            self.fill_to(self.pos)?;
        }
        Ok(self.tokens[self.pos])
    }

    #[inline]
    fn peek_kind(&mut self) -> PResult<TokenKind> {
        Ok(self.peek()?.kind)
    }

    /// The token `n` places ahead of the current one.
    #[inline]
    fn peek_nth(&mut self, n: usize) -> PResult<Token> {
        let i = self.pos + n;
        if i >= self.tokens.len() {
            self.fill_to(i)?;
        }
        Ok(self.tokens[i])
    }

    #[inline]
    fn at(&mut self, kind: TokenKind) -> PResult<bool> {
        Ok(self.peek_kind()? == kind)
    }

    /// Consume and return the current token.
    #[inline]
    fn bump(&mut self) -> PResult<Token> {
        let tok = self.peek()?;
        self.pos += 1;
        Ok(tok)
    }

    /// Consume the current token if it is `kind`.
    #[inline]
    fn eat(&mut self, kind: TokenKind) -> PResult<Option<Token>> {
        let tok = self.peek()?;
        if tok.kind == kind {
            self.pos += 1;
            Ok(Some(tok))
        } else {
            Ok(None)
        }
    }

    /// Consume a token of `kind` or fail.
    #[inline]
    fn expect(&mut self, kind: TokenKind) -> PResult<Token> {
        match self.eat(kind)? {
            Some(tok) => Ok(tok),
            None => Err(ParseError::Fail),
        }
    }

    /// Consume `kind` or raise CPython's "expected 'X'" at the current token
    /// (the grammar's `&&'X'`).
    fn expect_forced(&mut self, kind: TokenKind, text: &str) -> PResult<Token> {
        match self.eat(kind)? {
            Some(tok) => Ok(tok),
            None => {
                let tok = self.peek()?;
                Err(self.error_at_token(&tok, format!("expected '{text}'")))
            }
        }
    }

    /// Whether the next tokens have these kinds (looking no further than the
    /// first mismatch, as the grammar's lookaheads do).
    fn next_kinds_are(&mut self, kinds: &[TokenKind]) -> PResult<bool> {
        for (i, &kind) in kinds.iter().enumerate() {
            if self.peek_nth(i)?.kind != kind {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// The token read so far that starts where `range` starts.
    fn token_starting_at(&self, range: Range) -> Option<Token> {
        self.tokens[..self.pos]
            .iter()
            .rev()
            .find(|tok| tok.lineno == range.lineno && tok.col == range.col_offset)
            .copied()
    }

    /// An optional TYPE_COMMENT token (the grammar's `[TYPE_COMMENT]`): its text.
    fn type_comment(&mut self) -> PResult<Option<String>> {
        Ok(self
            .eat(TokenKind::TypeComment)?
            .map(|tok| self.text(&tok).to_string()))
    }

    fn text(&self, tok: &Token) -> &'a str {
        &self.src[tok.start as usize..tok.end as usize]
    }

    fn mark(&self) -> usize {
        self.pos
    }

    fn reset(&mut self, mark: usize) {
        self.pos = mark;
    }

    /// The last consumed token that is not NEWLINE/INDENT/DEDENT (CPython's
    /// `_PyPegen_get_last_nonnwhitespace_token`): where a node's range ends.
    fn last_token(&self) -> Token {
        let mut i = self.pos.saturating_sub(1);
        while i > 0
            && matches!(
                self.tokens[i].kind,
                TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent
            )
        {
            i -= 1;
        }
        self.tokens[i]
    }

    /// The range of the last consumed token (as `last_token` picks it).
    fn last_token_range(&self) -> Range {
        token_range(&self.last_token())
    }

    /// The range from `start` to the end of the last consumed token.
    fn range_from(&self, start: &Token) -> Range {
        let end = self.last_token();
        Range {
            lineno: start.lineno,
            col_offset: start.col,
            end_lineno: end.end_lineno,
            end_col_offset: end.end_col,
        }
    }

    /// Enter a recursive rule, charging `cost` against the stack budget.
    fn enter(&mut self, cost: u32) -> PResult<()> {
        self.level += cost;
        if self.level > MAX_LEVEL {
            return Err(ParseError::Error(Box::new(SyntaxError {
                kind: SyntaxErrorKind::MemoryError,
                msg: "Parser stack overflowed - Python source too complex to parse".to_string(),
                lineno: 0,
                offset: 0,
                end_lineno: 0,
                end_offset: 0,
                text: None,
            })));
        }
        Ok(())
    }

    fn leave(&mut self, cost: u32) {
        self.level -= cost;
    }

    /// The error for an expression tree deeper than we are willing to build.
    fn too_deep(&self) -> ParseError {
        ParseError::Error(Box::new(SyntaxError {
            kind: SyntaxErrorKind::RecursionError,
            msg: "maximum recursion depth exceeded during compilation".to_string(),
            lineno: 0,
            offset: 0,
            end_lineno: 0,
            end_offset: 0,
            text: None,
        }))
    }

    /// Runs `rule` the way CPython's error pass runs an error rule's operands
    /// (`expression_without_invalid`): with the juxtaposition checks off. When it
    /// fails, parser and tokenizer are rolled back, so the tokens it read ahead
    /// cannot move the generic error (which CPython places at the furthest token of
    /// its first, check-free pass); a tokenizer error met on the way still wins.
    fn speculate<T>(&mut self, rule: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<Option<T>> {
        let (mark, filled) = (self.pos, self.tokens.len());
        let (lexer, lex_error) = (self.lexer.clone(), self.lex_error.clone());
        let outer = std::mem::replace(&mut self.without_invalid, true);
        let result = rule(self);
        self.without_invalid = outer;
        match result {
            Ok(value) => Ok(Some(value)),
            Err(err) if lex_error.is_none() && self.lex_error.is_some() => Err(err),
            Err(_) => {
                self.pos = mark;
                self.tokens.truncate(filled);
                self.lexer = lexer;
                self.lex_error = lex_error;
                Ok(None)
            }
        }
    }

    // ----- errors -----

    /// Text of a source line (with newline) as CPython puts it on parser errors.
    fn line_text(&self, lineno: u32) -> String {
        line_text_at_lineno(self.src.as_bytes(), lineno)
    }

    /// A syntax error spanning from (lineno, col) to (end_lineno, end_col), columns in
    /// bytes (0-based; `end_col` < 0 for "unknown"), converted to CPython's 1-based
    /// character offsets.
    fn error_known(
        &self,
        kind: SyntaxErrorKind,
        msg: impl Into<String>,
        lineno: u32,
        col: i64,
        end_lineno: u32,
        end_col: i64,
    ) -> ParseError {
        let text = self.line_text(lineno);
        let offset = byte_to_char_offset(&text, (col + 1).max(0) as usize);
        let end_offset = if end_col >= 0 {
            let end_text = if end_lineno == lineno {
                text.clone()
            } else {
                self.line_text(end_lineno)
            };
            byte_to_char_offset(&end_text, (end_col + 1) as usize)
        } else {
            end_col as i32 + 1
        };
        ParseError::Error(Box::new(SyntaxError {
            kind,
            msg: msg.into(),
            lineno,
            offset,
            end_lineno,
            end_offset,
            text: Some(text),
        }))
    }

    /// RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b): from a's start to b's end.
    fn error_range(&self, msg: impl Into<String>, start: Range, end: Range) -> ParseError {
        self.error_known(
            SyntaxErrorKind::SyntaxError,
            msg,
            start.lineno,
            start.col_offset as i64,
            end.end_lineno,
            end.end_col_offset as i64,
        )
    }

    /// RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a): a's own span.
    fn error_at(&self, msg: impl Into<String>, at: Range) -> ParseError {
        self.error_range(msg, at, at)
    }

    /// RAISE_SYNTAX_ERROR_STARTING_FROM(a): from a's start to CPython's "current
    /// position", which comes out as the start of the last token read.
    fn error_starting_from(&self, msg: impl Into<String>, at: Range) -> ParseError {
        let (end_lineno, end_col) = self
            .tokens
            .last()
            .map_or((at.lineno, -1), |tok| (tok.lineno, tok.col as i64));
        self.error_known(
            SyntaxErrorKind::SyntaxError,
            msg,
            at.lineno,
            at.col_offset as i64,
            end_lineno,
            end_col,
        )
    }

    fn error_at_token(&self, tok: &Token, msg: impl Into<String>) -> ParseError {
        self.error_at(msg, token_range(tok))
    }

    /// RAISE_SYNTAX_ERROR / RAISE_INDENTATION_ERROR: at the last token read.
    fn error_at_last_read(&self, kind: SyntaxErrorKind, msg: impl Into<String>) -> ParseError {
        if let Some(tok) = self.tokens.last() {
            if matches!(
                tok.kind,
                TokenKind::Indent | TokenKind::Dedent | TokenKind::EndMarker
            ) {
                return ParseError::Error(Box::new(self.error_at_indentation_token(
                    kind,
                    msg.into(),
                    tok,
                )));
            }
        }
        let tok = self.tokens.last().copied().unwrap_or(Token {
            kind: TokenKind::EndMarker,
            start: 0,
            end: 0,
            lineno: 1,
            col: 0,
            end_lineno: 1,
            end_col: 0,
            level: 0,
        });
        self.error_known(
            kind,
            msg,
            tok.lineno,
            tok.col as i64,
            tok.end_lineno,
            tok.end_col as i64,
        )
    }

    /// An error located at an INDENT/DEDENT/ENDMARKER token. CPython's carry no
    /// columns: the location becomes the tokenizer's position on the line, with no
    /// end.
    fn error_at_indentation_token(
        &self,
        kind: SyntaxErrorKind,
        msg: String,
        tok: &Token,
    ) -> SyntaxError {
        // A DEDENT at end of input sits on a line of its own in the token stream
        // (as `tokenize` shows it); CPython's parser sees it at the end of the last
        // line.
        let (lineno, col) = if tok.kind == TokenKind::Dedent
            && tok.start as usize >= self.src.len()
            && tok.lineno > 1
        {
            let body = self.src.strip_suffix('\n').unwrap_or(self.src);
            let line_start = body.rfind('\n').map_or(0, |i| i + 1);
            (tok.lineno - 1, (self.src.len() - line_start) as u32)
        } else if tok.kind == TokenKind::Indent {
            (tok.lineno, tok.end_col)
        } else {
            (tok.lineno, tok.col)
        };
        let text = self.line_text(lineno);
        SyntaxError {
            kind,
            msg,
            lineno,
            offset: byte_to_char_offset(&text, col as usize + 1) - 1,
            end_lineno: lineno,
            end_offset: -1,
            text: Some(text),
        }
    }

    /// The generic error for a parse that failed without a specific message.
    fn generic_error(&mut self) -> SyntaxError {
        let Some(last) = self.tokens.last().copied() else {
            return SyntaxError {
                kind: SyntaxErrorKind::SyntaxError,
                msg: "error at start before reading any input".to_string(),
                lineno: 1,
                offset: 1,
                end_lineno: 1,
                end_offset: 1,
                text: None,
            };
        };
        let (kind, msg) = match last.kind {
            TokenKind::Indent => (SyntaxErrorKind::IndentationError, "unexpected indent"),
            TokenKind::Dedent => (SyntaxErrorKind::IndentationError, "unexpected unindent"),
            _ => (SyntaxErrorKind::SyntaxError, "invalid syntax"),
        };
        if matches!(last.kind, TokenKind::Indent | TokenKind::Dedent) {
            return self.error_at_indentation_token(kind, msg.to_string(), &last);
        }
        if last.kind == TokenKind::EndMarker {
            // CPython's ENDMARKER has no columns and sits on the last line read.
            let lineno = last.lineno.saturating_sub(1).max(1);
            return SyntaxError {
                kind,
                msg: msg.to_string(),
                lineno,
                offset: 0,
                end_lineno: lineno,
                end_offset: 0,
                text: Some(self.line_text(lineno)),
            };
        }
        // A stray `<>` (no comparison before it) is reported over its `<` only, as
        // the reference does.
        let end_col = if last.kind == TokenKind::NotEqual && self.text(&last) == "<>" {
            last.col + 1
        } else {
            last.end_col
        };
        match self.error_known(
            kind,
            msg,
            last.lineno,
            last.col as i64,
            last.end_lineno,
            end_col as i64,
        ) {
            ParseError::Error(e) => *e,
            ParseError::Fail => unreachable_error(),
        }
    }

    /// CPython's `_PyPegen_tokenize_full_source_to_check_for_errors`: after a parser
    /// error, tokenize the rest; a tokenizer error found there wins (for a generic
    /// error, an unclosed bracket opened before the error line wins too).
    fn prefer_tokenizer_error(&mut self, err: SyntaxError, specific: bool) -> SyntaxError {
        if self.lex_error.is_some() || err.kind == SyntaxErrorKind::MemoryError {
            return err;
        }
        if specific && err.kind != SyntaxErrorKind::SyntaxError {
            return err;
        }
        // CPython compares with the line of the last token read, not the error's.
        let err_line = self.tokens.last().map_or(err.lineno, |tok| tok.lineno);
        loop {
            match self.lexer.next_token() {
                Ok(tok) if tok.kind == TokenKind::EndMarker => return err,
                Ok(_) => continue,
                Err(lex) => {
                    if self.lexer.inside_fstring() {
                        return err;
                    }
                    if lex.raised {
                        return lex.error;
                    }
                    if self.lexer.level() > 0
                        && lex.error.msg.ends_with("was never closed")
                        && err_line > lex.error.lineno
                    {
                        return lex.error;
                    }
                    return err;
                }
            }
        }
    }

    // ----- start rules -----

    fn file(&mut self) -> PResult<ast::Mod> {
        let body = self.statements_until_end()?;
        let type_ignores = self
            .lexer
            .take_type_ignores()
            .into_iter()
            .map(|(lineno, tag)| ast::TypeIgnore::TypeIgnore { lineno, tag })
            .collect();
        Ok(ast::Mod::Module { body, type_ignores })
    }

    fn eval_input(&mut self) -> PResult<ast::Mod> {
        let body = self.expressions()?;
        while self.eat(TokenKind::Newline)?.is_some() {}
        self.expect(TokenKind::EndMarker)?;
        Ok(ast::Mod::Expression {
            body: Box::new(body),
        })
    }

    fn interactive(&mut self) -> PResult<ast::Mod> {
        let body = self.statement_newline()?;
        Ok(ast::Mod::Interactive { body })
    }

    fn func_type_input(&mut self) -> PResult<ast::Mod> {
        self.expect(TokenKind::Lpar)?;
        let argtypes = if self.at(TokenKind::Rpar)? {
            Vec::new()
        } else {
            self.type_expressions()?
        };
        self.expect(TokenKind::Rpar)?;
        self.expect(TokenKind::Rarrow)?;
        let returns = self.expression()?;
        while self.eat(TokenKind::Newline)?.is_some() {}
        self.expect(TokenKind::EndMarker)?;
        Ok(ast::Mod::FunctionType {
            argtypes,
            returns: Box::new(returns),
        })
    }

    /// `type_expressions`: expressions with optional `*x` / `**x` at the end.
    fn type_expressions(&mut self) -> PResult<Vec<ast::Expr>> {
        let mut out = Vec::new();
        loop {
            if self.eat(TokenKind::Star)?.is_some() {
                out.push(self.expression()?);
                if self.eat(TokenKind::Comma)?.is_some() {
                    self.expect(TokenKind::DoubleStar)?;
                    out.push(self.expression()?);
                }
                return Ok(out);
            }
            if self.eat(TokenKind::DoubleStar)?.is_some() {
                out.push(self.expression()?);
                return Ok(out);
            }
            out.push(self.expression()?);
            if self.eat(TokenKind::Comma)?.is_none() {
                return Ok(out);
            }
        }
    }
}

fn unreachable_error() -> SyntaxError {
    SyntaxError {
        kind: SyntaxErrorKind::SyntaxError,
        msg: "invalid syntax".to_string(),
        lineno: 1,
        offset: 1,
        end_lineno: 1,
        end_offset: 1,
        text: None,
    }
}

/// The range a token covers.
pub(crate) fn token_range(tok: &Token) -> Range {
    Range {
        lineno: tok.lineno,
        col_offset: tok.col,
        end_lineno: tok.end_lineno,
        end_col_offset: tok.end_col,
    }
}

/// The range from the start of `a` to the end of `b`.
pub(crate) fn span(a: Range, b: Range) -> Range {
    Range {
        lineno: a.lineno,
        col_offset: a.col_offset,
        end_lineno: b.end_lineno,
        end_col_offset: b.end_col_offset,
    }
}
