//! `os.stat`, `os.lstat`, `os.fstat` and their result type `os.stat_result`.

use std::mem::MaybeUninit;

use adder_vm::objects::function::Args;
use adder_vm::{PyResult, Value, Vm};

use super::errors::last_error;
use super::path::bind;
use super::path::path_arg;
use super::state;
use crate::args::{bool_arg, Params};
use crate::structseq;

/// `os.stat_result`'s fields: ten in the tuple (the last three are the whole-second
/// times, named only as floats), nine more by name.
pub const STAT_FIELDS: &[&str] = &[
    "st_mode",
    "st_ino",
    "st_dev",
    "st_nlink",
    "st_uid",
    "st_gid",
    "st_size",
    "st_atime",
    "st_mtime",
    "st_ctime",
    "st_atime",
    "st_mtime",
    "st_ctime",
    "st_atime_ns",
    "st_mtime_ns",
    "st_ctime_ns",
    "st_blksize",
    "st_blocks",
    "st_rdev",
];

/// The struct sequence class, made at module creation.
pub fn new_stat_result_type(vm: &mut Vm) -> PyResult<Value> {
    let fallbacks = [("st_atime", 7), ("st_mtime", 8), ("st_ctime", 9)];
    structseq::new_type_with_fallbacks(vm, "os", "stat_result", STAT_FIELDS, 10, &fallbacks)
}

/// A `stat_result` from the C `struct stat`.
pub fn stat_result(vm: &mut Vm, st: &libc::stat) -> PyResult<Value> {
    let times = [
        (st.st_atime, st.st_atime_nsec),
        (st.st_mtime, st.st_mtime_nsec),
        (st.st_ctime, st.st_ctime_nsec),
    ];
    let mut values = vec![
        Value::Int(st.st_mode.into()),
        Value::Int(st.st_ino as i64),
        Value::Int(st.st_dev as i64),
        Value::Int(st.st_nlink as i64),
        Value::Int(st.st_uid.into()),
        Value::Int(st.st_gid.into()),
        Value::Int(st.st_size),
    ];
    values.extend(times.iter().map(|&(s, _)| Value::Int(s)));
    values.extend(
        times
            .iter()
            .map(|&(s, ns)| Value::Float(s as f64 + ns as f64 * 1e-9)),
    );
    for &(s, ns) in &times {
        let total = i128::from(s) * 1_000_000_000 + i128::from(ns);
        values.push(vm.new_int(adder_numeric::BigInt::from(total)));
    }
    values.push(Value::Int(st.st_blksize));
    values.push(Value::Int(st.st_blocks));
    values.push(Value::Int(st.st_rdev as i64));
    let ty = state(vm)?.stat_result.clone();
    structseq::new_instance(vm, &ty, values)
}

/// Run a `stat`-family call filling a `struct stat`.
fn stat_with(call: impl FnOnce(*mut libc::stat) -> i32) -> Result<libc::stat, ()> {
    let mut buf = MaybeUninit::<libc::stat>::uninit();
    if call(buf.as_mut_ptr()) != 0 {
        return Err(());
    }
    // SAFETY: the call succeeded, so it filled the whole struct.
    Ok(unsafe { buf.assume_init() })
}

/// `os.stat(path, *, dir_fd=None, follow_symlinks=True)`; `path` may be an fd.
pub fn stat(vm: &mut Vm, args: Args) -> PyResult<Value> {
    stat_common(vm, args, "stat", true)
}

/// `os.lstat(path, *, dir_fd=None)`.
pub fn lstat(vm: &mut Vm, args: Args) -> PyResult<Value> {
    stat_common(vm, args, "lstat", false)
}

fn stat_common(vm: &mut Vm, args: Args, func: &'static str, follow: bool) -> PyResult<Value> {
    let names: &'static [&'static str] = if follow {
        &["path", "dir_fd", "follow_symlinks"]
    } else {
        &["path", "dir_fd"]
    };
    let a = bind(
        vm,
        &args,
        &Params {
            func,
            names,
            required: 1,
            positional: 1,
        },
    )?;
    let path = a[0].clone().unwrap_or(Value::None);
    let follow = follow && bool_arg(vm, a.get(2).and_then(|v| v.as_ref()), true)?;
    if let Value::Int(fd) = path {
        return fstat_fd(vm, fd);
    }
    let p = path_arg(vm, func, "path", &path)?;
    let result = stat_with(|buf| {
        // SAFETY: a valid NUL-terminated path and a writable stat buffer.
        unsafe {
            if follow {
                libc::stat(p.c_path.as_ptr(), buf)
            } else {
                libc::lstat(p.c_path.as_ptr(), buf)
            }
        }
    });
    match result {
        Ok(st) => stat_result(vm, &st),
        Err(()) => Err(last_error(vm, Some(&p.original))),
    }
}

/// `os.fstat(fd)`.
pub fn fstat(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind(
        vm,
        &args,
        &Params {
            func: "fstat",
            names: &["fd"],
            required: 1,
            positional: 1,
        },
    )?;
    let fd = super::files::fd_arg(vm, a[0].as_ref().unwrap_or(&Value::None))?;
    fstat_fd(vm, fd.into())
}

fn fstat_fd(vm: &mut Vm, fd: i64) -> PyResult<Value> {
    let fd = super::files::c_fd(vm, fd)?;
    // SAFETY: fstat only writes the buffer; a bad fd is reported through errno.
    match stat_with(|buf| unsafe { libc::fstat(fd, buf) }) {
        Ok(st) => stat_result(vm, &st),
        Err(()) => Err(last_error(vm, None)),
    }
}

/// The `struct stat` of `fd` for native callers (FileIO's size and directory checks).
pub fn fstat_raw(fd: i32) -> Result<libc::stat, i32> {
    // SAFETY: as in `fstat_fd`.
    stat_with(|buf| unsafe { libc::fstat(fd, buf) }).map_err(|()| super::errors::last_errno())
}
