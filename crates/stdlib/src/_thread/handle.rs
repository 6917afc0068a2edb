//! `_thread._ThreadHandle` and the functions `threading` builds its bookkeeping on
//! (`_make_thread_handle`, `_shutdown`, `_is_main_interpreter`, `set_name`). adder runs
//! one thread, so the only handle that is ever started is the main thread's; a handle
//! made by `Thread()` stays "not started" because starting a thread is refused.

use std::cell::Cell;

use adder_vm::native_module::{
    add_functions, add_getters, add_type, new_native_type, NativeObject, NativeTypeSpec,
};
use adder_vm::object::{ObjRef, Payload, PyObject};
use adder_vm::objects::function::{Args, NativeFn};
use adder_vm::{PyResult, Value, Vm};

use crate::args::positional;

/// A thread's handle: its ident once started, and whether it has finished.
struct ThreadHandle {
    ident: Option<u64>,
    done: Cell<bool>,
}

impl NativeObject for ThreadHandle {}

/// The `_ThreadHandle` type, for `_make_thread_handle` (module state).
struct HandleType(ObjRef);

pub fn install(vm: &mut Vm, module: &ObjRef) {
    let ty = new_native_type(
        vm,
        NativeTypeSpec {
            name: "_ThreadHandle",
            module: "_thread",
            base: None,
            new: Some(handle_new),
            init: None,
            methods: &[
                ("is_done", is_done),
                ("_set_done", set_done),
                ("join", join),
                ("__repr__", handle_repr),
            ],
            subclassable: false,
        },
    );
    add_getters(vm, &ty, &[("ident", handle_ident)]);
    add_type(vm, module, &ty);
    vm.set_native_state(HandleType(ty));
    let functions: &[(&str, NativeFn)] = &[
        ("_make_thread_handle", make_thread_handle),
        ("_shutdown", shutdown),
        ("_is_main_interpreter", is_main_interpreter),
        ("set_name", set_name),
    ];
    add_functions(vm, module, functions);
    install_local(vm, module);
}

fn this<'a>(vm: &Vm, args: &'a Args, method: &str) -> PyResult<&'a ThreadHandle> {
    vm.native_self::<ThreadHandle>(args, method, "_thread._ThreadHandle")
}

/// `_ThreadHandle()`: a handle for a thread not started yet.
fn handle_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.pos().first() else {
        return Err(vm.type_error("_ThreadHandle.__new__(X): X is not a type object"));
    };
    let data = ThreadHandle {
        ident: None,
        done: Cell::new(false),
    };
    Ok(vm.new_native_instance(cls, data))
}

/// `_make_thread_handle(ident)`: the handle of a running thread (the main thread's).
fn make_thread_handle(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = positional(vm, &args, "_make_thread_handle", 1, 1)?;
    // Thread idents are addresses, below 2**63 on the platforms adder runs on.
    let ident = crate::args::int_arg(vm, &pos[0])? as u64;
    let Some(ty) = vm.native_state::<HandleType>() else {
        return Err(vm.system_error("_thread is not initialised"));
    };
    let data = ThreadHandle {
        ident: Some(ident),
        done: Cell::new(false),
    };
    Ok(vm.new_native_instance(&ty.0, data))
}

fn handle_ident(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let h = this(vm, &args, "ident")?;
    Ok(vm.new_int(adder_numeric::BigInt::from(h.ident.unwrap_or(0))))
}

fn is_done(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(this(vm, &args, "is_done")?.done.get()))
}

fn set_done(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args, "_set_done")?.done.set(true);
    Ok(Value::None)
}

/// `join(timeout=None)`: a finished thread joins at once; the running (main) thread
/// cannot join itself; an unstarted one cannot be joined.
fn join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let h = this(vm, &args, "join")?;
    if h.done.get() {
        return Ok(Value::None);
    }
    match h.ident {
        None => Err(vm.runtime_error("thread not started")),
        Some(_) => Err(vm.runtime_error("Cannot join current thread")),
    }
}

fn handle_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let h = this(vm, &args, "__repr__")?;
    let text = format!(
        "<_thread._ThreadHandle object: ident={}>",
        h.ident.unwrap_or(0)
    );
    Ok(vm.new_str(&text))
}

/// `_shutdown()`: wait for the non-daemon threads; there are none besides this one.
fn shutdown(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "_shutdown", 0, 0)?;
    Ok(Value::None)
}

fn is_main_interpreter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "_is_main_interpreter", 0, 0)?;
    Ok(Value::Bool(true))
}

/// `set_name(name)`: the OS-level thread name (at most 15 bytes on Linux, cut at a
/// character boundary as CPython does).
fn set_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = positional(vm, &args, "set_name", 1, 1)?;
    let Some(Payload::Str(name)) = pos[0].payload() else {
        return Err(vm.type_error(format!(
            "set_name() argument 'name' must be str, not {}",
            vm.type_name(&pos[0])
        )));
    };
    let mut cut = name.as_str().len().min(15);
    while !name.as_str().is_char_boundary(cut) {
        cut -= 1;
    }
    let bytes: Vec<u8> = name.as_str().as_bytes()[..cut]
        .iter()
        .copied()
        .filter(|&b| b != 0)
        .collect();
    if let Ok(c_name) = std::ffi::CString::new(bytes) {
        // SAFETY: a NUL-terminated name of at most 15 bytes for the calling thread.
        unsafe { libc::pthread_setname_np(libc::pthread_self(), c_name.as_ptr()) };
    }
    Ok(Value::None)
}

/// The state of a `_thread._local`: none besides its `__dict__`, since with one
/// thread the thread-local namespace is the instance's own.
struct Local;

impl NativeObject for Local {}

/// `_local(*args, **kwargs)`: arguments only when a subclass takes them in `__init__`.
fn local_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.pos().first() else {
        return Err(vm.type_error("_local.__new__(X): X is not a type object"));
    };
    let has_arguments = args.values.len() > 1;
    if has_arguments && !vm.type_is_heap(cls) {
        return Err(vm.type_error("Initialization arguments are not supported"));
    }
    Ok(Value::obj(PyObject::with_dict(
        cls.clone(),
        Payload::Native(Box::new(Local)),
        vm.new_dict(),
    )))
}

/// Add `_local` to the module.
fn install_local(vm: &mut Vm, module: &ObjRef) {
    let ty = new_native_type(
        vm,
        NativeTypeSpec {
            name: "_local",
            module: "_thread",
            base: None,
            new: Some(local_new),
            init: None,
            methods: &[],
            subclassable: true,
        },
    );
    add_type(vm, module, &ty);
}
