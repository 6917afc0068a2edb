//! `python -m tokenize FILE` output: the token stream of the C tokenizer in its
//! "extra tokens" mode (comments, NL), one line per token, or the error line.

use crate::repr::str_repr;
use crate::source::normalize_newlines;
use crate::token::{Token, TokenKind};
use crate::tokenizer::Tokenizer;
use crate::SyntaxErrorKind;

/// What `python3.14 -m tokenize FILE` prints for `source` (decoded UTF-8 text):
/// `Ok(stdout)`, or `Err(stderr)` for input it rejects (it then exits with status 1).
pub fn tokenize_dump(source: &str, filename: &str) -> Result<String, String> {
    tokenize_dump_with_encoding(source, filename, Some("utf-8"))
}

/// [`tokenize_dump`] for text decoded from `encoding` (the ENCODING token's
/// string); `None` for text read from standard input, which gets no ENCODING token.
/// `\r\n` line ends are shown in NEWLINE/NL tokens and strings as in the source.
pub fn tokenize_dump_with_encoding(
    source: &str,
    filename: &str,
    encoding: Option<&str>,
) -> Result<String, String> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let crlf = CrlfIndex::new(source);
    let (text, implicit_newline) = normalize_newlines(source);
    let lines = LineIndex::new(&text);
    let mut lexer = Tokenizer::new(&text, true);
    let mut out = String::new();
    if let Some(encoding) = encoding {
        push_line(&mut out, "0,0-0,0:", "ENCODING", &str_repr(encoding));
    }
    loop {
        let tok = match lexer.next_token() {
            Ok(tok) => tok,
            Err(err) => {
                let e = err.error;
                if !err.raised
                    && (e.msg.ends_with("was never closed") || e.msg.starts_with("unexpected EOF"))
                {
                    return Err(format!(
                        "{filename}:{}:0: error: unexpected EOF in multi-line statement\n",
                        lines.count()
                    ));
                }
                let msg = if e.msg.contains("unterminated triple-quoted string literal") {
                    "EOF in multi-line string".to_string()
                } else {
                    e.msg
                };
                // The tokenize module reports a tab/space mix at the end of the line.
                let offset = if e.kind == SyntaxErrorKind::TabError {
                    e.text.as_deref().map_or(0, |t| t.chars().count() as i32)
                } else {
                    e.offset
                };
                return Err(match e.kind {
                    SyntaxErrorKind::SyntaxError
                    | SyntaxErrorKind::IndentationError
                    | SyntaxErrorKind::TabError => {
                        format!("{filename}:{}:{}: error: {msg}\n", e.lineno, offset)
                    }
                    _ => format!("{filename}: error: {msg}\n"),
                });
            }
        };
        let (name, mut string, start, mut end) = describe(&text, &lines, &tok, implicit_newline);
        if crlf.any() {
            match tok.kind {
                TokenKind::Newline | TokenKind::Nl if crlf.is_crlf(tok.start as usize) => {
                    string = "\r\n".to_string();
                    end.1 += 1;
                }
                TokenKind::Newline | TokenKind::Nl | TokenKind::EndMarker | TokenKind::Dedent => {}
                _ => string = crlf.original_slice(source, tok.start as usize, tok.end as usize),
            }
        }
        let range = format!("{},{}-{},{}:", start.0, start.1, end.0, end.1);
        push_line(&mut out, &range, name, &str_repr(&string));
        if tok.kind == TokenKind::EndMarker {
            return Ok(out);
        }
    }
}

fn push_line(out: &mut String, range: &str, name: &str, repr: &str) {
    out.push_str(&format!("{range:<20}{name:<15}{repr:<15}\n"));
}

/// Token name, string and (line, character column) start/end as `tokenize` shows them.
fn describe(
    text: &str,
    lines: &LineIndex,
    tok: &Token,
    implicit_newline: bool,
) -> (&'static str, String, (u32, u32), (u32, u32)) {
    let start = lines.position(text, tok.start as usize);
    let end = lines.position(text, tok.end as usize);
    let slice = text[tok.start as usize..tok.end as usize].to_string();
    match tok.kind {
        TokenKind::EndMarker => {
            let line = if text.is_empty() {
                1
            } else {
                lines.count() + 1
            };
            ("ENDMARKER", String::new(), (line, 0), (line, 0))
        }
        TokenKind::Dedent => {
            let line = if tok.start as usize >= text.len() {
                lines.count() + 1
            } else {
                start.0
            };
            let col = if tok.start as usize >= text.len() {
                0
            } else {
                start.1
            };
            ("DEDENT", String::new(), (line, col), (line, col))
        }
        TokenKind::Newline => {
            let s = if implicit_newline && tok.start as usize + 1 >= text.len() {
                ""
            } else {
                "\n"
            };
            ("NEWLINE", s.to_string(), start, (start.0, start.1 + 1))
        }
        TokenKind::Nl => {
            let s = if implicit_newline && tok.start as usize + 1 >= text.len() {
                ""
            } else {
                "\n"
            };
            ("NL", s.to_string(), start, (start.0, start.1 + 1))
        }
        TokenKind::Indent => ("INDENT", slice, start, end),
        TokenKind::Name => ("NAME", slice, start, end),
        TokenKind::Number => ("NUMBER", slice, start, end),
        TokenKind::String => ("STRING", slice, start, end),
        TokenKind::Comment => ("COMMENT", slice, start, end),
        TokenKind::FStringStart => ("FSTRING_START", slice, start, end),
        TokenKind::FStringMiddle => ("FSTRING_MIDDLE", slice, start, end),
        TokenKind::FStringEnd => ("FSTRING_END", slice, start, end),
        TokenKind::TStringStart => ("TSTRING_START", slice, start, end),
        TokenKind::TStringMiddle => ("TSTRING_MIDDLE", slice, start, end),
        TokenKind::TStringEnd => ("TSTRING_END", slice, start, end),
        k if k.is_keyword() => ("NAME", slice, start, end),
        _ => ("OP", slice, start, end),
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

    fn position(&self, text: &str, offset: usize) -> (u32, u32) {
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.starts.get(line).copied().unwrap_or(0).min(offset);
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
        let mut newlines = Vec::new();
        let mut removed = 0;
        for (i, pair) in source.as_bytes().windows(2).enumerate() {
            if pair == b"\r\n" {
                newlines.push(i + 1 - removed - 1);
                removed += 1;
            }
        }
        CrlfIndex { newlines }
    }

    fn any(&self) -> bool {
        !self.newlines.is_empty()
    }

    /// Whether the normalized newline at `offset` was `\r\n`.
    fn is_crlf(&self, offset: usize) -> bool {
        self.newlines.binary_search(&offset).is_ok()
    }

    /// The source offset of normalized offset `offset`.
    fn original(&self, offset: usize) -> usize {
        offset + self.newlines.partition_point(|&n| n < offset)
    }

    /// The source text of the normalized range `start..end`.
    fn original_slice(&self, source: &str, start: usize, end: usize) -> String {
        source
            .get(self.original(start)..self.original(end))
            .unwrap_or_default()
            .to_string()
    }
}
