//! Raising and unwinding: `raise`, `except` matching, and the search of exception
//! tables frame by frame, recording a traceback entry for each frame passed through.

use std::rc::Rc;

use adder_bytecode::exception_table::find_handler;

use crate::error::{PyErr, PyResult};
use crate::frame::Frame;
use crate::object::{Payload, PyObject};
use crate::objects::traceback::Traceback;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// Find a handler for `err`, starting in the top frame. On success the handler's
    /// frame is ready to continue; otherwise every frame down to `entry_depth` is gone
    /// and the error goes on to the caller of the loop.
    pub(super) fn unwind(&mut self, err: PyErr, entry_depth: usize, reraise: bool) -> PyResult<()> {
        if !reraise {
            self.chain_context(&err);
        }
        let mut record = !reraise;
        loop {
            let Some(frame) = self.thread.frames.last_mut() else {
                return Err(err);
            };
            let fp: *mut Frame = &mut **frame;
            // SAFETY: the top frame stays put until popped below.
            let f = unsafe { &mut *fp };
            if record {
                self.add_traceback_entry(&err, f);
            }
            record = true;
            let code = f.code_data();
            let nlocals = code.code.nlocalsplus();
            let search_at = self.thread.reraise_offset.take().unwrap_or(f.lasti);
            if let Some(h) = find_handler(&code.code.exception_table, search_at as u32) {
                let (depth, target, push_lasti) = (h.depth as usize, h.target as usize, h.lasti);
                f.slots.truncate(nlocals + depth);
                if push_lasti {
                    f.slots.push(Value::Int(f.lasti as i64));
                }
                f.slots.push(Value::Obj(err.0.clone()));
                f.ip = target;
                return Ok(());
            }
            if let Some(done) = self.thread.frames.pop() {
                self.recycle_frame(done);
            }
            if self.thread.frames.len() <= entry_depth {
                return Err(err);
            }
        }
    }

    /// Implicit chaining: an exception raised while another is handled gets it as
    /// `__context__` (without making a cycle).
    fn chain_context(&mut self, err: &PyErr) {
        let handled = self.thread.exc_info.clone();
        let Value::Obj(h) = &handled else { return };
        if Rc::ptr_eq(h, &err.0) {
            return;
        }
        let Some(data) = self.exception_data(&err.0) else {
            return;
        };
        if !data.borrow().context.is_none() {
            return;
        }
        // Break a cycle: if err is somewhere in handled's context chain, cut it there.
        let mut cur = handled.clone();
        while let Some(o) = cur.as_obj().cloned() {
            let Some(d) = self.exception_data(&o) else {
                break;
            };
            let next = d.borrow().context.clone();
            if next.as_obj().is_some_and(|n| Rc::ptr_eq(n, &err.0)) {
                d.borrow_mut().context = Value::None;
                break;
            }
            cur = next;
        }
        data.borrow_mut().context = handled;
    }

    pub(crate) fn add_traceback_entry(&mut self, err: &PyErr, f: &mut Frame) {
        let frame = self.frame_object(f);
        let Some(data) = self.exception_data(&err.0) else {
            return;
        };
        let next = data.borrow().traceback.clone();
        let tb = Value::obj(PyObject::new(
            self.types().traceback.clone(),
            Payload::Traceback(Traceback {
                next,
                frame,
                lasti: f.lasti,
            }),
        ));
        data.borrow_mut().traceback = tb;
    }

    /// `raise`, `raise exc`, `raise exc from cause`.
    pub(super) fn op_raise(&mut self, f: &mut Frame, arg: u32) -> PyErr {
        match arg {
            0 => {
                let current = self.thread.exc_info.clone();
                if current.is_none() {
                    return self.runtime_error("No active exception to reraise");
                }
                self.thread.reraising = true;
                self.exception_from_value(current)
            }
            1 => {
                let exc = f.slots.pop().unwrap_or(Value::None);
                self.make_raisable(exc)
            }
            _ => {
                let cause = f.slots.pop().unwrap_or(Value::None);
                let exc = f.slots.pop().unwrap_or(Value::None);
                let err = self.make_raisable(exc);
                let cause = if cause.is_none() {
                    Value::None
                } else {
                    match self.make_raisable(cause.clone()) {
                        e if self.is_exception_instance(&Value::Obj(e.0.clone())) => {
                            Value::Obj(e.0)
                        }
                        e => return e,
                    }
                };
                if let Some(d) = self.exception_data(&err.0) {
                    let mut d = d.borrow_mut();
                    d.cause = cause;
                    d.suppress_context = true;
                }
                err
            }
        }
    }

    pub fn is_exception_instance(&self, v: &Value) -> bool {
        v.as_obj()
            .is_some_and(|o| matches!(o.payload, Payload::Exception(_)))
    }

    /// What `raise X` raises: an instance as is, a class instantiated with no arguments.
    pub fn make_raisable(&mut self, v: Value) -> PyErr {
        if self.is_exception_instance(&v) {
            return self.exception_from_value(v);
        }
        if let Some(o) = v.as_obj() {
            if o.as_type().is_some() && self.is_subtype(o, &self.types().exc.base_exception.clone())
            {
                return match self.call(&v, &[]) {
                    Ok(inst) if self.is_exception_instance(&inst) => {
                        self.exception_from_value(inst)
                    }
                    Ok(_) => {
                        let r = self.repr(&v).unwrap_or_default();
                        self.type_error(format!(
                            "calling {r} should have returned an instance of BaseException, not {}",
                            self.type_name(&v)
                        ))
                    }
                    Err(e) => e,
                };
            }
        }
        self.type_error("exceptions must derive from BaseException")
    }

    pub fn exception_from_value(&self, v: Value) -> PyErr {
        match v {
            Value::Obj(o) if matches!(o.payload, Payload::Exception(_)) => PyErr(o),
            _ => self.type_error("exceptions must derive from BaseException"),
        }
    }

    /// `except T:` matching, with CPython's check that T is an exception class.
    pub(super) fn exception_matches(&mut self, exc: &Value, ty: &Value) -> PyResult<bool> {
        let base = self.types().exc.base_exception.clone();
        let types: Vec<Value> = match ty.payload() {
            Some(Payload::Tuple(t)) => t.to_vec(),
            _ => vec![ty.clone()],
        };
        for t in &types {
            let ok = t
                .as_obj()
                .is_some_and(|o| o.as_type().is_some() && self.is_subtype(o, &base));
            if !ok {
                return Err(self.type_error(
                    "catching classes that do not inherit from BaseException is not allowed",
                ));
            }
        }
        Ok(types
            .iter()
            .any(|t| t.as_obj().is_some_and(|o| self.is_instance(exc, o))))
    }
}
