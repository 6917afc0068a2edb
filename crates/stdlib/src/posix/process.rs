//! The process and the system: ids, `kill`, `waitpid`, `_exit`, `uname`, `cpu_count`,
//! `urandom`, `strerror`, the environment (`environ`, `putenv`, `unsetenv`), `times`.

use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;

use adder_vm::object::{ObjRef, Payload};
use adder_vm::objects::bytes::new_bytes;
use adder_vm::objects::dict;
use adder_vm::objects::function::Args;
use adder_vm::{PyResult, Value, Vm};

use super::dirs::c_bytes;
use super::errors::{last_error, strerror as c_strerror};
use super::path::fspath;
use super::state;
use crate::args::{c_int_arg, positional};
use crate::structseq;

/// A function of no arguments returning a number from the C library.
macro_rules! id_getters {
    ($($name:ident => $call:expr),* $(,)?) => {
        $(
            #[doc = concat!("`os.", stringify!($name), "()`.")]
            pub fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
                positional(vm, &args, stringify!($name), 0, 0)?;
                // SAFETY: these calls only read process attributes.
                Ok(Value::Int(i64::from(unsafe { $call })))
            }
        )*
    };
}

id_getters! {
    getpid => libc::getpid(),
    getppid => libc::getppid(),
    getuid => libc::getuid(),
    geteuid => libc::geteuid(),
    getgid => libc::getgid(),
    getegid => libc::getegid(),
    getpgrp => libc::getpgrp(),
}

/// `os.kill(pid, signal)`.
pub fn kill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [pid, sig] = positional(vm, &args, "kill", 2, 2)? else {
        return Err(vm.type_error("kill expected 2 arguments"));
    };
    // CPython 3.14: `pid: pid_t, signal: Py_ssize_t`, the signal then cast to int
    // (an out-of-range signal becomes some invalid one and fails with EINVAL).
    let pid = c_int_arg(vm, pid)?;
    let sig = crate::number_args::to_ssize(vm, sig)? as i32;
    // SAFETY: kill has no memory effects.
    if unsafe { libc::kill(pid, sig) } != 0 {
        return Err(last_error(vm, None));
    }
    // A signal sent to this process is handled before the call returns (CPython's
    // eval breaker runs right after a call to a built-in).
    vm.check_signals()?;
    Ok(Value::None)
}

/// `os.waitpid(pid, options)`: `(pid, status)`.
pub fn waitpid(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [pid, options] = positional(vm, &args, "waitpid", 2, 2)? else {
        return Err(vm.type_error("waitpid expected 2 arguments"));
    };
    let (pid, options) = (c_int_arg(vm, pid)?, c_int_arg(vm, options)?);
    let mut status = 0;
    // SAFETY: waitpid writes one int.
    let got = unsafe { libc::waitpid(pid, &mut status, options) };
    if got < 0 {
        return Err(last_error(vm, None));
    }
    Ok(vm.new_tuple(vec![Value::Int(got.into()), Value::Int(status.into())]))
}

/// `os.waitstatus_to_exitcode(status)`.
pub fn waitstatus_to_exitcode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [status] = positional(vm, &args, "waitstatus_to_exitcode", 1, 1)? else {
        return Err(vm.type_error("waitstatus_to_exitcode expected 1 argument"));
    };
    let status = c_int_arg(vm, status)?;
    if libc::WIFEXITED(status) {
        return Ok(Value::Int(libc::WEXITSTATUS(status).into()));
    }
    if libc::WIFSIGNALED(status) {
        return Ok(Value::Int(-i64::from(libc::WTERMSIG(status))));
    }
    Err(vm.value_error(format!("invalid wait status: {status}")))
}

/// `os._exit(n)`: leave at once, without cleanup.
pub fn exit_now(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [code] = positional(vm, &args, "_exit", 1, 1)? else {
        return Err(vm.type_error("_exit expected 1 argument"));
    };
    let code = c_int_arg(vm, code)?;
    vm.flush_stdout();
    // SAFETY: _exit never returns and touches no Rust state.
    unsafe { libc::_exit(code) }
}

/// `os.uname()`.
pub fn uname(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "uname", 0, 0)?;
    // SAFETY: an all-zero utsname is a valid value for uname to fill.
    let mut info: libc::utsname = unsafe { std::mem::zeroed() };
    // SAFETY: uname fills the struct.
    if unsafe { libc::uname(&mut info) } != 0 {
        return Err(last_error(vm, None));
    }
    let fields = [
        &info.sysname,
        &info.nodename,
        &info.release,
        &info.version,
        &info.machine,
    ];
    let values = fields
        .iter()
        .map(|f| vm.new_str(&String::from_utf8_lossy(&c_bytes(f.as_ptr()))))
        .collect();
    let ty = state(vm)?.uname_result.clone();
    structseq::new_instance(vm, &ty, values)
}

