//! Everyday helpers on `Vm`: building objects, asking for types, raising exceptions.

use std::cell::RefCell;
use std::rc::Rc;

use adder_numeric::{BigInt, NumError};

pub use crate::runtime::Vm;

use crate::error::{PyErr, PyResult};
use crate::object::{ObjRef, Payload, PyObject};
use crate::objects::dict::DictData;
use crate::objects::exception::ExceptionData;
use crate::objects::str::PyStr;
use crate::types::TypeRegistry;
use crate::value::Value;

impl Vm {
    /// MemoryError unless `bytes` (None: it overflowed) can be allocated. Sizes from
    /// Python code (`s * n`, `s.ljust(n)`) go through here first: Rust aborts the
    /// process when an allocation fails, where CPython raises MemoryError. Large
    /// requests are tried once (the kernel refuses what it cannot give; untouched
    /// pages cost nothing) and freed at once.
    pub fn check_allocation(&self, bytes: Option<usize>) -> PyResult<()> {
        const TRY_ABOVE: usize = 1 << 28;
        let fits = match bytes {
            Some(n) if n <= TRY_ABOVE => true,
            Some(n) => {
                let mut probe = Vec::<u8>::new();
                let reserved = probe.try_reserve_exact(n).is_ok();
                // An allocation nobody uses may be optimised away, and with it the
                // failure this probe is for.
                std::hint::black_box(&mut probe);
                reserved
            }
            None => false,
        };
        if fits {
            Ok(())
        } else {
            Err(PyErr(
                self.new_exception(&self.types().exc.memory_error, vec![]),
            ))
        }
    }

    #[inline]
    pub fn types(&self) -> &TypeRegistry {
        &self.interp.types
    }

    /// `type(v)`.
    pub fn type_of(&self, v: &Value) -> ObjRef {
        let t = self.types();
        match v {
            Value::Int(_) => t.int.clone(),
            Value::Float(_) => t.float.clone(),
            Value::Bool(_) => t.bool_.clone(),
            Value::None => t.none_type.clone(),
            Value::Obj(o) => self.class_of(o),
            Value::Null => t.object.clone(),
        }
    }

    pub fn class_of(&self, o: &ObjRef) -> ObjRef {
        match &*o.class.borrow() {
            Some(c) => c.clone(),
            None => self.types().type_.clone(),
        }
    }

    /// The type's `__name__`.
    pub fn type_name(&self, v: &Value) -> Rc<str> {
        let ty = self.type_of(v);
        ty.as_type().map_or_else(|| "?".into(), |t| t.name())
    }

    /// The name messages give a class (CPython's `tp_name`): a native type made by a
    /// module is shown with the module, `'collections.deque'`, as C types are named;
    /// built-in and Python-defined classes by their `__name__`.
    pub fn type_display_name(&self, ty: &ObjRef) -> Rc<str> {
        let Some(t) = ty.as_type() else {
            return "?".into();
        };
        if t.is_heap || t.layout != crate::objects::type_::Layout::Native {
            return t.name();
        }
        let module = ty
            .dict_obj()
            .and_then(|d| crate::objects::dict::get_str(&d, "__module__"));
        match module.as_ref().and_then(|m| m.payload()) {
            Some(crate::object::Payload::Str(m)) if m.as_str() != "builtins" => {
                format!("{}.{}", m.as_str(), t.name()).into()
            }
            _ => t.name(),
        }
    }

    /// [`Vm::type_display_name`] of a value's type: how CPython's messages name it
    /// (`'collections.deque' object is not callable`).
    pub fn type_display_name_of_value(&self, v: &Value) -> Rc<str> {
        self.type_display_name(&self.type_of(v))
    }

    /// `issubclass(sub, sup)` by MRO, for types.
    pub fn is_subtype(&self, sub: &ObjRef, sup: &ObjRef) -> bool {
        if Rc::ptr_eq(sub, sup) {
            return true;
        }
        sub.as_type()
            .is_some_and(|t| t.mro.borrow().iter().any(|m| Rc::ptr_eq(m, sup)))
    }

    /// `isinstance(v, ty)` for a type (no `__instancecheck__`).
    pub fn is_instance(&self, v: &Value, ty: &ObjRef) -> bool {
        self.is_subtype(&self.type_of(v), ty)
    }

    // ----- constructors -----

    pub fn new_str(&self, s: &str) -> Value {
        self.types().new_str(s)
    }

    pub fn new_str_obj(&self, s: PyStr) -> Value {
        Value::obj(PyObject::new(self.types().str_.clone(), Payload::Str(s)))
    }

    /// An int from a big integer, unboxed when it fits in i64.
    pub fn new_int(&self, i: BigInt) -> Value {
        match i64::try_from(&i) {
            Ok(small) => Value::Int(small),
            Err(_) => Value::obj(PyObject::new(self.types().int.clone(), Payload::Int(i))),
        }
    }

