//! Creating an interpreter (builtins, `sys`, `__main__`), turning compiled code into
//! code objects, and running a program as `__main__`.

use std::cell::Cell;
use std::rc::Rc;

use adder_bytecode::{CodeObject, Constant, LocalKind};

use crate::error::PyResult;
use crate::object::{ObjRef, Payload, PyObject};
use crate::objects::code::CodeData;
use crate::objects::dict;
use crate::runtime::{Config, Interpreter, ThreadState};
use crate::types::TypeRegistry;
use crate::value::Value;
use crate::vm::Vm;

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
        let code = validated(code);
        let consts = code.consts.iter().map(|c| self.constant_value(c)).collect();
        // Names are interned, as CPython does, so that namespace lookups by these names
        // find the stored keys by identity instead of comparing text.
        let names = code.names.iter().map(|n| self.intern(n)).collect();
        let localsplus_names = code
            .localsplus_names
            .iter()
            .map(|n| self.intern(n))
            .collect();
        let cell_slots = code
            .localsplus_kinds
            .iter()
            .enumerate()
            .filter(|(_, k)| k.is(LocalKind::CELL))
            .map(|(i, _)| i)
            .collect();
        Rc::new(PyObject::new(
            self.types().code.clone(),
            Payload::Code(Box::new(CodeData::new(
                code,
                consts,
                names,
                localsplus_names,
                cell_slots,
            ))),
        ))
    }

    fn constant_value(&self, c: &Constant) -> Value {
        match c {
            Constant::None => Value::None,
            Constant::Bool(b) => Value::Bool(*b),
            Constant::Ellipsis => self.types().ellipsis.clone(),
            Constant::Int(i) => self.new_int(i.clone()),
            Constant::Float(f) => Value::Float(*f),
            Constant::Complex { real, imag } => crate::objects::complex::new_complex(
                self,
                adder_numeric::complex::Complex::new(*real, *imag),
            ),
            Constant::Str(s) if is_identifier_like(s) => self.intern(s),
            Constant::Str(s) => self.new_str(s),
            Constant::SurrogateStr(points) => self.new_str_obj(
                crate::objects::str::PyStr::from_code_points(points.iter().copied()),
            ),
            Constant::Bytes(b) => crate::objects::bytes::new_bytes(self, b.to_vec()),
            Constant::Tuple(items) => {
                self.new_tuple(items.iter().map(|i| self.constant_value(i)).collect())
            }
            Constant::FrozenSet(items) => crate::objects::set::frozenset_of_constants(
                self,
                items.iter().map(|i| self.constant_value(i)).collect(),
            ),
            Constant::Code(code) => Value::Obj(self.code_object(code.clone())),
            Constant::Slice(parts) => {
                let [a, b, c] =
                    [0, 1, 2].map(|i| parts.get(i).map_or(Value::None, |p| self.constant_value(p)));
                self.new_slice(a, b, c)
            }
        }
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
        if let Some(v) = self.interp.interned.borrow().get(s) {
            return v.clone();
        }
        let v = self.new_str(s);
        self.interp
            .interned
            .borrow_mut()
            .insert(s.into(), v.clone());
        v
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

/// `code` made safe for the eval loop's unchecked fetches and local accesses (see
/// `adder_bytecode::validate`): compiled code passes unchanged; forged or damaged
/// code gets its faulty instructions turned into CACHE units, which raise SystemError.
fn validated(code: Rc<CodeObject>) -> Rc<CodeObject> {
    match adder_bytecode::validate::sanitize(&code) {
        None => code,
        Some((units, handlers)) => {
            let mut fixed = (*code).clone();
            fixed.code = units;
            fixed.exception_table = handlers;
            Rc::new(fixed)
        }
    }
}

/// CPython interns string constants made only of name characters.
fn is_identifier_like(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}
