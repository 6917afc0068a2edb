//! Converting between Python values and the bytes of each format code, with the
//! range checks and messages of CPython's `Modules/_struct.c`.

use adder_numeric::complex::Complex;
use adder_numeric::BigInt;
use adder_vm::object::Payload;
use adder_vm::objects::bytes::new_bytes;
use adder_vm::objects::complex::new_complex;
use adder_vm::objects::float_new::new_float;
use adder_vm::protocol::number::as_int;
use adder_vm::{PyErr, PyResult, Value, Vm};

use super::format::{Field, Order};
use super::{half, struct_error};

/// The integer range of an integer code of `size` bytes.
fn int_range(code: u8, size: usize) -> (i128, i128) {
    let bits = 8 * size as u32;
    if code.is_ascii_uppercase() || code == b'P' {
        (0, (1i128 << bits) - 1)
    } else {
        (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
    }
}

/// An integer argument: an int or `__index__`, else struct.error.
fn int_value(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if as_int(v).is_none() && vm.lookup_special_heap(v, "__index__").is_none() {
        return Err(struct_error(vm, "required argument is not an integer"));
    }
    crate::number_args::to_index(vm, v)
}

fn range_error(vm: &mut Vm, code: u8, size: usize) -> PyErr {
    let (lo, hi) = int_range(code, size);
    struct_error(
        vm,
        &format!("'{}' format requires {lo} <= number <= {hi}", code as char),
    )
}

/// The bytes of one integer, in `order`.
fn pack_int(vm: &mut Vm, code: u8, size: usize, order: Order, v: &Value) -> PyResult<Vec<u8>> {
    let big = int_value(vm, v)?;
    let (lo, hi) = int_range(code, size);
    // `P` also takes negative addresses (two's complement), as `PyLong_AsVoidPtr`.
    let lo = if code == b'P' { -(1i128 << 63) } else { lo };
    let n = i128::try_from(&big)
        .ok()
        .filter(|n| (lo..=hi).contains(n))
        .ok_or_else(|| range_error(vm, code, size))?;
    let le = n.to_le_bytes();
    let mut bytes = le[..size].to_vec();
    if !order.little() {
        bytes.reverse();
    }
    Ok(bytes)
}

fn float_value(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    let convertible = matches!(v, Value::Float(_) | Value::Int(_) | Value::Bool(_))
        || matches!(v.payload(), Some(Payload::Int(_) | Payload::Float(_)))
        || vm.lookup_special_heap(v, "__float__").is_some()
        || vm.lookup_special_heap(v, "__index__").is_some();
    if !convertible {
        return Err(struct_error(vm, "required argument is not a float"));
    }
    crate::number_args::to_f64(vm, v)
}

fn ordered(mut bytes: Vec<u8>, order: Order) -> Vec<u8> {
    if !order.little() {
        bytes.reverse();
    }
    bytes
}

fn pack_float(vm: &mut Vm, code: u8, order: Order, v: &Value) -> PyResult<Vec<u8>> {
    let x = float_value(vm, v)?;
    let too_large = |vm: &Vm| {
        vm.overflow_error(format!(
            "float too large to pack with {} format",
            code as char
        ))
    };
    Ok(match code {
        b'e' => ordered(
            half::pack(x)
                .ok_or_else(|| too_large(vm))?
                .to_le_bytes()
                .to_vec(),
            order,
        ),
        b'f' => {
            let y = x as f32;
            if y.is_infinite() && x.is_finite() {
                return Err(too_large(vm));
            }
            ordered(y.to_le_bytes().to_vec(), order)
        }
        _ => ordered(x.to_le_bytes().to_vec(), order),
    })
}

/// The real and imaginary parts of a complex argument (anything `complex()` takes).
fn complex_parts(vm: &mut Vm, v: &Value) -> PyResult<(f64, f64)> {
    if let Some(Payload::Complex(z)) = v.payload() {
        return Ok((z.re, z.im));
    }
    let complex = Value::Obj(vm.types().complex.clone());
    let z = vm
        .call(&complex, std::slice::from_ref(v))
        .map_err(|_| struct_error(vm, "required argument is not a complex"))?;
    match z.payload() {
        Some(Payload::Complex(z)) => Ok((z.re, z.im)),
        _ => Err(struct_error(vm, "required argument is not a complex")),
    }
}

fn pack_complex(vm: &mut Vm, code: u8, order: Order, v: &Value) -> PyResult<Vec<u8>> {
    let (re, im) = complex_parts(vm, v)?;
    let part = if code == b'F' { b'f' } else { b'd' };
    let mut out = pack_float(vm, part, order, &Value::Float(re))?;
    out.extend(pack_float(vm, part, order, &Value::Float(im))?);
    Ok(out)
}

/// `s` and `p`: the bytes, truncated or padded with zeros; `p` starts with the length.
fn pack_string(vm: &mut Vm, field: &Field, v: &Value) -> PyResult<Vec<u8>> {
    let data: Vec<u8> = match v.payload() {
        Some(Payload::Bytes(b)) => b.to_vec(),
        Some(Payload::ByteArray(b)) => b.bytes.borrow().clone(),
        _ => {
            let msg = format!(
                "argument for '{}' must be a bytes object",
                field.code as char
            );
            return Err(struct_error(vm, &msg));
        }
    };
    let mut out = vec![0u8; field.size];
    if field.code == b's' {
        let n = data.len().min(field.size);
        out[..n].copy_from_slice(&data[..n]);
    } else if field.size > 0 {
        let n = data.len().min(field.size - 1);
        out[1..=n].copy_from_slice(&data[..n]);
        out[0] = n.min(255) as u8;
    }
    Ok(out)
}

/// Pack the values of one field into `out` at its offset.
pub fn pack_field(
    vm: &mut Vm,
    field: &Field,
    order: Order,
    values: &[Value],
    out: &mut [u8],
) -> PyResult<()> {
    if matches!(field.code, b's' | b'p') {
        let bytes = pack_string(vm, field, &values[0])?;
        out[field.offset..field.offset + field.size].copy_from_slice(&bytes);
        return Ok(());
    }
    for (k, v) in values.iter().enumerate() {
        let bytes = match field.code {
            b'c' => match v.payload() {
                Some(Payload::Bytes(b)) if b.len() == 1 => b.to_vec(),
                Some(Payload::ByteArray(b)) if b.bytes.borrow().len() == 1 => {
                    b.bytes.borrow().clone()
                }
                _ => {
                    return Err(struct_error(
                        vm,
                        "char format requires a bytes object of length 1",
                    ))
                }
            },
            b'?' => vec![u8::from(vm.is_true(v)?)],
            b'e' | b'f' | b'd' => pack_float(vm, field.code, order, v)?,
            b'F' | b'D' => pack_complex(vm, field.code, order, v)?,
            code => pack_int(vm, code, field.size, order, v)?,
        };
        let at = field.offset + k * field.size;
        out[at..at + field.size].copy_from_slice(&bytes);
    }
    Ok(())
}

fn read_float(code: u8, order: Order, data: &[u8]) -> f64 {
    let mut bytes = data.to_vec();
    if !order.little() {
        bytes.reverse();
    }
    match code {
        b'e' => half::unpack(u16::from_le_bytes([bytes[0], bytes[1]])),
        b'f' => f64::from(f32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]])),
        _ => {
            let mut b = [0u8; 8];
            b.copy_from_slice(&bytes[..8]);
            f64::from_le_bytes(b)
        }
    }
}

