//! The state every exception instance carries (CPython's `PyBaseExceptionObject`).
//! Subclass-specific attributes (`StopIteration.value`, `OSError.errno`, ...) live in the
//! instance dict.

use crate::value::Value;

pub struct ExceptionData {
    /// A tuple.
    pub args: Value,
    /// `None` or a traceback object.
    pub traceback: Value,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
    /// `Null` when no note was ever added (no `__notes__` attribute).
    pub notes: Value,
}

impl ExceptionData {
    pub fn new(args: Value) -> ExceptionData {
        ExceptionData {
            args,
            traceback: Value::None,
            cause: Value::None,
            context: Value::None,
            suppress_context: false,
            notes: Value::Null,
        }
    }
}
