//! The tokenizer: CPython 3.14's `Parser/lexer` rebuilt over a byte slice.
//!
//! It runs on newline-normalized source (every line ends in `\n`) and hands out one
//! token per call, tracking indentation, bracket nesting and the PEP 701 f-string /
//! PEP 750 t-string mode stack. Errors carry CPython's message and location; whether
//! CPython raises them at once or only reports a bare error code matters to the
//! parser's error precedence, so that is recorded too.

use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::token::{Token, TokenKind};
use crate::type_comment::TypeCommentKind;

const EOF: i32 = -1;
const TABSIZE: u32 = 8;
/// CPython's MAXINDENT: indentation levels allowed.
const MAX_INDENT: usize = 100;
/// CPython's MAXLEVEL: open brackets allowed.
const MAX_LEVEL: usize = 200;
/// CPython's MAXFSTRINGLEVEL: nested f-strings allowed.
const MAX_FSTRING_LEVEL: usize = 150;
/// CPython's MAX_EXPR_NESTING: nested replacement fields in format specs.
const MAX_EXPR_NESTING: i32 = 3;

/// Why the tokenizer stopped. `raised` tells whether CPython sets the exception in
/// the tokenizer itself (most messages) or leaves an error code for the parser to
/// turn into one (EOF in a statement, bad dedent, tab/space mix, ...).
#[derive(Debug, Clone)]
pub struct LexError {
    pub error: SyntaxError,
    pub raised: bool,
}

/// One open f-string or t-string (CPython's `tokenizer_mode`).
#[derive(Debug, Clone)]
struct StringMode {
    /// In a replacement field's expression (CPython's TOK_REGULAR_MODE) rather than
    /// in the literal text.
    regular: bool,
    template: bool,
    quote: u8,
    quote_size: u32,
    raw: bool,
    start: usize,
    start_line_start: usize,
    start_lineno: u32,
    curly_bracket_depth: i32,
    curly_bracket_expr_start_depth: i32,
    in_format_spec: bool,
}

/// An open bracket: the character and where it was opened.
#[derive(Debug, Clone, Copy)]
struct OpenBracket {
    ch: u8,
    lineno: u32,
    col: usize,
}

/// The tokenizer state over one source text.
#[derive(Clone)]
pub struct Tokenizer<'a> {
    src: &'a [u8],
    pos: usize,
    lineno: u32,
    line_start: usize,
    /// The last character read was `\n`; the line count advances on the next read.
    at_line_end: bool,
    atbol: bool,
    indents: Vec<(u32, u32)>,
    pending_indents: i32,
    brackets: Vec<OpenBracket>,
    modes: Vec<StringMode>,
    /// Emit COMMENT and NL tokens and skip literal checks, as `tokenize` does.
    extra_tokens: bool,
    /// Turn `# type: ...` comments into TYPE_COMMENT tokens and collect
    /// `# type: ignore` comments (`ast.parse(..., type_comments=True)`).
    type_comments: bool,
    /// The `# type: ignore` comments seen so far: line and tag.
    type_ignores: Vec<(u32, String)>,
    comment_newline: bool,
    /// Position of the token being built.
    tok_start: usize,
    tok_lineno: u32,
    tok_col: usize,
    finished: bool,
}

/// Whether `c` may start an identifier (non-ASCII bytes are checked later).
fn is_identifier_start(c: i32) -> bool {
    (c >= b'a' as i32 && c <= b'z' as i32)
        || (c >= b'A' as i32 && c <= b'Z' as i32)
        || c == b'_' as i32
        || c >= 128
}

/// Whether `c` may continue an identifier.
fn is_identifier_char(c: i32) -> bool {
    is_identifier_start(c) || is_digit(c)
}

fn is_digit(c: i32) -> bool {
    (b'0' as i32..=b'9' as i32).contains(&c)
}

