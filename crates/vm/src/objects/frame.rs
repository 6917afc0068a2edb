//! Frame objects (`types.FrameType`): the Python view of an execution frame.
//!
//! An execution frame (`crate::frame::Frame`) lives on the thread's frame stack or in
//! a suspended generator; its frame object is made only when something asks
//! (`sys._getframe`, a traceback entry, `gi_frame`). While the execution frame exists
//! the object reads it directly (line, locals, caller), so `f_locals` writes reach the
//! running code. When the execution frame ends, the object takes a copy of its fast
//! locals and its caller's frame object (CPython's `take_ownership`), so tracebacks
//! keep showing the frame as it was.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use adder_bytecode::{CodeFlags, LocalKind};

use crate::builtins::add_methods;
use crate::error::PyResult;
use crate::frame::{code_data, Frame};
use crate::object::{ObjRef, Payload, PyObject};
use crate::objects::function::Args;
use crate::objects::native_args::{bind, MethodName, Shape};
use crate::value::Value;
use crate::vm::Vm;

pub struct FrameObject {
    /// The code object.
    pub code: ObjRef,
    pub globals: ObjRef,
    pub builtins: ObjRef,
    /// The namespace of a module or class body (`f_locals` for them); `None` for
    /// function frames and after `clear()`.
    namespace: RefCell<Option<ObjRef>>,
    /// The execution frame while it exists; null once it ended.
    live: Cell<*mut Frame>,
    /// Code-unit index of the last instruction, once the execution frame ended.
    lasti: Cell<usize>,
    /// The caller's frame object, captured when the execution frame ended.
    back: RefCell<Value>,
    /// The fast locals (cells included), once the execution frame ended.
    finished_locals: RefCell<Vec<Value>>,
    /// Keys written through `f_locals` that are not variables of the code (PEP 667).
    extra_locals: RefCell<Option<ObjRef>>,
    trace: RefCell<Value>,
    trace_lines: Cell<bool>,
    trace_opcodes: Cell<bool>,
}

/// The frame object behind a value, if it is one.
pub fn frame_of(v: &Value) -> Option<&FrameObject> {
    match v.payload() {
        Some(Payload::Frame(fo)) => Some(fo),
        _ => None,
    }
}

impl FrameObject {
    /// Run `f` on the execution frame while it exists.
    fn with_live<R>(&self, f: impl FnOnce(&mut Frame) -> R) -> Option<R> {
        let p = self.live.get();
        if p.is_null() {
            return None;
        }
        // SAFETY: `live` is set only while the execution frame's box exists: every way
        // a frame ends (recycling, dropping) first detaches its frame object, which
        // nulls the pointer. Boxed frames do not move while they exist, and `f` cannot
        // keep the reference.
        Some(f(unsafe { &mut *p }))
    }

    fn is_live(&self) -> bool {
        !self.live.get().is_null()
    }

    /// The code-unit index of the instruction running (or last run).
    pub fn lasti(&self) -> usize {
        self.with_live(|f| f.lasti).unwrap_or(self.lasti.get())
    }

    /// The line being run, as `f_lineno` reports it.
    pub fn line(&self) -> Option<u32> {
        code_data(&self.code).code.line_at(self.lasti())
    }

    /// Function frames keep their variables in fast locals; module and class bodies
    /// in a namespace.
    fn is_optimized(&self) -> bool {
        code_data(&self.code).code.flags & CodeFlags::OPTIMIZED != 0
    }

    /// How many fast locals (cells and free variables included) the code has.
    pub fn local_count(&self) -> usize {
        code_data(&self.code).code.nlocalsplus()
    }

    /// The raw value of fast local `i` (a cell for cell and free variables), `Null`
    /// when unbound.
    pub fn raw_local(&self, i: usize) -> Value {
        let live = self.with_live(|f| f.slots.get(i).cloned());
        live.unwrap_or_else(|| self.finished_locals.borrow().get(i).cloned())
            .unwrap_or(Value::Null)
    }

    /// Store the raw value of fast local `i`; returns the old value, for the caller to
    /// drop once nothing is borrowed.
    pub fn set_raw_local(&self, i: usize, value: Value) -> Value {
        if self.is_live() {
            let old = self.with_live(move |f| replace_slot(&mut f.slots, i, value));
            return old.unwrap_or(Value::Null);
        }
        replace_slot(&mut self.finished_locals.borrow_mut(), i, value)
    }

    /// The `f_locals` dict of extra names, made on first write.
    pub fn extra_locals(&self) -> Option<ObjRef> {
        self.extra_locals.borrow().clone()
    }

