//! The `atexit` module: functions to call when the interpreter finishes, run last
//! registered first by [`run_exit_functions`] (the `adder` binary calls it at the end,
//! after an uncaught exception's traceback, as CPython's finalization does).

use std::cell::RefCell;
use std::io::Write;

use adder_vm::native_module::add_functions;
use adder_vm::object::ObjRef;
use adder_vm::objects::function::{Args, NativeFn};
use adder_vm::{PyResult, Value, Vm};

use crate::args::positional;

/// One registered call: the function, its positional arguments and keyword arguments
/// (as a dict, or None).
struct Callback {
    func: Value,
    args: Vec<Value>,
    kwargs: Vec<(Value, Value)>,
}

/// The registered calls (module state).
#[derive(Default)]
struct AtexitState {
    callbacks: RefCell<Vec<Callback>>,
}

fn state(vm: &Vm) -> PyResult<std::rc::Rc<AtexitState>> {
    vm.native_state::<AtexitState>()
        .ok_or_else(|| vm.system_error("atexit module state missing"))
}

/// `register(func, *args, **kwargs)`: returns `func`, so it works as a decorator.
fn register(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    let Some(func) = pos.first() else {
        return Err(vm.type_error("register() takes at least 1 argument (0 given)"));
    };
    if !adder_vm::objects::iterators::is_callable(vm, func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let kwargs = args.kwargs().map(|(k, v)| (k.clone(), v.clone())).collect();
    state(vm)?.callbacks.borrow_mut().push(Callback {
        func: func.clone(),
        args: pos[1..].to_vec(),
        kwargs,
    });
    Ok(func.clone())
}

/// `unregister(func)`: forget every registration of `func` (compared with `==`).
fn unregister(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [func] = positional(vm, &args, "unregister", 1, 1)? else {
        return Err(vm.type_error("unregister() takes exactly one argument"));
    };
    let st = state(vm)?;
    let registered: Vec<Value> = st
        .callbacks
        .borrow()
        .iter()
        .map(|c| c.func.clone())
        .collect();
    let mut keep = Vec::with_capacity(registered.len());
    for f in &registered {
        keep.push(!vm.eq(f, func)?);
    }
    let mut flags = keep.into_iter();
    st.callbacks
        .borrow_mut()
        .retain(|_| flags.next().unwrap_or(true));
    Ok(Value::None)
}

fn run_exitfuncs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "_run_exitfuncs", 0, 0)?;
    run_exit_functions(vm);
    Ok(Value::None)
}

fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "_clear", 0, 0)?;
    state(vm)?.callbacks.borrow_mut().clear();
    Ok(Value::None)
}

fn ncallbacks(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "_ncallbacks", 0, 0)?;
    Ok(Value::Int(state(vm)?.callbacks.borrow().len() as i64))
}

/// Call the registered functions, last first, each once; an exception is reported
/// ("Exception ignored in atexit callback ...") and the others still run.
pub fn run_exit_functions(vm: &mut Vm) {
    let Some(st) = vm.native_state::<AtexitState>() else {
        return;
    };
    loop {
        let Some(cb) = st.callbacks.borrow_mut().pop() else {
            return;
        };
        let mut values = cb.args.clone();
        let mut names = Vec::new();
        for (k, v) in &cb.kwargs {
            names.push(k.clone());
            values.push(v.clone());
        }
        let call_args = Args {
            values: &values,
            kwnames: &names,
        };
        if let Err(e) = vm.call_with(&cb.func, call_args) {
            let shown = vm.repr(&cb.func).unwrap_or_default();
            vm.flush_stdout();
            let report = vm.format_exception(&e.0);
            let mut err = std::io::stderr();
            let _ = write!(
                err,
                "Exception ignored in atexit callback {shown}:\n{report}"
            );
        }
    }
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("register", register),
    ("unregister", unregister),
    ("_run_exitfuncs", run_exitfuncs),
    ("_clear", clear),
    ("_ncallbacks", ncallbacks),
];

/// Fill the `atexit` module.
pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    add_functions(vm, module, FUNCTIONS);
    vm.set_native_state(AtexitState::default());
    Ok(())
}
