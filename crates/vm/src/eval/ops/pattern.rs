//! The `match` statement's opcodes: `MATCH_MAPPING`, `MATCH_SEQUENCE`, `MATCH_KEYS`,
//! `MATCH_CLASS` and `GET_LEN` (CPython's `Python/ceval.c` `match_keys`/`match_class`).

use std::rc::Rc;

use super::{pop, top};
use crate::error::PyResult;
use crate::frame::Frame;
use crate::object::{ObjRef, Payload};
use crate::objects::dict;
use crate::objects::type_::Layout;
use crate::protocol::attr::name_str;
use crate::value::Value;
use crate::vm::Vm;

/// `collections.abc` marks its ABCs with these `__abc_tpflags__` bits (CPython's
/// `Py_TPFLAGS_SEQUENCE` and `Py_TPFLAGS_MAPPING`), which subclasses inherit.
const ABC_SEQUENCE_FLAG: i64 = 1 << 5;
const ABC_MAPPING_FLAG: i64 = 1 << 6;

/// Which structural pattern a subject can take part in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    Sequence,
    Mapping,
}

impl Vm {
    /// `MATCH_MAPPING` / `MATCH_SEQUENCE`: `(subject -- subject, bool)`.
    pub(super) fn op_match_shape(&mut self, f: &mut Frame, mapping: bool) {
        let subject = top(f).clone();
        let want = if mapping {
            Shape::Mapping
        } else {
            Shape::Sequence
        };
        let is = self.pattern_shape(&subject) == Some(want);
        f.slots.push(Value::Bool(is));
    }

    fn pattern_shape(&self, subject: &Value) -> Option<Shape> {
        let ty = self.type_of(subject);
        for klass in ty.as_type()?.mro.borrow().iter() {
            let t = klass.as_type()?;
            if !t.is_heap {
                let types = self.types();
                return match t.layout {
                    Layout::Dict => Some(Shape::Mapping),
                    Layout::List | Layout::Tuple => Some(Shape::Sequence),
                    _ if Rc::ptr_eq(klass, &types.range) => Some(Shape::Sequence),
                    _ => None,
                };
            }
            let flags = klass
                .dict_obj()
                .and_then(|d| dict::get_str(&d, "__abc_tpflags__"));
            if let Some(Value::Int(flags)) = flags {
                if flags & ABC_MAPPING_FLAG != 0 {
                    return Some(Shape::Mapping);
                }
                if flags & ABC_SEQUENCE_FLAG != 0 {
                    return Some(Shape::Sequence);
                }
            }
        }
        None
    }

    /// `GET_LEN`: `(obj -- obj, len(obj))`.
    pub(super) fn op_get_len(&mut self, fp: *mut Frame) -> PyResult<()> {
        // SAFETY: `fp` is the live top frame (see `execute`); it is re-read after calls.
        let subject = top(unsafe { &*fp }).clone();
        let n = self.len(&subject)?;
        let n = i64::try_from(n).map_err(|_| self.overflow_error("length too large"))?;
        unsafe { &mut *fp }.slots.push(Value::Int(n));
        Ok(())
    }

    /// `MATCH_KEYS`: `(subject, keys -- subject, keys, values_or_none)`: the values of
    /// `keys` in the mapping, or `None` when one is missing.
    pub(super) fn op_match_keys(&mut self, fp: *mut Frame) -> PyResult<()> {
        let f = unsafe { &*fp };
        let n = f.slots.len();
        let (Some(subject), Some(keys)) = (f.slots.get(n.wrapping_sub(2)), f.slots.last()) else {
            return Err(self.system_error("MATCH_KEYS: stack underflow"));
        };
        let (subject, keys) = (subject.clone(), keys.clone());
        let keys = match keys.as_obj().and_then(|k| k.as_tuple()) {
            Some(k) => k.to_vec(),
            None => return Err(self.system_error("MATCH_KEYS: keys must be a tuple")),
        };
        let result = self.match_keys(&subject, &keys)?;
        unsafe { &mut *fp }.slots.push(result);
        Ok(())
    }

    fn match_keys(&mut self, subject: &Value, keys: &[Value]) -> PyResult<Value> {
        if keys.is_empty() {
            return Ok(self.new_tuple(vec![]));
        }
        // `subject.get(key, dummy)` tells a missing key from a stored None.
        let get = self.get_attr_str(subject, "get")?;
        let dummy = Value::obj(crate::object::PyObject::new(
            self.types().object.clone(),
            Payload::Instance,
        ));
        let seen = self.new_dict();
        let mut values = Vec::with_capacity(keys.len());
        for key in keys {
            if dict::get_item(self, &seen, key)?.is_some() {
                let r = self.repr(key)?;
                return Err(self.value_error(format!("mapping pattern checks duplicate key ({r})")));
            }
            dict::set_item(self, &seen, key.clone(), Value::None)?;
            let v = self.call(&get, &[key.clone(), dummy.clone()])?;
            if v.is(&dummy) {
                return Ok(Value::None);
            }
            values.push(v);
        }
        Ok(self.new_tuple(values))
    }

