//! Signals (the half of CPython's `signalmodule.c` below the Python API). The C-level
//! handler only records that a signal arrived (and writes its number to the wakeup
//! fd); the eval loop notices at CPython's eval-breaker points (function entry and
//! backward jumps) and runs the Python handlers there, between two instructions,
//! where running Python code is safe. Python handlers run on the main thread only.
//!
//! The `_signal` module (crates/stdlib) sets dispositions and Python handlers through
//! the functions here; before it is imported, SIGINT raises KeyboardInterrupt (what
//! its `default_int_handler` does). An uncaught KeyboardInterrupt ends the process by
//! SIGINT.

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};

use crate::error::{PyErr, PyResult};
use crate::value::Value;
use crate::vm::Vm;

/// One more than the largest signal number (Linux's `NSIG`, CPython's `signal.NSIG`).
pub const NSIG: usize = 65;

/// Per signal: arrived since the eval loop last ran its handler.
static TRIPPED: [AtomicBool; NSIG] = [const { AtomicBool::new(false) }; NSIG];
/// Some entry of `TRIPPED` may be set: the one flag the eval loop polls.
static ANY_TRIPPED: AtomicBool = AtomicBool::new(false);
/// The fd `signal.set_wakeup_fd` chose (-1: none); the handler writes the signal
/// number there so that an event loop blocked in `select` wakes up.
static WAKEUP_FD: AtomicI32 = AtomicI32::new(-1);

/// The Python-level handler of each signal (what `signal.getsignal` returns): the
/// `_signal` module stores this as its state when first imported. `None` entries are
/// handlers not set from Python; ints are `SIG_DFL`/`SIG_IGN`.
pub struct PythonHandlers {
    pub table: RefCell<Vec<Value>>,
}

extern "C" fn on_signal(signal: libc::c_int) {
    // SAFETY: only atomics and `write(2)` run here, all async-signal-safe; errno is
    // saved and restored so that the interrupted code sees its own.
    unsafe {
        let errno = *libc::__errno_location();
        if let Some(flag) = usize::try_from(signal).ok().and_then(|s| TRIPPED.get(s)) {
            flag.store(true, Ordering::Relaxed);
            ANY_TRIPPED.store(true, Ordering::Release);
        }
        let fd = WAKEUP_FD.load(Ordering::Relaxed);
        if fd >= 0 {
            let byte = signal as u8;
            libc::write(fd, (&byte as *const u8).cast(), 1);
        }
        *libc::__errno_location() = errno;
    }
}

/// Install the SIGINT handler (CPython does at start-up unless embedded), unless
/// SIGINT is ignored (a background job of a non-interactive shell), as CPython.
pub fn install_sigint_handler() {
    if os_disposition(libc::SIGINT) == Some(Disposition::Ignore) {
        return;
    }
    let _ = set_os_disposition(libc::SIGINT, Disposition::Python);
}

/// Block every signal in the calling thread, so that the system delivers them to the
/// interpreter's thread instead: a launcher thread that only waits for it calls this,
/// or `pause()` and EINTR would never reach the Python code.
pub fn leave_signals_to_other_threads() {
    // SAFETY: a filled signal set and a null out-pointer are valid arguments.
    unsafe {
        let mut all: libc::sigset_t = std::mem::zeroed();
        libc::sigfillset(&mut all);
        libc::pthread_sigmask(libc::SIG_BLOCK, &all, std::ptr::null_mut());
    }
}

/// What the operating system does when a signal arrives.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Disposition {
    /// `SIG_DFL`: the system's default action.
    Default,
    /// `SIG_IGN`: nothing.
    Ignore,
    /// Record it for the eval loop, which runs the Python handler.
    Python,
    /// A handler installed by someone else (not settable from here).
    Foreign,
}

/// The current disposition of `signal`, `None` if it is not a valid signal.
pub fn os_disposition(signal: i32) -> Option<Disposition> {
    // SAFETY: querying with a null new action and a zeroed out-structure.
    let current = unsafe {
        let mut current: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(signal, std::ptr::null(), &mut current) != 0 {
            return None;
        }
        current.sa_sigaction
    };
    Some(match current {
        libc::SIG_DFL => Disposition::Default,
        libc::SIG_IGN => Disposition::Ignore,
        h if h == on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t => {
            Disposition::Python
        }
        _ => Disposition::Foreign,
    })
}

