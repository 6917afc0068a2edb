//! The token stream of CPython's `_tokenize.TokenizerIter` in "extra tokens" mode,
//! which is what the `tokenize` module yields: each token's type, string, (line,
//! character column) start and end, and the physical line(s) it was found on; then
//! the error that stopped the tokenizer, if any.
//!
//! Both `python -m tokenize` output ([`crate::tokenize_dump`]) and adder's native
//! `_tokenize` module are built on it, so that they cannot disagree.

use crate::error::SyntaxError;
use crate::source::normalize_newlines;
use crate::token::{Token, TokenKind};
use crate::tokenizer::Tokenizer;

/// `token.OP`: the type `tokenize` gives every operator.
pub const OP: u8 = 55;

/// One token as `tokenize.TokenInfo` holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenInfo {
    pub kind: TokenKind,
    pub string: String,
    /// (1-based line, 0-based character column).
    pub start: (u32, u32),
    pub end: (u32, u32),
    /// The physical line the token is on (all the lines a string spans), with its
    /// line end as written; empty for the trailing DEDENT and ENDMARKER tokens.
    pub line: String,
}

impl TokenInfo {
    /// The `token` module's name for the token's type as `tokenize` reports it.
    pub fn type_name(&self) -> &'static str {
        type_name(self.kind)
    }

    /// The `token` module's number for the type `tokenize` reports (OP for
    /// every operator, NAME for keywords).
    pub fn type_number(&self) -> u8 {
        if self.kind.is_operator() {
            OP
        } else {
            self.exact_type_number()
        }
    }

    /// The `token` module's number for the exact type (LPAR, PLUS, ...).
    pub fn exact_type_number(&self) -> u8 {
        use TokenKind::*;
        match self.kind {
            EndMarker => 0,
            Name => 1,
            Number => 2,
            String => 3,
            Newline => 4,
            Indent => 5,
            Dedent => 6,
            FStringStart => 59,
            FStringMiddle => 60,
            FStringEnd => 61,
            TStringStart => 62,
            TStringMiddle => 63,
            TStringEnd => 64,
            Comment => 65,
            Nl => 66,
            TypeComment => 57,
            UnknownOp => OP,
            // Operators are declared in `token`'s order, LPAR (7) to EXCLAMATION (54).
            k if k.is_operator() => (k as u8) - (Lpar as u8) + 7,
            _ => 1,
        }
    }
}

/// Why the token stream stopped early.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StreamError {
    /// Input ended inside brackets or after a line continuation (CPython's E_EOF):
    /// a bare `SyntaxError("unexpected EOF in multi-line statement")` whose `lineno`
    /// and `offset` attributes are set, not its arguments.
    UnexpectedEof { lineno: u32, offset: u32 },
    /// Any other error. `raised` errors carry the lexer's own location; the others
    /// (bad dedent, tab/space mix, too deep, character after a continuation) are
    /// reported by `_tokenize` at the end of the offending line, without an end.
    Lexer { error: SyntaxError, raised: bool },
}

/// The tokens of one source text, up to the end or the first error.
#[derive(Debug, Clone)]
pub struct TokenStream {
    pub tokens: Vec<TokenInfo>,
    pub error: Option<StreamError>,
}

/// Tokenize `source` (decoded text; a leading BOM is dropped) as
/// `tokenize.generate_tokens` does.
pub fn token_stream(source: &str) -> TokenStream {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let (text, implicit_newline) = normalize_newlines(source);
    let map = SourceMap {
        source,
        text: &text,
        lines: LineIndex::new(&text),
        crlf: CrlfIndex::new(source),
        implicit_newline,
    };
    let mut lexer = Tokenizer::new(&text, true);
    let mut tokens = Vec::new();
    loop {
        match lexer.next_token() {
            Ok(tok) => {
                let info = map.describe(&tok);
                tokens.push(info);
                if tok.kind == TokenKind::EndMarker {
                    return TokenStream {
                        tokens,
                        error: None,
                    };
                }
            }
            Err(err) => {
                let e = err.error;
                let error = if !err.raised
                    && (e.msg.ends_with("was never closed") || e.msg.starts_with("unexpected EOF"))
                {
                    StreamError::UnexpectedEof {
                        lineno: map.lines.count(),
                        offset: map.buffered_at_eof(&tokens) as u32,
                    }
                } else {
                    StreamError::Lexer {
                        error: e,
                        raised: err.raised,
                    }
                };
                return TokenStream {
                    tokens,
                    error: Some(error),
                };
            }
        }
    }
}

