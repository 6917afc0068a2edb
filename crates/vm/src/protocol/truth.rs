//! Truth testing (`bool(x)`, `if x:`).

use crate::error::PyResult;
use crate::object::Payload;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    pub fn is_true(&mut self, v: &Value) -> PyResult<bool> {
        match v {
            Value::Bool(b) => Ok(*b),
            Value::None | Value::Null => Ok(false),
            Value::Int(i) => Ok(*i != 0),
            Value::Float(f) => Ok(*f != 0.0),
            Value::Obj(o) => {
                let ty = self.class_of(o);
                if self.type_has_dunder_methods(&ty) {
                    if let Some(m) = self.lookup_special_heap(v, "__bool__") {
                        let r = self.call_method_value(&m, v, &[])?;
                        return match r {
                            Value::Bool(b) => Ok(b),
                            _ => Err(self.type_error(format!(
                                "__bool__ should return bool, returned {}",
                                self.type_name(&r)
                            ))),
                        };
                    }
                    if let Some(m) = self.lookup_special_heap(v, "__len__") {
                        let r = self.call_method_value(&m, v, &[])?;
                        return Ok(self.len_result(r)? != 0);
                    }
                }
                self.builtin_is_true(v)
            }
        }
    }

    /// The truth of a value by its built-in layout, ignoring any `__bool__` of a class.
    pub fn builtin_is_true(&mut self, v: &Value) -> PyResult<bool> {
        match v {
            Value::Bool(b) => Ok(*b),
            Value::None | Value::Null => Ok(false),
            Value::Int(i) => Ok(*i != 0),
            Value::Float(f) => Ok(*f != 0.0),
            Value::Obj(o) => Ok(match &o.payload {
                Payload::Str(s) => s.char_len() != 0,
                Payload::Int(i) => *i != adder_numeric::BigInt::ZERO,
                Payload::Float(f) => *f != 0.0,
                Payload::Bytes(b) => !b.is_empty(),
                Payload::Complex(z) => crate::objects::complex::is_true(*z),
                Payload::ByteArray(b) => !b.bytes.borrow().is_empty(),
                Payload::MemoryView(_) => crate::objects::memoryview::len(self, v)? != 0,
                Payload::Tuple(t) => !t.is_empty(),
                Payload::List(l) => !l.borrow().is_empty(),
                Payload::Dict(d) => !d.borrow().is_empty(),
                Payload::Set(st) => !st.borrow().is_empty(),
                Payload::DictView { dict, .. } => {
                    dict.as_dict().is_some_and(|d| !d.borrow().is_empty())
                }
                Payload::Range(r) => crate::objects::range::range_len(r) != 0,
                Payload::BigRange(r) => crate::objects::range_big::is_true(r),
                _ => true,
            }),
        }
    }
}
