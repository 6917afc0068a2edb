//! Per-interpreter state of native modules (CPython's module state): the types and
//! objects a module's functions need again after its init (`os.stat_result` for
//! `os.stat`, the `_io` classes for `open`), kept per interpreter rather than in Rust
//! statics so that several interpreters never share Python objects.

use std::any::{Any, TypeId};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::vm::Vm;

/// The states, keyed by their Rust type.
#[derive(Default)]
pub struct NativeStates(RefCell<HashMap<TypeId, Rc<dyn Any>>>);

impl Vm {
    /// Store a module's state (replacing an earlier one of the same type).
    pub fn set_native_state<T: Any>(&self, state: T) {
        self.interp
            .native_state
            .0
            .borrow_mut()
            .insert(TypeId::of::<T>(), Rc::new(state));
    }

    /// A module's state, if its init stored one.
    pub fn native_state<T: Any>(&self) -> Option<Rc<T>> {
        let found = self
            .interp
            .native_state
            .0
            .borrow()
            .get(&TypeId::of::<T>())
            .cloned()?;
        found.downcast::<T>().ok()
    }
}
