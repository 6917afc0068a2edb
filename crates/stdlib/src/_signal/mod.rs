//! The `_signal` module (CPython's `Modules/signalmodule.c`), under the pure-Python
//! `signal`: Python handlers for signals, signal masks, alarms and interval timers.
//!
//! The C-level handler and the running of Python handlers at the eval breaker are the
//! VM's (`adder_vm::signals`); this module keeps the table of Python handlers there
//! (`PythonHandlers`, interpreter state) and sets the operating system's dispositions.

mod handlers;
mod masks;
mod timers;

use std::cell::RefCell;

use adder_vm::native_module::{add_functions, add_values};
use adder_vm::object::ObjRef;
use adder_vm::objects::dict;
use adder_vm::objects::function::NativeFn;
use adder_vm::signals::{self, Disposition, PythonHandlers, NSIG};
use adder_vm::{PyResult, Value, Vm};

use crate::native_util::new_exception_class;

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("signal", handlers::signal),
    ("getsignal", handlers::getsignal),
    ("default_int_handler", handlers::default_int_handler),
    ("set_wakeup_fd", handlers::set_wakeup_fd),
    ("raise_signal", handlers::raise_signal),
    ("siginterrupt", handlers::siginterrupt),
    ("strsignal", masks::strsignal),
    ("valid_signals", masks::valid_signals),
    ("pthread_sigmask", masks::pthread_sigmask),
    ("pthread_kill", masks::pthread_kill),
    ("sigpending", masks::sigpending),
    ("sigwait", masks::sigwait),
    ("alarm", timers::alarm),
    ("pause", timers::pause),
    ("setitimer", timers::setitimer),
    ("getitimer", timers::getitimer),
];

/// The signals by name (Linux's numbers), as `_signal` exports them.
const SIGNALS: &[(&str, i32)] = &[
    ("SIGHUP", libc::SIGHUP),
    ("SIGINT", libc::SIGINT),
    ("SIGQUIT", libc::SIGQUIT),
    ("SIGILL", libc::SIGILL),
    ("SIGTRAP", libc::SIGTRAP),
    ("SIGIOT", libc::SIGIOT),
    ("SIGABRT", libc::SIGABRT),
    ("SIGFPE", libc::SIGFPE),
    ("SIGKILL", libc::SIGKILL),
    ("SIGBUS", libc::SIGBUS),
    ("SIGSEGV", libc::SIGSEGV),
    ("SIGSYS", libc::SIGSYS),
    ("SIGPIPE", libc::SIGPIPE),
    ("SIGALRM", libc::SIGALRM),
    ("SIGTERM", libc::SIGTERM),
    ("SIGUSR1", libc::SIGUSR1),
    ("SIGUSR2", libc::SIGUSR2),
    ("SIGCLD", libc::SIGCHLD),
    ("SIGCHLD", libc::SIGCHLD),
    ("SIGPWR", libc::SIGPWR),
    ("SIGIO", libc::SIGIO),
    ("SIGURG", libc::SIGURG),
    ("SIGWINCH", libc::SIGWINCH),
    ("SIGPOLL", libc::SIGPOLL),
    ("SIGSTOP", libc::SIGSTOP),
    ("SIGTSTP", libc::SIGTSTP),
    ("SIGCONT", libc::SIGCONT),
    ("SIGTTIN", libc::SIGTTIN),
    ("SIGTTOU", libc::SIGTTOU),
    ("SIGVTALRM", libc::SIGVTALRM),
    ("SIGPROF", libc::SIGPROF),
    ("SIGXCPU", libc::SIGXCPU),
    ("SIGXFSZ", libc::SIGXFSZ),
    ("SIGSTKFLT", libc::SIGSTKFLT),
];

const OTHER_CONSTANTS: &[(&str, i32)] = &[
    ("SIG_DFL", 0),
    ("SIG_IGN", 1),
    ("NSIG", NSIG as i32),
    ("SIG_BLOCK", libc::SIG_BLOCK),
    ("SIG_UNBLOCK", libc::SIG_UNBLOCK),
    ("SIG_SETMASK", libc::SIG_SETMASK),
    ("ITIMER_REAL", libc::ITIMER_REAL),
    ("ITIMER_VIRTUAL", libc::ITIMER_VIRTUAL),
    ("ITIMER_PROF", libc::ITIMER_PROF),
];

/// `_signal.ItimerError`, kept for `setitimer`/`getitimer`.
struct ItimerError(ObjRef);

/// Fill the `_signal` module and take over the table of Python handlers.
pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    add_functions(vm, module, FUNCTIONS);
    let constants: Vec<(&str, Value)> = SIGNALS
        .iter()
        .chain(OTHER_CONSTANTS)
        .map(|&(name, n)| (name, Value::Int(n.into())))
        .chain([
            ("SIGRTMIN", Value::Int(libc::SIGRTMIN().into())),
            ("SIGRTMAX", Value::Int(libc::SIGRTMAX().into())),
        ])
        .collect();
    add_values(vm, module, &constants);
    let os_error = vm.types().exc.os_error.clone();
    let itimer_error = new_exception_class(vm, "signal", "ItimerError", &os_error)?;
    add_values(
        vm,
        module,
        &[("ItimerError", Value::Obj(itimer_error.clone()))],
    );
    vm.set_native_state(ItimerError(itimer_error));
    let default_int = module
        .dict_obj()
        .and_then(|d| dict::get_str(&d, "default_int_handler"))
        .unwrap_or(Value::None);
    vm.set_native_state(PythonHandlers {
        table: RefCell::new(initial_handlers(default_int)),
    });
    Ok(())
}

/// What `getsignal` reports before Python changed anything: SIG_DFL/SIG_IGN for the
/// system's dispositions, `default_int_handler` for SIGINT when adder handles it,
/// None for handlers installed by someone else (as CPython).
fn initial_handlers(default_int: Value) -> Vec<Value> {
    (0..NSIG as i32)
        .map(|signal| match signals::os_disposition(signal) {
            _ if signal == 0 => Value::None,
            Some(Disposition::Default) => Value::Int(0),
            Some(Disposition::Ignore) => Value::Int(1),
            Some(Disposition::Python) if signal == libc::SIGINT => default_int.clone(),
            _ => Value::None,
        })
        .collect()
}

/// A signal number argument: a C int in `1..NSIG`, else "signal number out of range".
fn signal_number(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = crate::args::c_int_arg(vm, v)?;
    if n < 1 || n >= NSIG as i32 {
        return Err(vm.value_error("signal number out of range"));
    }
    Ok(n)
}

/// The handler table (set up when `_signal` was imported, which ran `init`).
fn handler_table(vm: &Vm) -> PyResult<std::rc::Rc<PythonHandlers>> {
    vm.native_state::<PythonHandlers>()
        .ok_or_else(|| vm.system_error("_signal is not initialised"))
}

/// The OSError for the `errno` the last failed call left.
fn last_os_error(vm: &Vm) -> adder_vm::PyErr {
    crate::posix::errors::last_error(vm, None)
}
