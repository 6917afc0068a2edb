//! `_io.FileIO`: the raw stream over an OS file descriptor (what `open()` puts under
//! its buffer). Its reads and writes are single system calls; the descriptor is closed
//! with the object when `closefd` is true, as CPython's finalizer does.

use std::cell::Cell;

use adder_vm::native_module::{new_native_type, NativeObject, NativeTypeSpec};
use adder_vm::object::ObjRef;
use adder_vm::objects::bytes::new_bytes;
use adder_vm::objects::dict;
use adder_vm::objects::function::Args;
use adder_vm::{PyResult, Value, Vm};

use super::iobase::{closed_file_error, copy_into, new_io_object, type_arg, unsupported};
use crate::args::{bind, bool_arg, bytes_arg, int_arg, opt_int, positional, Params};
use crate::native_util::after_receiver;
use crate::posix;

/// How much `readall` grows its buffer by when the file is longer than expected
/// (CPython's `SMALLCHUNK`).
const READALL_CHUNK: usize = 8192;

/// The state of a `FileIO`.
pub struct FileIo {
    /// The descriptor, `-1` once closed (or before `__init__`).
    fd: Cell<i32>,
    readable: Cell<bool>,
    writable: Cell<bool>,
    appending: Cell<bool>,
    created: Cell<bool>,
    closefd: Cell<bool>,
    /// The file system's preferred block size (`st_blksize`), for buffer sizes.
    pub blksize: Cell<i64>,
    /// The file's size when opened (`st_size`), to size `readall`'s buffer.
    estimated_size: Cell<i64>,
}

impl NativeObject for FileIo {}

impl Drop for FileIo {
    fn drop(&mut self) {
        let fd = self.fd.get();
        if fd >= 0 && self.closefd.get() {
            // SAFETY: closing a descriptor this object owns; nothing else uses it now.
            unsafe { libc::close(fd) };
        }
    }
}

impl FileIo {
    /// The open descriptor, or the closed-file ValueError.
    pub fn fd(&self, vm: &Vm) -> PyResult<i32> {
        match self.fd.get() {
            fd if fd >= 0 => Ok(fd),
            _ => Err(closed_file_error(vm)),
        }
    }

    pub fn is_closed(&self) -> bool {
        self.fd.get() < 0
    }

    /// `mode` as CPython reports it (`rb`, `wb`, `rb+`, `ab+`, `xb`...).
    fn mode(&self) -> &'static str {
        match (
            self.created.get(),
            self.appending.get(),
            self.readable.get(),
            self.writable.get(),
        ) {
            (true, _, true, _) => "xb+",
            (true, _, false, _) => "xb",
            (false, true, true, _) => "ab+",
            (false, true, false, _) => "ab",
            (false, false, true, true) => "rb+",
            (false, false, true, false) => "rb",
            _ => "wb",
        }
    }

    /// Read up to `n` bytes (one system call).
    pub fn read_n(&self, vm: &mut Vm, n: usize) -> PyResult<Vec<u8>> {
        let fd = self.fd(vm)?;
        if !self.readable.get() {
            return Err(unsupported(vm, "File not open for reading"));
        }
        posix::read_fd(vm, fd, n)
    }

    /// Read to the end of the file, straight into one buffer. As in CPython, the
    /// buffer is sized from the size seen at open minus the position, plus one byte
    /// so that a file that did not change is read by one call and the end seen by a
    /// second; it grows only if the file did.
    pub fn read_all(&self, vm: &mut Vm) -> PyResult<Vec<u8>> {
        let fd = self.fd(vm)?;
        if !self.readable.get() {
            return Err(unsupported(vm, "File not open for reading"));
        }
        let mut all: Vec<u8> = Vec::new();
        if all.try_reserve_exact(self.expected_remaining(fd)).is_err() {
            return Err(crate::native_util::memory_error(vm));
        }
        loop {
            let spare = all.capacity() - all.len();
            let n = if spare == 0 { READALL_CHUNK } else { spare };
            if posix::read_fd_append(vm, fd, &mut all, n)? == 0 {
                return Ok(all);
            }
        }
    }

    /// The bytes `read_all` expects: what was left after the position when the file
    /// was opened, plus one for the end; a small chunk when that is unknown.
    fn expected_remaining(&self, fd: i32) -> usize {
        let size = self.estimated_size.get();
        if size <= 0 {
            return READALL_CHUNK;
        }
        // SAFETY: lseek on a descriptor this object holds; no memory is involved.
        let pos = unsafe { libc::lseek(fd, 0, libc::SEEK_CUR) };
        match usize::try_from(size - pos) {
            Ok(left) if pos >= 0 => left.saturating_add(1),
            _ => READALL_CHUNK,
        }
    }

    /// Write some of `data` (one system call): the count written.
    pub fn write_some(&self, vm: &mut Vm, data: &[u8]) -> PyResult<usize> {
        let fd = self.fd(vm)?;
        if !self.writable.get() {
            return Err(unsupported(vm, "File not open for writing"));
        }
        // The size seen at open no longer predicts what `read_all` will find.
        self.estimated_size.set(-1);
        posix::write_fd(vm, fd, data)
    }

    pub fn seek(&self, vm: &Vm, pos: i64, whence: i32) -> PyResult<i64> {
        posix::seek_fd(vm, self.fd(vm)?, pos, whence)
    }

    pub fn close(&self, vm: &Vm) -> PyResult<()> {
        let fd = self.fd.replace(-1);
        if fd >= 0 && self.closefd.get() {
            // SAFETY: closing the descriptor this object owned.
            if unsafe { libc::close(fd) } != 0 {
                return Err(posix::last_os_error(vm));
            }
        }
        Ok(())
    }

    /// Write the whole of `data`, for a finalizing buffer that cannot raise.
    pub fn write_all_quietly(&self, data: &[u8]) {
        let mut rest = data;
        while let (fd, false) = (self.fd.get(), rest.is_empty()) {
            if fd < 0 || !self.writable.get() {
                return;
            }
            // SAFETY: the pointer and length describe `rest`.
            let n = unsafe { libc::write(fd, rest.as_ptr().cast(), rest.len()) };
            if n <= 0 {
                return;
            }
            rest = &rest[n as usize..];
        }
    }
}

