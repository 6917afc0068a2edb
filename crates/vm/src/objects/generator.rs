//! Generator objects (and, with a different kind, coroutines and async generators):
//! a suspended frame plus its state. Resuming pushes the frame back on the thread's
//! frame stack and re-enters the eval loop; `YIELD_VALUE` parks it here again.

use std::cell::{Cell, RefCell};

use crate::frame::Frame;
use crate::value::Value;

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
}

// ----- methods: send, throw, close -----

use crate::builtins::add_methods;
use crate::error::PyResult;
use crate::eval::generator::GenResult;
use crate::object::{ObjRef, Payload};
use crate::objects::function::Args;
use crate::vm::Vm;

pub fn install(vm: &Vm) {
    let t = vm.types();
    for ty in [&t.generator, &t.coroutine] {
        add_methods(
            vm,
            ty,
            &[("send", send), ("throw", throw), ("close", close)],
        );
    }
}

fn receiver(vm: &Vm, args: &Args, name: &str) -> PyResult<ObjRef> {
    match args.pos().first() {
        Some(Value::Obj(o)) if matches!(o.payload, Payload::Generator(_)) => Ok(o.clone()),
        _ => Err(vm.type_error(format!("descriptor '{name}' requires a 'generator' object"))),
    }
}

/// What `send`/`throw` return: the yielded value, or StopIteration carrying the result.
fn yielded_or_stop(vm: &Vm, r: GenResult) -> PyResult<Value> {
    match r {
        GenResult::Yielded(v) => Ok(v),
        GenResult::Returned(v) => {
            let args = if v.is_none() { vec![] } else { vec![v] };
            Err(crate::error::PyErr(vm.new_exception(
                &vm.types().exc.stop_iteration.clone(),
                args,
            )))
        }
    }
}

fn send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let gen = receiver(vm, &args, "send")?;
    let Some(value) = args.pos().get(1).cloned() else {
        return Err(vm.type_error("generator.send() takes exactly one argument (0 given)"));
    };
    let r = vm.gen_resume(&gen, value, None)?;
    yielded_or_stop(vm, r)
}

fn throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let gen = receiver(vm, &args, "throw")?;
    let Some(exc) = args.pos().get(1).cloned() else {
        return Err(vm.type_error("throw expected at least 1 argument, got 0"));
    };
    let err = match args.pos().get(2) {
        Some(v) if !v.is_none() && !vm.is_exception_instance(&exc) => {
            let inst = vm.call(&exc, std::slice::from_ref(v))?;
            vm.make_raisable(inst)
        }
        _ => vm.make_raisable(exc),
    };
    let r = vm.gen_throw(&gen, err)?;
    yielded_or_stop(vm, r)
}

fn close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let gen = receiver(vm, &args, "close")?;
    vm.gen_close(&gen)
}