fn is_hex_digit(c: i32) -> bool {
    is_digit(c)
        || (b'a' as i32..=b'f' as i32).contains(&c)
        || (b'A' as i32..=b'F' as i32).contains(&c)
}

impl<'a> Tokenizer<'a> {
    /// A tokenizer over `src`, which must be newline-normalized and end in `\n`
    /// (see [`crate::source::normalize_newlines`]).
    pub fn new(src: &'a str, extra_tokens: bool) -> Self {
        Tokenizer {
            src: src.as_bytes(),
            pos: 0,
            lineno: 1,
            line_start: 0,
            at_line_end: false,
            atbol: true,
            indents: vec![(0, 0)],
            pending_indents: 0,
            brackets: Vec::new(),
            modes: Vec::new(),
            extra_tokens,
            type_comments: false,
            type_ignores: Vec::new(),
            comment_newline: false,
            tok_start: 0,
            tok_lineno: 1,
            tok_col: 0,
            finished: false,
        }
    }

    /// Makes type comments tokens and collects type-ignore comments.
    pub fn with_type_comments(mut self) -> Self {
        self.type_comments = true;
        self
    }

    /// The `# type: ignore` comments read so far (line, tag), in source order.
    pub fn take_type_ignores(&mut self) -> Vec<(u32, String)> {
        std::mem::take(&mut self.type_ignores)
    }

    /// Current bracket nesting level.
    pub fn level(&self) -> usize {
        self.brackets.len()
    }

    /// Whether the tokenizer is inside an f-string or t-string.
    pub fn inside_fstring(&self) -> bool {
        !self.modes.is_empty()
    }

    fn nextc(&mut self) -> i32 {
        if self.pos >= self.src.len() {
            return EOF;
        }
        if self.at_line_end {
            self.at_line_end = false;
            self.lineno += 1;
            self.line_start = self.pos;
        }
        let c = self.src[self.pos];
        self.pos += 1;
        if c == b'\n' {
            self.at_line_end = true;
        }
        c as i32
    }

    fn backup(&mut self, c: i32) {
        if c != EOF {
            self.pos -= 1;
            if c == b'\n' as i32 {
                self.at_line_end = false;
            }
        }
    }

    /// The text of the current line without its newline.
    fn current_line_text(&self) -> String {
        line_text_at(self.src, self.line_start)
    }

    fn chars_between(&self, from: usize, to: usize) -> i32 {
        let to = to.min(self.src.len()).max(from);
        String::from_utf8_lossy(&self.src[from..to]).chars().count() as i32
    }

    /// CPython's `_PyTokenizer_syntaxerror`: location is the current position.
    fn error_here(&self, msg: impl Into<String>) -> LexError {
        let offset = self.chars_between(self.line_start, self.pos);
        self.error_range(msg, offset, offset)
    }

    fn error_range(&self, msg: impl Into<String>, offset: i32, end_offset: i32) -> LexError {
        LexError {
            error: SyntaxError {
                kind: SyntaxErrorKind::SyntaxError,
                msg: msg.into(),
                lineno: self.lineno,
                offset,
                end_lineno: self.lineno,
                end_offset,
                text: Some(self.current_line_text()),
            },
            raised: true,
        }
    }

    /// An error CPython reports through an error code: located by the parser at
    /// (`col` bytes + 1) on the current line, with the full line as text.
    fn coded_error(
        &mut self,
        kind: SyntaxErrorKind,
        msg: &str,
        col: usize,
        end_offset: i32,
    ) -> LexError {
        let line = line_text_with_newline(self.src, self.line_start);
        let offset = byte_to_char_offset(&line, col + 1);
        self.finished = true;
        LexError {
            error: SyntaxError {
                kind,
                msg: msg.to_string(),
                lineno: self.lineno,
                offset,
                end_lineno: self.lineno,
                end_offset,
                text: Some(line),
            },
            raised: false,
        }
    }

