//! The `bytearray` type: a mutable byte sequence. Construction, item and slice
//! assignment and deletion, `+=`/`*=`, and the mutating methods (`append`, `extend`,
//! `insert`, `pop`, `remove`, `clear`, `copy`, `reverse`, `resize`), and the buffer
//! methods `__alloc__` and `__release_buffer__`. The read-only methods are
//! shared with `bytes` (`byte_methods.rs`). While a memoryview exports its buffer, a
//! bytearray cannot change size.

use std::cell::{Cell, RefCell};

use crate::builtins::add_methods;
use crate::error::PyResult;
use crate::object::{Payload, PyObject};
use crate::objects::buffer::bytes_like;
use crate::objects::bytes::{byte_value, source_bytes, ByteKind};
use crate::objects::function::{Args, NativeFn};
use crate::objects::native_args::{bind, opt_size, MethodName, Shape};
use crate::objects::str_search::iterable_items;
use crate::protocol::number::as_int;
use crate::protocol::sequence::slice_adjust;
use crate::value::Value;
use crate::vm::Vm;

/// A bytearray's state.
pub struct ByteArrayData {
    pub bytes: RefCell<Vec<u8>>,
    /// Live memoryviews of this buffer: resizing is refused while there are any.
    pub exports: Cell<usize>,
}

impl ByteArrayData {
    pub fn new(bytes: Vec<u8>) -> ByteArrayData {
        ByteArrayData {
            bytes: RefCell::new(bytes),
            exports: Cell::new(0),
        }
    }
}

pub fn new_bytearray(vm: &Vm, bytes: Vec<u8>) -> Value {
    Value::obj(PyObject::new(
        vm.types().bytearray.clone(),
        Payload::ByteArray(ByteArrayData::new(bytes)),
    ))
}

fn data_of(v: &Value) -> Option<&ByteArrayData> {
    match v.payload() {
        Some(Payload::ByteArray(b)) => Some(b),
        _ => None,
    }
}

/// BufferError while a memoryview exports the buffer.
pub fn check_resizable(vm: &Vm, data: &ByteArrayData) -> PyResult<()> {
    if data.exports.get() > 0 {
        return Err(vm.error(
            &vm.types().exc.buffer_error,
            "Existing exports of data: object cannot be re-sized",
        ));
    }
    Ok(())
}

pub fn install(vm: &Vm) {
    let ty = vm.types().bytearray.clone();
    const METHODS: &[(&str, NativeFn)] = &[
        ("__init__", init),
        ("append", append),
        ("clear", clear),
        ("copy", copy),
        ("extend", extend),
        ("insert", insert),
        ("pop", pop),
        ("remove", remove),
        ("resize", resize),
        ("reverse", reverse),
        ("__alloc__", alloc),
        ("__release_buffer__", release_buffer),
    ];
    add_methods(vm, &ty, METHODS);
    add_methods(vm, &ty, crate::objects::byte_methods::BYTEARRAY_METHODS);
    crate::objects::dict_methods::add_class_methods(
        vm,
        &ty,
        &[("fromhex", crate::objects::bytes::bytearray_fromhex)],
    );
    crate::objects::byte_methods_text::install_maketrans(vm, ByteKind::ByteArray);
}

/// `bytearray(source=b'', encoding=..., errors=...)`.
pub fn construct(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let bytes = source_bytes(vm, args, ByteKind::ByteArray)?;
    Ok(new_bytearray(vm, bytes))
}

/// `bytearray.__init__`: refill in place (subclasses reach it through `super()`).
fn init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some((recv, rest)) = args.values.split_first() else {
        return Err(vm.type_error("descriptor '__init__' of 'bytearray' object needs an argument"));
    };
    let recv = recv.clone();
    let data =
        data_of(&recv).ok_or_else(|| vm.type_error("bytearray.__init__ on a non-bytearray"))?;
    let bytes = source_bytes(
        vm,
        Args {
            values: rest,
            kwnames: args.kwnames,
        },
        ByteKind::ByteArray,
    )?;
    check_resizable(vm, data)?;
    *data.bytes.borrow_mut() = bytes;
    Ok(Value::None)
}

/// The receiver's data and the other arguments of a bytearray method.
fn receiver<'a>(
    vm: &Vm,
    args: &Args<'a>,
    name: &'static str,
    shape: Shape,
) -> PyResult<(&'a ByteArrayData, Vec<Option<&'a Value>>)> {
    let method = MethodName {
        owner: "bytearray",
        name,
    };
    let (recv, rest) = bind(vm, args, method, &shape)?;
    match data_of(recv) {
        Some(d) => Ok((d, rest)),
        None => Err(vm.type_error(format!(
            "descriptor '{name}' for 'bytearray' objects doesn't apply to a '{}' object",
            vm.type_name(recv)
        ))),
    }
}

