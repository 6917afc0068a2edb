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

/// A new Python function object (for `MAKE_FUNCTION`).
#[allow(clippy::too_many_arguments)]
pub fn new_function(
    vm: &Vm,
    code: ObjRef,
    globals: ObjRef,
    builtins: ObjRef,
    name: Value,
    qualname: Value,
    module: Value,
    doc: Value,
) -> Value {
    let f = Function {
        code: RefCell::new(code),
        globals,
        builtins,
        name: RefCell::new(name),
        qualname: RefCell::new(qualname),
        module: RefCell::new(module),
        doc: RefCell::new(doc),
        defaults: RefCell::new(Value::None),
        kwdefaults: RefCell::new(Value::None),
        closure: RefCell::new(Value::None),
        annotations: RefCell::new(Value::None),
        annotate: RefCell::new(Value::None),
        type_params: RefCell::new(Value::None),
    };
    // The `__dict__` is made on first use (most functions never get attributes).
    Value::obj(crate::object::PyObject::new(
        vm.types().function.clone(),
        crate::object::Payload::Function(Box::new(f)),
    ))
}
