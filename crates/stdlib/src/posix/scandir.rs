//! `os.scandir()`: the `ScandirIterator` (also a context manager) and the `DirEntry`
//! objects it yields, which answer `is_dir()`/`is_file()` from the directory entry's
//! type without a `stat` when they can, and cache the `stat` they make.

use std::cell::RefCell;
use std::fs::{FileType, ReadDir};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::DirEntryExt;

use adder_vm::native_module::{new_native_type, NativeObject, NativeTypeSpec};
use adder_vm::object::ObjRef;
use adder_vm::objects::function::Args;
use adder_vm::{PyResult, Value, Vm};

use super::errors::{io_error, last_error};
use super::path::bind;
use super::path::{name_value, path_arg};
use super::state;
use crate::args::{bool_arg, Params};
use crate::native_util::{add_getters, stop_iteration};

/// An open directory being listed.
struct ScandirIterator {
    entries: RefCell<Option<ReadDir>>,
    /// The directory as given (`.` when omitted), joined to names for `DirEntry.path`.
    dir: Vec<u8>,
    original: Value,
    as_bytes: bool,
}

impl NativeObject for ScandirIterator {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.original);
    }
}

/// One directory entry.
struct DirEntry {
    name: Value,
    path: Value,
    inode: u64,
    file_type: Option<FileType>,
    /// `stat()` and `stat(follow_symlinks=False)` once made.
    stat: RefCell<Option<Value>>,
    lstat: RefCell<Option<Value>>,
}

impl NativeObject for DirEntry {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.name);
        visit(&self.path);
        for cached in [&self.stat, &self.lstat] {
            if let Some(v) = cached.borrow().as_ref() {
                visit(v);
            }
        }
    }
}

/// The two types, created with the module.
pub fn new_types(vm: &Vm) -> (ObjRef, ObjRef) {
    let iterator = new_native_type(
        vm,
        NativeTypeSpec {
            name: "ScandirIterator",
            module: "posix",
            base: None,
            new: None,
            init: None,
            methods: &[
                ("__iter__", iter_self),
                ("__next__", iter_next),
                ("close", iter_close),
                ("__enter__", iter_self),
                ("__exit__", iter_exit),
            ],
            subclassable: false,
        },
    );
    let entry = new_native_type(
        vm,
        NativeTypeSpec {
            name: "DirEntry",
            module: "posix",
            base: None,
            new: None,
            init: None,
            methods: &[
                ("inode", entry_inode),
                ("is_dir", entry_is_dir),
                ("is_file", entry_is_file),
                ("is_symlink", entry_is_symlink),
                ("is_junction", entry_is_junction),
                ("stat", entry_stat),
                ("__fspath__", entry_path),
                ("__repr__", entry_repr),
            ],
            subclassable: false,
        },
    );
    add_getters(vm, &entry, &[("name", entry_name), ("path", entry_path)]);
    (iterator, entry)
}

/// `os.scandir(path='.')`.
pub fn scandir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind(
        vm,
        &args,
        &Params {
            func: "scandir",
            names: &["path"],
            required: 0,
            positional: 1,
        },
    )?;
    let path = match &a[0] {
        None | Some(Value::None) => vm.new_str("."),
        Some(v) => v.clone(),
    };
    let p = path_arg(vm, "scandir", "path", &path)?;
    let dir = p.c_path.as_bytes().to_vec();
    let os_dir = std::path::Path::new(std::ffi::OsStr::from_bytes(&dir));
    let entries = std::fs::read_dir(os_dir).map_err(|e| io_error(vm, &e, Some(&p.original)))?;
    let ty = state(vm)?.scandir_iterator.clone();
    Ok(vm.new_native_instance(
        &ty,
        ScandirIterator {
            entries: RefCell::new(Some(entries)),
            dir,
            original: p.original,
            as_bytes: p.is_bytes,
        },
    ))
}

fn iter_self(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.native_self::<ScandirIterator>(&args, "__iter__", "ScandirIterator")?;
    Ok(args.pos()[0].clone())
}

fn iter_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let it = vm.native_self::<ScandirIterator>(&args, "__next__", "ScandirIterator")?;
    let next = it.entries.borrow_mut().as_mut().and_then(Iterator::next);
    let entry = match next {
        None => {
            *it.entries.borrow_mut() = None;
            return Err(stop_iteration(vm));
        }
        Some(Err(e)) => return Err(io_error(vm, &e, Some(&it.original))),
        Some(Ok(entry)) => entry,
    };
    let raw_name = entry.file_name();
    let raw_name = raw_name.as_bytes();
    let mut full = it.dir.clone();
    if !full.ends_with(b"/") {
        full.push(b'/');
    }
    full.extend_from_slice(raw_name);
    let data = DirEntry {
        name: name_value(vm, raw_name, it.as_bytes),
        path: name_value(vm, &full, it.as_bytes),
        inode: entry.ino(),
        file_type: entry.file_type().ok(),
        stat: RefCell::new(None),
        lstat: RefCell::new(None),
    };
    let ty = state(vm)?.dir_entry.clone();
    Ok(vm.new_native_instance(&ty, data))
}

