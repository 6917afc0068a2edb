//! IEEE 754 half precision (the `e` code), rounding half to even as CPython's
//! `PyFloat_Pack2`.

/// The 16 bits of `x`, or `None` when it is too large for half precision.
pub fn pack(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 1 } else { 0 };
    let (e, bits): (i32, u32) = if x == 0.0 {
        (0, 0)
    } else if x.is_infinite() {
        (0x1f, 0)
    } else if x.is_nan() {
        (0x1f, 0x200)
    } else {
        let (mut f, mut e) = frexp(x.abs());
        // Normalise f to [1.0, 2.0).
        f *= 2.0;
        e -= 1;
        if e >= 16 {
            return None;
        } else if e < -25 {
            f = 0.0;
            e = 0;
        } else if e < -14 {
            f *= 2f64.powi(14 + e);
            e = 0;
        } else {
            e += 15;
            f -= 1.0;
        }
        f *= 1024.0;
        let mut bits = f as u32;
        let remainder = f - f64::from(bits);
        if remainder > 0.5 || (remainder == 0.5 && bits % 2 == 1) {
            bits += 1;
            if bits == 1024 {
                bits = 0;
                e += 1;
                if e == 31 {
                    return None;
                }
            }
        }
        (e, bits)
    };
    Some((sign << 15) | ((e as u16) << 10) | bits as u16)
}

/// The value of 16 half-precision bits.
pub fn unpack(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = i32::from((h >> 10) & 0x1f);
    let f = f64::from(h & 0x3ff);
    sign * match e {
        0 => f * 2f64.powi(-24),
        0x1f if f == 0.0 => f64::INFINITY,
        0x1f => f64::NAN,
        _ => (1.0 + f / 1024.0) * 2f64.powi(e - 15),
    }
}

/// `frexp(x)` for finite positive `x`: `(m, e)` with `x = m * 2**e`, `0.5 <= m < 1`.
fn frexp(x: f64) -> (f64, i32) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rounds_like_cpython() {
        assert_eq!(pack(1.5), Some(0x3e00));
        assert_eq!(pack(65504.0), Some(0x7bff));
        assert_eq!(pack(1e300), None);
        assert_eq!(pack(6.1e-5), Some(0x03ff));
        assert_eq!(unpack(0x0001), 5.960464477539063e-08);
        assert_eq!(unpack(0x7c00), f64::INFINITY);
    }
}
