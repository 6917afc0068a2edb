//! Numeric hashing exactly as CPython (Python/pyhash.c, Objects/longobject.c): every
//! number hashes to its value modulo the Mersenne prime 2**61 - 1, so that
//! `hash(1) == hash(1.0) == hash(1+0j)`; -1 is reserved and becomes -2.

use crate::BigInt;
use dashu_base::UnsignedAbs;
use dashu_int::UBig;

/// `sys.hash_info.modulus`.
pub const HASH_MODULUS: u64 = (1 << 61) - 1;
/// `sys.hash_info.inf`.
pub const HASH_INF: i64 = 314_159;
/// `sys.hash_info.imag`: multiplier for the imaginary part of a complex.
pub const HASH_IMAG: u64 = 1_000_003;
/// Bits in the modulus' exponent.
const MODULUS_BITS: u32 = 61;

fn avoid_minus_one(hash: i64) -> i64 {
    if hash == -1 {
        -2
    } else {
        hash
    }
}

/// `hash(value)` for an int that fits a machine word.
pub fn hash_i64(value: i64) -> i64 {
    let reduced = (value.unsigned_abs() % HASH_MODULUS) as i64;
    avoid_minus_one(if value < 0 { -reduced } else { reduced })
}

/// `hash(value)` for any int.
pub fn hash_bigint(value: &BigInt) -> i64 {
    if let Ok(small) = i64::try_from(value) {
        return hash_i64(small);
    }
    let magnitude = value.clone().unsigned_abs();
    let reduced = u64::try_from(&(magnitude % UBig::from(HASH_MODULUS))).unwrap_or(0) as i64;
    avoid_minus_one(if value.sign() == dashu_int::Sign::Negative {
        -reduced
    } else {
        reduced
    })
}

/// CPython's `_Py_HashPointer`: the object's address rotated right by 4 bits. NaNs hash
/// by identity, so the VM passes the float object's address.
pub fn hash_pointer(address: usize) -> i64 {
    avoid_minus_one(address.rotate_right(4) as i64)
}

/// `2**exp mod (2**61 - 1)` for any exponent: 2**61 is 1 modulo the prime.
fn power_of_two_mod(exp: i32) -> u64 {
    1u64 << exp.rem_euclid(MODULUS_BITS as i32)
}

/// `hash(x)` for a float; `object_address` is used only when `x` is a NaN.
pub fn hash_float(x: f64, object_address: usize) -> i64 {
    if x.is_nan() {
        return hash_pointer(object_address);
    }
    if x.is_infinite() {
        return if x > 0.0 { HASH_INF } else { -HASH_INF };
    }
    if x == 0.0 {
        return 0;
    }
    let (mantissa, exp) = crate::float_ops::decompose(x);
    let product = u128::from(mantissa) * u128::from(power_of_two_mod(exp));
    let reduced = (product % u128::from(HASH_MODULUS)) as i64;
    avoid_minus_one(if x < 0.0 { -reduced } else { reduced })
}

/// `hash(complex(real, imag))`; `object_address` is used for NaN parts.
pub fn hash_complex(real: f64, imag: f64, object_address: usize) -> i64 {
    let real_hash = hash_float(real, object_address) as u64;
    let imag_hash = hash_float(imag, object_address) as u64;
    avoid_minus_one(real_hash.wrapping_add(HASH_IMAG.wrapping_mul(imag_hash)) as i64)
}

/// `hash(tuple)` from its items' hashes (CPython's xxHash-based `tuplehash`); here so
/// that the VM and the compiler (ordering frozenset constants of tuples) share it.
pub fn hash_tuple(lanes: impl ExactSizeIterator<Item = i64>) -> i64 {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let len = lanes.len() as u64;
    let mut acc: u64 = P5;
    for lane in lanes {
        acc = acc.wrapping_add((lane as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add(len ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_match_cpython() {
        // Values printed by the reference interpreter.
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_i64(i64::MAX), 3);
        assert_eq!(hash_float(1.0, 0), 1);
        assert_eq!(hash_float(-1.0, 0), -2);
        assert_eq!(hash_float(0.5, 0), 1152921504606846976);
        assert_eq!(hash_float(1e300, 0), 1224995262755759164);
        assert_eq!(hash_float(f64::NEG_INFINITY, 0), -314159);
        assert_eq!(hash_bigint(&(BigInt::ONE << 100)), 549755813888);
        assert_eq!(hash_complex(1.0, 2.0, 0), 2000007);
    }
}
