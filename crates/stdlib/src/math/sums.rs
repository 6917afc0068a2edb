//! Sums and norms of `math`: fsum (exact: Shewchuk's partials, rounded once),
//! prod, sumprod, hypot and dist (CPython's scaled, compensated vector norm).

use adder_vm::objects::float_new::new_float;
use adder_vm::objects::function::Args;
use adder_vm::{PyResult, Value, Vm};

use super::libm::{frexp, ldexp};
use crate::arity::{self, Signature};
use crate::number_args::to_f64;

const NB_ADD: u32 = 0;
const NB_MULTIPLY: u32 = 5;

/// Exact running sum of floats as non-overlapping partials (Shewchuk / msum).
#[derive(Default)]
struct Partials {
    partials: Vec<f64>,
    special_sum: f64,
    inf_sum: f64,
}

impl Partials {
    /// Add `x`; `Err(())` on intermediate overflow of finite summands.
    fn add(&mut self, mut x: f64) -> Result<(), ()> {
        let xsave = x;
        let mut i = 0;
        for j in 0..self.partials.len() {
            let mut y = self.partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                self.partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        self.partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return Err(());
                }
                if xsave.is_infinite() {
                    self.inf_sum += xsave;
                }
                self.special_sum += xsave;
                self.partials.clear();
            } else {
                self.partials.push(x);
            }
        }
        Ok(())
    }

    /// The correctly rounded sum; `Err(())` for `inf + -inf`.
    fn total(&self) -> Result<f64, ()> {
        if self.special_sum != 0.0 {
            return if self.inf_sum.is_nan() {
                Err(())
            } else {
                Ok(self.special_sum)
            };
        }
        let p = &self.partials;
        let mut n = p.len();
        if n == 0 {
            return Ok(0.0);
        }
        n -= 1;
        let mut hi = p[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        // Half-even rounding across partials: nudge when the remainder and the next
        // partial agree in sign.
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
        Ok(hi)
    }
}

pub fn fsum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let seq = arity::one(vm, &args, "math.fsum")?;
    let it = vm.get_iter(seq)?;
    let mut acc = Partials::default();
    while let Some(item) = vm.next(&it)? {
        let x = to_f64(vm, &item)?;
        if acc.add(x).is_err() {
            return Err(vm.overflow_error("intermediate overflow in fsum"));
        }
    }
    match acc.total() {
        Ok(t) => Ok(new_float(vm, t)),
        Err(()) => Err(vm.value_error("-inf + inf in fsum")),
    }
}

const PROD: Signature = Signature {
    name: "prod",
    names: &["iterable", "start"],
    posonly: 1,
    required: 1,
    max_positional: 1,
};

pub fn prod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let slots = arity::bind(vm, &args, &PROD)?;
    let [Some(iterable), start] = &slots[..] else {
        return Err(vm.system_error("prod arguments"));
    };
    let mut result = start.clone().unwrap_or(Value::Int(1));
    let it = vm.get_iter(iterable)?;
    while let Some(item) = vm.next(&it)? {
        result = vm.binary_op(&result, &item, NB_MULTIPLY)?;
    }
    Ok(result)
}

/// `x * y` as an exact sum of two floats (`hi` rounded, `lo` its error).
fn two_product(x: f64, y: f64) -> (f64, f64) {
    let hi = x * y;
    (hi, x.mul_add(y, -hi))
}

/// A float operand of sumprod's float path: exact floats, and ints that are exact as
/// floats.
fn float_operand(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(*f),
        Value::Int(i) if i.unsigned_abs() <= 1 << 53 => Some(*i as f64),
        _ => None,
    }
}

pub fn sumprod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = arity::positional(vm, &args, "math.sumprod", "sumprod", 2, 2)?;
    let p = vm.get_iter(&pos[0])?;
    let q = vm.get_iter(&pos[1])?;
    let mut total = Value::Int(0);
    let mut int_total: i64 = 0;
    let mut floats: Option<Partials> = None;
    loop {
        let (a, b) = match (vm.next(&p)?, vm.next(&q)?) {
            (Some(a), Some(b)) => (a, b),
            (None, None) => break,
            _ => return Err(vm.value_error("Inputs are not the same length")),
        };
        if let (Value::Int(x), Value::Int(y)) = (&a, &b) {
            if let Some(s) = x.checked_mul(*y).and_then(|m| int_total.checked_add(m)) {
                int_total = s;
                continue;
            }
        }
        let both_float = matches!(a, Value::Float(_)) || matches!(b, Value::Float(_));
        if let (true, Some(x), Some(y)) = (both_float, float_operand(&a), float_operand(&b)) {
            let (hi, lo) = two_product(x, y);
            let acc = floats.get_or_insert_with(Partials::default);
            if acc.add(hi).and_then(|_| acc.add(lo)).is_ok() {
                continue;
            }
        }
        total = flush(vm, total, &mut int_total, &mut floats)?;
        let product = vm.binary_op(&a, &b, NB_MULTIPLY)?;
        total = vm.binary_op(&total, &product, NB_ADD)?;
    }
    flush(vm, total, &mut int_total, &mut floats)
}

