//! The syntax error value every stage of this crate returns, and the text CPython
//! prints for one left uncaught.

/// Which Python exception class the error is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// CPython raises MemoryError("Parser stack overflowed - Python source too
    /// complex to parse") for input nested deeper than its parser stack.
    MemoryError,
    /// CPython raises RecursionError for trees too deep to compile (long operator or
    /// attribute chains); the parser refuses them up front to keep Rust's stack safe.
    RecursionError,
}

impl SyntaxErrorKind {
    /// The Python class name (`"SyntaxError"`, ...).
    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
            SyntaxErrorKind::MemoryError => "MemoryError",
            SyntaxErrorKind::RecursionError => "RecursionError",
        }
    }
}

/// A syntax error with exactly the attributes CPython puts on the exception:
/// `lineno`/`end_lineno` are 1-based lines, `offset`/`end_offset` 1-based character
/// columns (signed because CPython reports 0 or -1 for "unknown" in some cases),
/// `text` the offending source line, with or without its newline as CPython keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    pub lineno: u32,
    pub offset: i32,
    pub end_lineno: u32,
    pub end_offset: i32,
    pub text: Option<String>,
}

/// What a `SyntaxError` exception carries besides its message (its `args[1]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxErrorDetails {
    /// `(filename, lineno, offset, text, end_lineno, end_offset)`: the usual form.
    Full,
    /// `(filename, 0, -1, None)`: a source that cannot be decoded (`lineno` 0,
    /// `offset` -1).
    Undecodable,
    /// Nothing: every attribute is None (a NUL byte in a source string: `lineno` 0,
    /// `offset` 0, no text).
    MessageOnly,
}

impl SyntaxError {
    /// The form of the exception's location details, by the conventions above.
    pub fn details(&self) -> SyntaxErrorDetails {
        match (self.lineno, self.offset, &self.text) {
            (0, -1, None) => SyntaxErrorDetails::Undecodable,
            (0, 0, None) => SyntaxErrorDetails::MessageOnly,
            _ => SyntaxErrorDetails::Full,
        }
    }
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {} (line {})",
            self.kind.name(),
            self.msg,
            self.lineno
        )
    }
}

impl std::error::Error for SyntaxError {}

/// The text CPython 3.14 writes to stderr for an uncaught syntax error raised while
/// compiling `filename`: location line, source line, carets, and `Kind: msg`.
///
/// MemoryError and RecursionError are not SyntaxError subclasses: CPython raises them
/// without a location, so the report is only `Kind: msg` (no `File ..., line 0`).
pub fn format_syntax_error(err: &SyntaxError, filename: &str) -> String {
    if matches!(
        err.kind,
        SyntaxErrorKind::MemoryError | SyntaxErrorKind::RecursionError
    ) {
        return format!("{}: {}\n", err.kind.name(), err.msg);
    }
    let mut out = format!("  File \"{}\", line {}\n", filename, err.lineno);
    if let Some(text) = &err.text {
        push_source_and_carets(&mut out, err, text);
    }
    out.push_str(err.kind.name());
    out.push_str(": ");
    out.push_str(&err.msg);
    out.push('\n');
    out
}

/// Mirrors `traceback.TracebackException._format_syntax_error`: strip the line,
/// then place carets from `offset` to `end_offset` (one caret at least), counted in
/// characters after the stripped leading whitespace.
fn push_source_and_carets(out: &mut String, err: &SyntaxError, text: &str) {
    let rtext = text.trim_end_matches(['\n', '\r']);
    let ltext = rtext.trim_start_matches([' ', '\n', '\x0c']);
    let spaces = rtext.chars().count() - ltext.chars().count();
    out.push_str("    ");
    out.push_str(ltext);
    out.push('\n');
    let text_chars = text.chars().count() as i64;
    let line_chars = rtext.chars().count() as i64;
    let mut offset = err.offset as i64;
    let mut end_offset = if err.lineno == err.end_lineno {
        if err.end_offset != 0 {
            err.end_offset as i64
        } else {
            offset
        }
    } else {
        line_chars + 1
    };
    if offset > text_chars {
        offset = line_chars + 1;
    }
    if end_offset > text_chars {
        end_offset = line_chars + 1;
    }
    if offset >= end_offset || end_offset < 0 {
        end_offset = offset + 1;
    }
    let colno = offset - 1 - spaces as i64;
    let end_colno = end_offset - 1 - spaces as i64;
    if colno < 0 {
        return;
    }
    out.push_str("    ");
    for c in ltext.chars().take(colno as usize) {
        out.push(if c.is_whitespace() { c } else { ' ' });
    }
    let width = (end_colno - colno).max(1) as usize;
    out.extend(std::iter::repeat_n('^', width));
    out.push('\n');
}
