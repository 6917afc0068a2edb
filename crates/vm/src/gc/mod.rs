//! Memory management beyond plain reference counting: weak references, finalizers
//! (`__del__`, PEP 442) and the cycle collector behind the `gc` module.
//!
//! Objects are `Rc`s, so an object dies inside Rust's `Drop`, where no Python code may
//! run (the VM is borrowed further up the stack, and so may be the containers being
//! changed). Whatever Python code a death calls for (`__del__`, weakref callbacks) is
//! therefore queued, and the eval loop runs the queue before its next instruction
//! (`Vm::run_deferred`): the same order as CPython's immediate calls, one instruction
//! boundary later.

mod cache;
pub mod collect;
pub mod finalize;
pub(crate) mod generator_close;
pub mod pool_alloc;
pub(crate) mod registry;
mod shutdown;
pub mod traverse;
pub mod unraisable;
pub mod weakref;

use std::rc::Weak;

use crate::object::PyObject;

pub use finalize::has_deferred;

/// The rarely-present part of an object's header (`PyObject::extra`).
#[derive(Default)]
pub struct ObjExtra {
    /// The weak reference objects to this object, in CPython's list order: the basic
    /// `ref` (no callback) first, then the basic proxy, then the others, newest first.
    pub(crate) weakrefs: Vec<Weak<PyObject>>,
    /// `__del__` has run (PEP 442: never twice, even after resurrection).
    pub(crate) finalized: bool,
}

impl PyObject {
    /// Read the extra header, if the object has one.
    pub(crate) fn read_extra<R>(&self, f: impl FnOnce(Option<&ObjExtra>) -> R) -> R {
        let extra = self.extra.take();
        let result = f(extra.as_deref());
        self.extra.set(extra);
        result
    }

    /// Change the extra header, creating it if needed.
    pub(crate) fn update_extra<R>(&self, f: impl FnOnce(&mut ObjExtra) -> R) -> R {
        let mut extra = self.extra.take().unwrap_or_default();
        let result = f(&mut extra);
        self.extra.set(Some(extra));
        result
    }
}