/// The token type names of the `token` module, as `tokenize` reports them: OP for
/// every operator, NAME for keywords.
fn type_name(kind: TokenKind) -> &'static str {
    if kind.is_operator() {
        "OP"
    } else if kind.is_keyword() {
        "NAME"
    } else {
        kind.exact_name()
    }
}

/// The source as written and its newline-normalized form, with what is needed to
/// turn the lexer's byte offsets (into the normalized text) into `tokenize`'s view.
struct SourceMap<'a> {
    source: &'a str,
    text: &'a str,
    lines: LineIndex,
    crlf: CrlfIndex,
    /// A `\n` was appended to text not ending in one.
    implicit_newline: bool,
}

impl SourceMap<'_> {
    /// The token as `tokenize` reports it.
    fn describe(&self, tok: &Token) -> TokenInfo {
        let (text, lines) = (self.text, &self.lines);
        let start_offset = tok.start as usize;
        let start = lines.position(text, start_offset);
        let end = lines.position(text, tok.end as usize);
        let slice = || self.original_slice(start_offset, tok.end as usize);
        let at_eof = start_offset >= text.len();
        let (string, start, end) = match tok.kind {
            TokenKind::EndMarker => {
                let line = if text.is_empty() {
                    1
                } else {
                    lines.count() + 1
                };
                (String::new(), (line, 0), (line, 0))
            }
            TokenKind::Dedent if at_eof => {
                let line = lines.count() + 1;
                (String::new(), (line, 0), (line, 0))
            }
            TokenKind::Dedent => (String::new(), start, start),
            TokenKind::Newline | TokenKind::Nl => {
                if self.implicit_newline && start_offset + 1 >= text.len() {
                    (String::new(), start, (start.0, start.1 + 1))
                } else if self.crlf.is_crlf(start_offset) {
                    ("\r\n".to_string(), start, (start.0, start.1 + 2))
                } else {
                    ("\n".to_string(), start, (start.0, start.1 + 1))
                }
            }
            _ => (slice(), start, end),
        };
        TokenInfo {
            kind: tok.kind,
            string,
            start,
            end,
            line: self.physical_line(tok),
        }
    }

    /// CPython's `line` for a token: the lines from the one the token starts on
    /// (string literals) or ends on (everything else) to the one it ends on.
    fn physical_line(&self, tok: &Token) -> String {
        let (start, end) = (tok.start as usize, tok.end as usize);
        let at_eof_dedent = tok.kind == TokenKind::Dedent && start >= self.text.len();
        if at_eof_dedent || tok.kind == TokenKind::EndMarker {
            return String::new();
        }
        let (first, last) = match tok.kind {
            // A string's text may end a line: the tokenizer then stands on the next.
            TokenKind::String | TokenKind::FStringMiddle | TokenKind::TStringMiddle => {
                (self.lines.line_of(start), self.lines.line_of(end))
            }
            _ => {
                // NEWLINE and NL end after their `\n`, on the next line's first byte.
                let last = self
                    .lines
                    .line_of(if end > start { end - 1 } else { start });
                (last, last)
            }
        };
        let from = self.lines.start_of(first);
        let mut to = self
            .lines
            .start_of(last + 1)
            .unwrap_or(self.text.len())
            .min(self.text.len());
        if self.implicit_newline && to == self.text.len() {
            to -= 1;
        }
        self.original_slice(from.unwrap_or(0), to)
    }

    /// The source text of the normalized range `start..end`.
    fn original_slice(&self, start: usize, end: usize) -> String {
        self.source
            .get(self.crlf.original(start)..self.crlf.original(end))
            .unwrap_or_default()
            .to_string()
    }

    /// CPython's offset for an unexpected EOF: the bytes still buffered when input
    /// ran out. A line read outside any token and any f-string empties the buffer
    /// first, so what remains is the lines since the outermost open f-string (or
    /// t-string) started, else the trailing lines joined by backslash continuations.
    fn buffered_at_eof(&self, tokens: &[TokenInfo]) -> usize {
        let mut open_strings = Vec::new();
        for tok in tokens {
            match tok.kind {
                TokenKind::FStringStart | TokenKind::TStringStart => open_strings.push(tok.start.0),
                TokenKind::FStringEnd | TokenKind::TStringEnd => {
                    open_strings.pop();
                }
                _ => {}
            }
        }
        let buffered = match open_strings.first() {
            Some(&line) => {
                let from = self
                    .lines
                    .start_of((line as usize).saturating_sub(1))
                    .unwrap_or(0);
                self.source.len() - self.crlf.original(from).min(self.source.len())
            }
            None => self.continued_tail_len(),
        };
        // The newline the tokenizer adds to a last line that has none is buffered too.
        buffered + usize::from(buffered > 0 && self.implicit_newline)
    }

    /// The bytes of the trailing lines that end in a backslash.
    fn continued_tail_len(&self) -> usize {
        self.source
            .split_inclusive('\n')
            .rev()
            .take_while(|line| line.trim_end_matches(['\n', '\r']).ends_with('\\'))
            .map(str::len)
            .sum()
    }
}

