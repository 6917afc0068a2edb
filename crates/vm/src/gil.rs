//! The global interpreter lock (CPython's `Python/ceval_gil.c`), and the rule that
//! makes adder's non-atomic reference counting sound with several OS threads.
//!
//! # The invariant
//! Objects (`Value`, `Rc<PyObject>`), the interpreter state and everything reachable
//! from them are built on `Rc`, `Cell` and `RefCell`: nothing in them is atomic. A
//! thread may touch any of them (read, clone, drop) only while it holds the GIL of
//! their interpreter. Rust's `Send`/`Sync` checks enforce this everywhere except at
//! these documented points:
//! - [`GilBound`] moves a new thread's start function, arguments and interpreter to
//!   the new OS thread; that thread takes the GIL before unwrapping them.
//! - [`Vm::allow_threads`] runs blocking code without the GIL; its closure must be
//!   `Send`, so the compiler rejects a closure that captures an object or the `Vm`.
//! - The cycle collector's registry is shared by an interpreter's threads through a
//!   thread-local pointer (`gc/registry.rs`) and used only under the GIL.
//!
//! Thread-local caches that hold objects (the attribute cache, the `__del__` cache,
//! queued finalizers) are emptied under the GIL before a thread ends
//! (`threads.rs`), so the thread-local destructors that run after the thread let go of
//! the GIL drop no object. The main thread never lets go of the GIL once its `Vm` is
//! gone: daemon threads then wait for it forever, and the process exits around them
//! (CPython makes them hang the same way).
//!
//! The GIL belongs to an interpreter (as CPython 3.12's per-interpreter GIL), so that
//! independent interpreters (unit tests run in parallel) never wait for each other.
//!
//! # Switching
//! A thread waiting for the GIL waits one switch interval (`sys.getswitchinterval()`,
//! 5 ms); if no other thread took the GIL meanwhile, it sets the drop request, which
//! the eval loop notices at its eval-breaker points (function entry, backward jumps).
//! The holder then lets go and waits until another thread has taken the GIL before
//! queueing again (CPython's FORCE_SWITCHING), so a busy thread cannot take it straight
//! back.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use crate::error::PyResult;
use crate::gc::pool_alloc::{use_shared_pools, SharedPools};
use crate::objects::function::Args;
use crate::protocol::number::{as_float, as_int};
use crate::runtime::ThreadState;
use crate::value::Value;
use crate::vm::Vm;

/// Some thread waits for a GIL held too long. One process-wide flag, so that the eval
/// loop's check is a single load; a holder that finds no waiter of its own interpreter
/// clears it (only parallel unit-test interpreters can see another's request).
static DROP_REQUEST: AtomicBool = AtomicBool::new(false);

/// The switch interval CPython starts with, in microseconds (CPython's unit).
const DEFAULT_SWITCH_INTERVAL_US: u64 = 5000;

/// One interpreter's GIL.
pub struct Gil {
    state: Mutex<GilState>,
    /// Signalled when the GIL is let go.
    released: Condvar,
    /// Signalled when a waiter takes the GIL, for a holder that yielded it.
    taken: Condvar,
    /// Microseconds, as CPython keeps it (so `getswitchinterval` rounds the same).
    switch_interval_us: AtomicU64,
    /// The small-block pools the holder allocates from (see `gc/pool_alloc.rs`).
    pools: &'static SharedPools,
}

struct GilState {
    locked: bool,
    /// How many times the GIL was taken: tells a yielding holder that another thread
    /// got it, and a waiter whether the holder changed during its wait.
    switches: u64,
    /// Threads blocked in `acquire`.
    waiting: usize,
}

impl Gil {
    /// A GIL held by the calling thread (the interpreter's main thread).
    pub fn new_held() -> Gil {
        let pools = SharedPools::leak_new();
        use_shared_pools(Some(pools));
        Gil {
            pools,
            state: Mutex::new(GilState {
                locked: true,
                switches: 1,
                waiting: 0,
            }),
            released: Condvar::new(),
            taken: Condvar::new(),
            switch_interval_us: AtomicU64::new(DEFAULT_SWITCH_INTERVAL_US),
        }
    }

