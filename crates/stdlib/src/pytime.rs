//! Timeouts given as Python numbers (CPython's `_PyTime_FromSecondsObject` and
//! `_PyTime_FromMillisecondsObject` with `_PyTime_ROUND_TIMEOUT`), as nanoseconds, with
//! CPython's messages; and the remaining time of a call retried after EINTR (PEP 475).

use std::time::{Duration, Instant};

use adder_vm::protocol::number::{as_float, as_int, IntRef};
use adder_vm::{PyResult, Value, Vm};

pub const NS_PER_SECOND: i64 = 1_000_000_000;
pub const NS_PER_MILLISECOND: i64 = 1_000_000;

fn out_of_range(vm: &Vm) -> adder_vm::PyErr {
    vm.overflow_error("timestamp out of range for C PyTime_t")
}

/// `v` (a float or an int counting `unit_ns` nanoseconds) in nanoseconds, rounded up
/// (a timeout never ends early); `type_message` is the TypeError for anything else.
pub fn timeout_ns(vm: &Vm, v: &Value, unit_ns: i64, type_message: &str) -> PyResult<i64> {
    if let Some(f) = as_float(v) {
        if f.is_nan() {
            return Err(vm.value_error("Invalid value NaN (not a number)"));
        }
        let ns = (f * unit_ns as f64).ceil();
        if !(ns >= i64::MIN as f64 && ns < i64::MAX as f64) {
            return Err(out_of_range(vm));
        }
        return Ok(ns as i64);
    }
    match as_int(v) {
        Some(IntRef::Small(i)) => i.checked_mul(unit_ns).ok_or_else(|| out_of_range(vm)),
        Some(IntRef::Big(b)) => i64::try_from(b)
            .ok()
            .and_then(|i| i.checked_mul(unit_ns))
            .ok_or_else(|| out_of_range(vm)),
        None => Err(vm.type_error(type_message)),
    }
}

/// When a blocking call with a timeout must give up; `None` waits forever.
pub struct Deadline(Option<Instant>);

impl Deadline {
    /// The deadline `timeout_ns` from now (`None`, or too far to represent: none).
    pub fn after(timeout_ns: Option<i64>) -> Deadline {
        Deadline(
            timeout_ns
                .and_then(|ns| Instant::now().checked_add(Duration::from_nanos(ns.max(0) as u64))),
        )
    }

    /// The time left (zero once passed), `None` for no deadline.
    pub fn remaining(&self) -> Option<Duration> {
        self.0
            .map(|end| end.saturating_duration_since(Instant::now()))
    }
}
