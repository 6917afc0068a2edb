//! The errors numeric operations can raise, each carrying CPython's exact message text
//! so the VM can raise the matching Python exception verbatim.

use std::borrow::Cow;
use std::fmt;

/// A Python exception raised by a numeric operation: the variant names the exception type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumError {
    /// `ZeroDivisionError(msg)`.
    ZeroDivision(Cow<'static, str>),
    /// `OverflowError(msg)`.
    Overflow(Cow<'static, str>),
    /// `OverflowError(34, 'Numerical result out of range')`: CPython reports float
    /// overflow in `**` through `errno`, so the exception carries two arguments.
    OverflowRange,
    /// `ValueError(msg)`.
    Value(Cow<'static, str>),
    /// `MemoryError()`: the result would be too large to allocate.
    Memory,
}

impl NumError {
    pub(crate) fn zero_division(msg: &'static str) -> Self {
        NumError::ZeroDivision(Cow::Borrowed(msg))
    }

    pub(crate) fn overflow(msg: &'static str) -> Self {
        NumError::Overflow(Cow::Borrowed(msg))
    }

    pub(crate) fn value(msg: impl Into<Cow<'static, str>>) -> Self {
        NumError::Value(msg.into())
    }

    /// The `str()` of the exception CPython raises.
    pub fn message(&self) -> Cow<'_, str> {
        match self {
            NumError::ZeroDivision(m) | NumError::Overflow(m) | NumError::Value(m) => {
                Cow::Borrowed(m)
            }
            NumError::OverflowRange => Cow::Borrowed("(34, 'Numerical result out of range')"),
            NumError::Memory => Cow::Borrowed(""),
        }
    }

    /// The Python exception type's name.
    pub fn type_name(&self) -> &'static str {
        match self {
            NumError::ZeroDivision(_) => "ZeroDivisionError",
            NumError::Overflow(_) | NumError::OverflowRange => "OverflowError",
            NumError::Value(_) => "ValueError",
            NumError::Memory => "MemoryError",
        }
    }
}

impl fmt::Display for NumError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.type_name(), self.message())
    }
}

impl std::error::Error for NumError {}

/// Result of a numeric operation.
pub type NumResult<T> = Result<T, NumError>;

/// CPython's message for every division or modulo by zero (int, float and complex).
pub(crate) const DIVISION_BY_ZERO: &str = "division by zero";
