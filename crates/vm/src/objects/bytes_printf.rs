//! `bytes % values` and `bytearray % values` (PEP 461, CPython's `_PyBytes_FormatEx`).
//! The template runs through the printf engine of `str_printf.rs` as Latin-1 text (one
//! char per byte, so widths, precisions and error indexes count bytes); this file is
//! the bridge and the conversions only bytes have: `%s`/`%b` take a buffer or
//! `__bytes__`, `%c` takes one byte, and their messages.

use crate::error::{PyErr, PyResult};
use crate::object::Payload;
use crate::objects::buffer::bytes_like;
use crate::objects::bytes::{dunder_bytes, new_bytes, ByteKind};
use crate::objects::str_printf::{format_chars, Flavor};
use crate::protocol::number::{as_int, IntRef};
use crate::value::Value;
use crate::vm::Vm;

/// `a % b` when `a` is a bytes or bytearray (the result has `a`'s kind); `None` for
/// other left operands.
pub fn rem(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    // A bytearray template is copied: the conversions may run code that mutates it.
    let (template, kind) = match a.payload() {
        Some(Payload::Bytes(t)) => (t.to_vec(), ByteKind::Bytes),
        Some(Payload::ByteArray(t)) => (t.bytes.borrow().clone(), ByteKind::ByteArray),
        _ => return Ok(None),
    };
    let data = format(vm, &template, b)?;
    Ok(Some(kind.make(vm, data)))
}

/// `template % values` over bytes.
pub fn format(vm: &mut Vm, template: &[u8], values: &Value) -> PyResult<Vec<u8>> {
    let chars: Vec<char> = template.iter().map(|&b| char::from(b)).collect();
    let text = format_chars(vm, &chars, values, Flavor::Bytes)?;
    Ok(latin1_of(text.chars()))
}

/// Latin-1 chars back to bytes. Everything the engine emits in bytes mode is a
/// template byte, a converted byte or ASCII, so nothing is out of range.
fn latin1_of(chars: impl Iterator<Item = char>) -> Vec<u8> {
    chars
        .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
        .collect()
}

/// A `%(key)` name as the bytes key CPython looks up.
pub fn latin1_bytes(vm: &Vm, chars: &[char]) -> Value {
    new_bytes(vm, latin1_of(chars.iter().copied()))
}

/// `%s`/`%b`: the bytes of a buffer, or what `__bytes__` returns, as Latin-1 text.
pub fn text_of(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if let Some(made) = dunder_bytes(vm, v)? {
        if let Some(Payload::Bytes(b)) = made.payload() {
            return Ok(b.iter().map(|&b| char::from(b)).collect());
        }
    }
    match bytes_like(vm, v)? {
        Some(b) => Ok(b.iter().map(|&b| char::from(b)).collect()),
        None => Err(vm.type_error(format!(
            "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
            vm.type_name(v)
        ))),
    }
}

/// `%c`: a one-byte bytes or bytearray, or an integer in `range(256)`.
pub fn byte_of(vm: &mut Vm, v: &Value) -> PyResult<char> {
    let not_a_byte = |vm: &Vm, what: &str| {
        vm.type_error(format!(
            "%c requires an integer in range(256) or a single byte, not {what}"
        ))
    };
    let sequence = match v.payload() {
        Some(Payload::Bytes(b)) => Some((b.to_vec(), "bytes")),
        Some(Payload::ByteArray(b)) => Some((b.bytes.borrow().clone(), "bytearray")),
        _ => None,
    };
    if let Some((data, name)) = sequence {
        return match data[..] {
            [byte] => Ok(char::from(byte)),
            _ => Err(not_a_byte(
                vm,
                &format!("a {name} object of length {}", data.len()),
            )),
        };
    }
    let n = match as_int(v) {
        Some(IntRef::Small(i)) => Some(i),
        Some(IntRef::Big(_)) => None,
        None if vm.lookup_special_heap(v, "__index__").is_some() => Some(vm.index_value(v)? as i64),
        None => return Err(not_a_byte(vm, &vm.type_name(v))),
    };
    n.and_then(|n| u8::try_from(n).ok())
        .map(char::from)
        .ok_or_else(|| vm.overflow_error("%c arg not in range(256)"))
}

/// The message when a float conversion's argument is not a real number: bytes turn
/// any failure of the conversion into this TypeError.
pub fn float_required(vm: &Vm, v: &Value) -> PyErr {
    vm.type_error(format!("float argument required, not {}", vm.type_name(v)))
}

/// An unknown conversion character. CPython reads the template byte as a signed C
/// char, so a byte over 0x7f fails while building the message itself.
pub fn unsupported(vm: &Vm, kind: char, index: usize) -> PyErr {
    if u32::from(kind) > 0x7f {
        return vm.overflow_error("character argument not in range(0x110000)");
    }
    vm.value_error(format!(
        "unsupported format character '{kind}' (0x{:x}) at index {index}",
        u32::from(kind)
    ))
}