    pub fn extra_locals_or_new(&self, vm: &Vm) -> ObjRef {
        self.extra_locals
            .borrow_mut()
            .get_or_insert_with(|| vm.new_dict())
            .clone()
    }

    /// The generator, coroutine or async generator running this frame (`f_generator`).
    fn generator(&self) -> Option<ObjRef> {
        self.with_live(|f| f.generator.as_ref()?.upgrade())?
    }

    /// Where the execution frame sits on this thread's frame stack, if it is there
    /// (it is not while its generator is suspended).
    fn stack_index(&self, vm: &Vm) -> Option<usize> {
        let p = self.live.get();
        if p.is_null() {
            return None;
        }
        vm.thread
            .frames
            .iter()
            .rposition(|f| std::ptr::eq(&**f, p as *const Frame))
    }

    /// Values the cycle collector follows: what the object owns, not what the
    /// execution frame (a root) still holds.
    pub fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        for cell in [&self.back, &self.trace] {
            if let Ok(v) = cell.try_borrow() {
                visit(&v);
            }
        }
        if let Ok(Some(extra)) = self.extra_locals.try_borrow().as_deref() {
            visit(&Value::Obj(extra.clone()));
        }
        if let Ok(Some(ns)) = self.namespace.try_borrow().as_deref() {
            visit(&Value::Obj(ns.clone()));
        }
        if let Ok(locals) = self.finished_locals.try_borrow() {
            locals.iter().for_each(visit);
        }
    }

    /// Drop what the object owns (`frame.clear()`; the cycle collector also drops
    /// `f_back`); the values are handed back for the caller to drop once nothing is
    /// borrowed.
    pub fn take_refs(&self, with_back: bool) -> Vec<Value> {
        let mut out = Vec::new();
        let cells = if with_back {
            &[&self.trace, &self.back][..]
        } else {
            &[&self.trace][..]
        };
        for cell in cells {
            if let Ok(mut v) = cell.try_borrow_mut() {
                out.push(std::mem::replace(&mut *v, Value::None));
            }
        }
        if let Ok(mut extra) = self.extra_locals.try_borrow_mut() {
            out.extend(extra.take().map(Value::Obj));
        }
        if let Ok(mut ns) = self.namespace.try_borrow_mut() {
            out.extend(ns.take().map(Value::Obj));
        }
        if self.is_live() {
            return out;
        }
        if let Ok(mut locals) = self.finished_locals.try_borrow_mut() {
            out.extend(locals.iter_mut().map(|v| std::mem::replace(v, Value::Null)));
        }
        out
    }
}

impl Vm {
    /// The frame object for an execution frame, made on first request.
    pub fn frame_object(&mut self, f: &mut Frame) -> ObjRef {
        if let Some(o) = &f.frame_obj {
            return o.clone();
        }
        let o = Rc::new(PyObject::new(
            self.types().frame.clone(),
            Payload::Frame(Box::new(FrameObject {
                code: f.code.clone(),
                globals: f.globals.clone(),
                builtins: f.builtins.clone(),
                namespace: RefCell::new(f.locals.clone()),
                live: Cell::new(f as *mut Frame),
                lasti: Cell::new(f.lasti),
                back: RefCell::new(Value::None),
                finished_locals: RefCell::new(Vec::new()),
                extra_locals: RefCell::new(None),
                trace: RefCell::new(Value::None),
                trace_lines: Cell::new(true),
                trace_opcodes: Cell::new(false),
            })),
        ));
        crate::gc::collect::track(&o);
        f.frame_obj = Some(o.clone());
        o
    }

    /// The execution frame `f` is ending (it has been popped): its frame object, if
    /// anyone else holds it, keeps the locals and the caller (the new top frame).
    pub(crate) fn release_frame_object(&mut self, f: &mut Frame) {
        let Some(o) = f.frame_obj.take() else { return };
        if Rc::strong_count(&o) == 1 {
            return;
        }
        let back = match self.thread.frames.last_mut() {
            Some(caller) => {
                let caller: *mut Frame = &mut **caller;
                // SAFETY: the caller is boxed and stays on the stack while this runs.
                Value::Obj(self.frame_object(unsafe { &mut *caller }))
            }
            None => Value::None,
        };
        detach(&o, f, back);
    }

