//! Printing an uncaught exception as CPython does: the chain of causes and contexts,
//! each with its traceback and its `Type: message` line.

use std::collections::HashMap;
use std::rc::Rc;

use crate::frame::code_data;
use crate::object::{ObjRef, Payload};
use crate::objects::attributes::type_module;
use crate::traceback_format::{
    format_exception_line, format_stack, FrameSummary, CAUSE_SEPARATOR, CONTEXT_SEPARATOR,
    TRACEBACK_HEADER,
};
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// The full report for an uncaught exception, as `sys.excepthook` prints it.
    pub fn format_exception(&mut self, exc: &ObjRef) -> String {
        let mut seen = Vec::new();
        let mut sources = SourceCache::default();
        self.format_chain(exc, &mut seen, &mut sources)
    }

    fn format_chain(&mut self, exc: &ObjRef, seen: &mut Vec<usize>, sources: &mut SourceCache) -> String {
        seen.push(Rc::as_ptr(exc) as usize);
        let mut out = String::new();
        if let Some(data) = self.exception_data(exc) {
            let (cause, context, suppress) = {
                let d = data.borrow();
                (d.cause.clone(), d.context.clone(), d.suppress_context)
            };
            let unseen = |v: &Value, seen: &Vec<usize>| {
                v.as_obj().filter(|o| !seen.contains(&(Rc::as_ptr(o) as usize))).cloned()
            };
            if let Some(c) = unseen(&cause, seen) {
                out.push_str(&self.format_chain(&c, seen, sources));
                out.push_str(CAUSE_SEPARATOR);
            } else if let (false, Some(c)) = (suppress, unseen(&context, seen)) {
                out.push_str(&self.format_chain(&c, seen, sources));
                out.push_str(CONTEXT_SEPARATOR);
            }
            let tb = data.borrow().traceback.clone();
            let entries = self.traceback_entries(&tb);
            if !entries.is_empty() {
                out.push_str(TRACEBACK_HEADER);
                out.push_str(&format_stack(&entries, &mut |file, line| sources.line(file, line)));
            }
        }
        out.push_str(&self.format_exception_only(exc));
        out
    }

    /// `Type: message` plus notes.
    pub fn format_exception_only(&mut self, exc: &ObjRef) -> String {
        let ty = self.class_of(exc);
        let qualname = ty.as_type().map_or_else(String::new, |t| t.qualname.borrow().to_string());
        let module = type_module(self, &ty);
        let name = if module == "builtins" || module == "__main__" { qualname } else { format!("{module}.{qualname}") };
        let message = match self.exception_str(exc) {
            Ok(m) => m,
            Err(_) => "<exception str() failed>".to_string(),
        };
        let mut out = format_exception_line(&name, &message);
        if let Some(d) = self.exception_data(exc) {
            let notes = d.borrow().notes.clone();
            if let Some(Payload::List(l)) = notes.payload() {
                for n in l.borrow().clone() {
                    let text = self.to_str(&n).unwrap_or_else(|_| "<note str() failed>".into());
                    out.push_str(&text);
                    out.push('\n');
                }
            }
        }
        out
    }

    fn traceback_entries(&self, tb: &Value) -> Vec<FrameSummary> {
        let mut entries = Vec::new();
        let mut cur = tb.clone();
        while let Some(Payload::Traceback(t)) = cur.payload() {
            if let Payload::Frame(fo) = &t.frame.payload {
                let cd = code_data(&fo.code);
                let loc = cd.code.locations.get(t.lasti).copied().unwrap_or_default();
                entries.push(FrameSummary {
                    filename: cd.code.filename.to_string(),
                    lineno: loc.lineno,
                    end_lineno: loc.end_lineno,
                    colno: loc.col_offset,
                    end_colno: loc.end_col_offset,
                    name: cd.code.name.to_string(),
                });
            }
            cur = t.next.clone();
        }
        entries
    }
}

/// Source files read for tracebacks (CPython's `linecache`).
#[derive(Default)]
struct SourceCache {
    files: HashMap<String, Option<Vec<String>>>,
}

impl SourceCache {
    fn line(&mut self, file: &str, line: u32) -> Option<String> {
        let lines = self.files.entry(file.to_string()).or_insert_with(|| {
            let bytes = std::fs::read(file).ok()?;
            let text = String::from_utf8_lossy(&bytes).into_owned();
            Some(text.lines().map(str::to_string).collect())
        });
        lines.as_ref()?.get((line as usize).checked_sub(1)?).cloned()
    }
}