    /// The error for input ending inside brackets or a continuation line.
    fn eof_error(&mut self) -> LexError {
        self.finished = true;
        if let Some(open) = self.brackets.last().copied() {
            let line = line_text_at_lineno(self.src, open.lineno);
            let offset = byte_to_char_offset(&line, open.col + 1);
            return LexError {
                error: SyntaxError {
                    kind: SyntaxErrorKind::SyntaxError,
                    msg: format!("'{}' was never closed", open.ch as char),
                    lineno: open.lineno,
                    offset,
                    end_lineno: open.lineno,
                    end_offset: 0,
                    text: Some(line),
                },
                raised: false,
            };
        }
        // Only a continuation line gets here: CPython points just after the
        // backslash's newline, with no end.
        let line = line_text_with_newline(self.src, self.line_start);
        let offset = byte_to_char_offset(&line, self.pos - self.line_start);
        LexError {
            error: SyntaxError {
                kind: SyntaxErrorKind::SyntaxError,
                msg: "unexpected EOF while parsing".to_string(),
                lineno: self.lineno,
                offset,
                end_lineno: self.lineno,
                end_offset: -1,
                text: Some(line),
            },
            raised: false,
        }
    }

    fn begin_token(&mut self) {
        self.tok_start = self.pos;
        self.tok_lineno = self.lineno;
        self.tok_col = self.pos - self.line_start;
        if self.at_line_end {
            // The next read starts a new line; a token starting there is on it.
            self.tok_lineno = self.lineno + 1;
            self.tok_col = 0;
        }
    }

    /// A token from the recorded start to `end` (a byte position on the current line).
    fn make(&self, kind: TokenKind, end: usize) -> Token {
        let (end_lineno, end_col) = if end < self.line_start {
            (self.tok_lineno, self.tok_col + (end - self.tok_start))
        } else {
            (self.lineno, end - self.line_start)
        };
        Token {
            kind,
            start: self.tok_start as u32,
            end: end as u32,
            lineno: self.tok_lineno,
            col: self.tok_col as u32,
            end_lineno,
            end_col: end_col as u32,
            level: self.brackets.len() as u32,
        }
    }

    /// The next token, or the error CPython's tokenizer would report.
    pub fn next_token(&mut self) -> Result<Token, LexError> {
        match self.modes.last() {
            Some(mode) if !mode.regular => self.next_in_string_mode(),
            _ => self.next_in_regular_mode(),
        }
    }

    fn tab_error(&mut self) -> LexError {
        self.coded_error(
            SyntaxErrorKind::TabError,
            "inconsistent use of tabs and spaces in indentation",
            0,
            0,
        )
    }

    /// Measures the indentation of a new line and queues INDENT/DEDENT tokens.
    /// Returns whether the line is blank (only whitespace and/or a comment).
    fn handle_line_start(&mut self) -> Result<bool, LexError> {
        let mut col: u32 = 0;
        let mut altcol: u32 = 0;
        let mut cont_line_col: u32 = 0;
        self.atbol = false;
        let c = loop {
            let c = self.nextc();
            if c == b' ' as i32 {
                col += 1;
                altcol += 1;
            } else if c == b'\t' as i32 {
                col = (col / TABSIZE + 1) * TABSIZE;
                altcol += 1;
            } else if c == 0x0c {
                col = 0;
                altcol = 0;
            } else if c == b'\\' as i32 {
                if cont_line_col == 0 {
                    cont_line_col = col;
                }
                self.continuation_line()?;
            } else {
                break c;
            }
        };
        self.backup(c);
        let blank = c == b'#' as i32 || c == b'\n' as i32 || c == b'\r' as i32;
        if blank || !self.brackets.is_empty() {
            return Ok(blank);
        }
        if cont_line_col != 0 {
            col = cont_line_col;
            altcol = cont_line_col;
        }
        let (top, alttop) = self.indents.last().copied().unwrap_or((0, 0));
        if col == top {
            if altcol != alttop {
                return Err(self.tab_error());
            }
        } else if col > top {
            if self.indents.len() >= MAX_INDENT {
                self.pos = self.line_end();
                return Err(self.coded_error(
                    SyntaxErrorKind::IndentationError,
                    "too many levels of indentation",
                    0,
                    0,
                ));
            }
            if altcol <= alttop {
                return Err(self.tab_error());
            }
            self.pending_indents += 1;
            self.indents.push((col, altcol));
        } else {
            while self.indents.len() > 1 && col < self.indents.last().map_or(0, |t| t.0) {
                self.pending_indents -= 1;
                self.indents.pop();
            }
            let (top, alttop) = self.indents.last().copied().unwrap_or((0, 0));
            if col != top {
                self.pos = self.line_end();
                let end = self.pos - self.line_start;
                return Err(self.coded_error(
                    SyntaxErrorKind::IndentationError,
                    "unindent does not match any outer indentation level",
                    end.saturating_sub(1),
                    -1,
                ));
            }
            if altcol != alttop {
                return Err(self.tab_error());
            }
        }
        Ok(false)
    }