fn iter_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let it = vm.native_self::<ScandirIterator>(&args, "close", "ScandirIterator")?;
    *it.entries.borrow_mut() = None;
    Ok(Value::None)
}

fn iter_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let it = vm.native_self::<ScandirIterator>(&args, "__exit__", "ScandirIterator")?;
    *it.entries.borrow_mut() = None;
    Ok(Value::None)
}

fn entry<'a>(vm: &Vm, args: &'a Args, method: &str) -> PyResult<&'a DirEntry> {
    vm.native_self::<DirEntry>(args, method, "posix.DirEntry")
}

fn entry_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(entry(vm, &args, "name")?.name.clone())
}

fn entry_path(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(entry(vm, &args, "path")?.path.clone())
}

fn entry_inode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let e = entry(vm, &args, "inode")?;
    Ok(vm.new_int(adder_numeric::BigInt::from(e.inode)))
}

fn entry_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = entry(vm, &args, "__repr__")?.name.clone();
    let shown = vm.repr(&name)?;
    Ok(vm.new_str(&format!("<DirEntry {shown}>")))
}

/// The `follow_symlinks` keyword of `is_dir`, `is_file` and `stat`.
fn follow_symlinks(vm: &mut Vm, args: &Args, func: &'static str) -> PyResult<bool> {
    let rest = Args {
        values: &args.values[1.min(args.values.len())..],
        kwnames: args.kwnames,
    };
    let a = bind(
        vm,
        &rest,
        &Params {
            func,
            names: &["follow_symlinks"],
            required: 0,
            positional: 0,
        },
    )?;
    bool_arg(vm, a[0].as_ref(), true)
}

/// The entry's `stat_result`, made once per `follow` setting.
fn cached_stat(vm: &mut Vm, e: &DirEntry, follow: bool) -> PyResult<Value> {
    let is_link = e.file_type.is_some_and(|t| t.is_symlink());
    let follow = follow && is_link;
    let slot = if follow { &e.stat } else { &e.lstat };
    if let Some(v) = slot.borrow().as_ref() {
        return Ok(v.clone());
    }
    let p = path_arg(vm, "stat", "path", &e.path)?;
    let mut buf = std::mem::MaybeUninit::<libc::stat>::uninit();
    // SAFETY: a NUL-terminated path and a writable stat buffer.
    let rc = unsafe {
        if follow {
            libc::stat(p.c_path.as_ptr(), buf.as_mut_ptr())
        } else {
            libc::lstat(p.c_path.as_ptr(), buf.as_mut_ptr())
        }
    };
    if rc != 0 {
        return Err(last_error(vm, Some(&e.path)));
    }
    // SAFETY: the call succeeded and filled the struct.
    let st = unsafe { buf.assume_init() };
    let v = super::stat::stat_result(vm, &st)?;
    *slot.borrow_mut() = Some(v.clone());
    Ok(v)
}

fn entry_stat(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let e = entry(vm, &args, "stat")?;
    let follow = follow_symlinks(vm, &args, "stat")?;
    cached_stat(vm, e, follow)
}

/// Whether the entry is of the kind `mode_kind` (`S_IFDIR`, `S_IFREG`), following a
/// symlink when asked; a vanished target is simply "no".
fn entry_is(vm: &mut Vm, args: &Args, func: &'static str, mode_kind: u32) -> PyResult<Value> {
    let e = entry(vm, args, func)?;
    let follow = follow_symlinks(vm, args, func)?;
    let is_link = e.file_type.is_some_and(|t| t.is_symlink());
    if let (Some(t), false) = (e.file_type, follow && is_link) {
        let found = if mode_kind == libc::S_IFDIR {
            t.is_dir()
        } else {
            t.is_file()
        };
        return Ok(Value::Bool(found));
    }
    let st = match cached_stat(vm, e, follow) {
        Ok(st) => st,
        Err(err)
            if vm.is_instance(
                &Value::Obj(err.0.clone()),
                &vm.types().exc.file_not_found_error.clone(),
            ) =>
        {
            return Ok(Value::Bool(false))
        }
        Err(err) => return Err(err),
    };
    let mode = vm.get_attr_str(&st, "st_mode")?;
    let mode = crate::args::int_arg(vm, &mode)? as u32;
    Ok(Value::Bool(mode & libc::S_IFMT == mode_kind))
}

fn entry_is_dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    entry_is(vm, &args, "is_dir", libc::S_IFDIR)
}

fn entry_is_file(vm: &mut Vm, args: Args) -> PyResult<Value> {
    entry_is(vm, &args, "is_file", libc::S_IFREG)
}

fn entry_is_symlink(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let e = entry(vm, &args, "is_symlink")?;
    Ok(Value::Bool(e.file_type.is_some_and(|t| t.is_symlink())))
}

fn entry_is_junction(vm: &mut Vm, args: Args) -> PyResult<Value> {
    entry(vm, &args, "is_junction")?;
    Ok(Value::Bool(false))
}
