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

/// Run a blocking wait (`select`, `poll`) without the GIL, so that other threads run
/// meanwhile: the call's result and, when it failed, its errno (read before the GIL
/// is taken back, whose own waits may change it).
fn wait_without_gil(vm: &mut Vm, wait: impl FnOnce() -> i32 + Send) -> (i32, i32) {
    vm.allow_threads(|| {
        let n = wait();
        (
            n,
            if n < 0 {
                adder_vm::gil::last_errno()
            } else {
                0
            },
        )
    })
}