    /// Byte position just after the current line's newline.
    fn line_end(&self) -> usize {
        match self.src[self.line_start..].iter().position(|&b| b == b'\n') {
            Some(i) => self.line_start + i + 1,
            None => self.src.len(),
        }
    }

    /// After a backslash: requires a newline and a following line.
    fn continuation_line(&mut self) -> Result<(), LexError> {
        let c = self.nextc();
        if c != b'\n' as i32 {
            let col = self.pos - self.line_start - 1;
            return Err(self.coded_error(
                SyntaxErrorKind::SyntaxError,
                "unexpected character after line continuation character",
                col,
                0,
            ));
        }
        let c = self.nextc();
        if c == EOF {
            return Err(self.eof_error());
        }
        self.backup(c);
        Ok(())
    }

    fn next_in_regular_mode(&mut self) -> Result<Token, LexError> {
        if self.finished {
            return Err(self.eof_error());
        }
        loop {
            let mut blankline = false;
            if self.atbol {
                blankline = self.handle_line_start()?;
            }
            self.begin_token();
            if self.pending_indents != 0 {
                if self.pending_indents < 0 {
                    self.pending_indents += 1;
                    return Ok(self.make(TokenKind::Dedent, self.pos));
                }
                self.pending_indents -= 1;
                let mut tok = self.make(TokenKind::Indent, self.pos);
                tok.start = self.line_start as u32;
                tok.col = 0;
                return Ok(tok);
            }
            match self.regular_token(blankline)? {
                Some(tok) => return Ok(tok),
                None => continue,
            }
        }
    }

