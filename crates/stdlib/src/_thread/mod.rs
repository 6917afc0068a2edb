//! The `_thread` module for an interpreter that runs one thread: locks and reentrant
//! locks with CPython's behaviour as seen from that thread, thread identity, and
//! `start_new_thread` refusing honestly (adder has no second thread yet).
//!
//! A blocking `acquire()` of a lock this thread already holds could only return when
//! another thread released it; with no other thread, CPython would hang forever.
//! Here it raises RuntimeError instead, so the program stops with a clear reason.

mod handle;

use std::cell::Cell;

use adder_vm::native_module::{
    add_functions, add_type, add_values, new_native_type, NativeObject, NativeTypeSpec,
};
use adder_vm::object::ObjRef;
use adder_vm::objects::function::{Args, NativeFn};
use adder_vm::{PyResult, Value, Vm};

use crate::args::{bind, bool_arg, positional, Params};

/// `_thread.lock`.
struct Lock {
    locked: Cell<bool>,
}

impl NativeObject for Lock {}

/// `_thread.RLock`: how many times the (only) thread holds it.
struct RLock {
    count: Cell<u64>,
}

impl NativeObject for RLock {}

/// The calling thread's identifier (`pthread_self`, as CPython).
fn ident() -> u64 {
    // SAFETY: pthread_self has no preconditions.
    unsafe { libc::pthread_self() as u64 }
}

fn ident_value(vm: &Vm) -> Value {
    vm.new_int(adder_numeric::BigInt::from(ident()))
}

/// The `(blocking, timeout)` arguments of `acquire`: whether to wait, and how long
/// (`None` = forever).
fn acquire_args(vm: &mut Vm, args: &Args) -> PyResult<(bool, Option<f64>)> {
    let rest = Args {
        values: args.values.get(1..).unwrap_or(&[]),
        kwnames: args.kwnames,
    };
    let a = bind(
        vm,
        &rest,
        &Params {
            func: "acquire",
            names: &["blocking", "timeout"],
            required: 0,
            positional: 2,
        },
    )?;
    let blocking = bool_arg(vm, a[0].as_ref(), true)?;
    // CPython converts the timeout to a PyTime_t first (so `inf`, `nan` and huge
    // values are errors rather than a wait that never ends); -1 second is "unset".
    const UNSET: i64 = -1_000_000_000;
    let timeout = match &a[1] {
        None => UNSET,
        Some(v) => crate::time::clocks::seconds_to_nanos(vm, v)?,
    };
    if !blocking && timeout != UNSET {
        return Err(vm.value_error("can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0 && timeout != UNSET {
        return Err(vm.value_error("timeout value must be a non-negative number"));
    }
    Ok((blocking, (timeout >= 0).then_some(timeout as f64 / 1e9)))
}

/// Waiting for a lock no other thread can release.
fn wait_for_release(vm: &mut Vm, blocking: bool, timeout: Option<f64>) -> PyResult<Value> {
    match (blocking, timeout) {
        (false, _) => Ok(Value::Bool(false)),
        (true, Some(t)) => {
            std::thread::sleep(std::time::Duration::from_secs_f64(t.min(1e6)));
            Ok(Value::Bool(false))
        }
        (true, None) => Err(vm
            .runtime_error("acquiring a held lock would wait forever: adder runs a single thread")),
    }
}

fn lock_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(cls) = args.pos().first().and_then(|v| v.as_obj()).cloned() else {
        return Err(vm.type_error("lock.__new__(X): X is not a type object"));
    };
    Ok(vm.new_native_instance(
        &cls,
        Lock {
            locked: Cell::new(false),
        },
    ))
}

fn lock_acquire(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let lock = vm.native_self::<Lock>(&args, "acquire", "_thread.lock")?;
    let (blocking, timeout) = acquire_args(vm, &args)?;
    if !lock.locked.replace(true) {
        return Ok(Value::Bool(true));
    }
    wait_for_release(vm, blocking, timeout)
}

fn lock_release(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let lock = vm.native_self::<Lock>(&args, "release", "_thread.lock")?;
    if !lock.locked.replace(false) {
        return Err(vm.runtime_error("release unlocked lock"));
    }
    Ok(Value::None)
}

fn lock_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    lock_release(vm, Args::positional_only(&args.pos()[..1]))
}

