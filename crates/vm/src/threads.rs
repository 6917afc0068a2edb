//! Starting an OS thread that runs Python code (CPython's `thread_run` in
//! `Modules/_threadmodule.c`): the thread gets its own thread state (a `Vm` with an
//! empty frame stack) in the same interpreter, and runs only while holding the
//! interpreter's GIL (see `gil.rs` for why that makes sharing objects sound). Also
//! `sys._current_frames()`, which looks at the frames of every thread.

use std::os::unix::thread::JoinHandleExt;

use adder_numeric::BigInt;

use crate::error::PyResult;
use crate::frame::Frame;
use crate::gc::registry::SharedRegistry;
use crate::gil::{current_thread_ident, GilBound};
use crate::objects::dict;
use crate::objects::function::Args;
use crate::runtime::ThreadState;
use crate::value::Value;
use crate::vm::Vm;

/// The stack of a thread that runs Python code: as large as the main interpreter
/// thread's (see the `adder` binary), so that the same nesting limits fit. Only the
/// pages a thread touches are committed.
pub const THREAD_STACK_SIZE: usize = 1 << 30;

impl Vm {
    /// A thread state for a new thread of this interpreter, sharing its standard
    /// output buffer.
    fn new_thread_state(&self) -> Vm {
        Vm {
            interp: self.interp.clone(),
            thread: ThreadState {
                is_main: false,
                ..ThreadState::new()
            },
            stdout: self.stdout.clone(),
        }
    }

    /// Start an OS thread that runs `body` on a thread state of its own, then, once
    /// every object it used is released and the GIL let go, `on_exit` (which gets no
    /// object: it may only signal Rust-level waiters). Returns the new thread's ident
    /// (`get_ident()` in it), or the OS error that refused the thread.
    pub fn start_thread(
        &mut self,
        stack_size: usize,
        body: impl FnOnce(&mut Vm) + 'static,
        on_exit: impl FnOnce() + Send + 'static,
    ) -> std::io::Result<u64> {
        let Some(registry) = SharedRegistry::of_current_thread() else {
            return Err(std::io::Error::other("no cycle-collector registry"));
        };
        let gil = self.interp.gil.clone();
        let start = GilBound::new((self.new_thread_state(), body));
        let thread = std::thread::Builder::new()
            .stack_size(stack_size.max(THREAD_STACK_SIZE))
            .spawn(move || {
                registry.adopt();
                gil.acquire();
                // SAFETY: this thread holds the GIL of the interpreter `start` belongs to.
                let (mut vm, body) = unsafe { start.into_inner() };
                let ran = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    body(&mut vm);
                    vm.run_thread_exit_work();
                    vm.release_thread_local_objects();
                    drop(vm);
                }));
                if ran.is_err() {
                    // A bug; the other threads could wait for this one's GIL forever.
                    eprintln!("Fatal Python error: a thread failed");
                    std::process::abort();
                }
                gil.release();
                on_exit();
            })?;
        Ok(thread.as_pthread_t())
    }
}

impl Vm {
    /// Run the thread's `at_exit` work, latest registration first, including work
    /// registered meanwhile.
    fn run_thread_exit_work(&mut self) {
        while let Some(work) = self.thread.at_exit.pop() {
            work(self);
        }
    }
}

/// `sys._current_frames()`: the innermost frame object of each thread running Python
/// code, by thread ident. The other threads are parked (waiting without the GIL, see
/// `Vm::park`), so their frame stacks hold still while this reads them.
pub fn sys_current_frames(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.values.is_empty() {
        return Err(vm.type_error(format!(
            "sys._current_frames() takes no arguments ({} given)",
            args.values.len()
        )));
    }
    let result = vm.new_dict();
    let own: *mut ThreadState = &mut vm.thread;
    let parked = vm.interp.parked_threads.borrow().clone();
    for (ident, state) in std::iter::once((current_thread_ident(), own)).chain(parked) {
        // SAFETY: this thread's own state, or a parked thread's, which no one else
        // touches while this thread holds the GIL (see `Vm::park`).
        let Some(frame) = (unsafe { (*state).frames.last_mut() }) else {
            continue;
        };
        let frame: *mut Frame = &mut **frame;
        // SAFETY: the frame is boxed and stays on its stack while this runs.
        let object = vm.frame_object(unsafe { &mut *frame });
        let ident = vm.new_int(BigInt::from(ident));
        dict::set_item(vm, &result, ident, Value::Obj(object))?;
    }
    Ok(Value::Obj(result))
}