    /// One token in regular mode; `None` means a blank line was skipped.
    fn regular_token(&mut self, blankline: bool) -> Result<Option<Token>, LexError> {
        let mut c;
        loop {
            // Skip spaces.
            loop {
                c = self.nextc();
                if !(c == b' ' as i32 || c == b'\t' as i32 || c == 0x0c) {
                    break;
                }
            }
            // The token starts at the character just read (which is on the
            // current line), or at the end of input.
            self.tok_start = if c == EOF { self.pos } else { self.pos - 1 };
            self.tok_lineno = self.lineno;
            self.tok_col = self.tok_start - self.line_start;
            if c == b'#' as i32 {
                while c != EOF && c != b'\n' as i32 {
                    c = self.nextc();
                }
                self.backup(c);
                if self.type_comments {
                    if let Some(result) = self.type_comment(blankline) {
                        return Ok(result);
                    }
                }
                if self.extra_tokens {
                    self.comment_newline = blankline;
                    return Ok(Some(self.make(TokenKind::Comment, self.pos)));
                }
                c = self.nextc();
            }
            if c == EOF {
                if !self.brackets.is_empty() {
                    return Err(self.eof_error());
                }
                self.finished = true;
                return Ok(Some(self.make(TokenKind::EndMarker, self.pos)));
            }
            if is_identifier_start(c) {
                return self.identifier_or_string(c).map(Some);
            }
            if c == b'\n' as i32 {
                self.atbol = true;
                if blankline || !self.brackets.is_empty() {
                    if self.extra_tokens {
                        self.comment_newline = false;
                        return Ok(Some(self.make(TokenKind::Nl, self.pos)));
                    }
                    return Ok(None);
                }
                if self.comment_newline && self.extra_tokens {
                    self.comment_newline = false;
                    return Ok(Some(self.make(TokenKind::Nl, self.pos)));
                }
                let end = self.pos - 1;
                let mut tok = self.make(TokenKind::Newline, end);
                tok.end_col = tok.col + 1;
                tok.end_lineno = tok.lineno;
                return Ok(Some(tok));
            }
            if c == b'.' as i32 {
                let c2 = self.nextc();
                if is_digit(c2) {
                    return self.number_fraction(c2).map(Some);
                }
                if c2 == b'.' as i32 {
                    let c3 = self.nextc();
                    if c3 == b'.' as i32 {
                        return Ok(Some(self.make(TokenKind::Ellipsis, self.pos)));
                    }
                    self.backup(c3);
                }
                self.backup(c2);
                return Ok(Some(self.make(TokenKind::Dot, self.pos)));
            }
            if is_digit(c) {
                return self.number(c).map(Some);
            }
            if c == b'\'' as i32 || c == b'"' as i32 {
                return self.string(c).map(Some);
            }
            if c == b'\\' as i32 {
                self.continuation_line()?;
                continue;
            }
            return self.operator(c).map(Some);
        }
    }

    /// After a comment (from `tok_start` to `pos`) in type-comments mode: a
    /// TYPE_COMMENT token, or for `# type: ignore` the comment recorded and
    /// `Some(None)` to read on (the newline of an otherwise blank line is consumed
    /// with it, as CPython does). `None` when it is an ordinary comment.
    fn type_comment(&mut self, blankline: bool) -> Option<Option<Token>> {
        let comment = &self.src[self.tok_start..self.pos];
        match crate::type_comment::classify(comment)? {
            TypeCommentKind::Ignore { tag_start } => {
                let mut tag = String::from_utf8_lossy(&comment[tag_start..]).into_owned();
                let lineno = self.lineno;
                if blankline {
                    // CPython's tag then ends after the newline it consumes.
                    if self.nextc() == b'\n' as i32 {
                        tag.push('\n');
                    }
                    self.atbol = true;
                }
                self.type_ignores.push((lineno, tag));
                Some(None)
            }
            TypeCommentKind::Comment { text_start } => {
                self.tok_start += text_start;
                self.tok_col += text_start;
                Some(Some(self.make(TokenKind::TypeComment, self.pos)))
            }
        }
    }

    fn identifier_or_string(&mut self, first: i32) -> Result<Token, LexError> {
        let mut c = first;
        let (mut b, mut r, mut u, mut f, mut t) = (false, false, false, false, false);
        loop {
            let flag = match c as u8 {
                b'b' | b'B' => &mut b,
                b'r' | b'R' => &mut r,
                b'u' | b'U' => &mut u,
                b'f' | b'F' => &mut f,
                b't' | b'T' => &mut t,
                _ => break,
            };
            if *flag || c >= 128 {
                break;
            }
            *flag = true;
            c = self.nextc();
            if c == b'"' as i32 || c == b'\'' as i32 {
                return self.prefixed_string(c, b, r, u, f, t);
            }
        }
        let mut nonascii = false;
        while is_identifier_char(c) {
            if c >= 128 {
                nonascii = true;
            }
            c = self.nextc();
        }
        self.backup(c);
        if nonascii && !self.extra_tokens {
            self.verify_identifier()?;
        }
        let name = &self.src[self.tok_start..self.pos];
        let kind = TokenKind::keyword(name).unwrap_or(TokenKind::Name);
        Ok(self.make(kind, self.pos))
    }

