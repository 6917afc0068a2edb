//! Timers that deliver signals: `alarm` (SIGALRM after whole seconds), interval timers
//! (`setitimer`/`getitimer`), and `pause` (sleep until a signal arrives).

use adder_vm::objects::exception_os::new_os_error_instance;
use adder_vm::objects::function::Args;
use adder_vm::{PyErr, PyResult, Value, Vm};

use super::ItimerError;
use crate::arity;

/// `alarm(seconds)`: schedule SIGALRM; returns the seconds left of the previous alarm.
pub fn alarm(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let seconds = arity::one(vm, &args, "alarm")?;
    let seconds = crate::args::c_int_arg(vm, seconds)?;
    // SAFETY: alarm(2) takes any unsigned value (a negative int wraps, as in C).
    let left = unsafe { libc::alarm(seconds as libc::c_uint) };
    Ok(Value::Int(left.into()))
}

/// `pause()`: sleep until a signal arrives, then run its Python handler.
pub fn pause(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity::positional(vm, &args, "pause", "pause", 0, 0)?;
    // SAFETY: pause(2) has no arguments; it returns when a handler has run.
    unsafe { libc::pause() };
    vm.check_signals()?;
    Ok(Value::None)
}

/// Seconds as a `timeval`, rounded up to the microsecond (as CPython).
fn timeval_from_seconds(vm: &mut Vm, v: &Value) -> PyResult<libc::timeval> {
    let seconds = crate::number_args::to_f64(vm, v)?;
    if seconds.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if seconds.abs() > i64::MAX as f64 / 1e9 {
        return Err(vm.overflow_error("timestamp out of range for C PyTime_t"));
    }
    let micros = (seconds * 1e6).ceil() as i64;
    Ok(libc::timeval {
        tv_sec: micros.div_euclid(1_000_000),
        tv_usec: micros.rem_euclid(1_000_000),
    })
}

fn seconds_of(tv: &libc::timeval) -> f64 {
    tv.tv_sec as f64 + tv.tv_usec as f64 * 1e-6
}

/// `(value, interval)` of a timer, as floats.
fn timer_tuple(vm: &Vm, timer: &libc::itimerval) -> Value {
    vm.new_tuple(vec![
        Value::Float(seconds_of(&timer.it_value)),
        Value::Float(seconds_of(&timer.it_interval)),
    ])
}

/// `signal.ItimerError(errno, strerror)` for the errno the failed call left.
fn itimer_error(vm: &Vm) -> PyErr {
    let errno = crate::posix::errors::last_errno();
    let Some(class) = vm.native_state::<ItimerError>() else {
        return super::last_os_error(vm);
    };
    let args = [
        Value::Int(errno.into()),
        vm.new_str(&crate::posix::errors::strerror(errno)),
    ];
    PyErr(new_os_error_instance(vm, &class.0, &args))
}

/// `setitimer(which, seconds, interval=0.0)`: arm (or with 0, disarm) a timer; returns
/// the previous `(value, interval)`.
pub fn setitimer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = arity::positional(vm, &args, "setitimer", "setitimer", 2, 3)?;
    let which = crate::args::c_int_arg(vm, &pos[0])?;
    let value = timeval_from_seconds(vm, &pos[1])?;
    let interval = match pos.get(2) {
        Some(v) => timeval_from_seconds(vm, v)?,
        None => libc::timeval {
            tv_sec: 0,
            tv_usec: 0,
        },
    };
    let new = libc::itimerval {
        it_interval: interval,
        it_value: value,
    };
    // SAFETY: zeroed itimerval is a valid out-structure.
    let mut old: libc::itimerval = unsafe { std::mem::zeroed() };
    // SAFETY: valid pointers; an invalid `which` is reported through errno.
    if unsafe { libc::setitimer(which, &new, &mut old) } != 0 {
        return Err(itimer_error(vm));
    }
    Ok(timer_tuple(vm, &old))
}

/// `getitimer(which)`: the timer's `(value, interval)`.
pub fn getitimer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let which = arity::one(vm, &args, "getitimer")?;
    let which = crate::args::c_int_arg(vm, which)?;
    // SAFETY: zeroed itimerval is a valid out-structure.
    let mut current: libc::itimerval = unsafe { std::mem::zeroed() };
    // SAFETY: valid pointer; an invalid `which` is reported through errno.
    if unsafe { libc::getitimer(which, &mut current) } != 0 {
        return Err(itimer_error(vm));
    }
    Ok(timer_tuple(vm, &current))
}
