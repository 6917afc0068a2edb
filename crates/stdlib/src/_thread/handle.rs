//! `_thread._ThreadHandle` and the functions `threading` builds its bookkeeping on
//! (`_make_thread_handle`, `_shutdown`, `_is_main_interpreter`, `set_name`).
//!
//! A handle's state is shared (`Arc`) with the thread it describes, which marks it done
//! after it has released every object and the GIL; joining waits for that without the
//! GIL.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use adder_vm::gil::current_thread_ident;
use adder_vm::native_module::{
    add_functions, add_getters, add_type, new_native_type, NativeObject, NativeTypeSpec,
};
use adder_vm::object::{ObjRef, Payload};
use adder_vm::objects::function::{Args, NativeFn};
use adder_vm::{PyResult, Value, Vm};

use super::wait::wait_without_gil;
use crate::args::positional;

/// Where a thread is in its life.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Life {
    NotStarted,
    Running,
    Done,
}

/// What a handle and its thread share.
pub(crate) struct HandleState {
    ident: AtomicU64,
    life: Mutex<Life>,
    finished: Condvar,
}

impl HandleState {
    fn new(ident: u64, life: Life) -> Arc<HandleState> {
        Arc::new(HandleState {
            ident: AtomicU64::new(ident),
            life: Mutex::new(life),
            finished: Condvar::new(),
        })
    }

    /// The state of a running thread that `_thread` did not start, or that no Python
    /// handle describes (`start_new_thread`'s).
    pub(crate) fn running(ident: u64) -> Arc<HandleState> {
        HandleState::new(ident, Life::Running)
    }

    fn life(&self) -> MutexGuard<'_, Life> {
        // Nothing panics while holding it: a poisoned mutex still holds a valid state.
        self.life.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub(crate) fn ident(&self) -> u64 {
        self.ident.load(Ordering::Relaxed)
    }

    pub(crate) fn is_done(&self) -> bool {
        *self.life() == Life::Done
    }

    /// Claim a not-started handle for a thread about to start; false if it was
    /// started already.
    pub(crate) fn claim(&self) -> bool {
        let mut life = self.life();
        if *life != Life::NotStarted {
            return false;
        }
        *life = Life::Running;
        true
    }

    /// Give back a handle whose thread could not be started.
    pub(crate) fn unclaim(&self) {
        *self.life() = Life::NotStarted;
    }

    pub(crate) fn set_ident(&self, ident: u64) {
        self.ident.store(ident, Ordering::Relaxed);
    }

    /// The thread has finished: wake its joiners.
    pub(crate) fn set_done(&self) {
        *self.life() = Life::Done;
        self.finished.notify_all();
    }

    /// Wait at most `limit` (forever for `None`) for the thread to finish.
    fn wait_done(&self, limit: Option<Duration>) -> bool {
        let deadline = limit.and_then(|l| Instant::now().checked_add(l));
        let mut life = self.life();
        while *life != Life::Done {
            life = match deadline {
                None => self
                    .finished
                    .wait(life)
                    .unwrap_or_else(PoisonError::into_inner),
                Some(d) => {
                    let left = d.saturating_duration_since(Instant::now());
                    if left.is_zero() {
                        return false;
                    }
                    self.finished
                        .wait_timeout(life, left)
                        .unwrap_or_else(PoisonError::into_inner)
                        .0
                }
            };
        }
        true
    }

    /// `join(timeout)`: wait without the GIL; a thread cannot join itself.
    pub(crate) fn join(self: &Arc<Self>, vm: &mut Vm, timeout: Option<Duration>) -> PyResult<()> {
        let life = *self.life();
        match life {
            Life::Done => return Ok(()),
            Life::NotStarted => return Err(vm.runtime_error("thread not started")),
            Life::Running if self.ident() == current_thread_ident() => {
                return Err(vm.runtime_error("Cannot join current thread"))
            }
            Life::Running => {}
        }
        let state = self.clone();
        wait_without_gil(vm, timeout, move |limit| state.wait_done(limit))?;
        Ok(())
    }
}

/// A `_ThreadHandle` object.
pub(crate) struct ThreadHandle(pub(crate) Arc<HandleState>);

impl NativeObject for ThreadHandle {}

/// The `_ThreadHandle` type (module state).
pub(crate) struct HandleType(pub(crate) ObjRef);

pub fn install(vm: &mut Vm, module: &ObjRef) {
    let ty = new_native_type(
        vm,
        NativeTypeSpec {
            name: "_ThreadHandle",
            module: "_thread",
            base: None,
            new: Some(handle_new),
            init: None,
            methods: &[
                ("is_done", is_done),
                ("_set_done", set_done),
                ("join", join),
                ("__repr__", handle_repr),
            ],
            subclassable: false,
        },
    );
    add_getters(vm, &ty, &[("ident", handle_ident)]);
    add_type(vm, module, &ty);
    vm.set_native_state(HandleType(ty));
    let functions: &[(&str, NativeFn)] = &[
        ("_make_thread_handle", make_thread_handle),
        ("_shutdown", shutdown),
        ("_is_main_interpreter", is_main_interpreter),
        ("set_name", set_name),
    ];
    add_functions(vm, module, functions);
}

