//! `_thread._local` (`threading.local`): an object whose attributes are per thread.
//!
//! The instance's `__dict__` slot holds the namespace of the thread that used it last;
//! the other threads' namespaces wait in a table, by thread serial number (not ident:
//! a new thread may reuse a finished one's ident, and must not see its namespace). Every attribute
//! access first swaps in the calling thread's namespace (made, and `__init__` called
//! again with the construction arguments, on a thread's first use, as CPython does).
//! Swapping is safe because only the thread holding the GIL touches the object.
//! When a thread ends, its namespaces are dropped (in that thread, so their values'
//! finalizers run there before `join()` returns, as in CPython).

use std::cell::RefCell;
use std::collections::HashMap;

use adder_vm::gil::current_thread_serial;
use adder_vm::native_module::{add_type, new_native_type, NativeObject, NativeTypeSpec};
use adder_vm::object::{ObjRef, Payload, PyObject};
use adder_vm::objects::function::Args;
use adder_vm::{PyResult, Value, Vm};

/// Which thread's namespace is installed, and the others'.
struct Local {
    state: RefCell<Namespaces>,
    /// The arguments of the construction call (positional, then keyword values, as in
    /// `Args`), for `__init__` in other threads.
    init_args: Vec<Value>,
    init_kwnames: Vec<Value>,
}

struct Namespaces {
    /// The thread whose namespace is in the `__dict__` slot; `None` for a placeholder
    /// left by a thread that ended.
    installed_for: Option<u64>,
    parked: HashMap<u64, ObjRef>,
}

impl NativeObject for Local {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        self.init_args.iter().for_each(&mut *visit);
        if let Ok(state) = self.state.try_borrow() {
            for d in state.parked.values() {
                visit(&Value::Obj(d.clone()));
            }
        }
    }
}

/// `_local(*args, **kwargs)`: arguments only when a subclass takes them in `__init__`.
fn local_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.pos().first() else {
        return Err(vm.type_error("_local.__new__(X): X is not a type object"));
    };
    let has_arguments = args.values.len() > 1;
    if has_arguments && !vm.type_is_heap(cls) {
        return Err(vm.type_error("Initialization arguments are not supported"));
    }
    let local = Local {
        state: RefCell::new(Namespaces {
            installed_for: Some(current_thread_serial()),
            parked: HashMap::new(),
        }),
        init_args: args.values.get(1..).unwrap_or(&[]).to_vec(),
        init_kwnames: args.kwnames.to_vec(),
    };
    let object = std::rc::Rc::new(PyObject::with_dict(
        cls.clone(),
        Payload::Native(Box::new(local)),
        vm.new_dict(),
    ));
    forget_at_thread_exit(vm, &object, current_thread_serial());
    Ok(Value::Obj(object))
}

/// Have the calling thread (serial `me`) drop its namespace in `local` when it ends.
fn forget_at_thread_exit(vm: &mut Vm, local: &ObjRef, me: u64) {
    let weak = std::rc::Rc::downgrade(local);
    vm.thread
        .at_exit
        .push(Box::new(move |vm| forget_thread(vm, &weak, me)));
}

/// Install the calling thread's namespace in `obj` (a `_local`), making it (and
/// running `__init__`) on this thread's first use.
fn switch_to_current_thread(vm: &mut Vm, obj: &Value) -> PyResult<()> {
    let (Some(local), Value::Obj(o)) = (obj.native::<Local>(), obj) else {
        return Err(vm.type_error("descriptor for '_thread._local' objects doesn't apply"));
    };
    let me = current_thread_serial();
    let mut state = local.state.borrow_mut();
    if state.installed_for == Some(me) {
        return Ok(());
    }
    let mine = state.parked.remove(&me);
    let first_use = mine.is_none();
    let mine = mine.unwrap_or_else(|| vm.new_dict());
    let previous = o.dict.borrow_mut().replace(mine);
    let dropped = match (previous, state.installed_for) {
        (Some(previous), Some(owner)) => {
            state.parked.insert(owner, previous);
            None
        }
        (previous, _) => previous,
    };
    state.installed_for = Some(me);
    drop(state);
    drop(dropped);
    if first_use {
        forget_at_thread_exit(vm, o, me);
    }
    let cls = vm.type_of(obj);
    if first_use && vm.type_is_heap(&cls) {
        if let Some(init) = vm.type_lookup(&cls, "__init__") {
            let mut values = vec![obj.clone()];
            values.extend(local.init_args.iter().cloned());
            let args = Args {
                values: &values,
                kwnames: &local.init_kwnames,
            };
            vm.call_with(&init, args)?;
        }
    }
    Ok(())
}

/// Thread `serial` ended: drop its namespace in the local `weak` (if still alive).
/// The namespace is dropped after the local's state is let go, so that finalizers
/// that use the local find it consistent.
fn forget_thread(vm: &mut Vm, weak: &std::rc::Weak<PyObject>, serial: u64) {
    let Some(o) = weak.upgrade() else { return };
    let Some(local) = o.native::<Local>() else {
        return;
    };
    let mut state = local.state.borrow_mut();
    let namespace = if state.installed_for == Some(serial) {
        state.installed_for = None;
        o.dict.borrow_mut().replace(vm.new_dict())
    } else {
        state.parked.remove(&serial)
    };
    drop(state);
    drop(namespace);
}

fn local_getattribute(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = crate::args::positional(vm, &args, "__getattribute__", 2, 2)?;
    switch_to_current_thread(vm, &pos[0])?;
    match vm.generic_lookup_attr_no_hook(&pos[0], &pos[1])? {
        Some(v) => Ok(v),
        None => Err(vm.no_attribute(&pos[0], &pos[1])),
    }
}

fn local_setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = crate::args::positional(vm, &args, "__setattr__", 3, 3)?;
    switch_to_current_thread(vm, &pos[0])?;
    refuse_dict(vm, &pos[0], &pos[1])?;
    vm.generic_set_attr(&pos[0], &pos[1], pos[2].clone())?;
    Ok(Value::None)
}

fn local_delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = crate::args::positional(vm, &args, "__delattr__", 2, 2)?;
    switch_to_current_thread(vm, &pos[0])?;
    refuse_dict(vm, &pos[0], &pos[1])?;
    vm.generic_del_attr(&pos[0], &pos[1])?;
    Ok(Value::None)
}

/// `__dict__` of a local cannot be replaced or deleted.
fn refuse_dict(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<()> {
    if matches!(name.payload(), Some(Payload::Str(s)) if s.as_str() == "__dict__") {
        let msg = format!(
            "'{}' object attribute '__dict__' is read-only",
            vm.type_display_name(&vm.type_of(obj))
        );
        return Err(vm.attribute_error(msg, obj, name));
    }
    Ok(())
}

/// Add `_local` to the module.
pub fn install(vm: &mut Vm, module: &ObjRef) {
    let ty = new_native_type(
        vm,
        NativeTypeSpec {
            name: "_local",
            module: "_thread",
            base: None,
            new: Some(local_new),
            init: None,
            methods: &[
                ("__getattribute__", local_getattribute),
                ("__setattr__", local_setattr),
                ("__delattr__", local_delattr),
            ],
            subclassable: true,
        },
    );
    add_type(vm, module, &ty);
}
