//! The file system by name: `listdir`, `getcwd`, `chdir`, `mkdir`, `rmdir`, `unlink`,
//! `rename`, `replace`, `access`, `utime`, `readlink`, `symlink`, `link`, `chmod`,
//! `umask`.

use std::ffi::CStr;
use std::os::unix::ffi::OsStrExt;

use adder_vm::objects::function::Args;
use adder_vm::protocol::number::as_float;
use adder_vm::{PyResult, Value, Vm};

use super::errors::{errno_error, io_error, last_errno, last_error};
use super::path::bind;
use super::path::{name_value, path_arg, PathArg};
use crate::args::{int_arg, positional, Params};

/// Bind `func(path, ...)` and convert its first argument.
fn bind_path(vm: &mut Vm, args: &Args, params: &Params) -> PyResult<(PathArg, Vec<Option<Value>>)> {
    let a = bind(vm, args, params)?;
    let path = a[0].clone().unwrap_or(Value::None);
    Ok((path_arg(vm, params.func, params.names[0], &path)?, a))
}

/// Run a call on one path that returns 0 on success.
fn path_call(
    vm: &Vm,
    p: &PathArg,
    call: impl FnOnce(*const libc::c_char) -> i32,
) -> PyResult<Value> {
    if call(p.c_path.as_ptr()) != 0 {
        return Err(last_error(vm, Some(&p.original)));
    }
    Ok(Value::None)
}

fn one_path(func: &'static str) -> Params {
    Params {
        func,
        names: &["path", "dir_fd"],
        required: 1,
        positional: 1,
    }
}

/// `os.listdir(path='.')`: the names in a directory, in the system's order.
pub fn listdir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind(
        vm,
        &args,
        &Params {
            func: "listdir",
            names: &["path"],
            required: 0,
            positional: 1,
        },
    )?;
    let path = match &a[0] {
        None | Some(Value::None) => vm.new_str("."),
        Some(v) => v.clone(),
    };
    let p = path_arg(vm, "listdir", "path", &path)?;
    let dir = std::path::Path::new(std::ffi::OsStr::from_bytes(p.c_path.as_bytes()));
    let entries = std::fs::read_dir(dir).map_err(|e| io_error(vm, &e, Some(&p.original)))?;
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| io_error(vm, &e, Some(&p.original)))?;
        names.push(p.result_name(vm, entry.file_name().as_bytes()));
    }
    Ok(vm.new_list(names))
}

/// The current directory's bytes.
fn cwd_bytes(vm: &Vm) -> PyResult<Vec<u8>> {
    std::env::current_dir()
        .map(|d| d.as_os_str().as_bytes().to_vec())
        .map_err(|e| io_error(vm, &e, None))
}

/// `os.getcwd()`.
pub fn getcwd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "getcwd", 0, 0)?;
    let raw = cwd_bytes(vm)?;
    Ok(name_value(vm, &raw, false))
}

/// `os.getcwdb()`.
pub fn getcwdb(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "getcwdb", 0, 0)?;
    let raw = cwd_bytes(vm)?;
    Ok(name_value(vm, &raw, true))
}

/// `os.chdir(path)`.
pub fn chdir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (p, _) = bind_path(
        vm,
        &args,
        &Params {
            func: "chdir",
            names: &["path"],
            required: 1,
            positional: 1,
        },
    )?;
    // SAFETY: a NUL-terminated path.
    path_call(vm, &p, |c| unsafe { libc::chdir(c) })
}

/// `os.mkdir(path, mode=0o777, *, dir_fd=None)`.
pub fn mkdir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (p, a) = bind_path(
        vm,
        &args,
        &Params {
            func: "mkdir",
            names: &["path", "mode", "dir_fd"],
            required: 1,
            positional: 2,
        },
    )?;
    let mode = crate::args::opt_c_int(vm, a[1].as_ref(), 0o777)? as libc::mode_t;
    // SAFETY: a NUL-terminated path.
    path_call(vm, &p, |c| unsafe { libc::mkdir(c, mode) })
}

/// `os.rmdir(path, *, dir_fd=None)`.
pub fn rmdir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (p, _) = bind_path(vm, &args, &one_path("rmdir"))?;
    // SAFETY: a NUL-terminated path.
    path_call(vm, &p, |c| unsafe { libc::rmdir(c) })
}