/// The handle state of a `_ThreadHandle` argument, if it is one.
pub(crate) fn state_of(value: &Value) -> Option<Arc<HandleState>> {
    value.native::<ThreadHandle>().map(|h| h.0.clone())
}

/// A new `_ThreadHandle` object for a thread not started yet.
pub(crate) fn new_handle(vm: &mut Vm) -> PyResult<Value> {
    let Some(ty) = vm.native_state::<HandleType>() else {
        return Err(vm.system_error("_thread is not initialised"));
    };
    let state = HandleState::new(0, Life::NotStarted);
    Ok(vm.new_native_instance(&ty.0, ThreadHandle(state)))
}

fn this<'a>(vm: &Vm, args: &'a Args, method: &str) -> PyResult<&'a Arc<HandleState>> {
    Ok(&vm
        .native_self::<ThreadHandle>(args, method, "_thread._ThreadHandle")?
        .0)
}

/// `_ThreadHandle()`: a handle for a thread not started yet.
fn handle_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.pos().first() else {
        return Err(vm.type_error("_ThreadHandle.__new__(X): X is not a type object"));
    };
    let state = HandleState::new(0, Life::NotStarted);
    Ok(vm.new_native_instance(cls, ThreadHandle(state)))
}

/// `_make_thread_handle(ident)`: the handle of a running thread that `_thread` did not
/// start (the main thread's).
fn make_thread_handle(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let ident = ident_arg(
        vm,
        crate::arity::one(vm, &args, "_thread._make_thread_handle")?,
    )?;
    let Some(ty) = vm.native_state::<HandleType>() else {
        return Err(vm.system_error("_thread is not initialised"));
    };
    Ok(vm.new_native_instance(&ty.0, ThreadHandle(HandleState::running(ident))))
}

/// A thread ident: an int that fits C's `unsigned long long`, with the errors of
/// CPython's `PyLong_AsUnsignedLongLong` (no `__index__`).
fn ident_arg(vm: &Vm, v: &Value) -> PyResult<u64> {
    let Some(i) = adder_vm::protocol::number::as_int(v) else {
        return Err(vm.type_error("ident must be an integer"));
    };
    let big = i.to_big();
    if big.signum() < adder_numeric::BigInt::ZERO {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    u64::try_from(&*big).map_err(|_| vm.overflow_error("int too big to convert"))
}

fn handle_ident(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let ident = this(vm, &args, "ident")?.ident();
    Ok(vm.new_int(adder_numeric::BigInt::from(ident)))
}

fn is_done(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(this(vm, &args, "is_done")?.is_done()))
}

fn set_done(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args, "_set_done")?.set_done();
    Ok(Value::None)
}

/// `join(timeout=None)`: a negative or absent timeout waits for ever.
fn join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = this(vm, &args, "join")?.clone();
    let pos = positional(vm, &args, "join", 1, 2)?;
    let timeout = match pos.get(1) {
        None | Some(Value::None) => None,
        Some(t) => {
            let nanos = crate::time::clocks::seconds_to_nanos(vm, t)?;
            u64::try_from(nanos).ok().map(Duration::from_nanos)
        }
    };
    state.join(vm, timeout)?;
    Ok(Value::None)
}

fn handle_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let ident = this(vm, &args, "__repr__")?.ident();
    Ok(vm.new_str(&format!("<_thread._ThreadHandle object: ident={ident}>")))
}

/// `_shutdown()`: wait for every non-daemon thread to finish (CPython's
/// `thread__shutdown`), including those they start meanwhile.
fn shutdown(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::arity::none(vm, &args, "_thread._shutdown")?;
    let me = current_thread_ident();
    while let Some(next) = super::take_non_daemon_handle(vm) {
        if next.ident() != me {
            next.join(vm, None)?;
        }
    }
    Ok(Value::None)
}

fn is_main_interpreter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::arity::none(vm, &args, "_thread._is_main_interpreter")?;
    Ok(Value::Bool(true))
}

/// `set_name(name)`: the OS-level thread name (at most 15 bytes on Linux, cut at a
/// character boundary as CPython does).
fn set_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = positional(vm, &args, "set_name", 1, 1)?;
    let Some(Payload::Str(name)) = pos[0].payload() else {
        return Err(vm.type_error(format!(
            "set_name() argument 'name' must be str, not {}",
            vm.type_name(&pos[0])
        )));
    };
    let mut cut = name.as_str().len().min(15);
    while !name.as_str().is_char_boundary(cut) {
        cut -= 1;
    }
    let bytes: Vec<u8> = name.as_str().as_bytes()[..cut]
        .iter()
        .copied()
        .filter(|&b| b != 0)
        .collect();
    if let Ok(c_name) = std::ffi::CString::new(bytes) {
        // SAFETY: a NUL-terminated name of at most 15 bytes for the calling thread.
        unsafe { libc::pthread_setname_np(libc::pthread_self(), c_name.as_ptr()) };
    }
    Ok(Value::None)
}
