//! Running generators: `RETURN_GENERATOR` parks the new frame in a generator object;
//! `send`/`throw` push it back and re-enter the loop until the next `YIELD_VALUE`
//! (which parks it again) or a return.

use std::cell::{Cell, RefCell};

use adder_bytecode::{CodeFlags, Opcode};

use super::Flow;
use crate::error::{PyErr, PyResult};
use crate::object::{ObjRef, Payload, PyObject};
use crate::objects::generator::{GenKind, Generator};
use crate::value::Value;
use crate::vm::Vm;

/// How a resumed generator came back.
pub enum GenResult {
    Yielded(Value),
    Returned(Value),
}

impl Vm {
    /// `RETURN_GENERATOR`: the running frame becomes a generator, handed to the caller.
    pub(super) fn return_generator(&mut self, entry_depth: usize) -> PyResult<Flow> {
        let Some(frame) = self.thread.frames.pop() else {
            return Err(self.system_error("RETURN_GENERATOR without a frame"));
        };
        let flags = frame.code_data().code.flags;
        let kind = if flags & CodeFlags::COROUTINE != 0 {
            GenKind::Coroutine
        } else if flags & CodeFlags::ASYNC_GENERATOR != 0 {
            GenKind::AsyncGenerator
        } else {
            GenKind::Generator
        };
        let (name, qualname) = match frame.func.as_ref().map(|f| &f.payload) {
            Some(Payload::Function(func)) => {
                (func.name.borrow().clone(), func.qualname.borrow().clone())
            }
            _ => {
                let co = &frame.code_data().code;
                (self.new_str(&co.name), self.new_str(&co.qualname))
            }
        };
        let t = self.types();
        let class = match kind {
            GenKind::Generator => t.generator.clone(),
            GenKind::Coroutine => t.coroutine.clone(),
            GenKind::AsyncGenerator => t.async_generator.clone(),
        };
        let code = Value::Obj(frame.code.clone());
        let gen = Value::obj(PyObject::new(
            class,
            Payload::Generator(Box::new(Generator {
                kind,
                frame: RefCell::new(Some(frame)),
                running: Cell::new(false),
                started: Cell::new(false),
                finished: Cell::new(false),
                name: RefCell::new(name),
                qualname: RefCell::new(qualname),
                code,
                exc_state: RefCell::new(Value::None),
            })),
        ));
        if self.thread.frames.len() == entry_depth {
            return Ok(Flow::Return(gen));
        }
        if let Some(caller) = self.thread.frames.last_mut() {
            caller.slots.push(gen);
        }
        Ok(Flow::Continue)
    }

    /// `YIELD_VALUE`: park the top frame; the resumer finds it in `thread.suspended`.
    pub(super) fn yield_value(&mut self, v: Value, entry_depth: usize) -> PyResult<Flow> {
        let Some(frame) = self.thread.frames.pop() else {
            return Err(self.system_error("YIELD_VALUE without a frame"));
        };
        self.thread.suspended = Some(frame);
        if self.thread.frames.len() != entry_depth {
            return Err(self.system_error("a generator frame yielded outside its resumption"));
        }
        Ok(Flow::Return(v))
    }

    /// Resume `gen` with `value` sent in, or with `exc` thrown in at the suspension point.
    pub fn gen_resume(
        &mut self,
        gen_obj: &ObjRef,
        value: Value,
        exc: Option<PyErr>,
    ) -> PyResult<GenResult> {
        let Payload::Generator(g) = &gen_obj.payload else {
            return Err(self.type_error("not a generator"));
        };
        if g.running.get() {
            return Err(self.value_error(format!("{} already executing", g.kind.noun())));
        }
        let Some(mut frame) = g.frame.borrow_mut().take() else {
            if let Some(e) = exc {
                return Err(e);
            }
            if g.kind == GenKind::Coroutine {
                return Err(self.runtime_error("cannot reuse already awaited coroutine"));
            }
            return Ok(GenResult::Returned(Value::None));
        };
        if !g.started.get() && !value.is_none() && exc.is_none() {
            *g.frame.borrow_mut() = Some(frame);
            return Err(self.type_error(format!(
                "can't send non-None value to a just-started {}",
                g.kind.noun()
            )));
        }
        if let Err(e) = self.enter_native() {
            *g.frame.borrow_mut() = Some(frame);
            return Err(e);
        }
        frame.slots.push(value);
        g.running.set(true);
        g.started.set(true);
        let entry = self.thread.frames.len();
        self.thread.frames.push(frame);
        // The generator sees its own handled exception, or else the caller's.
        let caller_exc = self.thread.exc_info.clone();
        let own_exc = std::mem::replace(&mut *g.exc_state.borrow_mut(), Value::None);
        if !own_exc.is_none() {
            self.thread.exc_info = own_exc;
        }
        let result = match exc {
            Some(e) => match self.unwind(e, entry, false) {
                Ok(()) => self.eval_loop(entry),
                Err(e) => Err(e),
            },
            None => self.eval_loop(entry),
        };
        self.leave_native();
        g.running.set(false);
        let now = std::mem::replace(&mut self.thread.exc_info, caller_exc.clone());
        if !now.is(&caller_exc) {
            *g.exc_state.borrow_mut() = now;
        }
        match result {
            Ok(v) => match self.thread.suspended.take() {
                Some(frame) => {
                    *g.frame.borrow_mut() = Some(frame);
                    Ok(GenResult::Yielded(v))
                }
                None => {
                    g.finished.set(true);
                    Ok(GenResult::Returned(v))
                }
            },
            Err(e) => {
                g.finished.set(true);
                Err(e)
            }
        }
    }

