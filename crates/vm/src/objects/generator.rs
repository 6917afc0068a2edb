//! Generator objects (and, with a different kind, coroutines and async generators):
//! a suspended frame plus its state. Resuming pushes the frame back on the thread's
//! frame stack and re-enters the eval loop; `YIELD_VALUE` parks it here again.
//!
//! This file holds the object, its `gi_*`/`cr_*`/`ag_*` attributes and the methods
//! shared by generators and coroutines (`send`, `throw`, `close`); the running
//! machinery is in `eval/generator.rs`, the async generator's methods in
//! `async_generator.rs`.

use std::cell::{Cell, RefCell};

use crate::builtins::add_methods;
use crate::error::{PyErr, PyResult};
use crate::eval::generator::GenResult;
use crate::frame::Frame;
use crate::object::{ObjRef, Payload};
use crate::objects::function::Args;
use crate::objects::native_args::{bind, MethodName, Shape};
use crate::value::Value;
use crate::vm::Vm;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

impl GenKind {
    pub fn noun(self) -> &'static str {
        match self {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async generator",
        }
    }

    /// The type's `__name__` (`async_generator`), used in argument errors.
    pub fn type_name(self) -> &'static str {
        match self {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async_generator",
        }
    }

    /// The prefix of the kind's attributes: `gi_frame`, `cr_frame`, `ag_frame`.
    fn attr_prefix(self) -> &'static str {
        match self {
            GenKind::Generator => "gi_",
            GenKind::Coroutine => "cr_",
            GenKind::AsyncGenerator => "ag_",
        }
    }
}

pub struct Generator {
    pub kind: GenKind,
    /// The suspended frame; `None` while running or once finished.
    pub frame: RefCell<Option<Box<Frame>>>,
    pub running: Cell<bool>,
    /// Whether the frame ran past its first instruction (`gi_suspended` vs created).
    pub started: Cell<bool>,
    pub finished: Cell<bool>,
    pub name: RefCell<Value>,
    pub qualname: RefCell<Value>,
    /// The code object, kept for `gi_code` after the frame is gone.
    pub code: Value,
    /// The exception the generator was handling when it last yielded (CPython's
    /// `gi_exc_state`): restored when it resumes, hidden from the caller meanwhile.
    pub exc_state: RefCell<Value>,
    /// A generator made from a code object flagged `CO_ITERABLE_COROUTINE`
    /// (`types.coroutine`): `await` accepts it as it is.
    pub iterable_coroutine: bool,
    /// Async generators: an `asend`/`athrow` awaitable is being driven (CPython's
    /// `ag_running_async`), so a second one must not start.
    pub running_async: Cell<bool>,
    /// Async generators: `aclose()` began, or the generator finished (`ag_closed`).
    pub closed: Cell<bool>,
}

impl Generator {
    /// Whether `await` takes this object as its own iterator (a coroutine, or a
    /// generator-based coroutine).
    pub fn is_awaitable(&self) -> bool {
        self.kind == GenKind::Coroutine || self.iterable_coroutine
    }
}

/// The generator behind a value, if it is one of the three kinds.
pub fn generator_of(v: &Value) -> Option<&Generator> {
    match v.payload() {
        Some(Payload::Generator(g)) => Some(g),
        _ => None,
    }
}

/// `gi_frame`, `cr_await`, `ag_running`, `__name__`...: `None` when `name` is not one.
pub fn attribute(vm: &mut Vm, o: &ObjRef, g: &Generator, name: &str) -> Option<Value> {
    if name == "__name__" {
        return Some(g.name.borrow().clone());
    }
    if name == "__qualname__" {
        return Some(g.qualname.borrow().clone());
    }
    let field = name.strip_prefix(g.kind.attr_prefix())?;
    Some(match (g.kind, field) {
        (GenKind::AsyncGenerator, "running") => Value::Bool(g.running_async.get()),
        (_, "running") => Value::Bool(g.running.get()),
        (_, "code") => g.code.clone(),
        (_, "suspended") => {
            Value::Bool(g.started.get() && g.frame.borrow().is_some() && !g.running.get())
        }
        (GenKind::Generator, "yieldfrom")
        | (GenKind::Coroutine, "await")
        | (GenKind::AsyncGenerator, "await") => vm.gen_delegate(o).unwrap_or(Value::None),
        (GenKind::Coroutine, "origin") => Value::None,
        (_, "frame") => {
            let mut fr = g.frame.borrow_mut();
            match fr.as_mut() {
                Some(f) => Value::Obj(vm.frame_object(f)),
                None => Value::None,
            }
        }
        _ => return None,
    })
}

