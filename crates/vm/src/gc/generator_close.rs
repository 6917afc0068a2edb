//! Finalizing a generator, coroutine or async generator that dies suspended inside
//! a `try` or `with` block (CPython's `_PyGen_Finalize`): it is closed, so that its
//! `finally` blocks and `__exit__` methods run; an error they raise (or the
//! RuntimeError of a generator that yields again) is reported as unraisable.
//!
//! As for `__del__` (see `finalize.rs`), the dying object's contents move to a
//! fresh object that is closed at the next instruction boundary and marked
//! finalized, so that it is not closed twice if it dies suspended again.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use adder_bytecode::Opcode;

use super::finalize::{defer, is_finalized, Deferred};
use crate::object::{ObjRef, Payload, PyObject};
use crate::objects::generator::Generator;
use crate::value::Value;
use crate::vm::Vm;

/// CPython's `RESUME_OPARG_DEPTH1_MASK`: set on the `RESUME` after a `yield` that no
/// handler but the generator's implicit outer one covers.
const RESUME_OPARG_DEPTH1_MASK: u8 = 4;

/// Called from `PyObject::drop`: queue the close of a generator that has cleanup
/// to run. Returns false when the object is to be destroyed normally.
pub(crate) fn defer_close(obj: &mut PyObject) -> bool {
    if !needs_close(obj) {
        return false;
    }
    // Weak references die with the original, before the close (as in `gen_dealloc`).
    if let Some(extra) = obj.extra.get_mut().take() {
        super::weakref::clear_at_death(&extra);
    }
    let generator = Rc::new(PyObject {
        class: RefCell::new(obj.class.get_mut().take()),
        dict: RefCell::new(obj.dict.get_mut().take()),
        payload: std::mem::replace(&mut obj.payload, Payload::Instance),
        extra: Cell::new(None),
        gc_slot: Cell::new(super::registry::UNTRACKED),
    });
    super::collect::track(&generator);
    if let Some(Deferred::CloseGenerator(generator)) = defer(Deferred::CloseGenerator(generator)) {
        // No queue any more (thread exit): destroy it without closing.
        generator.update_extra(|e| e.finalized = true);
        drop(generator);
    }
    true
}

/// Whether `obj` is a generator whose death must close it: suspended in a block,
/// and not closed by an earlier death.
pub(crate) fn needs_close(obj: &PyObject) -> bool {
    let Payload::Generator(g) = &obj.payload else {
        return false;
    };
    g.started.get()
        && !g.finished.get()
        && !g.running.get()
        && suspended_in_block(g)
        && !is_finalized(obj)
}

/// Whether the generator is suspended at a `yield` inside a `try`/`with` block of
/// its own: otherwise closing it could run no code, and CPython skips it.
fn suspended_in_block(g: &Generator) -> bool {
    let frame = g.frame.borrow();
    let Some(frame) = frame.as_ref() else {
        return false;
    };
    let code = &frame.code_data().code.code;
    let resume = code.get(frame.lasti + 1);
    !resume.is_some_and(|unit| {
        Opcode::from_u8(unit.op) == Some(Opcode::Resume) && unit.arg & RESUME_OPARG_DEPTH1_MASK != 0
    })
}

impl Vm {
    /// Close a generator that died suspended (see `defer_close`).
    pub(crate) fn close_dying_generator(&mut self, generator: ObjRef) {
        generator.update_extra(|e| e.finalized = true);
        if let Err(e) = self.gen_close(&generator) {
            self.report_unraisable("while closing generator", &Value::Obj(generator), &e.0);
        }
    }
}
