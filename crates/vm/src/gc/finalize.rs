//! Finalizers: `__del__` (PEP 442) and weakref callbacks, queued when an object dies
//! and run by the eval loop at its next instruction boundary.
//!
//! When an instance of a class with `__del__` dies, its contents move to a fresh
//! object (the dying `Rc` cannot come back) marked finalized, and that object is
//! queued: `__del__` runs on it, then it is released; if `__del__` stored it somewhere
//! it lives on (resurrection), and its next death does not call `__del__` again.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use crate::object::{ObjRef, Payload, PyObject};
use crate::value::Value;
use crate::vm::Vm;

/// Python code a death asked for.
pub(crate) enum Deferred {
    /// Call `type(obj).__del__(obj)`.
    Finalize(ObjRef),
    /// Call `callback(weakref)`: `weakref`'s referent died.
    WeakCallback { weakref: ObjRef, callback: Value },
    /// Warn that this coroutine (the contents of one that died unstarted) was never
    /// awaited.
    UnawaitedCoroutine(ObjRef),
    /// Close this generator (the contents of one that died suspended in a block).
    CloseGenerator(ObjRef),
}

thread_local! {
    /// Whether `QUEUE` has work: tested before every instruction, so a plain flag.
    static PENDING: Cell<bool> = const { Cell::new(false) };
    static QUEUE: RefCell<VecDeque<Deferred>> = const { RefCell::new(VecDeque::new()) };
    /// The cycle collector asked to run (see `collect::track`).
    static COLLECT: Cell<bool> = const { Cell::new(false) };
}

/// Ask for an automatic cycle collection at the next instruction boundary.
pub(crate) fn request_collection() {
    let _ = COLLECT.try_with(|c| c.set(true));
    let _ = PENDING.try_with(|p| p.set(true));
}

/// Whether deaths have queued Python code to run.
#[inline(always)]
pub fn has_deferred() -> bool {
    PENDING.with(Cell::get)
}

/// Queue `work` for the next instruction boundary. Returns it when it cannot be
/// queued (the thread is exiting), for the caller to drop.
pub(crate) fn defer(work: Deferred) -> Option<Deferred> {
    let mut work = Some(work);
    let queued = QUEUE.try_with(|q| match q.try_borrow_mut() {
        Ok(mut q) => {
            if let Some(w) = work.take() {
                q.push_back(w);
            }
            true
        }
        Err(_) => false,
    });
    if queued == Ok(true) {
        let _ = PENDING.try_with(|p| p.set(true));
    }
    work
}

/// Everything queued so far, leaving the queue empty.
fn take_queue() -> VecDeque<Deferred> {
    let _ = PENDING.try_with(|p| p.set(false));
    QUEUE
        .try_with(|q| {
            q.try_borrow_mut()
                .map(|mut q| std::mem::take(&mut *q))
                .unwrap_or_default()
        })
        .unwrap_or_default()
}

/// Called from `PyObject::drop`: if the object's class has a `__del__` that has not
/// run yet, move the object's contents to a new object and queue `__del__` on it.
/// Returns false when the object is to be destroyed normally.
pub(crate) fn defer_finalizer(obj: &mut PyObject) -> bool {
    let Some(class) = obj.class.get_mut().as_ref() else {
        return false;
    };
    if !class.as_type().is_some_and(|t| t.is_heap) {
        return false;
    }
    if obj.extra.get_mut().as_ref().is_some_and(|e| e.finalized) {
        return false;
    }
    if !super::cache::class_has_del(class) {
        return false;
    }
    let extra = obj.extra.get_mut().take().unwrap_or_default();
    let phoenix = Rc::new(PyObject {
        class: RefCell::new(obj.class.get_mut().take()),
        dict: RefCell::new(obj.dict.get_mut().take()),
        payload: std::mem::replace(&mut obj.payload, Payload::Instance),
        extra: Cell::new(None),
        gc_slot: Cell::new(super::registry::UNTRACKED),
    });
    super::weakref::retarget(&extra, &phoenix);
    phoenix.extra.set(Some(extra));
    // The resurrected object stays a container the collector knows: if it ends up in
    // a cycle later, the cycle must still be found.
    super::collect::track(&phoenix);
    if let Some(Deferred::Finalize(phoenix)) = defer(Deferred::Finalize(phoenix)) {
        // No queue any more (thread exit): destroy it without `__del__`.
        drop(phoenix);
    }
    true
}

