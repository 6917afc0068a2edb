//! The `posix` module (what `os.py` builds on): file descriptors, paths and
//! directories, `stat`, `scandir`, the process and its environment. Paths may be
//! `str`, `bytes` or path-like; failures raise the errno's OSError subclass with the
//! C library's message and the file name, as CPython does.
//!
//! `dir_fd` and fd-as-path variants are not offered (`_have_functions` says so, and
//! `os.supports_dir_fd` is empty), so `shutil` and `os.walk` take their path-based
//! routes.

mod dirs;
pub(crate) mod errors;
mod files;
mod path;
mod process;
mod scandir;
mod stat;

use std::rc::Rc;

use adder_vm::native_module::{add_functions, add_type, add_values};
use adder_vm::object::ObjRef;
use adder_vm::objects::function::{Args, NativeFn};
use adder_vm::{PyResult, Value, Vm};

pub use dirs::c_string_lossy;
pub use errors::{errno_error, last_errno, last_error};
pub use files::{c_fd, read_fd, read_fd_append, seek_fd, truncate_fd, write_fd};
pub use path::{fs_converter_arg, fspath};
pub use stat::fstat_raw;

use crate::structseq;

/// The OSError for the errno the last failed C call left (no file name).
pub fn last_os_error(vm: &Vm) -> adder_vm::PyErr {
    last_error(vm, None)
}

/// The types `posix` functions create instances of (module state).
pub struct PosixState {
    pub stat_result: Value,
    pub terminal_size: Value,
    pub uname_result: Value,
    pub times_result: Value,
    pub dir_entry: ObjRef,
    pub scandir_iterator: ObjRef,
}

/// The module state, importing `posix` first if nothing did yet.
pub fn state(vm: &mut Vm) -> PyResult<Rc<PosixState>> {
    if let Some(s) = vm.native_state::<PosixState>() {
        return Ok(s);
    }
    vm.import_module("posix")?;
    vm.native_state::<PosixState>()
        .ok_or_else(|| vm.system_error("posix module state missing"))
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("stat", stat::stat),
    ("lstat", stat::lstat),
    ("fstat", stat::fstat),
    ("listdir", dirs::listdir),
    ("scandir", scandir::scandir),
    ("getcwd", dirs::getcwd),
    ("getcwdb", dirs::getcwdb),
    ("chdir", dirs::chdir),
    ("mkdir", dirs::mkdir),
    ("rmdir", dirs::rmdir),
    ("unlink", dirs::unlink),
    ("remove", dirs::remove),
    ("rename", dirs::rename),
    ("replace", dirs::replace),
    ("link", dirs::link),
    ("symlink", dirs::symlink),
    ("readlink", dirs::readlink),
    ("chmod", dirs::chmod),
    ("umask", dirs::umask),
    ("access", dirs::access),
    ("utime", dirs::utime),
    ("open", files::open),
    ("read", files::read),
    ("write", files::write),
    ("close", files::close),
    ("closerange", files::closerange),
    ("lseek", files::lseek),
    ("pipe", files::pipe),
    ("dup", files::dup),
    ("dup2", files::dup2),
    ("isatty", files::isatty),
    ("fsync", files::fsync),
    ("ftruncate", files::ftruncate),
    ("truncate", files::truncate),
    ("get_terminal_size", files::get_terminal_size),
    ("device_encoding", files::device_encoding),
    ("get_inheritable", files::get_inheritable),
    ("set_inheritable", files::set_inheritable),
    ("get_blocking", files::get_blocking),
    ("set_blocking", files::set_blocking),
    ("getpid", process::getpid),
    ("getppid", process::getppid),
    ("getuid", process::getuid),
    ("geteuid", process::geteuid),
    ("getgid", process::getgid),
    ("getegid", process::getegid),
    ("getpgrp", process::getpgrp),
    ("kill", process::kill),
    ("waitpid", process::waitpid),
    ("waitstatus_to_exitcode", process::waitstatus_to_exitcode),
    ("_exit", process::exit_now),
    ("uname", process::uname),
    ("times", process::times),
    ("cpu_count", process::cpu_count),
    ("urandom", process::urandom),
    ("strerror", process::strerror),
    ("putenv", process::putenv),
    ("unsetenv", process::unsetenv),
    ("fspath", fspath_function),
];

