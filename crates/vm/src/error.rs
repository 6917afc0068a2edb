//! Errors are values: a raised Python exception travels up as `Err(PyErr)`.

use crate::object::ObjRef;

/// A raised exception: the exception instance (a `BaseException` object).
#[derive(Clone)]
pub struct PyErr(pub ObjRef);

impl std::fmt::Debug for PyErr {
    /// The exception's type name: enough to read a failed test's message.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = match &*self.0.class.borrow() {
            Some(c) => c
                .as_type()
                .map_or_else(|| "?".into(), |t| t.name().to_string()),
            None => "type".to_string(),
        };
        write!(f, "PyErr({name})")
    }
}

pub type PyResult<T> = Result<T, PyErr>;
