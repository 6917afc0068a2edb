//! The `_struct` module (CPython's `Modules/_struct.c`): `Struct`, `pack`, `unpack`,
//! `pack_into`, `unpack_from`, `iter_unpack`, `calcsize` and `struct.error`.

mod codec;
mod format;
mod half;

use std::cell::Cell;
use std::rc::Rc;

use adder_vm::native_module::{
    add_functions, add_type, add_values, new_native_type, NativeObject, NativeTypeSpec,
};
use adder_vm::object::{ObjRef, Payload};
use adder_vm::objects::function::{Args, NativeFn};
use adder_vm::{PyErr, PyResult, Value, Vm};

use crate::args::{bind, Params};
use crate::arity;
use crate::native_util::after_receiver as after_self;
use format::Format;

/// The module's state: `struct.error` and the iterator type of `iter_unpack`.
struct StructState {
    error: ObjRef,
    iter_type: ObjRef,
}

fn state(vm: &Vm) -> PyResult<Rc<StructState>> {
    vm.native_state::<StructState>()
        .ok_or_else(|| vm.system_error("_struct is not initialised"))
}

/// A `struct.error` with `msg`.
pub(crate) fn struct_error(vm: &mut Vm, msg: &str) -> PyErr {
    match state(vm) {
        Ok(s) => PyErr(vm.new_exception(&s.error, vec![vm.new_str(msg)])),
        Err(e) => e,
    }
}

/// A compiled format: what a `Struct` holds.
struct Compiled {
    text: Value,
    format: Rc<Format>,
}

impl NativeObject for Compiled {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.text);
    }
}

/// Parse a format given as str or bytes.
fn compile(vm: &mut Vm, fmt: &Value) -> PyResult<Compiled> {
    let (bytes, text) = match fmt.payload() {
        Some(Payload::Str(s)) => (s.as_str().as_bytes().to_vec(), fmt.clone()),
        Some(Payload::Bytes(b)) => {
            let text = String::from_utf8_lossy(b).into_owned();
            (b.to_vec(), vm.new_str(&text))
        }
        _ => {
            return Err(vm.type_error(format!(
                "Struct() argument 1 must be a str or bytes object, not {}",
                vm.type_name(fmt)
            )))
        }
    };
    let format = format::parse(&bytes).map_err(|e| struct_error(vm, e.message()))?;
    Ok(Compiled {
        text,
        format: Rc::new(format),
    })
}

/// CPython's first check when packing: one value per item of the format.
fn check_item_count(vm: &mut Vm, format: &Format, got: usize) -> PyResult<()> {
    if got == format.items {
        return Ok(());
    }
    let msg = format!(
        "pack expected {} items for packing (got {})",
        format.items, got
    );
    Err(struct_error(vm, &msg))
}

fn pack_values(vm: &mut Vm, format: &Format, values: &[Value], out: &mut [u8]) -> PyResult<()> {
    check_item_count(vm, format, values.len())?;
    let mut rest = values;
    for field in &format.fields {
        let (these, after) = rest.split_at(field.items());
        codec::pack_field(vm, field, format.order, these, out)?;
        rest = after;
    }
    Ok(())
}

fn pack(vm: &mut Vm, format: &Format, values: &[Value]) -> PyResult<Value> {
    // As CPython: the item count first, then PyBytes_FromStringAndSize's limit
    // (the object header, 33 bytes on 64-bit builds, plus the data must fit a
    // Py_ssize_t), then the allocation.
    check_item_count(vm, format, values.len())?;
    if format.size > isize::MAX as usize - 33 {
        return Err(vm.overflow_error("byte string is too large"));
    }
    let mut out = crate::native_util::zeroed_buffer(vm, format.size)?;
    pack_values(vm, format, values, &mut out)?;
    Ok(adder_vm::objects::bytes::new_bytes(vm, out))
}

/// Unpack exactly `format.size` bytes.
fn unpack_exact(vm: &mut Vm, format: &Format, data: &[u8]) -> Value {
    let mut out = Vec::with_capacity(format.items);
    for field in &format.fields {
        codec::unpack_field(vm, field, format.order, data, &mut out);
    }
    vm.new_tuple(out)
}

