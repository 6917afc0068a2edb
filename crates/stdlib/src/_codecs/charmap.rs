//! The charmap codecs (the single-byte code pages of `encodings`: `cp1252`,
//! `iso8859_15`, `koi8_r`, ...): decoding through a 256-character table or a mapping,
//! encoding through the table `charmap_build` makes or a mapping. Without a mapping
//! both are Latin-1, as in CPython.
//!
//! `charmap_build` returns a dict from code point to byte (CPython returns an opaque
//! `EncodingMap`; both are only ever handed back to `charmap_encode`).

use adder_vm::object::Payload;
use adder_vm::objects::buffer::require_bytes_like;
use adder_vm::objects::bytes::new_bytes;
use adder_vm::objects::codecs::{self, Codec};
use adder_vm::objects::dict;
use adder_vm::objects::function::{Args, NativeFn};
use adder_vm::objects::str::PyStr;
use adder_vm::{PyResult, Value, Vm};

use super::{errors_arg, pair, pystr_arg, str_arg};

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("charmap_decode", charmap_decode),
    ("charmap_encode", charmap_encode),
    ("charmap_build", charmap_build),
];

const UNDEFINED: &str = "character maps to <undefined>";

/// `charmap_decode(data, errors=None, mapping=None)`.
fn charmap_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = "charmap_decode";
    let pos = crate::arity::positional(vm, &args, f, f, 1, 3)?;
    let data = require_bytes_like(vm, &pos[0])?.into_owned();
    let errors = errors_arg(vm, pos.get(1), f, 2)?;
    let mapping = pos.get(2).filter(|m| !m.is_none());
    let Some(mapping) = mapping else {
        let text = codecs::decode_str(vm, &data, &pos[0], Codec::Latin1, &errors)?;
        return Ok(pair(vm, vm.new_str_obj(text), data.len()));
    };
    let table: Option<Vec<char>> = match mapping.payload() {
        Some(Payload::Str(s)) => Some(s.as_str().chars().collect()),
        _ => None,
    };
    let mut out = PyStr::new(String::with_capacity(data.len()));
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        let mapped = match &table {
            Some(t) => match t.get(b as usize) {
                Some('\u{fffe}') | None => None,
                Some(&c) => Some(c.to_string()),
            },
            None => lookup_decoding(vm, mapping, b)?,
        };
        match mapped {
            Some(text) => {
                out.push_text(&text);
                i += 1;
            }
            None => {
                i = codecs::decode_error(
                    vm,
                    &mut out,
                    (&data, &pos[0]),
                    "charmap",
                    &errors,
                    (i, i + 1),
                    UNDEFINED,
                )?;
            }
        }
    }
    Ok(pair(vm, vm.new_str_obj(out), data.len()))
}

/// `mapping[byte]` for decoding: a code point, a str, or None/missing (undefined).
fn lookup_decoding(vm: &mut Vm, mapping: &Value, b: u8) -> PyResult<Option<String>> {
    let found = match vm.get_item(mapping, &Value::Int(b as i64)) {
        Ok(v) => v,
        Err(e) if vm.is_instance(&Value::Obj(e.0.clone()), &vm.types().exc.lookup_error) => {
            return Ok(None)
        }
        Err(e) => return Err(e),
    };
    match &found {
        Value::None => Ok(None),
        Value::Int(cp) => match u32::try_from(*cp).ok().and_then(char::from_u32) {
            Some('\u{fffe}') => Ok(None),
            Some(c) => Ok(Some(c.to_string())),
            None => Err(vm.type_error("character mapping must be in range(0x110000)")),
        },
        v => match v.payload() {
            Some(Payload::Str(s)) if s.as_str() == "\u{fffe}" => Ok(None),
            Some(Payload::Str(s)) => Ok(Some(s.as_str().to_string())),
            _ => Err(vm.type_error("character mapping must return integer, None or str")),
        },
    }
}

/// `mapping[ord(c)]` for encoding: a byte value, bytes, or None/missing (undefined).
fn lookup_encoding(vm: &mut Vm, mapping: &Value, cp: u32, out: &mut Vec<u8>) -> PyResult<bool> {
    let found = match vm.get_item(mapping, &Value::Int(cp as i64)) {
        Ok(v) => v,
        Err(e) if vm.is_instance(&Value::Obj(e.0.clone()), &vm.types().exc.lookup_error) => {
            return Ok(false)
        }
        Err(e) => return Err(e),
    };
    match &found {
        Value::None => Ok(false),
        Value::Int(b) => match u8::try_from(*b) {
            Ok(b) => {
                out.push(b);
                Ok(true)
            }
            Err(_) => Err(vm.type_error("character mapping must be in range(256)")),
        },
        v => match v.payload() {
            Some(Payload::Bytes(b)) => {
                out.extend_from_slice(b);
                Ok(true)
            }
            _ => {
                Err(vm.type_error("character mapping must return integer, bytes or None, not str"))
            }
        },
    }
}

/// `charmap_encode(str, errors=None, mapping=None)`.
fn charmap_encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = "charmap_encode";
    let pos = crate::arity::positional(vm, &args, f, f, 1, 3)?;
    let text = pystr_arg(vm, &pos[0], f, 1)?;
    let errors = errors_arg(vm, pos.get(1), f, 2)?;
    let chars: Vec<u32> = text.code_points().collect();
    let Some(mapping) = pos.get(2).filter(|m| !m.is_none()).cloned() else {
        let out = codecs::encode_str(vm, text, &pos[0], Codec::Latin1, &errors)?;
        return Ok(pair(vm, new_bytes(vm, out), chars.len()));
    };
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if lookup_encoding(vm, &mapping, c, &mut out)? {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while let Some(&next) = chars.get(end) {
            let mut probe = Vec::new();
            if lookup_encoding(vm, &mapping, next, &mut probe)? {
                break;
            }
            end += 1;
        }
        // Error handlers' replacements (`?`, `&#NN;`, `\\xNN`) are ASCII: map that
        // range once, so that the handler code needs no calls back into Python.
        let ascii = ascii_table(vm, &mapping)?;
        let encode_char = |cp: u32, out: &mut Vec<u8>| -> bool {
            match ascii.get(cp as usize) {
                Some(Some(bytes)) => {
                    out.extend_from_slice(bytes);
                    true
                }
                _ => false,
            }
        };
        let failure = codecs::EncodeFailure {
            points: &chars,
            original: &pos[0],
            encoding: "charmap",
            reason: UNDEFINED,
        };
        i = codecs::encode_error(vm, &mut out, &failure, &errors, (i, end), &encode_char)?;
    }
    Ok(pair(vm, new_bytes(vm, out), chars.len()))
}

/// What `mapping` makes of each ASCII character (None: undefined).
fn ascii_table(vm: &mut Vm, mapping: &Value) -> PyResult<Vec<Option<Vec<u8>>>> {
    let mut table = Vec::with_capacity(128);
    for c in 0..128 {
        let mut bytes = Vec::new();
        let defined = lookup_encoding(vm, mapping, c, &mut bytes)?;
        table.push(defined.then_some(bytes));
    }
    Ok(table)
}

/// `charmap_build(decoding_table)`: the inverse table, code point → byte.
fn charmap_build(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let table = crate::arity::one(vm, &args, "charmap_build")?;
    let text = str_arg(vm, table, "charmap_build", 1)?.to_string();
    let map = vm.new_dict();
    for (byte, c) in text.chars().enumerate().take(256) {
        if c != '\u{fffe}' {
            dict::set_item(vm, &map, Value::Int(c as i64), Value::Int(byte as i64))?;
        }
    }
    Ok(Value::Obj(map))
}