    /// `f_back`: the caller of a running frame, or what was captured when it ended.
    fn frame_back(&mut self, fo: &FrameObject) -> Value {
        if !fo.is_live() {
            return fo.back.borrow().clone();
        }
        match fo.stack_index(self) {
            Some(i) if i > 0 => {
                let caller: *mut Frame = &mut *self.thread.frames[i - 1];
                // SAFETY: the frame is boxed and stays on the stack while this runs.
                Value::Obj(self.frame_object(unsafe { &mut *caller }))
            }
            _ => Value::None,
        }
    }
}

/// Put `value` in `slots[i]` and return what was there (`value` itself when there is
/// no such slot).
fn replace_slot(slots: &mut [Value], i: usize, value: Value) -> Value {
    match slots.get_mut(i) {
        Some(slot) => std::mem::replace(slot, value),
        None => value,
    }
}

/// Give `o` the ending frame's state and cut its link to the execution frame.
fn detach(o: &ObjRef, f: &Frame, back: Value) {
    let Payload::Frame(fo) = &o.payload else {
        return;
    };
    let n = fo.local_count().min(f.slots.len());
    *fo.finished_locals.borrow_mut() = f.slots[..n].to_vec();
    fo.lasti.set(f.lasti);
    *fo.back.borrow_mut() = back;
    fo.live.set(std::ptr::null_mut());
}

/// Frames that end without the VM's help (a generator dropped while suspended) still
/// hand their state to their frame object; `Vm::release_frame_object` is the usual way.
impl Drop for Frame {
    fn drop(&mut self) {
        if let Some(o) = self.frame_obj.take() {
            if Rc::strong_count(&o) > 1 {
                detach(&o, self, Value::None);
            }
        }
    }
}

/// `frame.name`; `None` when it is not a frame attribute.
pub fn attribute(vm: &mut Vm, o: &ObjRef, fo: &FrameObject, name: &str) -> Option<Value> {
    Some(match name {
        "f_code" => Value::Obj(fo.code.clone()),
        "f_globals" => Value::Obj(fo.globals.clone()),
        "f_builtins" => Value::Obj(fo.builtins.clone()),
        "f_back" => vm.frame_back(fo),
        "f_lasti" => Value::Int(2 * fo.lasti() as i64),
        "f_lineno" => fo.line().map_or(Value::None, |l| Value::Int(i64::from(l))),
        "f_locals" => f_locals(vm, o, fo),
        "f_trace" => fo.trace.borrow().clone(),
        "f_trace_lines" => Value::Bool(fo.trace_lines.get()),
        "f_trace_opcodes" => Value::Bool(fo.trace_opcodes.get()),
        "f_generator" => fo.generator().map_or(Value::None, Value::Obj),
        _ => return None,
    })
}

/// `f_locals`: a module or class body's namespace itself; for function frames (and
/// bodies running an inlined comprehension) a write-through `FrameLocalsProxy`.
fn f_locals(vm: &mut Vm, o: &ObjRef, fo: &FrameObject) -> Value {
    if !fo.is_optimized() && !has_hidden_values(fo) {
        let ns = fo
            .namespace
            .borrow_mut()
            .get_or_insert_with(|| vm.new_dict())
            .clone();
        return Value::Obj(ns);
    }
    crate::objects::frame_locals::new_proxy(vm, o)
}

/// `locals()`: the namespace itself where `f_locals` is one, else a dict copy of the
/// proxy's view (PEP 667).
pub fn locals_snapshot(vm: &mut Vm, o: &ObjRef) -> PyResult<ObjRef> {
    let Payload::Frame(fo) = &o.payload else {
        return Ok(vm.new_dict());
    };
    match f_locals(vm, o, fo) {
        Value::Obj(ns) if ns.as_dict().is_some() => Ok(ns),
        _ => crate::objects::frame_locals::snapshot(vm, fo),
    }
}

/// Whether a comprehension inlined in a module or class body is running (its
/// variables are fast locals hidden from the namespace).
fn has_hidden_values(fo: &FrameObject) -> bool {
    let kinds = &code_data(&fo.code).code.localsplus_kinds;
    kinds
        .iter()
        .enumerate()
        .any(|(i, k)| k.is(LocalKind::HIDDEN) && !fo.raw_local(i).is_null())
}

/// `frame.name = value` for the writable frame attributes; `Ok(false)` otherwise.
pub fn set_attribute(vm: &mut Vm, fo: &FrameObject, name: &str, value: &Value) -> PyResult<bool> {
    match name {
        "f_trace" => {
            let old = fo.trace.replace(value.clone());
            drop(old);
        }
        "f_trace_lines" | "f_trace_opcodes" => {
            let Value::Bool(b) = value else {
                return Err(vm.type_error("attribute value type must be bool"));
            };
            let cell = if name == "f_trace_lines" {
                &fo.trace_lines
            } else {
                &fo.trace_opcodes
            };
            cell.set(*b);
        }
        "f_lineno" => return Err(vm.value_error("f_lineno can only be set in a trace function")),
        _ => return Ok(false),
    }
    Ok(true)
}

