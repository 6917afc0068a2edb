//! Starting an OS thread that runs Python code (CPython's `thread_run` in
//! `Modules/_threadmodule.c`): the thread gets its own thread state (a `Vm` with an
//! empty frame stack) in the same interpreter, and runs only while holding the
//! interpreter's GIL (see `gil.rs` for why that makes sharing objects sound).

use std::os::unix::thread::JoinHandleExt;

use crate::gc::registry::SharedRegistry;
use crate::gil::GilBound;
use crate::runtime::ThreadState;
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
