//! File descriptors: `os.open`, `read`, `write`, `close`, `lseek`, `pipe`, `dup`,
//! `dup2`, `isatty`, `fsync`, `ftruncate`, `get_terminal_size`, `device_encoding`,
//! inheritable and blocking flags.

use adder_vm::objects::bytes::new_bytes;
use adder_vm::objects::function::Args;
use adder_vm::{PyResult, Value, Vm};

use super::errors::last_error;
use super::path::bind;
use super::path::path_arg;
use super::state;
use crate::args::{bool_arg, bytes_arg, int_arg, positional, Params};
use crate::structseq;

/// An fd argument as the C type, OverflowError when out of range.
pub fn c_fd(vm: &Vm, fd: i64) -> PyResult<i32> {
    i32::try_from(fd).map_err(|_| {
        vm.overflow_error(if fd < 0 {
            "fd is less than minimum"
        } else {
            "fd is greater than maximum"
        })
    })
}

/// A plain descriptor argument (CPython's `fildes` converter, `PyLong_AsInt`):
/// out of C int range either way is "too large", unlike a path argument's fd.
pub(crate) fn fd_arg(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let too_large = |vm: &Vm| vm.overflow_error("Python int too large to convert to C int");
    if let Some(adder_vm::protocol::number::IntRef::Big(_)) = adder_vm::protocol::number::as_int(v)
    {
        return Err(too_large(vm));
    }
    let fd = int_arg(vm, v)?;
    i32::try_from(fd).map_err(|_| too_large(vm))
}

/// Check a C call's result: `-1` means errno tells what failed.
fn check(vm: &Vm, result: i64) -> PyResult<i64> {
    if result == -1 {
        Err(last_error(vm, None))
    } else {
        Ok(result)
    }
}

/// `os.open(path, flags, mode=0o777, *, dir_fd=None)`; new fds are non-inheritable.
pub fn open(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind(
        vm,
        &args,
        &Params {
            func: "open",
            names: &["path", "flags", "mode", "dir_fd"],
            required: 2,
            positional: 3,
        },
    )?;
    let path_value = a[0].clone().unwrap_or(Value::None);
    let p = path_arg(vm, "open", "path", &path_value)?;
    let flags = crate::args::opt_c_int(vm, a[1].as_ref(), 0)? | libc::O_CLOEXEC;
    let mode = crate::args::opt_c_int(vm, a[2].as_ref(), 0o777)? as libc::c_uint;
    // SAFETY: a NUL-terminated path; open reports failures through errno.
    let fd = unsafe { libc::open(p.c_path.as_ptr(), flags, mode) };
    if fd < 0 {
        return Err(last_error(vm, Some(&p.original)));
    }
    Ok(Value::Int(fd.into()))
}

/// `os.read(fd, length)`.
pub fn read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd, n] = positional(vm, &args, "read", 2, 2)? else {
        return Err(vm.type_error("read expected 2 arguments"));
    };
    let fd = fd_arg(vm, fd)?;
    let n = crate::number_args::to_ssize(vm, n)?;
    if n < 0 {
        return Err(super::errors::errno_error(vm, libc::EINVAL, None, None));
    }
    let data = read_fd(vm, fd, n as usize)?;
    Ok(new_bytes(vm, data))
}

/// Read up to `n` bytes from `fd` (one `read` call, made again after EINTR once the
/// signal handlers ran).
///
/// `n` comes from the caller (`os.read(fd, 2**40)`): the buffer is reserved
/// fallibly, so an impossible size raises MemoryError as in CPython instead of
/// aborting, and it is not zero-filled, so a large request for a short read does
/// not touch pages it never uses.
///
/// The read may block (a pipe, a terminal), so it runs without the GIL and other
/// threads go on meanwhile (a thread writing the other end of the pipe, for one).
/// Only the buffer, which no one else sees, is touched then; it is neither grown nor
/// freed there (the allocator's pools belong to the GIL holder).
pub fn read_fd(vm: &mut Vm, fd: i32, n: usize) -> PyResult<Vec<u8>> {
    let mut buf = Vec::new();
    read_fd_append(vm, fd, &mut buf, n)?;
    Ok(buf)
}

