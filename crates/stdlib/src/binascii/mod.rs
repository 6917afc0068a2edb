//! The `binascii` module (CPython's `Modules/binascii.c`): hex, base64 and the CRCs
//! that `base64.py` and others build on, with `binascii.Error`/`Incomplete`.

mod base64;
mod checksums;
mod hex;

use adder_vm::native_module::{add_functions, add_values};
use adder_vm::object::{ObjRef, Payload};
use adder_vm::objects::buffer::bytes_like;
use adder_vm::objects::bytes::new_bytes;
use adder_vm::objects::function::Args;
use adder_vm::{PyErr, PyResult, Value, Vm};

use crate::args::{bind, Params};
use crate::arity;

struct BinasciiState {
    error: ObjRef,
}

/// A `binascii.Error(msg)`.
fn error(vm: &Vm, msg: &str) -> PyErr {
    match vm.native_state::<BinasciiState>() {
        Some(s) => PyErr(vm.new_exception(&s.error, vec![vm.new_str(msg)])),
        None => vm.value_error(msg),
    }
}

/// The input of an `a2b_*` function: bytes-like, or a str of ASCII characters.
fn ascii_input(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(Payload::Str(s)) = v.payload() {
        if !s.as_str().is_ascii() {
            return Err(vm.value_error("string argument should contain only ASCII characters"));
        }
        return Ok(s.as_str().as_bytes().to_vec());
    }
    match bytes_like(vm, v)? {
        Some(b) => Ok(b.into_owned()),
        None => Err(vm.type_error(format!(
            "argument should be bytes, buffer or ASCII string, not '{}'",
            vm.type_name(v)
        ))),
    }
}

/// The input of a `b2a_*` function: bytes-like only.
fn binary_input(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    Ok(adder_vm::objects::buffer::require_bytes_like(vm, v)?.into_owned())
}

/// The `sep` argument of `hexlify`: one ASCII character, as str or bytes.
fn separator(vm: &Vm, sep: &Value) -> PyResult<Option<u8>> {
    let bytes: Vec<u8> = match sep.payload() {
        _ if sep.is_none() => return Ok(None),
        Some(Payload::Str(s)) => {
            if !s.as_str().is_ascii() {
                return Err(vm.value_error("sep must be ASCII."));
            }
            s.as_str().as_bytes().to_vec()
        }
        _ => binary_input(vm, sep)?,
    };
    match bytes.as_slice() {
        [b] => Ok(Some(*b)),
        _ => Err(vm.value_error("sep must be length 1.")),
    }
}

fn hexlify_named(vm: &mut Vm, args: Args, name: &'static str) -> PyResult<Value> {
    let params = Params {
        func: name,
        names: &["data", "sep", "bytes_per_sep"],
        required: 1,
        positional: 3,
    };
    let slots = bind(vm, &args, &params)?;
    let data = binary_input(vm, slots[0].as_ref().unwrap_or(&Value::None))?;
    let sep = separator(vm, slots[1].as_ref().unwrap_or(&Value::None))?;
    let per_sep = crate::args::opt_int(vm, slots[2].as_ref(), 1)?;
    Ok(new_bytes(vm, hex::encode(&data, sep, per_sep)))
}

fn hexlify(vm: &mut Vm, args: Args) -> PyResult<Value> {
    hexlify_named(vm, args, "hexlify")
}

fn b2a_hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    hexlify_named(vm, args, "b2a_hex")
}

fn unhexlify_named(vm: &mut Vm, args: Args, name: &str) -> PyResult<Value> {
    let text = ascii_input(vm, arity::one(vm, &args, name)?)?;
    match hex::decode(&text) {
        Ok(bytes) => Ok(new_bytes(vm, bytes)),
        Err(hex::HexError::OddLength) => Err(error(vm, "Odd-length string")),
        Err(hex::HexError::NonHexDigit) => Err(error(vm, "Non-hexadecimal digit found")),
    }
}

fn unhexlify(vm: &mut Vm, args: Args) -> PyResult<Value> {
    unhexlify_named(vm, args, "unhexlify")
}

fn a2b_hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    unhexlify_named(vm, args, "a2b_hex")
}

/// An `unsigned int` argument: any int, reduced modulo 2**32 (CPython's `I` format).
fn masked_u32(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    let big = crate::number_args::to_index(vm, v)?;
    let low = big & adder_numeric::BigInt::from(0xffff_ffffu32);
    Ok(u32::try_from(&low).unwrap_or(0))
}

fn crc32(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = arity::positional(vm, &args, "crc32", "crc32", 1, 2)?;
    let data = binary_input(vm, &pos[0])?;
    let crc = match pos.get(1) {
        Some(v) => masked_u32(vm, v)?,
        None => 0,
    };
    Ok(Value::Int(i64::from(checksums::crc32(&data, crc))))
}

fn crc_hqx(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = arity::positional(vm, &args, "crc_hqx", "crc_hqx", 2, 2)?;
    let data = binary_input(vm, &pos[0])?;
    let crc = masked_u32(vm, &pos[1])? as u16;
    Ok(Value::Int(i64::from(checksums::crc_hqx(&data, crc))))
}

fn b2a_base64(vm: &mut Vm, args: Args) -> PyResult<Value> {
    const PARAMS: Params = Params {
        func: "b2a_base64",
        names: &["data", "newline"],
        required: 1,
        positional: 1,
    };
    let slots = bind(vm, &args, &PARAMS)?;
    let data = binary_input(vm, slots[0].as_ref().unwrap_or(&Value::None))?;
    let newline = crate::args::bool_arg(vm, slots[1].as_ref(), true)?;
    Ok(new_bytes(vm, base64::encode(&data, newline)))
}

fn a2b_base64(vm: &mut Vm, args: Args) -> PyResult<Value> {
    const PARAMS: Params = Params {
        func: "a2b_base64",
        names: &["data", "strict_mode"],
        required: 1,
        positional: 1,
    };
    let slots = bind(vm, &args, &PARAMS)?;
    let data = ascii_input(vm, slots[0].as_ref().unwrap_or(&Value::None))?;
    let strict = crate::args::bool_arg(vm, slots[1].as_ref(), false)?;
    match base64::decode(&data, strict) {
        Ok(bytes) => Ok(new_bytes(vm, bytes)),
        Err(msg) => Err(error(vm, &msg)),
    }
}

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    let value_error = vm.types().exc.value_error.clone();
    let exception = vm.types().exc.exception.clone();
    let err = crate::native_util::new_exception_class(vm, "binascii", "Error", &value_error)?;
    let incomplete =
        crate::native_util::new_exception_class(vm, "binascii", "Incomplete", &exception)?;
    add_values(
        vm,
        module,
        &[
            ("Error", Value::Obj(err.clone())),
            ("Incomplete", Value::Obj(incomplete)),
        ],
    );
    add_functions(
        vm,
        module,
        &[
            ("hexlify", hexlify),
            ("b2a_hex", b2a_hex),
            ("unhexlify", unhexlify),
            ("a2b_hex", a2b_hex),
            ("crc32", crc32),
            ("crc_hqx", crc_hqx),
            ("b2a_base64", b2a_base64),
            ("a2b_base64", a2b_base64),
        ],
    );
    vm.set_native_state(BinasciiState { error: err });
    Ok(())
}
