//! The evaluation loop (CPython's `Python/ceval.c` + `bytecodes.c`).
//!
//! One Rust loop runs Python frames: a call to a Python function pushes a frame on the
//! thread's frame stack and the loop carries on in it, and a return pops back, so deep
//! Python recursion never deepens the Rust stack. The loop re-enters Rust recursively
//! only when native code calls back into Python (`sorted(key=f)`, `__eq__`...), and
//! that depth is bounded by `MAX_NATIVE_DEPTH`.

mod attr_cache;
mod dispatch;
mod exceptions;
mod fast_ops;
pub mod generator;
#[cfg(test)]
mod hostile_code_tests;
mod inline_cache;
mod native_call;
mod ops;
mod out_of_line;
mod python_call;

use adder_bytecode::{CodeUnit, Opcode};

use crate::error::PyResult;
use crate::frame::Frame;
use crate::value::Value;
use crate::vm::Vm;

/// How deep native code may nest calls back into the VM before RecursionError. The
/// interpreter thread gets a stack large enough for this (see `adder`'s `main`).
pub const MAX_NATIVE_DEPTH: usize = 4000;

/// Decoded opcode.
#[inline(always)]
fn decode(unit: CodeUnit) -> Opcode {
    // SAFETY: `Vm::code_object` replaces every byte that is not an opcode with CACHE
    // (which raises SystemError when executed), so every byte here is a valid `Opcode`
    // discriminant of the `#[repr(u8)]` enum.
    unsafe { std::mem::transmute::<u8, Opcode>(unit.op) }
}

/// What an instruction handler tells the loop.
pub(crate) enum Flow {
    /// Carry on with the (possibly new) top frame.
    Continue,
    /// The frame the loop was entered with returned this value.
    Return(Value),
}

/// Push onto a vector whose capacity was reserved ahead (frame stacks are allocated
/// for their full depth, the frame stack grows rarely): the common case stays inline
/// instead of going through `Vec::push`'s out-of-line growth path.
#[inline(always)]
pub(crate) fn push_reserved<T>(items: &mut Vec<T>, item: T) {
    let len = items.len();
    if len < items.capacity() {
        // SAFETY: `len < capacity`: the slot is allocated and unused; the length is
        // raised only after the write.
        unsafe {
            items.as_mut_ptr().add(len).write(item);
            items.set_len(len + 1);
        }
    } else {
        items.push(item);
    }
}

impl Vm {
    /// Run `frame` to completion and return its result.
    pub fn run_frame(&mut self, frame: Box<Frame>) -> PyResult<Value> {
        let limit = self.interp.recursion_limit.get();
        if self.thread.frames.len() >= limit {
            self.recycle_frame(frame);
            return Err(self.error(
                &self.types().exc.recursion_error.clone(),
                "maximum recursion depth exceeded",
            ));
        }
        self.enter_native()?;
        let entry_depth = self.thread.frames.len();
        self.thread.frames.push(frame);
        let result = self.eval_loop(entry_depth);
        self.leave_native();
        result
    }

    /// Return a finished frame's box to the free list (the frame pop of every
    /// Python return, hence inlined).
    #[inline(always)]
    pub(crate) fn recycle_frame(&mut self, mut frame: Box<Frame>) {
        if frame.frame_obj.is_some() {
            self.release_frame_object(&mut frame);
        }
        frame.slots.clear();
        frame.func = None;
        frame.locals = None;
        if self.thread.free_frames.len() < 256 {
            push_reserved(&mut self.thread.free_frames, frame);
        }
    }

    fn eval_loop(&mut self, entry_depth: usize) -> PyResult<Value> {
        loop {
            match self.run_instructions(entry_depth) {
                Ok(Flow::Return(v)) => return Ok(v),
                Ok(Flow::Continue) => {}
                Err(err) => {
                    let reraise = std::mem::take(&mut self.thread.reraising);
                    self.unwind(err, entry_depth, reraise)?;
                }
            }
        }
    }
}