fn append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, rest) = receiver(vm, &args, "append", Shape::One)?;
    let byte = byte_value(
        vm,
        rest[0].unwrap_or(&Value::None),
        "byte must be in range(0, 256)",
    )?;
    check_resizable(vm, data)?;
    data.bytes.borrow_mut().push(byte);
    Ok(Value::None)
}

fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, _) = receiver(vm, &args, "clear", Shape::NoArgs)?;
    check_resizable(vm, data)?;
    data.bytes.borrow_mut().clear();
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, _) = receiver(vm, &args, "copy", Shape::NoArgs)?;
    let bytes = data.bytes.borrow().clone();
    Ok(new_bytearray(vm, bytes))
}

/// The bytes `extend` and slice assignment accept: a buffer, or an iterable of byte
/// values (not a str, nor an int).
fn iterable_bytes(vm: &mut Vm, v: &Value, not_iterable: &str) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_like(vm, v)? {
        return Ok(b.into_owned());
    }
    if matches!(v.payload(), Some(Payload::Str(_))) {
        return Err(vm.type_error(not_iterable));
    }
    let items = iterable_items(vm, v, not_iterable)?;
    let mut out = Vec::with_capacity(items.len());
    for item in &items {
        out.push(byte_value(vm, item, "byte must be in range(0, 256)")?);
    }
    Ok(out)
}

fn extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, rest) = receiver(vm, &args, "extend", Shape::One)?;
    let source = rest[0].unwrap_or(&Value::None);
    let message = if matches!(source.payload(), Some(Payload::Str(_))) {
        "expected iterable of integers; got: 'str'".to_string()
    } else {
        format!("can't extend bytearray with {}", vm.type_name(source))
    };
    let more = iterable_bytes(vm, source, &message)?;
    check_resizable(vm, data)?;
    data.bytes.borrow_mut().extend_from_slice(&more);
    Ok(Value::None)
}

/// An index for `insert`/`pop`, as `list` clamps or checks them.
fn index_arg(vm: &mut Vm, v: Option<&Value>, default: isize) -> PyResult<isize> {
    match v {
        None => Ok(default),
        Some(v) => vm.index_value(v),
    }
}

fn insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, rest) = receiver(vm, &args, "insert", Shape::Positional { min: 2, max: 2 })?;
    let index = index_arg(vm, rest[0], 0)?;
    let byte = byte_value(
        vm,
        rest[1].unwrap_or(&Value::None),
        "byte must be in range(0, 256)",
    )?;
    check_resizable(vm, data)?;
    let mut bytes = data.bytes.borrow_mut();
    let len = bytes.len() as isize;
    let at = if index < 0 {
        (index + len).max(0)
    } else {
        index.min(len)
    };
    bytes.insert(at as usize, byte);
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, rest) = receiver(vm, &args, "pop", Shape::Positional { min: 0, max: 1 })?;
    let index = index_arg(vm, rest.first().copied().flatten(), -1)?;
    check_resizable(vm, data)?;
    let mut bytes = data.bytes.borrow_mut();
    if bytes.is_empty() {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let len = bytes.len() as isize;
    let at = if index < 0 { index + len } else { index };
    if !(0..len).contains(&at) {
        return Err(vm.index_error("pop index out of range"));
    }
    Ok(Value::Int(bytes.remove(at as usize) as i64))
}

fn remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, rest) = receiver(vm, &args, "remove", Shape::One)?;
    let byte = byte_value(
        vm,
        rest[0].unwrap_or(&Value::None),
        "byte must be in range(0, 256)",
    )?;
    let found = data.bytes.borrow().iter().position(|&b| b == byte);
    let Some(at) = found else {
        return Err(vm.value_error("value not found in bytearray"));
    };
    check_resizable(vm, data)?;
    data.bytes.borrow_mut().remove(at);
    Ok(Value::None)
}

/// `ba.resize(size)`: truncate, or extend with zero bytes.
fn resize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, rest) = receiver(vm, &args, "resize", Shape::One)?;
    let size = opt_size(vm, rest[0], 0)?;
    let Ok(size) = usize::try_from(size) else {
        return Err(vm.value_error(format!("Can only resize to positive sizes, got {size}")));
    };
    check_resizable(vm, data)?;
    let mut bytes = data.bytes.borrow_mut();
    let more = size.saturating_sub(bytes.len());
    crate::objects::bytes::reserve(vm, &mut bytes, more)?;
    bytes.resize(size, 0);
    Ok(Value::None)
}

