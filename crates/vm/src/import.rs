//! The import system (CPython's `Python/import.c` + `importlib._bootstrap`, reduced to
//! what adder needs today): `sys.modules`, then a search of `sys.path` for `NAME.py`
//! or a package `NAME/__init__.py`, compiled and run as a new module.

pub(crate) mod cache;

use std::path::{Path, PathBuf};
use std::rc::Rc;

use adder_bytecode::CodeObject;

use crate::error::PyResult;
use crate::object::{ObjRef, Payload, PyObject};
use crate::objects::dict;
use crate::protocol::attr::name_str;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// `IMPORT_NAME`: what `import a.b.c` (the top package) or `from a.b import c`
    /// (the module `a.b`) binds, for an import made from code running in `globals`.
    pub fn import_name(
        &mut self,
        name: &str,
        fromlist: &Value,
        level: usize,
        globals: &ObjRef,
    ) -> PyResult<Value> {
        let absolute = if level > 0 {
            self.resolve_relative(name, level, globals)?
        } else {
            name.to_string()
        };
        if absolute.is_empty() {
            return Err(self.value_error("Empty module name"));
        }
        let module = self.import_module(&absolute)?;
        let wants_names = !fromlist.is_none() && self.is_true(fromlist)?;
        if wants_names || level > 0 && name.is_empty() {
            return Ok(module);
        }
        let top = absolute.split('.').next().unwrap_or(&absolute).to_string();
        if level == 0 {
            return self.import_module(&top);
        }
        Ok(module)
    }

    /// Import `a.b.c` (each parent first) and return module `a.b.c`.
    pub fn import_module(&mut self, absolute: &str) -> PyResult<Value> {
        let modules = self.interp.modules.clone();
        if let Some(m) = dict::get_str(&modules, absolute) {
            return Ok(m);
        }
        if let Some(native) = self.import_native_module(absolute) {
            return native;
        }
        let (parent, leaf) = match absolute.rsplit_once('.') {
            Some((p, l)) => (Some(p.to_string()), l.to_string()),
            None => (None, absolute.to_string()),
        };
        let search: Vec<PathBuf> = match &parent {
            Some(p) => {
                let pkg = self.import_module(p)?;
                let paths = self.get_attr_str(&pkg, "__path__").ok();
                match paths {
                    Some(list) => self
                        .collect_iterable(&list)?
                        .iter()
                        .map(|v| PathBuf::from(name_str(v)))
                        .collect(),
                    None => {
                        return Err(self.module_not_found(
                            absolute,
                            &format!("No module named '{absolute}'; '{p}' is not a package"),
                        ))
                    }
                }
            }
            None => self.sys_path(),
        };
        let Some((file, is_package)) = find_source(&search, &leaf) else {
            return Err(self.module_not_found(absolute, &format!("No module named '{absolute}'")));
        };
        let module = self.exec_source_module(absolute, &file, is_package)?;
        if let Some(p) = parent {
            if let Some(pkg) = dict::get_str(&modules, &p) {
                let leaf_name = self.intern(&leaf);
                self.set_attr(&pkg, &leaf_name, module.clone())?;
            }
        }
        Ok(module)
    }

    fn module_not_found(&self, name: &str, msg: &str) -> crate::error::PyErr {
        let err = self.error(&self.types().exc.module_not_found_error, msg);
        self.set_exc_attr(&err.0, "name", self.new_str(name));
        err
    }

    fn sys_path(&mut self) -> Vec<PathBuf> {
        let path = self
            .interp
            .sys
            .dict_obj()
            .and_then(|d| dict::get_str(&d, "path"));
        match path.and_then(|p| match p.payload() {
            Some(Payload::List(l)) => Some(l.borrow().clone()),
            _ => None,
        }) {
            Some(items) => items.iter().map(|v| PathBuf::from(name_str(v))).collect(),
            None => vec![],
        }
    }

    /// Create module `name`, register it in `sys.modules`, and run `file` in it.
    fn exec_source_module(&mut self, name: &str, file: &Path, is_package: bool) -> PyResult<Value> {
        let filename = file.to_string_lossy().into_owned();
        let globals = self.new_module_dict(name);
        dict::set_str(self, &globals, "__file__", self.new_str(&filename));
        let cached = cache::cached_value(self, file);
        dict::set_str(self, &globals, "__cached__", cached);
        let package = if is_package {
            name.to_string()
        } else {
            name.rsplit_once('.')
                .map_or(String::new(), |(p, _)| p.to_string())
        };
        dict::set_str(self, &globals, "__package__", self.new_str(&package));
        if is_package {
            let dir = file
                .parent()
                .map_or(String::new(), |d| d.to_string_lossy().into_owned());
            let path = self.new_list(vec![self.new_str(&dir)]);
            dict::set_str(self, &globals, "__path__", path);
        }
        let module = Value::obj(PyObject::with_dict(
            self.types().module.clone(),
            Payload::Module,
            globals.clone(),
        ));
        let modules = self.interp.modules.clone();
        dict::set_str(self, &modules, name, module.clone());
        let result = self
            .module_code(file, &filename)
            .and_then(|code| self.run_code(self.code_object(code), globals));
        if let Err(e) = result {
            let key = self.new_str(name);
            let _ = dict::del_item(self, &modules, &key);
            return Err(e);
        }
        // The module may have replaced itself in sys.modules.
        Ok(dict::get_str(&modules, name).unwrap_or(module))
    }

    /// The code of the module in `file`: from its `__pycache__` entry when that matches
    /// the source, otherwise compiled (and cached, unless `sys.dont_write_bytecode`).
    fn module_code(&mut self, file: &Path, filename: &str) -> PyResult<Rc<CodeObject>> {
        let read_error = |vm: &Vm, e: std::io::Error| {
            vm.error(&vm.types().exc.import_error.clone(), e.to_string())
        };
        let stamp = std::fs::metadata(file)
            .map(|m| cache::source_stamp(&m))
            .map_err(|e| read_error(self, e))?;
        if let Some(code) = cache::load(file, stamp, filename) {
            return Ok(Rc::new(code));
        }
        let bytes = std::fs::read(file).map_err(|e| read_error(self, e))?;
        let code = self.compile_module_source(&bytes, filename)?;
        if cache::writing_allowed(self) {
            cache::store(file, stamp, &code);
        }
        Ok(code)
    }

    /// Compile module source text; syntax errors become SyntaxError.
    fn compile_module_source(&self, source: &[u8], filename: &str) -> PyResult<Rc<CodeObject>> {
        adder_syntax::decode_source(source)
            .and_then(|text| {
                adder_compiler::compile_source(&text, filename, adder_syntax::Mode::Exec, 0)
            })
            .map_err(|e| self.syntax_error_from(&e, filename))
    }

    /// Compile `source` and run it in `globals`; syntax errors become SyntaxError.
    pub fn compile_and_run(
        &mut self,
        source: &[u8],
        filename: &str,
        globals: ObjRef,
    ) -> PyResult<Value> {
        let code = self.compile_module_source(source, filename)?;
        let code = self.code_object(code);
        self.run_code(code, globals)
    }

    /// A SyntaxError (or subclass) exception for a compile error.
    pub fn syntax_error_from(
        &self,
        e: &adder_syntax::SyntaxError,
        filename: &str,
    ) -> crate::error::PyErr {
        let exc = &self.types().exc;
        let ty = match e.kind.name() {
            "IndentationError" => exc.indentation_error.clone(),
            "TabError" => exc.tab_error.clone(),
            _ => exc.syntax_error.clone(),
        };
        let text = e.text.as_deref().map_or(Value::None, |t| self.new_str(t));
        let details = self.new_tuple(vec![
            self.new_str(filename),
            Value::Int(e.lineno as i64),
            Value::Int(e.offset as i64),
            text.clone(),
            Value::Int(e.end_lineno as i64),
            Value::Int(e.end_offset as i64),
        ]);
        let err = crate::error::PyErr(self.new_exception(&ty, vec![self.new_str(&e.msg), details]));
        for (k, v) in [
            ("msg", self.new_str(&e.msg)),
            ("filename", self.new_str(filename)),
            ("lineno", Value::Int(e.lineno as i64)),
            ("offset", Value::Int(e.offset as i64)),
            ("end_lineno", Value::Int(e.end_lineno as i64)),
            ("end_offset", Value::Int(e.end_offset as i64)),
            ("text", text),
        ] {
            self.set_exc_attr(&err.0, k, v);
        }
        err
    }

    fn resolve_relative(&mut self, name: &str, level: usize, globals: &ObjRef) -> PyResult<String> {
        let package = match dict::get_str(globals, "__package__") {
            Some(p) if !p.is_none() => name_str(&p).to_string(),
            _ => {
                let modname = dict::get_str(globals, "__name__")
                    .map(|n| name_str(&n).to_string())
                    .unwrap_or_default();
                if dict::get_str(globals, "__path__").is_some() {
                    modname
                } else {
                    modname
                        .rsplit_once('.')
                        .map_or(String::new(), |(p, _)| p.to_string())
                }
            }
        };
        if package.is_empty() {
            return Err(self.error(
                &self.types().exc.import_error.clone(),
                "attempted relative import with no known parent package",
            ));
        }
        let parts: Vec<&str> = package.split('.').collect();
        if level > parts.len() {
            return Err(self.error(
                &self.types().exc.import_error.clone(),
                "attempted relative import beyond top-level package",
            ));
        }
        let base = parts[..parts.len() - (level - 1)].join(".");
        Ok(if name.is_empty() {
            base
        } else {
            format!("{base}.{name}")
        })
    }

    /// `IMPORT_FROM`: `from module import name`, falling back to a submodule.
    pub fn import_from(&mut self, module: &Value, name: &Value) -> PyResult<Value> {
        if let Some(v) = self.lookup_attr(module, name)? {
            return Ok(v);
        }
        let modname = self
            .get_attr_str(module, "__name__")
            .map(|n| name_str(&n).to_string())
            .unwrap_or_default();
        let full = format!("{modname}.{}", name_str(name));
        if let Ok(v) = self.import_module(&full) {
            return Ok(v);
        }
        let location = match self.get_attr_str(module, "__file__") {
            Ok(f) => format!(" ({})", name_str(&f)),
            Err(_) => " (unknown location)".to_string(),
        };
        let err = self.error(
            &self.types().exc.import_error.clone(),
            format!(
                "cannot import name '{}' from '{modname}'{location}",
                name_str(name)
            ),
        );
        self.set_exc_attr(&err.0, "name", self.new_str(&modname));
        self.set_exc_attr(&err.0, "name_from", name.clone());
        Err(err)
    }

    /// `from module import *`: public names, or those in `__all__`.
    pub fn import_star(&mut self, module: &Value, into: &ObjRef) -> PyResult<()> {
        let names: Vec<Value> = match self.lookup_attr(module, &self.new_str("__all__"))? {
            Some(all) => self.collect_iterable(&all)?,
            None => {
                let Some(d) = module.as_obj().and_then(|o| o.dict_obj()) else {
                    return Ok(());
                };
                let keys = d.as_dict().map(|x| x.borrow().keys()).unwrap_or_default();
                keys.into_iter()
                    .filter(|k| !name_str(k).starts_with('_'))
                    .collect()
            }
        };
        for n in names {
            let v = self.get_attr(module, &n)?;
            dict::set_item(self, into, n, v)?;
        }
        Ok(())
    }
}

/// `dir/leaf/__init__.py` (a package) or `dir/leaf.py`, in the first directory that has one.
fn find_source(search: &[PathBuf], leaf: &str) -> Option<(PathBuf, bool)> {
    for dir in search {
        let dir = if dir.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            dir.clone()
        };
        let init = dir.join(leaf).join("__init__.py");
        if init.is_file() {
            return Some((init, true));
        }
        let file = dir.join(format!("{leaf}.py"));
        if file.is_file() {
            return Some((file, false));
        }
    }
    None
}