    /// PEP 3131 check of a non-ASCII identifier; the error names the first bad
    /// character, located just after it.
    fn verify_identifier(&mut self) -> Result<(), LexError> {
        let text = String::from_utf8_lossy(&self.src[self.tok_start..self.pos]).into_owned();
        let mut offset = 0;
        for (i, ch) in text.chars().enumerate() {
            let ok = if i == 0 {
                crate::repr::is_id_start(ch)
            } else {
                crate::repr::is_id_continue(ch)
            };
            if !ok {
                self.pos = self.tok_start + offset + ch.len_utf8();
                let msg = if crate::repr::is_printable(ch) {
                    format!("invalid character '{}' (U+{:04X})", ch, ch as u32)
                } else {
                    format!("invalid non-printable character U+{:04X}", ch as u32)
                };
                return Err(self.error_here(msg));
            }
            offset += ch.len_utf8();
        }
        Ok(())
    }

    fn prefixed_string(
        &mut self,
        quote: i32,
        b: bool,
        r: bool,
        u: bool,
        f: bool,
        t: bool,
    ) -> Result<Token, LexError> {
        let pairs = [
            (u && b, "'u' and 'b'"),
            (u && r, "'u' and 'r'"),
            (u && f, "'u' and 'f'"),
            (u && t, "'u' and 't'"),
            (b && f, "'b' and 'f'"),
            (b && t, "'b' and 't'"),
            (f && t, "'f' and 't'"),
        ];
        if let Some((_, names)) = pairs.iter().find(|(bad, _)| *bad) {
            let start = self.chars_between(self.line_start, self.tok_start) + 1;
            let end = self.chars_between(self.line_start, self.pos - 1) + 1;
            return Err(self.error_range(format!("{names} prefixes are incompatible"), start, end));
        }
        if f || t {
            return self.fstring_start(quote, r, t);
        }
        self.string(quote)
    }

    fn string(&mut self, quote: i32) -> Result<Token, LexError> {
        let first_lineno = self.tok_lineno;
        let first_line_start = self.line_start;
        let mut quote_size = 1;
        let mut end_quote_size = 0;
        let mut has_escaped_quote = false;
        let mut c = self.nextc();
        if c == quote {
            c = self.nextc();
            if c == quote {
                quote_size = 3;
            } else {
                end_quote_size = 1;
            }
        }
        if c != quote {
            self.backup(c);
        }
        while end_quote_size != quote_size {
            c = self.nextc();
            if c == EOF || (quote_size == 1 && c == b'\n' as i32) {
                return Err(self.unterminated_string(
                    quote as u8,
                    quote_size,
                    has_escaped_quote,
                    first_lineno,
                    first_line_start,
                ));
            }
            if c == quote {
                end_quote_size += 1;
            } else {
                end_quote_size = 0;
                if c == b'\\' as i32 {
                    c = self.nextc();
                    if c == quote {
                        has_escaped_quote = true;
                    }
                }
            }
        }
        Ok(self.make(TokenKind::String, self.pos))
    }

    fn unterminated_string(
        &mut self,
        quote: u8,
        quote_size: u32,
        has_escaped_quote: bool,
        first_lineno: u32,
        first_line_start: usize,
    ) -> LexError {
        let detected = self.lineno;
        self.pos = self.tok_start + 1;
        self.line_start = first_line_start;
        self.lineno = first_lineno;
        self.at_line_end = false;
        self.finished = true;
        if let Some(mode) = self.modes.last() {
            if mode.quote == quote && mode.quote_size == quote_size {
                let kind = if mode.template {
                    "t-string"
                } else {
                    "f-string"
                };
                return self.error_here(format!("{kind}: expecting '}}'"));
            }
        }
        if quote_size == 3 {
            self.error_here(format!(
                "unterminated triple-quoted string literal (detected at line {detected})"
            ))
        } else if has_escaped_quote {
            self.error_here(format!(
                "unterminated string literal (detected at line {detected}); perhaps you escaped the end quote?"
            ))
        } else {
            self.error_here(format!(
                "unterminated string literal (detected at line {detected})"
            ))
        }
    }

