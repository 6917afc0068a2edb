//! The tokenizer: CPython 3.14's `Parser/lexer` rebuilt over a byte slice.
//!
//! It runs on newline-normalized source (every line ends in `\n`) and hands out one
//! token per call, tracking indentation, bracket nesting and the PEP 701 f-string /
//! PEP 750 t-string mode stack. Errors carry CPython's message and location; whether
//! CPython raises them at once or only reports a bare error code matters to the
//! parser's error precedence, so that is recorded too.
//!
//! Speed: `next_in_regular_mode` runs once per token, so runs of bytes (names,
//! blanks, comments, string bodies, indentation) are read in place through
//! [`crate::byte_class`] tables and [`crate::byte_scan`] word-at-a-time searches
//! rather than through `nextc`, and rare or long paths are kept out of line
//! (`#[inline(never)]`, `#[cold]`): inlined, they made every call save and set up
//! more registers (measured with callgrind on the stdlib).

use crate::byte_class::{
    class_of, is_ascii_name_continue, is_name_continue, is_printable_ascii, is_space, ByteClass,
};
use crate::byte_scan::{count_spaces, find_newline, find_string_special};
use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::token::{Token, TokenKind};
use crate::type_comment::TypeCommentKind;

mod numbers;
mod string_mode;
#[cfg(test)]
mod tests;

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

/// Whether `c` may continue an identifier (non-ASCII bytes are checked later).
fn is_identifier_char(c: i32) -> bool {
    u8::try_from(c).is_ok_and(is_name_continue)
}

/// The prefix letters of a string literal (`rb`, `f`, ...), each at most once.
#[derive(Debug, Clone, Copy, Default)]
struct StringPrefix {
    b: bool,
    r: bool,
    u: bool,
    f: bool,
    t: bool,
}

impl StringPrefix {
    /// The prefix spelled by `name` (read as a name up to a quote), if it is
    /// one: only prefix letters, none repeated. Incompatible combinations are
    /// reported later, as CPython does.
    fn parse(name: &[u8]) -> Option<StringPrefix> {
        let mut prefix = StringPrefix::default();
        for &c in name {
            let flag = match c.to_ascii_lowercase() {
                b'b' => &mut prefix.b,
                b'r' => &mut prefix.r,
                b'u' => &mut prefix.u,
                b'f' => &mut prefix.f,
                b't' => &mut prefix.t,
                _ => return None,
            };
            if *flag {
                return None;
            }
            *flag = true;
        }
        Some(prefix)
    }
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

    /// Applies the line advance that reading a `\n` left pending, as the next
    /// [`Self::nextc`] would; scanning loops call it before reading `src` directly.
    #[inline]
    fn settle_line(&mut self) {
        if self.at_line_end && self.pos < self.src.len() {
            self.at_line_end = false;
            self.lineno += 1;
            self.line_start = self.pos;
        }
    }

    /// Moves to `end`, just past a `\n` read by a scanning loop: the line count
    /// advances now when more text follows, else stays pending as after
    /// [`Self::nextc`].
    fn pass_newline(&mut self, end: usize) {
        self.pos = end;
        self.at_line_end = true;
        self.settle_line();
    }

    fn nextc(&mut self) -> i32 {
        let Some(&c) = self.src.get(self.pos) else {
            return EOF;
        };
        self.settle_line();
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
    #[cold]
    fn error_here(&self, msg: impl Into<String>) -> LexError {
        let offset = self.chars_between(self.line_start, self.pos);
        self.error_range(msg, offset, offset)
    }

    #[cold]
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
    #[cold]
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
    #[cold]
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
        self.token(
            kind,
            self.tok_start,
            self.tok_col,
            end,
            self.end_position(end),
        )
    }

    /// Line and column of `end`, a byte position on the current line (or, before
    /// the line starts, on the token's own line).
    fn end_position(&self, end: usize) -> (u32, usize) {
        if end < self.line_start {
            (self.tok_lineno, self.tok_col + (end - self.tok_start))
        } else {
            (self.lineno, end - self.line_start)
        }
    }

