//! The `_thread` module: real OS threads running Python code under the GIL (see
//! `adder_vm::gil`), their locks, handles and thread-local objects.

mod handle;
mod local;
mod lock;
mod start;
mod wait;

use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use adder_vm::gil::current_thread_ident;
use adder_vm::native_module::{
    add_functions, add_type, add_values, new_native_type, NativeTypeSpec,
};
use adder_vm::object::ObjRef;
use adder_vm::objects::function::{Args, NativeFn};
use adder_vm::{PyResult, Value, Vm};

use handle::HandleState;
use lock::*;

/// The module's per-interpreter state.
struct ThreadModule {
    /// `_thread.lock`, for `allocate_lock`.
    lock_type: ObjRef,
    /// Threads started here and not finished (`_count()`), shared with them.
    running: Arc<AtomicUsize>,
    /// `stack_size()`: 0 for the default.
    stack_size: Cell<usize>,
    /// Handles of the non-daemon threads, for `_shutdown` to wait for.
    non_daemon: RefCell<Vec<Arc<HandleState>>>,
}

/// The next non-daemon thread `_shutdown` must wait for, if any.
fn take_non_daemon_handle(vm: &Vm) -> Option<Arc<HandleState>> {
    let module = vm.native_state::<ThreadModule>()?;
    let mut handles = module.non_daemon.borrow_mut();
    handles.retain(|h| !h.is_done());
    handles.pop()
}

/// At exit, before the `atexit` functions: `threading._shutdown()`, which waits for the
/// non-daemon threads, if `threading` was imported (CPython's `wait_for_thread_shutdown`).
pub fn wait_for_thread_shutdown(vm: &mut Vm) {
    let Some(threading) = adder_vm::objects::dict::get_str(&vm.interp.modules, "threading") else {
        return;
    };
    let result = vm
        .get_attr_str(&threading, "_shutdown")
        .and_then(|shutdown| vm.call(&shutdown, &[]));
    if let Err(e) = result {
        vm.flush_stdout();
        let report = vm.format_exception(&e.0);
        eprint!("Exception ignored on threading shutdown:\n{report}");
    }
}

fn ident_value(vm: &Vm, ident: u64) -> Value {
    vm.new_int(adder_numeric::BigInt::from(ident))
}

fn get_ident(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::arity::none(vm, &args, "_thread.get_ident")?;
    Ok(ident_value(vm, current_thread_ident()))
}

fn get_main_thread_ident(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::arity::none(vm, &args, "_thread._get_main_thread_ident")?;
    Ok(ident_value(vm, vm.interp.main_thread_ident))
}

fn get_native_id(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::arity::none(vm, &args, "_thread.get_native_id")?;
    // SAFETY: gettid has no preconditions.
    Ok(Value::Int(i64::from(unsafe { libc::gettid() })))
}

/// `_count()`: threads started by this module that have not finished.
fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::arity::none(vm, &args, "_thread._count")?;
    let running = vm
        .native_state::<ThreadModule>()
        .map_or(0, |m| m.running.load(Ordering::Relaxed));
    Ok(Value::Int(running as i64))
}

/// The smallest stack `stack_size()` accepts (CPython's THREAD_STACK_MIN on the
/// reference platform).
const STACK_SIZE_MIN: i64 = 53248;

/// `stack_size([size])`: the old setting; new threads get at least adder's own
/// minimum whatever is asked (see `adder_vm::threads::THREAD_STACK_SIZE`).
fn stack_size(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::arity::no_keywords(vm, &args, "stack_size")?;
    if args.pos().len() > 1 {
        return Err(vm.type_error(format!(
            "stack_size() takes at most 1 argument ({} given)",
            args.pos().len()
        )));
    }
    let Some(module) = vm.native_state::<ThreadModule>() else {
        return Err(vm.system_error("_thread is not initialised"));
    };
    let old = module.stack_size.get();
    if let Some(size) = args.pos().first() {
        let size = crate::number_args::to_ssize(vm, size)?;
        if size != 0 && size < STACK_SIZE_MIN {
            return Err(vm.value_error(format!("size must be at least {STACK_SIZE_MIN} bytes")));
        }
        module.stack_size.set(size as usize);
    }
    Ok(Value::Int(old as i64))
}