/// `os.unlink(path, *, dir_fd=None)`.
pub fn unlink(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (p, _) = bind_path(vm, &args, &one_path("unlink"))?;
    // SAFETY: a NUL-terminated path.
    path_call(vm, &p, |c| unsafe { libc::unlink(c) })
}

/// `os.remove(path, *, dir_fd=None)`: `unlink` under its other name.
pub fn remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (p, _) = bind_path(vm, &args, &one_path("remove"))?;
    // SAFETY: a NUL-terminated path.
    path_call(vm, &p, |c| unsafe { libc::unlink(c) })
}

/// A call on two paths (`rename`, `link`, `symlink`): errors name both.
fn two_paths(
    vm: &mut Vm,
    args: &Args,
    func: &'static str,
    names: &'static [&'static str],
    call: impl FnOnce(*const libc::c_char, *const libc::c_char) -> i32,
) -> PyResult<Value> {
    let a = bind(
        vm,
        args,
        &Params {
            func,
            names,
            required: 2,
            positional: 2,
        },
    )?;
    let src = path_arg(vm, func, names[0], a[0].as_ref().unwrap_or(&Value::None))?;
    let dst = path_arg(vm, func, names[1], a[1].as_ref().unwrap_or(&Value::None))?;
    if src.is_bytes != dst.is_bytes {
        return Err(vm.type_error(format!("{func}: src and dst must be the same type")));
    }
    if call(src.c_path.as_ptr(), dst.c_path.as_ptr()) != 0 {
        return Err(errno_error(
            vm,
            last_errno(),
            Some(&src.original),
            Some(&dst.original),
        ));
    }
    Ok(Value::None)
}

/// `os.rename(src, dst, *, src_dir_fd=None, dst_dir_fd=None)`.
pub fn rename(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let names = &["src", "dst", "src_dir_fd", "dst_dir_fd"];
    // SAFETY: two NUL-terminated paths.
    two_paths(vm, &args, "rename", names, |a, b| unsafe {
        libc::rename(a, b)
    })
}

/// `os.replace(src, dst, ...)`: `rename`, which replaces on POSIX.
pub fn replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let names = &["src", "dst", "src_dir_fd", "dst_dir_fd"];
    // SAFETY: two NUL-terminated paths.
    two_paths(vm, &args, "replace", names, |a, b| unsafe {
        libc::rename(a, b)
    })
}

/// `os.link(src, dst, ...)`.
pub fn link(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let names = &["src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"];
    // SAFETY: two NUL-terminated paths.
    two_paths(vm, &args, "link", names, |a, b| unsafe { libc::link(a, b) })
}

/// `os.symlink(src, dst, target_is_directory=False, *, dir_fd=None)`.
pub fn symlink(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let names = &["src", "dst", "target_is_directory", "dir_fd"];
    // SAFETY: two NUL-terminated paths.
    two_paths(vm, &args, "symlink", names, |a, b| unsafe {
        libc::symlink(a, b)
    })
}

/// `os.readlink(path, *, dir_fd=None)`.
pub fn readlink(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (p, _) = bind_path(vm, &args, &one_path("readlink"))?;
    let mut buf = vec![0u8; libc::PATH_MAX as usize + 1];
    // SAFETY: the buffer has room for its stated length.
    let n = unsafe { libc::readlink(p.c_path.as_ptr(), buf.as_mut_ptr().cast(), buf.len()) };
    if n < 0 {
        return Err(last_error(vm, Some(&p.original)));
    }
    buf.truncate(n as usize);
    Ok(p.result_name(vm, &buf))
}

/// `os.chmod(path, mode, *, dir_fd=None, follow_symlinks=True)`.
pub fn chmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (p, a) = bind_path(
        vm,
        &args,
        &Params {
            func: "chmod",
            names: &["path", "mode", "dir_fd", "follow_symlinks"],
            required: 2,
            positional: 2,
        },
    )?;
    let mode = crate::args::opt_c_int(vm, a[1].as_ref(), 0)? as libc::mode_t;
    // SAFETY: a NUL-terminated path.
    path_call(vm, &p, |c| unsafe { libc::chmod(c, mode) })
}

/// `os.umask(mask)`: set the mask, return the previous one.
pub fn umask(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [mask] = positional(vm, &args, "umask", 1, 1)? else {
        return Err(vm.type_error("umask expected 1 argument"));
    };
    let mask = crate::args::c_int_arg(vm, mask)? as libc::mode_t;
    // SAFETY: umask has no memory effects.
    Ok(Value::Int(unsafe { libc::umask(mask) }.into()))
}

