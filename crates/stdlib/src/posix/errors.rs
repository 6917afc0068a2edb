//! Turning a failed system call into the Python exception CPython raises: the errno's
//! OSError subclass with the C library's message (`strerror`).

use std::ffi::CStr;

use adder_vm::{PyErr, Value, Vm};

/// The current thread's `errno`.
pub fn last_errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// The C library's message for `errno` (`os.strerror`).
pub fn strerror(errno: i32) -> String {
    // SAFETY: strerror returns a pointer to a NUL-terminated string owned by the C
    // library, valid until the next strerror call on this thread; it is copied at once.
    let ptr = unsafe { libc::strerror(errno) };
    if ptr.is_null() {
        return format!("Unknown error {errno}");
    }
    // SAFETY: non-null, NUL-terminated (see above).
    unsafe { CStr::from_ptr(ptr) }
        .to_string_lossy()
        .into_owned()
}

/// The OSError for `errno`, naming `filename` (and `filename2`) when given.
pub fn errno_error(
    vm: &Vm,
    errno: i32,
    filename: Option<&Value>,
    filename2: Option<&Value>,
) -> PyErr {
    vm.new_os_error(
        errno,
        &strerror(errno),
        filename.cloned(),
        filename2.cloned(),
    )
}

/// The OSError for the `errno` the last failed call left.
pub fn last_error(vm: &Vm, filename: Option<&Value>) -> PyErr {
    errno_error(vm, last_errno(), filename, None)
}

/// The OSError for a Rust I/O error (its raw errno when it has one).
pub fn io_error(vm: &Vm, err: &std::io::Error, filename: Option<&Value>) -> PyErr {
    match err.raw_os_error() {
        Some(errno) => errno_error(vm, errno, filename, None),
        None => vm.new_os_error(libc::EIO, &err.to_string(), filename.cloned(), None),
    }
}
