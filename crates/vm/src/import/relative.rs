//! Relative imports: the absolute name `from ..a import b` means in the module whose
//! globals are given (CPython's `resolve_name` in `Python/import.c`).

use crate::error::PyResult;
use crate::object::{ObjRef, Payload};
use crate::objects::dict;
use crate::protocol::attr::name_str;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// `name` at `level` dots, relative to the package of the module owning `globals`:
    /// its `__package__`, else `__spec__.parent`, else derived from `__name__`.
    pub(super) fn resolve_relative(
        &mut self,
        name: &str,
        level: usize,
        globals: Option<&ObjRef>,
    ) -> PyResult<String> {
        let Some(globals) = globals else {
            return Err(self.key_error(self.new_str("'__name__' not in globals")));
        };
        if globals.as_dict().is_none() {
            return Err(self.type_error("globals must be a dict"));
        }
        let package = self.package_of(globals)?;
        if package.is_empty() {
            return Err(self.import_error("attempted relative import with no known parent package"));
        }
        let mut base = package.as_str();
        for _ in 1..level {
            match base.rfind('.') {
                Some(dot) => base = &base[..dot],
                None => {
                    return Err(
                        self.import_error("attempted relative import beyond top-level package")
                    )
                }
            }
        }
        Ok(if name.is_empty() {
            base.to_string()
        } else {
            format!("{base}.{name}")
        })
    }

    fn package_of(&mut self, globals: &ObjRef) -> PyResult<String> {
        let text = |v: &Value| matches!(v.payload(), Some(Payload::Str(_)));
        if let Some(package) = dict::get_str(globals, "__package__").filter(|p| !p.is_none()) {
            if !text(&package) {
                return Err(self.type_error("package must be a string"));
            }
            return Ok(name_str(&package).to_string());
        }
        if let Some(spec) = dict::get_str(globals, "__spec__").filter(|s| !s.is_none()) {
            let parent = self.get_attr_str(&spec, "parent")?;
            if !text(&parent) {
                return Err(self.type_error("__spec__.parent must be a string"));
            }
            return Ok(name_str(&parent).to_string());
        }
        let Some(modname) = dict::get_str(globals, "__name__") else {
            return Err(self.key_error(self.new_str("'__name__' not in globals")));
        };
        if !text(&modname) {
            return Err(self.type_error("__name__ must be a string"));
        }
        let modname = name_str(&modname);
        Ok(if dict::get_str(globals, "__path__").is_some() {
            modname.to_string()
        } else {
            modname
                .rsplit_once('.')
                .map_or(String::new(), |(p, _)| p.to_string())
        })
    }
}