/// `os.access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True)`.
pub fn access(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (p, a) = bind_path(
        vm,
        &args,
        &Params {
            func: "access",
            names: &["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"],
            required: 2,
            positional: 2,
        },
    )?;
    let mode = crate::args::opt_c_int(vm, a[1].as_ref(), 0)?;
    // SAFETY: a NUL-terminated path.
    Ok(Value::Bool(
        unsafe { libc::access(p.c_path.as_ptr(), mode) } == 0,
    ))
}

/// A time argument of `utime` as a `timespec`.
///
/// As CPython's `_PyTime_ObjectToTimespec`: NaN is a ValueError and seconds outside
/// `time_t` an OverflowError, rather than a saturated, meaningless timestamp.
fn timespec_from_seconds(vm: &mut Vm, v: &Value) -> PyResult<libc::timespec> {
    let overflow = |vm: &Vm| vm.overflow_error("timestamp out of range for platform time_t");
    if let Some(f) = as_float(v) {
        if f.is_nan() {
            return Err(vm.value_error("Invalid value NaN (not a number)"));
        }
        let secs = f.floor();
        if !((libc::time_t::MIN as f64) <= secs && secs < -(libc::time_t::MIN as f64)) {
            return Err(overflow(vm));
        }
        return Ok(libc::timespec {
            tv_sec: secs as libc::time_t,
            tv_nsec: ((f - secs) * 1e9) as libc::c_long,
        });
    }
    if let Some(adder_vm::protocol::number::IntRef::Big(_)) = adder_vm::protocol::number::as_int(v)
    {
        return Err(overflow(vm));
    }
    let secs = int_arg(vm, v)?;
    Ok(libc::timespec {
        tv_sec: secs,
        tv_nsec: 0,
    })
}

/// `os.utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True)`.
pub fn utime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (p, a) = bind_path(
        vm,
        &args,
        &Params {
            func: "utime",
            names: &["path", "times", "ns", "dir_fd", "follow_symlinks"],
            required: 1,
            positional: 2,
        },
    )?;
    let pair = |vm: &mut Vm, v: &Value, what: &str| -> PyResult<(Value, Value)> {
        match v.as_obj().and_then(|o| o.as_tuple()) {
            Some([a, b]) => Ok((a.clone(), b.clone())),
            _ => Err(vm.type_error(if what == "ns" {
                "utime: 'ns' must be a tuple of two ints"
            } else {
                "utime: 'times' must be either a tuple of two ints or None"
            })),
        }
    };
    let times = match (a[1].as_ref().filter(|v| !v.is_none()), a[2].as_ref()) {
        (Some(_), Some(_)) => {
            return Err(vm.value_error("utime: you may specify either 'times' or 'ns' but not both"))
        }
        (Some(t), None) => {
            let (at, mt) = pair(vm, t, "times")?;
            Some([
                timespec_from_seconds(vm, &at)?,
                timespec_from_seconds(vm, &mt)?,
            ])
        }
        (None, Some(ns)) => {
            let (at, mt) = pair(vm, ns, "ns")?;
            let split = |n: i64| libc::timespec {
                tv_sec: n.div_euclid(1_000_000_000),
                tv_nsec: n.rem_euclid(1_000_000_000),
            };
            Some([split(int_arg(vm, &at)?), split(int_arg(vm, &mt)?)])
        }
        (None, None) => None,
    };
    let ptr = times.as_ref().map_or(std::ptr::null(), |t| t.as_ptr());
    // SAFETY: a NUL-terminated path and either null or two timespecs.
    path_call(vm, &p, |c| unsafe {
        libc::utimensat(libc::AT_FDCWD, c, ptr, 0)
    })
}

/// The bytes of a C string the system returned.
pub fn c_bytes(ptr: *const libc::c_char) -> Vec<u8> {
    if ptr.is_null() {
        return Vec::new();
    }
    // SAFETY: the system returns NUL-terminated strings; checked for null above.
    unsafe { CStr::from_ptr(ptr) }.to_bytes().to_vec()
}

/// A C string the system returned as text (lossy UTF-8; empty for null).
pub fn c_string_lossy(ptr: *const libc::c_char) -> String {
    String::from_utf8_lossy(&c_bytes(ptr)).into_owned()
}
