//! The built-in awaitables that are driven like generators: the objects returned by
//! `coroutine.__await__()`, an async generator's `asend()`/`athrow()`/`aclose()` and
//! `__anext__()`, and `anext(it, default)`. `SEND`, `throw()` into an awaiting
//! coroutine, and their own Python methods all go through this one interface.

use crate::error::{PyErr, PyResult};
use crate::eval::generator::GenResult;
use crate::objects::anext_awaitable::ANextAwaitable;
use crate::objects::async_gen_awaitables::{AsyncGenASend, AsyncGenAThrow};
use crate::objects::coroutine_wrapper::CoroutineWrapper;
use crate::value::Value;
use crate::vm::Vm;

/// One step of an awaitable iterator, in generator terms: a value passed up to the
/// event loop (`Yielded`) or the result of the await (`Returned`).
pub trait AwaitableIter {
    /// The type's name, for argument errors (`async_generator_asend.send()`).
    fn type_name(&self) -> &'static str;
    /// `send(value)`; `__next__` sends None.
    fn send(&self, vm: &mut Vm, value: Value) -> PyResult<GenResult>;
    /// `throw(exc)`.
    fn throw(&self, vm: &mut Vm, exc: PyErr) -> PyResult<GenResult>;
    /// `close()`.
    fn close(&self, vm: &mut Vm) -> PyResult<()>;
}

/// The value as a built-in awaitable iterator, if it is one.
pub fn native_awaitable(v: &Value) -> Option<&dyn AwaitableIter> {
    fn as_dyn<T: AwaitableIter>(x: &T) -> &dyn AwaitableIter {
        x
    }
    v.native::<AsyncGenASend>()
        .map(as_dyn)
        .or_else(|| v.native::<AsyncGenAThrow>().map(as_dyn))
        .or_else(|| v.native::<CoroutineWrapper>().map(as_dyn))
        .or_else(|| v.native::<ANextAwaitable>().map(as_dyn))
}

/// The Python methods of such a type, which all look alike: `send`, `throw`,
/// `close`, `__next__`, and `__iter__`/`__await__` returning the object itself.
pub mod methods {
    use super::{native_awaitable, AwaitableIter};
    use crate::error::PyResult;
    use crate::objects::function::{Args, NativeFn};
    use crate::objects::generator::{throw_args, yielded_or_stop};
    use crate::objects::native_args::{bind, MethodName, Shape};
    use crate::value::Value;
    use crate::vm::Vm;

    /// The iterator methods, for `add_methods` on each awaitable type.
    pub const ITERATOR: &[(&str, NativeFn)] = &[
        ("send", send),
        ("throw", throw),
        ("close", close),
        ("__next__", next),
        ("__iter__", same),
    ];

    /// `__await__` for the types that are awaitables too (all but `coroutine_wrapper`).
    pub const AWAIT: &[(&str, NativeFn)] = &[("__await__", same)];

    /// The receiver, checked to be a built-in awaitable, and the arguments bound to
    /// `shape`.
    fn receiver<'a>(
        vm: &Vm,
        args: &'a Args,
        name: &'static str,
        shape: &Shape,
    ) -> PyResult<(&'a Value, Vec<Option<&'a Value>>)> {
        let owner = match args.pos().first().and_then(native_awaitable) {
            Some(aw) => aw.type_name(),
            None => {
                return Err(vm.type_error(format!(
                    "descriptor '{name}' doesn't apply to a '{}' object",
                    args.pos()
                        .first()
                        .map_or("NoneType".into(), |v| vm.type_name(v).to_string())
                )))
            }
        };
        bind(vm, args, MethodName { owner, name }, shape)
    }

    fn with_awaitable<R>(
        vm: &mut Vm,
        recv: &Value,
        f: impl FnOnce(&dyn AwaitableIter, &mut Vm) -> PyResult<R>,
    ) -> PyResult<R> {
        let recv = recv.clone();
        match native_awaitable(&recv) {
            Some(aw) => f(aw, vm),
            None => Err(vm.system_error("not a built-in awaitable")),
        }
    }

    fn send(vm: &mut Vm, args: Args) -> PyResult<Value> {
        let (recv, rest) = receiver(vm, &args, "send", &Shape::One)?;
        let value = rest
            .first()
            .copied()
            .flatten()
            .cloned()
            .unwrap_or(Value::None);
        let r = with_awaitable(vm, recv, |aw, vm| aw.send(vm, value))?;
        yielded_or_stop(vm, r)
    }

    fn next(vm: &mut Vm, args: Args) -> PyResult<Value> {
        let (recv, _) = receiver(vm, &args, "__next__", &Shape::NoArgs)?;
        let r = with_awaitable(vm, recv, |aw, vm| aw.send(vm, Value::None))?;
        yielded_or_stop(vm, r)
    }

    fn throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
        let (recv, _) = receiver(vm, &args, "throw", &Shape::Positional { min: 1, max: 3 })?;
        let err = throw_args(vm, &args, "throw")?;
        let r = with_awaitable(vm, recv, |aw, vm| aw.throw(vm, err))?;
        yielded_or_stop(vm, r)
    }

    fn close(vm: &mut Vm, args: Args) -> PyResult<Value> {
        let (recv, _) = receiver(vm, &args, "close", &Shape::NoArgs)?;
        with_awaitable(vm, recv, |aw, vm| aw.close(vm))?;
        Ok(Value::None)
    }

    fn same(vm: &mut Vm, args: Args) -> PyResult<Value> {
        let (recv, _) = receiver(vm, &args, "__iter__", &Shape::NoArgs)?;
        Ok(recv.clone())
    }
}