    fn fstring_start(&mut self, quote: i32, raw: bool, template: bool) -> Result<Token, LexError> {
        let mut quote_size = 1;
        let after = self.nextc();
        if after == quote {
            let after2 = self.nextc();
            if after2 == quote {
                quote_size = 3;
            } else {
                self.backup(after2);
                self.backup(after);
            }
        } else {
            self.backup(after);
        }
        if self.modes.len() + 1 >= MAX_FSTRING_LEVEL {
            return Err(self.error_here("too many nested f-strings"));
        }
        self.modes.push(StringMode {
            regular: false,
            template,
            quote: quote as u8,
            quote_size,
            raw,
            start: self.tok_start,
            start_line_start: self.line_start,
            start_lineno: self.tok_lineno,
            curly_bracket_depth: 0,
            curly_bracket_expr_start_depth: -1,
            in_format_spec: false,
        });
        let kind = if template {
            TokenKind::TStringStart
        } else {
            TokenKind::FStringStart
        };
        Ok(self.make(kind, self.pos))
    }

    fn decimal_tail(&mut self) -> Result<i32, LexError> {
        loop {
            let mut c;
            loop {
                c = self.nextc();
                if !is_digit(c) {
                    break;
                }
            }
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

    fn number(&mut self, first: i32) -> Result<Token, LexError> {
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
            loop {
                c = self.nextc();
                if !in_radix(c) {
                    break;
                }
            }
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
    fn number_fraction(&mut self, mut c: i32) -> Result<Token, LexError> {
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

    fn operator(&mut self, c: i32) -> Result<Token, LexError> {
        let byte = c as u8;
        let is_punct = matches!(byte, b':' | b'}' | b'!' | b'{');
        if is_punct {
            if let Some(mode) = self.modes.last_mut() {
                if mode.curly_bracket_expr_start_depth >= 0 {
                    let cursor = mode.curly_bracket_depth - i32::from(byte != b'{');
                    if byte == b':' && cursor == mode.curly_bracket_expr_start_depth {
                        mode.regular = false;
                        mode.in_format_spec = true;
                        return Ok(self.make(TokenKind::Colon, self.pos));
                    }
                }
            }
        }
        let c2 = self.nextc();
        if c2 >= 0 {
            if let Some(kind2) = TokenKind::two_chars(byte, c2 as u8) {
                let c3 = self.nextc();
                if c3 >= 0 {
                    if let Some(kind3) = TokenKind::three_chars(byte, c2 as u8, c3 as u8) {
                        return Ok(self.make(kind3, self.pos));
                    }
                }
                self.backup(c3);
                return Ok(self.make(kind2, self.pos));
            }
        }
        self.backup(c2);
        match byte {
            b'(' | b'[' | b'{' => {
                if self.brackets.len() >= MAX_LEVEL {
                    return Err(self.error_here("too many nested parentheses"));
                }
                self.brackets.push(OpenBracket {
                    ch: byte,
                    lineno: self.lineno,
                    col: self.tok_start - self.line_start,
                });
                if let Some(mode) = self.modes.last_mut() {
                    mode.curly_bracket_depth += 1;
                }
            }
            b')' | b']' | b'}' => self.close_bracket(byte)?,
            _ => {}
        }
        if c < 128 && !crate::repr::is_printable(byte as char) {
            return Err(self.error_here(format!("invalid non-printable character U+{:04X}", c)));
        }
        Ok(self.make(TokenKind::one_char(byte), self.pos))
    }

    fn close_bracket(&mut self, byte: u8) -> Result<(), LexError> {
        if let Some(mode) = self.modes.last() {
            if mode.curly_bracket_depth == 0 && byte == b'}' {
                let kind = if mode.template {
                    "t-string"
                } else {
                    "f-string"
                };
                return Err(self.error_here(format!("{kind}: single '}}' is not allowed")));
            }
        }
        if !self.extra_tokens && self.brackets.is_empty() {
            return Err(self.error_here(format!("unmatched '{}'", byte as char)));
        }
        if let Some(open) = self.brackets.pop() {
            let matches = matches!((open.ch, byte), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
            if !self.extra_tokens && !matches {
                if let Some(mode) = self.modes.last() {
                    if open.ch == b'{'
                        && mode.curly_bracket_depth - 1 == mode.curly_bracket_expr_start_depth
                    {
                        let kind = if mode.template {
                            "t-string"
                        } else {
                            "f-string"
                        };
                        return Err(
                            self.error_here(format!("{kind}: unmatched '{}'", byte as char))
                        );
                    }
                }
                let msg = if open.lineno != self.lineno {
                    format!(
                        "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                        byte as char, open.ch as char, open.lineno
                    )
                } else {
                    format!(
                        "closing parenthesis '{}' does not match opening parenthesis '{}'",
                        byte as char, open.ch as char
                    )
                };
                return Err(self.error_here(msg));
            }
        }
        let mut unmatched = None;
        if let Some(mode) = self.modes.last_mut() {
            mode.curly_bracket_depth -= 1;
            if mode.curly_bracket_depth < 0 {
                unmatched = Some(if mode.template {
                    "t-string"
                } else {
                    "f-string"
                });
            } else if byte == b'}'
                && mode.curly_bracket_depth == mode.curly_bracket_expr_start_depth
            {
                mode.curly_bracket_expr_start_depth -= 1;
                mode.regular = false;
                mode.in_format_spec = false;
            }
        }
        if let Some(kind) = unmatched {
            return Err(self.error_here(format!("{kind}: unmatched '{}'", byte as char)));
        }
        Ok(())
    }

    /// Literal text of an f-string/t-string, its end, or the switch into a
    /// replacement field (CPython's `tok_get_fstring_mode`).
    fn next_in_string_mode(&mut self) -> Result<Token, LexError> {
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
        let mut tok = self.make(kind, self.pos);
        tok.end = end as u32;
        tok
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

/// The line starting at `start`, without its newline.
fn line_text_at(src: &[u8], start: usize) -> String {
    let start = start.min(src.len());
    let end = src[start..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(src.len(), |i| start + i);
    String::from_utf8_lossy(&src[start..end]).into_owned()
}

/// The line starting at `start`, with its newline.
fn line_text_with_newline(src: &[u8], start: usize) -> String {
    let start = start.min(src.len());
    let end = src[start..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(src.len(), |i| start + i + 1);
    String::from_utf8_lossy(&src[start..end]).into_owned()
}

/// The text (with newline) of 1-based line `lineno`.
pub fn line_text_at_lineno(src: &[u8], lineno: u32) -> String {
    let mut start = 0;
    for _ in 1..lineno {
        match src[start..].iter().position(|&b| b == b'\n') {
            Some(i) => start += i + 1,
            None => return String::new(),
        }
    }
    line_text_with_newline(src, start)
}

/// CPython's `_PyPegen_byte_offset_to_character_offset`: the number of characters
/// in the first `col` bytes of `line` (a 1-based byte offset becomes a 1-based
/// character offset).
pub fn byte_to_char_offset(line: &str, col: usize) -> i32 {
    let bytes = line.as_bytes();
    let col = col.min(bytes.len() + 1);
    let slice = &bytes[..col.min(bytes.len())];
    let extra = col.saturating_sub(bytes.len());
    (String::from_utf8_lossy(slice).chars().count() + extra) as i32
}
