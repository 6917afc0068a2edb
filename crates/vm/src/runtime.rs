//! The three levels of state, as in CPython (`Include/internal/pycore_*state.h`):
//! the *runtime* (process-wide: the hash secret), *interpreter states* (modules,
//! builtins, types, configuration, the GIL), and *thread states* (a frame stack and the
//! exception being handled). `Vm` is one thread running in one interpreter; each OS
//! thread that runs Python code has its own `Vm`, sharing the `Interpreter` under the
//! GIL (see `gil.rs` for the rule that makes this sound).

use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;

use crate::frame::Frame;
use crate::object::ObjRef;
use crate::types::TypeRegistry;
use crate::value::Value;

/// Process-wide state. One per process; it outlives every interpreter. The GIL is the
/// interpreter's (`Interpreter::gil`), so that independent interpreters (unit tests
/// running in parallel) do not serialise each other.
pub struct Runtime {}

impl Runtime {
    pub fn new(hash_seed: Option<u32>) -> Runtime {
        crate::objects::str::init_hash_secret(hash_seed);
        Runtime {}
    }
}

/// How the interpreter was started: what `sys` reports and what the flags change.
#[derive(Clone, Default)]
pub struct Config {
    pub argv: Vec<String>,
    pub executable: String,
    /// `sys.path[0]`: the script's directory, or '' for `-c` and standard input.
    pub script_dir: String,
    /// `-B` / `PYTHONDONTWRITEBYTECODE`.
    pub dont_write_bytecode: bool,
    /// `-u`.
    pub unbuffered: bool,
    /// `-E`.
    pub ignore_environment: bool,
    /// `-s`.
    pub no_user_site: bool,
    /// `sys.warnoptions`: `PYTHONWARNINGS` entries, then `-W` options, then `-b`'s.
    pub warnoptions: Vec<String>,
}

/// Per-interpreter state: everything modules and code share.
pub struct Interpreter {
    pub types: TypeRegistry,
    pub builtins: ObjRef,
    /// The builtins module's namespace.
    pub builtins_dict: ObjRef,
    /// `sys.modules`.
    pub modules: ObjRef,
    pub sys: ObjRef,
    pub config: Config,
    pub recursion_limit: Cell<usize>,
    /// `sys.get_int_max_str_digits()`.
    pub int_max_str_digits: Cell<usize>,
    /// Source text of code that has no file (`-c`, standard input), for tracebacks
    /// (CPython keeps it in `linecache`).
    pub registered_sources: std::cell::RefCell<std::collections::HashMap<String, Rc<str>>>,
    /// Interned strings (identifiers): one str object per distinct name, so namespace
    /// lookups usually succeed on identity without comparing text.
    pub interned: std::cell::RefCell<crate::interpreter::InternTable>,
    /// The one-character strings U+0000..U+00FF, shared as in CPython.
    pub latin1_chars: Vec<Value>,
    /// Modules written in Rust, by name (see `native_module.rs`).
    pub native_modules: std::cell::RefCell<Vec<(&'static str, crate::native_module::ModuleInit)>>,
    /// Native modules' per-interpreter state, one value per Rust type (see `native_state.rs`).
    pub native_state: crate::native_state::NativeStates,
    /// The global interpreter lock: a thread touches objects only while holding it.
    pub gil: Arc<crate::gil::Gil>,
    /// `_thread._get_main_thread_ident()`: the thread that made the interpreter.
    pub main_thread_ident: u64,
    /// The thread states of the threads waiting without the GIL, with their idents,
    /// so that the GIL holder can see their frames (`sys._current_frames`; see
    /// `Vm::park`).
    pub parked_threads: std::cell::RefCell<Vec<(u64, *mut ThreadState)>>,
    /// The per-module import locks, shared with threads waiting without the GIL.
    pub import_locks: crate::import::ImportLocks,
}

/// Work a thread does when it ends (see `ThreadState::at_exit`).
pub type ThreadExitWork = Box<dyn FnOnce(&mut Vm)>;

/// Per-thread state: the frames being run and the exception being handled.
pub struct ThreadState {
    /// Python frames, innermost last. Boxed so that a frame does not move while the eval
    /// loop works on it, whatever calls push above it.
    pub frames: Vec<Box<Frame>>,
    /// The exception currently being handled (`sys.exception()`), or `None`.
    pub exc_info: Value,
    /// Depth of Rust-level re-entry into the VM (native code calling Python code),
    /// bounded so that no input can overflow the Rust stack.
    pub native_depth: usize,
    /// Recycled frames, so that a call does not allocate.
    pub free_frames: Vec<Box<Frame>>,
    /// Containers whose repr is being computed (to print `[...]` for cycles).
    pub repr_stack: Vec<usize>,
    /// Set by `raise`/`RERAISE` of an exception that already has its traceback entry.
    pub reraising: bool,
    /// Where RERAISE really is: the handler search starts there, although the frame's
    /// `lasti` was restored to the original raising instruction (as CPython does).
    pub reraise_offset: Option<usize>,
    /// A generator frame that just yielded, for the `gen_resume` that ran it.
    pub suspended: Option<Box<Frame>>,
    /// Whether this is the interpreter's main thread (the only one that sees Ctrl-C).
    pub is_main: bool,
    /// Work for when this thread ends, run under the GIL before its state goes
    /// (CPython's clearing of the thread state's dict): `threading.local` forgets the
    /// thread's namespaces, whose finalizers then run in this thread.
    pub at_exit: Vec<ThreadExitWork>,
}

impl ThreadState {
    /// The state of an interpreter's main thread.
    pub fn new() -> ThreadState {
        ThreadState {
            is_main: true,
            frames: Vec::with_capacity(64),
            exc_info: Value::None,
            native_depth: 0,
            free_frames: Vec::new(),
            repr_stack: Vec::new(),
            reraising: false,
            reraise_offset: None,
            suspended: None,
            at_exit: Vec::new(),
        }
    }
}

impl Default for ThreadState {
    fn default() -> Self {
        ThreadState::new()
    }
}

/// One thread running Python code in one interpreter: what every VM function receives.
pub struct Vm {
    pub interp: Rc<Interpreter>,
    pub thread: ThreadState,
    /// `sys.stdout`'s buffer.
    pub stdout: crate::output::Output,
}
