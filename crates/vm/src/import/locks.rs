//! Per-module import locks (CPython's `_ModuleLock` in `importlib._bootstrap`): a
//! thread that imports a module holds its lock from the search until the module's
//! code has run, so that another thread importing the same module waits for it
//! instead of running it a second time or using it half-initialised. The locks are
//! reentrant (a circular import in one thread goes on with the partial module), and
//! a wait that would close a cycle of threads waiting for each other's modules is
//! refused (CPython's `_DeadlockError`): that import uses the partial module.
//!
//! The table is shared by the interpreter's threads without the GIL (a waiting thread
//! lets go of the GIL), hence a mutex and a condition variable.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

use crate::gil::current_thread_serial;
use crate::vm::Vm;

#[derive(Default)]
struct Table {
    /// Module name → (owning thread's serial, how many times it holds the lock).
    owners: HashMap<String, (u64, usize)>,
    /// Thread serial → the module whose lock it waits for.
    waiting_for: HashMap<u64, String>,
}

/// An interpreter's import locks (`Interpreter::import_locks`).
#[derive(Default)]
pub struct ImportLocks {
    table: Mutex<Table>,
    /// Signalled whenever a lock is let go.
    released: Condvar,
    /// How many modules are locked: zero (the common case once a program runs) lets a
    /// `sys.modules` hit skip the mutex. Changed under the mutex and the GIL, read
    /// under the GIL.
    held: AtomicUsize,
}

/// What an attempt to take a module's lock gave.
#[derive(PartialEq, Eq)]
pub(crate) enum Taken {
    Yes,
    /// Waiting would deadlock: the lock is not held.
    Deadlock,
}

impl ImportLocks {
    fn lock(&self) -> MutexGuard<'_, Table> {
        // No code panics while holding this mutex; a poisoned one is still consistent.
        self.table.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Take `name`'s lock if it is free or already this thread's; `None` when another
    /// thread holds it.
    fn try_take(&self, table: &mut Table, name: &str, me: u64) -> Option<Taken> {
        match table.owners.get_mut(name) {
            None => {
                table.owners.insert(name.to_string(), (me, 1));
                self.held.store(table.owners.len(), Ordering::Relaxed);
                Some(Taken::Yes)
            }
            Some((owner, depth)) if *owner == me => {
                *depth += 1;
                Some(Taken::Yes)
            }
            Some(_) => None,
        }
    }

    /// Whether `me` waiting for `name` would close a cycle: the owner of `name` waits
    /// (through other threads) for a lock that `me` holds.
    fn would_deadlock(table: &Table, name: &str, me: u64) -> bool {
        let mut wanted = name;
        // Each step moves to another thread; more steps than threads means a cycle
        // that does not include `me`, which is not this thread's to report.
        for _ in 0..=table.waiting_for.len() {
            let Some(&(owner, _)) = table.owners.get(wanted) else {
                return false;
            };
            if owner == me {
                return true;
            }
            match table.waiting_for.get(&owner) {
                Some(next) => wanted = next,
                None => return false,
            }
        }
        false
    }

    /// Take `name`'s lock, waiting (the caller has let go of the GIL) while another
    /// thread holds it.
    fn take_waiting(&self, name: &str, me: u64) -> Taken {
        let mut table = self.lock();
        loop {
            if let Some(taken) = self.try_take(&mut table, name, me) {
                table.waiting_for.remove(&me);
                return taken;
            }
            if Self::would_deadlock(&table, name, me) {
                table.waiting_for.remove(&me);
                return Taken::Deadlock;
            }
            table.waiting_for.insert(me, name.to_string());
            table = self
                .released
                .wait(table)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }

    fn release(&self, name: &str, me: u64) {
        let mut table = self.lock();
        if let Some((owner, depth)) = table.owners.get_mut(name) {
            if *owner == me {
                *depth -= 1;
                if *depth == 0 {
                    table.owners.remove(name);
                    self.held.store(table.owners.len(), Ordering::Relaxed);
                }
            }
        }
        drop(table);
        self.released.notify_all();
    }

    /// Whether a thread other than `me` holds `name`'s lock.
    fn held_by_other(&self, name: &str, me: u64) -> bool {
        self.held.load(Ordering::Relaxed) != 0
            && self
                .lock()
                .owners
                .get(name)
                .is_some_and(|&(owner, _)| owner != me)
    }
}

impl Vm {
    /// Take the import lock of module `name`, letting go of the GIL while another
    /// thread has it. Every `Taken::Yes` needs a [`Vm::release_import_lock`].
    pub(crate) fn take_import_lock(&mut self, name: &str) -> Taken {
        let interp = self.interp.clone();
        let locks = &interp.import_locks;
        let me = current_thread_serial();
        if let Some(taken) = locks.try_take(&mut locks.lock(), name, me) {
            return taken;
        }
        self.allow_threads(|| locks.take_waiting(name, me))
    }

    pub(crate) fn release_import_lock(&mut self, name: &str) {
        self.interp
            .import_locks
            .release(name, current_thread_serial());
    }

    /// A module found in `sys.modules` may still be running its code in another
    /// thread: wait until that import ends (CPython's `_lock_unlock_module`; on a
    /// deadlock the partial module is used).
    pub(crate) fn wait_for_import_by_other_thread(&mut self, name: &str) {
        if self
            .interp
            .import_locks
            .held_by_other(name, current_thread_serial())
            && self.take_import_lock(name) == Taken::Yes
        {
            self.release_import_lock(name);
        }
    }
}
