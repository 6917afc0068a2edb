//! An executing frame (CPython's `_PyInterpreterFrame`): the code being run, its
//! namespaces, and one array holding the fast locals followed by the value stack.

use crate::object::{ObjRef, Payload};
use crate::objects::code::CodeData;
use crate::value::Value;

pub struct Frame {
    /// The code object (`Payload::Code`).
    pub code: ObjRef,
    /// The function being run, if any (for `__closure__` and `__globals__`).
    pub func: Option<ObjRef>,
    pub globals: ObjRef,
    pub builtins: ObjRef,
    /// The namespace `*_NAME` instructions use (module and class bodies, `exec`).
    pub locals: Option<ObjRef>,
    /// Fast locals (`code.nlocalsplus()` slots) then the value stack.
    pub slots: Vec<Value>,
    /// Index of the next code unit to run.
    pub ip: usize,
    /// Index of the instruction being run (for tracebacks and `f_lasti`).
    pub lasti: usize,
    /// The frame object, once something asked for it. It reads this frame while the
    /// frame exists; `Vm::release_frame_object` (and `Drop`, in
    /// `objects/frame.rs`) hand it the frame's state when the frame ends.
    pub frame_obj: Option<ObjRef>,
    /// The generator or coroutine running this frame (`frame.f_generator`).
    pub generator: Option<std::rc::Weak<crate::object::PyObject>>,
}

impl Frame {
    pub fn code_data(&self) -> &CodeData {
        code_data(&self.code)
    }
}

/// The `CodeData` of a code object. Frames and functions only ever hold code objects.
pub fn code_data(code: &ObjRef) -> &CodeData {
    match &code.payload {
        Payload::Code(c) => c,
        _ => unreachable!("a frame's code is always a code object"),
    }
}
