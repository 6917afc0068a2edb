//! The evaluation loop (CPython's `Python/ceval.c` + `bytecodes.c`).
//!
//! One Rust loop runs Python frames: a call to a Python function pushes a frame on the
//! thread's frame stack and the loop carries on in it, and a return pops back, so deep
//! Python recursion never deepens the Rust stack. The loop re-enters Rust recursively
//! only when native code calls back into Python (`sorted(key=f)`, `__eq__`...), and
//! that depth is bounded by `MAX_NATIVE_DEPTH`.

mod exceptions;
mod ops;

use adder_bytecode::{CodeUnit, Opcode};

use crate::error::PyResult;
use crate::frame::Frame;
use crate::value::Value;
use crate::vm::Vm;

/// How deep native code may nest calls back into the VM before RecursionError. The
/// interpreter thread gets a stack large enough for this (see `adder`'s `main`).
pub const MAX_NATIVE_DEPTH: usize = 4000;

/// Decoded opcode; code objects are validated when made, so every byte is an opcode.
#[inline(always)]
fn decode(unit: CodeUnit) -> Opcode {
    Opcode::from_u8(unit.op).unwrap_or(Opcode::Cache)
}

/// What an instruction handler tells the loop.
pub(crate) enum Flow {
    /// Carry on with the (possibly new) top frame.
    Continue,
    /// The frame the loop was entered with returned this value.
    Return(Value),
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

    /// Return a finished frame's box to the free list.
    pub(crate) fn recycle_frame(&mut self, mut frame: Box<Frame>) {
        frame.slots.clear();
        frame.func = None;
        frame.locals = None;
        frame.frame_obj = None;
        if self.thread.free_frames.len() < 256 {
            self.thread.free_frames.push(frame);
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

    /// Run instructions of the top frame (and frames it calls) until a frame change
    /// that the outer loop must see, a return from the entry frame, or an error.
    fn run_instructions(&mut self, entry_depth: usize) -> PyResult<Flow> {
        let Some(frame) = self.thread.frames.last_mut() else {
            return Err(self.system_error("no frame to run"));
        };
        let fp: *mut Frame = &mut **frame;
        // SAFETY: frames are boxed, so `fp` stays valid while this frame is on the stack;
        // it is popped only by this loop (RETURN/unwind), after which `fp` is not used:
        // every path that changes the top frame returns `Flow::Continue` first.
        let f = unsafe { &mut *fp };
        let code_ptr: *const crate::objects::code::CodeData = f.code_data();
        // SAFETY: the code object is kept alive by `f.code` for as long as the frame runs,
        // and code objects are immutable.
        let code = unsafe { &*code_ptr };
        let units: &[CodeUnit] = &code.code.code;
        loop {
            let f = unsafe { &mut *fp };
            let ip = f.ip;
            let Some(&unit) = units.get(ip) else {
                return Err(self.system_error("ran off the end of the bytecode"));
            };
            f.lasti = ip;
            f.ip = ip + 1;
            let mut op = decode(unit);
            let mut arg = unit.arg as u32;
            while op == Opcode::ExtendedArg {
                let Some(&next) = units.get(f.ip) else {
                    return Err(self.system_error("EXTENDED_ARG at the end of the bytecode"));
                };
                f.ip += 1;
                f.lasti = f.ip - 1;
                op = decode(next);
                arg = (arg << 8) | next.arg as u32;
            }
            match self.execute(fp, code, op, arg, entry_depth)? {
                None => {}
                Some(flow) => return Ok(flow),
            }
        }
    }
}