/// Integer constants: open flags, `access` modes, `lseek`'s data/hole whences (`os.py`
/// defines SEEK_SET/CUR/END itself), `waitpid` options.
const CONSTANTS: &[(&str, i32)] = &[
    ("O_RDONLY", libc::O_RDONLY),
    ("O_WRONLY", libc::O_WRONLY),
    ("O_RDWR", libc::O_RDWR),
    ("O_APPEND", libc::O_APPEND),
    ("O_CREAT", libc::O_CREAT),
    ("O_EXCL", libc::O_EXCL),
    ("O_TRUNC", libc::O_TRUNC),
    ("O_NONBLOCK", libc::O_NONBLOCK),
    ("O_NDELAY", libc::O_NDELAY),
    ("O_SYNC", libc::O_SYNC),
    ("O_DSYNC", libc::O_DSYNC),
    ("O_NOCTTY", libc::O_NOCTTY),
    ("O_CLOEXEC", libc::O_CLOEXEC),
    ("O_DIRECTORY", libc::O_DIRECTORY),
    ("O_NOFOLLOW", libc::O_NOFOLLOW),
    ("O_ACCMODE", libc::O_ACCMODE),
    ("O_PATH", libc::O_PATH),
    ("O_TMPFILE", libc::O_TMPFILE),
    ("O_NOATIME", libc::O_NOATIME),
    ("F_OK", libc::F_OK),
    ("R_OK", libc::R_OK),
    ("W_OK", libc::W_OK),
    ("X_OK", libc::X_OK),
    ("SEEK_DATA", libc::SEEK_DATA),
    ("SEEK_HOLE", libc::SEEK_HOLE),
    ("WNOHANG", libc::WNOHANG),
    ("WUNTRACED", libc::WUNTRACED),
    ("WCONTINUED", libc::WCONTINUED),
    ("EX_OK", libc::EXIT_SUCCESS),
    ("F_LOCK", libc::F_LOCK),
    ("F_TLOCK", libc::F_TLOCK),
    ("F_ULOCK", libc::F_ULOCK),
    ("F_TEST", libc::F_TEST),
];

/// `os.fspath(path)`.
fn fspath_function(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::args::bind(
        vm,
        &args,
        &crate::args::Params {
            func: "fspath",
            names: &["path"],
            required: 1,
            positional: 1,
        },
    )?;
    fspath(vm, a[0].as_ref().unwrap_or(&Value::None))
}

/// Fill the `posix` module.
pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    add_functions(vm, module, FUNCTIONS);
    let constants: Vec<(&str, Value)> = CONSTANTS
        .iter()
        .map(|&(name, v)| (name, Value::Int(v.into())))
        .collect();
    add_values(vm, module, &constants);
    let stat_result = stat::new_stat_result_type(vm)?;
    let terminal_size = structseq::new_type(vm, "os", "terminal_size", &["columns", "lines"], 2)?;
    let uname_result = structseq::new_type(
        vm,
        "posix",
        "uname_result",
        &["sysname", "nodename", "release", "version", "machine"],
        5,
    )?;
    let times_result = structseq::new_type(
        vm,
        "posix",
        "times_result",
        &[
            "user",
            "system",
            "children_user",
            "children_system",
            "elapsed",
        ],
        5,
    )?;
    let (scandir_iterator, dir_entry) = scandir::new_types(vm);
    add_type(vm, module, &dir_entry);
    let environ = process::environ(vm)?;
    let have = vm.new_list(vec![vm.new_str("HAVE_FTRUNCATE"), vm.new_str("HAVE_LSTAT")]);
    add_values(
        vm,
        module,
        &[
            ("stat_result", stat_result.clone()),
            ("terminal_size", terminal_size.clone()),
            ("uname_result", uname_result.clone()),
            ("times_result", times_result.clone()),
            ("environ", Value::Obj(environ)),
            ("_have_functions", have),
        ],
    );
    vm.set_native_state(PosixState {
        stat_result,
        terminal_size,
        uname_result,
        times_result,
        dir_entry,
        scandir_iterator,
    });
    Ok(())
}