/// The `FileIO` state of a method's receiver.
fn this<'a>(vm: &Vm, args: &'a Args, method: &str) -> PyResult<&'a FileIo> {
    vm.native_self::<FileIo>(args, method, "_io.FileIO")
}

fn fileio_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = type_arg(vm, &args, "FileIO", true)?;
    let state = FileIo {
        fd: Cell::new(-1),
        readable: Cell::new(false),
        writable: Cell::new(false),
        appending: Cell::new(false),
        created: Cell::new(false),
        closefd: Cell::new(true),
        blksize: Cell::new(0),
        estimated_size: Cell::new(-1),
    };
    Ok(new_io_object(vm, &cls, state))
}

/// The open flags and capabilities a FileIO mode string asks for.
struct RawMode {
    flags: i32,
    readable: bool,
    writable: bool,
    appending: bool,
    created: bool,
}

fn parse_mode(vm: &Vm, mode: &str) -> PyResult<RawMode> {
    let bad = || {
        vm.value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus",
        )
    };
    let mut m = RawMode {
        flags: 0,
        readable: false,
        writable: false,
        appending: false,
        created: false,
    };
    let (mut rwa, mut plus) = (false, false);
    for c in mode.chars() {
        match c {
            'x' | 'r' | 'w' | 'a' if rwa => return Err(bad()),
            'x' => {
                (rwa, m.created, m.writable) = (true, true, true);
                m.flags |= libc::O_EXCL | libc::O_CREAT;
            }
            'r' => (rwa, m.readable) = (true, true),
            'w' => {
                (rwa, m.writable) = (true, true);
                m.flags |= libc::O_CREAT | libc::O_TRUNC;
            }
            'a' => {
                (rwa, m.writable, m.appending) = (true, true, true);
                m.flags |= libc::O_APPEND | libc::O_CREAT;
            }
            'b' => {}
            '+' if plus => return Err(bad()),
            '+' => (plus, m.readable, m.writable) = (true, true, true),
            _ => return Err(vm.value_error(format!("invalid mode: {mode}"))),
        }
    }
    if !rwa {
        return Err(bad());
    }
    m.flags |= match (m.readable, m.writable) {
        (true, true) => libc::O_RDWR,
        (true, false) => libc::O_RDONLY,
        _ => libc::O_WRONLY,
    } | libc::O_CLOEXEC;
    Ok(m)
}