    /// `MATCH_CLASS(count)`: `(subject, type, names -- attrs_or_none)`: the `count`
    /// positional sub-pattern values (through `__match_args__`) then the keyword ones.
    pub(super) fn op_match_class(&mut self, fp: *mut Frame, count: u32) -> PyResult<()> {
        let f = unsafe { &mut *fp };
        let names = pop(f);
        let cls = pop(f);
        let subject = pop(f);
        let names = names
            .as_obj()
            .and_then(|n| n.as_tuple())
            .map(|n| n.to_vec())
            .unwrap_or_default();
        let result = self.match_class(&subject, &cls, count as usize, &names)?;
        unsafe { &mut *fp }.slots.push(result);
        Ok(())
    }

    fn match_class(
        &mut self,
        subject: &Value,
        cls: &Value,
        count: usize,
        names: &[Value],
    ) -> PyResult<Value> {
        let Some(ty) = cls.as_obj().filter(|c| c.as_type().is_some()).cloned() else {
            return Err(self.type_error("called match pattern must be a class"));
        };
        if !self.is_instance(subject, &ty) {
            return Ok(Value::None);
        }
        let type_name = ty
            .as_type()
            .map_or_else(String::new, |t| t.name().to_string());
        let mut seen: Vec<String> = Vec::new();
        let mut attrs = Vec::with_capacity(count + names.len());
        if count > 0 {
            let match_args = match self.lookup_attr(cls, &self.new_str("__match_args__"))? {
                Some(m) => match m.as_obj().and_then(|o| o.as_tuple()) {
                    Some(t) => Some(t.to_vec()),
                    None => {
                        return Err(self.type_error(format!(
                            "{type_name}.__match_args__ must be a tuple (got {})",
                            self.type_name(&m)
                        )))
                    }
                },
                None => None,
            };
            let match_self = match_args.is_none() && self.matches_self(&ty);
            let match_args = match_args.unwrap_or_default();
            let allowed = if match_self { 1 } else { match_args.len() };
            if allowed < count {
                return Err(self.type_error(format!(
                    "{type_name}() accepts {allowed} positional sub-pattern{} ({count} given)",
                    if allowed == 1 { "" } else { "s" }
                )));
            }
            if match_self {
                attrs.push(subject.clone());
            } else {
                for name in &match_args[..count] {
                    if !matches!(name.payload(), Some(Payload::Str(_))) {
                        return Err(self.type_error(format!(
                            "__match_args__ elements must be strings (got {})",
                            self.type_name(name)
                        )));
                    }
                    match self.match_class_attr(subject, &type_name, name, &mut seen)? {
                        Some(v) => attrs.push(v),
                        None => return Ok(Value::None),
                    }
                }
            }
        }
        for name in names {
            match self.match_class_attr(subject, &type_name, name, &mut seen)? {
                Some(v) => attrs.push(v),
                None => return Ok(Value::None),
            }
        }
        Ok(self.new_tuple(attrs))
    }

    /// The built-in types whose instances match a single positional sub-pattern
    /// themselves (`int(x)`): CPython's `Py_TPFLAGS_MATCH_SELF`, inherited by subclasses.
    fn matches_self(&self, ty: &ObjRef) -> bool {
        let t = self.types();
        [
            &t.bool_,
            &t.bytes,
            &t.dict,
            &t.float,
            &t.frozenset,
            &t.int,
            &t.list,
            &t.set,
            &t.str_,
            &t.tuple,
        ]
        .iter()
        .any(|builtin| self.is_subtype(ty, builtin))
    }

    /// `getattr(subject, name)` for a class pattern; `None` when it is missing.
    fn match_class_attr(
        &mut self,
        subject: &Value,
        type_name: &str,
        name: &Value,
        seen: &mut Vec<String>,
    ) -> PyResult<Option<Value>> {
        let text = name_str(name).to_string();
        if seen.contains(&text) {
            let r = self.repr(name)?;
            return Err(self.type_error(format!(
                "{type_name}() got multiple sub-patterns for attribute {r}"
            )));
        }
        seen.push(text);
        self.lookup_attr(subject, name)
    }
}
