//! The `code` object: a compiled `CodeObject` plus its constants and names already
//! turned into Python values, so the eval loop never converts anything at run time.

use std::rc::Rc;

use adder_bytecode::CodeObject;

use crate::value::Value;

pub struct CodeData {
    pub code: Rc<CodeObject>,
    pub consts: Vec<Value>,
    /// `co_names` as str objects.
    pub names: Vec<Value>,
    /// Names of the fast slots as str objects (for keyword-argument matching).
    pub localsplus_names: Vec<Value>,
    /// Slot indexes that are cells (MAKE_CELL wraps them on entry).
    pub cell_slots: Vec<usize>,
}
