//! Errors are values: a raised Python exception travels up as `Err(PyErr)`.

use crate::object::ObjRef;

/// A raised exception: the exception instance (a `BaseException` object).
#[derive(Clone)]
pub struct PyErr(pub ObjRef);

pub type PyResult<T> = Result<T, PyErr>;
