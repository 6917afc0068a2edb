//! `range` objects whose bounds or length do not fit in machine integers
//! (`range(2**64, 2**65, 3)`), as CPython's arbitrary-precision ranges: length (with
//! `len()`'s OverflowError), indexing, slicing, `in`, equality, hash, repr and
//! attributes. Ranges that fit stay `Payload::Range` (the fast path); equality and
//! hashing treat both alike through [`BigRangeData::from_small`].

use adder_numeric::BigInt;
use dashu_base::Sign;

use crate::error::PyResult;
use crate::object::{Payload, PyObject, RangeData};
use crate::protocol::number::as_int;
use crate::value::Value;
use crate::vm::Vm;

/// A range with big-integer bounds.
pub struct BigRangeData {
    pub start: BigInt,
    pub stop: BigInt,
    pub step: BigInt,
}

fn is_negative(i: &BigInt) -> bool {
    i.sign() == Sign::Negative
}

impl BigRangeData {
    pub fn from_small(r: &RangeData) -> BigRangeData {
        BigRangeData {
            start: r.start.into(),
            stop: r.stop.into(),
            step: r.step.into(),
        }
    }

    /// The number of items (CPython's `compute_range_length`).
    pub fn length(&self) -> BigInt {
        let (lo, hi, step) = if is_negative(&self.step) {
            (&self.stop, &self.start, -self.step.clone())
        } else {
            (&self.start, &self.stop, self.step.clone())
        };
        if lo >= hi {
            return BigInt::ZERO;
        }
        (hi - lo - BigInt::ONE) / step + BigInt::ONE
    }

    /// Item `i` (`0 <= i < length`).
    fn item(&self, i: &BigInt) -> BigInt {
        &self.start + i * &self.step
    }

    pub fn contains(&self, v: &BigInt) -> bool {
        let in_bounds = if is_negative(&self.step) {
            &self.stop < v && v <= &self.start
        } else {
            &self.start <= v && v < &self.stop
        };
        in_bounds && ((v - &self.start) % &self.step) == BigInt::ZERO
    }
}

/// The range's data when `v` is a big range.
pub fn data_of(v: &Value) -> Option<&BigRangeData> {
    match v.payload() {
        Some(Payload::BigRange(r)) => Some(r),
        _ => None,
    }
}

/// A range object: the small layout when bounds and length fit, else a big one.
pub fn new_range(vm: &Vm, start: BigInt, stop: BigInt, step: BigInt) -> Value {
    let small = (
        i64::try_from(&start),
        i64::try_from(&stop),
        i64::try_from(&step),
    );
    let big = BigRangeData { start, stop, step };
    if let (Ok(start), Ok(stop), Ok(step)) = small {
        if i64::try_from(&big.length()).is_ok() {
            return Value::obj(PyObject::new(
                vm.types().range.clone(),
                Payload::Range(RangeData { start, stop, step }),
            ));
        }
    }
    Value::obj(PyObject::new(
        vm.types().range.clone(),
        Payload::BigRange(Box::new(big)),
    ))
}

/// `len(r)`: OverflowError when the length does not fit a machine size.
pub fn len(vm: &Vm, r: &BigRangeData) -> PyResult<usize> {
    usize::try_from(&r.length())
        .ok()
        .filter(|&n| n <= isize::MAX as usize)
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))
}

pub fn is_true(r: &BigRangeData) -> bool {
    r.length() != BigInt::ZERO
}

/// `r[key]` for an int index or a slice.
pub fn get_item(vm: &mut Vm, r: &BigRangeData, key: &Value) -> PyResult<Value> {
    if let Some(Payload::Slice(s)) = key.payload() {
        return slice(vm, r, s);
    }
    let index = match as_int(key) {
        Some(i) => i.to_big().into_owned(),
        None => {
            let i = vm.index_value(key)?;
            BigInt::from(i as i64)
        }
    };
    let len = r.length();
    let at = if is_negative(&index) {
        &index + &len
    } else {
        index
    };
    if is_negative(&at) || at >= len {
        return Err(vm.index_error("range object index out of range"));
    }
    Ok(vm.new_int(r.item(&at)))
}

/// A slice bound or step as a big int (`None` when absent).
fn slice_value(vm: &mut Vm, v: &Value) -> PyResult<Option<BigInt>> {
    if v.is_none() {
        return Ok(None);
    }
    if let Some(i) = as_int(v) {
        return Ok(Some(i.to_big().into_owned()));
    }
    Ok(Some(BigInt::from(vm.index_value(v)? as i64)))
}