/// `ba.__alloc__()`: the bytes allocated. CPython keeps a terminating NUL after a
/// non-empty array; this reports the same figure for a compactly stored array.
fn alloc(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, _) = receiver(vm, &args, "__alloc__", Shape::NoArgs)?;
    let len = data.bytes.borrow().len();
    Ok(Value::Int(if len == 0 { 0 } else { len as i64 + 1 }))
}

/// `ba.__release_buffer__(view)`: releases a memoryview of this bytearray.
fn release_buffer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, rest) = receiver(
        vm,
        &args,
        "__release_buffer__",
        Shape::Positional { min: 1, max: 1 },
    )?;
    let Some(Payload::MemoryView(view)) = rest[0].and_then(|v| v.payload()) else {
        return Err(vm.type_error("expected a memoryview object"));
    };
    if view.released.get() {
        return Err(vm.value_error("memoryview's buffer has already been released"));
    }
    let exporter_is_self = matches!(
        view.obj.payload(),
        Some(Payload::ByteArray(other)) if std::ptr::eq(other, data)
    );
    if !exporter_is_self {
        return Err(vm.value_error("memoryview's buffer is not this object"));
    }
    view.release();
    Ok(Value::None)
}

fn reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, _) = receiver(vm, &args, "reverse", Shape::NoArgs)?;
    data.bytes.borrow_mut().reverse();
    Ok(Value::None)
}

// ----- subscription -----

fn index_type_error(vm: &Vm, key: &Value) -> crate::error::PyErr {
    vm.type_error(format!(
        "bytearray indices must be integers or slices, not {}",
        vm.type_name(key)
    ))
}

/// A position in `0..len` from an index that may count from the end. The length
/// is read after `__index__` has run, since that may resize the bytearray.
fn position(vm: &mut Vm, key: &Value, data: &ByteArrayData) -> PyResult<usize> {
    if as_int(key).is_none() && vm.lookup_special_heap(key, "__index__").is_none() {
        return Err(index_type_error(vm, key));
    }
    let i = vm.index_value(key)?;
    let len = data.bytes.borrow().len();
    let j = if i < 0 { i + len as isize } else { i };
    usize::try_from(j)
        .ok()
        .filter(|&j| j < len)
        .ok_or_else(|| vm.index_error("bytearray index out of range"))
}

/// `ba[key] = value`.
pub fn set_item(vm: &mut Vm, data: &ByteArrayData, key: &Value, value: &Value) -> PyResult<()> {
    let Some(Payload::Slice(s)) = key.payload() else {
        let at = position(vm, key, data)?;
        let byte = byte_value(vm, value, "byte must be in range(0, 256)")?;
        if let Some(slot) = data.bytes.borrow_mut().get_mut(at) {
            *slot = byte;
        }
        return Ok(());
    };
    const ONLY: &str = "can assign only bytes, buffers, or iterables of ints in range(0, 256)";
    if as_int(value).is_some() {
        return Err(vm.type_error(ONLY));
    }
    let new = iterable_bytes(vm, value, ONLY)?;
    // Bounds first, length after: a bound's `__index__` may resize the bytearray.
    let bounds = vm.slice_unpack(s)?;
    let idx = slice_adjust(bounds, data.bytes.borrow().len());
    if idx.step == 1 {
        let start = idx.start as usize;
        let stop = idx.stop.max(idx.start) as usize;
        if stop - start != new.len() {
            check_resizable(vm, data)?;
        }
        data.bytes.borrow_mut().splice(start..stop, new);
        return Ok(());
    }
    if new.is_empty() && idx.len > 0 {
        // CPython deletes an extended slice that is assigned nothing.
        check_resizable(vm, data)?;
        delete_positions(&mut data.bytes.borrow_mut(), &idx);
        return Ok(());
    }
    if new.len() != idx.len {
        return Err(vm.value_error(format!(
            "attempt to assign bytes of size {} to extended slice of size {}",
            new.len(),
            idx.len
        )));
    }
    let mut bytes = data.bytes.borrow_mut();
    for (p, b) in idx.positions().zip(new) {
        if let Some(slot) = bytes.get_mut(p) {
            *slot = b;
        }
    }
    Ok(())
}

