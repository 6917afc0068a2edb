//! The `bytes` type: construction (shared with `bytearray`), indexing, `in`, and
//! `fromhex`. The methods both types share are in `byte_methods.rs`.

use crate::builtins::add_methods;
use crate::error::PyResult;
use crate::object::{Payload, PyObject};
use crate::objects::buffer::bytes_like;
use crate::objects::codecs;
use crate::objects::function::Args;
use crate::objects::native_args::{bind, MethodName, Shape};
use crate::objects::str_search::iterable_items;
use crate::objects::str_stand_in::unexpected_keyword;
use crate::protocol::number::{as_int, IntRef};
use crate::value::Value;
use crate::vm::Vm;

/// Which byte-sequence type a shared method or constructor works for: it names the
/// type in messages and makes results of that type.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ByteKind {
    Bytes,
    ByteArray,
}

impl ByteKind {
    pub fn name(self) -> &'static str {
        match self {
            ByteKind::Bytes => "bytes",
            ByteKind::ByteArray => "bytearray",
        }
    }

    pub fn make(self, vm: &Vm, data: Vec<u8>) -> Value {
        match self {
            ByteKind::Bytes => new_bytes(vm, data),
            ByteKind::ByteArray => crate::objects::bytearray::new_bytearray(vm, data),
        }
    }
}

pub fn new_bytes(vm: &Vm, data: Vec<u8>) -> Value {
    Value::obj(PyObject::new(
        vm.types().bytes.clone(),
        Payload::Bytes(data.into_boxed_slice()),
    ))
}

pub fn install(vm: &Vm) {
    let ty = vm.types().bytes.clone();
    add_methods(vm, &ty, crate::objects::byte_methods::BYTES_METHODS);
    add_methods(vm, &ty, &[("__bytes__", dunder_bytes_method)]);
    crate::objects::dict_methods::add_class_methods(vm, &ty, &[("fromhex", bytes_fromhex)]);
    crate::objects::byte_methods_text::install_maketrans(vm, ByteKind::Bytes);
}

/// `b.__bytes__()`: the value as an exact bytes (the receiver itself when it is one).
fn dunder_bytes_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let method = MethodName {
        owner: "bytes",
        name: "__bytes__",
    };
    let (recv, _) = bind(vm, &args, method, &Shape::NoArgs)?;
    match recv.payload() {
        Some(Payload::Bytes(b)) if !std::rc::Rc::ptr_eq(&vm.type_of(recv), &vm.types().bytes) => {
            Ok(new_bytes(vm, b.to_vec()))
        }
        Some(Payload::Bytes(_)) => Ok(recv.clone()),
        _ => Err(vm.type_error(format!(
            "descriptor '__bytes__' for 'bytes' objects doesn't apply to a '{}' object",
            vm.type_name(recv)
        ))),
    }
}

/// `bytes(...)`. What a `__bytes__` method returns is the result as it is (even an
/// instance of a bytes subclass), as in CPython.
pub fn construct(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match source(vm, args, ByteKind::Bytes)? {
        Source::Made(made) => Ok(made),
        Source::Data(data) => Ok(new_bytes(vm, data)),
    }
}

