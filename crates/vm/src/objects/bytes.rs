//! The `bytes` type.

use crate::object::{Payload, PyObject};
use crate::value::Value;
use crate::vm::Vm;

pub fn new_bytes(vm: &Vm, data: Vec<u8>) -> Value {
    Value::obj(PyObject::new(
        vm.types().bytes.clone(),
        Payload::Bytes(data.into_boxed_slice()),
    ))
}