fn unpack(vm: &mut Vm, format: &Format, buffer: &Value) -> PyResult<Value> {
    let data = adder_vm::objects::buffer::require_bytes_like(vm, buffer)?;
    if data.len() != format.size {
        let msg = format!("unpack requires a buffer of {} bytes", format.size);
        return Err(struct_error(vm, &msg));
    }
    Ok(unpack_exact(vm, format, &data))
}

/// Resolve `offset` (negative from the end) for `size` bytes in a `len`-byte buffer.
///
/// The arithmetic is done in `i128`: the offset comes from the user and may be
/// anywhere in the `Py_ssize_t` range, so `offset + len + size` and the "at least"
/// figure in the message (CPython computes it as a `size_t`) overflow `i64`.
fn place(vm: &mut Vm, offset: i64, size: usize, len: usize, packing: bool) -> PyResult<usize> {
    let (len_i, size_i, offset) = (len as i128, size as i128, i128::from(offset));
    let start = if offset < 0 {
        // CPython's order: first whether the data could fit before the end at
        // all, then whether the offset reaches back past the start.
        if offset + size_i > 0 {
            let msg = if packing {
                format!("no space to pack {size} bytes at offset {offset}")
            } else {
                format!("not enough data to unpack {size} bytes at offset {offset}")
            };
            return Err(struct_error(vm, &msg));
        }
        if offset + len_i < 0 {
            let msg = format!("offset {offset} out of range for {len}-byte buffer");
            return Err(struct_error(vm, &msg));
        }
        offset + len_i
    } else {
        offset
    };
    if len_i - start < size_i {
        let msg = if packing {
            format!(
                "pack_into requires a buffer of at least {} bytes for packing {size} bytes at offset {start} (actual buffer size is {len})",
                size_i + start
            )
        } else {
            format!(
                "unpack_from requires a buffer of at least {} bytes for unpacking {size} bytes at offset {start} (actual buffer size is {len})",
                size_i + start
            )
        };
        return Err(struct_error(vm, &msg));
    }
    // 0 <= start <= len - size here, so it fits a usize.
    Ok(start as usize)
}

fn unpack_from(vm: &mut Vm, format: &Format, buffer: &Value, offset: i64) -> PyResult<Value> {
    let data = adder_vm::objects::buffer::require_bytes_like(vm, buffer)?.into_owned();
    let start = place(vm, offset, format.size, data.len(), false)?;
    Ok(unpack_exact(vm, format, &data[start..start + format.size]))
}

fn pack_into(
    vm: &mut Vm,
    format: &Format,
    buffer: &Value,
    offset: &Value,
    values: &[Value],
) -> PyResult<Value> {
    let Some(Payload::ByteArray(target)) = buffer.payload() else {
        return Err(vm.type_error(format!(
            "argument must be read-write bytes-like object, not {}",
            vm.type_name(buffer)
        )));
    };
    let offset = crate::number_args::to_ssize(vm, offset)?;
    // As CPython: the item count, then the bounds, then the values; the bounds
    // check also keeps the scratch buffer no larger than the target.
    if values.len() != format.items {
        let msg = format!(
            "pack_into expected {} items for packing (got {})",
            format.items,
            values.len()
        );
        return Err(struct_error(vm, &msg));
    }
    let len = target.bytes.borrow().len();
    let start = place(vm, offset, format.size, len, true)?;
    let mut packed = crate::native_util::zeroed_buffer(vm, format.size)?;
    pack_values(vm, format, values, &mut packed)?;
    target.bytes.borrow_mut()[start..start + format.size].copy_from_slice(&packed);
    Ok(Value::None)
}

/// The iterator of `iter_unpack`.
struct UnpackIter {
    format: Rc<Format>,
    data: Vec<u8>,
    position: Cell<usize>,
}

impl NativeObject for UnpackIter {}