/// Read at most `n` bytes from `fd` onto the end of `buf` (one `read` call, without
/// the GIL): the count read, 0 at the end of the file.
pub fn read_fd_append(vm: &mut Vm, fd: i32, buf: &mut Vec<u8>, n: usize) -> PyResult<usize> {
    if buf.try_reserve(n).is_err() {
        return Err(crate::native_util::memory_error(vm));
    }
    // An address, not a pointer, so that the call may cross to the GIL-free side.
    let end = buf.as_mut_ptr() as usize + buf.len();
    // SAFETY: `end` starts the vector's spare capacity, at least `n` bytes; read()
    // writes at most `n`.
    let got = vm.blocking_call(|| unsafe { libc::read(fd, end as *mut libc::c_void, n) })?;
    match got {
        Ok(got) => {
            // SAFETY: the kernel initialised the next `got` (<= n) bytes.
            unsafe { buf.set_len(buf.len() + got as usize) };
            Ok(got as usize)
        }
        Err(errno) => Err(super::errors::errno_error(vm, errno, None, None)),
    }
}

/// Write some of `data` to `fd` (one `write` call, made again after EINTR once the
/// signal handlers ran): the count written. The write may block (a full pipe), so it
/// runs without the GIL; `data` belongs to the caller, which keeps it alive and
/// unchanged meanwhile.
pub fn write_fd(vm: &mut Vm, fd: i32, data: &[u8]) -> PyResult<usize> {
    // SAFETY: the pointer and length describe `data`.
    let n = vm.blocking_call(|| unsafe { libc::write(fd, data.as_ptr().cast(), data.len()) })?;
    n.map(|n| n as usize)
        .map_err(|errno| super::errors::errno_error(vm, errno, None, None))
}

/// `os.write(fd, data)`.
pub fn write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd, data] = positional(vm, &args, "write", 2, 2)? else {
        return Err(vm.type_error("write expected 2 arguments"));
    };
    let fd = fd_arg(vm, fd)?;
    let data = bytes_arg(vm, data)?;
    Ok(Value::Int(write_fd(vm, fd, data)? as i64))
}

/// `os.close(fd)`.
pub fn close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd] = positional(vm, &args, "close", 1, 1)? else {
        return Err(vm.type_error("close expected 1 argument"));
    };
    let fd = fd_arg(vm, fd)?;
    // SAFETY: closing an integer fd; errors come back through errno.
    check(vm, unsafe { libc::close(fd) }.into())?;
    Ok(Value::None)
}

/// `os.closerange(fd_low, fd_high)`: close every fd in the range, ignoring errors.
pub fn closerange(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [low, high] = positional(vm, &args, "closerange", 2, 2)? else {
        return Err(vm.type_error("closerange expected 2 arguments"));
    };
    let (low, high) = (fd_arg(vm, low)?, fd_arg(vm, high)?);
    for fd in low.max(0)..high {
        // SAFETY: closing fds; failures are ignored as CPython does.
        unsafe { libc::close(fd) };
    }
    Ok(Value::None)
}

/// `os.lseek(fd, position, whence)`.
pub fn lseek(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd, pos, how] = positional(vm, &args, "lseek", 3, 3)? else {
        return Err(vm.type_error("lseek expected 3 arguments"));
    };
    let fd = fd_arg(vm, fd)?;
    // `how` is a C int: out of range is an OverflowError, not a truncated whence.
    let (pos, how) = (int_arg(vm, pos)?, crate::args::c_int_arg(vm, how)?);
    Ok(Value::Int(seek_fd(vm, fd, pos, how)?))
}

/// `lseek` for native callers.
pub fn seek_fd(vm: &Vm, fd: i32, pos: i64, whence: i32) -> PyResult<i64> {
    // SAFETY: lseek has no memory effects; errors come back through errno.
    check(vm, unsafe { libc::lseek(fd, pos, whence) })
}

