//! Rich comparison (`<`, `<=`, `==`, `!=`, `>`, `>=`), `is`, and `in`.

use std::cmp::Ordering;
use std::rc::Rc;

use crate::error::PyResult;
use crate::object::Payload;
use crate::objects::table_key::is_exact_str;
use crate::protocol::number::{as_float, as_int, IntRef};
use crate::value::Value;
use crate::vm::Vm;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CmpOp {
    /// From `COMPARE_OP`'s argument (`arg >> 5`).
    pub fn from_index(i: u32) -> Option<CmpOp> {
        [
            CmpOp::Lt,
            CmpOp::Le,
            CmpOp::Eq,
            CmpOp::Ne,
            CmpOp::Gt,
            CmpOp::Ge,
        ]
        .get(i as usize)
        .copied()
    }

    pub fn swapped(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
            other => other,
        }
    }

    fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }

    fn dunder(self) -> &'static str {
        match self {
            CmpOp::Lt => "__lt__",
            CmpOp::Le => "__le__",
            CmpOp::Eq => "__eq__",
            CmpOp::Ne => "__ne__",
            CmpOp::Gt => "__gt__",
            CmpOp::Ge => "__ge__",
        }
    }

    fn holds(self, ord: Ordering) -> bool {
        match self {
            CmpOp::Lt => ord == Ordering::Less,
            CmpOp::Le => ord != Ordering::Greater,
            CmpOp::Eq => ord == Ordering::Equal,
            CmpOp::Ne => ord != Ordering::Equal,
            CmpOp::Gt => ord == Ordering::Greater,
            CmpOp::Ge => ord != Ordering::Less,
        }
    }
}

