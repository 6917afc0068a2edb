//! Iteration: `iter()`, `next()`, and draining an iterable into a vector.

use std::cell::{Cell, RefCell};

use crate::error::PyResult;
use crate::object::{DictIterKind, DictIterState, ObjRef, Payload, PyObject};
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// `iter(v)`.
    pub fn get_iter(&mut self, v: &Value) -> PyResult<Value> {
        if let Some(m) = self.lookup_special_heap(v, "__iter__") {
            let it = self.call_method_value(&m, v, &[])?;
            if self.lookup_special_heap(&it, "__next__").is_none() && !is_builtin_iterator(&it) {
                return Err(self.type_error(format!(
                    "iter() returned non-iterator of type '{}'",
                    self.type_name(&it)
                )));
            }
            return Ok(it);
        }
        if let Some(m) = self.native_special(v, "__iter__") {
            return self.call_method_value(&m, v, &[]);
        }
        self.builtin_iter(v)
    }

    /// A special method of a native type's instance (`Payload::Native`: its protocols
    /// are the methods in its type's namespace, not Rust code in these protocols).
    pub fn native_special(&self, v: &Value, name: &str) -> Option<Value> {
        if !matches!(v.payload(), Some(Payload::Native(_))) {
            return None;
        }
        self.type_lookup(&self.type_of(v), name)
    }

    /// `iter(v)` by the built-in layout, ignoring any `__iter__` of a class.
    pub fn builtin_iter(&mut self, v: &Value) -> PyResult<Value> {
        let t = self.types();
        let (class, payload) = match v.payload() {
            Some(Payload::List(_)) => (t.list_iterator.clone(), seq_iter(v)),
            Some(Payload::Tuple(_)) => (t.tuple_iterator.clone(), seq_iter(v)),
            Some(Payload::Str(_)) => (t.str_iterator.clone(), seq_iter(v)),
            Some(Payload::Bytes(_)) => (t.bytes_iterator.clone(), seq_iter(v)),
            Some(Payload::ByteArray(_)) => (t.bytearray_iterator.clone(), seq_iter(v)),
            Some(Payload::MemoryView(_)) => {
                crate::objects::memoryview::len(self, v)?;
                (t.memory_iterator.clone(), seq_iter(v))
            }
            Some(Payload::BigRange(_)) => (t.longrange_iterator.clone(), seq_iter(v)),
            Some(Payload::Range(r)) => (
                t.range_iterator.clone(),
                Payload::RangeIter {
                    next: Cell::new(r.start),
                    stop: r.stop,
                    step: r.step,
                },
            ),
            Some(Payload::Dict(d)) => {
                let expected_len = d.borrow().len();
                let dict = v
                    .as_obj()
                    .cloned()
                    .ok_or_else(|| self.system_error("dict without object"))?;
                (
                    t.dict_keyiterator.clone(),
                    Payload::DictIter(RefCell::new(DictIterState {
                        dict,
                        position: 0,
                        kind: DictIterKind::Keys,
                        expected_len,
                    })),
                )
            }
            Some(Payload::Set(_)) => return Ok(crate::objects::iterators::set_iter(self, v)),
            Some(Payload::DictView { dict, kind }) => return Ok(self.dict_iter(dict, *kind)),
            _ if is_builtin_iterator(v) => return Ok(v.clone()),
            _ => {
                if self.lookup_special_heap(v, "__getitem__").is_some() {
                    return Ok(crate::objects::iterators::getitem_iter(self, v));
                }
                return Err(self.type_error(format!(
                    "'{}' object is not iterable",
                    self.type_display_name_of_value(v)
                )));
            }
        };
        Ok(Value::obj(PyObject::new(class, payload)))
    }

    /// A dict view iterator over `dict` (keys, values or items).
    pub fn dict_iter(&self, dict: &ObjRef, kind: DictIterKind) -> Value {
        let t = self.types();
        let class = match kind {
            DictIterKind::Keys => t.dict_keyiterator.clone(),
            DictIterKind::Values => t.dict_valueiterator.clone(),
            DictIterKind::Items => t.dict_itemiterator.clone(),
        };
        let expected_len = dict.as_dict().map_or(0, |d| d.borrow().len());
        Value::obj(PyObject::new(
            class,
            Payload::DictIter(RefCell::new(DictIterState {
                dict: dict.clone(),
                position: 0,
                kind,
                expected_len,
            })),
        ))
    }

    /// `next(it)`: `Ok(None)` when exhausted.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        self.next_impl(it, true)
    }

    /// `next(it)` by the built-in iterator layouts, ignoring any `__next__` of a class.
    pub fn builtin_next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        self.next_impl(it, false)
    }

    fn next_impl(&mut self, it: &Value, class_next: bool) -> PyResult<Option<Value>> {
        match it.payload() {
            Some(Payload::SeqIter { seq, index }) => {
                let i = index.get();
                let item = match seq.payload() {
                    Some(Payload::List(l)) => l.borrow().get(i).cloned(),
                    Some(Payload::Tuple(t)) => t.get(i).cloned(),
                    Some(Payload::Str(s)) => crate::objects::str_exact::item(self, s, i),
                    Some(Payload::Bytes(b)) => b.get(i).map(|&x| Value::Int(x as i64)),
                    Some(Payload::ByteArray(b)) => {
                        b.bytes.borrow().get(i).map(|&x| Value::Int(x as i64))
                    }
                    Some(Payload::MemoryView(_)) => {
                        crate::objects::memoryview::item_at(self, seq, i)
                    }
                    Some(Payload::BigRange(r)) => crate::objects::range_big::item_at(self, r, i),
                    _ => None,
                };
                if item.is_some() {
                    index.set(i + 1);
                } else {
                    index.set(usize::MAX);
                }
                Ok(item)
            }
            Some(Payload::RangeIter { next, stop, step }) => {
                let cur = next.get();
                if (*step > 0 && cur < *stop) || (*step < 0 && cur > *stop) {
                    next.set(cur.saturating_add(*step));
                    Ok(Some(Value::Int(cur)))
                } else {
                    Ok(None)
                }
            }
            Some(Payload::DictIter(state)) => self.dict_iter_next(state),
            Some(Payload::Iterator(state)) => crate::objects::iterators::next(self, state),
            Some(Payload::Generator(g))
                if g.kind == crate::objects::generator::GenKind::Generator =>
            {
                let gen = it
                    .as_obj()
                    .cloned()
                    .ok_or_else(|| self.system_error("generator"))?;
                match self.gen_resume(&gen, Value::None, None)? {
                    crate::eval::generator::GenResult::Yielded(v) => Ok(Some(v)),
                    crate::eval::generator::GenResult::Returned(_) => Ok(None),
                }
            }
            _ => {
                let found = if class_next {
                    self.lookup_special_heap(it, "__next__")
                } else {
                    None
                }
                .or_else(|| self.native_special(it, "__next__"));
                let Some(m) = found else {
                    return Err(self.type_error(format!(
                        "'{}' object is not an iterator",
                        self.type_name(it)
                    )));
                };
                match self.call_method_value(&m, it, &[]) {
                    Ok(v) => Ok(Some(v)),
                    Err(e)
                        if self.is_instance(
                            &Value::Obj(e.0.clone()),
                            &self.types().exc.stop_iteration.clone(),
                        ) =>
                    {
                        Ok(None)
                    }
                    Err(e) => Err(e),
                }
            }
        }
    }

    fn dict_iter_next(&mut self, state: &RefCell<DictIterState>) -> PyResult<Option<Value>> {
        let mut st = state.borrow_mut();
        let dict = st.dict.clone();
        let Some(d) = dict.as_dict() else {
            return Ok(None);
        };
        let data = d.borrow();
        if data.len() != st.expected_len {
            st.expected_len = usize::MAX;
            return Err(self.runtime_error("dictionary changed size during iteration"));
        }
        let Some((pos, entry)) = data.next_entry(st.position) else {
            return Ok(None);
        };
        st.position = pos;
        Ok(Some(match st.kind {
            DictIterKind::Keys => entry.key.clone(),
            DictIterKind::Values => entry.value.clone(),
            DictIterKind::Items => self.new_tuple(vec![entry.key.clone(), entry.value.clone()]),
        }))
    }

    /// All items of an iterable (`list(x)`, unpacking, `extend`).
    pub fn collect_iterable(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v.payload() {
            Some(Payload::List(l)) if !self.type_is_heap(&self.type_of(v)) => {
                return Ok(l.borrow().clone())
            }
            Some(Payload::Tuple(t)) if !self.type_is_heap(&self.type_of(v)) => {
                return Ok(t.to_vec())
            }
            _ => {}
        }
        let it = self.get_iter(v)?;
        let mut out = Vec::new();
        while let Some(item) = self.next(&it)? {
            out.push(item);
        }
        Ok(out)
    }
}

fn seq_iter(v: &Value) -> Payload {
    Payload::SeqIter {
        seq: v.clone(),
        index: Cell::new(0),
    }
}

/// Iterators implemented in Rust (they are their own `iter()`).
pub fn is_builtin_iterator(v: &Value) -> bool {
    matches!(
        v.payload(),
        Some(
            Payload::SeqIter { .. }
                | Payload::RangeIter { .. }
                | Payload::DictIter(_)
                | Payload::Iterator(_)
        )
    ) || matches!(v.payload(), Some(Payload::Generator(g)) if g.kind == crate::objects::generator::GenKind::Generator)
}
