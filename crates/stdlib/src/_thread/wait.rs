//! Blocking without the GIL: the waits of `_thread` (lock acquisition, joining a
//! thread) run with the GIL let go, so that the thread being waited for can run.
//!
//! On the main thread the wait is cut into short slices: a signal handler only sets a
//! flag, so the main thread looks at it between slices and runs the Python handlers
//! (a KeyboardInterrupt stops the wait), as CPython's interrupted `sem_clockwait` does.

use std::time::{Duration, Instant};

use adder_vm::{PyResult, Vm};

/// How long the main thread waits before looking for signals.
const SIGNAL_POLL: Duration = Duration::from_millis(20);

/// Call `attempt(limit)` (which blocks at most `limit`, forever for `None`, and says
/// whether what it waited for happened) with the GIL let go, until it succeeds or
/// `timeout` has passed.
pub(crate) fn wait_without_gil(
    vm: &mut Vm,
    timeout: Option<Duration>,
    attempt: impl Fn(Option<Duration>) -> bool + Send + Sync,
) -> PyResult<bool> {
    let deadline = timeout.and_then(|t| Instant::now().checked_add(t));
    loop {
        let remaining = deadline.map(|d| d.saturating_duration_since(Instant::now()));
        let slice = match (vm.thread.is_main, remaining) {
            (true, Some(r)) => Some(r.min(SIGNAL_POLL)),
            (true, None) => Some(SIGNAL_POLL),
            (false, r) => r,
        };
        if vm.allow_threads(|| attempt(slice)) {
            return Ok(true);
        }
        if adder_vm::signals::signals_pending() {
            vm.check_signals()?;
        }
        if deadline.is_some_and(|d| Instant::now() >= d) {
            return Ok(false);
        }
    }
}
