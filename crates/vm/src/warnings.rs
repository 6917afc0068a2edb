//! Warnings the VM itself issues (CPython's `PyErr_WarnEx` and friends): they go
//! through the Python `warnings` module, so that filters, `catch_warnings` and
//! `-W error` apply to them as to `warnings.warn` calls; when that module cannot be
//! imported (very early, or a broken installation) the warning is printed in
//! CPython's default format instead.

use std::io::Write;

use crate::error::PyResult;
use crate::frame::code_data;
use crate::object::ObjRef;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// `warnings.warn(message, category, stacklevel)`. An `Err` is the warning turned
    /// into an exception by an "error" filter (or a failure inside `warnings`).
    pub fn warn(&mut self, category: &ObjRef, message: &str, stacklevel: usize) -> PyResult<()> {
        let message = self.new_str(message);
        self.warn_with(category, message, stacklevel, None)
    }

    /// `warnings.warn(message, category, stacklevel, source)`: `message` may be a
    /// str or a Warning instance; `source` is the object the warning is about (the
    /// unawaited coroutine), shown with its allocation traceback by `tracemalloc`.
    pub fn warn_with(
        &mut self,
        category: &ObjRef,
        message: Value,
        stacklevel: usize,
        source: Option<Value>,
    ) -> PyResult<()> {
        let Some(warn) = self.warnings_function("warn") else {
            self.print_default_warning(category, &message);
            return Ok(());
        };
        let mut args = vec![
            message,
            Value::Obj(category.clone()),
            Value::Int(stacklevel.min(i64::MAX as usize) as i64),
        ];
        args.extend(source);
        self.call(&warn, &args).map(drop)
    }

    /// "coroutine '...' was never awaited" (CPython's `_PyErr_WarnUnawaitedCoroutine`:
    /// `warnings._warn_unawaited_coroutine(coro)`, which names the line that dropped it).
    pub fn warn_unawaited_coroutine(&mut self, coroutine: &Value) -> PyResult<()> {
        if let Some(warn) = self.warnings_function("_warn_unawaited_coroutine") {
            return self.call(&warn, std::slice::from_ref(coroutine)).map(drop);
        }
        let qualname = self.get_attr_str(coroutine, "__qualname__")?;
        let qualname = self.to_str(&qualname)?;
        let category = self.types().exc.runtime_warning.clone();
        let message = self.new_str(&format!("coroutine '{qualname}' was never awaited"));
        self.print_default_warning(&category, &message);
        Ok(())
    }

    /// `warnings.warn_explicit(message, category, filename, lineno)`: a warning about
    /// a given place rather than the running code (CPython's
    /// `PyErr_WarnExplicitObject` with no module or registry).
    pub fn warn_explicit(
        &mut self,
        category: &ObjRef,
        message: &str,
        filename: &str,
        lineno: u32,
    ) -> PyResult<()> {
        let message = self.new_str(message);
        let Some(warn_explicit) = self.warnings_function("warn_explicit") else {
            self.print_warning_at(category, &message, filename, lineno);
            return Ok(());
        };
        let args = [
            message,
            Value::Obj(category.clone()),
            self.new_str(filename),
            Value::Int(i64::from(lineno)),
        ];
        self.call(&warn_explicit, &args).map(drop)
    }

    /// `warnings.<name>`, importing the module; `None` when it cannot be imported.
    pub fn warnings_function(&mut self, name: &str) -> Option<Value> {
        let module = self.import_module("warnings").ok()?;
        self.get_attr_str(&module, name).ok()
    }

    /// "file:line: Category: message" for the running Python frame, as CPython's
    /// `_warnings` prints when the `warnings` module is unavailable.
    fn print_default_warning(&mut self, category: &ObjRef, message: &Value) {
        let (file, line) = match self.thread.frames.last() {
            Some(f) => {
                let code = &code_data(&f.code).code;
                (
                    code.filename.to_string(),
                    code.line_at(f.lasti).unwrap_or(0),
                )
            }
            None => ("sys".to_string(), 1),
        };
        self.print_warning_at(category, message, &file, line);
    }

    /// "file:line: Category: message" on stderr.
    fn print_warning_at(&mut self, category: &ObjRef, message: &Value, file: &str, line: u32) {
        let text = self
            .to_str(message)
            .unwrap_or_else(|_| "<message str() failed>".to_string());
        let name = category
            .as_type()
            .map_or_else(|| "Warning".to_string(), |t| t.name().to_string());
        self.flush_stdout();
        let _ = writeln!(std::io::stderr(), "{file}:{line}: {name}: {text}");
    }
}
