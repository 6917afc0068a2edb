//! `python -m tokenize FILE` output: the token stream of the C tokenizer in its
//! "extra tokens" mode (comments, NL), one line per token, or the error line.

use crate::repr::str_repr;
use crate::token_stream::{token_stream, StreamError};
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
    let stream = token_stream(source);
    let mut out = String::new();
    if let Some(encoding) = encoding {
        push_line(&mut out, "0,0-0,0:", "ENCODING", &str_repr(encoding));
    }
    for tok in &stream.tokens {
        let range = format!(
            "{},{}-{},{}:",
            tok.start.0, tok.start.1, tok.end.0, tok.end.1
        );
        push_line(&mut out, &range, tok.type_name(), &str_repr(&tok.string));
    }
    match stream.error {
        None => Ok(out),
        Some(error) => Err(error_line(filename, error)),
    }
}

/// The `tokenize` module's report of a tokenizer error (its `_main` prints the
/// TokenError's or IndentationError's location, other errors without one).
fn error_line(filename: &str, error: StreamError) -> String {
    let (e, raised) = match error {
        StreamError::UnexpectedEof { lineno, offset } => {
            return format!(
                "{filename}:{lineno}:{offset}: error: unexpected EOF in multi-line statement\n"
            );
        }
        StreamError::Lexer { error, raised } => (error, raised),
    };
    let msg = if e.msg.contains("unterminated triple-quoted string literal") {
        "EOF in multi-line string".to_string()
    } else {
        e.msg.clone()
    };
    let offset = if raised {
        e.offset
    } else {
        unraised_offset(&e)
    };
    match e.kind {
        SyntaxErrorKind::SyntaxError
        | SyntaxErrorKind::IndentationError
        | SyntaxErrorKind::TabError => format!("{filename}:{}:{offset}: error: {msg}\n", e.lineno),
        _ => format!("{filename}: error: {msg}\n"),
    }
}

/// Where `_tokenize` reports an error the lexer left as a bare error code: just
/// past the end of the offending line.
pub fn unraised_offset(e: &crate::SyntaxError) -> i32 {
    match &e.text {
        Some(text) => text.trim_end_matches(['\n', '\r']).chars().count() as i32 + 1,
        None => e.offset,
    }
}

fn push_line(out: &mut String, range: &str, name: &str, repr: &str) {
    out.push_str(&format!("{range:<20}{name:<15}{repr:<15}\n"));
}
