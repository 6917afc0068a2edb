//! `CALL`'s fast path for Python functions (CPython's `CALL_PY_EXACT_ARGS` and
//! `CALL_PY_WITH_DEFAULTS`): when a function takes only plain positional parameters
//! and the call passes no keywords, the arguments are moved from the caller's stack
//! straight into the new frame's fast locals, with no argument vector in between.

use adder_bytecode::CodeFlags;

use crate::error::PyResult;
use crate::frame::{code_data, Frame};
use crate::object::Payload;
use crate::value::{Scalar, Value};
use crate::vm::Vm;

/// `CALL`'s cache units, skipped on the way back.
const CALL_CACHE_UNITS: usize = 3;

impl Vm {
    /// `CALL argc` when the stack holds `function, self_or_null, args...` and the call
    /// has the simple shape: push the callee's frame (the caller's `ip` then points
    /// after the call) and return `true`. `false` leaves everything as it was, for the
    /// general path. The caller's slots must be in sync (see `eval::dispatch`).
    // Out of line on purpose: inlined into the eval loop it adds enough live values to
    // make the register allocator spill in every other instruction handler (measured:
    // +3-6% instructions on loops without calls, for -3% on fib).
    #[inline(never)]
    pub(super) fn push_python_frame(&mut self, fp: *mut Frame, argc: usize) -> PyResult<bool> {
        // SAFETY: `fp` is the live top frame.
        let f = unsafe { &mut *fp };
        let len = f.slots.len();
        let Some(callable_at) = len.checked_sub(argc + 2) else {
            return Ok(false);
        };
        // The stack is read through a raw pointer: its values are moved out below
        // while the function (kept alive by its slot until then) is still borrowed.
        let src: *mut Value = f.slots.as_mut_ptr();
        // SAFETY: `callable_at + 1 < len`.
        let (callable, self_or_null) =
            unsafe { (&*src.add(callable_at), &*src.add(callable_at + 1)) };
        let Value::Obj(function) = callable else {
            return Ok(false);
        };
        let Payload::Function(func) = &function.payload else {
            return Ok(false);
        };
        let given = argc + usize::from(!self_or_null.is_null());
        let Ok(code_obj) = func.code.try_borrow() else {
            return Ok(false);
        };
        let co = &code_data(&code_obj).code;
        let argcount = co.argcount as usize;
        if given > argcount
            || co.kwonlyargcount != 0
            || co.flags & (CodeFlags::VARARGS | CodeFlags::VARKEYWORDS) != 0
        {
            return Ok(false);
        }
        let Ok(defaults) = func.defaults.try_borrow() else {
            return Ok(false);
        };
        // The defaults of the parameters the call leaves out.
        let missing = argcount - given;
        let fill: &[Value] = if missing == 0 {
            &[]
        } else {
            match defaults.as_obj().and_then(|o| o.as_tuple()) {
                Some(d) if d.len() >= missing => &d[d.len() - missing..],
                _ => return Ok(false),
            }
        };
        if self.thread.frames.len() >= self.interp.recursion_limit.get() {
            return Err(self.error(
                &self.types().exc.recursion_error.clone(),
                "maximum recursion depth exceeded",
            ));
        }
        let mut frame = self.frame_for(&code_obj, &func.globals, &func.builtins);
        let nslots = co.nlocalsplus();
        // SAFETY: the new frame's slots are empty with room for all its fast locals
        // (`frame_for` reserves them, and `nslots >= argcount >= given`). The arguments
        // are moved, and the callable too (into `frame.func`): the caller's length is
        // lowered past them at once, leaving at most a NULL, which needs no drop.
        unsafe {
            let dst = frame.slots.as_mut_ptr();
            for i in 0..given {
                dst.add(i).write(src.add(len - given + i).read());
            }
            for (i, d) in fill.iter().enumerate() {
                dst.add(given + i).write(d.clone());
            }
            for i in argcount..nslots {
                Value::write_scalar(dst.add(i), Scalar::null());
            }
            frame.slots.set_len(nslots);
            drop(defaults);
            drop(code_obj);
            if let Value::Obj(function) = src.add(callable_at).read() {
                frame.func = Some(function);
            }
            f.slots.set_len(callable_at);
        }
        f.ip += CALL_CACHE_UNITS;
        super::push_reserved(&mut self.thread.frames, frame);
        Ok(true)
    }
}
