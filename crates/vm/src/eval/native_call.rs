//! `CALL`'s fast path for functions written in Rust (CPython's `CALL_BUILTIN_FAST`,
//! `CALL_METHOD_DESCRIPTOR_FAST`, `CALL_LEN`...): `len(x)`, `isinstance(x, t)`,
//! `l.append(x)` through its method form. The arguments are handed over in place, as
//! a view of the caller's stack, with no argument vector and no extra reference to
//! the callable.

use crate::error::PyResult;
use crate::frame::Frame;
use crate::object::Payload;
use crate::objects::function::Args;
use crate::vm::Vm;

use super::python_call::CALL_CACHE_UNITS;

impl Vm {
    /// `CALL argc` without keywords when the stack holds `builtin, self_or_null,
    /// args...`: call it, leave its result in place of the callable and return
    /// `Some`; `None` (nothing done) for any other callable. The caller's slots must
    /// be in sync (see `eval::dispatch`).
    #[inline(always)]
    pub(super) fn call_native_in_place(
        &mut self,
        fp: *mut Frame,
        argc: usize,
    ) -> Option<PyResult<()>> {
        // SAFETY: `fp` is the live top frame.
        let f = unsafe { &mut *fp };
        let len = f.slots.len();
        let callable_at = len.checked_sub(argc + 2)?;
        let stack = f.slots.as_ptr();
        // SAFETY: `callable_at + 1 < len`.
        let (callable, self_or_null) =
            unsafe { (&*stack.add(callable_at), &*stack.add(callable_at + 1)) };
        let Some(Payload::BuiltinFunction(builtin)) = callable.payload() else {
            return None;
        };
        let func = builtin.func;
        let args_start = callable_at + 2 - usize::from(!self_or_null.is_null());
        // The arguments stay in the caller's slots during the call: nothing else writes
        // to this frame's slots while the callee runs (callees only push frames above
        // it), so the view stays valid; the callable stays alive in its slot.
        // SAFETY: `args_start..len` is in bounds, and see above.
        let values = unsafe { std::slice::from_raw_parts(stack.add(args_start), len - args_start) };
        f.ip += CALL_CACHE_UNITS;
        let result = match self.enter_native() {
            Ok(()) => {
                let r = func(self, Args::positional_only(values));
                self.leave_native();
                r
            }
            Err(e) => Err(e),
        };
        // SAFETY: `fp` is still the live top frame (callees pop what they push).
        let f = unsafe { &mut *fp };
        f.slots.truncate(callable_at);
        Some(result.map(|v| super::push_reserved(&mut f.slots, v)))
    }
}
