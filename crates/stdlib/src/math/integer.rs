//! The integer functions of `math`: gcd, lcm, factorial, isqrt, comb, perm, exact
//! for big ints.

use adder_numeric::BigInt;
use adder_vm::objects::function::Args;
use adder_vm::{PyResult, Value, Vm};
use dashu_base::{Gcd, Sign, SquareRoot, UnsignedAbs};
use dashu_int::UBig;

use crate::arity;
use crate::number_args::to_index;

fn is_negative(i: &BigInt) -> bool {
    i.sign() == Sign::Negative && !i.is_zero()
}

pub fn gcd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity::no_keywords(vm, &args, "math.gcd")?;
    let mut result = UBig::ZERO;
    for v in args.pos() {
        let x = to_index(vm, v)?;
        let x = x.unsigned_abs();
        // dashu's gcd refuses (0, 0); gcd(0, x) is x.
        if result.is_zero() {
            result = x;
        } else if !result.is_one() && !x.is_zero() {
            result = result.gcd(x);
        }
    }
    Ok(vm.new_int(BigInt::from(result)))
}

pub fn lcm(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity::no_keywords(vm, &args, "math.lcm")?;
    let mut result = UBig::ONE;
    for v in args.pos() {
        let x = to_index(vm, v)?.unsigned_abs();
        if result.is_zero() {
            continue;
        }
        if x.is_zero() {
            result = UBig::ZERO;
            continue;
        }
        let g = (&result).gcd(&x);
        result = &result / g * x;
    }
    Ok(vm.new_int(BigInt::from(result)))
}

/// The product of `lo..hi`, split in halves so that the big multiplications are
/// balanced (much faster than a running product for large ranges).
fn range_product(lo: u64, hi: u64) -> UBig {
    if hi <= lo {
        return UBig::ONE;
    }
    if hi - lo <= 16 {
        return (lo..hi).fold(UBig::ONE, |acc, k| acc * UBig::from(k));
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid, hi)
}

/// The product of `n - k + 1 ..= n` for big `n`, by halves.
fn falling_product(n: &UBig, k: u64) -> UBig {
    fn go(top: &UBig, count: u64) -> UBig {
        match count {
            0 => UBig::ONE,
            1 => top.clone(),
            _ => {
                let half = count / 2;
                go(top, half) * go(&(top - UBig::from(half)), count - half)
            }
        }
    }
    go(n, k)
}

pub fn factorial(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = arity::one(vm, &args, "math.factorial")?;
    let n = to_index(vm, v)?;
    let n = factorial_arg(vm, &n)?;
    Ok(vm.new_int(BigInt::from(range_product(1, n + 1))))
}

/// `factorial()`'s argument check (also `perm(n)`'s).
fn factorial_arg(vm: &Vm, n: &BigInt) -> PyResult<u64> {
    if is_negative(n) {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    match i64::try_from(n) {
        Ok(small) => Ok(small as u64),
        Err(_) => Err(vm.overflow_error(format!(
            "factorial() argument should not exceed {}",
            i64::MAX
        ))),
    }
}

pub fn isqrt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = arity::one(vm, &args, "math.isqrt")?;
    let n = to_index(vm, v)?;
    if is_negative(&n) {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(vm.new_int(BigInt::from(n.unsigned_abs().sqrt())))
}

/// `n` and `k` of comb/perm, checked non-negative.
fn n_and_k(vm: &mut Vm, n: &Value, k: &Value) -> PyResult<(UBig, UBig)> {
    let n = to_index(vm, n)?;
    let k = to_index(vm, k)?;
    if is_negative(&n) {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if is_negative(&k) {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    Ok((n.unsigned_abs(), k.unsigned_abs()))
}

pub fn comb(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = arity::positional(vm, &args, "math.comb", "comb", 2, 2)?;
    let (n, k) = n_and_k(vm, &pos[0], &pos[1])?;
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = k.clone().min(&n - &k);
    let Ok(k) = u64::try_from(&k).map_err(|_| ()).and_then(|k| {
        if k <= i64::MAX as u64 {
            Ok(k)
        } else {
            Err(())
        }
    }) else {
        return Err(vm.overflow_error(format!("min(n - k, k) must not exceed {}", i64::MAX)));
    };
    let result = falling_product(&n, k) / range_product(1, k + 1);
    Ok(vm.new_int(BigInt::from(result)))
}

pub fn perm(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = arity::positional(vm, &args, "math.perm", "perm", 1, 2)?;
    if pos.len() == 1 || pos[1].is_none() {
        let n = to_index(vm, &pos[0])?;
        let n = factorial_arg(vm, &n)?;
        return Ok(vm.new_int(BigInt::from(range_product(1, n + 1))));
    }
    let (n, k) = n_and_k(vm, &pos[0], &pos[1])?;
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = match u64::try_from(&k) {
        Ok(k) if k <= i64::MAX as u64 => k,
        _ => {
            return Err(vm.overflow_error(format!("k must not exceed {}", i64::MAX)));
        }
    };
    Ok(vm.new_int(BigInt::from(falling_product(&n, k))))
}
