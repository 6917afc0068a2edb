//! The buffer protocol as the VM needs it: the bytes of any bytes-like object
//! (`bytes`, `bytearray`, `memoryview`), copied out of mutable ones so that no borrow
//! is held while Python code runs.

use std::borrow::Cow;

use crate::error::PyResult;
use crate::object::Payload;
use crate::value::Value;
use crate::vm::Vm;

/// The bytes of `v` if it supports the buffer protocol; `None` otherwise. A released
/// memoryview raises ValueError.
pub fn bytes_like<'a>(vm: &Vm, v: &'a Value) -> PyResult<Option<Cow<'a, [u8]>>> {
    Ok(match v.payload() {
        Some(Payload::Bytes(b)) => Some(Cow::Borrowed(b)),
        Some(Payload::ByteArray(b)) => Some(Cow::Owned(b.bytes.borrow().clone())),
        Some(Payload::MemoryView(m)) => Some(Cow::Owned(
            crate::objects::memoryview::contiguous_bytes(vm, m)?,
        )),
        _ => None,
    })
}

/// Whether `v` supports the buffer protocol.
pub fn is_bytes_like(v: &Value) -> bool {
    matches!(
        v.payload(),
        Some(Payload::Bytes(_) | Payload::ByteArray(_) | Payload::MemoryView(_))
    )
}

/// The bytes of a bytes-like argument, or "a bytes-like object is required, not 'T'".
pub fn require_bytes_like<'a>(vm: &Vm, v: &'a Value) -> PyResult<Cow<'a, [u8]>> {
    bytes_like(vm, v)?.ok_or_else(|| {
        vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))
    })
}
