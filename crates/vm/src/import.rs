//! The import system (CPython's `Python/import.c` + `importlib._bootstrap`, reduced to
//! what adder needs today): `sys.modules`, then a search of `sys.path` for `NAME.py`
//! or a package `NAME/__init__.py`, compiled and run as a new module.

pub(crate) mod builtin_import;
pub(crate) mod cache;
mod locks;
pub use locks::ImportLocks;
mod names;
mod relative;
mod spec;
mod state;

use std::path::{Path, PathBuf};
use std::rc::Rc;

use adder_bytecode::CodeObject;
use adder_syntax::SyntaxErrorDetails;

use crate::error::PyResult;
use crate::object::{ObjRef, Payload};
use crate::objects::dict;
use crate::protocol::attr::name_str;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// `IMPORT_NAME`: what `import a.b.c` (the top package) or `from a.b import c`
    /// (the module `a.b`) binds, for an import made from code running in `globals`.
    /// A replaced `builtins.__import__` is called instead, as CPython's `import_name`.
    pub fn import_name(
        &mut self,
        name: &str,
        fromlist: &Value,
        level: usize,
        globals: &ObjRef,
    ) -> PyResult<Value> {
        if let Some(hook) = self.replaced_import_hook()? {
            let locals = self
                .thread
                .frames
                .last()
                .and_then(|f| f.locals.clone())
                .map_or(Value::None, Value::Obj);
            let args = [
                self.new_str(name),
                Value::Obj(globals.clone()),
                locals,
                fromlist.clone(),
                Value::Int(level as i64),
            ];
            return self.call(&hook, &args);
        }
        self.import_module_level(name, Some(globals), fromlist, level)
    }

    /// CPython's `PyImport_ImportModuleLevelObject`: resolve a relative name against
    /// `globals`, import the module, then pick what the statement binds: the top-level
    /// package when there is no fromlist, else the module itself after importing the
    /// fromlist's submodules.
    pub fn import_module_level(
        &mut self,
        name: &str,
        globals: Option<&ObjRef>,
        fromlist: &Value,
        level: usize,
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
        if wants_names {
            let has_path = self.get_optional_attr(&module, &self.new_str("__path__"))?;
            if has_path.is_some_and(|p| !p.is_none()) {
                self.handle_fromlist(&module, fromlist, false)?;
            }
            return Ok(module);
        }
        if level > 0 && name.is_empty() {
            return Ok(module);
        }
        let front = name.split('.').next().unwrap_or(name);
        if level == 0 {
            return self.import_module(front);
        }
        let cut_off = name.len() - front.len();
        let top = &absolute[..absolute.len() - cut_off];
        match dict::get_str(&self.interp.modules.clone(), top) {
            Some(m) => Ok(m),
            None => {
                Err(self
                    .key_error(self.new_str(&format!("'{top}' not in sys.modules as expected"))))
            }
        }
    }

    /// Import `a.b.c` (each parent first) and return module `a.b.c` (CPython's
    /// `_find_and_load`): from `sys.modules`, the native modules, or `sys.path` / the
    /// parent package's `__path__`.
    pub fn import_module(&mut self, absolute: &str) -> PyResult<Value> {
        let modules = self.interp.modules.clone();
        match dict::get_str(&modules, absolute) {
            Some(Value::None) => {
                return Err(self.module_not_found(
                    absolute,
                    &format!("import of {absolute} halted; None in sys.modules"),
                ))
            }
            Some(m) => {
                self.wait_for_import_by_other_thread(absolute);
                return Ok(m);
            }
            None => {}
        }
        let taken = self.take_import_lock(absolute);
        // Another thread may have imported it while this one waited.
        let result = match dict::get_str(&modules, absolute) {
            Some(m) if !m.is_none() => Ok(m),
            _ => self.import_module_unlocked(absolute),
        };
        if taken == locks::Taken::Yes {
            self.release_import_lock(absolute);
        }
        result
    }

    /// The search and execution part of [`Vm::import_module`], under the module's
    /// import lock.
    fn import_module_unlocked(&mut self, absolute: &str) -> PyResult<Value> {
        let modules = self.interp.modules.clone();
        if let Some(native) = self.import_native_module(absolute) {
            let module = native?;
            self.attach_module_spec(absolute, &module)?;
            return Ok(module);
        }
        if absolute == "genericpath" && dict::get_str(&modules, "os").is_none() {
            // CPython's `site` imports `os` at start-up; without it (as with
            // `python -S`), `genericpath` → `os` → `posixpath` → `genericpath` meets
            // itself half-initialised. adder runs no `site`: `os` comes first here.
            self.import_module("os")?;
            if let Some(m) = dict::get_str(&modules, absolute) {
                return Ok(m);
            }
        }
        let (search, parent) = match absolute.rsplit_once('.') {
            Some((parent, leaf)) => {
                let parent_module = match dict::get_str(&modules, parent) {
                    Some(m) if !m.is_none() => m,
                    _ => self.import_module(parent)?,
                };
                // Importing the parent may have imported this module as a side effect.
                if let Some(m) = dict::get_str(&modules, absolute) {
                    return Ok(m);
                }
                let dirs = self.package_path(absolute, parent, &parent_module)?;
                (dirs, Some((parent, leaf)))
            }
            None => (self.sys_path(), None),
        };
        let leaf = parent.map_or(absolute, |(_, leaf)| leaf);
        let Some((file, is_package)) = find_source(&search, leaf) else {
            let msg = format!("No module named {}", quoted(absolute));
            return Err(self.module_not_found(absolute, &msg));
        };
        let module = self.exec_source_module(absolute, &file, is_package)?;
        if let Some((parent, leaf)) = parent {
            if let Some(pkg) = dict::get_str(&modules, parent) {
                let leaf_name = self.intern(leaf);
                self.set_attr(&pkg, &leaf_name, module.clone())?;
            }
        }
        Ok(module)
    }

    /// The directories a package's submodules are searched in: its `__path__`.
    fn package_path(
        &mut self,
        absolute: &str,
        parent: &str,
        package: &Value,
    ) -> PyResult<Vec<PathBuf>> {
        let path_name = self.new_str("__path__");
        match self.get_optional_attr(package, &path_name)? {
            Some(list) => Ok(self
                .collect_iterable(&list)?
                .iter()
                .map(|v| PathBuf::from(name_str(v)))
                .collect()),
            None => {
                let msg = format!(
                    "No module named {}; {} is not a package",
                    quoted(absolute),
                    quoted(parent)
                );
                Err(self.module_not_found(absolute, &msg))
            }
        }
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

    /// The namespace of a new source module, with CPython's keys in CPython's order.
    fn source_module_namespace(&self, name: &str, file: &Path, is_package: bool) -> ObjRef {
        let globals = self.new_dict();
        let package = if is_package {
            name.to_string()
        } else {
            name.rsplit_once('.')
                .map_or(String::new(), |(p, _)| p.to_string())
        };
        dict::set_str(self, &globals, "__name__", self.new_str(name));
        dict::set_str(self, &globals, "__doc__", Value::None);
        dict::set_str(self, &globals, "__package__", self.new_str(&package));
        dict::set_str(self, &globals, "__loader__", Value::None);
        dict::set_str(self, &globals, "__spec__", Value::None);
        if is_package {
            let dir = file
                .parent()
                .map_or(String::new(), |d| d.to_string_lossy().into_owned());
            let path = self.new_list(vec![self.new_str(&dir)]);
            dict::set_str(self, &globals, "__path__", path);
        }
        let filename = file.to_string_lossy();
        dict::set_str(self, &globals, "__file__", self.new_str(&filename));
        dict::set_str(
            self,
            &globals,
            "__cached__",
            cache::cached_value(self, file),
        );
        let builtins = Value::Obj(self.interp.builtins.clone());
        dict::set_str(self, &globals, "__builtins__", builtins);
        globals
    }

    /// Create module `name`, register it in `sys.modules`, and run `file` in it. What
    /// the import returns is what `sys.modules` holds afterwards: a module may replace
    /// itself there (CPython's `_load_unlocked`).
    fn exec_source_module(&mut self, name: &str, file: &Path, is_package: bool) -> PyResult<Value> {
        let filename = file.to_string_lossy().into_owned();
        let globals = self.source_module_namespace(name, file, is_package);
        let module_type = self.types().module.clone();
        let module = crate::objects::module::new_module_object(&module_type, globals.clone());
        let modules = self.interp.modules.clone();
        dict::set_str(self, &modules, name, module.clone());
        if let Err(e) = self.attach_module_spec(name, &module) {
            let _ = dict::del_item(self, &modules, &self.new_str(name));
            return Err(e);
        }
        self.begin_module_execution(&globals);
        let result = self
            .module_code(file, &filename)
            .and_then(|code| self.run_code(self.code_object(code), globals.clone()));
        self.end_module_execution(&globals);
        let key = self.new_str(name);
        if let Err(e) = result {
            let _ = dict::del_item(self, &modules, &key);
            return Err(e);
        }
        // Moved to the end of `sys.modules`, as CPython's pop-and-reinsert does.
        match dict::del_item(self, &modules, &key)? {
            Some(module) => {
                dict::set_item(self, &modules, key, module.clone())?;
                Ok(module)
            }
            None => Err(self.key_error(key)),
        }
    }

    /// The code of the module in `file`: from its `__pycache__` entry when that matches
    /// the source, otherwise compiled (and cached, unless `sys.dont_write_bytecode`).
    pub fn module_code(&mut self, file: &Path, filename: &str) -> PyResult<Rc<CodeObject>> {
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
    fn compile_module_source(&mut self, source: &[u8], filename: &str) -> PyResult<Rc<CodeObject>> {
        self.compile_with_warnings(filename, || {
            adder_syntax::decode_source(source).and_then(|text| {
                adder_compiler::compile_source(&text, filename, adder_syntax::Mode::Exec, 0)
            })
        })
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
        self.syntax_error_with_details_file(e, filename, Some(filename))
    }

    /// The SyntaxError of a source whose bytes do not decode (from
    /// `adder_syntax::decode_source`). CPython's tokenizer raises those with a location
    /// before it knows the file's name, so their details name no file; `compile()`
    /// then sets the `filename` attribute.
    pub fn decoding_error_from(
        &self,
        e: &adder_syntax::SyntaxError,
        filename: &str,
    ) -> crate::error::PyErr {
        let details_file = match e.details() {
            SyntaxErrorDetails::Full => None,
            _ => Some(filename),
        };
        self.syntax_error_with_details_file(e, filename, details_file)
    }

    /// The exception for `e`, whose details (when it has them) name `details_file`.
    fn syntax_error_with_details_file(
        &self,
        e: &adder_syntax::SyntaxError,
        filename: &str,
        details_file: Option<&str>,
    ) -> crate::error::PyErr {
        let exc = &self.types().exc;
        let ty = match e.kind.name() {
            "IndentationError" => exc.indentation_error.clone(),
            "TabError" => exc.tab_error.clone(),
            // Source too deep for the parser: CPython raises these with the message only.
            "MemoryError" | "RecursionError" => {
                let ty = if e.kind.name() == "MemoryError" {
                    exc.memory_error.clone()
                } else {
                    exc.recursion_error.clone()
                };
                return crate::error::PyErr(self.new_exception(&ty, vec![self.new_str(&e.msg)]));
            }
            _ => exc.syntax_error.clone(),
        };
        let text = e.text.as_deref().map_or(Value::None, |t| self.new_str(t));
        let mut details = vec![
            details_file.map_or(Value::None, |f| self.new_str(f)),
            Value::Int(e.lineno as i64),
            Value::Int(e.offset as i64),
            text,
        ];
        let mut args = vec![self.new_str(&e.msg)];
        match e.details() {
            SyntaxErrorDetails::Full => {
                details.extend([
                    Value::Int(e.end_lineno as i64),
                    Value::Int(e.end_offset as i64),
                ]);
                args.push(self.new_tuple(details));
            }
            SyntaxErrorDetails::Undecodable => args.push(self.new_tuple(details)),
            SyntaxErrorDetails::MessageOnly => {}
        }
        let err = crate::error::PyErr(self.new_exception(&ty, args.clone()));
        if let Err(bad) = crate::objects::exception_fields::init_syntax_error(self, &err.0, &args) {
            return bad;
        }
        if details_file.is_none() {
            self.set_exc_attr(&err.0, "filename", self.new_str(filename));
        }
        err
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

/// A module name as CPython's messages show it (`repr` of the str).
fn quoted(name: &str) -> String {
    crate::objects::repr::str_repr(name)
}
