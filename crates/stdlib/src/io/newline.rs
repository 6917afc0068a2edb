//! The `newline` argument of text streams (`StringIO`, `TextIOWrapper`): how lines
//! end when reading, and what `\n` becomes when writing.

use adder_vm::object::Payload;
use adder_vm::{PyResult, Value, Vm};

/// The five accepted values of `newline`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Newline {
    /// `None`: universal newlines, translated to `\n` on input.
    Universal,
    /// `''`: universal line splitting, no translation.
    Untranslated,
    Lf,
    Cr,
    CrLf,
}

impl Newline {
    /// Parse a `newline` argument (`None` when absent). `func` is the callable named
    /// in the type error (`open`, `TextIOWrapper`); `StringIO` (no name) words its
    /// errors differently, as CPython does.
    pub fn parse(vm: &mut Vm, v: Option<&Value>, func: Option<&str>) -> PyResult<Newline> {
        let text = match v {
            None | Some(Value::None) => return Ok(Newline::Universal),
            Some(v) => match v.payload() {
                Some(Payload::Str(s)) => s.as_str().to_string(),
                _ => {
                    let prefix =
                        func.map_or(String::new(), |f| format!("{f}() argument 'newline' "));
                    let what = if func.is_some() { "" } else { "newline " };
                    return Err(vm.type_error(format!(
                        "{prefix}{what}must be str or None, not {}",
                        vm.type_name(v)
                    )));
                }
            },
        };
        Ok(match text.as_str() {
            "" => Newline::Untranslated,
            "\n" => Newline::Lf,
            "\r" => Newline::Cr,
            "\r\n" => Newline::CrLf,
            other => {
                let shown = match func {
                    Some(_) => other.to_string(),
                    None => vm.repr(&vm.new_str(other))?,
                };
                return Err(vm.value_error(format!("illegal newline value: {shown}")));
            }
        })
    }

    /// What `\n` is written as, when it changes.
    pub fn written_as(self) -> Option<&'static str> {
        match self {
            Newline::Cr => Some("\r"),
            Newline::CrLf => Some("\r\n"),
            _ => None,
        }
    }

    /// Whether input `\r\n` and `\r` become `\n`.
    pub fn translates_input(self) -> bool {
        self == Newline::Universal
    }
}

/// Where the first line of `data` ends (the index just past its terminator), by the
/// rules of `mode` (after any input translation). `Incomplete` when the answer depends
/// on data not read yet: a trailing `\r` that may start `\r\n`.
#[derive(Debug, PartialEq, Eq)]
pub enum LineEnd {
    At(usize),
    Incomplete,
    None,
}

/// Find the end of the first line; `T` is a byte or a char code.
pub fn find_line_end<T: Copy + Into<u32>>(data: &[T], mode: Newline, at_eof: bool) -> LineEnd {
    const LF: u32 = b'\n' as u32;
    const CR: u32 = b'\r' as u32;
    for (i, &c) in data.iter().enumerate() {
        let c: u32 = c.into();
        let next = || data.get(i + 1).map(|&n| n.into());
        match mode {
            Newline::Lf if c == LF => return LineEnd::At(i + 1),
            Newline::Cr if c == CR => return LineEnd::At(i + 1),
            Newline::CrLf if c == CR => match next() {
                Some(LF) => return LineEnd::At(i + 2),
                None if !at_eof => return LineEnd::Incomplete,
                _ => {}
            },
            Newline::Universal | Newline::Untranslated if c == LF => return LineEnd::At(i + 1),
            Newline::Universal | Newline::Untranslated if c == CR => {
                return match next() {
                    Some(LF) => LineEnd::At(i + 2),
                    None if !at_eof => LineEnd::Incomplete,
                    _ => LineEnd::At(i + 1),
                }
            }
            _ => {}
        }
    }
    LineEnd::None
}

/// Translate `\r\n` and lone `\r` to `\n`.
pub fn translate_input(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Apply the output translation of `\n`.
pub fn translate_output(text: &str, mode: Newline) -> std::borrow::Cow<'_, str> {
    match mode.written_as() {
        Some(nl) if text.contains('\n') => std::borrow::Cow::Owned(text.replace('\n', nl)),
        _ => std::borrow::Cow::Borrowed(text),
    }
}

/// The kinds of line ending seen so far, for the `newlines` attribute.
#[derive(Clone, Copy, Default)]
pub struct SeenNewlines(u8);

impl SeenNewlines {
    const CR: u8 = 1;
    const LF: u8 = 2;
    const CRLF: u8 = 4;

    /// Record the line endings in `text` (before translation).
    pub fn note(&mut self, text: &str) {
        let bytes = text.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            match b {
                b'\n' if i > 0 && bytes[i - 1] == b'\r' => {}
                b'\n' => self.0 |= Self::LF,
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => self.0 |= Self::CRLF,
                b'\r' => self.0 |= Self::CR,
                _ => {}
            }
        }
    }

    /// `None`, one ending, or a tuple of the endings seen, as CPython reports them.
    pub fn value(self, vm: &Vm) -> Value {
        let kinds: Vec<Value> = [(Self::CR, "\r"), (Self::LF, "\n"), (Self::CRLF, "\r\n")]
            .iter()
            .filter(|(bit, _)| self.0 & bit != 0)
            .map(|(_, s)| vm.new_str(s))
            .collect();
        match kinds.len() {
            0 => Value::None,
            1 => kinds.into_iter().next().unwrap_or(Value::None),
            _ => vm.new_tuple(kinds),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn end(data: &str, mode: Newline, eof: bool) -> LineEnd {
        find_line_end(data.as_bytes(), mode, eof)
    }

    #[test]
    fn line_ends_by_mode() {
        assert_eq!(end("ab\ncd", Newline::Lf, false), LineEnd::At(3));
        assert_eq!(end("ab\rcd", Newline::Lf, false), LineEnd::None);
        assert_eq!(end("ab\rcd", Newline::Cr, false), LineEnd::At(3));
        assert_eq!(end("ab\r\ncd", Newline::CrLf, false), LineEnd::At(4));
        assert_eq!(end("a\rb\r\n", Newline::CrLf, false), LineEnd::At(5));
        assert_eq!(end("ab\rcd", Newline::Universal, false), LineEnd::At(3));
        assert_eq!(
            end("ab\r\ncd", Newline::Untranslated, false),
            LineEnd::At(4)
        );
    }

    #[test]
    fn trailing_cr_waits_for_more_input() {
        assert_eq!(end("ab\r", Newline::Universal, false), LineEnd::Incomplete);
        assert_eq!(end("ab\r", Newline::Universal, true), LineEnd::At(3));
        assert_eq!(end("ab\r", Newline::CrLf, false), LineEnd::Incomplete);
        assert_eq!(end("ab\r", Newline::CrLf, true), LineEnd::None);
    }

    #[test]
    fn translations() {
        assert_eq!(translate_input("a\r\nb\rc\n"), "a\nb\nc\n");
        assert_eq!(translate_output("a\nb", Newline::CrLf), "a\r\nb");
        assert_eq!(translate_output("a\nb", Newline::Universal), "a\nb");
        let mut seen = SeenNewlines::default();
        seen.note("a\r\nb\n");
        assert_eq!(seen.0, SeenNewlines::LF | SeenNewlines::CRLF);
    }
}