/// `del frame.name`: only `f_trace` allows it (it becomes None).
pub fn delete_attribute(vm: &mut Vm, fo: &FrameObject, name: &str) -> PyResult<()> {
    match name {
        "f_trace" => {
            let old = fo.trace.replace(Value::None);
            drop(old);
            Ok(())
        }
        "f_trace_lines" => Err(vm.type_error("can't delete numeric/char attribute")),
        _ => Err(vm.error(
            &vm.types().exc.attribute_error.clone(),
            format!("attribute '{name}' of 'frame' objects cannot be deleted"),
        )),
    }
}

/// `<frame at 0x..., file '...', line N, code NAME>`.
pub fn repr(vm: &mut Vm, o: &ObjRef, fo: &FrameObject) -> PyResult<String> {
    let co = &code_data(&fo.code).code;
    let (filename, name) = (co.filename.clone(), co.name.clone());
    let file = vm.new_str(&filename);
    let file = vm.repr(&file)?;
    let line = fo.line().map_or(-1, i64::from);
    Ok(format!(
        "<frame at {:#x}, file {file}, line {line}, code {name}>",
        Rc::as_ptr(o) as usize
    ))
}

/// The frame attributes given descriptors in the type (`FrameType.f_locals`), with
/// whether they are writable.
pub const GETSETS: &[(&str, bool)] = &[
    ("f_back", false),
    ("f_code", false),
    ("f_globals", false),
    ("f_builtins", false),
    ("f_lasti", false),
    ("f_lineno", true),
    ("f_locals", false),
    ("f_trace", true),
    ("f_trace_opcodes", true),
    ("f_generator", false),
];

/// The frame attributes CPython keeps as struct members.
pub const MEMBERS: &[(&str, bool)] = &[("f_trace_lines", true)];

pub fn install(vm: &Vm) {
    add_methods(
        vm,
        &vm.types().frame.clone(),
        &[("clear", clear), ("__sizeof__", sizeof)],
    );
    crate::objects::frame_locals::install(vm);
}

fn receiver<'a>(vm: &Vm, args: &Args<'a>, name: &'static str) -> PyResult<&'a Value> {
    let method = MethodName {
        owner: "frame",
        name,
    };
    let (recv, _) = bind(vm, args, method, &Shape::NoArgs)?;
    match frame_of(recv) {
        Some(_) => Ok(recv),
        None => Err(vm.type_error(format!(
            "descriptor '{name}' for 'frame' objects doesn't apply to a '{}' object",
            vm.type_name(recv)
        ))),
    }
}

/// `frame.clear()`: drop the locals of a frame that finished; a running or suspended
/// frame refuses, and a generator that never started is closed first.
fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let recv = receiver(vm, &args, "clear")?.clone();
    let Some(fo) = frame_of(&recv) else {
        return Ok(Value::None);
    };
    if fo.is_live() {
        if fo.stack_index(vm).is_some() {
            return Err(vm.runtime_error("cannot clear an executing frame"));
        }
        let gen = fo.generator();
        let started = gen.as_ref().and_then(|g| match &g.payload {
            Payload::Generator(g) => Some(g.started.get()),
            _ => None,
        });
        match (gen, started) {
            (Some(gen), Some(false)) => {
                vm.gen_close(&gen)?;
            }
            (Some(_), _) => return Err(vm.runtime_error("cannot clear a suspended frame")),
            (None, _) => return Err(vm.runtime_error("cannot clear an executing frame")),
        }
    }
    let released = fo.take_refs(false);
    drop(released);
    Ok(Value::None)
}

/// `frame.__sizeof__()`: the header plus one word per fast local and stack slot, as
/// CPython counts it.
fn sizeof(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let recv = receiver(vm, &args, "__sizeof__")?;
    let Some(fo) = frame_of(recv) else {
        return Ok(Value::Int(0));
    };
    let co = &code_data(&fo.code).code;
    let words = co.nlocalsplus() + co.stacksize as usize;
    Ok(Value::Int((FRAME_HEADER_BYTES + 8 * words) as i64))
}

/// CPython 3.14's `offsetof(PyFrameObject, _f_frame_data) + offsetof(_PyInterpreterFrame,
/// localsplus)` on 64-bit builds.
const FRAME_HEADER_BYTES: usize = 168;
