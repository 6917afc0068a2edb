//! Interpreter exit: the objects of `__main__` are finalized and freed as CPython's
//! finalization does (`finalize_modules`: the module's namespace becomes garbage and
//! the collector finalizes it), so that `__del__` output at exit comes in CPython's
//! order: breadth first from the namespace, each container's references in its
//! traversal order.

use std::collections::VecDeque;
use std::rc::Rc;

use super::collect::AddrSet;
use crate::object::{ObjRef, Payload};
use crate::objects::dict;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// Make `globals` the namespace of the `__main__` module in `sys.modules` (which
    /// exit finalizes), unless there is one already.
    pub fn register_main_module(&self, globals: &ObjRef) {
        let modules = self.interp.modules.clone();
        if dict::get_str(&modules, "__main__").is_some() {
            return;
        }
        let module = Value::obj(crate::object::PyObject::with_dict(
            self.types().module.clone(),
            Payload::Module,
            globals.clone(),
        ));
        dict::set_str(self, &modules, "__main__", module);
    }

    /// Finalize what `__main__` holds, then clear its namespace.
    pub fn finalize_main_module(&mut self) {
        self.run_deferred();
        let modules = self.interp.modules.clone();
        let Some(main) = dict::get_str(&modules, "__main__") else {
            return;
        };
        let Some(globals) = main.as_obj().and_then(|m| m.dict_obj()) else {
            return;
        };
        let other_namespaces = self.module_namespaces(&globals);
        for obj in breadth_first(&globals, &other_namespaces) {
            self.finalize_now(&obj);
        }
        if let Some(d) = globals.as_dict() {
            let values = d.try_borrow_mut().map(|mut d| d.take_values());
            drop(values);
        }
        self.run_deferred();
    }

    /// The namespaces of the modules other than `main_globals`' (not to be entered).
    fn module_namespaces(&mut self, main_globals: &ObjRef) -> AddrSet {
        let modules = self.interp.modules.clone();
        let values = modules
            .as_dict()
            .and_then(|d| d.try_borrow().ok().map(|d| d.values()))
            .unwrap_or_default();
        values
            .iter()
            .filter_map(|m| m.as_obj().and_then(|m| m.dict_obj()))
            .filter(|d| !Rc::ptr_eq(d, main_globals))
            .map(|d| Rc::as_ptr(&d) as usize)
            .collect()
    }

    /// Run `obj`'s `__del__` now if it has one that has not run.
    fn finalize_now(&mut self, obj: &ObjRef) {
        let class = self.class_of(obj);
        if !class.as_type().is_some_and(|t| t.is_heap) || !super::cache::class_has_del(&class) {
            return;
        }
        if !super::finalize::is_finalized(obj) {
            self.call_finalizer(obj, &class);
            self.run_deferred();
        }
    }
}

/// The objects reachable from `root`, breadth first, without entering other modules'
/// namespaces, modules, or built-in types.
fn breadth_first(root: &ObjRef, skip: &AddrSet) -> Vec<ObjRef> {
    let mut seen = AddrSet::default();
    let mut order = Vec::new();
    let mut queue = VecDeque::from([root.clone()]);
    seen.insert(Rc::as_ptr(root) as usize);
    while let Some(o) = queue.pop_front() {
        super::traverse::visit_refs(&o, &mut |v| {
            let Value::Obj(r) = v else { return };
            let addr = Rc::as_ptr(r) as usize;
            let builtin_type = r.as_type().is_some_and(|t| !t.is_heap);
            if skip.contains(&addr)
                || builtin_type
                || matches!(r.payload, Payload::Module)
                || !seen.insert(addr)
            {
                return;
            }
            queue.push_back(r.clone());
        });
        order.push(o);
    }
    order
}