    pub fn new_tuple(&self, items: Vec<Value>) -> Value {
        Value::obj(PyObject::new(
            self.types().tuple.clone(),
            Payload::Tuple(items.into_boxed_slice()),
        ))
    }

    pub fn new_list(&self, items: Vec<Value>) -> Value {
        Value::obj(PyObject::new(
            self.types().list.clone(),
            Payload::List(RefCell::new(items)),
        ))
    }

    pub fn new_dict(&self) -> ObjRef {
        self.types().new_dict()
    }

    pub fn new_dict_with(&self, data: DictData) -> ObjRef {
        let d = Rc::new(PyObject::new(
            self.types().dict.clone(),
            Payload::Dict(RefCell::new(data)),
        ));
        crate::gc::collect::track(&d);
        d
    }

    pub fn new_cell(&self, v: Value) -> Value {
        Value::obj(PyObject::new(
            self.types().cell.clone(),
            Payload::Cell(RefCell::new(v)),
        ))
    }

    // ----- exceptions -----

    /// An exception instance of class `ty` with `args`.
    pub fn new_exception(&self, ty: &ObjRef, args: Vec<Value>) -> ObjRef {
        let args = self.new_tuple(args);
        Rc::new(PyObject::with_dict(
            ty.clone(),
            Payload::Exception(Box::new(RefCell::new(ExceptionData::new(args)))),
            self.new_dict(),
        ))
    }

    /// `ty(msg)` as an error to return.
    pub fn error(&self, ty: &ObjRef, msg: impl AsRef<str>) -> PyErr {
        PyErr(self.new_exception(ty, vec![self.new_str(msg.as_ref())]))
    }

    pub fn type_error(&self, msg: impl AsRef<str>) -> PyErr {
        self.error(&self.types().exc.type_error, msg)
    }

    pub fn value_error(&self, msg: impl AsRef<str>) -> PyErr {
        self.error(&self.types().exc.value_error, msg)
    }

    pub fn index_error(&self, msg: impl AsRef<str>) -> PyErr {
        self.error(&self.types().exc.index_error, msg)
    }

    pub fn overflow_error(&self, msg: impl AsRef<str>) -> PyErr {
        self.error(&self.types().exc.overflow_error, msg)
    }

    pub fn zero_division_error(&self, msg: impl AsRef<str>) -> PyErr {
        self.error(&self.types().exc.zero_division_error, msg)
    }

    pub fn runtime_error(&self, msg: impl AsRef<str>) -> PyErr {
        self.error(&self.types().exc.runtime_error, msg)
    }

    pub fn system_error(&self, msg: impl AsRef<str>) -> PyErr {
        self.error(&self.types().exc.system_error, msg)
    }

    pub fn name_error(&self, msg: impl AsRef<str>, name: &Value) -> PyErr {
        let err = self.error(&self.types().exc.name_error, msg);
        self.set_exc_attr(&err.0, "name", name.clone());
        err
    }

    pub fn key_error(&self, key: Value) -> PyErr {
        PyErr(self.new_exception(&self.types().exc.key_error, vec![key]))
    }

    pub fn attribute_error(&self, msg: impl AsRef<str>, obj: &Value, name: &Value) -> PyErr {
        let msg = crate::objects::str_stand_in::quoting_name(self, msg.as_ref(), name);
        let err = PyErr(self.new_exception(&self.types().exc.attribute_error, vec![msg]));
        self.set_exc_attr(&err.0, "name", name.clone());
        self.set_exc_attr(&err.0, "obj", obj.clone());
        err
    }

    /// A numeric-library error as the Python exception CPython raises.
    pub fn num_error(&self, e: NumError) -> PyErr {
        let exc = &self.types().exc;
        match e {
            NumError::ZeroDivision(m) => self.error(&exc.zero_division_error, m),
            NumError::Overflow(m) => self.error(&exc.overflow_error, m),
            NumError::Value(m) => self.error(&exc.value_error, m),
            NumError::OverflowRange => PyErr(self.new_exception(
                &exc.overflow_error,
                vec![
                    Value::Int(34),
                    self.new_str("Numerical result out of range"),
                ],
            )),
            NumError::Memory => PyErr(self.new_exception(&exc.memory_error, vec![])),
        }
    }

    /// Set an attribute in an exception's instance dict (`name`, `obj`, `value`...).
    pub fn set_exc_attr(&self, exc: &ObjRef, name: &str, value: Value) {
        if let Some(d) = exc.dict_obj() {
            crate::objects::dict::set_str(self, &d, name, value);
        }
    }

    pub fn exception_data<'a>(&self, exc: &'a ObjRef) -> Option<&'a RefCell<ExceptionData>> {
        match &exc.payload {
            Payload::Exception(d) => Some(d),
            _ => None,
        }
    }
}
