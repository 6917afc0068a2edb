//! `_thread.lock` and `_thread.RLock`, the locks every `threading` primitive is built
//! on (Condition, Event, Semaphore, Barrier, queue.Queue).
//!
//! Whether a lock is held lives in a [`RawLock`] shared through an `Arc`, because a
//! thread waiting for it has let go of the GIL. An RLock's owner and count are only
//! read and changed under the GIL, so they are plain cells beside its raw lock.

use std::cell::Cell;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use adder_vm::gil::current_thread_ident;
use adder_vm::native_module::NativeObject;
use adder_vm::objects::function::Args;
use adder_vm::{PyResult, Value, Vm};

use super::wait::wait_without_gil;
use crate::args::{bind, bool_arg, Params};

/// A non-reentrant lock usable without the GIL (CPython's `PyThread_type_lock`).
#[derive(Default)]
pub(crate) struct RawLock {
    locked: Mutex<bool>,
    unlocked: Condvar,
}

impl RawLock {
    fn state(&self) -> MutexGuard<'_, bool> {
        // Nothing panics while holding it: a poisoned mutex still holds a valid bool.
        self.locked.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub(crate) fn try_acquire(&self) -> bool {
        !std::mem::replace(&mut *self.state(), true)
    }

    /// Wait at most `limit` (forever for `None`) to take the lock.
    fn acquire_within(&self, limit: Option<Duration>) -> bool {
        let deadline = limit.and_then(|l| Instant::now().checked_add(l));
        let mut locked = self.state();
        while *locked {
            locked = match deadline {
                None => self
                    .unlocked
                    .wait(locked)
                    .unwrap_or_else(PoisonError::into_inner),
                Some(d) => {
                    let left = d.saturating_duration_since(Instant::now());
                    if left.is_zero() {
                        return false;
                    }
                    self.unlocked
                        .wait_timeout(locked, left)
                        .unwrap_or_else(PoisonError::into_inner)
                        .0
                }
            };
        }
        *locked = true;
        true
    }

    /// Unlock; false when it was not locked.
    pub(crate) fn release(&self) -> bool {
        let was_locked = std::mem::replace(&mut *self.state(), false);
        if was_locked {
            self.unlocked.notify_one();
        }
        was_locked
    }

    pub(crate) fn is_locked(&self) -> bool {
        *self.state()
    }

    /// Take the lock, waiting (without the GIL) as `acquire(blocking, timeout)` says.
    pub(crate) fn acquire(
        self: &Arc<Self>,
        vm: &mut Vm,
        blocking: bool,
        timeout: Option<Duration>,
    ) -> PyResult<bool> {
        if self.try_acquire() {
            return Ok(true);
        }
        if !blocking {
            return Ok(false);
        }
        let raw = self.clone();
        wait_without_gil(vm, timeout, move |limit| raw.acquire_within(limit))
    }
}

/// `_thread.lock`.
pub(crate) struct Lock {
    pub(crate) raw: Arc<RawLock>,
}

impl NativeObject for Lock {}

impl Lock {
    pub(crate) fn new() -> Lock {
        Lock {
            raw: Arc::new(RawLock::default()),
        }
    }
}

/// `_thread.RLock`: the thread that holds it and how many times.
pub(crate) struct RLock {
    raw: Arc<RawLock>,
    owner: Cell<u64>,
    count: Cell<u64>,
}

impl NativeObject for RLock {}

impl RLock {
    pub(crate) fn new() -> RLock {
        RLock {
            raw: Arc::new(RawLock::default()),
            owner: Cell::new(0),
            count: Cell::new(0),
        }
    }

    fn is_owned(&self) -> bool {
        self.count.get() > 0 && self.owner.get() == current_thread_ident()
    }
}

/// The `(blocking, timeout)` arguments of `acquire`: whether to wait, and how long
/// (`None` = forever).
fn acquire_args(vm: &mut Vm, args: &Args) -> PyResult<(bool, Option<Duration>)> {
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
    Ok((
        blocking,
        u64::try_from(timeout).ok().map(Duration::from_nanos),
    ))
}

fn this_lock<'a>(vm: &Vm, args: &'a Args, method: &str) -> PyResult<&'a Lock> {
    vm.native_self::<Lock>(args, method, "_thread.lock")
}

pub(crate) fn lock_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(cls) = args.pos().first().and_then(|v| v.as_obj()).cloned() else {
        return Err(vm.type_error("lock.__new__(X): X is not a type object"));
    };
    Ok(vm.new_native_instance(&cls, Lock::new()))
}

pub(crate) fn lock_acquire(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let raw = this_lock(vm, &args, "acquire")?.raw.clone();
    let (blocking, timeout) = acquire_args(vm, &args)?;
    Ok(Value::Bool(raw.acquire(vm, blocking, timeout)?))
}

pub(crate) fn lock_release(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !this_lock(vm, &args, "release")?.raw.release() {
        return Err(vm.runtime_error("release unlocked lock"));
    }
    Ok(Value::None)
}

pub(crate) fn lock_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    // Only the receiver counts (`__exit__(type, value, traceback)`).
    let Some(receiver) = args.pos().get(..1).filter(|r| !r.is_empty()) else {
        return Err(vm.type_error("unbound method lock.__exit__() needs an argument"));
    };
    lock_release(vm, Args::positional_only(receiver))
}

