//! Parsing and compiling with CPython's compile-time SyntaxWarnings: the stages
//! record them as values (`adder_syntax::warnings`), and here they go through
//! `warnings.warn_explicit` in the order met, so that filters, `catch_warnings`
//! and `-W error` apply. A warning a filter turns into an error becomes the
//! SyntaxError CPython raises in its place, and ends the compilation.

use adder_syntax::warnings::{collect, CompileWarning};
use adder_syntax::SyntaxError;

use crate::error::PyResult;
use crate::vm::Vm;

impl Vm {
    /// Run `stage` (a parse or compile of source named `filename`), emit the
    /// warnings it recorded, then give its result; a syntax error becomes the
    /// Python exception. The warnings come first, as CPython issues them while
    /// reading the source, before any later error.
    pub fn compile_with_warnings<T>(
        &mut self,
        filename: &str,
        stage: impl FnOnce() -> Result<T, SyntaxError>,
    ) -> PyResult<T> {
        let (result, warnings) = collect(stage);
        self.emit_compile_warnings(&warnings, filename)?;
        result.map_err(|e| self.syntax_error_from(&e, filename))
    }

    /// Emit warnings recorded by a [`collect`]ed stage, in order; the first one a
    /// filter turns into an error is returned as that error.
    pub fn emit_compile_warnings(
        &mut self,
        warnings: &[CompileWarning],
        filename: &str,
    ) -> PyResult<()> {
        warnings
            .iter()
            .try_for_each(|warning| self.emit_compile_warning(warning, filename))
    }

    fn emit_compile_warning(&mut self, warning: &CompileWarning, filename: &str) -> PyResult<()> {
        let category = self.types().exc.syntax_warning.clone();
        let Err(err) = self.warn_explicit(&category, &warning.message, filename, warning.lineno)
        else {
            return Ok(());
        };
        if !self.is_instance(&crate::value::Value::Obj(err.0.clone()), &category) {
            return Err(err);
        }
        let mut error = warning.error.clone();
        if error.text.is_none() {
            error.text = program_text(filename, error.lineno);
        }
        Err(self.syntax_error_from(&error, filename))
    }
}

/// Line `lineno` of the file `filename`, with its newline, when there is such a
/// file (CPython's `PyErr_ProgramTextObject`).
fn program_text(filename: &str, lineno: u32) -> Option<String> {
    let bytes = std::fs::read(filename).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    text.split_inclusive('\n')
        .nth(lineno.checked_sub(1)? as usize)
        .map(str::to_string)
}
