//! The names a `from` import binds: `_handle_fromlist` (importing the submodules the
//! fromlist names), `IMPORT_FROM` with CPython 3.14's "cannot import name" errors, and
//! `from module import *`.

use crate::error::PyResult;
use crate::object::{ObjRef, Payload};
use crate::objects::dict;
use crate::objects::exception_import::ImportErrorSpec;
use crate::protocol::attr::name_str;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// `importlib._bootstrap._handle_fromlist`: for each name the package lacks, import
    /// the submodule of that name. Only a ModuleNotFoundError for that very submodule
    /// is ignored (the name may be something else, which `IMPORT_FROM` reports); any
    /// other error of the submodule's own code propagates.
    pub(super) fn handle_fromlist(
        &mut self,
        module: &Value,
        fromlist: &Value,
        recursive: bool,
    ) -> PyResult<()> {
        let modname = self.get_attr_str(module, "__name__")?;
        for item in self.collect_iterable(fromlist)? {
            if !matches!(item.payload(), Some(Payload::Str(_))) {
                let place = if recursive {
                    format!("{}.__all__", self.to_str(&modname)?)
                } else {
                    "``from list''".to_string()
                };
                return Err(self.type_error(format!(
                    "Item in {place} must be str, not {}",
                    self.type_name(&item)
                )));
            }
            let name = name_str(&item);
            if name == "*" {
                if !recursive {
                    let all_name = self.new_str("__all__");
                    if let Some(all) = self.get_optional_attr(module, &all_name)? {
                        self.handle_fromlist(module, &all, true)?;
                    }
                }
                continue;
            }
            if self.get_optional_attr(module, &item)?.is_some() {
                continue;
            }
            let full = format!("{}.{name}", self.to_str(&modname)?);
            if let Err(e) = self.import_module(&full) {
                if !self.is_missing_submodule(&e.0, &full) {
                    return Err(e);
                }
            }
        }
        Ok(())
    }

    /// Whether `exc` says that module `full` does not exist (and `sys.modules` does not
    /// hold `None` for it).
    fn is_missing_submodule(&mut self, exc: &ObjRef, full: &str) -> bool {
        let not_found = self.types().exc.module_not_found_error.clone();
        if !self.is_subtype(&self.class_of(exc), &not_found) {
            return false;
        }
        let exc_name = exc.dict_obj().and_then(|d| dict::get_str(&d, "name"));
        let same = exc_name.is_some_and(|n| name_str(&n) == full);
        let blocked = dict::get_str(&self.interp.modules, full).is_some_and(|m| m.is_none());
        same && !blocked
    }

    /// `IMPORT_FROM`: `from module import name`; a submodule already in `sys.modules`
    /// serves when the attribute is missing (a circular import may not have set it yet).
    pub fn import_from(&mut self, module: &Value, name: &Value) -> PyResult<Value> {
        if let Some(v) = self.get_optional_attr(module, name)? {
            return Ok(v);
        }
        let modname = self
            .get_optional_attr(module, &self.new_str("__name__"))?
            .filter(|n| matches!(n.payload(), Some(Payload::Str(_))));
        if let Some(modname) = &modname {
            let full = format!("{}.{}", name_str(modname), name_str(name));
            if let Some(m) = dict::get_str(&self.interp.modules.clone(), &full) {
                return Ok(m);
            }
        }
        Err(self.cannot_import_name(module, name, modname))
    }

    fn cannot_import_name(
        &mut self,
        module: &Value,
        name: &Value,
        modname: Option<Value>,
    ) -> crate::error::PyErr {
        let shown_module = match &modname {
            Some(m) => crate::objects::repr::str_repr(name_str(m)),
            None => "'<unknown module name>'".to_string(),
        };
        let shown_name = crate::objects::repr::str_repr(name_str(name));
        let file = match module {
            Value::Obj(o) if matches!(o.payload, Payload::Module) => o
                .dict_obj()
                .and_then(|d| dict::get_str(&d, "__file__"))
                .filter(|f| matches!(f.payload(), Some(Payload::Str(_)))),
            _ => None,
        };
        let msg = match (&file, module) {
            (None, _) => {
                format!("cannot import name {shown_name} from {shown_module} (unknown location)")
            }
            (Some(f), Value::Obj(m)) if crate::objects::module::is_initializing(self, m) => {
                format!(
                "cannot import name {shown_name} from partially initialized module {shown_module} \
                 (most likely due to a circular import) ({})",
                name_str(f)
            )
            }
            (Some(f), _) => format!(
                "cannot import name {shown_name} from {shown_module} ({})",
                name_str(f)
            ),
        };
        self.new_import_error(ImportErrorSpec {
            class: &self.types().exc.import_error.clone(),
            msg,
            name: modname.unwrap_or(Value::None),
            path: file.unwrap_or(Value::None),
            name_from: name.clone(),
        })
    }

    /// `from module import *`: the names in `__all__`, else the public names of the
    /// module's namespace.
    pub fn import_star(&mut self, module: &Value, into: &ObjRef) -> PyResult<()> {
        let all_name = self.new_str("__all__");
        let (names, from_all) = match self.get_optional_attr(module, &all_name)? {
            Some(all) => (self.collect_iterable(&all)?, true),
            None => {
                let dict_name = self.new_str("__dict__");
                let Some(d) = self.get_optional_attr(module, &dict_name)? else {
                    return Err(
                        self.import_error("from-import-* object has no __dict__ and no __all__")
                    );
                };
                let keys = self.collect_iterable(&d)?;
                (keys, false)
            }
        };
        for n in names {
            if !matches!(n.payload(), Some(Payload::Str(_))) {
                let modname = self.get_attr_str(module, "__name__")?;
                let place = if from_all {
                    format!("{}.__all__", self.to_str(&modname)?)
                } else {
                    format!("{}.__dict__", self.to_str(&modname)?)
                };
                return Err(self.type_error(format!(
                    "{} in {place} must be str, not {}",
                    if from_all { "Item" } else { "Key" },
                    self.type_name(&n)
                )));
            }
            if !from_all && name_str(&n).starts_with('_') {
                continue;
            }
            let v = self.get_attr(module, &n)?;
            dict::set_item(self, into, n, v)?;
        }
        Ok(())
    }
}