/// Set the disposition of `signal` (CPython's `PyOS_setsig`: `SA_ONSTACK`, and no
/// `SA_RESTART`, so that a blocking call is interrupted with EINTR as in CPython).
/// `Foreign` is not settable and changes nothing.
pub fn set_os_disposition(signal: i32, disposition: Disposition) -> std::io::Result<()> {
    let handler = match disposition {
        Disposition::Default => libc::SIG_DFL,
        Disposition::Ignore => libc::SIG_IGN,
        Disposition::Python => on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t,
        Disposition::Foreign => return Ok(()),
    };
    // SAFETY: the action is fully initialised; the handler is async-signal-safe.
    let rc = unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = handler;
        libc::sigemptyset(&mut action.sa_mask);
        action.sa_flags = libc::SA_ONSTACK;
        libc::sigaction(signal, &action, std::ptr::null_mut())
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// Make the signal handler write to `fd` (-1: stop); returns the previous fd.
pub fn set_wakeup_fd(fd: i32) -> i32 {
    WAKEUP_FD.swap(fd, Ordering::Relaxed)
}

/// Whether some signal arrived since the last check: one relaxed load, cheap enough
/// for every backward jump.
#[inline(always)]
pub fn signals_pending() -> bool {
    ANY_TRIPPED.load(Ordering::Relaxed)
}

/// Whether Ctrl-C arrived and is not handled yet (for native loops that can only stop,
/// such as the regular-expression engine).
#[inline(always)]
pub fn interrupt_pending() -> bool {
    TRIPPED[libc::SIGINT as usize].load(Ordering::Relaxed)
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
    /// The KeyboardInterrupt for a pending Ctrl-C (its flag is cleared), for native
    /// loops that stop rather than run handlers.
    #[cold]
    pub fn take_interrupt(&self) -> PyErr {
        TRIPPED[libc::SIGINT as usize].store(false, Ordering::Relaxed);
        self.keyboard_interrupt()
    }

    fn keyboard_interrupt(&self) -> PyErr {
        PyErr(self.new_exception(&self.types().exc.keyboard_interrupt.clone(), vec![]))
    }

    /// Run the Python handlers of the signals that arrived (CPython's
    /// `PyErr_CheckSignals`), on the main thread only (the eval breaker calls this). A handler's exception stops
    /// the run; the signals not yet handled stay pending for the next check.
    #[cold]
    pub fn check_signals(&mut self) -> PyResult<()> {
        if !self.thread.is_main || !ANY_TRIPPED.swap(false, Ordering::Acquire) {
            return Ok(());
        }
        let handlers = self.native_state::<PythonHandlers>();
        for (signal, flag) in TRIPPED.iter().enumerate() {
            if !flag.swap(false, Ordering::Relaxed) {
                continue;
            }
            let handler = match &handlers {
                Some(h) => h.table.borrow().get(signal).cloned(),
                None if signal == libc::SIGINT as usize => {
                    ANY_TRIPPED.store(true, Ordering::Relaxed);
                    return Err(self.keyboard_interrupt());
                }
                None => None,
            };
            // SIG_DFL/SIG_IGN/None here means the handler changed after the signal
            // arrived (CPython's "ignored due to race condition").
            let Some(handler) = handler.filter(|h| !matches!(h, Value::Int(_) | Value::None))
            else {
                continue;
            };
            let frame = self.top_frame_value();
            if let Err(e) = self.call(&handler, &[Value::Int(signal as i64), frame]) {
                ANY_TRIPPED.store(true, Ordering::Relaxed);
                return Err(e);
            }
        }
        Ok(())
    }

    /// The frame object of the running frame (the second argument of a handler).
    fn top_frame_value(&mut self) -> Value {
        let Some(frame) = self.thread.frames.last_mut() else {
            return Value::None;
        };
        let frame: *mut crate::frame::Frame = &mut **frame;
        // SAFETY: the frame is boxed and stays on the stack while this runs.
        Value::Obj(self.frame_object(unsafe { &mut *frame }))
    }
}
