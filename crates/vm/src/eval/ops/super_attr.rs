//! `LOAD_SUPER_ATTR`: `super().name` and `super(C, self).name` in one instruction.

use super::pop;
use crate::error::PyResult;
use crate::frame::Frame;
use crate::objects::code::CodeData;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// `(global_super, class, self -- attr, null if (oparg & 1))`: bit 1 of the argument
    /// says `super` receives `class, self` (else it is called without arguments), bit 0
    /// that a call follows, and the rest is the name's index.
    pub(super) fn op_load_super_attr(
        &mut self,
        fp: *mut Frame,
        code: &CodeData,
        arg: u32,
    ) -> PyResult<()> {
        // SAFETY: `fp` is the live top frame (see `execute`); it is re-read after calls.
        let f = unsafe { &mut *fp };
        let self_ = pop(f);
        let class = pop(f);
        let global_super = pop(f);
        let Some(name) = code.names.get((arg >> 2) as usize) else {
            return Err(self.system_error("bad LOAD_SUPER_ATTR argument"));
        };
        let is_builtin_super = global_super
            .as_obj()
            .is_some_and(|o| std::rc::Rc::ptr_eq(o, &self.types().super_));
        let sup = if is_builtin_super && arg & 2 != 0 {
            crate::objects::super_::new_bound(self, &class, self_)?
        } else if arg & 2 != 0 {
            self.call(&global_super, &[class, self_])?
        } else {
            self.call(&global_super, &[])?
        };
        let attr = self.get_attr(&sup, name)?;
        let f = unsafe { &mut *fp };
        f.slots.push(attr);
        if arg & 1 != 0 {
            f.slots.push(Value::Null);
        }
        Ok(())
    }
}