/// Fold sumprod's machine-int and float accumulators into the general total.
fn flush(
    vm: &mut Vm,
    mut total: Value,
    int_total: &mut i64,
    floats: &mut Option<Partials>,
) -> PyResult<Value> {
    if *int_total != 0 {
        total = vm.binary_op(&total, &Value::Int(*int_total), NB_ADD)?;
        *int_total = 0;
    }
    if let Some(acc) = floats.take() {
        let f = acc.total().unwrap_or(f64::NAN);
        total = vm.binary_op(&total, &Value::Float(f), NB_ADD)?;
    }
    Ok(total)
}

/// sqrt(sum(x*x)) for non-negative finite `vec` whose largest element is `max`:
/// scaled by a power of two, squares split exactly (Veltkamp-Dekker), summed with
/// compensation, and the square root corrected by one Newton step.
fn vector_norm(vec: &[f64], max: f64, found_nan: bool) -> f64 {
    const T27: f64 = 134217729.0;
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = frexp(max);
    let (mut csum, mut frac1, mut frac2, mut frac3) = (1.0f64, 0.0f64, 0.0f64, 0.0f64);
    let accumulate = |csum: &mut f64, frac: &mut f64, x: f64| {
        let old = *csum;
        *csum += x;
        *frac += (old - *csum) + x;
    };
    if max_e < -1023 {
        for &v in vec {
            let x = v / max;
            accumulate(&mut csum, &mut frac1, x * x);
        }
        return max * (csum - 1.0 + frac1).sqrt();
    }
    let scale = ldexp(1.0, -max_e);
    let split = |x: f64| {
        let t = x * T27;
        let hi = t - (t - x);
        (hi, x - hi)
    };
    for &v in vec {
        let (hi, lo) = split(v * scale);
        accumulate(&mut csum, &mut frac1, hi * hi);
        accumulate(&mut csum, &mut frac2, 2.0 * hi * lo);
        frac3 += lo * lo;
    }
    let h = (csum - 1.0 + (frac1 + frac2 + frac3)).sqrt();
    let (hi, lo) = split(h);
    accumulate(&mut csum, &mut frac1, -hi * hi);
    accumulate(&mut csum, &mut frac2, -2.0 * hi * lo);
    accumulate(&mut csum, &mut frac3, -lo * lo);
    let x = csum - 1.0 + (frac1 + frac2 + frac3);
    (h + x / (2.0 * h)) / scale
}

/// The magnitudes of `values`, their largest, and whether any is NaN.
fn magnitudes(values: Vec<f64>) -> (Vec<f64>, f64, bool) {
    let mut max = 0.0f64;
    let mut found_nan = false;
    let out: Vec<f64> = values
        .into_iter()
        .map(|x| {
            let x = x.abs();
            found_nan |= x.is_nan();
            if x > max {
                max = x;
            }
            x
        })
        .collect();
    (out, max, found_nan)
}

pub fn hypot(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity::no_keywords(vm, &args, "math.hypot")?;
    let mut values = Vec::with_capacity(args.pos().len());
    for v in args.pos() {
        values.push(to_f64(vm, v)?);
    }
    let (vec, max, nan) = magnitudes(values);
    Ok(new_float(vm, vector_norm(&vec, max, nan)))
}

pub fn dist(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = arity::positional(vm, &args, "math.dist", "dist", 2, 2)?;
    let p = vm.collect_iterable(&pos[0])?;
    let q = vm.collect_iterable(&pos[1])?;
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut diffs = Vec::with_capacity(p.len());
    for (a, b) in p.iter().zip(&q) {
        let x = to_f64(vm, a)?;
        let y = to_f64(vm, b)?;
        diffs.push(x - y);
    }
    let (vec, max, nan) = magnitudes(diffs);
    Ok(new_float(vm, vector_norm(&vec, max, nan)))
}
