//! Traceback and frame objects as Python code sees them.
//!
//! A running frame lives on the thread's frame stack (`crate::frame::Frame`); a frame
//! *object* is made only when something asks for one (a traceback entry,
//! `sys._getframe`), holding what introspection needs.

use std::cell::Cell;

use crate::object::ObjRef;
use crate::value::Value;

pub struct FrameObject {
    /// The code object.
    pub code: ObjRef,
    pub globals: ObjRef,
    /// Code-unit index of the instruction being executed.
    pub lasti: Cell<usize>,
    /// The calling frame's object, when it was made (`f_back`).
    pub back: std::cell::RefCell<Value>,
}

pub struct Traceback {
    /// The next (inner) entry: `None` or a traceback.
    pub next: Value,
    /// The frame object.
    pub frame: ObjRef,
    pub lasti: usize,
}
