//! Creating an interpreter (builtins, `sys`, `__main__`), turning compiled code into
//! code objects, and running a program as `__main__`.

use std::cell::Cell;
use std::rc::Rc;

use adder_bytecode::CodeObject;

use crate::error::PyResult;
use crate::object::{ObjRef, Payload, PyObject};
use crate::objects::dict;
use crate::objects::str::PyStr;
use crate::runtime::{Config, Interpreter, ThreadState};
use crate::types::TypeRegistry;
use crate::value::Value;
use crate::vm::Vm;

mod code_conversion;
mod intern_table;

use code_conversion::{Checks, CodeConversion};
pub use intern_table::InternTable;

impl Vm {
    /// A new interpreter with its main thread.
    pub fn new(config: Config) -> Vm {
        let types = TypeRegistry::new();
        let latin1_chars = (0u8..=255)
            .map(|b| types.new_str((b as char).encode_utf8(&mut [0; 4])))
            .collect();
        let builtins_dict = types.new_dict();
        let builtins = Rc::new(PyObject::with_dict(
            types.module.clone(),
            Payload::Module,
            builtins_dict.clone(),
        ));
        let sys_dict = types.new_dict();
        let sys = Rc::new(PyObject::with_dict(
            types.module.clone(),
            Payload::Module,
            sys_dict,
        ));
        let modules = types.new_dict();
        let interp = Interpreter {
            types,
            builtins,
            builtins_dict,
            modules,
            sys,
            config,
            recursion_limit: Cell::new(1000),
            int_max_str_digits: Cell::new(4300),
            registered_sources: Default::default(),
            interned: Default::default(),
            latin1_chars,
            native_modules: Default::default(),
            native_state: Default::default(),
            // The thread making the interpreter runs its code: it holds the GIL from
            // the start.
            gil: std::sync::Arc::new(crate::gil::Gil::new_held()),
            main_thread_ident: crate::gil::current_thread_ident(),
            parked_threads: Default::default(),
            import_locks: Default::default(),
        };
        let mut vm = Vm {
            interp: Rc::new(interp),
            thread: ThreadState::new(),
            stdout: crate::output::Output::stdout(),
        };
        let b = vm.interp.builtins_dict.clone();
        crate::builtins::populate(&vm, &b);
        crate::sys::init(&mut vm);
        crate::ast_objects::register(&mut vm);
        crate::objects::typevar_types::register(&mut vm);
        vm
    }

    /// A code object (a Python value) for compiled code, with its constants made into
    /// Python values once, recursively.
    pub fn code_object(&self, code: Rc<CodeObject>) -> ObjRef {
        CodeConversion::new(self, Checks::Validate).code_object(code)
    }

    /// As [`Vm::code_object`] for code that adder's compiler has just produced in this
    /// process (never code read from a file or built by a program): that code is valid
    /// by construction, so only debug builds validate it.
    pub fn compiled_code_object(&self, code: Rc<CodeObject>) -> ObjRef {
        CodeConversion::new(self, Checks::CompiledHere).code_object(code)
    }

    /// The str of one character: shared for Latin-1 characters.
    #[inline]
    pub fn char_str(&self, c: char) -> Value {
        match self.interp.latin1_chars.get(c as usize) {
            Some(v) => v.clone(),
            None => self.new_str(c.encode_utf8(&mut [0; 4])),
        }
    }

    /// The interned str object for `s`.
    pub fn intern(&self, s: &str) -> Value {
        self.interp
            .interned
            .borrow_mut()
            .get_or_insert(s, |text, hash| {
                self.new_str_obj(PyStr::with_hash(text, hash))
            })
    }

    /// Remember the text of code with no file behind it, for its tracebacks.
    pub fn register_source(&self, filename: &str, text: &str) {
        self.interp
            .registered_sources
            .borrow_mut()
            .insert(filename.to_string(), text.into());
    }

    /// A fresh module namespace named `name`.
    pub fn new_module_dict(&self, name: &str) -> ObjRef {
        let d = self.new_dict();
        // CPython's `PyModule_New` keys, in its order (the import system fills in
        // `__package__`, `__loader__` and `__spec__`; see `import/spec.rs`).
        dict::set_str(self, &d, "__name__", self.new_str(name));
        dict::set_str(self, &d, "__doc__", Value::None);
        for key in ["__package__", "__loader__", "__spec__"] {
            dict::set_str(self, &d, key, Value::None);
        }
        dict::set_str(
            self,
            &d,
            "__builtins__",
            Value::Obj(self.interp.builtins.clone()),
        );
        d
    }

    /// Run a module-level code object in `globals`.
    pub fn run_code(&mut self, code: ObjRef, globals: ObjRef) -> PyResult<Value> {
        self.run_code_in(code, globals.clone(), globals)
    }

    /// Run a code object with separate globals and locals mappings (`exec`, `eval`,
    /// class bodies).
    pub fn run_code_in(
        &mut self,
        code: ObjRef,
        globals: ObjRef,
        locals: ObjRef,
    ) -> PyResult<Value> {
        let builtins = match crate::objects::dict::get_str(&globals, "__builtins__") {
            Some(Value::Obj(b)) if b.as_dict().is_some() => b,
            Some(Value::Obj(m)) if matches!(m.payload, Payload::Module) => m
                .dict_obj()
                .unwrap_or_else(|| self.interp.builtins_dict.clone()),
            _ => self.interp.builtins_dict.clone(),
        };
        let mut frame = self.new_frame(code.clone(), None, globals, builtins, Some(locals));
        let n = crate::frame::code_data(&code).code.nlocalsplus();
        frame.slots.resize(n, Value::Null);
        self.run_frame(frame)
    }
}
