//! The namespace-inspecting built-ins: `locals()`, `vars()` and `dir()`.

use crate::error::PyResult;
use crate::object::ObjRef;
use crate::objects::function::Args;
use crate::value::Value;
use crate::vm::Vm;

fn no_keywords(vm: &Vm, args: &Args, name: &str) -> PyResult<()> {
    if args.kwnames.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("{name}() takes no keyword arguments")))
    }
}

fn at_most_one(vm: &Vm, args: &Args, name: &str) -> PyResult<()> {
    no_keywords(vm, args, name)?;
    let n = args.pos().len();
    if n > 1 {
        return Err(vm.type_error(format!("{name} expected at most 1 argument, got {n}")));
    }
    Ok(())
}

/// `locals()`: the namespace of a module or class body; in a function, a fresh
/// snapshot of its bound local variables (PEP 667).
pub fn locals(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_keywords(vm, &args, "locals")?;
    if !args.pos().is_empty() {
        return Err(vm.type_error(format!(
            "locals() takes no arguments ({} given)",
            args.pos().len()
        )));
    }
    current_locals(vm).map(Value::Obj)
}

fn current_locals(vm: &mut Vm) -> PyResult<ObjRef> {
    let Some(frame) = vm.thread.frames.last_mut() else {
        return Ok(vm.new_dict());
    };
    if let (Some(ns), None) = (&frame.locals, &frame.frame_obj) {
        return Ok(ns.clone());
    }
    let frame: *mut crate::frame::Frame = &mut **frame;
    // SAFETY: the frame is boxed and stays on the stack while this function runs.
    let frame = vm.frame_object(unsafe { &mut *frame });
    crate::objects::frame::locals_snapshot(vm, &frame)
}

/// `vars()` is `locals()`; `vars(obj)` is `obj.__dict__`.
pub fn vars(vm: &mut Vm, args: Args) -> PyResult<Value> {
    at_most_one(vm, &args, "vars")?;
    let Some(obj) = args.pos().first() else {
        return current_locals(vm).map(Value::Obj);
    };
    let name = vm.new_str("__dict__");
    match vm.lookup_attr(obj, &name)? {
        Some(d) => Ok(d),
        None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
    }
}

/// `dir()`: the sorted names of the current scope; `dir(obj)`: `obj.__dir__()` for
/// classes that define it, else the names in its `__dict__` and its class's MRO.
pub fn dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    at_most_one(vm, &args, "dir")?;
    let names = match args.pos().first() {
        None => {
            let ns = current_locals(vm)?;
            ns.as_dict().map(|d| d.borrow().keys()).unwrap_or_default()
        }
        Some(obj) => match vm
            .lookup_special_heap(obj, "__dir__")
            .or_else(|| crate::objects::module::dir_method(vm, obj))
        {
            Some(m) => {
                let r = vm.call_method_value(&m, obj, &[])?;
                vm.collect_iterable(&r)?
            }
            None => attribute_names(vm, obj),
        },
    };
    let list = vm.new_list(names);
    crate::objects::list::list_sort(vm, Args::positional_only(std::slice::from_ref(&list)))?;
    Ok(list)
}

/// The distinct keys of `obj`'s own namespace and of every class on its type's MRO
/// (for a class: its own MRO).
pub fn attribute_names(vm: &mut Vm, obj: &Value) -> Vec<Value> {
    let mut namespaces: Vec<ObjRef> = Vec::new();
    if let Some(d) = obj.as_obj().and_then(|o| o.dict_obj()) {
        namespaces.push(d);
    }
    let classes = match obj.as_obj().and_then(|o| o.as_type()) {
        Some(t) => t.mro.borrow().clone(),
        None => vm
            .type_of(obj)
            .as_type()
            .map(|t| t.mro.borrow().clone())
            .unwrap_or_default(),
    };
    namespaces.extend(classes.iter().filter_map(|c| c.dict_obj()));
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for ns in namespaces {
        let keys = ns.as_dict().map(|d| d.borrow().keys()).unwrap_or_default();
        for k in keys {
            let text = crate::protocol::attr::name_str(&k).to_string();
            if seen.insert(text) {
                out.push(k);
            }
        }
    }
    out
}