/// `os.pipe()`: two non-inheritable fds `(read_end, write_end)`.
pub fn pipe(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "pipe", 0, 0)?;
    let mut fds = [0i32; 2];
    // SAFETY: pipe2 writes two ints into the array.
    check(
        vm,
        unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) }.into(),
    )?;
    Ok(vm.new_tuple(vec![Value::Int(fds[0].into()), Value::Int(fds[1].into())]))
}

/// `os.dup(fd)`: a non-inheritable duplicate.
pub fn dup(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd] = positional(vm, &args, "dup", 1, 1)? else {
        return Err(vm.type_error("dup expected 1 argument"));
    };
    let fd = fd_arg(vm, fd)?;
    // SAFETY: fcntl(F_DUPFD_CLOEXEC) has no memory effects.
    let new = check(
        vm,
        unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) }.into(),
    )?;
    Ok(Value::Int(new))
}

/// `os.dup2(fd, fd2, inheritable=True)`.
pub fn dup2(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind(
        vm,
        &args,
        &Params {
            func: "dup2",
            names: &["fd", "fd2", "inheritable"],
            required: 2,
            positional: 3,
        },
    )?;
    let fd = fd_arg(vm, a[0].as_ref().unwrap_or(&Value::None))?;
    let fd2 = fd_arg(vm, a[1].as_ref().unwrap_or(&Value::None))?;
    let inheritable = bool_arg(vm, a[2].as_ref(), true)?;
    let flags = if inheritable { 0 } else { libc::O_CLOEXEC };
    // SAFETY: dup2/dup3 have no memory effects.
    let new = if fd == fd2 || flags == 0 {
        unsafe { libc::dup2(fd, fd2) }
    } else {
        unsafe { libc::dup3(fd, fd2, flags) }
    };
    Ok(Value::Int(check(vm, new.into())?))
}

/// `os.isatty(fd)`.
pub fn isatty(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd] = positional(vm, &args, "isatty", 1, 1)? else {
        return Err(vm.type_error("isatty expected 1 argument"));
    };
    let fd = fd_arg(vm, fd)?;
    // SAFETY: isatty has no memory effects.
    Ok(Value::Bool(unsafe { libc::isatty(fd) } == 1))
}

/// `os.fsync(fd)` (also accepts an object with `fileno()`).
pub fn fsync(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd] = positional(vm, &args, "fsync", 1, 1)? else {
        return Err(vm.type_error("fsync expected 1 argument"));
    };
    let fd = match fd {
        Value::Int(_) => fd.clone(),
        other => crate::args::call_method(vm, other, "fileno", &[])?,
    };
    let fd = fd_arg(vm, &fd)?;
    // SAFETY: fsync has no memory effects.
    check(vm, unsafe { libc::fsync(fd) }.into())?;
    Ok(Value::None)
}

/// `os.ftruncate(fd, length)`.
pub fn ftruncate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd, length] = positional(vm, &args, "ftruncate", 2, 2)? else {
        return Err(vm.type_error("ftruncate expected 2 arguments"));
    };
    let fd = fd_arg(vm, fd)?;
    let length = int_arg(vm, length)?;
    truncate_fd(vm, fd, length)?;
    Ok(Value::None)
}

/// `ftruncate` for native callers.
pub fn truncate_fd(vm: &Vm, fd: i32, length: i64) -> PyResult<()> {
    // SAFETY: ftruncate has no memory effects.
    check(vm, unsafe { libc::ftruncate(fd, length) }.into())?;
    Ok(())
}

/// `os.truncate(path, length)`.
pub fn truncate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [path, length] = positional(vm, &args, "truncate", 2, 2)? else {
        return Err(vm.type_error("truncate expected 2 arguments"));
    };
    if let Value::Int(fd) = path {
        let fd = c_fd(vm, *fd)?;
        let length = int_arg(vm, length)?;
        truncate_fd(vm, fd, length)?;
        return Ok(Value::None);
    }
    let p = path_arg(vm, "truncate", "path", path)?;
    let length = int_arg(vm, length)?;
    // SAFETY: a NUL-terminated path.
    if unsafe { libc::truncate(p.c_path.as_ptr(), length) } != 0 {
        return Err(last_error(vm, Some(&p.original)));
    }
    Ok(Value::None)
}