/// `os.times()`.
pub fn times(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "times", 0, 0)?;
    // SAFETY: an all-zero tms is valid for times to fill.
    let mut t: libc::tms = unsafe { std::mem::zeroed() };
    // SAFETY: times fills the struct.
    let elapsed = unsafe { libc::times(&mut t) };
    // SAFETY: sysconf has no memory effects.
    let ticks = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as f64;
    let values = [
        t.tms_utime,
        t.tms_stime,
        t.tms_cutime,
        t.tms_cstime,
        elapsed,
    ]
    .iter()
    .map(|&v| Value::Float(v as f64 / ticks))
    .collect();
    let ty = state(vm)?.times_result.clone();
    structseq::new_instance(vm, &ty, values)
}

/// `os.cpu_count()`.
pub fn cpu_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "cpu_count", 0, 0)?;
    Ok(match std::thread::available_parallelism() {
        Ok(n) => Value::Int(n.get() as i64),
        Err(_) => Value::None,
    })
}

/// `os.urandom(size)`.
pub fn urandom(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [size] = positional(vm, &args, "urandom", 1, 1)? else {
        return Err(vm.type_error("urandom expected 1 argument"));
    };
    let size = crate::number_args::to_ssize(vm, size)?;
    if size < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    // Fallible: `urandom(2**62)` is CPython's MemoryError, not an abort.
    let mut buf = crate::native_util::zeroed_buffer(vm, size as usize)?;
    let mut filled = 0;
    while filled < buf.len() {
        // SAFETY: the pointer and length stay inside the buffer.
        let n =
            unsafe { libc::getrandom(buf[filled..].as_mut_ptr().cast(), buf.len() - filled, 0) };
        if n < 0 {
            if super::errors::last_errno() == libc::EINTR {
                continue;
            }
            return Err(last_error(vm, None));
        }
        filled += n as usize;
    }
    Ok(new_bytes(vm, buf))
}

/// `os.strerror(code)`.
pub fn strerror(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [code] = positional(vm, &args, "strerror", 1, 1)? else {
        return Err(vm.type_error("strerror expected 1 argument"));
    };
    let code = c_int_arg(vm, code)?;
    Ok(vm.new_str(&c_strerror(code)))
}

/// `posix.environ`: the environment at start-up as a dict of bytes to bytes (`os.py`
/// decodes it into `os.environ`).
pub fn environ(vm: &mut Vm) -> PyResult<ObjRef> {
    let d = vm.new_dict();
    for (k, v) in std::env::vars_os() {
        let key = new_bytes(vm, k.as_bytes().to_vec());
        let value = new_bytes(vm, v.as_bytes().to_vec());
        dict::set_item(vm, &d, key, value)?;
    }
    Ok(d)
}

/// An environment name or value argument as a C string.
fn env_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<CString> {
    let v = fspath(vm, v)?;
    let raw = match v.payload() {
        Some(Payload::Str(s)) => adder_vm::objects::codecs::fs_encode(vm, s, &v)?,
        Some(Payload::Bytes(b)) => b.to_vec(),
        _ => return Err(vm.type_error(format!("{what} must be str or bytes"))),
    };
    CString::new(raw).map_err(|_| vm.value_error("embedded null byte"))
}

/// `os.putenv(name, value)`.
pub fn putenv(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [name, value] = positional(vm, &args, "putenv", 2, 2)? else {
        return Err(vm.type_error("putenv expected 2 arguments"));
    };
    let name = env_arg(vm, name, "name")?;
    if name.as_bytes().is_empty() || name.as_bytes().contains(&b'=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    let value = env_arg(vm, value, "value")?;
    // SAFETY: two NUL-terminated strings; the VM runs Python on one thread.
    if unsafe { libc::setenv(name.as_ptr(), value.as_ptr(), 1) } != 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::None)
}

/// `os.unsetenv(name)`.
pub fn unsetenv(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [name] = positional(vm, &args, "unsetenv", 1, 1)? else {
        return Err(vm.type_error("unsetenv expected 1 argument"));
    };
    let name = env_arg(vm, name, "name")?;
    if name.as_bytes().is_empty() || name.as_bytes().contains(&b'=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    // SAFETY: a NUL-terminated string; the VM runs Python on one thread.
    if unsafe { libc::unsetenv(name.as_ptr()) } != 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::None)
}
