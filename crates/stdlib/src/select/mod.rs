//! The `select` module (CPython's `Modules/selectmodule.c`): waiting until file
//! descriptors are ready, with `select()` and `poll` objects. Blocking calls
//! interrupted by a signal run its Python handler and retry (PEP 475).

mod poll;
mod select_fn;

use adder_vm::native_module::{add_functions, add_values};
use adder_vm::object::ObjRef;
use adder_vm::objects::function::NativeFn;
use adder_vm::{PyResult, Value, Vm};

const FUNCTIONS: &[(&str, NativeFn)] = &[("select", select_fn::select), ("poll", poll::poll)];

const CONSTANTS: &[(&str, i64)] = &[
    ("POLLIN", libc::POLLIN as i64),
    ("POLLPRI", libc::POLLPRI as i64),
    ("POLLOUT", libc::POLLOUT as i64),
    ("POLLERR", libc::POLLERR as i64),
    ("POLLHUP", libc::POLLHUP as i64),
    ("POLLNVAL", libc::POLLNVAL as i64),
    ("POLLRDNORM", libc::POLLRDNORM as i64),
    ("POLLRDBAND", libc::POLLRDBAND as i64),
    ("POLLWRNORM", libc::POLLWRNORM as i64),
    ("POLLWRBAND", libc::POLLWRBAND as i64),
    ("POLLMSG", 0x400),
    ("POLLRDHUP", libc::POLLRDHUP as i64),
    ("PIPE_BUF", libc::PIPE_BUF as i64),
];

/// Fill the `select` module. `error` is OSError, as in CPython.
pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    add_functions(vm, module, FUNCTIONS);
    let mut values: Vec<(&str, Value)> = CONSTANTS
        .iter()
        .map(|&(name, n)| (name, Value::Int(n)))
        .collect();
    values.push(("error", Value::Obj(vm.types().exc.os_error.clone())));
    add_values(vm, module, &values);
    poll::init(vm);
    Ok(())
}

/// Whether the last failed call was interrupted by a signal (then the caller runs
/// the handlers and retries).
fn interrupted() -> bool {
    crate::posix::errors::last_errno() == libc::EINTR
}
