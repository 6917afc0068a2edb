//! The item formats a memoryview can have (native single-character `struct` codes,
//! optionally prefixed with `@`), and packing/unpacking one item in native
//! (little-endian) byte order, with CPython's error messages.

use crate::error::PyResult;
use crate::value::Value;
use crate::vm::Vm;

/// One item format: its code (`'B'`, `'i'`, `'d'`...), whether it was written with
/// `@`, and its size in bytes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct ItemFormat {
    pub code: char,
    pub at_prefix: bool,
    pub size: usize,
}

impl ItemFormat {
    pub const BYTE: ItemFormat = ItemFormat {
        code: 'B',
        at_prefix: false,
        size: 1,
    };

    /// Parses a format string; `None` for anything but a native single code.
    pub fn parse(text: &str) -> Option<ItemFormat> {
        let (at_prefix, code) = match text.strip_prefix('@') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let mut chars = code.chars();
        let (Some(code), None) = (chars.next(), chars.next()) else {
            return None;
        };
        let size = match code {
            'b' | 'B' | 'c' | '?' => 1,
            'h' | 'H' | 'e' => 2,
            'i' | 'I' | 'f' => 4,
            'l' | 'L' | 'q' | 'Q' | 'n' | 'N' | 'd' | 'P' => 8,
            _ => return None,
        };
        Some(ItemFormat {
            code,
            at_prefix,
            size,
        })
    }

    /// The `format` attribute.
    pub fn text(self) -> String {
        if self.at_prefix {
            format!("@{}", self.code)
        } else {
            self.code.to_string()
        }
    }

    /// `B`, `b` or `c`: the formats that hash and cast freely.
    pub fn is_byte_format(self) -> bool {
        matches!(self.code, 'B' | 'b' | 'c')
    }

    fn is_signed(self) -> bool {
        matches!(self.code, 'b' | 'h' | 'i' | 'l' | 'q' | 'n')
    }

    /// The Python value of one item's bytes (`bytes.len() == self.size`).
    pub fn unpack(self, vm: &Vm, bytes: &[u8]) -> Value {
        use crate::objects::float_new::new_float;
        let mut raw = [0u8; 8];
        raw[..bytes.len().min(8)].copy_from_slice(&bytes[..bytes.len().min(8)]);
        let unsigned = u64::from_le_bytes(raw);
        match self.code {
            'c' => crate::objects::bytes::new_bytes(vm, bytes.to_vec()),
            '?' => Value::Bool(unsigned != 0),
            'f' => new_float(vm, f32::from_bits(unsigned as u32) as f64),
            'd' => new_float(vm, f64::from_bits(unsigned)),
            'e' => new_float(vm, half_to_f64(unsigned as u16)),
            _ if self.is_signed() => {
                let shift = 64 - 8 * self.size as u32;
                Value::Int(((unsigned << shift) as i64) >> shift)
            }
            _ if unsigned > i64::MAX as u64 => vm.new_int(unsigned.into()),
            _ => Value::Int(unsigned as i64),
        }
    }

    /// The bytes of `value` as one item, or CPython's TypeError/ValueError.
    pub fn pack(self, vm: &mut Vm, value: &Value) -> PyResult<Vec<u8>> {
        let invalid_type = |vm: &Vm| {
            vm.type_error(format!(
                "memoryview: invalid type for format '{}'",
                self.text()
            ))
        };
        let invalid_value = |vm: &Vm| {
            vm.value_error(format!(
                "memoryview: invalid value for format '{}'",
                self.text()
            ))
        };
        match self.code {
            'c' => match value.payload() {
                Some(crate::object::Payload::Bytes(b)) if b.len() == 1 => Ok(b.to_vec()),
                Some(crate::object::Payload::Bytes(_)) => Err(invalid_value(vm)),
                _ => Err(invalid_type(vm)),
            },
            '?' => Ok(vec![vm.is_true(value)? as u8]),
            'f' | 'd' | 'e' => {
                let x = match crate::protocol::number::as_float(value) {
                    Some(x) => x,
                    None => match crate::protocol::number::as_int(value) {
                        Some(i) => vm.int_to_f64(&i)?,
                        None => return Err(invalid_type(vm)),
                    },
                };
                Ok(match self.code {
                    'f' => (x as f32).to_le_bytes().to_vec(),
                    'e' => return Err(invalid_type(vm)),
                    _ => x.to_le_bytes().to_vec(),
                })
            }
            _ => {
                let Some(i) = crate::protocol::number::as_int(value) else {
                    return Err(invalid_type(vm));
                };
                let n = i.to_big().into_owned();
                let bits = 8 * self.size as u32;
                let fits = if self.is_signed() {
                    i64::try_from(&n).is_ok_and(|v| {
                        bits == 64 || (v >> (bits - 1)) == 0 || (v >> (bits - 1)) == -1
                    })
                } else {
                    u64::try_from(&n).is_ok_and(|v| bits == 64 || v >> bits == 0)
                };
                if !fits {
                    return Err(invalid_value(vm));
                }
                let raw = if self.is_signed() {
                    i64::try_from(&n).unwrap_or(0) as u64
                } else {
                    u64::try_from(&n).unwrap_or(0)
                };
                Ok(raw.to_le_bytes()[..self.size].to_vec())
            }
        }
    }
}

/// An IEEE half-precision value.
fn half_to_f64(bits: u16) -> f64 {
    let sign = if bits & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exponent = i32::from((bits >> 10) & 0x1f);
    let fraction = f64::from(bits & 0x3ff);
    sign * match exponent {
        0 => fraction * 2f64.powi(-24),
        31 if fraction == 0.0 => f64::INFINITY,
        31 => f64::NAN,
        _ => (1.0 + fraction / 1024.0) * 2f64.powi(exponent - 15),
    }
}
