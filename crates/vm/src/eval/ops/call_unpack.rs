//! `**mapping` in calls and dict displays (`DICT_UPDATE`, `DICT_MERGE`) and the
//! messages CPython gives when the unpacked value is unusable, naming the callee as
//! `_PyObject_FunctionStr` does (`__main__.f()`).

use super::pop;
use crate::error::{PyErr, PyResult};
use crate::frame::Frame;
use crate::object::Payload;
use crate::objects::str_stand_in::quoting_name;
use crate::protocol::attr::name_str;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// `DICT_UPDATE(i)` / `DICT_MERGE(i)`: `(dict, ..., update -- dict, ...)`; a merge
    /// (building call keywords) also rejects keys given twice.
    pub(super) fn op_dict_update(&mut self, fp: *mut Frame, arg: u32, merge: bool) -> PyResult<()> {
        // SAFETY: `fp` is the live top frame (see `execute`).
        let f = unsafe { &mut *fp };
        let update = pop(f);
        let n = f.slots.len();
        let target = f
            .slots
            .get(n.wrapping_sub(arg as usize))
            .and_then(|x| x.as_obj())
            .cloned();
        let callable = f.slots.get(n.wrapping_sub(arg as usize + 3)).cloned();
        let Some(target) = target else {
            return Err(self.system_error("DICT_UPDATE without a dict"));
        };
        let is_mapping = matches!(update.payload(), Some(Payload::Dict(_)))
            || self.lookup_attr(&update, &self.new_str("keys"))?.is_some();
        if !is_mapping {
            let type_name = self.type_name(&update);
            return Err(match (merge, callable) {
                (true, Some(func)) => {
                    let func = self.function_str(&func)?;
                    self.type_error(format!(
                        "{func} argument after ** must be a mapping, not {type_name}"
                    ))
                }
                _ => self.type_error(format!("'{type_name}' object is not a mapping")),
            });
        }
        if merge {
            let keys = match update.payload() {
                Some(Payload::Dict(d)) => d.borrow().iter().map(|e| e.key.clone()).collect(),
                _ => {
                    let keys = self.call_method_by_name(&update, "keys", &[])?;
                    self.collect_iterable(&keys)?
                }
            };
            for key in keys {
                if crate::objects::dict::get_item(self, &target, &key)?.is_some() {
                    let func = match &callable {
                        Some(func) => self.function_str(func)?,
                        None => "function".into(),
                    };
                    let message = format!(
                        "{func} got multiple values for keyword argument '{}'",
                        name_str(&key)
                    );
                    let message = quoting_name(self, &message, &key);
                    let error = &self.types().exc.type_error;
                    return Err(PyErr(self.new_exception(error, vec![message])));
                }
            }
        }
        self.dict_update_from(&target, &update)
    }

    /// `module.qualname()` of a callable for argument errors (`str(func)` without a
    /// `__qualname__`; no module prefix for built-ins).
    pub(super) fn function_str(&mut self, func: &Value) -> PyResult<String> {
        let Some(qualname) = self.lookup_attr(func, &self.new_str("__qualname__"))? else {
            return self.to_str(func);
        };
        let qualname = self.to_str(&qualname)?;
        let module = self.lookup_attr(func, &self.new_str("__module__"))?;
        Ok(
            match module
                .as_ref()
                .and_then(|m| m.as_obj())
                .and_then(|m| m.as_str())
            {
                Some(m) if m.as_str() != "builtins" => format!("{}.{qualname}()", m.as_str()),
                _ => format!("{qualname}()"),
            },
        )
    }
}