pub(crate) fn lock_locked(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(this_lock(vm, &args, "locked")?.raw.is_locked()))
}

/// `_at_fork_reinit()`: a fresh, unlocked lock (after `fork`, no thread holds it).
pub(crate) fn lock_reinit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this_lock(vm, &args, "_at_fork_reinit")?.raw.release();
    Ok(Value::None)
}

pub(crate) fn lock_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let locked = this_lock(vm, &args, "__repr__")?.raw.is_locked();
    let state = if locked { "locked" } else { "unlocked" };
    let addr = args.pos()[0].id();
    Ok(vm.new_str(&format!("<{state} _thread.lock object at {addr:#x}>")))
}

fn this_rlock<'a>(vm: &Vm, args: &'a Args, method: &str) -> PyResult<&'a RLock> {
    vm.native_self::<RLock>(args, method, "_thread.RLock")
}

pub(crate) fn rlock_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(cls) = args.pos().first().and_then(|v| v.as_obj()).cloned() else {
        return Err(vm.type_error("RLock.__new__(X): X is not a type object"));
    };
    Ok(vm.new_native_instance(&cls, RLock::new()))
}

pub(crate) fn rlock_acquire(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (blocking, timeout) = acquire_args(vm, &args)?;
    let lock = this_rlock(vm, &args, "acquire")?;
    if lock.is_owned() {
        let Some(count) = lock.count.get().checked_add(1) else {
            return Err(vm.overflow_error("Internal lock count overflowed"));
        };
        lock.count.set(count);
        return Ok(Value::Bool(true));
    }
    let raw = lock.raw.clone();
    if !raw.acquire(vm, blocking, timeout)? {
        return Ok(Value::Bool(false));
    }
    // The receiver is still alive: `args` holds it.
    let lock = this_rlock(vm, &args, "acquire")?;
    lock.owner.set(current_thread_ident());
    lock.count.set(1);
    Ok(Value::Bool(true))
}

pub(crate) fn rlock_release(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let lock = this_rlock(vm, &args, "release")?;
    if !lock.is_owned() {
        return Err(vm.runtime_error("cannot release un-acquired lock"));
    }
    lock.count.set(lock.count.get() - 1);
    if lock.count.get() == 0 {
        lock.owner.set(0);
        lock.raw.release();
    }
    Ok(Value::None)
}

pub(crate) fn rlock_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(receiver) = args.pos().get(..1).filter(|r| !r.is_empty()) else {
        return Err(vm.type_error("unbound method RLock.__exit__() needs an argument"));
    };
    rlock_release(vm, Args::positional_only(receiver))
}

pub(crate) fn rlock_is_owned(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(this_rlock(vm, &args, "_is_owned")?.is_owned()))
}

pub(crate) fn rlock_locked(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(
        this_rlock(vm, &args, "locked")?.count.get() > 0,
    ))
}

/// `_recursion_count()`: how many times the calling thread holds it.
pub(crate) fn rlock_recursion_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let lock = this_rlock(vm, &args, "_recursion_count")?;
    let count = if lock.is_owned() { lock.count.get() } else { 0 };
    Ok(Value::Int(count as i64))
}

/// `_release_save()`: let go entirely (for `Condition.wait`), returning the state
/// `_acquire_restore` puts back.
pub(crate) fn rlock_release_save(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let lock = this_rlock(vm, &args, "_release_save")?;
    if lock.count.get() == 0 {
        return Err(vm.runtime_error("cannot release un-acquired lock"));
    }
    let (count, owner) = (lock.count.replace(0), lock.owner.replace(0));
    lock.raw.release();
    let owner = vm.new_int(adder_numeric::BigInt::from(owner));
    Ok(vm.new_tuple(vec![Value::Int(count as i64), owner]))
}

/// `_acquire_restore((count, owner))`: take the lock back as `_release_save` left it.
pub(crate) fn rlock_acquire_restore(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = crate::args::positional(vm, &args, "_acquire_restore", 2, 2)?;
    let state = pos[1]
        .as_obj()
        .and_then(|o| o.as_tuple())
        .map(|t| t.to_vec());
    let Some([count, owner]) = state.as_deref() else {
        return Err(vm.type_error("_acquire_restore() argument must be a (count, owner) tuple"));
    };
    let count = crate::args::int_arg(vm, count)?;
    let owner = crate::args::int_arg(vm, owner)?;
    let raw = this_rlock(vm, &args, "_acquire_restore")?.raw.clone();
    raw.acquire(vm, true, None)?;
    let lock = this_rlock(vm, &args, "_acquire_restore")?;
    lock.owner.set(owner as u64);
    lock.count.set(count as u64);
    Ok(Value::None)
}

/// `_at_fork_reinit()`: unlocked and unowned.
pub(crate) fn rlock_reinit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let lock = this_rlock(vm, &args, "_at_fork_reinit")?;
    lock.raw.release();
    lock.owner.set(0);
    lock.count.set(0);
    Ok(Value::None)
}

pub(crate) fn rlock_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let lock = this_rlock(vm, &args, "__repr__")?;
    let (count, owner) = (lock.count.get(), lock.owner.get());
    let state = if count > 0 { "locked" } else { "unlocked" };
    let addr = args.pos()[0].id();
    let name = vm.type_display_name(&vm.type_of(&args.pos()[0]));
    Ok(vm.new_str(&format!(
        "<{state} {name} object owner={owner} count={count} at {addr:#x}>"
    )))
}