impl Vm {
    /// `a == b` as a Rust bool (dict lookups, `in`, `list.index`): identity first.
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if a.is(b) {
            return Ok(true);
        }
        if let Some(r) = fast_eq(a, b) {
            return Ok(r);
        }
        let r = self.rich_compare(a, b, CmpOp::Eq)?;
        self.is_true(&r)
    }

    /// `a <op> b`.
    pub fn rich_compare(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            return Ok(Value::Bool(op.holds(x.cmp(y))));
        }
        if let (Value::Float(x), Value::Float(y)) = (a, b) {
            return Ok(Value::Bool(float_holds(op, *x, *y)));
        }
        if let Some(r) = exact_str_compare(self, a, b, op) {
            return Ok(Value::Bool(r));
        }
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        let not_impl = self.types().not_implemented.clone();
        let reflected = op.swapped();
        let b_first = !Rc::ptr_eq(&ta, &tb) && self.is_subtype(&tb, &ta);
        if b_first {
            if let Some(m) = self.lookup_special_heap(b, reflected.dunder()) {
                let r = self.call_method_value(&m, b, std::slice::from_ref(a))?;
                if !r.is(&not_impl) {
                    return Ok(r);
                }
            }
        }
        if let Some(m) = self.lookup_special_heap(a, op.dunder()) {
            let r = self.call_method_value(&m, a, std::slice::from_ref(b))?;
            if !r.is(&not_impl) {
                return Ok(r);
            }
        } else if let Some(r) = self.builtin_compare(a, b, op)? {
            return Ok(Value::Bool(r));
        }
        if !b_first {
            if let Some(m) = self.lookup_special_heap(b, reflected.dunder()) {
                let r = self.call_method_value(&m, b, std::slice::from_ref(a))?;
                if !r.is(&not_impl) {
                    return Ok(r);
                }
            } else if self.type_is_heap(&ta) {
                if let Some(r) = self.builtin_compare(b, a, reflected)? {
                    return Ok(Value::Bool(r));
                }
            }
        }
        match op {
            CmpOp::Eq => Ok(Value::Bool(a.is(b))),
            CmpOp::Ne => {
                if self.lookup_special_heap(a, "__eq__").is_some() {
                    let r = self.rich_compare(a, b, CmpOp::Eq)?;
                    let t = self.is_true(&r)?;
                    return Ok(Value::Bool(!t));
                }
                Ok(Value::Bool(!a.is(b)))
            }
            _ => Err(self.type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                self.type_name(a),
                self.type_name(b)
            ))),
        }
    }

    /// Comparisons the built-in types define; `None` is NotImplemented.
    pub fn builtin_compare(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Option<bool>> {
        if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
            return Ok(Some(op.holds(int_cmp(&x, &y))));
        }
        if let Some(r) = crate::objects::complex::rich_compare(a, b, op) {
            return Ok(Some(r));
        }
        let fa = as_float(a);
        let fb = as_float(b);
        if fa.is_some() || fb.is_some() {
            let r = match (fa, fb, as_int(a), as_int(b)) {
                (Some(x), Some(y), _, _) => Some(float_holds(op, x, y)),
                (Some(x), None, _, Some(y)) => Some(float_int_holds(op, x, &y)),
                (None, Some(y), Some(x), _) => Some(float_int_holds(op.swapped(), y, &x)),
                _ => None,
            };
            return Ok(r);
        }
        match (a.payload(), b.payload()) {
            (Some(Payload::Str(x)), Some(Payload::Str(y))) => {
                Ok(Some(op.holds(x.cmp_code_points(y))))
            }
            (Some(Payload::Bytes(x)), Some(Payload::Bytes(y))) => Ok(Some(op.holds(x.cmp(y)))),
            (Some(Payload::MemoryView(_)), _) | (_, Some(Payload::MemoryView(_))) => {
                if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
                    return Ok(None);
                }
                let eq = crate::objects::memoryview::equal(self, a, b)?;
                Ok(eq.map(|eq| eq == (op == CmpOp::Eq)))
            }
            (Some(Payload::Bytes(_) | Payload::ByteArray(_)), Some(Payload::ByteArray(_)))
            | (Some(Payload::ByteArray(_)), Some(Payload::Bytes(_))) => {
                let x = crate::objects::buffer::bytes_like(self, a)?.unwrap_or_default();
                let y = crate::objects::buffer::bytes_like(self, b)?.unwrap_or_default();
                Ok(Some(op.holds(x.cmp(&y))))
            }
            (Some(Payload::Tuple(x)), Some(Payload::Tuple(y))) => {
                let (x, y) = (x.to_vec(), y.to_vec());
                self.sequence_compare(&x, &y, op).map(Some)
            }
            (Some(Payload::List(x)), Some(Payload::List(y))) => {
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                self.sequence_compare(&x, &y, op).map(Some)
            }
            // Slices compare as the tuples (start, stop, step), with every operator.
            (Some(Payload::Slice(x)), Some(Payload::Slice(y))) => {
                let x = [x.start.clone(), x.stop.clone(), x.step.clone()];
                let y = [y.start.clone(), y.stop.clone(), y.step.clone()];
                self.sequence_compare(&x, &y, op).map(Some)
            }
            (Some(Payload::Dict(_)), Some(Payload::Dict(_)))
                if matches!(op, CmpOp::Eq | CmpOp::Ne) =>
            {
                let eq = self.dict_equal(a, b)?;
                Ok(Some(eq == (op == CmpOp::Eq)))
            }
            (Some(Payload::BigRange(_)), Some(Payload::Range(_) | Payload::BigRange(_)))
            | (Some(Payload::Range(_)), Some(Payload::BigRange(_)))
                if matches!(op, CmpOp::Eq | CmpOp::Ne) =>
            {
                let as_big = |v: &Value| match v.payload() {
                    Some(Payload::Range(r)) => {
                        Some(crate::objects::range_big::BigRangeData::from_small(r))
                    }
                    Some(Payload::BigRange(r)) => Some(crate::objects::range_big::BigRangeData {
                        start: r.start.clone(),
                        stop: r.stop.clone(),
                        step: r.step.clone(),
                    }),
                    _ => None,
                };
                let eq = match (as_big(a), as_big(b)) {
                    (Some(x), Some(y)) => crate::objects::range_big::equal(&x, &y),
                    _ => false,
                };
                Ok(Some(eq == (op == CmpOp::Eq)))
            }
            (Some(Payload::Range(x)), Some(Payload::Range(y)))
                if matches!(op, CmpOp::Eq | CmpOp::Ne) =>
            {
                let eq = crate::objects::range::range_equal(x, y);
                Ok(Some(eq == (op == CmpOp::Eq)))
            }
            (Some(Payload::Code(_)), Some(Payload::Code(_)))
                if matches!(op, CmpOp::Eq | CmpOp::Ne) =>
            {
                let (Value::Obj(x), Value::Obj(y)) = (a, b) else {
                    return Ok(None);
                };
                let eq = crate::objects::code_compare::equal(self, x, y)?;
                Ok(Some(eq == (op == CmpOp::Eq)))
            }
            (Some(Payload::Native(_)), Some(Payload::Native(_)))
                if matches!(op, CmpOp::Eq | CmpOp::Ne) =>
            {
                let eq = match crate::objects::generic_alias::equal(self, a, b)? {
                    Some(eq) => Some(eq),
                    None => crate::objects::union_type::equal(self, a, b)?,
                };
                Ok(eq.map(|eq| eq == (op == CmpOp::Eq)))
            }
            _ => crate::objects::set_methods::compare(self, a, b, op),
        }
    }

    /// Lexicographic comparison, as CPython's list/tuple richcompare: find the first
    /// items that differ (identity or `==`), then compare those.
    fn sequence_compare(&mut self, x: &[Value], y: &[Value], op: CmpOp) -> PyResult<bool> {
        // Nested containers compare recursively in Rust: bound the depth.
        self.enter_native()?;
        let r = self.sequence_compare_items(x, y, op);
        self.leave_native();
        r
    }

    fn sequence_compare_items(&mut self, x: &[Value], y: &[Value], op: CmpOp) -> PyResult<bool> {
        let mut i = 0;
        while i < x.len() && i < y.len() {
            if !self.eq(&x[i], &y[i])? {
                break;
            }
            i += 1;
        }
        if i >= x.len() || i >= y.len() {
            return Ok(op.holds(x.len().cmp(&y.len())));
        }
        match op {
            CmpOp::Eq => Ok(false),
            CmpOp::Ne => Ok(true),
            _ => {
                let r = self.rich_compare(&x[i], &y[i], op)?;
                self.is_true(&r)
            }
        }
    }

    fn dict_equal(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        self.enter_native()?;
        let r = self.dict_equal_items(a, b);
        self.leave_native();
        r
    }

    fn dict_equal_items(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        let (Some(Payload::Dict(da)), Some(Payload::Dict(db))) = (a.payload(), b.payload()) else {
            return Ok(false);
        };
        if da.borrow().len() != db.borrow().len() {
            return Ok(false);
        }
        let entries: Vec<(Value, Value)> = da
            .borrow()
            .iter()
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect();
        let Some(bobj) = b.as_obj() else {
            return Ok(false);
        };
        for (k, v) in entries {
            match crate::objects::dict::get_item(self, bobj, &k)? {
                Some(other) => {
                    if !self.eq(&v, &other)? {
                        return Ok(false);
                    }
                }
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        if let Some(m) = self.lookup_special_heap(container, "__contains__") {
            let r = self.call_method_value(&m, container, std::slice::from_ref(item))?;
            return self.is_true(&r);
        }
        self.builtin_contains(container, item)
    }

    /// `item in container` by the built-in layout, ignoring any `__contains__` of a class.
    pub fn builtin_contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        match container.payload() {
            Some(Payload::Str(s)) => match item.payload() {
                Some(Payload::Str(sub)) => Ok(crate::objects::str_exact::contains(s, sub)),
                _ => Err(self.type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    self.type_name(item)
                ))),
            },
            Some(Payload::Dict(_)) => {
                let d = container.as_obj().cloned();
                match d {
                    Some(d) => Ok(crate::objects::dict::get_item(self, &d, item)?.is_some()),
                    None => Ok(false),
                }
            }
            Some(Payload::Set(cell)) => crate::objects::set::contains(self, cell, item),
            Some(Payload::Bytes(b)) => crate::objects::bytes::contains(self, b, item),
            Some(Payload::ByteArray(b)) => {
                let data = b.bytes.borrow().clone();
                crate::objects::bytes::contains(self, &data, item)
            }
            Some(Payload::DictView { dict, kind }) => {
                crate::objects::dict_methods::view_contains(self, dict, *kind, item)
            }
            Some(Payload::BigRange(r)) if as_int(item).is_some() => {
                Ok(crate::objects::range_big::contains(r, item).unwrap_or(false))
            }
            Some(Payload::Range(r)) => Ok(match as_int(item) {
                Some(IntRef::Small(i)) => crate::objects::range::range_contains(r, i),
                _ => false,
            }),
            Some(Payload::List(l)) => {
                let mut i = 0;
                loop {
                    let v = match l.borrow().get(i) {
                        Some(v) => v.clone(),
                        None => return Ok(false),
                    };
                    if self.eq(&v, item)? {
                        return Ok(true);
                    }
                    i += 1;
                }
            }
            Some(Payload::Tuple(t)) => {
                for v in t.iter() {
                    if self.eq(v, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => {
                let iter = self.get_iter(container).map_err(|_| {
                    self.type_error(format!(
                        "argument of type '{}' is not a container or iterable",
                        self.type_name(container)
                    ))
                })?;
                while let Some(v) = self.next(&iter)? {
                    if self.eq(&v, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }
}

/// Equality of built-in scalars without running Python code; `None` when undecided.
/// `a <op> b` for two exact strs (no user `__eq__`/`__lt__` can be involved): the
/// common `ch == ","` without the special-method lookups.
#[inline]
fn exact_str_compare(vm: &Vm, a: &Value, b: &Value, op: CmpOp) -> Option<bool> {
    let (Value::Obj(x), Value::Obj(y)) = (a, b) else {
        return None;
    };
    let (Payload::Str(sx), Payload::Str(sy)) = (&x.payload, &y.payload) else {
        return None;
    };
    if !is_exact_str(vm, x) || !is_exact_str(vm, y) {
        return None;
    }
    Some(match op {
        CmpOp::Eq => sx == sy,
        CmpOp::Ne => sx != sy,
        _ => op.holds(sx.cmp_code_points(sy)),
    })
}

pub fn fast_eq(a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x == y),
        (Value::Float(x), Value::Float(y)) => Some(x == y),
        (Value::Int(x), Value::Float(y)) | (Value::Float(y), Value::Int(x)) => {
            Some(float_int_holds(CmpOp::Eq, *y, &IntRef::Small(*x)))
        }
        (Value::Bool(x), Value::Int(y)) | (Value::Int(y), Value::Bool(x)) => Some(*x as i64 == *y),
        (Value::Bool(x), Value::Bool(y)) => Some(x == y),
        (Value::None, _) | (_, Value::None) => Some(a.is_none() && b.is_none()),
        (Value::Obj(x), Value::Obj(y)) => match (&x.payload, &y.payload) {
            (Payload::Str(s), Payload::Str(t)) => Some(s == t),
            (Payload::Int(s), Payload::Int(t)) => Some(s == t),
            _ => None,
        },
        (Value::Obj(x), Value::Int(_) | Value::Bool(_) | Value::Float(_))
        | (Value::Int(_) | Value::Bool(_) | Value::Float(_), Value::Obj(x)) => match &x.payload {
            Payload::Str(_) | Payload::Tuple(_) | Payload::List(_) | Payload::Dict(_) => {
                Some(false)
            }
            _ => None,
        },
        _ => None,
    }
}

fn int_cmp(x: &IntRef, y: &IntRef) -> Ordering {
    match (x, y) {
        (IntRef::Small(a), IntRef::Small(b)) => a.cmp(b),
        _ => x.to_big().as_ref().cmp(y.to_big().as_ref()),
    }
}

fn float_holds(op: CmpOp, x: f64, y: f64) -> bool {
    match op {
        CmpOp::Lt => x < y,
        CmpOp::Le => x <= y,
        CmpOp::Eq => x == y,
        CmpOp::Ne => x != y,
        CmpOp::Gt => x > y,
        CmpOp::Ge => x >= y,
    }
}

/// Compare a float with an int exactly (no rounding of big ints), as CPython does.
pub(crate) fn float_int_holds(op: CmpOp, x: f64, y: &IntRef) -> bool {
    match adder_numeric::int_float::compare(x, &y.to_big()) {
        Some(ord) => op.holds(ord),
        None => op == CmpOp::Ne,
    }
}
