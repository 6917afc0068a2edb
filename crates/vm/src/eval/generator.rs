//! Running generators and coroutines: `RETURN_GENERATOR` parks the new frame in a
//! generator object; `send`/`throw` push it back and re-enter the loop until the next
//! `YIELD_VALUE` (which parks it again) or a return. `yield from` and `await` delegate
//! with `SEND`: the delegate may be another generator, a built-in awaitable, or any
//! object with `__next__`/`send`/`throw`/`close` (CPython's `genobject.c` rules).

use std::cell::{Cell, RefCell};

use adder_bytecode::{CodeFlags, Opcode};

use super::Flow;
use crate::error::{PyErr, PyResult};
use crate::object::{ObjRef, Payload, PyObject};
use crate::objects::awaitable::native_awaitable;
use crate::objects::generator::{generator_of, GenKind, Generator};
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
                iterable_coroutine: flags & CodeFlags::ITERABLE_COROUTINE != 0,
                running_async: Cell::new(false),
                closed: Cell::new(false),
            })),
        ));
        if let Some(Payload::Generator(g)) = gen.payload() {
            if let (Some(f), Value::Obj(o)) = (g.frame.borrow_mut().as_mut(), &gen) {
                f.generator = Some(std::rc::Rc::downgrade(o));
            }
        }
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
            if g.kind == GenKind::Coroutine {
                return Err(self.runtime_error("cannot reuse already awaited coroutine"));
            }
            if let Some(e) = exc {
                return Err(e);
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

    /// The `YIELD_VALUE` argument where the generator is suspended: 1 inside `yield
    /// from`/`await` (the delegate is on top of its stack), 0 at a plain `yield`.
    fn suspended_yield_arg(g: &Generator) -> Option<u8> {
        let frame = g.frame.borrow();
        let frame = frame.as_ref()?;
        let unit = frame.code_data().code.code.get(frame.lasti)?;
        (Opcode::from_u8(unit.op) == Some(Opcode::YieldValue)).then_some(unit.arg)
    }

    /// The object a generator suspended in `yield from`/`await` is delegating to.
    pub fn gen_delegate(&self, gen_obj: &ObjRef) -> Option<Value> {
        let Payload::Generator(g) = &gen_obj.payload else {
            return None;
        };
        if Self::suspended_yield_arg(g) != Some(1) {
            return None;
        }
        g.frame.borrow().as_ref()?.slots.last().cloned()
    }

    /// Whether an async generator's last yield was its own `yield` (a value for the
    /// `async for`), not a value passed up from something it awaits.
    pub fn async_gen_yielded_own_value(&self, g: &Generator) -> bool {
        Self::suspended_yield_arg(g) == Some(0)
    }

    /// `gen.throw(exc)`, delegating to a `yield from`/`await` target first.
    pub fn gen_throw(&mut self, gen_obj: &ObjRef, exc: PyErr) -> PyResult<GenResult> {
        self.gen_throw_with(gen_obj, exc, true)
    }

    /// CPython's `_gen_throw`. `close_on_genexit`: a GeneratorExit closes the delegate
    /// instead of being thrown into it (async generators' `athrow`/`aclose` pass
    /// false, so that the awaited objects can still run their cleanup awaits).
    pub fn gen_throw_with(
        &mut self,
        gen_obj: &ObjRef,
        exc: PyErr,
        close_on_genexit: bool,
    ) -> PyResult<GenResult> {
        let Payload::Generator(g) = &gen_obj.payload else {
            return Err(self.type_error("not a generator"));
        };
        let Some(delegate) = self.gen_delegate(gen_obj) else {
            return self.gen_resume(gen_obj, Value::None, Some(exc));
        };
        let is_exit = self.is_instance(
            &Value::Obj(exc.0.clone()),
            &self.types().exc.generator_exit.clone(),
        );
        g.running.set(true);
        let outcome = if is_exit && close_on_genexit {
            self.delegate_close(&delegate).map(|()| None)
        } else {
            self.throw_to(&delegate, exc.clone(), close_on_genexit)
        };
        g.running.set(false);
        match outcome {
            Ok(None) => self.gen_resume(gen_obj, Value::None, Some(exc)),
            Ok(Some(GenResult::Yielded(v))) => Ok(GenResult::Yielded(v)),
            Ok(Some(GenResult::Returned(v))) => {
                let stop = self.stop_iteration_with(v);
                self.gen_resume(gen_obj, Value::None, Some(stop))
            }
            Err(e) => self.gen_resume(gen_obj, Value::None, Some(e)),
        }
    }

    /// Throw `exc` into a delegate. `Ok(None)`: the delegate has no `throw`, so the
    /// exception is to be raised in the delegating generator itself.
    fn throw_to(
        &mut self,
        delegate: &Value,
        exc: PyErr,
        close_on_genexit: bool,
    ) -> PyResult<Option<GenResult>> {
        if let Some(o) = delegate
            .as_obj()
            .filter(|_| generator_of(delegate).is_some_and(|g| g.kind != GenKind::AsyncGenerator))
        {
            return self
                .gen_throw_with(&o.clone(), exc, close_on_genexit)
                .map(Some);
        }
        if let Some(aw) = native_awaitable(delegate) {
            return aw.throw(self, exc).map(Some);
        }
        let name = self.new_str("throw");
        let Some(method) = self.lookup_attr(delegate, &name)? else {
            return Ok(None);
        };
        let r = self.call(&method, &[Value::Obj(exc.0)]);
        self.catch_stop_iteration(r).map(Some)
    }

    /// `delegate.throw(exc)` for a delegate that must have a `throw` method.
    pub fn delegate_throw(&mut self, delegate: &Value, exc: PyErr) -> PyResult<GenResult> {
        match self.throw_to(delegate, exc, true)? {
            Some(r) => Ok(r),
            None => {
                let name = self.new_str("throw");
                Err(self.no_attribute(delegate, &name))
            }
        }
    }

    /// Close a delegate: `close()` for generators and anything that has it.
    pub fn delegate_close(&mut self, delegate: &Value) -> PyResult<()> {
        if let Some(o) = delegate
            .as_obj()
            .filter(|_| generator_of(delegate).is_some_and(|g| g.kind != GenKind::AsyncGenerator))
        {
            return self.gen_close(&o.clone()).map(|_| ());
        }
        if let Some(aw) = native_awaitable(delegate) {
            return aw.close(self);
        }
        let name = self.new_str("close");
        if let Some(method) = self.lookup_attr(delegate, &name)? {
            self.call(&method, &[])?;
        }
        Ok(())
    }

    /// `gen.close()`: throw GeneratorExit in (or the error from closing its delegate);
    /// the generator must not yield again.
    pub fn gen_close(&mut self, gen_obj: &ObjRef) -> PyResult<Value> {
        let Payload::Generator(g) = &gen_obj.payload else {
            return Ok(Value::None);
        };
        if !g.started.get() || g.finished.get() {
            g.frame.borrow_mut().take();
            g.finished.set(true);
            return Ok(Value::None);
        }
        if g.running.get() {
            return Err(self.value_error(format!("{} already executing", g.kind.noun())));
        }
        let mut thrown = None;
        if let Some(delegate) = self.gen_delegate(gen_obj) {
            g.running.set(true);
            thrown = self.delegate_close(&delegate).err();
            g.running.set(false);
        }
        let exc = thrown.unwrap_or_else(|| {
            PyErr(self.new_exception(&self.types().exc.generator_exit.clone(), vec![]))
        });
        match self.gen_resume(gen_obj, Value::None, Some(exc)) {
            Ok(GenResult::Yielded(_)) => {
                Err(self.runtime_error(format!("{} ignored GeneratorExit", g.kind.noun())))
            }
            Ok(GenResult::Returned(v)) => Ok(v),
            Err(e) => {
                let exit = self.types().exc.generator_exit.clone();
                if self.is_instance(&Value::Obj(e.0.clone()), &exit) {
                    Ok(Value::None)
                } else {
                    Err(e)
                }
            }
        }
    }

    /// `SEND`: one step of `yield from`/`await` on `receiver`.
    pub fn delegate_send(&mut self, receiver: &Value, v: Value) -> PyResult<GenResult> {
        if let Some(g) = generator_of(receiver) {
            if g.kind != GenKind::AsyncGenerator {
                if let Some(o) = receiver.as_obj() {
                    return self.gen_resume(&o.clone(), v, None);
                }
            }
        }
        if let Some(aw) = native_awaitable(receiver) {
            return aw.send(self, v);
        }
        if v.is_none() && self.is_iterator(receiver) {
            return self.next_step(receiver);
        }
        let sent = self.call_method_by_name(receiver, "send", &[v]);
        self.catch_stop_iteration(sent)
    }

    /// `next(it)` as one step of delegation: the StopIteration value is the result.
    fn next_step(&mut self, it: &Value) -> PyResult<GenResult> {
        if let Some(m) = self.lookup_special_heap(it, "__next__") {
            let r = self.call_method_value(&m, it, &[]);
            return self.catch_stop_iteration(r);
        }
        Ok(match self.next(it)? {
            Some(y) => GenResult::Yielded(y),
            None => GenResult::Returned(Value::None),
        })
    }

    /// A value from `__next__`/`send` is a yield; StopIteration is the return value.
    fn catch_stop_iteration(&mut self, r: PyResult<Value>) -> PyResult<GenResult> {
        match r {
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

    /// Whether `v` can be advanced with `next()` (CPython's `PyIter_Check`).
    pub fn is_iterator(&self, v: &Value) -> bool {
        crate::protocol::iter::is_builtin_iterator(v)
            || self
                .type_lookup(&self.type_of(v), "__next__")
                .is_some_and(|m| !m.is_none())
    }

    /// The StopIteration that reports a return value: no arguments for None, else the
    /// value as its only argument (so that `.value` gives tuples back whole).
    pub fn stop_iteration_with(&self, v: Value) -> PyErr {
        let args = if v.is_none() { vec![] } else { vec![v] };
        PyErr(self.new_exception(&self.types().exc.stop_iteration.clone(), args))
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
