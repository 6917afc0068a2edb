//! Function objects: Python functions (code + globals + defaults + closure) and
//! built-in functions implemented in Rust.

use std::cell::RefCell;

use crate::error::PyResult;
use crate::object::ObjRef;
use crate::value::Value;
use crate::vm::Vm;

/// A function defined in Python (`def`, `lambda`).
pub struct Function {
    /// The code object (a `Payload::Code` object).
    pub code: RefCell<ObjRef>,
    pub globals: ObjRef,
    pub builtins: ObjRef,
    pub name: RefCell<Value>,
    pub qualname: RefCell<Value>,
    pub module: RefCell<Value>,
    pub doc: RefCell<Value>,
    /// `None` or a tuple.
    pub defaults: RefCell<Value>,
    /// `None` or a dict.
    pub kwdefaults: RefCell<Value>,
    /// `None` or a tuple of cells.
    pub closure: RefCell<Value>,
    pub annotations: RefCell<Value>,
    pub annotate: RefCell<Value>,
    pub type_params: RefCell<Value>,
}

/// Arguments of a call into Rust, CPython's vectorcall shape: `values` holds the
/// positional arguments followed by the keyword arguments' values, whose names are
/// `kwnames` (str objects).
#[derive(Clone, Copy)]
pub struct Args<'a> {
    pub values: &'a [Value],
    pub kwnames: &'a [Value],
}

impl<'a> Args<'a> {
    pub fn positional_only(values: &'a [Value]) -> Args<'a> {
        Args {
            values,
            kwnames: &[],
        }
    }

    /// The positional arguments.
    #[inline]
    pub fn pos(&self) -> &'a [Value] {
        &self.values[..self.values.len() - self.kwnames.len()]
    }

    /// `(name, value)` for each keyword argument.
    pub fn kwargs(&self) -> impl Iterator<Item = (&'a Value, &'a Value)> {
        let start = self.values.len() - self.kwnames.len();
        self.kwnames.iter().zip(&self.values[start..])
    }
}

pub type NativeFn = fn(&mut Vm, Args) -> PyResult<Value>;

/// A function implemented in Rust: a module-level built-in, or a method of a built-in
/// type (then `owner` is that type, and the receiver is the first argument).
pub struct BuiltinFunction {
    pub name: &'static str,
    pub func: NativeFn,
    pub owner: Option<ObjRef>,
    /// `__self__` for module functions (the module), when known.
    pub module: Option<Value>,
}
