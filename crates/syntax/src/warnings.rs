//! Compile-time warnings (CPython's `SyntaxWarning`s) as values.
//!
//! CPython issues these through `PyErr_WarnExplicitObject` the moment the tokenizer,
//! parser or compiler meets the construct, and turns one into a `SyntaxError` when a
//! warnings filter makes it an error. Neither this crate nor the compiler may reach
//! the VM, so the emission points record a [`CompileWarning`] here and the caller
//! that wraps the compilation in [`collect`] hands them to the warnings machinery in
//! order (and raises the attached `SyntaxError` when a filter says "error").
//!
//! The record goes to a scoped per-thread collector rather than through every
//! parser and compiler function signature: the warnings are a side output the
//! stages do not otherwise depend on, and a stage run without a collector (the
//! tokenize module, `python -m ast` style dumps) simply drops them.

use std::cell::RefCell;

use crate::error::SyntaxError;

/// One warning: what `warnings.warn_explicit` gets, and the error that replaces
/// it under an "error" filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileWarning {
    /// The warning text.
    pub message: String,
    /// The line the warning is attributed to.
    pub lineno: u32,
    /// The `SyntaxError` CPython raises instead when the warning becomes an error
    /// (its message may be shorter than the warning's; `text` is `None` when
    /// CPython reads the line from the file, as it does for compiler warnings).
    pub error: SyntaxError,
}

impl CompileWarning {
    /// A warning whose text and location are those of `error`.
    pub fn from_error(error: SyntaxError) -> Self {
        CompileWarning {
            message: error.msg.clone(),
            lineno: error.lineno,
            error,
        }
    }
}

thread_local! {
    /// The warnings of the compilation running on this thread, if one collects them.
    static COLLECTOR: RefCell<Option<Vec<CompileWarning>>> = const { RefCell::new(None) };
}

/// Run `stage` (a parse or a compile) and return its result with the warnings it
/// recorded, in the order they were met. Nested collections each get their own.
pub fn collect<R>(stage: impl FnOnce() -> R) -> (R, Vec<CompileWarning>) {
    let outer = COLLECTOR.with(|c| c.borrow_mut().replace(Vec::new()));
    let result = stage();
    let warnings = COLLECTOR.with(|c| std::mem::replace(&mut *c.borrow_mut(), outer));
    (result, warnings.unwrap_or_default())
}

/// Record a warning for the enclosing [`collect`], if any. A backtracking parser
/// may meet the same token twice; CPython warns once per location, so an exact
/// repeat is dropped.
pub fn record(warning: CompileWarning) {
    COLLECTOR.with(|c| {
        if let Some(list) = c.borrow_mut().as_mut() {
            if !list.contains(&warning) {
                list.push(warning);
            }
        }
    });
}

/// Whether a collection is running (lets emission points skip building messages).
pub fn collecting() -> bool {
    COLLECTOR.with(|c| c.borrow().is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::SyntaxErrorKind;

    fn warning(message: &str) -> CompileWarning {
        CompileWarning {
            message: message.to_string(),
            lineno: 1,
            error: SyntaxError {
                kind: SyntaxErrorKind::SyntaxError,
                msg: message.to_string(),
                lineno: 1,
                offset: 1,
                end_lineno: 1,
                end_offset: 1,
                text: None,
            },
        }
    }

    #[test]
    fn collects_in_order_without_repeats_and_scopes_nested_runs() {
        record(warning("dropped: nobody collects"));
        let ((), outer) = collect(|| {
            record(warning("a"));
            let ((), inner) = collect(|| record(warning("inner")));
            assert_eq!(inner, vec![warning("inner")]);
            record(warning("b"));
            record(warning("a"));
        });
        assert_eq!(outer, vec![warning("a"), warning("b")]);
        assert!(!collecting());
    }
}
