//! Sets of signals: `valid_signals`, blocking (`pthread_sigmask`, `sigpending`,
//! `sigwait`), sending to a thread (`pthread_kill`), and `strsignal`.

use std::ffi::CStr;

use adder_vm::objects::function::Args;
use adder_vm::signals::NSIG;
use adder_vm::{PyResult, Value, Vm};

use super::signal_number;
use crate::arity;

/// The C `sigset_t` for an iterable of signal numbers, with CPython's message for a
/// number out of range.
fn sigset_from(vm: &mut Vm, iterable: &Value) -> PyResult<libc::sigset_t> {
    let items = vm.collect_iterable(iterable)?;
    // SAFETY: sigemptyset initialises the zeroed set.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    unsafe { libc::sigemptyset(&mut set) };
    for item in &items {
        let n = crate::args::int_arg(vm, item)?;
        if n < 1 || n >= NSIG as i64 {
            return Err(vm.value_error(format!("signal number {n} out of range [1; {}]", NSIG - 1)));
        }
        // SAFETY: `n` is a valid signal number and `set` is initialised.
        unsafe { libc::sigaddset(&mut set, n as i32) };
    }
    Ok(set)
}

/// A Python set of the signal numbers in `set`.
fn sigset_to_value(vm: &mut Vm, set: &libc::sigset_t) -> PyResult<Value> {
    let members: Vec<Value> = (1..NSIG as i32)
        // SAFETY: `set` is an initialised signal set; `n` is in range.
        .filter(|&n| unsafe { libc::sigismember(set, n) } == 1)
        .map(|n| Value::Int(n.into()))
        .collect();
    let list = vm.new_list(members);
    let set_type = Value::Obj(vm.types().set.clone());
    vm.call(&set_type, &[list])
}

/// An empty, initialised signal set.
fn empty_sigset() -> libc::sigset_t {
    // SAFETY: sigemptyset initialises the zeroed set.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    unsafe { libc::sigemptyset(&mut set) };
    set
}

/// The OSError for an error number returned (not left in errno) by a pthread call.
fn returned_error(vm: &Vm, errno: i32) -> adder_vm::PyErr {
    crate::posix::errors::errno_error(vm, errno, None, None)
}

/// `valid_signals()`: every signal number this system accepts.
pub fn valid_signals(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity::positional(vm, &args, "valid_signals", "valid_signals", 0, 0)?;
    let mut set = empty_sigset();
    // SAFETY: `set` is initialised.
    unsafe { libc::sigfillset(&mut set) };
    sigset_to_value(vm, &set)
}

/// `pthread_sigmask(how, mask)`: change the blocked signals of this thread; returns
/// the previous set. Handlers of signals just unblocked run before this returns.
pub fn pthread_sigmask(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [how, mask] = arity::positional(vm, &args, "pthread_sigmask", "pthread_sigmask", 2, 2)?
    else {
        return Err(vm.system_error("pthread_sigmask: bad arguments"));
    };
    let how = crate::args::c_int_arg(vm, how)?;
    let mask = sigset_from(vm, mask)?;
    let mut previous = empty_sigset();
    // SAFETY: both sets are initialised; pthread_sigmask validates `how`.
    let err = unsafe { libc::pthread_sigmask(how, &mask, &mut previous) };
    if err != 0 {
        return Err(returned_error(vm, err));
    }
    vm.check_signals()?;
    sigset_to_value(vm, &previous)
}

/// `sigpending()`: the signals blocked and waiting.
pub fn sigpending(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity::positional(vm, &args, "sigpending", "sigpending", 0, 0)?;
    let mut set = empty_sigset();
    // SAFETY: `set` is initialised.
    if unsafe { libc::sigpending(&mut set) } != 0 {
        return Err(super::last_os_error(vm));
    }
    sigset_to_value(vm, &set)
}

/// `sigwait(sigset)`: wait for one of the (blocked) signals and return its number.
pub fn sigwait(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let sigset = arity::one(vm, &args, "sigwait")?;
    let set = sigset_from(vm, sigset)?;
    let mut signum: libc::c_int = 0;
    // SAFETY: `set` is initialised; `signum` is a valid out-pointer.
    let err = unsafe { libc::sigwait(&set, &mut signum) };
    if err != 0 {
        return Err(returned_error(vm, err));
    }
    Ok(Value::Int(signum.into()))
}

/// `pthread_kill(thread_id, signalnum)`: send a signal to a thread of this process.
pub fn pthread_kill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [thread_id, signum] = arity::positional(vm, &args, "pthread_kill", "pthread_kill", 2, 2)?
    else {
        return Err(vm.system_error("pthread_kill: bad arguments"));
    };
    let big = crate::number_args::to_index(vm, thread_id)?;
    let thread_id = u64::try_from(&big)
        .map_err(|_| vm.overflow_error("Python int too large to convert to C unsigned long"))?;
    let signum = crate::args::c_int_arg(vm, signum)?;
    // SAFETY: pthread_kill reports an unknown thread or signal as an error number.
    let err = unsafe { libc::pthread_kill(thread_id as libc::pthread_t, signum) };
    if err != 0 {
        return Err(returned_error(vm, err));
    }
    vm.check_signals()?;
    Ok(Value::None)
}

/// `strsignal(signalnum)`: the system's description, None for an unknown signal.
pub fn strsignal(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let signum = arity::one(vm, &args, "strsignal")?;
    let signum = signal_number(vm, signum)?;
    // SAFETY: strsignal returns a NUL-terminated string (or null), copied at once.
    let text = unsafe {
        let ptr = libc::strsignal(signum);
        if ptr.is_null() {
            return Ok(Value::None);
        }
        CStr::from_ptr(ptr).to_string_lossy().into_owned()
    };
    if text.contains("Unknown signal") {
        return Ok(Value::None);
    }
    Ok(vm.new_str(&text))
}
