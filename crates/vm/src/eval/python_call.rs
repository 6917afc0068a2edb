//! `CALL`'s fast path for Python functions (CPython's `CALL_PY_EXACT_ARGS` and
//! `CALL_PY_WITH_DEFAULTS`): when a function takes only plain positional parameters
//! and the call passes no keywords, the arguments are moved from the caller's stack
//! straight into the new frame's fast locals, with no argument vector in between,
//! and the frame's cell prologue (`COPY_FREE_VARS`, `MAKE_CELL`) runs as it is pushed.

use adder_bytecode::{CodeFlags, CodeUnit, Opcode};

use crate::error::PyResult;
use crate::frame::{code_data, Frame};
use crate::object::Payload;
use crate::objects::code::CodeData;
use crate::objects::function::Function;
use crate::value::{Scalar, Value};
use crate::vm::Vm;

/// `CALL`'s cache units, skipped on the way back.
pub(super) const CALL_CACHE_UNITS: usize = 3;

impl Vm {
    /// `CALL argc` without keywords, when the stack holds `callable, self_or_null,
    /// args...`, for the callables that need no argument vector: a Python function
    /// with the simple shape gets its frame pushed (the caller's `ip` then points
    /// after the call), a built-in is called in place (`eval::native_call`). `true`
    /// when the call was made that way; `false` leaves everything as it was, for the
    /// general path. The caller's slots must be in sync (see `eval::dispatch`), and
    /// it reloads the top frame after `true`.
    // Out of line on purpose: inlined into the eval loop it adds enough live values to
    // make the register allocator spill in every other instruction handler (measured:
    // +3-6% instructions on loops without calls, for -3% on fib).
    #[inline(never)]
    pub(super) fn push_python_frame(&mut self, fp: *mut Frame, argc: usize) -> PyResult<bool> {
        if self.push_function_frame(fp, argc)? {
            return Ok(true);
        }
        match self.call_native_in_place(fp, argc) {
            Some(done) => done.map(|()| true),
            None => Ok(false),
        }
    }

    /// `push_python_frame` for a Python function.
    #[inline(always)]
    fn push_function_frame(&mut self, fp: *mut Frame, argc: usize) -> PyResult<bool> {
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
        // Unguarded borrows (no borrow-flag writes): nothing can replace `__code__` or
        // `__defaults__` before this function returns, as no Python code runs here.
        // SAFETY: the references do not outlive this call (see above).
        let Ok(code_obj) = (unsafe { func.code.try_borrow_unguarded() }) else {
            return Ok(false);
        };
        let co = &code_data(code_obj).code;
        let argcount = co.argcount as usize;
        if given > argcount
            || co.kwonlyargcount != 0
            || co.flags & (CodeFlags::VARARGS | CodeFlags::VARKEYWORDS) != 0
        {
            return Ok(false);
        }
        // The defaults of the parameters the call leaves out.
        let missing = argcount - given;
        let fill: &[Value] = if missing == 0 {
            &[]
        } else {
            // SAFETY: as for the code above.
            let Ok(defaults) = (unsafe { func.defaults.try_borrow_unguarded() }) else {
                return Ok(false);
            };
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
        let mut frame = self.frame_for(code_obj, &func.globals, &func.builtins);
        let nslots = co.nlocalsplus();
        // SAFETY: the new frame's slots are empty with room for all its fast locals
        // (`frame_for` reserves them, and `nslots >= argcount >= given`). The arguments
        // are moved, and the callable too (into `frame.func`): the caller's length is
        // lowered past them at once, leaving at most a NULL, which needs no drop.
        unsafe {
            let dst = frame.slots.as_mut_ptr();
            std::ptr::copy_nonoverlapping(src.add(len - given), dst, given);
            for (i, d) in fill.iter().enumerate() {
                dst.add(given + i).write(d.clone());
            }
            for i in argcount..nslots {
                Value::write_scalar(dst.add(i), Scalar::null());
            }
            frame.slots.set_len(nslots);
            frame.ip = self.run_prologue(func, code_data(code_obj), &mut frame.slots);
            if let Value::Obj(function) = src.add(callable_at).read() {
                frame.func = Some(function);
            }
            f.slots.set_len(callable_at);
        }
        f.ip += CALL_CACHE_UNITS;
        super::push_reserved(&mut self.thread.frames, frame);
        Ok(true)
    }

    /// Run the new frame's prologue here, with the frame's slots at hand, rather than
    /// as instructions: `COPY_FREE_VARS n` (the closure's cells into the last `n`
    /// slots) and the `MAKE_CELL`s after it. None of them can fail or be observed.
    /// Returns the index of the first instruction left to run.
    #[inline(always)]
    fn run_prologue(&self, func: &Function, code: &CodeData, slots: &mut [Value]) -> usize {
        let units = &code.code.code;
        match units.first().map(|unit| super::decode(*unit)) {
            Some(Opcode::CopyFreeVars | Opcode::MakeCell) => {
                self.run_cell_prologue(func, units, slots)
            }
            _ => 0,
        }
    }

    /// `run_prologue` for code that starts with one of its instructions.
    #[inline(never)]
    fn run_cell_prologue(&self, func: &Function, units: &[CodeUnit], slots: &mut [Value]) -> usize {
        let mut ip = 0;
        if let Some(unit) = units.first() {
            if super::decode(*unit) == Opcode::CopyFreeVars {
                let n = unit.arg as usize;
                let closure = func.closure.borrow();
                let cells = match closure.as_obj().and_then(|o| o.as_tuple()) {
                    Some(cells) if cells.len() >= n && slots.len() >= n => cells,
                    // Not the shape the compiler makes: leave it to the instruction.
                    _ => return 0,
                };
                let first = slots.len() - n;
                for (slot, cell) in slots[first..].iter_mut().zip(cells) {
                    *slot = cell.clone();
                }
                ip = 1;
            }
        }
        while let Some(unit) = units.get(ip) {
            if super::decode(*unit) != Opcode::MakeCell {
                break;
            }
            let Some(slot) = slots.get_mut(unit.arg as usize) else {
                break;
            };
            let value = std::mem::replace(slot, Value::Null);
            *slot = self.new_cell(value);
            ip += 1;
        }
        ip
    }
}
