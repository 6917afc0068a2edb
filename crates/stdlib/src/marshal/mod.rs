//! The `marshal` module (CPython's `Python/marshal.c`): CPython's serialization
//! format, byte for byte, for the values it covers except code objects (adder's code
//! objects are not CPython's; `dumps(code)` raises "unmarshallable object").

mod read;
mod write;

use adder_vm::native_module::{add_functions, add_values};
use adder_vm::object::ObjRef;
use adder_vm::objects::buffer::require_bytes_like;
use adder_vm::objects::bytes::new_bytes;
use adder_vm::objects::function::{Args, NativeFn};
use adder_vm::{PyResult, Value, Vm};

use crate::arity::{self, Signature};

/// `marshal.version`: the newest format (5 adds slices).
pub const VERSION: i32 = 5;

/// Type codes, as in CPython.
mod codes {
    pub const NULL: u8 = b'0';
    pub const NONE: u8 = b'N';
    pub const FALSE: u8 = b'F';
    pub const TRUE: u8 = b'T';
    pub const STOPITER: u8 = b'S';
    pub const ELLIPSIS: u8 = b'.';
    pub const INT: u8 = b'i';
    pub const LONG: u8 = b'l';
    pub const FLOAT: u8 = b'f';
    pub const BINARY_FLOAT: u8 = b'g';
    pub const COMPLEX: u8 = b'x';
    pub const BINARY_COMPLEX: u8 = b'y';
    pub const STRING: u8 = b's';
    pub const INTERNED: u8 = b't';
    pub const REF: u8 = b'r';
    pub const TUPLE: u8 = b'(';
    pub const LIST: u8 = b'[';
    pub const DICT: u8 = b'{';
    pub const UNICODE: u8 = b'u';
    pub const SET: u8 = b'<';
    pub const FROZENSET: u8 = b'>';
    pub const ASCII: u8 = b'a';
    pub const ASCII_INTERNED: u8 = b'A';
    pub const SMALL_TUPLE: u8 = b')';
    pub const SHORT_ASCII: u8 = b'z';
    pub const SHORT_ASCII_INTERNED: u8 = b'Z';
    pub const SLICE: u8 = b':';
    /// Set on a type code when the object is entered in the reference table.
    pub const FLAG_REF: u8 = 0x80;
}

/// CPython's `MAX_MARSHAL_STACK_DEPTH`.
const MAX_DEPTH: usize = 2000;

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("dumps", dumps),
    ("loads", loads),
    ("dump", dump),
    ("load", load),
];

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    add_functions(vm, module, FUNCTIONS);
    add_values(vm, module, &[("version", Value::Int(VERSION.into()))]);
    Ok(())
}

/// The optional `version` (default the newest) of `dumps`/`dump`.
fn version_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i32> {
    crate::args::opt_c_int(vm, v, VERSION)
}

/// `dumps(value, version=5, /, *, allow_code=True)`.
fn dumps(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let sig = Signature {
        name: "dumps",
        names: &["value", "version", "allow_code"],
        posonly: 2,
        required: 1,
        max_positional: 2,
    };
    let mut slots = arity::bind(vm, &args, &sig)?.into_iter();
    let value = slots.next().flatten().unwrap_or(Value::None);
    let version = version_arg(vm, slots.next().flatten().as_ref())?;
    let data = write::serialize(vm, &value, version)?;
    Ok(new_bytes(vm, data))
}

/// `dump(value, file, version=5, /, *, allow_code=True)`: `file.write(dumps(...))`.
fn dump(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let sig = Signature {
        name: "dump",
        names: &["value", "file", "version", "allow_code"],
        posonly: 3,
        required: 2,
        max_positional: 3,
    };
    let mut slots = arity::bind(vm, &args, &sig)?.into_iter();
    let value = slots.next().flatten().unwrap_or(Value::None);
    let file = slots.next().flatten().unwrap_or(Value::None);
    let version = version_arg(vm, slots.next().flatten().as_ref())?;
    let data = write::serialize(vm, &value, version)?;
    let data = new_bytes(vm, data);
    crate::args::call_method(vm, &file, "write", &[data])?;
    Ok(Value::None)
}

/// `loads(bytes, /, *, allow_code=True)`: the first value in `bytes` (the rest is
/// ignored).
fn loads(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let sig = Signature {
        name: "loads",
        names: &["bytes", "allow_code"],
        posonly: 1,
        required: 1,
        max_positional: 1,
    };
    let slots = arity::bind(vm, &args, &sig)?;
    let data = slots.first().cloned().flatten().unwrap_or(Value::None);
    let data = require_bytes_like(vm, &data)?.into_owned();
    read::Reader::from_bytes(data).read_value(vm)
}

/// `load(file, /, *, allow_code=True)`: read one value from a binary file, leaving
/// the file positioned just after it.
fn load(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let sig = Signature {
        name: "load",
        names: &["file", "allow_code"],
        posonly: 1,
        required: 1,
        max_positional: 1,
    };
    let slots = arity::bind(vm, &args, &sig)?;
    let file = slots.first().cloned().flatten().unwrap_or(Value::None);
    read::Reader::from_file(file).read_value(vm)
}