/// The contents `bytes(...)` or `bytearray(...)` start with.
pub fn source_bytes(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Vec<u8>> {
    Ok(match source(vm, args, kind)? {
        Source::Data(data) => data,
        Source::Made(made) => match made.payload() {
            Some(Payload::Bytes(b)) => b.to_vec(),
            _ => Vec::new(),
        },
    })
}

/// What a constructor's source argument gives: bytes to wrap, or for `bytes` the
/// value the argument's `__bytes__` made.
enum Source {
    Data(Vec<u8>),
    Made(Value),
}

/// `x.__bytes__()` when `x`'s class defines it (a bytes instance, or TypeError).
pub fn dunder_bytes(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(method) = vm.lookup_special_heap(v, "__bytes__") else {
        return Ok(None);
    };
    let made = vm.call_method_value(&method, v, &[])?;
    if !matches!(made.payload(), Some(Payload::Bytes(_))) {
        return Err(vm.type_error(format!(
            "__bytes__ returned non-bytes (type {})",
            vm.type_name(&made)
        )));
    }
    Ok(Some(made))
}

/// The source argument of `bytes(...)` or `bytearray(...)`: empty, a str encoded,
/// `__bytes__` (bytes only), a count of zero bytes, a buffer's bytes, or an iterable
/// of ints; CPython's checks in CPython's order.
fn source(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Source> {
    let name = kind.name();
    let mut slots: [Option<&Value>; 3] = [None; 3];
    let pos = args.pos();
    if pos.len() > 3 {
        return Err(vm.type_error(format!(
            "{name}() takes at most 3 arguments ({} given)",
            pos.len()
        )));
    }
    for (slot, v) in slots.iter_mut().zip(pos) {
        *slot = Some(v);
    }
    for (k, v) in args.kwargs() {
        let i = match crate::protocol::attr::name_str(k) {
            "source" => 0,
            "encoding" => 1,
            "errors" => 2,
            _ => return Err(unexpected_keyword(vm, name, k)),
        };
        slots[i] = Some(v);
    }
    let [source, encoding, errors] = slots;
    let is_str = source.is_some_and(|v| matches!(v.payload(), Some(Payload::Str(_))));
    if let (Some(source), Some(Payload::Str(s)), Some(_)) =
        (source, source.and_then(|v| v.payload()), encoding)
    {
        let (codec, errors) = codecs::codec_args(vm, name, encoding, errors)?;
        return codecs::encode_with(vm, s, source, &codec, &errors).map(Source::Data);
    }
    if encoding.is_some() {
        return Err(vm.type_error("encoding without a string argument"));
    }
    if errors.is_some() && !is_str {
        return Err(vm.type_error("errors without a string argument"));
    }
    let Some(source) = source else {
        return Ok(Source::Data(Vec::new()));
    };
    if kind == ByteKind::Bytes && errors.is_none() {
        if let Some(made) = dunder_bytes(vm, source)? {
            return Ok(Source::Made(made));
        }
    }
    if is_str {
        return Err(vm.type_error("string argument without an encoding"));
    }
    source_data(vm, source, kind).map(Source::Data)
}

/// The bytes of a non-str source: a buffer's, a count of zero bytes, or an iterable
/// of byte values.
fn source_data(vm: &mut Vm, source: &Value, kind: ByteKind) -> PyResult<Vec<u8>> {
    let name = kind.name();
    if let Some(b) = bytes_like(vm, source)? {
        return Ok(b.into_owned());
    }
    let count = match as_int(source) {
        Some(n) => Some(n),
        None if vm.lookup_special_heap(source, "__index__").is_some() => {
            Some(IntRef::Small(vm.index_value(source)? as i64))
        }
        None => None,
    };
    if let Some(n) = count {
        return match n {
            IntRef::Small(n) if n < 0 => Err(vm.value_error("negative count")),
            IntRef::Small(n) => {
                let mut out = try_alloc(vm, n as usize)?;
                out.resize(n as usize, 0);
                Ok(out)
            }
            IntRef::Big(_) => {
                Err(vm.overflow_error("cannot fit 'int' into an index-sized integer"))
            }
        };
    }
    if crate::protocol::number::as_float(source).is_some() {
        return Err(vm.type_error(format!(
            "cannot convert '{}' object to {name}",
            vm.type_name(source)
        )));
    }
    let items = iterable_items(
        vm,
        source,
        &format!("cannot convert '{}' object to {name}", vm.type_name(source)),
    )?;
    let range_message = match kind {
        ByteKind::Bytes => "bytes must be in range(0, 256)",
        ByteKind::ByteArray => "byte must be in range(0, 256)",
    };
    let mut data = Vec::with_capacity(items.len());
    for it in &items {
        data.push(byte_value(vm, it, range_message)?);
    }
    Ok(data)
}

/// An empty buffer with room for `n` bytes, or MemoryError: `vec![0; n]` aborts the
/// process when the allocation fails, where CPython raises (`bytes(2**62)`).
pub fn try_alloc(vm: &Vm, n: usize) -> PyResult<Vec<u8>> {
    let mut out = Vec::new();
    reserve(vm, &mut out, n)?;
    Ok(out)
}

/// Room for `more` bytes in `data`, or MemoryError.
pub fn reserve(vm: &Vm, data: &mut Vec<u8>, more: usize) -> PyResult<()> {
    data.try_reserve_exact(more)
        .map_err(|_| crate::error::PyErr(vm.new_exception(&vm.types().exc.memory_error, vec![])))
}

/// `b[i]` (an int) and `b[i:j:k]` (of the same kind).
pub fn get_item(vm: &mut Vm, data: &[u8], key: &Value, kind: ByteKind) -> PyResult<Value> {
    if let Some(Payload::Slice(s)) = key.payload() {
        let idx = vm.slice_indices(s, data.len())?;
        let out = idx
            .positions()
            .filter_map(|p| data.get(p).copied())
            .collect();
        return Ok(kind.make(vm, out));
    }
    if as_int(key).is_none() && vm.lookup_special_heap(key, "__index__").is_none() {
        let what = match kind {
            ByteKind::Bytes => "byte",
            ByteKind::ByteArray => "bytearray",
        };
        return Err(vm.type_error(format!(
            "{what} indices must be integers or slices, not {}",
            vm.type_name(key)
        )));
    }
    let i = vm.index_value(key)?;
    let j = if i < 0 { i + data.len() as isize } else { i };
    match usize::try_from(j).ok().and_then(|j| data.get(j)) {
        Some(&b) => Ok(Value::Int(b as i64)),
        None if kind == ByteKind::ByteArray => Err(vm.index_error("bytearray index out of range")),
        None => Err(vm.index_error("index out of range")),
    }
}

/// `item in data`: a byte value or a bytes-like subsequence.
pub fn contains(vm: &mut Vm, data: &[u8], item: &Value) -> PyResult<bool> {
    if let Some(sub) = bytes_like(vm, item)? {
        return Ok(crate::objects::byte_methods::find_bytes(data, &sub, false).is_some());
    }
    match item.payload() {
        _ if as_int(item).is_some() => {
            let b = byte_value(vm, item, "byte must be in range(0, 256)")?;
            Ok(data.contains(&b))
        }
        _ => Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(item)
        ))),
    }
}

