//! Setting and reading Python signal handlers (`signal`, `getsignal`), the default
//! SIGINT handler, the wakeup fd, `raise_signal` and `siginterrupt`.

use adder_vm::objects::function::Args;
use adder_vm::objects::iterators::is_callable;
use adder_vm::signals::{self, Disposition};
use adder_vm::{PyResult, Value, Vm};

use super::{handler_table, last_os_error, signal_number};
use crate::arity;

/// Python handlers can be set only where they run (CPython's message).
fn require_main_thread(vm: &Vm, what: &str) -> PyResult<()> {
    if vm.thread.is_main {
        Ok(())
    } else {
        Err(vm.value_error(format!(
            "{what} only works in main thread of the main interpreter"
        )))
    }
}

/// `signal(signalnum, handler)`: install `handler` (SIG_DFL, SIG_IGN or a callable)
/// and return the previous Python handler.
pub fn signal(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [signum, handler] = arity::positional(vm, &args, "signal", "signal", 2, 2)? else {
        return Err(vm.system_error("signal: bad arguments"));
    };
    require_main_thread(vm, "signal")?;
    let signum = signal_number(vm, signum)?;
    let disposition =
        if is_callable(vm, handler) {
            Disposition::Python
        } else {
            match handler {
                Value::Int(1) => Disposition::Ignore,
                Value::Int(0) => Disposition::Default,
                _ => return Err(vm.type_error(
                    "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
                )),
            }
        };
    // Handle what already arrived under the old handler first, as CPython.
    vm.check_signals()?;
    if signals::set_os_disposition(signum, disposition).is_err() {
        return Err(last_os_error(vm));
    }
    let table = handler_table(vm)?;
    let mut table = table.table.borrow_mut();
    let slot = table
        .get_mut(signum as usize)
        .ok_or_else(|| vm.system_error("signal table too small"))?;
    Ok(std::mem::replace(slot, handler.clone()))
}

/// `getsignal(signalnum)`: the Python handler (None if not set from Python).
pub fn getsignal(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let signum = arity::one(vm, &args, "getsignal")?;
    let signum = signal_number(vm, signum)?;
    let table = handler_table(vm)?;
    let handler = table.table.borrow().get(signum as usize).cloned();
    Ok(handler.unwrap_or(Value::None))
}

/// `default_int_handler(signalnum, frame)`: SIGINT's handler, KeyboardInterrupt.
pub fn default_int_handler(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity::positional(
        vm,
        &args,
        "default_int_handler",
        "default_int_handler",
        2,
        2,
    )?;
    let keyboard_interrupt = vm.types().exc.keyboard_interrupt.clone();
    Err(adder_vm::PyErr(
        vm.new_exception(&keyboard_interrupt, vec![]),
    ))
}

/// `set_wakeup_fd(fd, /, *, warn_on_full_buffer=True)`: the fd the C handler writes
/// each signal's number to (-1: none); returns the previous one. The fd must be
/// non-blocking, so that a full pipe never blocks the handler.
pub fn set_wakeup_fd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let sig = crate::arity::Signature {
        name: "set_wakeup_fd",
        names: &["fd", "warn_on_full_buffer"],
        posonly: 1,
        required: 1,
        max_positional: 1,
    };
    let slots = arity::bind(vm, &args, &sig)?;
    let fd_arg = slots.first().cloned().flatten().unwrap_or(Value::None);
    let fd = crate::args::c_int_arg(vm, &fd_arg)?;
    require_main_thread(vm, "set_wakeup_fd")?;
    if fd != -1 {
        check_nonblocking(vm, fd)?;
    }
    Ok(Value::Int(signals::set_wakeup_fd(fd).into()))
}

/// `fd` is open (else OSError) and non-blocking (else ValueError).
fn check_nonblocking(vm: &Vm, fd: i32) -> PyResult<()> {
    // SAFETY: F_GETFL on any integer is safe; a bad fd is reported through errno.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags < 0 {
        return Err(last_os_error(vm));
    }
    if flags & libc::O_NONBLOCK == 0 {
        return Err(vm.value_error(format!("the fd {fd} must be in non-blocking mode")));
    }
    Ok(())
}

/// `raise_signal(signalnum)`: send a signal to this process; its Python handler runs
/// before this returns.
pub fn raise_signal(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let signum = arity::one(vm, &args, "raise_signal")?;
    let signum = crate::args::c_int_arg(vm, signum)?;
    // SAFETY: raise(3) with any int; an invalid number is reported through errno.
    if unsafe { libc::raise(signum) } != 0 {
        return Err(last_os_error(vm));
    }
    vm.check_signals()?;
    Ok(Value::None)
}

/// `siginterrupt(signalnum, flag)`: whether the signal interrupts system calls (true)
/// or they restart (false, `SA_RESTART`).
pub fn siginterrupt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [signum, flag] = arity::positional(vm, &args, "siginterrupt", "siginterrupt", 2, 2)? else {
        return Err(vm.system_error("siginterrupt: bad arguments"));
    };
    let signum = signal_number(vm, signum)?;
    let flag = crate::args::c_int_arg(vm, flag)?;
    // SAFETY: read-modify-write of the signal's action with valid structures.
    let rc = unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        let mut rc = libc::sigaction(signum, std::ptr::null(), &mut action);
        if rc == 0 {
            if flag != 0 {
                action.sa_flags &= !libc::SA_RESTART;
            } else {
                action.sa_flags |= libc::SA_RESTART;
            }
            rc = libc::sigaction(signum, &action, std::ptr::null_mut());
        }
        rc
    };
    if rc != 0 {
        return Err(last_os_error(vm));
    }
    Ok(Value::None)
}
