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
        self.format_exception_from(exc, PrintContext::default())
    }

    /// The report the default `sys.unraisablehook` prints: the exception alone,
    /// without its cause or context.
    pub fn format_exception_unchained(&mut self, exc: &ObjRef) -> String {
        let mut ctx = PrintContext::default();
        if let Some(data) = self.exception_data(exc) {
            let d = data.borrow();
            let linked = [&d.cause, &d.context].into_iter().filter_map(Value::as_obj);
            ctx.seen.extend(linked.map(|o| Rc::as_ptr(o) as usize));
        }
        self.format_exception_from(exc, ctx)
    }

    fn format_exception_from(&mut self, exc: &ObjRef, mut ctx: PrintContext) -> String {
        let mut sources = SourceCache::default();
        for (name, text) in self.interp.registered_sources.borrow().iter() {
            sources.files.insert(name.clone(), Some(split_lines(text)));
        }
        self.format_chain(exc, &mut ctx, &mut sources)
    }

    /// `exc` after its causes and contexts; exception groups as boxes of their members
    /// (`traceback.TracebackException.format`).
    fn format_chain(
        &mut self,
        exc: &ObjRef,
        ctx: &mut PrintContext,
        sources: &mut SourceCache,
    ) -> String {
        ctx.seen.push(Rc::as_ptr(exc) as usize);
        let mut out = String::new();
        let mut entries = Vec::new();
        if let Some(data) = self.exception_data(exc) {
            let (cause, context, suppress) = {
                let d = data.borrow();
                (d.cause.clone(), d.context.clone(), d.suppress_context)
            };
            let unseen = |v: &Value, seen: &Vec<usize>| {
                v.as_obj()
                    .filter(|o| !seen.contains(&(Rc::as_ptr(o) as usize)))
                    .cloned()
            };
            if let Some(c) = unseen(&cause, &ctx.seen) {
                out.push_str(&self.format_chain(&c, ctx, sources));
                out.push_str(&ctx.emit(CAUSE_SEPARATOR, '|'));
            } else if let (false, Some(c)) = (suppress, unseen(&context, &ctx.seen)) {
                out.push_str(&self.format_chain(&c, ctx, sources));
                out.push_str(&ctx.emit(CONTEXT_SEPARATOR, '|'));
            }
            let tb = data.borrow().traceback.clone();
            entries = self.traceback_entries(&tb);
        }
        let stack = format_stack(&entries, &mut |file, line| sources.line(file, line));
        let group = Value::Obj(exc.clone());
        if !self.is_instance(&group, &self.types().exc.base_exception_group.clone()) {
            if !entries.is_empty() {
                out.push_str(&ctx.emit(TRACEBACK_HEADER, '|'));
                out.push_str(&ctx.emit(&stack, '|'));
            }
            let only = self.format_exception_only(exc);
            out.push_str(&ctx.emit(&only, '|'));
            return out;
        }
        if ctx.depth > MAX_GROUP_DEPTH {
            out.push_str(&ctx.emit(
                &format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"),
                '|',
            ));
            return out;
        }
        let toplevel = ctx.depth == 0;
        if toplevel {
            ctx.depth += 1;
        }
        if !entries.is_empty() {
            let margin = if toplevel { '+' } else { '|' };
            out.push_str(&ctx.emit(GROUP_TRACEBACK_HEADER, margin));
            out.push_str(&ctx.emit(&stack, '|'));
        }
        let only = self.format_exception_only(exc);
        out.push_str(&ctx.emit(&only, '|'));
        let members: Vec<ObjRef> = exc
            .dict_obj()
            .and_then(|d| crate::objects::dict::get_str(&d, "exceptions"))
            .and_then(|t| t.as_obj().and_then(|t| t.as_tuple()).map(|t| t.to_vec()))
            .unwrap_or_default()
            .into_iter()
            .filter_map(|v| v.as_obj().cloned())
            .collect();
        let shown = members.len().min(MAX_GROUP_WIDTH + 1);
        ctx.need_close = false;
        for (i, member) in members.iter().take(shown).enumerate() {
            let last = i + 1 == shown;
            if last {
                ctx.need_close = true;
            }
            let truncated = i >= MAX_GROUP_WIDTH;
            let title = if truncated {
                "...".to_string()
            } else {
                (i + 1).to_string()
            };
            let corner = if i == 0 { "+-" } else { "  " };
            out.push_str(&format!(
                "{}{corner}+---------------- {title} ----------------\n",
                ctx.indent()
            ));
            ctx.depth += 1;
            if truncated {
                let remaining = members.len() - MAX_GROUP_WIDTH;
                let plural = if remaining > 1 { "s" } else { "" };
                out.push_str(&ctx.emit(&format!("and {remaining} more exception{plural}\n"), '|'));
            } else {
                out.push_str(&self.format_chain(member, ctx, sources));
            }
            if last && ctx.need_close {
                out.push_str(&format!(
                    "{}+------------------------------------\n",
                    ctx.indent()
                ));
                ctx.need_close = false;
            }
            ctx.depth -= 1;
        }
        if toplevel {
            ctx.depth = 0;
        }
        out
    }

    /// `Type: message` plus notes.
    pub fn format_exception_only(&mut self, exc: &ObjRef) -> String {
        let ty = self.class_of(exc);
        let qualname = ty
            .as_type()
            .map_or_else(String::new, |t| t.qualname.borrow().to_string());
        let module = type_module(self, &ty);
        let name = if module == "builtins" || module == "__main__" {
            qualname
        } else {
            format!("{module}.{qualname}")
        };
        if let Some(block) = self.syntax_error_block(exc, &name) {
            return block;
        }
        let mut message = match self.exception_str(exc) {
            Ok(m) => m,
            Err(_) => "<exception str() failed>".to_string(),
        };
        if let Some(s) = self.suggestion_for(exc) {
            message.push_str(&format!(". Did you mean: '{s}'?"));
        }
        let mut out = format_exception_line(&name, &message);
        if let Some(d) = self.exception_data(exc) {
            let notes = d.borrow().notes.clone();
            if let Some(Payload::List(l)) = notes.payload() {
                for n in l.borrow().clone() {
                    let text = self
                        .to_str(&n)
                        .unwrap_or_else(|_| "<note str() failed>".into());
                    out.push_str(&text);
                    out.push('\n');
                }
            }
        }
        out
    }

    /// A SyntaxError's report: its file, line, source text and carets, then
    /// `Name: msg` (CPython's `_format_syntax_error`).
    fn syntax_error_block(&mut self, exc: &ObjRef, name: &str) -> Option<String> {
        let excv = Value::Obj(exc.clone());
        if !self.is_instance(&excv, &self.types().exc.syntax_error.clone()) {
            return None;
        }
        let d = exc.dict_obj()?;
        let attr = |key: &str| crate::objects::dict::get_str(&d, key);
        let int = |key: &str| match attr(key) {
            Some(Value::Int(i)) => i,
            _ => 0,
        };
        let lineno = int("lineno");
        if lineno <= 0 {
            return None;
        }
        let text_of = |v: Option<Value>| {
            v.and_then(|v| {
                v.as_obj()
                    .and_then(|o| o.as_str())
                    .map(|s| s.as_str().to_string())
            })
        };
        let filename = text_of(attr("filename")).unwrap_or_else(|| "<string>".to_string());
        let msg = text_of(attr("msg")).unwrap_or_default();
        let err = adder_syntax::SyntaxError {
            kind: adder_syntax::SyntaxErrorKind::SyntaxError,
            msg: msg.clone(),
            lineno: lineno as u32,
            offset: int("offset") as i32,
            end_lineno: int("end_lineno") as u32,
            end_offset: int("end_offset") as i32,
            text: text_of(attr("text")),
        };
        let block = adder_syntax::format_syntax_error(&err, &filename);
        let body = block
            .strip_suffix(&format!("SyntaxError: {msg}\n"))
            .unwrap_or(&block);
        Some(format!("{body}{name}: {msg}\n"))
    }

    /// The "Did you mean" candidate for a NameError or AttributeError with a `name`.
    fn suggestion_for(&mut self, exc: &ObjRef) -> Option<String> {
        let excv = Value::Obj(exc.clone());
        let t = self.types();
        let (name_error, attribute_error) =
            (t.exc.name_error.clone(), t.exc.attribute_error.clone());
        let wrong = exc
            .dict_obj()
            .and_then(|d| crate::objects::dict::get_str(&d, "name"))?;
        let wrong = crate::protocol::attr::name_str(&wrong).to_string();
        if wrong.is_empty() {
            return None;
        }
        let mut names: Vec<String> = Vec::new();
        if self.is_instance(&excv, &attribute_error) {
            let obj = exc
                .dict_obj()
                .and_then(|d| crate::objects::dict::get_str(&d, "obj"))?;
            names = self.attribute_names(&obj);
            if !wrong.starts_with('_') {
                names.retain(|n| !n.starts_with('_'));
            }
        } else if self.is_instance(&excv, &name_error) {
            let tb = self.exception_data(exc)?.borrow().traceback.clone();
            let mut last = None;
            let mut cur = tb;
            while let Some(Payload::Traceback(t)) = cur.payload() {
                last = Some(t.frame.clone());
                cur = t.next.clone();
            }
            let Payload::Frame(fo) = &last?.payload else {
                return None;
            };
            let cd = code_data(&fo.code);
            if cd.code.flags & adder_bytecode::CodeFlags::OPTIMIZED != 0 {
                names.extend(cd.code.localsplus_names.iter().map(|n| n.to_string()));
            }
            for d in [fo.globals.clone(), self.interp.builtins_dict.clone()] {
                if let Some(data) = d.as_dict() {
                    names.extend(data.borrow().iter().filter_map(|e| {
                        e.key
                            .as_obj()
                            .and_then(|o| o.as_str())
                            .map(|s| s.as_str().to_string())
                    }));
                }
            }
        } else {
            return None;
        }
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        crate::suggestions::best_suggestion(&refs, &wrong).map(str::to_string)
    }

    /// Roughly `dir(obj)`: instance attributes and those of its type's MRO, sorted.
    pub fn attribute_names(&self, obj: &Value) -> Vec<String> {
        let mut names = std::collections::BTreeSet::new();
        let mut add_dict = |d: &ObjRef| {
            if let Some(data) = d.as_dict() {
                for e in data.borrow().iter() {
                    if let Some(s) = e.key.as_obj().and_then(|o| o.as_str()) {
                        names.insert(s.as_str().to_string());
                    }
                }
            }
        };
        if let Some(d) = obj.as_obj().and_then(|o| o.dict_obj()) {
            add_dict(&d);
        }
        let ty = match obj.as_obj() {
            Some(o) if o.as_type().is_some() => o.clone(),
            _ => self.type_of(obj),
        };
        if let Some(t) = ty.as_type() {
            for klass in t.mro.borrow().iter() {
                if let Some(d) = klass.dict_obj() {
                    add_dict(&d);
                }
            }
        }
        names.into_iter().collect()
    }

    fn traceback_entries(&self, tb: &Value) -> Vec<FrameSummary> {
        let mut entries = Vec::new();
        let mut cur = tb.clone();
        while let Some(Payload::Traceback(t)) = cur.payload() {
            if let Payload::Frame(fo) = &t.frame.payload {
                let cd = code_data(&fo.code);
                let loc = cd.code.location_at(t.lasti).unwrap_or_default();
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

/// `traceback`'s limits on printing nested exception groups.
const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;
const GROUP_TRACEBACK_HEADER: &str = "Exception Group Traceback (most recent call last):\n";

/// Where an exception is printed inside exception-group boxes (CPython's
/// `traceback._ExceptionPrintContext`).
#[derive(Default)]
struct PrintContext {
    seen: Vec<usize>,
    depth: usize,
    need_close: bool,
}

impl PrintContext {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// `text` with every line prefixed by the indent and a margin (`| ` or `+ `).
    fn emit(&self, text: &str, margin: char) -> String {
        if self.depth == 0 {
            return text.to_string();
        }
        let prefix = format!("{}{margin} ", self.indent());
        text.split_inclusive('\n')
            .map(|line| format!("{prefix}{line}"))
            .collect()
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
            Some(split_lines(&String::from_utf8_lossy(&bytes)))
        });
        lines
            .as_ref()?
            .get((line as usize).checked_sub(1)?)
            .cloned()
    }
}

/// Lines as `linecache` sees them: `\n`, `\r\n` and `\r` all end a line.
fn split_lines(text: &str) -> Vec<String> {
    text.replace("\r\n", "\n")
        .split(['\n', '\r'])
        .map(str::to_string)
        .collect()
}
