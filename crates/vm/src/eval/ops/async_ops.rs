//! The opcodes of `await`, `async for` and `async with`: `GET_AWAITABLE`,
//! `GET_AITER`, `GET_ANEXT`, `END_ASYNC_FOR` and `GET_YIELD_FROM_ITER`, with the
//! awaitable protocol (`__await__`) they share (CPython's `_PyCoro_GetAwaitableIter`).

use super::pop;
use crate::error::PyResult;
use crate::frame::Frame;
use crate::objects::generator::{generator_of, GenKind};
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// The iterator that `await v` drives: a coroutine (or generator-based coroutine)
    /// itself, else what `type(v).__await__(v)` returns, which must be an iterator.
    pub fn awaitable_iter(&mut self, v: &Value) -> PyResult<Value> {
        if generator_of(v).is_some_and(|g| g.is_awaitable()) {
            return Ok(v.clone());
        }
        let ty = self.type_of(v);
        let Some(method) = self.type_lookup(&ty, "__await__") else {
            return Err(self.type_error(format!("'{}' object can't be awaited", self.type_name(v))));
        };
        let it = self.call_method_value(&method, v, &[])?;
        if generator_of(&it).is_some_and(|g| g.is_awaitable()) {
            return Err(self.type_error("__await__() returned a coroutine"));
        }
        if !self.is_iterator(&it) {
            return Err(self.type_error(format!(
                "__await__() returned non-iterator of type '{}'",
                self.type_name(&it)
            )));
        }
        Ok(it)
    }

    /// `GET_AWAITABLE where`: `where` says what is awaited (0: an `await` expression,
    /// 1: the result of `__aenter__`, 2: of `__aexit__`), for the error message.
    pub(super) fn op_get_awaitable(&mut self, fp: *mut Frame, arg: u32) -> PyResult<()> {
        // SAFETY: `fp` is the live top frame (see `execute`); it is re-read after calls.
        let v = pop(unsafe { &mut *fp });
        let it = match self.awaitable_iter(&v) {
            Ok(it) => it,
            Err(e) => {
                let ty = self.type_of(&v);
                if arg != 0 && self.type_lookup(&ty, "__await__").is_none() {
                    let method = if arg == 1 { "__aenter__" } else { "__aexit__" };
                    return Err(self.type_error(format!(
                        "'async with' received an object from {method} that does not \
                         implement __await__: {}",
                        self.type_name(&v)
                    )));
                }
                return Err(e);
            }
        };
        let awaited_already = it.as_obj().is_some_and(|o| {
            generator_of(&it).is_some_and(|g| g.kind == GenKind::Coroutine)
                && self.gen_delegate(o).is_some()
        });
        if awaited_already {
            return Err(self.runtime_error("coroutine is being awaited already"));
        }
        unsafe { &mut *fp }.slots.push(it);
        Ok(())
    }

    /// `GET_AITER`: `type(v).__aiter__(v)`, which must have `__anext__`.
    pub(super) fn op_get_aiter(&mut self, fp: *mut Frame) -> PyResult<()> {
        let v = pop(unsafe { &mut *fp });
        let ty = self.type_of(&v);
        let Some(method) = self.type_lookup(&ty, "__aiter__") else {
            return Err(self.type_error(format!(
                "'async for' requires an object with __aiter__ method, got {}",
                self.type_name(&v)
            )));
        };
        let it = self.call_method_value(&method, &v, &[])?;
        if self.type_lookup(&self.type_of(&it), "__anext__").is_none() {
            return Err(self.type_error(format!(
                "'async for' received an object from __aiter__ that does not implement \
                 __anext__: {}",
                self.type_name(&it)
            )));
        }
        unsafe { &mut *fp }.slots.push(it);
        Ok(())
    }

    /// `GET_ANEXT`: push the awaitable iterator of `aiter.__anext__()` (the async
    /// iterator stays below it).
    pub(super) fn op_get_anext(&mut self, fp: *mut Frame) -> PyResult<()> {
        let aiter = super::top(unsafe { &*fp }).clone();
        let ty = self.type_of(&aiter);
        let Some(method) = self.type_lookup(&ty, "__anext__") else {
            return Err(self.type_error(format!(
                "'async for' requires an iterator with __anext__ method, got {}",
                self.type_name(&aiter)
            )));
        };
        let next = self.call_method_value(&method, &aiter, &[])?;
        let awaitable = match self.awaitable_iter(&next) {
            Ok(it) => it,
            Err(cause) => {
                let err = self.type_error(format!(
                    "'async for' received an invalid object from __anext__: {}",
                    self.type_name(&next)
                ));
                // CPython's `_PyErr_FormatFromCause`: the cause is also the context.
                if let Some(d) = self.exception_data(&err.0) {
                    let mut d = d.borrow_mut();
                    d.cause = Value::Obj(cause.0.clone());
                    d.context = Value::Obj(cause.0);
                    d.suppress_context = true;
                }
                return Err(err);
            }
        };
        unsafe { &mut *fp }.slots.push(awaitable);
        Ok(())
    }

    /// `END_ASYNC_FOR`: with `[aiter, exc]` on the stack, StopAsyncIteration ends the
    /// loop (both are dropped); anything else is re-raised.
    pub(super) fn op_end_async_for(&mut self, fp: *mut Frame) -> PyResult<()> {
        let f = unsafe { &mut *fp };
        let exc = pop(f);
        let stop = self.types().exc.stop_async_iteration.clone();
        if self.is_instance(&exc, &stop) {
            pop(f);
            return Ok(());
        }
        self.thread.reraising = true;
        Err(self.exception_from_value(exc))
    }

    /// `GET_YIELD_FROM_ITER`: generators and coroutines are their own iterators (a
    /// coroutine only inside a coroutine or generator-based coroutine); anything else
    /// goes through `iter()`.
    pub(super) fn op_get_yield_from_iter(&mut self, fp: *mut Frame) -> PyResult<()> {
        let f = unsafe { &mut *fp };
        let v = pop(f);
        let it = match generator_of(&v).map(|g| g.kind) {
            Some(GenKind::Coroutine) => {
                let flags = f.code_data().code.flags;
                let awaiting = adder_bytecode::CodeFlags::COROUTINE
                    | adder_bytecode::CodeFlags::ITERABLE_COROUTINE;
                if flags & awaiting == 0 {
                    return Err(self.type_error(
                        "cannot 'yield from' a coroutine object in a non-coroutine generator",
                    ));
                }
                v
            }
            Some(GenKind::Generator) => v,
            _ => self.get_iter(&v)?,
        };
        unsafe { &mut *fp }.slots.push(it);
        Ok(())
    }
}