fn lock_locked(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let lock = vm.native_self::<Lock>(&args, "locked", "_thread.lock")?;
    Ok(Value::Bool(lock.locked.get()))
}

fn lock_reinit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let lock = vm.native_self::<Lock>(&args, "_at_fork_reinit", "_thread.lock")?;
    lock.locked.set(false);
    Ok(Value::None)
}

fn lock_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let lock = vm.native_self::<Lock>(&args, "__repr__", "_thread.lock")?;
    let state = if lock.locked.get() {
        "locked"
    } else {
        "unlocked"
    };
    let addr = args.pos()[0].id();
    Ok(vm.new_str(&format!("<{state} _thread.lock object at {addr:#x}>")))
}

fn rlock_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(cls) = args.pos().first().and_then(|v| v.as_obj()).cloned() else {
        return Err(vm.type_error("RLock.__new__(X): X is not a type object"));
    };
    Ok(vm.new_native_instance(
        &cls,
        RLock {
            count: Cell::new(0),
        },
    ))
}

fn rlock_acquire(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let lock = vm.native_self::<RLock>(&args, "acquire", "_thread.RLock")?;
    acquire_args(vm, &args)?;
    lock.count.set(lock.count.get() + 1);
    Ok(Value::Bool(true))
}

fn rlock_release(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let lock = vm.native_self::<RLock>(&args, "release", "_thread.RLock")?;
    if lock.count.get() == 0 {
        return Err(vm.runtime_error("cannot release un-acquired lock"));
    }
    lock.count.set(lock.count.get() - 1);
    Ok(Value::None)
}

fn rlock_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    rlock_release(vm, Args::positional_only(&args.pos()[..1]))
}

fn rlock_is_owned(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let lock = vm.native_self::<RLock>(&args, "_is_owned", "_thread.RLock")?;
    Ok(Value::Bool(lock.count.get() > 0))
}

fn rlock_locked(vm: &mut Vm, args: Args) -> PyResult<Value> {
    rlock_is_owned(vm, args)
}

fn rlock_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let lock = vm.native_self::<RLock>(&args, "__repr__", "_thread.RLock")?;
    let count = lock.count.get();
    let (state, owner) = if count > 0 {
        ("locked", ident())
    } else {
        ("unlocked", 0)
    };
    let addr = args.pos()[0].id();
    Ok(vm.new_str(&format!(
        "<{state} _thread.RLock object owner={owner} count={count} at {addr:#x}>"
    )))
}

fn get_ident(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "get_ident", 0, 0)?;
    Ok(ident_value(vm))
}

fn get_native_id(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "get_native_id", 0, 0)?;
    // SAFETY: gettid has no preconditions.
    Ok(Value::Int(i64::from(unsafe { libc::gettid() })))
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "_count", 0, 0)?;
    Ok(Value::Int(0))
}

fn start_new_thread(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(vm.runtime_error("can't start new thread: adder does not support threads yet"))
}

fn stack_size(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "stack_size", 0, 1)?;
    Ok(Value::Int(0))
}

fn daemon_threads_allowed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "daemon_threads_allowed", 0, 0)?;
    Ok(Value::Bool(true))
}

fn exit_thread(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(adder_vm::PyErr(
        vm.new_exception(&vm.types().exc.system_exit, vec![]),
    ))
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("get_ident", get_ident),
    ("get_native_id", get_native_id),
    ("_get_main_thread_ident", get_ident),
    ("_count", count),
    ("start_new_thread", start_new_thread),
    ("start_new", start_new_thread),
    ("start_joinable_thread", start_new_thread),
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
    vm.set_native_state(ThreadState { lock });
    handle::install(vm, module);
    Ok(())
}

/// The lock type, for `allocate_lock` (module state).
struct ThreadState {
    lock: ObjRef,
}

/// `allocate_lock()`: a new unlocked lock.
fn allocate_lock(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "allocate_lock", 0, 0)?;
    let Some(state) = vm.native_state::<ThreadState>() else {
        return Err(vm.system_error("_thread module state missing"));
    };
    Ok(vm.new_native_instance(
        &state.lock,
        Lock {
            locked: Cell::new(false),
        },
    ))
}