/// An int in `range(0, 256)` (through `__index__`).
pub fn byte_value(vm: &mut Vm, v: &Value, range_message: &str) -> PyResult<u8> {
    let i = vm.index_value(v)?;
    u8::try_from(i).map_err(|_| vm.value_error(range_message))
}

pub fn bytes_fromhex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    fromhex(vm, args, ByteKind::Bytes)
}

pub fn bytearray_fromhex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    fromhex(vm, args, ByteKind::ByteArray)
}

/// `bytes.fromhex(string)` (a class method): pairs of hex digits, whitespace allowed
/// between pairs. A subclass gets `cls(result)`.
fn fromhex(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    let method = MethodName {
        owner: kind.name(),
        name: "fromhex",
    };
    let (class, rest) = bind(vm, &args, method, &Shape::One)?;
    let class = class.clone();
    let arg = rest[0].unwrap_or(&Value::None);
    let text: Vec<u8> = match arg.payload() {
        Some(Payload::Str(s)) => s
            .as_str()
            .chars()
            .map(|c| if c.is_ascii() { c as u8 } else { 0xff })
            .collect(),
        _ if bytes_like(vm, arg)?.is_some() => bytes_like(vm, arg)?
            .map(|b| b.into_owned())
            .unwrap_or_default(),
        _ => {
            return Err(vm.type_error(format!(
                "fromhex() argument must be str or bytes-like, not {}",
                vm.type_name(arg)
            )))
        }
    };
    let mut out = Vec::with_capacity(text.len() / 2);
    let mut i = 0;
    let bad = |vm: &Vm, at: usize| {
        vm.value_error(format!(
            "non-hexadecimal number found in fromhex() arg at position {at}"
        ))
    };
    while i < text.len() {
        if crate::objects::byte_methods::is_space(&text[i]) {
            i += 1;
            continue;
        }
        let hi = (text[i] as char).to_digit(16).ok_or_else(|| bad(vm, i))?;
        let Some(&next) = text.get(i + 1) else {
            return Err(
                vm.value_error("fromhex() arg must contain an even number of hexadecimal digits")
            );
        };
        let lo = (next as char).to_digit(16).ok_or_else(|| bad(vm, i + 1))?;
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    let made = kind.make(vm, out);
    let base = match kind {
        ByteKind::Bytes => vm.types().bytes.clone(),
        ByteKind::ByteArray => vm.types().bytearray.clone(),
    };
    if class.is(&Value::Obj(base)) {
        return Ok(made);
    }
    vm.call(&class, &[made])
}