/// `del ba[key]`.
pub fn del_item(vm: &mut Vm, data: &ByteArrayData, key: &Value) -> PyResult<()> {
    let Some(Payload::Slice(s)) = key.payload() else {
        let at = position(vm, key, data)?;
        check_resizable(vm, data)?;
        data.bytes.borrow_mut().remove(at);
        return Ok(());
    };
    // Bounds first, length after: a bound's `__index__` may resize the bytearray.
    let bounds = vm.slice_unpack(s)?;
    let len = data.bytes.borrow().len();
    let idx = slice_adjust(bounds, len);
    if idx.len == 0 {
        return Ok(());
    }
    check_resizable(vm, data)?;
    delete_positions(&mut data.bytes.borrow_mut(), &idx);
    Ok(())
}

/// Removes the bytes at a resolved slice's positions.
fn delete_positions(bytes: &mut Vec<u8>, idx: &crate::protocol::sequence::SliceIndices) {
    let mut doomed = vec![false; bytes.len()];
    for p in idx.positions() {
        if let Some(d) = doomed.get_mut(p) {
            *d = true;
        }
    }
    let mut keep = doomed.iter().map(|d| !d);
    bytes.retain(|_| keep.next().unwrap_or(true));
}

/// `ba += other` (extends in place) and `ba *= n`; `None` when `a` is not a bytearray.
pub fn inplace(
    vm: &mut Vm,
    a: &Value,
    b: &Value,
    op: crate::protocol::number::BinOp,
) -> PyResult<Option<Value>> {
    let Some(data) = data_of(a) else {
        return Ok(None);
    };
    match op {
        crate::protocol::number::BinOp::Add => {
            let Some(more) = bytes_like(vm, b)? else {
                return Err(vm.type_error(format!("can't concat {} to bytearray", vm.type_name(b))));
            };
            let more = more.into_owned();
            check_resizable(vm, data)?;
            data.bytes.borrow_mut().extend_from_slice(&more);
            Ok(Some(a.clone()))
        }
        crate::protocol::number::BinOp::Mul => {
            let Some(n) = as_int(b) else { return Ok(None) };
            let n = vm.repeat_count(n)?;
            if n != 1 {
                check_resizable(vm, data)?;
            }
            // `Vec::repeat` panics on capacity overflow and aborts when the
            // allocation fails: a size that cannot be had is CPython's MemoryError.
            let unit = data.bytes.borrow().clone();
            let mut repeated = Vec::new();
            let reserved = unit
                .len()
                .checked_mul(n)
                .filter(|&t| t <= isize::MAX as usize)
                .is_some_and(|t| repeated.try_reserve_exact(t).is_ok());
            if !reserved {
                return Err(crate::error::PyErr(
                    vm.new_exception(&vm.types().exc.memory_error, vec![]),
                ));
            }
            // An empty unit repeats to nothing however large `n` is.
            if !unit.is_empty() {
                for _ in 0..n {
                    repeated.extend_from_slice(&unit);
                }
            }
            *data.bytes.borrow_mut() = repeated;
            Ok(Some(a.clone()))
        }
        _ => Ok(None),
    }
}

/// `repr(ba)`: `bytearray(b'...')`, with a subclass's name.
pub fn repr(vm: &Vm, v: &Value, data: &ByteArrayData) -> String {
    let body = crate::objects::repr::bytes_repr(&data.bytes.borrow());
    format!("{}({})", vm.type_name(v), escape_single_quotes(&body))
}

/// CPython's bytearray repr escapes `'` even inside double quotes
/// (`bytearray(b"\'")`), unlike the bytes repr.
fn escape_single_quotes(literal: &str) -> String {
    let mut out = String::with_capacity(literal.len());
    let mut chars = literal.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                out.push(c);
                out.extend(chars.next());
            }
            '\'' if literal.starts_with("b\"") => out.push_str("\\'"),
            _ => out.push(c),
        }
    }
    out
}

/// `a + b` with a bytes or bytearray on the left and any buffer on the right: the
/// result has the left operand's type. `None` when `b` is not bytes-like.
pub fn concat(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let kind = match a.payload() {
        Some(Payload::ByteArray(_)) => ByteKind::ByteArray,
        _ => ByteKind::Bytes,
    };
    let Some(right) = bytes_like(vm, b)? else {
        return Err(vm.type_error(format!(
            "can't concat {} to {}",
            vm.type_name(b),
            vm.type_name(a)
        )));
    };
    let mut out = bytes_like(vm, a)?.unwrap_or_default().into_owned();
    out.extend_from_slice(&right);
    Ok(Some(kind.make(vm, out)))
}
