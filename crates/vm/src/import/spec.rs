//! `__spec__` and `__loader__` of the modules adder's import system makes: CPython
//! sets them from importlib's `ModuleSpec` machinery (a `SourceFileLoader` for source
//! files, `BuiltinImporter` for built-in modules). That machinery is Python code
//! (`importlib._bootstrap`, `_bootstrap_external`) whose loading costs more than a
//! typical import, so adder makes specs once `_frozen_importlib` is loaded (by
//! `importlib`, `inspect`, `pkgutil`, `runpy`...: how programs use specs): from then
//! on for every module it imports, and at that moment for the modules imported
//! before (as CPython's `_bootstrap._setup` does for its built-in modules). Until
//! then they are None, as for a module CPython made without a spec.

use crate::error::PyResult;
use crate::object::Payload;
use crate::objects::dict;
use crate::objects::function::Args;
use crate::protocol::attr::name_str;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// Give `module` (named `name`) its spec and loader if importlib's bootstrap is
    /// loaded.
    pub(crate) fn attach_module_spec(&mut self, name: &str, module: &Value) -> PyResult<()> {
        let Some(bootstrap) = dict::get_str(&self.interp.modules, "_frozen_importlib") else {
            return Ok(());
        };
        self.attach_spec_with(&bootstrap, name, module)
    }

    /// Give every module in `sys.modules` that lacks one its spec and loader, using
    /// `bootstrap` (`_frozen_importlib`, its external importers installed).
    pub fn attach_missing_module_specs(&mut self, bootstrap: &Value) -> PyResult<()> {
        let modules = self.interp.modules.clone();
        let entries: Vec<(Value, Value)> = match &modules.payload {
            Payload::Dict(d) => d
                .borrow()
                .iter()
                .map(|e| (e.key.clone(), e.value.clone()))
                .collect(),
            _ => Vec::new(),
        };
        for (key, module) in entries {
            if !matches!(key.payload(), Some(Payload::Str(_))) {
                continue;
            }
            let name = name_str(&key).to_string();
            if name != "__main__" {
                self.attach_spec_with(bootstrap, &name, &module)?;
            }
        }
        Ok(())
    }

    /// The spec of a source module (`spec_from_file_location`) or a built-in one
    /// (`ModuleSpec(name, BuiltinImporter, origin='built-in')`), installed with
    /// `_init_module_attrs`, which keeps the `__file__` and `__cached__` adder set.
    /// Modules that already have a spec, and others, are left alone.
    fn attach_spec_with(&mut self, bootstrap: &Value, name: &str, module: &Value) -> PyResult<()> {
        let Some(namespace) = module
            .as_obj()
            .filter(|o| matches!(o.payload, Payload::Module))
            .and_then(|o| o.dict_obj())
        else {
            return Ok(());
        };
        if dict::get_str(&namespace, "__spec__").is_some_and(|s| !s.is_none()) {
            return Ok(());
        }
        let file = dict::get_str(&namespace, "__file__")
            .filter(|f| matches!(f.payload(), Some(Payload::Str(_))));
        let spec = match file {
            Some(file) if name_str(&file).ends_with(".py") => {
                let external = self.get_attr_str(bootstrap, "_bootstrap_external")?;
                let make = self.get_attr_str(&external, "spec_from_file_location")?;
                let mut values = vec![self.new_str(name), file];
                let mut kwnames = Vec::new();
                if let Some(path) = dict::get_str(&namespace, "__path__") {
                    values.push(path);
                    kwnames.push(self.new_str("submodule_search_locations"));
                }
                self.call_with(
                    &make,
                    Args {
                        values: &values,
                        kwnames: &kwnames,
                    },
                )?
            }
            None if self.is_native_module_name(name) => {
                let loader = self.get_attr_str(bootstrap, "BuiltinImporter")?;
                let make = self.get_attr_str(bootstrap, "ModuleSpec")?;
                let values = [self.new_str(name), loader, self.new_str("built-in")];
                let kwnames = [self.new_str("origin")];
                self.call_with(
                    &make,
                    Args {
                        values: &values,
                        kwnames: &kwnames,
                    },
                )?
            }
            _ => return Ok(()),
        };
        if spec.is_none() {
            return Ok(());
        }
        let init = self.get_attr_str(bootstrap, "_init_module_attrs")?;
        self.call(&init, &[spec, module.clone()])?;
        Ok(())
    }
}
