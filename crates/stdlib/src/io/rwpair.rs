//! `_io.BufferedRWPair`: one stream over two raw streams, reading from the first
//! through a `BufferedReader` and writing to the second through a `BufferedWriter`.

use std::cell::RefCell;

use adder_vm::native_module::{new_native_type, NativeObject, NativeTypeSpec};
use adder_vm::object::ObjRef;
use adder_vm::objects::function::{Args, NativeFn};
use adder_vm::{PyResult, Value, Vm};

use super::iobase::{new_io_object, type_arg};
use super::{io_state, DEFAULT_BUFFER_SIZE};
use crate::args::{bind, call_method, opt_int, Params};
use crate::native_util::after_receiver;

/// The two buffered halves (None before `__init__`).
struct RwPair {
    reader: RefCell<Value>,
    writer: RefCell<Value>,
}

impl NativeObject for RwPair {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.reader.borrow());
        visit(&self.writer.borrow());
    }
}

/// The two halves of an initialised pair.
struct Halves {
    reader: Value,
    writer: Value,
}

fn halves(vm: &Vm, args: &Args, method: &str) -> PyResult<Halves> {
    let pair = vm.native_self::<RwPair>(args, method, "_io.BufferedRWPair")?;
    let (reader, writer) = (pair.reader.borrow().clone(), pair.writer.borrow().clone());
    if reader.is_none() || writer.is_none() {
        return Err(vm.value_error("I/O operation on uninitialized object"));
    }
    Ok(Halves { reader, writer })
}

fn pair_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = type_arg(vm, &args, "BufferedRWPair", false)?;
    let state = RwPair {
        reader: RefCell::new(Value::None),
        writer: RefCell::new(Value::None),
    };
    Ok(new_io_object(vm, &cls, state))
}

/// `BufferedRWPair(reader, writer, buffer_size=DEFAULT_BUFFER_SIZE)`.
fn pair_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let rest = after_receiver(&args);
    let a = bind(
        vm,
        &rest,
        &Params {
            func: "BufferedRWPair",
            names: &["reader", "writer", "buffer_size"],
            required: 2,
            positional: 3,
        },
    )?;
    let size = Value::Int(opt_int(vm, a[2].as_ref(), DEFAULT_BUFFER_SIZE)?);
    let state = io_state(vm)?;
    let raw = |i: usize| a[i].clone().unwrap_or(Value::None);
    let reader = vm.call(
        &Value::Obj(state.buffered_reader.clone()),
        &[raw(0), size.clone()],
    )?;
    let writer = vm.call(&Value::Obj(state.buffered_writer.clone()), &[raw(1), size])?;
    let pair = vm.native_self::<RwPair>(&args, "__init__", "_io.BufferedRWPair")?;
    *pair.reader.borrow_mut() = reader;
    *pair.writer.borrow_mut() = writer;
    Ok(Value::None)
}

/// Methods forwarded with their arguments to one half.
macro_rules! forward {
    ($($fn_name:ident => $half:ident . $method:literal),* $(,)?) => {
        $(
            fn $fn_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
                let target = halves(vm, &args, $method)?.$half;
                let method = vm.get_attr_str(&target, $method)?;
                vm.call_with(&method, after_receiver(&args))
            }
        )*
    };
}

forward! {
    pair_read => reader."read",
    pair_read1 => reader."read1",
    pair_readline => reader."readline",
    pair_peek => reader."peek",
    pair_readinto => reader."readinto",
    pair_readable => reader."readable",
    pair_write => writer."write",
    pair_flush => writer."flush",
    pair_writable => writer."writable",
}

fn pair_seekable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    halves(vm, &args, "seekable")?;
    Ok(Value::Bool(false))
}

fn pair_isatty(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Halves { reader, writer } = halves(vm, &args, "isatty")?;
    let w = call_method(vm, &writer, "isatty", &[])?;
    if vm.is_true(&w)? {
        return Ok(w);
    }
    call_method(vm, &reader, "isatty", &[])
}

/// `close()`: the writer, then the reader (even if closing the writer failed).
fn pair_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Halves { reader, writer } = halves(vm, &args, "close")?;
    let closed_writer = call_method(vm, &writer, "close", &[]);
    call_method(vm, &reader, "close", &[])?;
    closed_writer
}

fn pair_closed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let writer = halves(vm, &args, "closed")?.writer;
    vm.get_attr_str(&writer, "closed")
}

const METHODS: &[(&str, NativeFn)] = &[
    ("read", pair_read),
    ("read1", pair_read1),
    ("readline", pair_readline),
    ("peek", pair_peek),
    ("readinto", pair_readinto),
    ("readable", pair_readable),
    ("write", pair_write),
    ("flush", pair_flush),
    ("writable", pair_writable),
    ("seekable", pair_seekable),
    ("isatty", pair_isatty),
    ("close", pair_close),
];

/// The `BufferedRWPair` type, under `_BufferedIOBase`.
pub fn new_type(vm: &Vm, buffered_base: &ObjRef) -> ObjRef {
    let ty = new_native_type(
        vm,
        NativeTypeSpec {
            name: "BufferedRWPair",
            module: "_io",
            base: Some(buffered_base.clone()),
            new: Some(pair_new),
            init: Some(pair_init),
            methods: METHODS,
            subclassable: true,
        },
    );
    crate::native_util::add_getters(vm, &ty, &[("closed", pair_closed)]);
    ty
}
