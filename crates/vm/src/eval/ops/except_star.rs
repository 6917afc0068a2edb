//! `except*` (PEP 654): `CHECK_EG_MATCH` splits the active exception by a clause's types,
//! and the `INTRINSIC_PREP_RERAISE_STAR` intrinsic combines what the clauses raised or
//! re-raised into the exception that leaves the `try` (CPython's `ceval.c`
//! `_PyEval_ExceptionGroupMatch` and `exceptions.c` `_PyExc_PrepReraiseStar`).

use super::pop;
use crate::error::PyResult;
use crate::frame::Frame;
use crate::object::{Payload, PyObject};
use crate::objects::exception_group::{
    self, is_group, new_anonymous_group, projection, split_by_types,
};
use crate::objects::function::Args;
use crate::objects::traceback::Traceback;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// `CHECK_EG_MATCH`: `(exc, types -- rest, match)`; a match becomes the handled
    /// exception.
    pub(super) fn op_check_eg_match(&mut self, fp: *mut Frame) -> PyResult<()> {
        // SAFETY: `fp` is the live top frame (see `execute`); it is re-read after calls.
        let f = unsafe { &mut *fp };
        let types = pop(f);
        let exc = pop(f);
        self.check_except_star_types(&types)?;
        let (matched, rest) = if exc.is_none() {
            (Value::None, Value::None)
        } else if self.exception_matches(&exc, &types)? {
            let wrapped = if is_group(self, &exc) {
                exc
            } else {
                self.wrap_naked_exception(fp, exc)?
            };
            (wrapped, Value::None)
        } else if is_group(self, &exc) {
            let (m, r) = split_by_types(self, &exc, &types)?;
            (m, r)
        } else {
            (Value::None, exc)
        };
        if !matched.is_none() {
            self.thread.exc_info = matched.clone();
        }
        let f = unsafe { &mut *fp };
        f.slots.push(rest);
        f.slots.push(matched);
        Ok(())
    }

    /// `except* T`: T must be exception classes, and not exception groups.
    fn check_except_star_types(&mut self, types: &Value) -> PyResult<()> {
        let base = self.types().exc.base_exception.clone();
        let group = self.types().exc.base_exception_group.clone();
        let items = match types.payload() {
            Some(Payload::Tuple(t)) => t.to_vec(),
            _ => vec![types.clone()],
        };
        for t in &items {
            let Some(ty) = t.as_obj().filter(|o| o.as_type().is_some()) else {
                return Err(self.type_error(
                    "catching classes that do not inherit from BaseException is not allowed",
                ));
            };
            if !self.is_subtype(ty, &base) {
                return Err(self.type_error(
                    "catching classes that do not inherit from BaseException is not allowed",
                ));
            }
            if self.is_subtype(ty, &group) {
                return Err(self.type_error(
                    "catching ExceptionGroup with except* is not allowed. Use except instead.",
                ));
            }
        }
        Ok(())
    }

    /// A plain exception caught by `except*` is handled as `ExceptionGroup("", (exc,))`
    /// (a tuple, as CPython builds it) whose traceback starts at this frame.
    fn wrap_naked_exception(&mut self, fp: *mut Frame, exc: Value) -> PyResult<Value> {
        let base_group = self.types().exc.base_exception_group.clone();
        let values = [self.new_str(""), self.new_tuple(vec![exc])];
        let wrapped =
            exception_group::construct(self, &base_group, Args::positional_only(&values))?
                .ok_or_else(|| self.system_error("could not wrap a naked exception"))?;
        let f = unsafe { &mut *fp };
        let frame = self.frame_object(f);
        let tb = Value::obj(PyObject::new(
            self.types().traceback.clone(),
            Payload::Traceback(Traceback {
                next: Value::None,
                frame,
                lasti: f.lasti,
            }),
        ));
        if let Some(d) = wrapped.as_obj().and_then(|o| self.exception_data(o)) {
            d.borrow_mut().traceback = tb;
        }
        Ok(wrapped)
    }

    /// `INTRINSIC_PREP_RERAISE_STAR(orig, excs)`: `None` when every clause handled its
    /// part; otherwise the new exceptions plus the re-raised part of `orig`.
    pub(super) fn prep_reraise_star(&mut self, orig: &Value, excs: &Value) -> PyResult<Value> {
        let excs: Vec<Value> = match excs.payload() {
            Some(Payload::List(l)) => l.borrow().clone(),
            _ => return Err(self.system_error("PREP_RERAISE_STAR: expected a list")),
        };
        if excs.is_empty() {
            return Ok(Value::None);
        }
        if !is_group(self, orig) {
            // A naked exception was wrapped: at most one clause ran.
            return Ok(excs[0].clone());
        }
        let (mut raised, mut reraised) = (Vec::new(), Vec::new());
        for e in excs.into_iter().filter(|e| !e.is_none()) {
            if self.same_exception_metadata(&e, orig) {
                reraised.push(e);
            } else {
                raised.push(e);
            }
        }
        let reraised = projection(self, orig, &reraised)?;
        if raised.is_empty() {
            return Ok(reraised);
        }
        if !reraised.is_none() {
            raised.push(reraised);
        }
        if raised.len() > 1 {
            new_anonymous_group(self, raised)
        } else {
            Ok(raised.swap_remove(0))
        }
    }

    /// A re-raised part of the original group shares its notes, traceback, cause and
    /// context objects (split copies them); a newly raised exception does not.
    fn same_exception_metadata(&self, a: &Value, b: &Value) -> bool {
        let (Some(a), Some(b)) = (
            a.as_obj().and_then(|o| self.exception_data(o)),
            b.as_obj().and_then(|o| self.exception_data(o)),
        ) else {
            return false;
        };
        let (a, b) = (a.borrow(), b.borrow());
        a.notes.is(&b.notes)
            && a.traceback.is(&b.traceback)
            && a.cause.is(&b.cause)
            && a.context.is(&b.context)
    }
}