/// `os.get_terminal_size(fd=1)`.
pub fn get_terminal_size(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = positional(vm, &args, "get_terminal_size", 0, 1)?;
    let fd = match pos.first() {
        Some(v) => fd_arg(vm, v)?,
        None => 1,
    };
    let mut size = libc::winsize {
        ws_row: 0,
        ws_col: 0,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: TIOCGWINSZ fills a winsize struct.
    if unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut size) } != 0 {
        return Err(last_error(vm, None));
    }
    let ty = state(vm)?.terminal_size.clone();
    let values = vec![
        Value::Int(size.ws_col.into()),
        Value::Int(size.ws_row.into()),
    ];
    structseq::new_instance(vm, &ty, values)
}

/// `os.device_encoding(fd)`: the locale's encoding for a terminal, else None.
pub fn device_encoding(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind(
        vm,
        &args,
        &Params {
            func: "device_encoding",
            names: &["fd"],
            required: 1,
            positional: 1,
        },
    )?;
    let fd = fd_arg(vm, a[0].as_ref().unwrap_or(&Value::None))?;
    // SAFETY: isatty has no memory effects.
    if unsafe { libc::isatty(fd) } == 1 {
        return Ok(vm.new_str("UTF-8"));
    }
    Ok(Value::None)
}

/// `os.get_inheritable(fd)`.
pub fn get_inheritable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd] = positional(vm, &args, "get_inheritable", 1, 1)? else {
        return Err(vm.type_error("get_inheritable expected 1 argument"));
    };
    let fd = fd_arg(vm, fd)?;
    // SAFETY: F_GETFD has no memory effects.
    let flags = check(vm, unsafe { libc::fcntl(fd, libc::F_GETFD) }.into())?;
    Ok(Value::Bool(flags & i64::from(libc::FD_CLOEXEC) == 0))
}

/// `os.set_inheritable(fd, inheritable)`.
pub fn set_inheritable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd, flag] = positional(vm, &args, "set_inheritable", 2, 2)? else {
        return Err(vm.type_error("set_inheritable expected 2 arguments"));
    };
    let fd = fd_arg(vm, fd)?;
    let inheritable = vm.is_true(flag)?;
    // SAFETY: F_GETFD/F_SETFD have no memory effects.
    let flags = check(vm, unsafe { libc::fcntl(fd, libc::F_GETFD) }.into())? as i32;
    let new = if inheritable {
        flags & !libc::FD_CLOEXEC
    } else {
        flags | libc::FD_CLOEXEC
    };
    // SAFETY: as above.
    check(vm, unsafe { libc::fcntl(fd, libc::F_SETFD, new) }.into())?;
    Ok(Value::None)
}

/// `os.get_blocking(fd)`.
pub fn get_blocking(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd] = positional(vm, &args, "get_blocking", 1, 1)? else {
        return Err(vm.type_error("get_blocking expected 1 argument"));
    };
    let fd = fd_arg(vm, fd)?;
    // SAFETY: F_GETFL has no memory effects.
    let flags = check(vm, unsafe { libc::fcntl(fd, libc::F_GETFL) }.into())?;
    Ok(Value::Bool(flags & i64::from(libc::O_NONBLOCK) == 0))
}

/// `os.set_blocking(fd, blocking)`.
pub fn set_blocking(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd, flag] = positional(vm, &args, "set_blocking", 2, 2)? else {
        return Err(vm.type_error("set_blocking expected 2 arguments"));
    };
    let fd = fd_arg(vm, fd)?;
    let blocking = vm.is_true(flag)?;
    // SAFETY: F_GETFL/F_SETFL have no memory effects.
    let flags = check(vm, unsafe { libc::fcntl(fd, libc::F_GETFL) }.into())? as i32;
    let new = if blocking {
        flags & !libc::O_NONBLOCK
    } else {
        flags | libc::O_NONBLOCK
    };
    // SAFETY: as above.
    check(vm, unsafe { libc::fcntl(fd, libc::F_SETFL, new) }.into())?;
    Ok(Value::None)
}