/// `FileIO(file, mode='r', closefd=True, opener=None)`.
fn fileio_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this_value = args.pos().first().cloned().unwrap_or(Value::None);
    let rest = after_receiver(&args);
    let a = bind(
        vm,
        &rest,
        &Params {
            func: "FileIO",
            names: &["file", "mode", "closefd", "opener"],
            required: 1,
            positional: 4,
        },
    )?;
    let state = this(vm, &args, "__init__")?;
    if state.fd.get() >= 0 {
        state.close(vm)?;
    }
    let file = a[0].clone().unwrap_or(Value::None);
    let mode = match &a[1] {
        None => "r".to_string(),
        Some(v) => vm.to_str(v)?,
    };
    let closefd = bool_arg(vm, a[2].as_ref(), true)?;
    let opener = a[3].clone().filter(|v| !v.is_none());
    let m = parse_mode(vm, &mode)?;
    if matches!(file, Value::Float(_)) {
        return Err(vm.type_error("integer argument expected, got float"));
    }
    let fd = if let Value::Int(n) = file {
        if n < 0 {
            return Err(vm.value_error("negative file descriptor"));
        }
        posix::c_fd(vm, n)?
    } else {
        if !closefd {
            return Err(vm.value_error("Cannot use closefd=False with file name"));
        }
        open_path(vm, &file, m.flags, opener.as_ref())?
    };
    state.fd.set(fd);
    state.closefd.set(closefd || !matches!(file, Value::Int(_)));
    state.readable.set(m.readable);
    state.writable.set(m.writable);
    state.appending.set(m.appending);
    state.created.set(m.created);
    match posix::fstat_raw(fd) {
        Ok(st) if st.st_mode & libc::S_IFMT == libc::S_IFDIR => {
            state.close(vm)?;
            return Err(posix::errno_error(vm, libc::EISDIR, Some(&file), None));
        }
        Ok(st) => {
            state.blksize.set(st.st_blksize);
            state.estimated_size.set(st.st_size);
        }
        Err(errno) => {
            if errno == libc::EBADF {
                state.fd.set(-1);
                return Err(posix::errno_error(vm, errno, None, None));
            }
        }
    }
    if let Some(d) = this_value.as_obj().and_then(|o| o.dict_obj()) {
        dict::set_str(vm, &d, "name", file);
    }
    if m.appending {
        // Ignore errors: the file may be unseekable (a pipe opened for appending).
        let _ = posix::seek_fd(vm, fd, 0, libc::SEEK_END);
    }
    Ok(Value::None)
}

/// Open a path, or call `opener(path, flags)` for the descriptor.
fn open_path(vm: &mut Vm, file: &Value, flags: i32, opener: Option<&Value>) -> PyResult<i32> {
    if let Some(opener) = opener {
        let fd = vm.call(opener, &[file.clone(), Value::Int(flags.into())])?;
        let fd = match fd {
            Value::Int(n) => n,
            other => {
                return Err(vm.type_error(format!(
                    "expected integer from opener, not {}",
                    vm.type_name(&other)
                )))
            }
        };
        if fd < 0 {
            return Err(vm.value_error(format!("opener returned {fd}")));
        }
        return posix::c_fd(vm, fd);
    }
    let path = posix::fspath(vm, file)?;
    let p = posix::fs_converter_arg(vm, "open", "file", &path)?;
    loop {
        // SAFETY: a NUL-terminated path.
        let fd = unsafe { libc::open(p.c_path.as_ptr(), flags, 0o666 as libc::c_uint) };
        if fd >= 0 {
            return Ok(fd);
        }
        if posix::last_errno() != libc::EINTR {
            return Err(posix::last_error(vm, Some(file)));
        }
    }
}

fn fileio_read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = this(vm, &args, "read")?;
    let pos = positional(vm, &args, "read", 1, 2)?;
    let size = opt_int(vm, pos.get(1), -1)?;
    let data = if size < 0 {
        state.read_all(vm)?
    } else {
        state.read_n(vm, size as usize)?
    };
    Ok(new_bytes(vm, data))
}

fn fileio_readall(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = this(vm, &args, "readall")?.read_all(vm)?;
    Ok(new_bytes(vm, data))
}

fn fileio_readinto(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = this(vm, &args, "readinto")?;
    let [_, target] = positional(vm, &args, "readinto", 2, 2)? else {
        return Err(vm.type_error("readinto expected 1 argument"));
    };
    let n = vm.len(target)?;
    let data = state.read_n(vm, n)?;
    copy_into(vm, target, &data)
}

fn fileio_write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = this(vm, &args, "write")?;
    let [_, data] = positional(vm, &args, "write", 2, 2)? else {
        return Err(vm.type_error("write expected 1 argument"));
    };
    let data = bytes_arg(vm, data)?;
    Ok(Value::Int(state.write_some(vm, data)? as i64))
}