    /// A token of `kind` over the bytes `start..end`, starting at column `col` of
    /// the recorded line and ending at `(end_lineno, end_col)`, at the current
    /// bracket level. Every token is built here in one piece (see [`Token::new`]).
    fn token(
        &self,
        kind: TokenKind,
        start: usize,
        col: usize,
        end: usize,
        (end_lineno, end_col): (u32, usize),
    ) -> Token {
        Token::new(
            kind,
            start as u32,
            end as u32,
            self.tok_lineno,
            col as u32,
            end_lineno,
            end_col as u32,
            self.brackets.len() as u32,
        )
    }

    /// The next token, or the error CPython's tokenizer would report.
    pub fn next_token(&mut self) -> Result<Token, LexError> {
        match self.modes.last() {
            Some(mode) if !mode.regular => self.next_in_string_mode(),
            _ => self.next_in_regular_mode(),
        }
    }

    #[cold]
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
            self.settle_line();
            let spaces = count_spaces(self.src.get(self.pos..).unwrap_or_default());
            self.pos += spaces;
            col += spaces as u32;
            altcol += spaces as u32;
            let Some(&c) = self.src.get(self.pos) else {
                break None;
            };
            match c {
                b'\t' => {
                    col = (col / TABSIZE + 1) * TABSIZE;
                    altcol += 1;
                }
                0x0c => {
                    col = 0;
                    altcol = 0;
                }
                b'\\' => {
                    if cont_line_col == 0 {
                        cont_line_col = col;
                    }
                    self.pos += 1;
                    self.continuation_line()?;
                    continue;
                }
                _ => break Some(c),
            }
            self.pos += 1;
        };
        let blank = matches!(c, Some(b'#' | b'\n' | b'\r'));
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
    #[inline(never)]
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
        // Only a new line changes whether the line being read is blank.
        let mut blankline = false;
        loop {
            if self.atbol {
                blankline = self.handle_line_start()?;
            }
            if self.pending_indents != 0 {
                return Ok(self.indent_token());
            }
            let mut next = self.skip_to_token_start();
            if next == Some(b'#') {
                self.pos = self.line_end_at(self.pos);
                if self.type_comments {
                    match self.type_comment(blankline) {
                        Some(Some(tok)) => return Ok(tok),
                        Some(None) => continue,
                        None => {}
                    }
                }
                if self.extra_tokens {
                    self.comment_newline = blankline;
                    return Ok(self.make(TokenKind::Comment, self.pos));
                }
                // The comment's newline (or the end) ends the line; a NEWLINE
                // token starts at the `#`, as in CPython.
                next = self.src.get(self.pos).copied();
            }
            let Some(c) = next else {
                return self.end_of_input();
            };
            self.pos += 1;
            match class_of(c) {
                ByteClass::NameStart => return self.identifier_or_string(c),
                ByteClass::Newline => {
                    self.at_line_end = true;
                    if let Some(tok) = self.newline_token(blankline) {
                        return Ok(tok);
                    }
                }
                ByteClass::Dot => return self.dot(),
                ByteClass::Digit => return self.number(c as i32),
                ByteClass::Quote => return self.string(c as i32),
                ByteClass::Backslash => self.continuation_line()?,
                // Blanks and comments were skipped above.
                ByteClass::Space | ByteClass::Hash | ByteClass::Other => {
                    return self.operator(c as i32)
                }
            }
        }
    }

    /// A queued INDENT or DEDENT token.
    fn indent_token(&mut self) -> Token {
        self.begin_token();
        if self.pending_indents < 0 {
            self.pending_indents += 1;
            return self.make(TokenKind::Dedent, self.pos);
        }
        self.pending_indents -= 1;
        let end = self.end_position(self.pos);
        self.token(TokenKind::Indent, self.line_start, 0, self.pos, end)
    }

    /// Skips blanks and records where the next token starts; returns its first
    /// byte (not consumed), `None` at the end of input.
    #[inline]
    fn skip_to_token_start(&mut self) -> Option<u8> {
        self.settle_line();
        let pos = scan_while(self.src, self.pos, is_space);
        self.pos = pos;
        self.tok_start = pos;
        self.tok_lineno = self.lineno;
        self.tok_col = pos - self.line_start;
        self.src.get(pos).copied()
    }

    /// Moves past the bytes `accept` takes, in place: they must not include
    /// `\n`, as no line bookkeeping is done (the caller stands inside a line).
    fn skip_while(&mut self, accept: impl Fn(u8) -> bool) {
        self.pos = scan_while(self.src, self.pos, accept);
    }

    /// Position of the `\n` ending the line that holds `pos` (or the end).
    #[inline(never)]
    fn line_end_at(&self, pos: usize) -> usize {
        let rest = self.src.get(pos..).unwrap_or_default();
        find_newline(rest).map_or(self.src.len(), |i| pos + i)
    }

    /// ENDMARKER, or the error for input ending inside brackets.
    fn end_of_input(&mut self) -> Result<Token, LexError> {
        if !self.brackets.is_empty() {
            return Err(self.eof_error());
        }
        self.finished = true;
        Ok(self.make(TokenKind::EndMarker, self.pos))
    }

    /// The token for a `\n` just read: NEWLINE, NL (for `tokenize`), or `None`
    /// when it ends a blank line or a line inside brackets.
    fn newline_token(&mut self, blankline: bool) -> Option<Token> {
        self.atbol = true;
        if blankline || !self.brackets.is_empty() {
            if self.extra_tokens {
                self.comment_newline = false;
                return Some(self.make(TokenKind::Nl, self.pos));
            }
            return None;
        }
        if self.comment_newline && self.extra_tokens {
            self.comment_newline = false;
            return Some(self.make(TokenKind::Nl, self.pos));
        }
        // CPython's NEWLINE spans one column, on the line it ends.
        let end = (self.tok_lineno, self.tok_col + 1);
        Some(self.token(
            TokenKind::Newline,
            self.tok_start,
            self.tok_col,
            self.pos - 1,
            end,
        ))
    }

    /// After a `.`: a float's fraction, an ellipsis or a dot.
    fn dot(&mut self) -> Result<Token, LexError> {
        if let Some(b'0'..=b'9') = self.src.get(self.pos) {
            let c = self.nextc();
            return self.number_fraction(c);
        }
        match self.src.get(self.pos..self.pos + 2) {
            Some(b"..") => {
                self.pos += 2;
                Ok(self.make(TokenKind::Ellipsis, self.pos))
            }
            _ => Ok(self.make(TokenKind::Dot, self.pos)),
        }
    }

    /// After a comment (from `tok_start` to `pos`) in type-comments mode: a
    /// TYPE_COMMENT token, or for `# type: ignore` the comment recorded and
    /// `Some(None)` to read on (the newline of an otherwise blank line is consumed
    /// with it, as CPython does). `None` when it is an ordinary comment.
    #[inline(never)]
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

    /// A name or keyword, or a string whose prefix letters were read as the
    /// start of a name; the first byte (`first`) is already consumed.
    fn identifier_or_string(&mut self, first: u8) -> Result<Token, LexError> {
        let src = self.src;
        let mut end = scan_while(src, self.pos, is_ascii_name_continue);
        // Names are nearly always ASCII: only one that is not takes the second
        // scan, which accepts any non-ASCII byte, and the PEP 3131 check.
        let mut ascii = first.is_ascii();
        if src.get(end).is_some_and(|b| !b.is_ascii()) {
            ascii = false;
            end = scan_while(src, end, is_name_continue);
        }
        let name = src.get(self.tok_start..end).unwrap_or_default();
        if let Some(&quote @ (b'\'' | b'"')) = src.get(end) {
            if let Some(prefix) = StringPrefix::parse(name) {
                self.pos = end + 1;
                return self.prefixed_string(quote as i32, prefix);
            }
        }
        self.pos = end;
        if !self.extra_tokens && !ascii {
            self.verify_identifier()?;
        }
        let kind = TokenKind::keyword(name).unwrap_or(TokenKind::Name);
        Ok(self.make(kind, end))
    }

    /// PEP 3131 check of a non-ASCII identifier; the error names the first bad
    /// character, located just after it.
    #[inline(never)]
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

    #[inline(never)]
    fn prefixed_string(&mut self, quote: i32, prefix: StringPrefix) -> Result<Token, LexError> {
        let StringPrefix { b, r, u, f, t } = prefix;
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

    /// A string literal after its opening quote (already consumed).
    fn string(&mut self, quote: i32) -> Result<Token, LexError> {
        let first_lineno = self.tok_lineno;
        let first_line_start = self.line_start;
        let src = self.src;
        let quote = quote as u8;
        let mut pos = self.pos;
        let mut quote_size = 1;
        let mut end_quote_size = 0;
        if src.get(pos) == Some(&quote) {
            if src.get(pos + 1) == Some(&quote) {
                quote_size = 3;
                pos += 2;
            } else {
                end_quote_size = 1;
                pos += 1;
            }
        }
        let mut has_escaped_quote = false;
        while end_quote_size != quote_size {
            let rest = src.get(pos..).unwrap_or_default();
            let special = find_string_special(rest).and_then(|i| Some((i, *rest.get(i)?)));
            // The end of input, or of the line for a single-quoted string.
            let Some((plain_len, c)) = special.filter(|&(_, c)| quote_size == 3 || c != b'\n')
            else {
                return Err(self.unterminated_string(
                    quote,
                    quote_size,
                    has_escaped_quote,
                    first_lineno,
                    first_line_start,
                ));
            };
            pos += plain_len + 1;
            if plain_len > 0 {
                end_quote_size = 0;
            }
            if c == quote {
                end_quote_size += 1;
            } else {
                end_quote_size = 0;
                if c == b'\n' {
                    self.pass_newline(pos);
                } else if c == b'\\' {
                    if let Some(&escaped) = src.get(pos) {
                        pos += 1;
                        if escaped == quote {
                            has_escaped_quote = true;
                        } else if escaped == b'\n' {
                            self.pass_newline(pos);
                        }
                    }
                }
            }
        }
        self.pos = pos;
        Ok(self.make(TokenKind::String, pos))
    }

    #[cold]
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
            return Err(self.error_here("too many nested f-strings or t-strings"));
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

    fn operator(&mut self, c: i32) -> Result<Token, LexError> {
        let byte = c as u8;
        if !self.modes.is_empty() && matches!(byte, b':' | b'}' | b'!' | b'{') {
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
        // The bytes after the first are looked at in place: an operator never
        // holds a newline, so no line bookkeeping is involved.
        if let Some(&c2) = self.src.get(self.pos) {
            if let Some(kind2) = TokenKind::two_chars(byte, c2) {
                let third = self.src.get(self.pos + 1);
                if let Some(kind3) = third.and_then(|&c3| TokenKind::three_chars(byte, c2, c3)) {
                    self.pos += 2;
                    return Ok(self.make(kind3, self.pos));
                }
                self.pos += 1;
                return Ok(self.make(kind2, self.pos));
            }
        }
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
        if !is_printable_ascii(byte) {
            return Err(self.error_here(format!("invalid non-printable character U+{:04X}", c)));
        }
        Ok(self.make(TokenKind::one_char(byte), self.pos))
    }

    #[inline(never)]
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
}

/// The end of the run of bytes from `from` that `accept` takes.
#[inline]
fn scan_while(src: &[u8], from: usize, accept: impl Fn(u8) -> bool) -> usize {
    let mut end = from;
    while src.get(end).is_some_and(|&b| accept(b)) {
        end += 1;
    }
    end
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
