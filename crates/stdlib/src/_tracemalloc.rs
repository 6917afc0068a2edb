//! The `_tracemalloc` module, as far as adder can answer: allocations are never
//! traced, so `is_tracing()` is false and no object has an allocation traceback.
//! `warnings` asks exactly this to decide whether to suggest enabling tracemalloc
//! (the second line of an unawaited-coroutine warning). `start()` is absent: adder
//! cannot trace allocations.

use adder_vm::native_module::add_functions;
use adder_vm::object::ObjRef;
use adder_vm::objects::function::Args;
use adder_vm::{PyResult, Value, Vm};

use crate::args::positional;

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    add_functions(
        vm,
        module,
        &[
            ("is_tracing", is_tracing),
            ("_get_object_traceback", get_object_traceback),
            ("_get_traces", get_traces),
            ("get_traceback_limit", get_traceback_limit),
            ("get_traced_memory", get_traced_memory),
            ("get_tracemalloc_memory", get_tracemalloc_memory),
            ("clear_traces", clear_traces),
            ("reset_peak", reset_peak),
        ],
    );
    Ok(())
}

fn is_tracing(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "is_tracing", 0, 0)?;
    Ok(Value::Bool(false))
}

fn get_object_traceback(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "_get_object_traceback", 1, 1)?;
    Ok(Value::None)
}

fn get_traces(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "_get_traces", 0, 0)?;
    Ok(vm.new_list(Vec::new()))
}

/// CPython's default limit (one frame per traceback).
fn get_traceback_limit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "get_traceback_limit", 0, 0)?;
    Ok(Value::Int(1))
}

fn get_traced_memory(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "get_traced_memory", 0, 0)?;
    Ok(vm.new_tuple(vec![Value::Int(0), Value::Int(0)]))
}

fn get_tracemalloc_memory(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "get_tracemalloc_memory", 0, 0)?;
    Ok(Value::Int(0))
}

fn clear_traces(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "clear_traces", 0, 0)?;
    Ok(Value::None)
}

fn reset_peak(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "reset_peak", 0, 0)?;
    Ok(Value::None)
}
