//! The awaitables an async generator hands out: `async_generator_asend` (from
//! `__anext__()` and `asend()`) and `async_generator_athrow` (from `athrow()` and
//! `aclose()`). Awaiting one runs the generator to its next `yield`, whose value
//! comes out as the await's result (a StopIteration for the driver), while values
//! the generator's own awaits pass up go through to the event loop unchanged.
//! CPython's `async_gen_asend_*` / `async_gen_athrow_*` state machines.

use std::cell::{Cell, RefCell};

use crate::builtins::add_methods;
use crate::error::{PyErr, PyResult};
use crate::eval::generator::GenResult;
use crate::native_module::NativeObject;
use crate::object::{ObjRef, Payload};
use crate::objects::awaitable::{methods, AwaitableIter};
use crate::objects::function::Args;
use crate::objects::generator::{throw_args, Generator};
use crate::value::Value;
use crate::vm::Vm;

/// Where an awaitable is in its life: not started, being awaited, or done.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Init,
    Iter,
    Closed,
}

pub struct AsyncGenASend {
    gen: ObjRef,
    send_value: RefCell<Value>,
    state: Cell<State>,
}

/// `athrow(...)` when `thrown` holds its arguments, `aclose()` when it is `None`.
pub struct AsyncGenAThrow {
    gen: ObjRef,
    thrown: Option<Vec<Value>>,
    state: Cell<State>,
}

impl NativeObject for AsyncGenASend {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&Value::Obj(self.gen.clone()));
        visit(&self.send_value.borrow());
    }
}

impl NativeObject for AsyncGenAThrow {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&Value::Obj(self.gen.clone()));
        self.thrown.iter().flatten().for_each(visit);
    }
}

pub fn install(vm: &Vm) {
    let t = vm.types();
    for ty in [&t.async_generator_asend, &t.async_generator_athrow] {
        add_methods(vm, ty, methods::ITERATOR);
        add_methods(vm, ty, methods::AWAIT);
    }
}

pub fn new_asend(vm: &Vm, gen: ObjRef, send_value: Value) -> Value {
    let cls = vm.types().async_generator_asend.clone();
    vm.new_native_instance(
        &cls,
        AsyncGenASend {
            gen,
            send_value: RefCell::new(send_value),
            state: Cell::new(State::Init),
        },
    )
}

pub fn new_athrow(vm: &Vm, gen: ObjRef, thrown: Option<Vec<Value>>) -> Value {
    let cls = vm.types().async_generator_athrow.clone();
    vm.new_native_instance(
        &cls,
        AsyncGenAThrow {
            gen,
            thrown,
            state: Cell::new(State::Init),
        },
    )
}

fn generator(o: &ObjRef) -> Option<&Generator> {
    match &o.payload {
        Payload::Generator(g) => Some(g),
        _ => None,
    }
}

fn is_instance_of(
    vm: &Vm,
    e: &PyErr,
    pick: impl Fn(&crate::types::ExceptionTypes) -> &ObjRef,
) -> bool {
    let ty = pick(&vm.types().exc).clone();
    vm.is_instance(&Value::Obj(e.0.clone()), &ty)
}

fn is_stop_async_or_exit(vm: &Vm, e: &PyErr) -> bool {
    is_instance_of(vm, e, |x| &x.stop_async_iteration)
        || is_instance_of(vm, e, |x| &x.generator_exit)
}

/// CPython's `async_gen_unwrap_value`: the generator's own `yield` ends the await
/// with that value; its return ends the iteration (StopAsyncIteration); values from
/// its inner awaits pass through.
fn unwrap_value(vm: &Vm, g: &Generator, r: PyResult<GenResult>) -> PyResult<GenResult> {
    match r {
        Ok(GenResult::Yielded(v)) if vm.async_gen_yielded_own_value(g) => {
            g.running_async.set(false);
            Ok(GenResult::Returned(v))
        }
        Ok(GenResult::Yielded(v)) => Ok(GenResult::Yielded(v)),
        Ok(GenResult::Returned(_)) => {
            g.closed.set(true);
            g.running_async.set(false);
            Err(stop_async_iteration(vm))
        }
        Err(e) => {
            if is_stop_async_or_exit(vm, &e) {
                g.closed.set(true);
            }
            g.running_async.set(false);
            Err(e)
        }
    }
}