fn iter_unpack(vm: &mut Vm, format: &Rc<Format>, buffer: &Value) -> PyResult<Value> {
    let data = adder_vm::objects::buffer::require_bytes_like(vm, buffer)?.into_owned();
    if format.size == 0 {
        return Err(struct_error(
            vm,
            "cannot iteratively unpack with a struct of length 0",
        ));
    }
    if data.len() % format.size != 0 {
        let msg = format!(
            "iterative unpacking requires a buffer of a multiple of {} bytes",
            format.size
        );
        return Err(struct_error(vm, &msg));
    }
    let cls = state(vm)?.iter_type.clone();
    let it = UnpackIter {
        format: format.clone(),
        data,
        position: Cell::new(0),
    };
    Ok(vm.new_native_instance(&cls, it))
}

fn iter_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let it = vm.native_self::<UnpackIter>(&args, "__next__", "_struct.unpack_iterator")?;
    let at = it.position.get();
    let Some(chunk) = it.data.get(at..at + it.format.size) else {
        return Err(crate::native_util::stop_iteration(vm));
    };
    it.position.set(at + it.format.size);
    Ok(unpack_exact(vm, &it.format, chunk))
}

fn iter_length_hint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let it = vm.native_self::<UnpackIter>(&args, "__length_hint__", "_struct.unpack_iterator")?;
    let left = it.data.len().saturating_sub(it.position.get()) / it.format.size.max(1);
    Ok(Value::Int(left as i64))
}

// ---- the module-level functions: compile the format, then do the Struct operation ----

fn fmt_and_rest<'a>(vm: &mut Vm, args: &Args<'a>, name: &str) -> PyResult<(Compiled, &'a [Value])> {
    arity::no_keywords(vm, args, name)?;
    match args.pos().split_first() {
        Some((fmt, rest)) => Ok((compile(vm, fmt)?, rest)),
        None => Err(vm.type_error(format!("{name} expected at least 1 argument, got 0"))),
    }
}

fn m_pack(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (c, values) = fmt_and_rest(vm, &args, "pack")?;
    pack(vm, &c.format, values)
}

fn m_pack_into(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (c, rest) = fmt_and_rest(vm, &args, "pack_into")?;
    match rest {
        [buffer, offset, values @ ..] => pack_into(vm, &c.format, buffer, offset, values),
        _ => Err(vm.type_error(format!(
            "pack_into expected at least 3 arguments, got {}",
            args.pos().len()
        ))),
    }
}

fn m_unpack(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = arity::positional(vm, &args, "unpack", "unpack", 2, 2)?;
    let c = compile(vm, &pos[0])?;
    unpack(vm, &c.format, &pos[1])
}

const UNPACK_FROM: Params = Params {
    func: "unpack_from",
    names: &["format", "buffer", "offset"],
    required: 2,
    positional: 3,
};

fn m_unpack_from(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let slots = bind(vm, &args, &UNPACK_FROM)?;
    let (Some(fmt), Some(buffer)) = (&slots[0], &slots[1]) else {
        return Err(vm.type_error("unpack_from() missing required argument"));
    };
    let c = compile(vm, fmt)?;
    let offset = crate::args::opt_int(vm, slots[2].as_ref(), 0)?;
    unpack_from(vm, &c.format, buffer, offset)
}

fn m_iter_unpack(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = arity::positional(vm, &args, "iter_unpack", "iter_unpack", 2, 2)?;
    let c = compile(vm, &pos[0])?;
    iter_unpack(vm, &c.format, &pos[1])
}

fn m_calcsize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fmt = arity::one(vm, &args, "calcsize")?;
    let c = compile(vm, fmt)?;
    Ok(Value::Int(c.format.size as i64))
}

fn m_clearcache(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity::positional(vm, &args, "_clearcache", "_clearcache", 0, 0)?;
    Ok(Value::None)
}

// ---- the Struct type ----

fn this<'a>(vm: &Vm, args: &'a Args, method: &str) -> PyResult<&'a Compiled> {
    vm.native_self::<Compiled>(args, method, "_struct.Struct")
}

fn struct_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.pos().first().cloned() else {
        return Err(vm.type_error("Struct.__new__(X): X is not a type object"));
    };
    const PARAMS: Params = Params {
        func: "Struct",
        names: &["format"],
        required: 1,
        positional: 1,
    };
    let slots = bind(vm, &after_self(&args), &PARAMS)?;
    let fmt = slots[0].clone().unwrap_or(Value::None);
    let compiled = compile(vm, &fmt)?;
    Ok(vm.new_native_instance(&cls, compiled))
}

