//! `start_new_thread` and `start_joinable_thread`: run a callable on a new OS thread
//! (see `adder_vm::threads` for the thread state it gets and `adder_vm::gil` for the
//! rule that lets it share objects).

use std::sync::atomic::Ordering;
use std::sync::Arc;

use adder_vm::object::Payload;
use adder_vm::objects::function::Args;
use adder_vm::{PyResult, Value, Vm};

use super::handle::{new_handle, state_of, HandleState};
use super::ThreadModule;
use crate::args::{bind, bool_arg, positional, Params};

/// Start `func(*args, **kwargs)` on a new thread; `handle` is marked done when the
/// thread has finished. An exception `func` raises (SystemExit excepted) is reported
/// as unraisable, as CPython's `thread_run` does. Returns the thread's ident.
fn spawn(
    vm: &mut Vm,
    func: Value,
    call_args: Vec<Value>,
    kwnames: Vec<Value>,
    handle: Arc<HandleState>,
) -> PyResult<u64> {
    let Some(module) = vm.native_state::<ThreadModule>() else {
        return Err(vm.system_error("_thread is not initialised"));
    };
    let stack_size = module.stack_size.get();
    let running = module.running.clone();
    running.fetch_add(1, Ordering::Relaxed);
    let exit_handle = handle.clone();
    let body = move |vm: &mut Vm| {
        let args = Args {
            values: &call_args,
            kwnames: &kwnames,
        };
        if let Err(e) = vm.call_with(&func, args) {
            let exit = vm.types().exc.system_exit.clone();
            let ignored = vm.is_instance(&Value::Obj(e.0.clone()), &exit);
            if !ignored {
                vm.report_unraisable("in thread started by", &func, &e.0);
            }
        }
    };
    let on_exit = move || {
        running.fetch_sub(1, Ordering::Relaxed);
        exit_handle.set_done();
    };
    match vm.start_thread(stack_size, body, on_exit) {
        Ok(ident) => {
            handle.set_ident(ident);
            Ok(ident)
        }
        Err(_) => {
            if let Some(module) = vm.native_state::<ThreadModule>() {
                module.running.fetch_sub(1, Ordering::Relaxed);
            }
            Err(vm.runtime_error("can't start new thread"))
        }
    }
}

/// `start_new_thread(function, args, kwargs=None)`: the new thread's ident.
pub(crate) fn start_new_thread(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = positional(vm, &args, "start_new_thread", 2, 3)?;
    if !adder_vm::objects::iterators::is_callable(vm, &pos[0]) {
        return Err(vm.type_error("first arg must be callable"));
    }
    let Some(call_args) = pos[1]
        .as_obj()
        .and_then(|o| o.as_tuple())
        .map(|t| t.to_vec())
    else {
        return Err(vm.type_error("2nd arg must be a tuple"));
    };
    let (mut values, mut kwnames) = (call_args, Vec::new());
    if let Some(kwargs) = pos.get(2).filter(|k| !k.is_none()) {
        let Some(Payload::Dict(d)) = kwargs.payload() else {
            return Err(vm.type_error("optional 3rd arg must be a dictionary"));
        };
        for entry in d.borrow().iter() {
            kwnames.push(entry.key.clone());
            values.push(entry.value.clone());
        }
    }
    let ident = spawn(vm, pos[0].clone(), values, kwnames, HandleState::running(0))?;
    Ok(vm.new_int(adder_numeric::BigInt::from(ident)))
}

/// `start_joinable_thread(function, handle=None, daemon=True)`: the thread's handle.
/// Non-daemon threads are remembered for `_shutdown`.
pub(crate) fn start_joinable_thread(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind(
        vm,
        &args,
        &Params {
            func: "start_joinable_thread",
            names: &["function", "handle", "daemon"],
            required: 1,
            positional: 3,
        },
    )?;
    let func = a[0].clone().unwrap_or(Value::None);
    if !adder_vm::objects::iterators::is_callable(vm, &func) {
        return Err(vm.type_error("thread function must be callable"));
    }
    let handle_obj = match a[1].clone().filter(|h| !h.is_none()) {
        Some(h) => h,
        None => new_handle(vm)?,
    };
    let Some(handle) = state_of(&handle_obj) else {
        return Err(vm.type_error("'handle' must be a _ThreadHandle"));
    };
    let daemon = bool_arg(vm, a[2].as_ref(), true)?;
    if !handle.claim() {
        return Err(vm.runtime_error("thread already started"));
    }
    if let Err(e) = spawn(vm, func, Vec::new(), Vec::new(), handle.clone()) {
        handle.unclaim();
        return Err(e);
    }
    if !daemon {
        if let Some(module) = vm.native_state::<ThreadModule>() {
            let mut handles = module.non_daemon.borrow_mut();
            handles.retain(|h| !h.is_done());
            handles.push(handle);
        }
    }
    Ok(handle_obj)
}
