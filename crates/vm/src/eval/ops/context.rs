//! The `with` statement's opcodes: `LOAD_SPECIAL` (`__enter__`/`__exit__` lookup on the
//! type) and `WITH_EXCEPT_START` (calling `__exit__` with the active exception).

use adder_bytecode::opcode::SPECIAL_METHODS;

use super::pop;
use crate::error::PyResult;
use crate::frame::Frame;
use crate::object::Payload;
use crate::value::Value;
use crate::vm::Vm;

/// CPython's `_Py_SpecialMethods` error messages, indexed like `SPECIAL_METHODS`.
const MISSING_SPECIAL: [&str; 4] = [
    "object does not support the context manager protocol (missed __enter__ method)",
    "object does not support the context manager protocol (missed __exit__ method)",
    "object does not support the asynchronous context manager protocol (missed __aenter__ method)",
    "object does not support the asynchronous context manager protocol (missed __aexit__ method)",
];

impl Vm {
    /// `LOAD_SPECIAL`: `(owner -- method, self_or_null)`. Plain functions are pushed
    /// unbound with `owner` as self; other descriptors are bound now.
    pub(super) fn op_load_special(&mut self, fp: *mut Frame, arg: u32) -> PyResult<()> {
        // SAFETY: `fp` is the live top frame (see `execute`); it is re-read after calls.
        let owner = pop(unsafe { &mut *fp });
        let index = arg as usize;
        let (Some(name), Some(missing)) = (SPECIAL_METHODS.get(index), MISSING_SPECIAL.get(index))
        else {
            return Err(self.system_error("bad LOAD_SPECIAL argument"));
        };
        let ty = self.type_of(&owner);
        let Some(descr) = self.type_lookup(&ty, name) else {
            return Err(self.type_error(format!("'{}' {missing}", self.type_name(&owner))));
        };
        let is_plain_method = matches!(
            descr.payload(),
            Some(Payload::Function(_)) | Some(Payload::BuiltinFunction(_))
        );
        let (method, self_or_null) = if is_plain_method {
            (descr, owner)
        } else {
            (self.descriptor_get(descr, &owner, &ty)?, Value::Null)
        };
        let f = unsafe { &mut *fp };
        f.slots.push(method);
        f.slots.push(self_or_null);
        Ok(())
    }

    /// `WITH_EXCEPT_START`: with `[exit_func, exit_self, lasti, prev_exc, exc]` on the
    /// stack, push `exit_func(exit_self, type(exc), exc, exc.__traceback__)`.
    pub(super) fn op_with_except_start(&mut self, fp: *mut Frame) -> PyResult<()> {
        let f = unsafe { &mut *fp };
        let n = f.slots.len();
        if n < 5 {
            return Err(self.system_error("WITH_EXCEPT_START: stack underflow"));
        }
        let exc = f.slots[n - 1].clone();
        let exit_self = f.slots[n - 4].clone();
        let exit_func = f.slots[n - 5].clone();
        let traceback = exc
            .as_obj()
            .and_then(|o| self.exception_data(o).map(|d| d.borrow().traceback.clone()))
            .unwrap_or(Value::None);
        let exc_type = Value::Obj(self.type_of(&exc));
        let result = if exit_self.is_null() {
            self.call(&exit_func, &[exc_type, exc, traceback])?
        } else {
            self.call(&exit_func, &[exit_self, exc_type, exc, traceback])?
        };
        unsafe { &mut *fp }.slots.push(result);
        Ok(())
    }
}
