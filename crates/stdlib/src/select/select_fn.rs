//! `select.select(rlist, wlist, xlist[, timeout])` over the C `select(2)`.

use adder_vm::objects::function::Args;
use adder_vm::{PyResult, Value, Vm};

use crate::arity;
use crate::file_descriptor::as_file_descriptor;
use crate::pytime::{timeout_ns, Deadline, NS_PER_SECOND};

/// One of the three lists: the objects and their descriptors, in order.
struct Watched {
    objects: Vec<Value>,
    fds: Vec<i32>,
}

impl Watched {
    fn from_sequence(vm: &mut Vm, seq: &Value) -> PyResult<Watched> {
        let objects = vm.collect_iterable(seq).map_err(|e| {
            if vm.is_instance(&Value::Obj(e.0.clone()), &vm.types().exc.type_error.clone()) {
                vm.type_error("arguments 1-3 must be sequences")
            } else {
                e
            }
        })?;
        let mut fds = Vec::with_capacity(objects.len());
        for (index, obj) in objects.iter().enumerate() {
            if index >= libc::FD_SETSIZE {
                return Err(vm.value_error("too many file descriptors in select()"));
            }
            let fd = as_file_descriptor(vm, obj)?;
            if fd as usize >= libc::FD_SETSIZE {
                return Err(vm.value_error("filedescriptor out of range in select()"));
            }
            fds.push(fd);
        }
        Ok(Watched { objects, fds })
    }

    fn to_fd_set(&self) -> libc::fd_set {
        // SAFETY: FD_ZERO initialises the zeroed set; every fd is below FD_SETSIZE.
        unsafe {
            let mut set: libc::fd_set = std::mem::zeroed();
            libc::FD_ZERO(&mut set);
            for &fd in &self.fds {
                libc::FD_SET(fd, &mut set);
            }
            set
        }
    }

    /// The objects whose descriptor is in `set`, as a list.
    fn ready(&self, vm: &Vm, set: &libc::fd_set) -> Value {
        let ready: Vec<Value> = self
            .objects
            .iter()
            .zip(&self.fds)
            // SAFETY: `set` is initialised and `fd` is below FD_SETSIZE.
            .filter(|(_, &fd)| unsafe { libc::FD_ISSET(fd, set) })
            .map(|(obj, _)| obj.clone())
            .collect();
        vm.new_list(ready)
    }

    fn max_fd(&self) -> i32 {
        self.fds.iter().copied().max().unwrap_or(-1)
    }
}

/// `select(rlist, wlist, xlist[, timeout])`: the objects of each list that are ready
/// to read, to write, or have an exceptional condition; waits at most `timeout`
/// seconds (None: forever).
pub fn select(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = arity::positional(vm, &args, "select", "select", 3, 4)?;
    let timeout = match pos.get(3) {
        None | Some(Value::None) => None,
        Some(v) => {
            let ns = timeout_ns(vm, v, NS_PER_SECOND, "timeout must be a float or None")?;
            if ns < 0 {
                return Err(vm.value_error("timeout must be non-negative"));
            }
            Some(ns)
        }
    };
    let mut lists = Vec::with_capacity(3);
    for seq in pos.iter().take(3) {
        lists.push(Watched::from_sequence(vm, seq)?);
    }
    let nfds = lists.iter().map(Watched::max_fd).max().unwrap_or(-1) + 1;
    let deadline = Deadline::after(timeout);
    loop {
        let mut sets: Vec<libc::fd_set> = lists.iter().map(Watched::to_fd_set).collect();
        let mut tv = deadline.remaining().map(|d| libc::timeval {
            tv_sec: d.as_secs() as libc::time_t,
            tv_usec: d.subsec_micros() as libc::suseconds_t,
        });
        let [r, w, x] = &mut sets[..] else {
            return Err(vm.system_error("select: three sets expected"));
        };
        let (n, errno) = super::wait_without_gil(vm, || {
            let tv_ptr = tv
                .as_mut()
                .map_or(std::ptr::null_mut(), |t| t as *mut libc::timeval);
            // SAFETY: the sets are initialised and hold descriptors below `nfds`.
            unsafe { libc::select(nfds, r, w, x, tv_ptr) }
        });
        if n >= 0 {
            let ready: Vec<Value> = lists
                .iter()
                .zip(&sets)
                .map(|(list, set)| list.ready(vm, set))
                .collect();
            return Ok(vm.new_tuple(ready));
        }
        if errno != libc::EINTR {
            return Err(crate::posix::errors::errno_error(vm, errno, None, None));
        }
        vm.check_signals()?;
    }
}