fn read_int(vm: &Vm, code: u8, order: Order, data: &[u8]) -> Value {
    let mut le = data.to_vec();
    if !order.little() {
        le.reverse();
    }
    let negative =
        !(code.is_ascii_uppercase() || code == b'P') && le.last().is_some_and(|b| b & 0x80 != 0);
    let mut wide = [if negative { 0xff } else { 0 }; 16];
    wide[..le.len()].copy_from_slice(&le);
    let n = i128::from_le_bytes(wide);
    match i64::try_from(n) {
        Ok(small) => Value::Int(small),
        Err(_) => vm.new_int(BigInt::from(n)),
    }
}

/// Unpack one field's values from `data` (the whole packed struct).
pub fn unpack_field(vm: &mut Vm, field: &Field, order: Order, data: &[u8], out: &mut Vec<Value>) {
    let at = |k: usize| &data[field.offset + k * field.size..field.offset + (k + 1) * field.size];
    match field.code {
        b'x' => {}
        b's' => out.push(new_bytes(vm, at(0).to_vec())),
        b'p' => {
            let raw = at(0);
            let n = raw
                .first()
                .map_or(0, |&n| usize::from(n).min(field.size.saturating_sub(1)));
            out.push(new_bytes(vm, raw.get(1..1 + n).unwrap_or(&[]).to_vec()));
        }
        code => {
            for k in 0..field.count {
                let bytes = at(k);
                out.push(match code {
                    b'c' => new_bytes(vm, bytes.to_vec()),
                    b'?' => Value::Bool(bytes.iter().any(|b| *b != 0)),
                    b'e' | b'f' | b'd' => new_float(vm, read_float(code, order, bytes)),
                    b'F' | b'D' => {
                        let half = bytes.len() / 2;
                        let part = if code == b'F' { b'f' } else { b'd' };
                        let re = read_float(part, order, &bytes[..half]);
                        let im = read_float(part, order, &bytes[half..]);
                        new_complex(vm, Complex { re, im })
                    }
                    _ => read_int(vm, code, order, bytes),
                });
            }
        }
    }
}