fn stop_async_iteration(vm: &Vm) -> PyErr {
    PyErr(vm.new_exception(&vm.types().exc.stop_async_iteration.clone(), vec![]))
}

fn generator_exit(vm: &Vm) -> PyErr {
    PyErr(vm.new_exception(&vm.types().exc.generator_exit.clone(), vec![]))
}

/// `close()` of either awaitable: throw GeneratorExit in; it must not yield again.
fn close_by_throwing(aw: &dyn AwaitableIter, vm: &mut Vm) -> PyResult<()> {
    let exit = generator_exit(vm);
    match aw.throw(vm, exit) {
        Ok(GenResult::Yielded(_)) => Err(vm.runtime_error("coroutine ignored GeneratorExit")),
        Ok(GenResult::Returned(_)) => Ok(()),
        Err(e)
            if is_stop_async_or_exit(vm, &e) || is_instance_of(vm, &e, |x| &x.stop_iteration) =>
        {
            Ok(())
        }
        Err(e) => Err(e),
    }
}

impl AsyncGenASend {
    /// The checks before each step; the first one claims the generator.
    fn start(&self, vm: &Vm, g: &Generator) -> PyResult<()> {
        match self.state.get() {
            State::Closed => {
                Err(vm.runtime_error("cannot reuse already awaited __anext__()/asend()"))
            }
            State::Init if g.running_async.get() => {
                self.state.set(State::Closed);
                Err(vm.runtime_error("anext(): asynchronous generator is already running"))
            }
            State::Init => {
                self.state.set(State::Iter);
                Ok(())
            }
            State::Iter => Ok(()),
        }
    }

    /// Anything but a pass-through yield ends this awaitable.
    fn settle(&self, r: PyResult<GenResult>) -> PyResult<GenResult> {
        if !matches!(r, Ok(GenResult::Yielded(_))) {
            self.state.set(State::Closed);
        }
        r
    }
}

impl AwaitableIter for AsyncGenASend {
    fn type_name(&self) -> &'static str {
        "async_generator_asend"
    }

    fn send(&self, vm: &mut Vm, value: Value) -> PyResult<GenResult> {
        let Some(g) = generator(&self.gen) else {
            return Err(vm.system_error("asend without an async generator"));
        };
        let first = self.state.get() == State::Init;
        self.start(vm, g)?;
        let value = if first && value.is_none() {
            self.send_value.replace(Value::None)
        } else {
            value
        };
        g.running_async.set(true);
        let r = vm.gen_resume(&self.gen, value, None);
        let r = unwrap_value(vm, g, r);
        self.settle(r)
    }

    fn throw(&self, vm: &mut Vm, exc: PyErr) -> PyResult<GenResult> {
        let Some(g) = generator(&self.gen) else {
            return Err(vm.system_error("asend without an async generator"));
        };
        self.start(vm, g)?;
        g.running_async.set(true);
        let r = vm.gen_throw(&self.gen, exc);
        let r = unwrap_value(vm, g, r);
        if !matches!(r, Ok(GenResult::Yielded(_))) {
            g.running_async.set(false);
        }
        self.settle(r)
    }

    fn close(&self, vm: &mut Vm) -> PyResult<()> {
        if self.state.get() == State::Closed {
            return Ok(());
        }
        close_by_throwing(self, vm)
    }
}

impl AsyncGenAThrow {
    fn is_aclose(&self) -> bool {
        self.thrown.is_none()
    }

    fn already_running(&self, vm: &Vm) -> PyErr {
        self.state.set(State::Closed);
        let which = if self.is_aclose() { "aclose" } else { "athrow" };
        vm.runtime_error(format!(
            "{which}(): asynchronous generator is already running"
        ))
    }

    fn reused(vm: &Vm) -> PyErr {
        vm.runtime_error("cannot reuse already awaited aclose()/athrow()")
    }

    /// The generator yielded its own value while it should be closing.
    fn ignored_exit(&self, vm: &Vm, g: &Generator) -> PyErr {
        g.running_async.set(false);
        self.state.set(State::Closed);
        vm.runtime_error("async generator ignored GeneratorExit")
    }

