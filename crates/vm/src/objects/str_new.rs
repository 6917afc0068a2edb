//! `str(object='', encoding='utf-8', errors='strict')`: the string form of an object,
//! or, when an encoding or error handler is given, a bytes-like object decoded.

use crate::error::PyResult;
use crate::object::Payload;
use crate::objects::function::Args;
use crate::objects::str_stand_in::unexpected_keyword;
use crate::value::Value;
use crate::vm::Vm;

/// The value of `str(...)` (an exact str; subclasses wrap it afterwards).
pub fn construct(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let pos = args.pos();
    if pos.len() > 3 {
        return Err(vm.type_error(format!(
            "str expected at most 3 arguments, got {}",
            pos.len()
        )));
    }
    let mut slots: [Option<&Value>; 3] = [pos.first(), pos.get(1), pos.get(2)];
    for (key, value) in args.kwargs() {
        let name = crate::protocol::attr::name_str(key);
        let index = match name {
            "object" => 0,
            "encoding" => 1,
            "errors" => 2,
            _ => return Err(unexpected_keyword(vm, "str", key)),
        };
        if slots[index].is_some() {
            return Err(vm.type_error(format!(
                "argument for str() given by name ('{name}') and position ({})",
                index + 1
            )));
        }
        slots[index] = Some(value);
    }
    let [object, encoding, errors] = slots;
    for (value, name) in [(encoding, "encoding"), (errors, "errors")] {
        if let Some(v) = value {
            if !matches!(v.payload(), Some(Payload::Str(_))) {
                return Err(vm.type_error(format!(
                    "str() argument '{name}' must be str, not {}",
                    vm.type_name(v)
                )));
            }
        }
    }
    let Some(object) = object else {
        return Ok(vm.new_str(""));
    };
    if encoding.is_none() && errors.is_none() {
        if std::rc::Rc::ptr_eq(&vm.type_of(object), &vm.types().str_) {
            // An exact str is its own string form (as in CPython, the same object).
            return Ok(object.clone());
        }
        return crate::objects::str_stand_in::exact(vm, |vm| vm.to_str(object));
    }
    if matches!(object.payload(), Some(Payload::Str(_))) {
        return Err(vm.type_error("decoding str is not supported"));
    }
    let Some(data) = crate::objects::buffer::bytes_like(vm, object)? else {
        return Err(vm.type_error(format!(
            "decoding to str: need a bytes-like object, {} found",
            vm.type_name(object)
        )));
    };
    let data = data.into_owned();
    let (codec, errors) = crate::objects::codecs::codec_args(vm, "str", encoding, errors)?;
    crate::objects::codecs::decode_with(vm, &data, object, &codec, &errors)
}
