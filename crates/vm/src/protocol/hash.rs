//! `hash()`.

use adder_numeric::hash::{hash_bigint, hash_float, hash_i64, hash_pointer};

use crate::error::PyResult;
use crate::object::Payload;
use crate::value::Value;
use crate::vm::Vm;

/// CPython's `hash(None)` since 3.12: a constant.
pub const NONE_HASH: i64 = 0xFCA8_6420;

impl Vm {
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        if let Value::Obj(o) = v {
            let ty = self.class_of(o);
            if self.type_has_dunder_methods(&ty) {
                if let Some(result) = self.call_dunder_hash(v)? {
                    return Ok(result);
                }
            }
        }
        self.builtin_hash(v)
    }

    /// `hash(v)` by the built-in layout, ignoring any `__hash__` of a class.
    pub fn builtin_hash(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(hash_i64(*i)),
            Value::Bool(b) => Ok(*b as i64),
            Value::Float(f) => Ok(hash_float(*f, v.id() as usize)),
            Value::None => Ok(NONE_HASH),
            Value::Null => Ok(0),
            Value::Obj(o) => match &o.payload {
                Payload::Str(s) => Ok(s.hash()),
                Payload::Int(i) => Ok(hash_bigint(i)),
                Payload::Float(f) => Ok(hash_float(*f, v.id() as usize)),
                Payload::Bytes(b) => Ok(crate::objects::str::hash_bytes(b)),
                Payload::Complex(z) => Ok(crate::objects::complex::hash(*z, v)),
                Payload::Range(r) => {
                    let big = crate::objects::range_big::BigRangeData::from_small(r);
                    crate::objects::range_big::hash(self, &big)
                }
                Payload::BigRange(r) => crate::objects::range_big::hash(self, r),
                Payload::MemoryView(_) => crate::objects::memoryview::hash(self, v),
                Payload::Tuple(items) => self.hash_tuple(items),
                Payload::Code(_) => Ok(crate::objects::code_compare::hash(o)),
                Payload::Set(s) if crate::objects::set::is_frozen(self, v) => {
                    Ok(s.borrow_mut().hash_once())
                }
                Payload::List(_)
                | Payload::ByteArray(_)
                | Payload::Dict(_)
                | Payload::Set(_)
                | Payload::DictView { .. } => Err(self.type_error(format!(
                    "unhashable type: '{}'",
                    self.type_display_name_of_value(v)
                ))),
                Payload::Native(_) => {
                    if let Some(ga) = v.native::<crate::objects::generic_alias::GenericAlias>() {
                        return crate::objects::generic_alias::hash(self, ga);
                    }
                    if let Some(u) = v.native::<crate::objects::union_type::UnionType>() {
                        return crate::objects::union_type::hash(self, u);
                    }
                    Ok(hash_pointer(v.id() as usize))
                }
                _ => Ok(hash_pointer(v.id() as usize)),
            },
        }
    }

    /// A user class's `__hash__`: `None` means "inherit the built-in one".
    fn call_dunder_hash(&mut self, v: &Value) -> PyResult<Option<i64>> {
        let Some(method) = self.lookup_special_heap(v, "__hash__") else {
            return Ok(None);
        };
        if method.is_none() {
            return Err(self.type_error(format!(
                "unhashable type: '{}'",
                self.type_display_name_of_value(v)
            )));
        }
        let result = self.call_method_value(&method, v, &[])?;
        match result {
            Value::Int(i) => Ok(Some(if i == -1 { -2 } else { i })),
            Value::Bool(b) => Ok(Some(b as i64)),
            Value::Obj(ref o) if matches!(o.payload, Payload::Int(_)) => {
                let Payload::Int(i) = &o.payload else {
                    unreachable!()
                };
                Ok(Some(hash_bigint(i)))
            }
            _ => Err(self.type_error("__hash__ method should return an integer")),
        }
    }

    /// CPython's tuple hash (xxHash-based, 3.8+).
    fn hash_tuple(&mut self, items: &[Value]) -> PyResult<i64> {
        // Nested tuples hash recursively in Rust: bound the depth.
        self.enter_native()?;
        let mut lanes = Vec::with_capacity(items.len());
        for item in items {
            match self.hash(item) {
                Ok(h) => lanes.push(h),
                Err(e) => {
                    self.leave_native();
                    return Err(e);
                }
            }
        }
        self.leave_native();
        Ok(tuple_hash(lanes.into_iter()))
    }
}

/// The tuple hash over the items' hashes.
pub fn tuple_hash(lanes: impl ExactSizeIterator<Item = i64>) -> i64 {
    adder_numeric::hash::hash_tuple(lanes)
}