/// Byte offsets of line starts, to turn a byte offset into (line, character column).
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        if starts.last() == Some(&text.len()) && !text.is_empty() {
            starts.pop();
        }
        LineIndex { starts }
    }

    fn count(&self) -> u32 {
        self.starts.len() as u32
    }

    /// The 0-based line holding byte `offset`.
    fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Where 0-based line `line` starts, if there is such a line.
    fn start_of(&self, line: usize) -> Option<usize> {
        self.starts.get(line).copied()
    }

    fn position(&self, text: &str, offset: usize) -> (u32, u32) {
        let line = self.line_of(offset);
        let start = self.start_of(line).unwrap_or(0).min(offset);
        let col = text.get(start..offset).map_or(0, |s| s.chars().count());
        (line as u32 + 1, col as u32)
    }
}

/// Where the source had `\r\n` line ends, which newline normalization turned
/// into `\n`: offsets of those newlines in the normalized text.
struct CrlfIndex {
    newlines: Vec<usize>,
}

impl CrlfIndex {
    fn new(source: &str) -> Self {
        let newlines = source
            .as_bytes()
            .windows(2)
            .enumerate()
            .filter(|(_, pair)| *pair == b"\r\n")
            .enumerate()
            .map(|(removed, (i, _))| i - removed)
            .collect();
        CrlfIndex { newlines }
    }

    /// Whether the normalized newline at `offset` was `\r\n`.
    fn is_crlf(&self, offset: usize) -> bool {
        self.newlines.binary_search(&offset).is_ok()
    }

    /// The source offset of normalized offset `offset`.
    fn original(&self, offset: usize) -> usize {
        offset + self.newlines.partition_point(|&n| n < offset)
    }
}

#[cfg(test)]
mod tests {
    //! Expected values are what CPython 3.14's `tokenize.generate_tokens` gives.
    use super::*;

    fn lines_of(source: &str) -> Vec<(String, String)> {
        token_stream(source)
            .tokens
            .into_iter()
            .map(|t| (t.string, t.line))
            .collect()
    }

    #[test]
    fn string_tokens_carry_every_line_they_span() {
        let toks = lines_of("x = '''a\nb''' + z\n");
        assert_eq!(
            toks[2],
            ("'''a\nb'''".to_string(), "x = '''a\nb''' + z\n".to_string())
        );
        assert_eq!(toks[3], ("+".to_string(), "b''' + z\n".to_string()));
    }

    #[test]
    fn missing_final_newline_and_crlf() {
        let toks = token_stream("x = 1").tokens;
        assert_eq!(
            (toks[3].string.as_str(), toks[3].line.as_str()),
            ("", "x = 1")
        );
        assert_eq!(toks[3].end, (1, 6));
        let toks = token_stream("a\r\nb\r\n").tokens;
        assert_eq!(toks[1].string, "\r\n");
        assert_eq!(toks[1].end, (1, 3));
        assert_eq!(toks[1].line, "a\r\n");
    }

    #[test]
    fn unexpected_eof_offsets() {
        let offset = |src: &str| match token_stream(src).error {
            Some(StreamError::UnexpectedEof { offset, .. }) => offset,
            other => panic!("{other:?}"),
        };
        assert_eq!(offset("x = (\n"), 0);
        assert_eq!(offset("x = 1\\\n"), 7);
        assert_eq!(offset("x = (1 \\\n  + 2 \\\n"), 17);
        assert_eq!(offset("x = f'{a\n"), 9);
    }
}