fn daemon_threads_allowed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::arity::none(vm, &args, "_thread.daemon_threads_allowed")?;
    Ok(Value::Bool(true))
}

fn exit_thread(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::arity::none(vm, &args, "_thread.exit")?;
    Err(adder_vm::PyErr(
        vm.new_exception(&vm.types().exc.system_exit, vec![]),
    ))
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("get_ident", get_ident),
    ("get_native_id", get_native_id),
    ("_get_main_thread_ident", get_main_thread_ident),
    ("_count", count),
    ("start_new_thread", start::start_new_thread),
    ("start_new", start::start_new_thread),
    ("start_joinable_thread", start::start_joinable_thread),
    ("stack_size", stack_size),
    ("daemon_threads_allowed", daemon_threads_allowed),
    ("exit", exit_thread),
    ("exit_thread", exit_thread),
];

/// Fill the `_thread` module.
pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    add_functions(vm, module, FUNCTIONS);
    let lock = new_native_type(
        vm,
        NativeTypeSpec {
            name: "lock",
            module: "_thread",
            base: None,
            new: Some(lock_new),
            init: None,
            methods: &[
                ("acquire", lock_acquire),
                ("acquire_lock", lock_acquire),
                ("__enter__", lock_acquire),
                ("release", lock_release),
                ("release_lock", lock_release),
                ("__exit__", lock_exit),
                ("locked", lock_locked),
                ("locked_lock", lock_locked),
                ("_at_fork_reinit", lock_reinit),
                ("__repr__", lock_repr),
            ],
            subclassable: false,
        },
    );
    let rlock = new_native_type(
        vm,
        NativeTypeSpec {
            name: "RLock",
            module: "_thread",
            base: None,
            new: Some(rlock_new),
            init: None,
            methods: &[
                ("acquire", rlock_acquire),
                ("__enter__", rlock_acquire),
                ("release", rlock_release),
                ("__exit__", rlock_exit),
                ("locked", rlock_locked),
                ("_is_owned", rlock_is_owned),
                ("_recursion_count", rlock_recursion_count),
                ("_release_save", rlock_release_save),
                ("_acquire_restore", rlock_acquire_restore),
                ("_at_fork_reinit", rlock_reinit),
                ("__repr__", rlock_repr),
            ],
            subclassable: true,
        },
    );
    add_type(vm, module, &rlock);
    add_values(
        vm,
        module,
        &[
            ("LockType", Value::Obj(lock.clone())),
            ("lock", Value::Obj(lock.clone())),
            ("error", Value::Obj(vm.types().exc.runtime_error.clone())),
            ("TIMEOUT_MAX", Value::Float(9223372036.0)),
        ],
    );
    add_functions(
        vm,
        module,
        &[
            ("allocate_lock", allocate_lock),
            ("allocate", allocate_lock),
        ],
    );
    vm.set_native_state(ThreadModule {
        lock_type: lock,
        running: Arc::new(AtomicUsize::new(0)),
        stack_size: Cell::new(0),
        non_daemon: RefCell::new(Vec::new()),
    });
    handle::install(vm, module);
    local::install(vm, module);
    Ok(())
}

/// `allocate_lock()`: a new unlocked lock.
fn allocate_lock(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::arity::none(vm, &args, "_thread.allocate_lock")?;
    let Some(state) = vm.native_state::<ThreadModule>() else {
        return Err(vm.system_error("_thread module state missing"));
    };
    Ok(vm.new_native_instance(&state.lock_type, Lock::new()))
}
