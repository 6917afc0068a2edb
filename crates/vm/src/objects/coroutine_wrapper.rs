//! `coroutine.__await__()`: the `coroutine_wrapper` iterator, which drives the
//! coroutine from code that treats it as an iterator (`yield from coro.__await__()`,
//! hand-written event loops calling `next()`).

use crate::builtins::add_methods;
use crate::error::{PyErr, PyResult};
use crate::eval::generator::GenResult;
use crate::native_module::NativeObject;
use crate::object::{ObjRef, Payload};
use crate::objects::awaitable::{methods, AwaitableIter};
use crate::objects::function::Args;
use crate::objects::generator::GenKind;
use crate::value::Value;
use crate::vm::Vm;

pub struct CoroutineWrapper {
    coroutine: ObjRef,
}

impl NativeObject for CoroutineWrapper {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&Value::Obj(self.coroutine.clone()));
    }
}

impl AwaitableIter for CoroutineWrapper {
    fn type_name(&self) -> &'static str {
        "coroutine_wrapper"
    }

    fn send(&self, vm: &mut Vm, value: Value) -> PyResult<GenResult> {
        vm.gen_resume(&self.coroutine, value, None)
    }

    fn throw(&self, vm: &mut Vm, exc: PyErr) -> PyResult<GenResult> {
        vm.gen_throw(&self.coroutine, exc)
    }

    fn close(&self, vm: &mut Vm) -> PyResult<()> {
        vm.gen_close(&self.coroutine).map(|_| ())
    }
}

pub fn install(vm: &Vm) {
    add_methods(vm, &vm.types().coroutine_wrapper, methods::ITERATOR);
}

/// `coroutine.__await__()`.
pub fn coroutine_await(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos() {
        [Value::Obj(o)] if matches!(&o.payload, Payload::Generator(g) if g.kind == GenKind::Coroutine) =>
        {
            let cls = vm.types().coroutine_wrapper.clone();
            Ok(vm.new_native_instance(
                &cls,
                CoroutineWrapper {
                    coroutine: o.clone(),
                },
            ))
        }
        [_] => Err(vm.type_error("descriptor '__await__' requires a 'coroutine' object")),
        other => Err(vm.type_error(format!(
            "coroutine.__await__() takes no arguments ({} given)",
            other.len().saturating_sub(1)
        ))),
    }
}
