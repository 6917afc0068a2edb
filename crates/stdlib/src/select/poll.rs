//! `select.poll()` objects over the C `poll(2)`: a set of registered descriptors with
//! event masks, kept in registration order (CPython keeps them in a dict).

use std::cell::{Cell, RefCell};

use adder_vm::native_module::{new_native_type, NativeObject, NativeTypeSpec};
use adder_vm::object::ObjRef;
use adder_vm::objects::function::Args;
use adder_vm::protocol::number::as_int;
use adder_vm::{PyResult, Value, Vm};

use crate::arity;
use crate::file_descriptor::as_file_descriptor;
use crate::pytime::{timeout_ns, Deadline, NS_PER_MILLISECOND};

struct Poll {
    /// `(fd, eventmask)` in registration order; re-registering keeps the position.
    registered: RefCell<Vec<(i32, i16)>>,
    /// A thread is in `poll()` on this object (CPython refuses a second one).
    polling: Cell<bool>,
}

impl NativeObject for Poll {}

const TYPE_NAME: &str = "select.poll";

/// The `select.poll` type, kept to make instances.
struct PollType(ObjRef);

/// Make the type; the module exports only the `poll()` function that makes instances
/// (as CPython).
pub fn init(vm: &mut Vm) {
    let ty = new_native_type(
        vm,
        NativeTypeSpec {
            name: "poll",
            module: "select",
            base: None,
            new: None,
            init: None,
            methods: &[
                ("register", register),
                ("modify", modify),
                ("unregister", unregister),
                ("poll", poll_method),
            ],
            subclassable: false,
        },
    );
    vm.set_native_state(PollType(ty));
}

/// `select.poll()`: a new, empty polling object.
pub fn poll(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.pos().is_empty() {
        return Err(vm.type_error(format!(
            "select.poll() takes no arguments ({} given)",
            args.pos().len()
        )));
    }
    arity::no_keywords(vm, &args, "select.poll")?;
    let ty = vm
        .native_state::<PollType>()
        .ok_or_else(|| vm.system_error("select is not initialised"))?;
    Ok(vm.new_native_instance(
        &ty.0,
        Poll {
            registered: RefCell::new(Vec::new()),
            polling: Cell::new(false),
        },
    ))
}

fn this<'a>(vm: &Vm, args: &'a Args, method: &str) -> PyResult<&'a Poll> {
    vm.native_self::<Poll>(args, method, TYPE_NAME)
}

/// An event mask: a C `unsigned short`, with CPython's messages.
fn event_mask(vm: &mut Vm, v: &Value) -> PyResult<i16> {
    if as_int(v).is_none() {
        return Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        )));
    }
    let big = crate::number_args::to_index(vm, v)?;
    if big < adder_numeric::BigInt::from(0) {
        return Err(vm.value_error("Cannot convert negative int"));
    }
    let mask = u16::try_from(&big)
        .map_err(|_| vm.overflow_error("Python int too large for C unsigned short"))?;
    Ok(mask as i16)
}

/// `register(fd, eventmask=POLLIN|POLLPRI|POLLOUT, /)`.
fn register(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = arity::positional(vm, &args, "register", "register", 2, 3)?;
    let fd = as_file_descriptor(vm, &pos[1])?;
    let mask = match pos.get(2) {
        Some(v) => event_mask(vm, v)?,
        None => libc::POLLIN | libc::POLLPRI | libc::POLLOUT,
    };
    let p = this(vm, &args, "register")?;
    let mut fds = p.registered.borrow_mut();
    match fds.iter_mut().find(|(f, _)| *f == fd) {
        Some(entry) => entry.1 = mask,
        None => fds.push((fd, mask)),
    }
    Ok(Value::None)
}

/// `modify(fd, eventmask, /)`: change a registered descriptor's mask (ENOENT if not).
fn modify(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = arity::positional(vm, &args, "modify", "modify", 3, 3)?;
    let fd = as_file_descriptor(vm, &pos[1])?;
    let mask = event_mask(vm, &pos[2])?;
    let p = this(vm, &args, "modify")?;
    let mut fds = p.registered.borrow_mut();
    match fds.iter_mut().find(|(f, _)| *f == fd) {
        Some(entry) => entry.1 = mask,
        None => {
            return Err(crate::posix::errors::errno_error(
                vm,
                libc::ENOENT,
                None,
                None,
            ))
        }
    }
    Ok(Value::None)
}

/// `unregister(fd, /)`: KeyError if not registered.
fn unregister(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = arity::positional(vm, &args, "unregister", "unregister", 2, 2)?;
    let fd = as_file_descriptor(vm, &pos[1])?;
    let p = this(vm, &args, "unregister")?;
    let mut fds = p.registered.borrow_mut();
    match fds.iter().position(|(f, _)| *f == fd) {
        Some(i) => {
            fds.remove(i);
            Ok(Value::None)
        }
        None => Err(vm.key_error(Value::Int(fd.into()))),
    }
}

/// `poll(timeout=None, /)`: `[(fd, revents), ...]` for the ready descriptors; the
/// timeout is in milliseconds, None or negative waits forever.
fn poll_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = arity::positional(vm, &args, "poll", "poll", 1, 2)?;
    let timeout = match pos.get(1) {
        None | Some(Value::None) => None,
        Some(v) => {
            let ns = timeout_ns(
                vm,
                v,
                NS_PER_MILLISECOND,
                "timeout must be an integer or None",
            )?;
            (ns >= 0).then_some(ns)
        }
    };
    let state = this(vm, &args, "poll")?;
    if state.polling.get() {
        return Err(vm.runtime_error("concurrent poll() invocation"));
    }
    let mut pollfds: Vec<libc::pollfd> = state
        .registered
        .borrow()
        .iter()
        .map(|&(fd, events)| libc::pollfd {
            fd,
            events,
            revents: 0,
        })
        .collect();
    state.polling.set(true);
    let polled = wait_for_events(vm, &mut pollfds, Deadline::after(timeout));
    state.polling.set(false);
    polled?;
    let ready: Vec<Value> = pollfds
        .iter()
        .filter(|p| p.revents != 0)
        .map(|p| {
            vm.new_tuple(vec![
                Value::Int(p.fd.into()),
                Value::Int((p.revents as u16).into()),
            ])
        })
        .collect();
    Ok(vm.new_list(ready))
}

/// `poll(2)` on `pollfds` until an event or the deadline, without the GIL; after a
/// signal its handlers run and the wait goes on for the rest of the time.
fn wait_for_events(vm: &mut Vm, pollfds: &mut [libc::pollfd], deadline: Deadline) -> PyResult<()> {
    loop {
        let ms = deadline.remaining().map_or(-1, |d| {
            // Round up so that a sub-millisecond timeout still waits.
            let ms = d.as_nanos().div_ceil(1_000_000);
            ms.min(i32::MAX as u128) as i32
        });
        let (n, errno) = super::wait_without_gil(vm, || {
            // SAFETY: `pollfds` is a valid array of its length.
            unsafe { libc::poll(pollfds.as_mut_ptr(), pollfds.len() as libc::nfds_t, ms) }
        });
        if n >= 0 {
            return Ok(());
        }
        if errno != libc::EINTR {
            return Err(crate::posix::errors::errno_error(vm, errno, None, None));
        }
        vm.check_signals()?;
    }
}