/// Called from `PyObject::drop`: a coroutine that dies without having started gets
/// CPython's "coroutine '...' was never awaited" RuntimeWarning. Its contents move to
/// a new object (the warning shows it as its source), without the frame, so that its
/// own death does not warn again.
pub(crate) fn defer_unawaited_warning(obj: &mut PyObject) -> bool {
    let Payload::Generator(g) = &obj.payload else {
        return false;
    };
    let unawaited = g.kind == crate::objects::generator::GenKind::Coroutine
        && !g.started.get()
        && !g.finished.get()
        && g.frame.borrow().is_some();
    if !unawaited {
        return false;
    }
    let frame = g.frame.borrow_mut().take();
    drop(frame);
    let coroutine = Rc::new(PyObject {
        class: RefCell::new(obj.class.get_mut().take()),
        dict: RefCell::new(obj.dict.get_mut().take()),
        payload: std::mem::replace(&mut obj.payload, Payload::Instance),
        extra: Cell::new(None),
        gc_slot: Cell::new(super::registry::UNTRACKED),
    });
    if let Some(Deferred::UnawaitedCoroutine(c)) = defer(Deferred::UnawaitedCoroutine(coroutine)) {
        drop(c);
    }
    true
}

/// `gc.is_finalized(obj)`: whether its `__del__` already ran.
pub fn is_finalized(o: &PyObject) -> bool {
    o.read_extra(|e| e.is_some_and(|e| e.finalized))
}

impl Vm {
    /// Called by a thread about to end, under the GIL: run what its objects' deaths
    /// queued, and empty its thread-local caches that hold objects, so that the
    /// thread-local destructors, which run after the GIL is let go, free no object
    /// (see `gil.rs`). Emptying a cache can kill objects whose `__del__` queues more
    /// work, hence the loop; it is bounded in case finalizers keep resurrecting.
    pub fn release_thread_local_objects(&mut self) {
        for _ in 0..100 {
            self.run_deferred();
            crate::protocol::attr::type_cache::clear();
            if !has_deferred() {
                return;
            }
        }
    }
}

impl Vm {
    /// Run the Python code that deaths have queued (`__del__`, weakref callbacks), in
    /// CPython's order: what a finalizer's own work kills runs before the rest of the
    /// queue, as CPython's nested deallocations would.
    pub fn run_deferred(&mut self) {
        if COLLECT.try_with(|c| c.replace(false)).unwrap_or(false) {
            self.collect_automatically();
        }
        let mut stack = vec![take_queue()];
        while let Some(batch) = stack.last_mut() {
            let Some(work) = batch.pop_front() else {
                stack.pop();
                continue;
            };
            self.run_one(work);
            let more = take_queue();
            if !more.is_empty() {
                while stack.last().is_some_and(VecDeque::is_empty) {
                    stack.pop();
                }
                stack.push(more);
            }
        }
    }

    fn run_one(&mut self, work: Deferred) {
        match work {
            Deferred::Finalize(obj) => {
                let class = self.class_of(&obj);
                self.call_finalizer(&obj, &class);
            }
            Deferred::WeakCallback { weakref, callback } => {
                if let Err(e) = self.call(&callback, &[Value::Obj(weakref)]) {
                    self.report_unraisable("while calling weakref callback", &callback, &e.0);
                }
            }
            Deferred::CloseGenerator(generator) => self.close_dying_generator(generator),
            Deferred::UnawaitedCoroutine(coroutine) => {
                let coroutine = Value::Obj(coroutine);
                if let Err(e) = self.warn_unawaited_coroutine(&coroutine) {
                    self.report_unraisable("while finalizing", &coroutine, &e.0);
                }
            }
        }
    }

    /// Call `__del__` on `obj` and mark it finalized (after the call, as CPython:
    /// `gc.is_finalized` is false inside `__del__`).
    pub(crate) fn call_finalizer(&mut self, obj: &ObjRef, class: &ObjRef) {
        if let Some(del) = self.type_lookup(class, "__del__") {
            let receiver = Value::Obj(obj.clone());
            // A function is called with the object (and reported as itself); another
            // descriptor is bound first, as CPython's `lookup_maybe_method`.
            let (called, result) = if matches!(del.payload(), Some(Payload::Function(_))) {
                let r = self.call_method_value(&del, &receiver, &[]);
                (del, r)
            } else {
                match self.bind_descriptor(del.clone(), &receiver, class) {
                    Ok(bound) => {
                        let r = self.call(&bound, &[]);
                        (bound, r)
                    }
                    Err(e) => (del, Err(e)),
                }
            };
            if let Err(e) = result {
                self.report_unraisable("while calling deallocator", &called, &e.0);
            }
        }
        obj.update_extra(|e| e.finalized = true);
    }
}

impl Vm {
    /// An exception raised by native code has no traceback: CPython then reports
    /// the Python frame that was running.
    pub(crate) fn add_current_frame_if_no_traceback(&mut self, exc: &ObjRef) {
        let has_traceback = self
            .exception_data(exc)
            .is_some_and(|d| d.try_borrow().is_ok_and(|d| !d.traceback.is_none()));
        if has_traceback {
            return;
        }
        if let Some(mut frame) = self.thread.frames.pop() {
            self.add_traceback_entry(&crate::error::PyErr(exc.clone()), &mut frame);
            self.thread.frames.push(frame);
        }
    }
}