pub fn install(vm: &Vm) {
    let t = vm.types();
    add_methods(
        vm,
        &t.generator,
        &[("send", send), ("throw", throw), ("close", close)],
    );
    add_methods(
        vm,
        &t.coroutine,
        &[
            ("send", send),
            ("throw", throw),
            ("close", close),
            (
                "__await__",
                crate::objects::coroutine_wrapper::coroutine_await,
            ),
        ],
    );
    crate::objects::coroutine_wrapper::install(vm);
    crate::objects::async_generator::install(vm);
    crate::objects::async_gen_awaitables::install(vm);
    crate::objects::anext_awaitable::install(vm);
}

/// The receiver of a generator or coroutine method, checked to be of `kind`.
fn receiver(vm: &Vm, args: &Args, name: &str) -> PyResult<ObjRef> {
    let recv = args.pos().first();
    match recv {
        Some(Value::Obj(o)) if matches!(&o.payload, Payload::Generator(g) if g.kind != GenKind::AsyncGenerator) => {
            Ok(o.clone())
        }
        _ => Err(vm.type_error(format!(
            "descriptor '{name}' for 'generator' objects doesn't apply to a '{}' object",
            recv.map_or("NoneType".into(), |v| vm.type_name(v).to_string())
        ))),
    }
}

fn kind_of(gen: &ObjRef) -> GenKind {
    match &gen.payload {
        Payload::Generator(g) => g.kind,
        _ => GenKind::Generator,
    }
}

/// What `send`/`throw` return: the yielded value, or StopIteration carrying the result.
pub fn yielded_or_stop(vm: &Vm, r: GenResult) -> PyResult<Value> {
    match r {
        GenResult::Yielded(v) => Ok(v),
        GenResult::Returned(v) => Err(vm.stop_iteration_with(v)),
    }
}

fn send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let gen = receiver(vm, &args, "send")?;
    let method = MethodName {
        owner: kind_of(&gen).type_name(),
        name: "send",
    };
    let (_, rest) = bind(vm, &args, method, &Shape::One)?;
    let value = rest
        .first()
        .copied()
        .flatten()
        .cloned()
        .unwrap_or(Value::None);
    let r = vm.gen_resume(&gen, value, None)?;
    yielded_or_stop(vm, r)
}

fn throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let gen = receiver(vm, &args, "throw")?;
    let err = throw_args(vm, &args, "throw")?;
    let r = vm.gen_throw(&gen, err)?;
    yielded_or_stop(vm, r)
}

fn close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let gen = receiver(vm, &args, "close")?;
    let method = MethodName {
        owner: kind_of(&gen).type_name(),
        name: "close",
    };
    bind(vm, &args, method, &Shape::NoArgs)?;
    vm.gen_close(&gen)
}

/// The exception a `throw(value)` / `throw(type[, value[, traceback]])` call raises
/// (the arguments after the receiver), with CPython's checks and messages; `name` is
/// the method's name in them (`throw`, `athrow`).
pub fn throw_args(vm: &mut Vm, args: &Args, name: &'static str) -> PyResult<PyErr> {
    let method = MethodName {
        owner: "generator",
        name,
    };
    let (_, rest) = bind(vm, args, method, &Shape::Positional { min: 1, max: 3 })?;
    let given = |i: usize| rest.get(i).copied().flatten().filter(|v| !v.is_none());
    let Some(typ) = rest.first().copied().flatten().cloned() else {
        return Err(vm.system_error("throw without an argument"));
    };
    let traceback = given(2).cloned();
    if let Some(tb) = &traceback {
        if !matches!(tb.payload(), Some(Payload::Traceback(_))) {
            return Err(vm.type_error("throw() third argument must be a traceback object"));
        }
    }
    let err = if vm.is_exception_instance(&typ) {
        if given(1).is_some() {
            return Err(vm.type_error("instance exception may not have a separate value"));
        }
        vm.exception_from_value(typ)
    } else if typ.as_obj().is_some_and(|o| {
        o.as_type().is_some() && vm.is_subtype(o, &vm.types().exc.base_exception.clone())
    }) {
        match given(1).cloned() {
            Some(v) if vm.is_exception_instance(&v) => vm.exception_from_value(v),
            Some(v) => {
                let call_args = match v.payload() {
                    Some(Payload::Tuple(items)) => items.to_vec(),
                    _ => vec![v],
                };
                let inst = vm.call(&typ, &call_args)?;
                vm.make_raisable(inst)
            }
            None => vm.make_raisable(typ),
        }
    } else {
        return Err(vm.type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            vm.type_name(&typ)
        )));
    };
    if let (Some(tb), Some(data)) = (traceback, vm.exception_data(&err.0)) {
        data.borrow_mut().traceback = tb;
    }
    Ok(err)
}
