//! Type objects: name, bases, method resolution order, and the layout of instances.
//! The type's namespace (`__dict__`) is the object header's dict.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use crate::object::{ObjRef, PyObject};

/// Which built-in payload instances of a type carry: decided by the nearest built-in
/// base, as CPython's "solid base".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    Object,
    Int,
    Bool,
    Float,
    Str,
    Bytes,
    Complex,
    ByteArray,
    Tuple,
    List,
    Dict,
    /// `set` and `frozenset`.
    Set,
    Type,
    Exception,
    /// `module` and its subclasses: instances hold `Payload::Module`.
    Module,
    /// Instances cannot be created from Python (`function`, `code`, iterators...).
    Opaque,
    /// A native module's type: instances hold `Payload::Native`, made by the type's
    /// native `__new__` (see `native_module.rs`).
    Native,
}

pub struct TypeObject {
    pub name: RefCell<Rc<str>>,
    pub qualname: RefCell<Rc<str>>,
    pub bases: RefCell<Vec<ObjRef>>,
    pub mro: RefCell<Vec<ObjRef>>,
    pub layout: Layout,
    /// Defined by a class statement (a "heap type"): mutable, instances get a `__dict__`.
    pub is_heap: bool,
    /// Can be subclassed (`bool`, `NoneType`, `function`... cannot).
    pub is_base_type: Cell<bool>,
    /// Bumped on every change to this type or a base, invalidating attribute caches.
    pub version: Cell<u32>,
    /// How instances store attributes (`__slots__`).
    pub slots: Cell<crate::objects::slots::SlotLayout>,
    /// A non-empty `__abstractmethods__` was assigned (CPython's
    /// `Py_TPFLAGS_IS_ABSTRACT`): `object.__new__` refuses to instantiate it.
    pub is_abstract: Cell<bool>,
    /// The classes made with this one among their bases, in creation order; weak, as
    /// CPython's `tp_subclasses`, so that `__subclasses__()` leaves out dead classes.
    pub subclasses: RefCell<Vec<Weak<PyObject>>>,
    /// `(type epoch, answer)`: whether a class along the MRO defines its own
    /// `__getattribute__`, as of that epoch (every attribute read asks; see
    /// `Vm::custom_getattribute`).
    pub custom_getattribute: Cell<(u64, bool)>,
    /// `(type epoch, answer)`: whether a class along the MRO defines `__del__`, as of
    /// that epoch (asked on every death of an instance of a heap class; see
    /// `gc::cache`).
    pub has_del: Cell<(u64, bool)>,
}

impl TypeObject {
    pub fn name(&self) -> Rc<str> {
        self.name.borrow().clone()
    }
}
