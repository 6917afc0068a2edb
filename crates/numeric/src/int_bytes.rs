//! `int.to_bytes()` and `int.from_bytes()`: two's complement for signed values,
//! CPython's errors.

use crate::error::{NumError, NumResult};
use crate::BigInt;
use dashu_base::{BitTest, PowerOfTwo, UnsignedAbs};
use dashu_int::{Sign, UBig};

/// Byte order argument of `to_bytes`/`from_bytes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ByteOrder {
    Little,
    Big,
}

impl ByteOrder {
    /// Parses `'little'`/`'big'` with CPython's error.
    pub fn parse(text: &str) -> NumResult<ByteOrder> {
        match text {
            "little" => Ok(ByteOrder::Little),
            "big" => Ok(ByteOrder::Big),
            _ => Err(NumError::value(
                "byteorder must be either 'little' or 'big'",
            )),
        }
    }
}

/// `value.to_bytes(length, byteorder, signed=signed)`.
pub fn to_bytes(value: &BigInt, length: i64, order: ByteOrder, signed: bool) -> NumResult<Vec<u8>> {
    let length = usize::try_from(length)
        .map_err(|_| NumError::value("length argument must be non-negative"))?;
    let negative = value.sign() == Sign::Negative;
    if negative && !signed {
        return Err(NumError::overflow("can't convert negative int to unsigned"));
    }
    let too_big = || NumError::overflow("int too big to convert");
    let bits = length.checked_mul(8).ok_or_else(too_big)?;
    // Signed values need one bit for the sign, except -2**(bits-1) itself.
    let magnitude_bits = value.clone().unsigned_abs().bit_len();
    let is_min_negative =
        negative && magnitude_bits == bits && value.clone().unsigned_abs().is_power_of_two();
    let limit = if signed { bits.saturating_sub(1) } else { bits };
    if magnitude_bits > limit && !is_min_negative {
        return Err(too_big());
    }
    let unsigned: UBig = if negative {
        // Two's complement in `length` bytes: 2**bits - |value|.
        let modulus = UBig::ONE << bits;
        modulus - value.clone().unsigned_abs()
    } else {
        value.clone().unsigned_abs()
    };
    let mut bytes = unsigned.to_le_bytes().into_vec();
    bytes.resize(length, 0);
    if order == ByteOrder::Big {
        bytes.reverse();
    }
    Ok(bytes)
}

/// `int.from_bytes(data, byteorder, signed=signed)`.
pub fn from_bytes(data: &[u8], order: ByteOrder, signed: bool) -> BigInt {
    let (unsigned, signed_value) = match order {
        ByteOrder::Little => (UBig::from_le_bytes(data), BigInt::from_le_bytes(data)),
        ByteOrder::Big => (UBig::from_be_bytes(data), BigInt::from_be_bytes(data)),
    };
    if signed {
        signed_value
    } else {
        BigInt::from(unsigned)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_errors_match_cpython() {
        // Values and messages printed by the reference interpreter.
        let big = |v: i64| BigInt::from(v);
        assert_eq!(
            to_bytes(&big(-1), 2, ByteOrder::Big, true).unwrap(),
            vec![0xff, 0xff]
        );
        assert_eq!(
            to_bytes(&big(-128), 1, ByteOrder::Big, true).unwrap(),
            vec![0x80]
        );
        assert_eq!(
            to_bytes(&big(1024), 3, ByteOrder::Little, false).unwrap(),
            vec![0, 4, 0]
        );
        assert!(to_bytes(&big(128), 1, ByteOrder::Big, true).is_err());
        assert!(to_bytes(&big(-129), 1, ByteOrder::Big, true).is_err());
        assert_eq!(
            to_bytes(&big(0), 0, ByteOrder::Big, false).unwrap(),
            Vec::<u8>::new()
        );
        let message = |r: NumResult<Vec<u8>>| r.unwrap_err().message().into_owned();
        assert_eq!(
            message(to_bytes(&big(1), 0, ByteOrder::Big, false)),
            "int too big to convert"
        );
        assert_eq!(
            message(to_bytes(&big(-1), 1, ByteOrder::Big, false)),
            "can't convert negative int to unsigned"
        );
        assert_eq!(
            message(to_bytes(&big(1), -1, ByteOrder::Big, false)),
            "length argument must be non-negative"
        );
        assert_eq!(from_bytes(&[0xff, 0xfe], ByteOrder::Big, true), big(-2));
        assert_eq!(
            from_bytes(&[0xff, 0xfe], ByteOrder::Little, false),
            big(0xfeff)
        );
        assert_eq!(from_bytes(&[], ByteOrder::Big, true), big(0));
    }
}