fn fileio_seek(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = this(vm, &args, "seek")?;
    let pos = positional(vm, &args, "seek", 2, 3)?;
    if matches!(pos[1], Value::Float(_)) {
        return Err(vm.type_error("an integer is required"));
    }
    let offset = int_arg(vm, &pos[1])?;
    // A C int, never truncated into a valid whence.
    let whence = crate::args::opt_c_int(vm, pos.get(2), 0)?;
    Ok(Value::Int(state.seek(vm, offset, whence)?))
}

fn fileio_tell(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = this(vm, &args, "tell")?;
    Ok(Value::Int(state.seek(vm, 0, libc::SEEK_CUR)?))
}

fn fileio_truncate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = this(vm, &args, "truncate")?;
    let pos = positional(vm, &args, "truncate", 1, 2)?;
    let fd = state.fd(vm)?;
    if !state.writable.get() {
        return Err(unsupported(vm, "File not open for writing"));
    }
    let size = match pos.get(1) {
        None | Some(Value::None) => state.seek(vm, 0, libc::SEEK_CUR)?,
        Some(v) => int_arg(vm, v)?,
    };
    state.estimated_size.set(-1);
    posix::truncate_fd(vm, fd, size)?;
    Ok(Value::Int(size))
}

fn fileio_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args, "close")?.close(vm)?;
    Ok(Value::None)
}

fn fileio_seekable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = this(vm, &args, "seekable")?;
    let fd = state.fd(vm)?;
    Ok(Value::Bool(
        posix::seek_fd(vm, fd, 0, libc::SEEK_CUR).is_ok(),
    ))
}

fn fileio_readable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = this(vm, &args, "readable")?;
    state.fd(vm)?;
    Ok(Value::Bool(state.readable.get()))
}

fn fileio_writable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = this(vm, &args, "writable")?;
    state.fd(vm)?;
    Ok(Value::Bool(state.writable.get()))
}

fn fileio_fileno(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(this(vm, &args, "fileno")?.fd(vm)?.into()))
}

fn fileio_isatty(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fd = this(vm, &args, "isatty")?.fd(vm)?;
    // SAFETY: isatty has no memory effects.
    Ok(Value::Bool(unsafe { libc::isatty(fd) } == 1))
}

fn fileio_closed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(this(vm, &args, "closed")?.is_closed()))
}

fn fileio_closefd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(this(vm, &args, "closefd")?.closefd.get()))
}

fn fileio_mode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mode = this(vm, &args, "mode")?.mode();
    Ok(vm.new_str(mode))
}

/// `<_io.FileIO name='x' mode='rb' closefd=True>`.
fn fileio_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = this(vm, &args, "__repr__")?;
    let class = super::class_display_name(vm, &args.pos()[0]);
    if state.is_closed() {
        return Ok(vm.new_str(&format!("<{class} [closed]>")));
    }
    let closefd = if state.closefd.get() { "True" } else { "False" };
    let mode = state.mode();
    let name = super::name_repr_part(vm, &args.pos()[0])?;
    let head = match name {
        Some(n) => format!("name={n}"),
        None => format!("fd={}", state.fd.get()),
    };
    Ok(vm.new_str(&format!("<{class} {head} mode='{mode}' closefd={closefd}>")))
}

/// The `FileIO` type, under `_RawIOBase`.
pub fn new_type(vm: &Vm, raw_base: &ObjRef) -> ObjRef {
    let ty = new_native_type(
        vm,
        NativeTypeSpec {
            name: "FileIO",
            module: "_io",
            base: Some(raw_base.clone()),
            new: Some(fileio_new),
            init: Some(fileio_init),
            methods: &[
                ("read", fileio_read),
                ("readall", fileio_readall),
                ("readinto", fileio_readinto),
                ("write", fileio_write),
                ("seek", fileio_seek),
                ("tell", fileio_tell),
                ("truncate", fileio_truncate),
                ("close", fileio_close),
                ("seekable", fileio_seekable),
                ("readable", fileio_readable),
                ("writable", fileio_writable),
                ("fileno", fileio_fileno),
                ("isatty", fileio_isatty),
                ("__repr__", fileio_repr),
            ],
            subclassable: true,
        },
    );
    crate::native_util::add_getters(
        vm,
        &ty,
        &[
            ("closed", fileio_closed),
            ("closefd", fileio_closefd),
            ("mode", fileio_mode),
        ],
    );
    ty
}
