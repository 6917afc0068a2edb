//! Exceptions that cannot be raised (in `__del__`, weakref callbacks, generator
//! closing, threads): CPython's `PyErr_FormatUnraisable`. They go to
//! `sys.unraisablehook` when the program replaced it, else are printed in the
//! default hook's format ("Exception ignored ..." and the traceback).

use std::io::Write;

use crate::error::PyResult;
use crate::object::ObjRef;
use crate::objects::dict;
use crate::objects::function::Args;
use crate::value::Value;
use crate::vm::Vm;

/// Builds the `UnraisableHookArgs` struct sequence handed to a replaced hook, from
/// `(exc_type, exc_value, exc_traceback, err_msg, object)`. Struct sequences are
/// made by the standard library crate, which registers this as a native state.
pub struct UnraisableHookArgsFactory(pub fn(&mut Vm, Vec<Value>) -> PyResult<Value>);

impl Vm {
    /// Report `exc`, raised `what` (e.g. "while calling deallocator") about `obj`.
    pub fn report_unraisable(&mut self, what: &str, obj: &Value, exc: &ObjRef) {
        self.add_current_frame_if_no_traceback(exc);
        let shown = self.repr_or_placeholder(obj);
        let err_msg = format!("Exception ignored {what} {shown}");
        let sys = self.interp.sys.dict_obj();
        let hook = sys
            .as_ref()
            .and_then(|d| dict::get_str(d, "unraisablehook"));
        let default = sys
            .as_ref()
            .and_then(|d| dict::get_str(d, "__unraisablehook__"));
        let factory = self.native_state::<UnraisableHookArgsFactory>();
        let (Some(hook), Some(factory)) = (hook, factory) else {
            return self.write_unraisable(Some(&err_msg), None, Some(exc));
        };
        if hook.is_none() || default.is_some_and(|d| d.is(&hook)) {
            return self.write_unraisable(Some(&err_msg), None, Some(exc));
        }
        let exc_value = Value::Obj(exc.clone());
        let fields = vec![
            Value::Obj(self.type_of(&exc_value)),
            exc_value.clone(),
            self.get_attr_str(&exc_value, "__traceback__")
                .unwrap_or(Value::None),
            self.new_str(&err_msg),
            Value::None,
        ];
        let called = (factory.0)(self, fields).and_then(|args| self.call(&hook, &[args]));
        if let Err(e) = called {
            self.add_current_frame_if_no_traceback(&e.0);
            let context = "Exception ignored in sys.unraisablehook";
            self.write_unraisable(Some(context), Some(&hook), Some(&e.0));
        }
    }

    /// The default hook's output: the message (followed by the object's repr when
    /// there is an object), then the exception with its traceback.
    fn write_unraisable(
        &mut self,
        err_msg: Option<&str>,
        obj: Option<&Value>,
        exc: Option<&ObjRef>,
    ) {
        let mut text = match (obj, err_msg) {
            (Some(obj), message) => {
                let shown = self.repr_or_placeholder(obj);
                format!("{}: {shown}\n", message.unwrap_or("Exception ignored in"))
            }
            (None, Some(message)) => format!("{message}:\n"),
            (None, None) => String::new(),
        };
        if let Some(exc) = exc {
            // CPython prints this through its C traceback printer, which draws no carets.
            let report = self.format_exception_unchained(exc);
            text.extend(report.split_inclusive('\n').filter(|l| !is_caret_line(l)));
        }
        self.flush_stdout();
        let _ = std::io::stderr().write_all(text.as_bytes());
    }

    fn repr_or_placeholder(&mut self, obj: &Value) -> String {
        self.repr(obj)
            .map(|s| s.to_string())
            .unwrap_or_else(|_| "<object repr() failed>".to_string())
    }
}

/// `sys.unraisablehook(unraisable)` / `sys.__unraisablehook__`: the default hook,
/// printing an `UnraisableHookArgs`'s fields.
pub fn sys_unraisablehook(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [unraisable] = args.pos() else {
        return Err(vm.type_error(format!(
            "unraisablehook() takes exactly one argument ({} given)",
            args.pos().len()
        )));
    };
    let err_msg = vm.get_attr_str(unraisable, "err_msg")?;
    let err_msg = match err_msg {
        Value::None => None,
        message => Some(vm.to_str(&message)?),
    };
    let obj = vm.get_attr_str(unraisable, "object")?;
    let exc = vm.get_attr_str(unraisable, "exc_value")?;
    let exc = exc
        .as_obj()
        .filter(|o| vm.exception_data(o).is_some())
        .cloned();
    let obj = (!obj.is_none()).then_some(obj);
    vm.write_unraisable(err_msg.as_deref(), obj.as_ref(), exc.as_ref());
    Ok(Value::None)
}

/// A traceback line holding only the `~~^^` markers under a source line.
fn is_caret_line(line: &str) -> bool {
    let marks = line.trim();
    !marks.is_empty() && marks.chars().all(|c| c == '~' || c == '^')
}
