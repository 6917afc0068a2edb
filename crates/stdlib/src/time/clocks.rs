//! The clocks: `time`, `monotonic`, `perf_counter`, `process_time`, `thread_time`
//! (each with its `_ns` twin), `clock_gettime`, `get_clock_info`, and `sleep`.

use adder_vm::object::{Payload, PyObject};
use adder_vm::objects::function::Args;
use adder_vm::protocol::number::as_float;
use adder_vm::{PyResult, Value, Vm};

use crate::args::{int_arg, positional};

/// Nanoseconds on `clock`.
fn clock_ns(vm: &Vm, clock: libc::clockid_t) -> PyResult<i128> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime fills one timespec.
    if unsafe { libc::clock_gettime(clock, &mut ts) } != 0 {
        return Err(crate::posix::last_os_error(vm));
    }
    Ok(i128::from(ts.tv_sec) * 1_000_000_000 + i128::from(ts.tv_nsec))
}

fn seconds(vm: &Vm, clock: libc::clockid_t) -> PyResult<Value> {
    Ok(Value::Float(clock_ns(vm, clock)? as f64 * 1e-9))
}

fn nanoseconds(vm: &Vm, clock: libc::clockid_t) -> PyResult<Value> {
    Ok(vm.new_int(adder_numeric::BigInt::from(clock_ns(vm, clock)?)))
}

/// The pair `name()` (float seconds) and `name_ns()` (int nanoseconds) on a clock.
macro_rules! clock_functions {
    ($($secs:ident, $ns:ident => $clock:expr;)*) => {
        $(
            #[doc = concat!("`time.", stringify!($secs), "()`.")]
            pub fn $secs(vm: &mut Vm, args: Args) -> PyResult<Value> {
                positional(vm, &args, stringify!($secs), 0, 0)?;
                seconds(vm, $clock)
            }

            #[doc = concat!("`time.", stringify!($ns), "()`.")]
            pub fn $ns(vm: &mut Vm, args: Args) -> PyResult<Value> {
                positional(vm, &args, stringify!($ns), 0, 0)?;
                nanoseconds(vm, $clock)
            }
        )*
    };
}

clock_functions! {
    time, time_ns => libc::CLOCK_REALTIME;
    monotonic, monotonic_ns => libc::CLOCK_MONOTONIC;
    perf_counter, perf_counter_ns => libc::CLOCK_MONOTONIC;
    process_time, process_time_ns => libc::CLOCK_PROCESS_CPUTIME_ID;
    thread_time, thread_time_ns => libc::CLOCK_THREAD_CPUTIME_ID;
}

fn clock_arg(vm: &mut Vm, args: &Args, func: &str) -> PyResult<libc::clockid_t> {
    let [clock] = positional(vm, args, func, 1, 1)? else {
        return Err(vm.type_error(format!("{func} expected 1 argument")));
    };
    // A C int: `clock_gettime(2**32)` must not become CLOCK_REALTIME. The
    // messages are CPython's: clock_gettime's converter turns every failure into
    // one TypeError; clock_getres parses with the "i" format.
    if func == "clock_getres" {
        let n = match adder_vm::protocol::number::as_int(clock) {
            Some(adder_vm::protocol::number::IntRef::Big(_)) => {
                return Err(vm.overflow_error("Python int too large to convert to C long"))
            }
            _ => int_arg(vm, clock)?,
        };
        return match i32::try_from(n) {
            Ok(n) => Ok(n as libc::clockid_t),
            Err(_) if n < 0 => Err(vm.overflow_error("signed integer is less than minimum")),
            Err(_) => Err(vm.overflow_error("signed integer is greater than maximum")),
        };
    }
    match crate::args::c_int_arg(vm, clock) {
        Ok(n) => Ok(n as libc::clockid_t),
        Err(_) => Err(vm.type_error(format!(
            "clk_id should be integer, not {}",
            vm.type_name(clock)
        ))),
    }
}

/// `time.clock_gettime(clk_id)`.
pub fn clock_gettime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let clock = clock_arg(vm, &args, "clock_gettime")?;
    seconds(vm, clock)
}

/// `time.clock_gettime_ns(clk_id)`.
pub fn clock_gettime_ns(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let clock = clock_arg(vm, &args, "clock_gettime_ns")?;
    nanoseconds(vm, clock)
}

/// `time.clock_getres(clk_id)`.
pub fn clock_getres(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let clock = clock_arg(vm, &args, "clock_getres")?;
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_getres fills one timespec.
    if unsafe { libc::clock_getres(clock, &mut ts) } != 0 {
        return Err(crate::posix::last_os_error(vm));
    }
    Ok(Value::Float(ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9))
}

