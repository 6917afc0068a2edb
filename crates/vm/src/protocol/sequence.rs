//! Subscription (`x[i]`, `x[a:b]`, assignment and deletion), `len()`, and sequence
//! concatenation and repetition.

use std::cell::RefCell;

use crate::error::PyResult;
use crate::object::{Payload, PyObject, SliceData};
use crate::objects::dict;
use crate::protocol::number::{as_int, IntRef};
use crate::value::Value;
use crate::vm::Vm;

/// A resolved slice over a sequence of known length (CPython's `PySlice_AdjustIndices`).
pub struct SliceIndices {
    pub start: isize,
    pub stop: isize,
    pub step: isize,
    pub len: usize,
}

impl SliceIndices {
    pub fn positions(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len).map(move |k| (self.start + k as isize * self.step) as usize)
    }
}

/// A slice's bounds before a length resolves them (`None` for an omitted bound).
#[derive(Clone, Copy)]
pub struct SliceBounds {
    pub start: Option<isize>,
    pub stop: Option<isize>,
    pub step: isize,
}

/// CPython's `PySlice_AdjustIndices`: unpacked bounds resolved against a length.
pub fn slice_adjust(bounds: SliceBounds, len: usize) -> SliceIndices {
    let step = bounds.step;
    let len_i = len as isize;
    let (lower, upper) = if step < 0 {
        (-1, len_i - 1)
    } else {
        (0, len_i)
    };
    let clamp = |v: isize| -> isize {
        if v < 0 {
            (v + len_i).max(lower)
        } else {
            v.min(upper)
        }
    };
    let default_start = if step < 0 { upper } else { lower };
    let default_stop = if step < 0 { lower } else { upper };
    let start = bounds.start.map_or(default_start, clamp);
    let stop = bounds.stop.map_or(default_stop, clamp);
    let count = if step > 0 {
        if stop > start {
            ((stop - start - 1) / step + 1) as usize
        } else {
            0
        }
    } else if start > stop {
        ((start - stop - 1) / (-step) + 1) as usize
    } else {
        0
    };
    SliceIndices {
        start,
        stop,
        step,
        len: count,
    }
}

