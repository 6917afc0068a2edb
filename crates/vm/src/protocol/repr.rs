//! `repr()` and `str()`, with CPython's guard against infinite recursion through
//! self-containing containers (`[...]`, `{...}`).

use crate::error::PyResult;
use crate::object::{ObjRef, Payload};
use crate::objects::repr as fmt;
use crate::objects::str_stand_in as stand_in;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// `repr(v)` as Rust text.
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::None => Ok("None".into()),
            Value::Bool(true) => Ok("True".into()),
            Value::Bool(false) => Ok("False".into()),
            Value::Int(i) => Ok(i.to_string()),
            Value::Float(f) => Ok(adder_numeric::float_repr(*f)),
            Value::Null => Ok("<NULL>".into()),
            Value::Obj(o) => {
                let ty = self.class_of(o);
                if self.type_has_dunder_methods(&ty) {
                    if let Some(m) = self.lookup_special_heap(v, "__repr__") {
                        let r = self.call_method_value(&m, v, &[])?;
                        return match r.payload() {
                            Some(Payload::Str(s)) => Ok(stand_in::text(s).into_owned()),
                            _ => Err(self.type_error(format!(
                                "__repr__ returned non-string (type {})",
                                self.type_name(&r)
                            ))),
                        };
                    }
                }
                self.builtin_repr(o, v)
            }
        }
    }

    /// `str(v)` as Rust text.
    pub fn to_str(&mut self, v: &Value) -> PyResult<String> {
        if let Value::Obj(o) = v {
            let ty = self.class_of(o);
            if let Payload::Str(s) = &o.payload {
                // A str subclass may define its own `__str__`.
                if !self.type_is_heap(&ty) {
                    return Ok(stand_in::text(s).into_owned());
                }
            }
            if self.type_has_dunder_methods(&ty) {
                if let Some(m) = self.lookup_special_heap(v, "__str__") {
                    let r = self.call_method_value(&m, v, &[])?;
                    return match r.payload() {
                        Some(Payload::Str(s)) => Ok(stand_in::text(s).into_owned()),
                        _ => Err(self.type_error(format!(
                            "__str__ returned non-string (type {})",
                            self.type_name(&r)
                        ))),
                    };
                }
            }
        }
        self.builtin_str(v)
    }

    /// `str(v)` by the built-in layout, ignoring any `__str__` of a class (but not its
    /// `__repr__`, which the default `str` shows).
    pub fn builtin_str(&mut self, v: &Value) -> PyResult<String> {
        if let Value::Obj(o) = v {
            if let Payload::Str(s) = &o.payload {
                return Ok(stand_in::text(s).into_owned());
            }
            if let Payload::Exception(_) = &o.payload {
                return self.exception_str(o);
            }
        }
        self.repr(v)
    }

    /// `str(exc)`: the message, or the args tuple's repr.
    pub fn exception_str(&mut self, exc: &ObjRef) -> PyResult<String> {
        if let Some(text) = crate::objects::codecs::unicode_error_str(self, exc)? {
            return Ok(text);
        }
        if let Some(text) = crate::objects::exception_group::group_str(self, exc)? {
            return Ok(text);
        }
        if let Some(text) = crate::objects::exception_os::os_error_str(self, exc)? {
            return Ok(text);
        }
        if let Some(text) = crate::objects::exception_fields::syntax_error_str(self, exc)? {
            return Ok(text);
        }
        let args = match self.exception_data(exc) {
            Some(d) => d.borrow().args.clone(),
            None => return Ok(String::new()),
        };
        let items: Vec<Value> = args
            .as_obj()
            .and_then(|o| o.as_tuple())
            .map(|t| t.to_vec())
            .unwrap_or_default();
        let is_key_error = self.is_instance(
            &Value::Obj(exc.clone()),
            &self.types().exc.key_error.clone(),
        );
        match items.len() {
            0 => Ok(String::new()),
            1 if is_key_error => self.repr(&items[0]),
            1 => self.to_str(&items[0]),
            _ => self.repr(&args),
        }
    }

    /// The repr a built-in layout gives, ignoring any `__repr__` of a class.
    pub fn builtin_repr(&mut self, o: &ObjRef, v: &Value) -> PyResult<String> {
        match &o.payload {
            Payload::Str(s) => Ok(crate::objects::str_exact::repr(s)),
            Payload::Int(i) => self.int_to_decimal(i),
            Payload::Float(f) => Ok(adder_numeric::float_repr(*f)),
            Payload::Bytes(b) => Ok(fmt::bytes_repr(b)),
            Payload::Complex(z) => Ok(crate::objects::complex::repr(*z)),
            Payload::ByteArray(b) => Ok(crate::objects::bytearray::repr(self, v, b)),
            Payload::MemoryView(m) => Ok(crate::objects::memoryview::repr(m, v)),
            Payload::Tuple(items) => {
                let items = items.to_vec();
                self.with_repr_guard(o, "(...)", |vm| {
                    let mut parts = Vec::with_capacity(items.len());
                    for it in &items {
                        parts.push(vm.repr(it)?);
                    }
                    Ok(if parts.len() == 1 {
                        format!("({},)", parts[0])
                    } else {
                        format!("({})", parts.join(", "))
                    })
                })
            }
            Payload::List(items) => {
                let items = items.borrow().clone();
                self.with_repr_guard(o, "[...]", |vm| {
                    let mut parts = Vec::with_capacity(items.len());
                    for it in &items {
                        parts.push(vm.repr(it)?);
                    }
                    Ok(format!("[{}]", parts.join(", ")))
                })
            }
            Payload::Dict(d) => {
                let entries: Vec<(Value, Value)> = d
                    .borrow()
                    .iter()
                    .map(|e| (e.key.clone(), e.value.clone()))
                    .collect();
                self.with_repr_guard(o, "{...}", |vm| {
                    let mut parts = Vec::with_capacity(entries.len());
                    for (k, val) in &entries {
                        parts.push(format!("{}: {}", vm.repr(k)?, vm.repr(val)?));
                    }
                    Ok(format!("{{{}}}", parts.join(", ")))
                })
            }
            Payload::Set(_) => crate::objects::set_methods::repr(self, o, v),
            Payload::DictView { .. } => crate::objects::dict_methods::view_repr(self, o, v),
            _ => crate::objects::attributes::default_repr(self, o, v),
        }
    }

    /// Decimal text of a big int, honouring `sys.set_int_max_str_digits`.
    pub fn int_to_decimal(&self, i: &adder_numeric::BigInt) -> PyResult<String> {
        let limit = self.interp.int_max_str_digits.get();
        adder_numeric::int_format::to_decimal_string(i, limit).map_err(|e| self.num_error(e))
    }

    /// Run `f` unless `o` is already being printed further up (then give `marker`).
    pub fn with_repr_guard(
        &mut self,
        o: &ObjRef,
        marker: &str,
        f: impl FnOnce(&mut Vm) -> PyResult<String>,
    ) -> PyResult<String> {
        let id = std::rc::Rc::as_ptr(o) as usize;
        if self.thread.repr_stack.contains(&id) {
            return Ok(marker.to_string());
        }
        self.enter_native()?;
        self.thread.repr_stack.push(id);
        let r = f(self);
        self.thread.repr_stack.pop();
        self.leave_native();
        r
    }
}

impl Vm {
    /// `format(v, spec)`: a user class's `__format__`, else the built-in type's
    /// (`objects/str_format.rs`).
    pub fn format_value(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        crate::objects::str_format::format_value(self, v, spec)
    }
}
