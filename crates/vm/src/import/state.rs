//! What the import system remembers between imports: the modules whose code is running
//! now (so that a circular import's errors can say "partially initialized module", as
//! CPython does from `__spec__._initializing`).

use std::cell::RefCell;
use std::rc::Rc;

use crate::object::ObjRef;
use crate::vm::Vm;

/// The namespaces of the modules being executed, innermost last.
#[derive(Default)]
struct Executing(RefCell<Vec<ObjRef>>);

impl Vm {
    fn executing_modules(&self) -> Rc<Executing> {
        if let Some(state) = self.native_state::<Executing>() {
            return state;
        }
        self.set_native_state(Executing::default());
        self.native_state::<Executing>()
            .unwrap_or_else(|| Rc::new(Executing::default()))
    }

    /// Mark the module with namespace `globals` as running its code (until
    /// [`Vm::end_module_execution`]).
    pub(crate) fn begin_module_execution(&self, globals: &ObjRef) {
        self.executing_modules()
            .0
            .borrow_mut()
            .push(globals.clone());
    }

    pub(crate) fn end_module_execution(&self, globals: &ObjRef) {
        let state = self.executing_modules();
        let mut list = state.0.borrow_mut();
        if let Some(i) = list.iter().rposition(|g| Rc::ptr_eq(g, globals)) {
            list.remove(i);
        }
    }

    /// Whether `module` (a module object) is still running its code.
    pub fn module_is_executing(&self, module: &ObjRef) -> bool {
        let Some(ns) = module.dict_obj() else {
            return false;
        };
        self.executing_modules()
            .0
            .borrow()
            .iter()
            .any(|g| Rc::ptr_eq(g, &ns))
    }

    /// Whether the module named `name` is running its code (its import has not ended).
    pub fn module_name_is_executing(&self, name: &str) -> bool {
        self.executing_modules().0.borrow().iter().any(|g| {
            crate::objects::dict::get_str(g, "__name__")
                .is_some_and(|n| crate::protocol::attr::name_str(&n) == name)
        })
    }

    /// Whether `name` is one of the native (built-in) modules.
    pub fn is_native_module_name(&self, name: &str) -> bool {
        self.interp
            .native_modules
            .borrow()
            .iter()
            .any(|(n, _)| *n == name)
    }
}