impl Vm {
    /// `len(v)`.
    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        if let Some(m) = self.lookup_special_heap(v, "__len__") {
            let r = self.call_method_value(&m, v, &[])?;
            return self.len_result(r);
        }
        self.builtin_len(v)
    }

    /// `len(v)` by the built-in layout, ignoring any `__len__` of a class.
    pub fn builtin_len(&mut self, v: &Value) -> PyResult<usize> {
        Ok(match v.payload() {
            Some(Payload::Str(s)) => s.char_len(),
            Some(Payload::Bytes(b)) => b.len(),
            Some(Payload::ByteArray(b)) => b.bytes.borrow().len(),
            Some(Payload::MemoryView(_)) => crate::objects::memoryview::len(self, v)?,
            Some(Payload::Tuple(t)) => t.len(),
            Some(Payload::List(l)) => l.borrow().len(),
            Some(Payload::Dict(d)) => d.borrow().len(),
            Some(Payload::Set(st)) => st.borrow().len(),
            Some(Payload::DictView { dict, .. }) => dict.as_dict().map_or(0, |d| d.borrow().len()),
            Some(Payload::Range(r)) => crate::objects::range::range_len(r),
            Some(Payload::BigRange(r)) => crate::objects::range_big::len(self, r)?,
            _ => {
                return Err(self.type_error(format!(
                    "object of type '{}' has no len()",
                    self.type_display_name_of_value(v)
                )))
            }
        })
    }

    /// Check what `__len__` returned.
    pub fn len_result(&mut self, r: Value) -> PyResult<usize> {
        match as_int(&r) {
            Some(IntRef::Small(n)) if n >= 0 => Ok(n as usize),
            Some(IntRef::Small(_)) => Err(self.value_error("__len__() should return >= 0")),
            Some(IntRef::Big(_)) => {
                Err(self.overflow_error("cannot fit 'int' into an index-sized integer"))
            }
            None => Err(self.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(&r)
            ))),
        }
    }

    /// An index operand as isize (`__index__` for user classes comes later).
    pub fn index_value(&mut self, v: &Value) -> PyResult<isize> {
        match as_int(v) {
            Some(IntRef::Small(i)) => isize::try_from(i).map_err(|_| self.index_overflow(v)),
            Some(IntRef::Big(_)) => Err(self.index_overflow(v)),
            None => {
                if let Some(m) = self.lookup_special_heap(v, "__index__") {
                    let r = self.call_method_value(&m, v, &[])?;
                    return self.index_value(&r);
                }
                Err(self.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    self.type_name(v)
                )))
            }
        }
    }

    fn index_overflow(&self, v: &Value) -> crate::error::PyErr {
        self.index_error(format!(
            "cannot fit '{}' into an index-sized integer",
            self.type_name(v)
        ))
    }

    /// Resolve a slice object against a length.
    pub fn slice_indices(&mut self, s: &SliceData, len: usize) -> PyResult<SliceIndices> {
        let bounds = self.slice_unpack(s)?;
        Ok(slice_adjust(bounds, len))
    }

    /// CPython's `PySlice_Unpack`: the slice's bounds as machine ints, running any
    /// `__index__`. Containers that such a method may resize read their length only
    /// afterwards and then call [`slice_adjust`], as CPython does.
    pub fn slice_unpack(&mut self, s: &SliceData) -> PyResult<SliceBounds> {
        let step = if s.step.is_none() {
            1
        } else {
            self.slice_bound(&s.step)?
        };
        if step == 0 {
            return Err(self.value_error("slice step cannot be zero"));
        }
        let start = if s.start.is_none() {
            None
        } else {
            Some(self.slice_bound(&s.start)?)
        };
        let stop = if s.stop.is_none() {
            None
        } else {
            Some(self.slice_bound(&s.stop)?)
        };
        Ok(SliceBounds { start, stop, step })
    }

    fn slice_bound(&mut self, v: &Value) -> PyResult<isize> {
        match as_int(v) {
            Some(IntRef::Small(i)) => {
                Ok(i.clamp(isize::MIN as i64 + 1, isize::MAX as i64) as isize)
            }
            Some(IntRef::Big(b)) => Ok(if b.sign() == dashu_base::Sign::Negative {
                isize::MIN + 1
            } else {
                isize::MAX
            }),
            None => {
                if self.lookup_special_heap(v, "__index__").is_some() {
                    return self.index_value(v);
                }
                Err(self.type_error(
                    "slice indices must be integers or None or have an __index__ method",
                ))
            }
        }
    }

    pub fn new_slice(&self, start: Value, stop: Value, step: Value) -> Value {
        Value::obj(PyObject::new(
            self.types().slice.clone(),
            Payload::Slice(SliceData { start, stop, step }),
        ))
    }

    /// Normalise an index for a sequence of `len` items, or raise `IndexError(msg)`.
    fn seq_index(&mut self, key: &Value, len: usize, what: &str) -> PyResult<usize> {
        let i = self.index_value(key)?;
        let j = if i < 0 { i + len as isize } else { i };
        if j < 0 || j as usize >= len {
            return Err(self.index_error(format!("{what} index out of range")));
        }
        Ok(j as usize)
    }

    /// `container[key]`.
    pub fn get_item(&mut self, container: &Value, key: &Value) -> PyResult<Value> {
        if let Some(m) = self.lookup_special_heap(container, "__getitem__") {
            return self.call_method_value(&m, container, std::slice::from_ref(key));
        }
        self.builtin_get_item(container, key)
    }

    /// `container[key]` by the built-in layout, ignoring any `__getitem__` of a class.
    pub fn builtin_get_item(&mut self, container: &Value, key: &Value) -> PyResult<Value> {
        let is_slice = matches!(key.payload(), Some(Payload::Slice(_)));
        match container.payload() {
            Some(Payload::List(l)) => {
                if let Some(Payload::Slice(s)) = key.payload() {
                    // Bounds first, length after: `__index__` may resize the list.
                    let bounds = self.slice_unpack(s)?;
                    let items = l.borrow().clone();
                    let idx = slice_adjust(bounds, items.len());
                    return Ok(self.new_list(idx.positions().map(|p| items[p].clone()).collect()));
                }
                self.check_index_type(key, "list")?;
                let len = l.borrow().len();
                let i = self.seq_index(key, len, "list")?;
                // The key's `__index__` may have shrunk the list meanwhile.
                let item = l.borrow().get(i).cloned();
                item.ok_or_else(|| self.index_error("list index out of range"))
            }
            Some(Payload::Tuple(t)) => {
                if let Some(Payload::Slice(s)) = key.payload() {
                    let idx = self.slice_indices(s, t.len())?;
                    return Ok(self.new_tuple(idx.positions().map(|p| t[p].clone()).collect()));
                }
                self.check_index_type(key, "tuple")?;
                let i = self.seq_index(key, t.len(), "tuple")?;
                Ok(t[i].clone())
            }
            Some(Payload::Str(s)) => {
                if let Some(Payload::Slice(sl)) = key.payload() {
                    let idx = self.slice_indices(sl, s.char_len())?;
                    return Ok(crate::objects::str_exact::select(self, s, idx.positions()));
                }
                if as_int(key).is_none() && self.lookup_special_heap(key, "__index__").is_none() {
                    return Err(self.type_error(format!(
                        "string indices must be integers, not '{}'",
                        self.type_name(key)
                    )));
                }
                let i = self.seq_index(key, s.char_len(), "string")?;
                crate::objects::str_exact::item(self, s, i)
                    .ok_or_else(|| self.index_error("string index out of range"))
            }
            Some(Payload::Bytes(b)) => crate::objects::bytes::get_item(
                self,
                b,
                key,
                crate::objects::bytes::ByteKind::Bytes,
            ),
            Some(Payload::ByteArray(b)) => {
                let data = b.bytes.borrow().clone();
                let kind = crate::objects::bytes::ByteKind::ByteArray;
                crate::objects::bytes::get_item(self, &data, key, kind)
            }
            Some(Payload::MemoryView(_)) => {
                crate::objects::memoryview::get_item(self, container, key)
            }
            Some(Payload::Dict(_)) => {
                let d = container
                    .as_obj()
                    .cloned()
                    .ok_or_else(|| self.system_error("dict"))?;
                match dict::get_item(self, &d, key)? {
                    Some(v) => Ok(v),
                    None => {
                        if self.type_is_heap(&self.type_of(container)) {
                            if let Some(m) = self.lookup_special_heap(container, "__missing__") {
                                return self.call_method_value(
                                    &m,
                                    container,
                                    std::slice::from_ref(key),
                                );
                            }
                        }
                        Err(self.key_error(key.clone()))
                    }
                }
            }
            Some(Payload::BigRange(r)) => crate::objects::range_big::get_item(self, r, key),
            Some(Payload::Range(r)) if is_slice => match key.payload() {
                Some(Payload::Slice(sl)) => crate::objects::range_methods::slice(self, r, sl),
                _ => Err(self.system_error("range slice")),
            },
            Some(Payload::Range(r)) if !is_slice => {
                let len = crate::objects::range::range_len(r);
                let i = self.seq_index(key, len, "range object")?;
                // `i * step` alone can overflow i64 although the item, lying
                // between start and stop, fits (e.g. `range(-2**63, 2**63-1,
                // 2**62)[-1]`): compute it wide.
                let item = r.start as i128 + i as i128 * r.step as i128;
                Ok(Value::Int(item as i64))
            }
            Some(Payload::Type(_)) => {
                let cls = container.clone();
                match self.lookup_attr(&cls, &self.new_str("__class_getitem__"))? {
                    Some(m) => self.call(&m, std::slice::from_ref(key)),
                    None => Err(self.type_error(format!(
                        "type '{}' is not subscriptable",
                        self.type_display_name_of(&cls)
                    ))),
                }
            }
            _ => Err(self.type_error(format!(
                "'{}' object is not subscriptable",
                self.type_display_name_of_value(container)
            ))),
        }
    }

    fn check_index_type(&mut self, key: &Value, what: &str) -> PyResult<()> {
        if as_int(key).is_some() || self.lookup_special_heap(key, "__index__").is_some() {
            return Ok(());
        }
        Err(self.type_error(format!(
            "{what} indices must be integers or slices, not {}",
            self.type_name(key)
        )))
    }

    /// `container[key] = value`.
    pub fn set_item(&mut self, container: &Value, key: &Value, value: Value) -> PyResult<()> {
        if let Some(m) = self.lookup_special_heap(container, "__setitem__") {
            self.call_method_value(&m, container, &[key.clone(), value])?;
            return Ok(());
        }
        self.builtin_set_item(container, key, value)
    }

    /// `container[key] = value` by the built-in layout.
    pub fn builtin_set_item(
        &mut self,
        container: &Value,
        key: &Value,
        value: Value,
    ) -> PyResult<()> {
        match container.payload() {
            Some(Payload::List(l)) => {
                if let Some(Payload::Slice(s)) = key.payload() {
                    let new_items = self.collect_iterable(&value)?;
                    return self.list_assign_slice(l, s, new_items);
                }
                self.check_index_type(key, "list")?;
                let len = l.borrow().len();
                let i = self.seq_index(key, len, "list assignment")?;
                // The key's `__index__` may have shrunk the list meanwhile; the old
                // item is dropped only after the borrow ends (its `__del__` may read
                // the list).
                let old = l
                    .borrow_mut()
                    .get_mut(i)
                    .map(|slot| std::mem::replace(slot, value));
                match old {
                    Some(old) => {
                        drop(old);
                        Ok(())
                    }
                    None => Err(self.index_error("list assignment index out of range")),
                }
            }
            Some(Payload::Dict(_)) => {
                let d = container
                    .as_obj()
                    .cloned()
                    .ok_or_else(|| self.system_error("dict"))?;
                dict::set_item(self, &d, key.clone(), value)
            }
            Some(Payload::ByteArray(b)) => {
                crate::objects::bytearray::set_item(self, b, key, &value)
            }
            Some(Payload::MemoryView(_)) => {
                crate::objects::memoryview::set_item(self, container, key, &value)
            }
            _ => Err(self.type_error(format!(
                "'{}' object does not support item assignment",
                self.type_display_name_of_value(container)
            ))),
        }
    }

    fn list_assign_slice(
        &mut self,
        l: &RefCell<Vec<Value>>,
        s: &SliceData,
        new_items: Vec<Value>,
    ) -> PyResult<()> {
        // Bounds first, length after: a bound's `__index__` may resize the list.
        let bounds = self.slice_unpack(s)?;
        let len = l.borrow().len();
        let idx = slice_adjust(bounds, len);
        if idx.step == 1 {
            let start = idx.start as usize;
            let stop = (idx.stop.max(idx.start)) as usize;
            let removed: Vec<Value> = l.borrow_mut().splice(start..stop, new_items).collect();
            drop(removed);
            return Ok(());
        }
        if new_items.len() != idx.len {
            return Err(self.value_error(format!(
                "attempt to assign sequence of size {} to extended slice of size {}",
                new_items.len(),
                idx.len
            )));
        }
        let positions: Vec<usize> = idx.positions().collect();
        let mut removed = Vec::with_capacity(positions.len());
        let mut list = l.borrow_mut();
        for (p, v) in positions.into_iter().zip(new_items) {
            if let Some(slot) = list.get_mut(p) {
                removed.push(std::mem::replace(slot, v));
            }
        }
        drop(list);
        drop(removed);
        Ok(())
    }

    /// `del container[key]`.
    pub fn del_item(&mut self, container: &Value, key: &Value) -> PyResult<()> {
        if let Some(m) = self.lookup_special_heap(container, "__delitem__") {
            self.call_method_value(&m, container, std::slice::from_ref(key))?;
            return Ok(());
        }
        self.builtin_del_item(container, key)
    }

    /// `del container[key]` by the built-in layout.
    pub fn builtin_del_item(&mut self, container: &Value, key: &Value) -> PyResult<()> {
        match container.payload() {
            Some(Payload::List(l)) => {
                if let Some(Payload::Slice(s)) = key.payload() {
                    // Bounds first, length after: `__index__` may resize the list.
                    let bounds = self.slice_unpack(s)?;
                    let len = l.borrow().len();
                    let idx = slice_adjust(bounds, len);
                    let mut doomed: Vec<usize> = idx.positions().collect();
                    doomed.sort_unstable();
                    let mut removed = Vec::with_capacity(doomed.len());
                    let mut list = l.borrow_mut();
                    for p in doomed.into_iter().rev() {
                        if p < list.len() {
                            removed.push(list.remove(p));
                        }
                    }
                    // Dropped after the borrow: a `__del__` may read the list.
                    drop(list);
                    drop(removed);
                    return Ok(());
                }
                self.check_index_type(key, "list")?;
                let len = l.borrow().len();
                let i = self.seq_index(key, len, "list assignment")?;
                let mut list = l.borrow_mut();
                if i >= list.len() {
                    drop(list);
                    return Err(self.index_error("list assignment index out of range"));
                }
                let removed = list.remove(i);
                drop(list);
                drop(removed);
                Ok(())
            }
            Some(Payload::Dict(_)) => {
                let d = container
                    .as_obj()
                    .cloned()
                    .ok_or_else(|| self.system_error("dict"))?;
                match dict::del_item(self, &d, key)? {
                    Some(_) => Ok(()),
                    None => Err(self.key_error(key.clone())),
                }
            }
            Some(Payload::ByteArray(b)) => crate::objects::bytearray::del_item(self, b, key),
            Some(Payload::MemoryView(_)) => Err(self.type_error("cannot delete memory")),
            _ => Err(self.no_item_deletion(container, key)),
        }
    }

    /// CPython's two messages for `del x[key]` on a type without item deletion: an
    /// index key on a type with a sequence protocol fails in `PySequence_DelItem`
    /// ("doesn't"), anything else in `PyObject_DelItem` ("does not").
    fn no_item_deletion(&self, container: &Value, key: &Value) -> crate::error::PyErr {
        let ty = self.type_of(container);
        let has_sequence_protocol = self.type_is_heap(&ty)
            || ["__len__", "__getitem__", "__contains__"]
                .iter()
                .any(|m| self.type_lookup(&ty, m).is_some());
        let is_index = crate::protocol::number::as_int(key).is_some()
            || self.lookup_special_heap(key, "__index__").is_some();
        let verb = if has_sequence_protocol && is_index {
            "doesn't"
        } else {
            "does not"
        };
        self.type_error(format!(
            "'{}' object {verb} support item deletion",
            self.type_name(container)
        ))
    }

    /// `a + b` for two sequences of the same built-in kind.
    pub fn sequence_concat(&mut self, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        Ok(match (a.payload(), b.payload()) {
            (Some(Payload::Str(x)), Some(Payload::Str(y))) => {
                Some(self.new_str_obj(crate::objects::str_exact::concat(x, y)))
            }
            (Some(Payload::List(x)), Some(Payload::List(y))) => {
                let mut v = x.borrow().clone();
                v.extend(y.borrow().iter().cloned());
                Some(self.new_list(v))
            }
            (Some(Payload::Tuple(x)), Some(Payload::Tuple(y))) => {
                let mut v = x.to_vec();
                v.extend(y.iter().cloned());
                Some(self.new_tuple(v))
            }
            (Some(Payload::Bytes(x)), Some(Payload::Bytes(y))) => {
                let mut v = x.to_vec();
                v.extend_from_slice(y);
                Some(crate::objects::bytes::new_bytes(self, v))
            }
            (Some(Payload::Bytes(_) | Payload::ByteArray(_)), _) => {
                crate::objects::bytearray::concat(self, a, b)?
            }
            _ => None,
        })
    }

    pub fn is_sequence_for_repeat(&self, v: &Value) -> bool {
        matches!(
            v.payload(),
            Some(
                Payload::Str(_)
                    | Payload::List(_)
                    | Payload::Tuple(_)
                    | Payload::Bytes(_)
                    | Payload::ByteArray(_)
            )
        )
    }

    /// `seq * n`.
    pub fn sequence_repeat(&mut self, v: &Value, n: usize) -> PyResult<Value> {
        // `unit` bytes (str, bytes) or 16-byte values (list, tuple items), `n` times.
        let too_big = |vm: &Vm, unit: usize| vm.check_allocation(unit.checked_mul(n));
        // str and bytes report a length past `isize::MAX` as OverflowError.
        let too_long = |vm: &Vm, unit: usize, what: &str| {
            if unit.checked_mul(n).is_none_or(|t| t > isize::MAX as usize) {
                return Err(vm.overflow_error(format!("repeated {what} too long")));
            }
            too_big(vm, unit)
        };
        match v.payload() {
            Some(Payload::Str(s)) => {
                too_long(self, s.as_str().len(), "string is")?;
                Ok(self.new_str_obj(crate::objects::str_exact::repeat(s, n)))
            }
            Some(Payload::List(l)) => {
                let items = l.borrow().clone();
                too_big(self, items.len().saturating_mul(16))?;
                let mut out = Vec::with_capacity(items.len() * n);
                for _ in 0..n {
                    out.extend(items.iter().cloned());
                }
                Ok(self.new_list(out))
            }
            Some(Payload::Tuple(t)) => {
                too_big(self, t.len().saturating_mul(16))?;
                let mut out = Vec::with_capacity(t.len() * n);
                for _ in 0..n {
                    out.extend(t.iter().cloned());
                }
                Ok(self.new_tuple(out))
            }
            Some(Payload::Bytes(b)) => {
                too_long(self, b.len(), "bytes are")?;
                Ok(crate::objects::bytes::new_bytes(self, b.repeat(n)))
            }
            Some(Payload::ByteArray(b)) => {
                let data = b.bytes.borrow().clone();
                too_big(self, data.len())?;
                Ok(crate::objects::bytearray::new_bytearray(
                    self,
                    data.repeat(n),
                ))
            }
            _ => Err(self.type_error("can't multiply sequence")),
        }
    }
}
