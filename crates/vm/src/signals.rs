//! Ctrl-C (CPython's `signalmodule.c` default SIGINT handling): the handler only sets
//! a flag; the eval loop looks at it at CPython's eval-breaker points (function entry
//! and backward jumps) and raises KeyboardInterrupt there, between two instructions,
//! where raising is safe. An uncaught KeyboardInterrupt ends the process by SIGINT.

use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::PyErr;
use crate::vm::Vm;

/// Set by the signal handler, cleared when the eval loop raises KeyboardInterrupt.
static SIGINT_PENDING: AtomicBool = AtomicBool::new(false);

extern "C" fn on_sigint(_signal: libc::c_int) {
    SIGINT_PENDING.store(true, Ordering::Relaxed);
}

/// Install the SIGINT handler (CPython does at start-up unless embedded), unless
/// SIGINT is ignored (a background job of a non-interactive shell), as CPython. Without
/// `SA_RESTART`, so that a blocking read is interrupted as in CPython.
pub fn install_sigint_handler() {
    // SAFETY: the handler only stores to an atomic, which is async-signal-safe; the
    // `sigaction` structures are fully initialised before use.
    unsafe {
        let mut current: libc::sigaction = std::mem::zeroed();
        libc::sigaction(libc::SIGINT, std::ptr::null(), &mut current);
        if current.sa_sigaction == libc::SIG_IGN {
            return;
        }
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = on_sigint as extern "C" fn(libc::c_int) as libc::sighandler_t;
        libc::sigemptyset(&mut action.sa_mask);
        action.sa_flags = 0;
        libc::sigaction(libc::SIGINT, &action, std::ptr::null_mut());
    }
}

/// Whether Ctrl-C arrived since the last check: one relaxed load, cheap enough for
/// every backward jump.
#[inline(always)]
pub fn interrupt_pending() -> bool {
    SIGINT_PENDING.load(Ordering::Relaxed)
}

/// End the process the way CPython does after an uncaught KeyboardInterrupt: by the
/// default action of SIGINT, so that the parent sees the signal (a shell's 130).
pub fn exit_by_sigint() -> ! {
    // SAFETY: restoring the default disposition and signalling ourselves are plain
    // system calls with valid arguments.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_DFL);
        libc::kill(libc::getpid(), libc::SIGINT);
    }
    std::process::exit(130)
}

impl Vm {
    /// The KeyboardInterrupt for a pending Ctrl-C (the flag is cleared).
    #[cold]
    pub fn take_interrupt(&self) -> PyErr {
        SIGINT_PENDING.store(false, Ordering::Relaxed);
        PyErr(self.new_exception(&self.types().exc.keyboard_interrupt.clone(), vec![]))
    }
}