fn s_pack(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = this(vm, &args, "pack")?;
    arity::no_keywords(vm, &args, "Struct.pack")?;
    pack(vm, &c.format.clone(), args.pos().get(1..).unwrap_or(&[]))
}

fn s_pack_into(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = this(vm, &args, "pack_into")?;
    arity::no_keywords(vm, &args, "Struct.pack_into")?;
    match args.pos().get(1..).unwrap_or(&[]) {
        [buffer, offset, values @ ..] => pack_into(vm, &c.format.clone(), buffer, offset, values),
        p => Err(vm.type_error(format!(
            "pack_into expected at least 2 arguments, got {}",
            p.len()
        ))),
    }
}

fn s_unpack(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = this(vm, &args, "unpack")?;
    let buffer = arity::one(vm, &after_self(&args), "Struct.unpack")?;
    unpack(vm, &c.format.clone(), buffer)
}

fn s_unpack_from(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = this(vm, &args, "unpack_from")?;
    const PARAMS: Params = Params {
        func: "unpack_from",
        names: &["buffer", "offset"],
        required: 1,
        positional: 2,
    };
    let slots = bind(vm, &after_self(&args), &PARAMS)?;
    let buffer = slots[0].clone().unwrap_or(Value::None);
    let offset = crate::args::opt_int(vm, slots[1].as_ref(), 0)?;
    unpack_from(vm, &c.format.clone(), &buffer, offset)
}

fn s_iter_unpack(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = this(vm, &args, "iter_unpack")?;
    let buffer = arity::one(vm, &after_self(&args), "Struct.iter_unpack")?;
    iter_unpack(vm, &c.format.clone(), buffer)
}

fn s_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(this(vm, &args, "format")?.text.clone())
}

fn s_size(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(this(vm, &args, "size")?.format.size as i64))
}

fn s_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let text = this(vm, &args, "__repr__")?.text.clone();
    let shown = vm.repr(&text)?;
    let name = vm.type_name(&args.pos()[0]);
    Ok(vm.new_str(&format!("{name}({shown})")))
}

const STRUCT_METHODS: &[(&str, NativeFn)] = &[
    ("pack", s_pack),
    ("pack_into", s_pack_into),
    ("unpack", s_unpack),
    ("unpack_from", s_unpack_from),
    ("iter_unpack", s_iter_unpack),
    ("__repr__", s_repr),
];

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    let exception = vm.types().exc.exception.clone();
    let error = crate::native_util::new_exception_class(vm, "struct", "error", &exception)?;
    let struct_type = new_native_type(
        vm,
        NativeTypeSpec {
            name: "Struct",
            module: "_struct",
            base: None,
            new: Some(struct_new),
            init: None,
            methods: STRUCT_METHODS,
            subclassable: true,
        },
    );
    crate::native_util::add_getters(vm, &struct_type, &[("format", s_format), ("size", s_size)]);
    let iter_type = new_native_type(
        vm,
        NativeTypeSpec {
            name: "unpack_iterator",
            module: "_struct",
            base: None,
            new: None,
            init: None,
            methods: &[
                ("__iter__", crate::native_util::iter_self),
                ("__next__", iter_next),
                ("__length_hint__", iter_length_hint),
            ],
            subclassable: false,
        },
    );
    add_type(vm, module, &struct_type);
    add_values(
        vm,
        module,
        &[
            ("error", Value::Obj(error.clone())),
            (
                "__doc__",
                vm.new_str("Functions to convert between Python values and C structs."),
            ),
        ],
    );
    add_functions(
        vm,
        module,
        &[
            ("pack", m_pack),
            ("pack_into", m_pack_into),
            ("unpack", m_unpack),
            ("unpack_from", m_unpack_from),
            ("iter_unpack", m_iter_unpack),
            ("calcsize", m_calcsize),
            ("_clearcache", m_clearcache),
        ],
    );
    vm.set_native_state(StructState { error, iter_type });
    Ok(())
}