    /// The object a generator suspended in `yield from`/`await` is delegating to.
    pub fn gen_delegate(&self, gen_obj: &ObjRef) -> Option<Value> {
        let Payload::Generator(g) = &gen_obj.payload else {
            return None;
        };
        let frame = g.frame.borrow();
        let frame = frame.as_ref()?;
        let unit = frame.code_data().code.code.get(frame.lasti)?;
        if Opcode::from_u8(unit.op) == Some(Opcode::YieldValue) && unit.arg == 1 {
            return frame.slots.last().cloned();
        }
        None
    }

    /// `gen.throw(exc)`, delegating to a `yield from` target first, as CPython does.
    pub fn gen_throw(&mut self, gen_obj: &ObjRef, exc: PyErr) -> PyResult<GenResult> {
        if let Some(delegate) = self.gen_delegate(gen_obj) {
            let is_exit = self.is_instance(
                &Value::Obj(exc.0.clone()),
                &self.types().exc.generator_exit.clone(),
            );
            if let Some(d) = delegate
                .as_obj()
                .filter(|o| matches!(o.payload, Payload::Generator(_)))
                .cloned()
            {
                if is_exit {
                    self.gen_close(&d)?;
                } else {
                    return match self.gen_throw(&d, exc) {
                        Ok(GenResult::Yielded(v)) => Ok(GenResult::Yielded(v)),
                        Ok(GenResult::Returned(v)) => {
                            let stop =
                                PyErr(self.new_exception(
                                    &self.types().exc.stop_iteration.clone(),
                                    vec![v],
                                ));
                            self.gen_resume(gen_obj, Value::None, Some(stop))
                        }
                        Err(e) => self.gen_resume(gen_obj, Value::None, Some(e)),
                    };
                }
            }
        }
        self.gen_resume(gen_obj, Value::None, Some(exc))
    }

    /// `gen.close()`: throw GeneratorExit in; the generator must not yield again.
    pub fn gen_close(&mut self, gen_obj: &ObjRef) -> PyResult<Value> {
        let Payload::Generator(g) = &gen_obj.payload else {
            return Ok(Value::None);
        };
        if !g.started.get() || g.finished.get() {
            g.frame.borrow_mut().take();
            g.finished.set(true);
            return Ok(Value::None);
        }
        let exit = PyErr(self.new_exception(&self.types().exc.generator_exit.clone(), vec![]));
        match self.gen_throw(gen_obj, exit) {
            Ok(GenResult::Yielded(_)) => {
                Err(self.runtime_error(format!("{} ignored GeneratorExit", g.kind.noun())))
            }
            Ok(GenResult::Returned(v)) => Ok(v),
            Err(e) => {
                let ev = Value::Obj(e.0.clone());
                let t = self.types();
                let (exit_t, stop_t) = (t.exc.generator_exit.clone(), t.exc.stop_iteration.clone());
                if self.is_instance(&ev, &exit_t) || self.is_instance(&ev, &stop_t) {
                    Ok(Value::None)
                } else {
                    Err(e)
                }
            }
        }
    }

    /// `SEND`: one step of `yield from`/`await` on `receiver`.
    pub(super) fn send_step(&mut self, receiver: &Value, v: Value) -> PyResult<GenResult> {
        if let Some(o) = receiver
            .as_obj()
            .filter(|o| matches!(o.payload, Payload::Generator(_)))
        {
            return self.gen_resume(&o.clone(), v, None);
        }
        let result = if v.is_none() {
            match self.next(receiver) {
                Ok(Some(y)) => return Ok(GenResult::Yielded(y)),
                Ok(None) => return Ok(GenResult::Returned(Value::None)),
                Err(e) => Err(e),
            }
        } else {
            self.call_method_by_name(receiver, "send", &[v])
        };
        match result {
            Ok(y) => Ok(GenResult::Yielded(y)),
            Err(e) => {
                let ev = Value::Obj(e.0.clone());
                if self.is_instance(&ev, &self.types().exc.stop_iteration.clone()) {
                    Ok(GenResult::Returned(self.stop_iteration_value(&e.0)))
                } else {
                    Err(e)
                }
            }
        }
    }

    /// `StopIteration.value`: the first argument, or None.
    pub fn stop_iteration_value(&self, exc: &ObjRef) -> Value {
        self.exception_data(exc)
            .and_then(|d| {
                d.borrow()
                    .args
                    .as_obj()
                    .and_then(|a| a.as_tuple())
                    .and_then(|t| t.first().cloned())
            })
            .unwrap_or(Value::None)
    }
}