    fn lock_state(&self) -> MutexGuard<'_, GilState> {
        // No code panics while holding this mutex; a poisoned one is still consistent.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Block until the calling thread holds the GIL. It must not hold it already.
    pub fn acquire(&self) {
        let mut s = self.lock_state();
        if s.locked {
            s.waiting += 1;
            while s.locked {
                let before = s.switches;
                let us = self.switch_interval_us.load(Ordering::Relaxed).max(1);
                let interval = Duration::from_micros(us);
                let (guard, result) = self
                    .released
                    .wait_timeout(s, interval)
                    .unwrap_or_else(PoisonError::into_inner);
                s = guard;
                if s.locked && result.timed_out() && s.switches == before {
                    DROP_REQUEST.store(true, Ordering::Relaxed);
                }
            }
            s.waiting -= 1;
            self.taken.notify_all();
        }
        s.locked = true;
        s.switches = s.switches.wrapping_add(1);
        use_shared_pools(Some(self.pools));
    }

    /// Let go of the GIL, which the calling thread holds.
    pub fn release(&self) {
        use_shared_pools(None);
        let mut s = self.lock_state();
        s.locked = false;
        drop(s);
        self.released.notify_one();
    }

    /// Answer a drop request: let another thread run, then take the GIL back.
    fn yield_to_waiter(&self) {
        DROP_REQUEST.store(false, Ordering::Relaxed);
        let mut s = self.lock_state();
        if s.waiting == 0 {
            return;
        }
        let before = s.switches;
        use_shared_pools(None);
        s.locked = false;
        self.released.notify_one();
        while s.switches == before && s.waiting > 0 {
            s = self.taken.wait(s).unwrap_or_else(PoisonError::into_inner);
        }
        drop(s);
        self.acquire();
    }

    /// `sys.getswitchinterval()`, in seconds.
    pub fn switch_interval(&self) -> f64 {
        1e-6 * self.switch_interval_us.load(Ordering::Relaxed) as f64
    }

    /// `sys.setswitchinterval(seconds)`, already checked not to be `<= 0`. Kept in
    /// whole microseconds as CPython does (1e-12 reads back as 0.0); NaN and infinity
    /// become what CPython's C conversion gives on x86-64.
    pub fn set_switch_interval(&self, seconds: f64) {
        let us = match seconds * 1e6 {
            x if x.is_nan() => 1 << 63,
            x if x.is_infinite() => 0,
            x => x as u64,
        };
        self.switch_interval_us.store(us, Ordering::Relaxed);
    }
}

/// Whether the eval loop must stop at its next eval-breaker point: a signal arrived
/// or another thread waits for the GIL. Two relaxed loads, cheap enough for every
/// backward jump.
#[inline(always)]
pub fn breaker_pending() -> bool {
    crate::signals::signals_pending() || DROP_REQUEST.load(Ordering::Relaxed)
}

/// The calling OS thread's identifier (`pthread_self`, as CPython's `get_ident`).
pub fn current_thread_ident() -> u64 {
    // SAFETY: pthread_self has no preconditions.
    unsafe { libc::pthread_self() as u64 }
}

/// `sys.getswitchinterval()`.
pub fn sys_getswitchinterval(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.values.is_empty() {
        return Err(vm.type_error(format!(
            "sys.getswitchinterval() takes no arguments ({} given)",
            args.values.len()
        )));
    }
    Ok(Value::Float(vm.interp.gil.switch_interval()))
}

/// `sys.setswitchinterval(interval)`.
pub fn sys_setswitchinterval(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [interval] = args.values else {
        return Err(vm.type_error(format!(
            "sys.setswitchinterval() takes exactly one argument ({} given)",
            args.values.len()
        )));
    };
    let seconds = match (as_float(interval), as_int(interval)) {
        (Some(f), _) => f,
        (None, Some(i)) => vm.int_to_f64(&i)?,
        _ => {
            return Err(vm.type_error(format!(
                "must be real number, not {}",
                vm.type_name(interval)
            )))
        }
    };
    if seconds <= 0.0 {
        return Err(vm.value_error("switch interval must be strictly positive"));
    }
    vm.interp.gil.set_switch_interval(seconds);
    Ok(Value::None)
}

/// A number naming the calling OS thread, never reused in the process (unlike
/// `pthread_self`, which a new thread may inherit from a finished one): for state kept
/// per thread that must not pass to a later thread (`threading.local`).
pub fn current_thread_serial() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    thread_local! {
        static SERIAL: u64 = NEXT.fetch_add(1, Ordering::Relaxed);
    }
    SERIAL.try_with(|s| *s).unwrap_or(0)
}

/// Objects carried to a new OS thread (see the module comment): `Send` although its
/// contents are not, because the receiving thread takes the GIL before unwrapping it.
pub struct GilBound<T>(T);

// SAFETY: the contents are only reachable through `into_inner`, whose contract is that
// the caller holds the GIL of the interpreter they belong to; the sender made the
// value under that same GIL and no longer has access to it.
unsafe impl<T> Send for GilBound<T> {}