    /// The end of the await (CPython's `check_error`): for `aclose()`, the generator
    /// stopping or exiting is success.
    fn finish(&self, vm: &Vm, g: &Generator, r: PyResult<GenResult>) -> PyResult<GenResult> {
        g.running_async.set(false);
        self.state.set(State::Closed);
        match r {
            Err(e) if self.is_aclose() && is_stop_async_or_exit(vm, &e) => {
                Ok(GenResult::Returned(Value::None))
            }
            other => other,
        }
    }

    /// One step of `aclose()`: the generator may await, but must not yield a value
    /// of its own; its end is the end of the await.
    fn aclose_step(&self, vm: &Vm, g: &Generator, r: PyResult<GenResult>) -> PyResult<GenResult> {
        match r {
            Ok(GenResult::Yielded(_)) if vm.async_gen_yielded_own_value(g) => {
                Err(self.ignored_exit(vm, g))
            }
            Ok(GenResult::Yielded(v)) => Ok(GenResult::Yielded(v)),
            Ok(GenResult::Returned(_)) => self.finish(vm, g, Err(stop_async_iteration(vm))),
            Err(e) => self.finish(vm, g, Err(e)),
        }
    }

    /// The first step: throw the exception (or GeneratorExit for `aclose()`) in.
    fn first_step(&self, vm: &mut Vm, g: &Generator) -> PyResult<GenResult> {
        self.state.set(State::Iter);
        g.running_async.set(true);
        match &self.thrown {
            None => {
                g.closed.set(true);
                let exit = generator_exit(vm);
                let r = vm.gen_throw_with(&self.gen, exit, false);
                self.aclose_step(vm, g, r)
            }
            Some(thrown) => {
                let mut all = Vec::with_capacity(thrown.len() + 1);
                all.push(Value::Obj(self.gen.clone()));
                all.extend_from_slice(thrown);
                let exc = throw_args(vm, &Args::positional_only(&all), "athrow")?;
                let r = vm.gen_throw_with(&self.gen, exc, false);
                match unwrap_value(vm, g, r) {
                    Ok(GenResult::Yielded(v)) => Ok(GenResult::Yielded(v)),
                    other => self.finish(vm, g, other),
                }
            }
        }
    }
}

impl AwaitableIter for AsyncGenAThrow {
    fn type_name(&self) -> &'static str {
        "async_generator_athrow"
    }

    fn send(&self, vm: &mut Vm, value: Value) -> PyResult<GenResult> {
        let Some(g) = generator(&self.gen) else {
            return Err(vm.system_error("athrow without an async generator"));
        };
        if self.state.get() == State::Closed {
            return Err(Self::reused(vm));
        }
        if g.finished.get() {
            self.state.set(State::Closed);
            return Ok(GenResult::Returned(Value::None));
        }
        if self.state.get() == State::Init {
            if g.running_async.get() {
                return Err(self.already_running(vm));
            }
            if g.closed.get() {
                self.state.set(State::Closed);
                return Err(stop_async_iteration(vm));
            }
            if !value.is_none() {
                return Err(
                    vm.runtime_error("can't send non-None value to a just-started coroutine")
                );
            }
            return self.first_step(vm, g);
        }
        let r = vm.gen_resume(&self.gen, value, None);
        if !self.is_aclose() {
            return unwrap_value(vm, g, r);
        }
        self.aclose_step(vm, g, r)
    }

    fn throw(&self, vm: &mut Vm, exc: PyErr) -> PyResult<GenResult> {
        let Some(g) = generator(&self.gen) else {
            return Err(vm.system_error("athrow without an async generator"));
        };
        match self.state.get() {
            State::Closed => return Err(Self::reused(vm)),
            State::Init if g.running_async.get() => return Err(self.already_running(vm)),
            State::Init => {
                self.state.set(State::Iter);
                g.running_async.set(true);
            }
            State::Iter => {}
        }
        let r = vm.gen_throw(&self.gen, exc);
        if !self.is_aclose() {
            let r = unwrap_value(vm, g, r);
            if !matches!(r, Ok(GenResult::Yielded(_))) {
                g.running_async.set(false);
                self.state.set(State::Closed);
            }
            return r;
        }
        self.aclose_step(vm, g, r)
    }

    fn close(&self, vm: &mut Vm) -> PyResult<()> {
        if self.state.get() == State::Closed {
            return Ok(());
        }
        close_by_throwing(self, vm)
    }
}
