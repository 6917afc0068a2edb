//! Traceback objects as Python code sees them (frame objects are in `frame.rs`).

use crate::object::ObjRef;
use crate::value::Value;

pub struct Traceback {
    /// The next (inner) entry: `None` or a traceback.
    pub next: Value,
    /// The frame object.
    pub frame: ObjRef,
    pub lasti: usize,
}