impl<T> GilBound<T> {
    /// Wrap `value`; the caller holds the GIL.
    pub fn new(value: T) -> GilBound<T> {
        GilBound(value)
    }

    /// The wrapped value.
    ///
    /// # Safety
    /// The calling thread holds the GIL of the interpreter the value belongs to.
    pub unsafe fn into_inner(self) -> T {
        self.0
    }
}

impl Vm {
    /// The eval breaker's slow path: run the signal handlers (on the main thread only,
    /// as CPython: `check_signals` does nothing on others), let a waiting thread have
    /// the GIL.
    #[cold]
    #[inline(never)]
    pub fn eval_breaker(&mut self) -> PyResult<()> {
        if crate::signals::signals_pending() {
            self.check_signals()?;
        }
        if DROP_REQUEST.load(Ordering::Relaxed) {
            let gil = self.interp.gil.clone();
            self.park();
            gil.yield_to_waiter();
            self.unpark();
        }
        Ok(())
    }

    /// Run `blocking` (a sleep, a wait for a lock or a thread) without the GIL, so
    /// other threads run meanwhile. `Send` keeps objects and the `Vm` out of it.
    pub fn allow_threads<R: Send>(&mut self, blocking: impl FnOnce() -> R + Send) -> R {
        let gil = self.interp.gil.clone();
        self.park();
        gil.release();
        let result = blocking();
        gil.acquire();
        self.unpark();
        result
    }

    /// Show this thread's state to the GIL holders until [`Vm::unpark`]: the thread
    /// is about to let go of the GIL and touches neither its state nor any object
    /// until it has the GIL back (and has unparked), so that a holder may read it and
    /// make frame objects for its frames.
    fn park(&mut self) {
        let state: *mut ThreadState = &mut self.thread;
        let me = current_thread_ident();
        self.interp.parked_threads.borrow_mut().push((me, state));
    }

    fn unpark(&mut self) {
        let state: *mut ThreadState = &mut self.thread;
        let mut parked = self.interp.parked_threads.borrow_mut();
        if let Some(i) = parked.iter().rposition(|&(_, s)| s == state) {
            parked.swap_remove(i);
        }
    }

    /// A system call that may block (a write to a full pipe, a read, a wait), run
    /// without the GIL as CPython's `Py_BEGIN_ALLOW_THREADS` loops do: `call` returns
    /// the call's result, negative on failure. After EINTR the signal handlers run
    /// (with the GIL; their exception is returned) and the call is made again. Gives
    /// the non-negative result, or the errno of the failure.
    pub fn blocking_call(
        &mut self,
        call: impl Fn() -> isize + Sync,
    ) -> PyResult<Result<isize, i32>> {
        loop {
            // errno is read before the GIL is taken back: the GIL's own waits may set it.
            let (n, errno) = self.allow_threads(|| {
                let n = call();
                (n, if n < 0 { last_errno() } else { 0 })
            });
            if n >= 0 {
                return Ok(Ok(n));
            }
            if errno != libc::EINTR {
                return Ok(Err(errno));
            }
            self.check_signals()?;
        }
    }
}

/// The calling thread's `errno`.
pub fn last_errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    /// Two threads counting under the GIL, one handing it over at each step: every
    /// increment happens while holding it, and both finish.
    #[test]
    fn hand_off_between_threads() {
        let gil = Arc::new(Gil::new_held());
        let counter = Arc::new(AtomicU64::new(0));
        let (g, c) = (gil.clone(), counter.clone());
        let other = std::thread::spawn(move || {
            g.acquire();
            for _ in 0..1000 {
                c.fetch_add(1, Ordering::Relaxed);
            }
            g.release();
        });
        gil.release();
        gil.acquire();
        for _ in 0..1000 {
            counter.fetch_add(1, Ordering::Relaxed);
        }
        gil.release();
        assert!(other.join().is_ok());
        assert_eq!(counter.load(Ordering::Relaxed), 2000);
    }

    /// A waiter that times out asks the holder to drop the GIL; yielding hands it over.
    #[test]
    fn drop_request_and_yield() {
        let gil = Arc::new(Gil::new_held());
        gil.set_switch_interval(0.001);
        let g = gil.clone();
        let waiter = std::thread::spawn(move || {
            g.acquire();
            g.release();
        });
        while !DROP_REQUEST.load(Ordering::Relaxed) {
            std::thread::sleep(Duration::from_millis(1));
        }
        gil.yield_to_waiter();
        assert!(waiter.join().is_ok());
        gil.release();
    }
}
