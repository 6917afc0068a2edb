//! The `aiter()` and `anext()` built-ins, and `anext_awaitable`: what
//! `anext(it, default)` returns, an awaitable that ends with `default` instead of
//! StopAsyncIteration when the iterator is exhausted.

use crate::builtins::add_methods;
use crate::error::{PyErr, PyResult};
use crate::eval::generator::GenResult;
use crate::native_module::NativeObject;
use crate::objects::awaitable::{methods, AwaitableIter};
use crate::objects::function::Args;
use crate::objects::generator::{generator_of, GenKind};
use crate::value::Value;
use crate::vm::Vm;

pub struct ANextAwaitable {
    /// What `__anext__()` returned.
    wrapped: Value,
    default: Value,
}

impl NativeObject for ANextAwaitable {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.wrapped);
        visit(&self.default);
    }
}

pub fn install(vm: &Vm) {
    let ty = &vm.types().anext_awaitable;
    add_methods(vm, ty, methods::ITERATOR);
    add_methods(vm, ty, methods::AWAIT);
}

impl ANextAwaitable {
    /// The iterator to drive for one step (CPython's `anextawaitable_getiter`).
    fn iterator(&self, vm: &mut Vm) -> PyResult<Value> {
        let it = vm.awaitable_iter(&self.wrapped)?;
        if generator_of(&it).is_some_and(|g| g.kind == GenKind::Coroutine) {
            // A coroutine is awaited through its `__await__()` iterator.
            return vm.call_method_by_name(&it, "__await__", &[]);
        }
        Ok(it)
    }

    /// Exhaustion of the async iterator is the end of this await, with the default.
    fn or_default(&self, vm: &Vm, r: PyResult<GenResult>) -> PyResult<GenResult> {
        match r {
            Err(e)
                if vm.is_instance(
                    &Value::Obj(e.0.clone()),
                    &vm.types().exc.stop_async_iteration.clone(),
                ) =>
            {
                Ok(GenResult::Returned(self.default.clone()))
            }
            other => other,
        }
    }
}

impl AwaitableIter for ANextAwaitable {
    fn type_name(&self) -> &'static str {
        "anext_awaitable"
    }

    fn send(&self, vm: &mut Vm, value: Value) -> PyResult<GenResult> {
        let it = self.iterator(vm)?;
        let r = vm.delegate_send(&it, value);
        self.or_default(vm, r)
    }

    fn throw(&self, vm: &mut Vm, exc: PyErr) -> PyResult<GenResult> {
        let it = self.iterator(vm)?;
        let r = vm.delegate_throw(&it, exc);
        self.or_default(vm, r)
    }

    fn close(&self, vm: &mut Vm) -> PyResult<()> {
        let it = self.iterator(vm)?;
        vm.delegate_close(&it)
    }
}

/// `aiter(async_iterable)`.
pub fn aiter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [obj] = args.pos() else {
        return Err(vm.type_error(format!(
            "aiter() takes exactly one argument ({} given)",
            args.pos().len()
        )));
    };
    let ty = vm.type_of(obj);
    let Some(method) = vm.type_lookup(&ty, "__aiter__") else {
        return Err(vm.type_error(format!(
            "'{}' object is not an async iterable",
            vm.type_name(obj)
        )));
    };
    let it = vm.call_method_value(&method, obj, &[])?;
    if vm.type_lookup(&vm.type_of(&it), "__anext__").is_none() {
        return Err(vm.type_error(format!(
            "aiter() returned not an async iterator of type '{}'",
            vm.type_name(&it)
        )));
    }
    Ok(it)
}

/// `anext(async_iterator[, default])`.
pub fn anext(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let given = args.pos();
    let (iterator, default) = match given {
        [it] => (it, None),
        [it, default] => (it, Some(default.clone())),
        [] => return Err(vm.type_error("anext expected at least 1 argument, got 0")),
        _ => {
            return Err(vm.type_error(format!(
                "anext expected at most 2 arguments, got {}",
                given.len()
            )))
        }
    };
    let ty = vm.type_of(iterator);
    let Some(method) = vm.type_lookup(&ty, "__anext__") else {
        return Err(vm.type_error(format!(
            "'{}' object is not an async iterator",
            vm.type_name(iterator)
        )));
    };
    let awaitable = vm.call_method_value(&method, iterator, &[])?;
    Ok(match default {
        None => awaitable,
        Some(default) => {
            let cls = vm.types().anext_awaitable.clone();
            vm.new_native_instance(
                &cls,
                ANextAwaitable {
                    wrapped: awaitable,
                    default,
                },
            )
        }
    })
}
