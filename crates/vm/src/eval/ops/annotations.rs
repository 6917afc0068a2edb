//! `SETUP_ANNOTATIONS`: the `__annotations__` dict a module or class body fills under
//! `from __future__ import annotations` (annotations stored as strings while the body
//! runs, instead of an `__annotate__` function).

use crate::error::PyResult;
use crate::frame::Frame;
use crate::objects::dict;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// Give the frame's locals an empty `__annotations__` unless they have one.
    pub(super) fn op_setup_annotations(&mut self, fp: *mut Frame) -> PyResult<()> {
        // SAFETY: `fp` is the live top frame (see `execute`).
        let f = unsafe { &mut *fp };
        let Some(locals) = f.locals.clone() else {
            return Err(self.system_error("no locals found when setting up annotations"));
        };
        let key = self.new_str("__annotations__");
        let locals = Value::Obj(locals);
        if let Some(d) = locals.as_obj().filter(|o| o.as_dict().is_some()) {
            if dict::get_str(d, "__annotations__").is_none() {
                dict::set_str(self, d, "__annotations__", Value::Obj(self.new_dict()));
            }
            return Ok(());
        }
        match self.get_item(&locals, &key) {
            Ok(_) => Ok(()),
            Err(e)
                if self.is_instance(
                    &Value::Obj(e.0.clone()),
                    &self.types().exc.key_error.clone(),
                ) =>
            {
                let fresh = Value::Obj(self.new_dict());
                self.set_item(&locals, &key, fresh)
            }
            Err(e) => Err(e),
        }
    }
}