/// `time.get_clock_info(name)`: a namespace describing the clock.
pub fn get_clock_info(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [name] = positional(vm, &args, "get_clock_info", 1, 1)? else {
        return Err(vm.type_error("get_clock_info expected 1 argument"));
    };
    let name = vm.to_str(name)?;
    let (implementation, monotonic, adjustable) = match name.as_str() {
        "time" => ("clock_gettime(CLOCK_REALTIME)", false, true),
        "monotonic" | "perf_counter" => ("clock_gettime(CLOCK_MONOTONIC)", true, false),
        "process_time" => ("clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", true, false),
        "thread_time" => ("clock_gettime(CLOCK_THREAD_CPUTIME_ID)", true, false),
        _ => return Err(vm.value_error("unknown clock")),
    };
    let namespace = vm.new_dict();
    let info = Value::obj(PyObject::with_dict(
        vm.types().simple_namespace.clone(),
        Payload::Instance,
        namespace,
    ));
    let fields = [
        ("implementation", vm.new_str(implementation)),
        ("monotonic", Value::Bool(monotonic)),
        ("adjustable", Value::Bool(adjustable)),
        ("resolution", Value::Float(1e-9)),
    ];
    for (field, value) in fields {
        let key = vm.intern(field);
        vm.set_attr(&info, &key, value)?;
    }
    Ok(info)
}

/// `time.sleep(secs)`.
pub fn sleep(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [secs] = positional(vm, &args, "sleep", 1, 1)? else {
        return Err(vm.type_error("sleep expected 1 argument"));
    };
    // As CPython, the length becomes a PyTime_t before the sign is checked.
    let nanos = seconds_to_nanos(vm, secs)?;
    if nanos < 0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    vm.flush_stdout();
    let deadline = monotonic_deadline(nanos);
    // Other threads run meanwhile. A signal interrupts the wait (EINTR): its Python
    // handler runs now, as in CPython, and may raise (KeyboardInterrupt); otherwise
    // the sleep goes on until the same deadline.
    loop {
        let interrupted = vm.allow_threads(move || {
            // SAFETY: a valid timespec; no remaining-time output is asked for.
            let rc = unsafe {
                libc::clock_nanosleep(
                    libc::CLOCK_MONOTONIC,
                    libc::TIMER_ABSTIME,
                    &deadline,
                    std::ptr::null_mut(),
                )
            };
            rc == libc::EINTR
        });
        if !interrupted {
            return Ok(Value::None);
        }
        vm.check_signals()?;
    }
}

/// The monotonic clock `nanos` from now, as the absolute time `clock_nanosleep` takes.
fn monotonic_deadline(nanos: i64) -> libc::timespec {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a valid timespec to fill; CLOCK_MONOTONIC always exists on Linux.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut now) };
    let total = i128::from(now.tv_nsec) + i128::from(nanos % 1_000_000_000);
    let secs = i128::from(now.tv_sec) + i128::from(nanos / 1_000_000_000) + total / 1_000_000_000;
    libc::timespec {
        tv_sec: secs.min(i128::from(libc::time_t::MAX)) as libc::time_t,
        tv_nsec: (total % 1_000_000_000) as libc::c_long,
    }
}

/// A seconds argument as CPython's `_PyTime_FromSecondsObject` with
/// `_PyTime_ROUND_TIMEOUT`: i64 nanoseconds (PyTime_t), a float rounded up.
/// What does not fit is an OverflowError, not a wait that never ends
/// (`sleep(float('inf'))`, `lock.acquire(timeout=1e300)`).
pub(crate) fn seconds_to_nanos(vm: &mut Vm, secs: &Value) -> PyResult<i64> {
    let overflow = |vm: &Vm| vm.overflow_error("timestamp out of range for C PyTime_t");
    Ok(match as_float(secs) {
        Some(f) => {
            if f.is_nan() {
                return Err(vm.value_error("Invalid value NaN (not a number)"));
            }
            let d = (f * 1e9).ceil();
            if !((i64::MIN as f64) <= d && d < -(i64::MIN as f64)) {
                return Err(overflow(vm));
            }
            d as i64
        }
        None => match adder_vm::protocol::number::as_int(secs) {
            Some(adder_vm::protocol::number::IntRef::Big(_)) => return Err(overflow(vm)),
            None if vm.lookup_special_heap(secs, "__index__").is_none() => {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer or float",
                    vm.type_name(secs)
                )))
            }
            _ => int_arg(vm, secs)?
                .checked_mul(1_000_000_000)
                .ok_or_else(|| overflow(vm))?,
        },
    })
}