/// Clamps a slice bound to `[lower, upper]` after counting negatives from the end.
fn clamp(v: BigInt, len: &BigInt, lower: &BigInt, upper: &BigInt) -> BigInt {
    if is_negative(&v) {
        let shifted = v + len;
        if &shifted < lower {
            lower.clone()
        } else {
            shifted
        }
    } else if &v > upper {
        upper.clone()
    } else {
        v
    }
}

/// `r[a:b:c]`: another range (CPython's `compute_slice`).
fn slice(vm: &mut Vm, r: &BigRangeData, s: &crate::object::SliceData) -> PyResult<Value> {
    let step = slice_value(vm, &s.step)?.unwrap_or(BigInt::ONE);
    if step == BigInt::ZERO {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let len = r.length();
    let backwards = is_negative(&step);
    let (lower, upper) = if backwards {
        (-BigInt::ONE, &len - BigInt::ONE)
    } else {
        (BigInt::ZERO, len.clone())
    };
    let default_start = if backwards {
        upper.clone()
    } else {
        lower.clone()
    };
    let default_stop = if backwards {
        lower.clone()
    } else {
        upper.clone()
    };
    let start = match slice_value(vm, &s.start)? {
        Some(v) => clamp(v, &len, &lower, &upper),
        None => default_start,
    };
    let stop = match slice_value(vm, &s.stop)? {
        Some(v) => clamp(v, &len, &lower, &upper),
        None => default_stop,
    };
    let new_step = &r.step * &step;
    Ok(new_range(vm, r.item(&start), r.item(&stop), new_step))
}

/// `v in r`: exact for ints; `None` asks the caller to compare item by item.
pub fn contains(r: &BigRangeData, v: &Value) -> Option<bool> {
    as_int(v).map(|i| r.contains(&i.to_big()))
}

/// The position of an int `v` in the range (for `index`/`count`; other values are
/// treated as absent).
pub fn index_of(r: &BigRangeData, v: &Value) -> Option<BigInt> {
    let v = as_int(v)?.to_big().into_owned();
    r.contains(&v).then(|| (v - &r.start) / &r.step)
}

/// Ranges are equal when they produce the same sequence.
pub fn equal(a: &BigRangeData, b: &BigRangeData) -> bool {
    let (la, lb) = (a.length(), b.length());
    la == lb
        && (la == BigInt::ZERO || (a.start == b.start && (la == BigInt::ONE || a.step == b.step)))
}

/// `hash(r)`: `hash((len, start, step))`, with `None` for what does not matter.
pub fn hash(vm: &mut Vm, r: &BigRangeData) -> PyResult<i64> {
    let len = r.length();
    let (start, step) = if len == BigInt::ZERO {
        (Value::None, Value::None)
    } else if len == BigInt::ONE {
        (vm.new_int(r.start.clone()), Value::None)
    } else {
        (vm.new_int(r.start.clone()), vm.new_int(r.step.clone()))
    };
    let key = vm.new_tuple(vec![vm.new_int(len), start, step]);
    vm.hash(&key)
}

pub fn repr(r: &BigRangeData) -> String {
    if r.step == BigInt::ONE {
        format!("range({}, {})", r.start, r.stop)
    } else {
        format!("range({}, {}, {})", r.start, r.stop, r.step)
    }
}

/// `start`, `stop` and `step`.
pub fn attribute(vm: &Vm, r: &BigRangeData, name: &str) -> Option<Value> {
    match name {
        "start" => Some(vm.new_int(r.start.clone())),
        "stop" => Some(vm.new_int(r.stop.clone())),
        "step" => Some(vm.new_int(r.step.clone())),
        _ => None,
    }
}

/// Item `i` for iteration (`None` past the end).
pub fn item_at(vm: &Vm, r: &BigRangeData, i: usize) -> Option<Value> {
    let i = BigInt::from(i);
    (i < r.length()).then(|| vm.new_int(r.item(&i)))
}

/// `reversed(r)`: the same items backwards, as another range.
pub fn reversed_range(vm: &Vm, r: &BigRangeData) -> Value {
    let len = r.length();
    let last = r.item(&(len - BigInt::ONE));
    let before_first = &r.start - &r.step;
    new_range(vm, last, before_first, -r.step.clone())
}
