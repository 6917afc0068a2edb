//! The methods and attributes of `memoryview`: `tobytes`, `tolist`, `hex`, `cast`,
//! `toreadonly`, `release` and the context manager, `count`/`index`, and `format`,
//! `itemsize`, `shape`, `strides`, `nbytes`, `readonly`, `obj`...

use crate::builtins::add_methods;
use crate::error::PyResult;
use crate::object::Payload;
use crate::objects::function::{Args, NativeFn};
use crate::objects::memoryview::{self, live, MemoryViewData};
use crate::objects::memoryview_format::ItemFormat;
use crate::objects::native_args::{bind, MethodName, Shape};
use crate::value::Value;
use crate::vm::Vm;

pub fn install(vm: &Vm) {
    let ty = vm.types().memoryview.clone();
    const METHODS: &[(&str, NativeFn)] = &[
        ("__enter__", enter),
        ("__exit__", exit),
        ("cast", cast),
        ("count", count),
        ("hex", hex),
        ("index", index),
        ("release", release),
        ("tobytes", tobytes),
        ("tolist", tolist),
        ("toreadonly", toreadonly),
    ];
    add_methods(vm, &ty, METHODS);
}

/// The receiver (live, unless `allow_released`) and the other arguments.
fn receiver<'a>(
    vm: &Vm,
    args: &Args<'a>,
    name: &'static str,
    shape: Shape,
) -> PyResult<(&'a Value, Vec<Option<&'a Value>>)> {
    let method = MethodName {
        owner: "memoryview",
        name,
    };
    let (recv, rest) = bind(vm, args, method, &shape)?;
    if !matches!(recv.payload(), Some(Payload::MemoryView(_))) {
        return Err(vm.type_error(format!(
            "descriptor '{name}' for 'memoryview' objects doesn't apply to a '{}' object",
            vm.type_name(recv)
        )));
    }
    Ok((recv, rest))
}

fn enter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, _) = receiver(vm, &args, "__enter__", Shape::NoArgs)?;
    live(vm, recv)?;
    Ok(recv.clone())
}

fn exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, _) = receiver(vm, &args, "__exit__", Shape::Positional { min: 0, max: 3 })?;
    if let Some(Payload::MemoryView(m)) = recv.payload() {
        m.release();
    }
    Ok(Value::None)
}

fn release(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, _) = receiver(vm, &args, "release", Shape::NoArgs)?;
    if let Some(Payload::MemoryView(m)) = recv.payload() {
        m.release();
    }
    Ok(Value::None)
}

fn tobytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let shape = Shape::Keywords {
        names: &["order"],
        min: 0,
    };
    let (recv, _) = receiver(vm, &args, "tobytes", shape)?;
    let bytes = memoryview::contiguous_bytes(vm, live(vm, recv)?)?;
    Ok(crate::objects::bytes::new_bytes(vm, bytes))
}

/// Nested lists following the shape.
fn nest(vm: &Vm, items: &[Value], shape: &[usize]) -> Value {
    match shape {
        [] => items.first().cloned().unwrap_or(Value::None),
        [_] => vm.new_list(items.to_vec()),
        [n, inner @ ..] => {
            let chunk = inner.iter().product::<usize>().max(1);
            let rows = items
                .chunks(chunk)
                .take(*n)
                .map(|row| nest(vm, row, inner))
                .collect();
            vm.new_list(rows)
        }
    }
}

fn tolist(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, _) = receiver(vm, &args, "tolist", Shape::NoArgs)?;
    let m = live(vm, recv)?;
    let items = memoryview::items(vm, m)?;
    Ok(nest(vm, &items, &m.shape))
}

fn toreadonly(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, _) = receiver(vm, &args, "toreadonly", Shape::NoArgs)?;
    Ok(memoryview::readonly_copy(vm, live(vm, recv)?))
}

fn hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let shape = Shape::Keywords {
        names: &["sep", "bytes_per_sep"],
        min: 0,
    };
    let (recv, rest) = receiver(vm, &args, "hex", shape)?;
    let bytes = memoryview::contiguous_bytes(vm, live(vm, recv)?)?;
    crate::objects::byte_methods::hex_string(vm, &bytes, rest[0], rest[1])
}

/// Flat items equal to `value`, for `count` and `index`.
fn matches(vm: &mut Vm, recv: &Value, value: &Value) -> PyResult<Vec<bool>> {
    let items = memoryview::items(vm, live(vm, recv)?)?;
    let mut out = Vec::with_capacity(items.len());
    for item in &items {
        out.push(vm.eq(item, value)?);
    }
    Ok(out)
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, rest) = receiver(vm, &args, "count", Shape::One)?;
    let found = matches(vm, recv, rest[0].unwrap_or(&Value::None))?;
    Ok(Value::Int(found.iter().filter(|&&f| f).count() as i64))
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let shape = Shape::Positional { min: 1, max: 3 };
    let (recv, rest) = receiver(vm, &args, "index", shape)?;
    let found = matches(vm, recv, rest[0].unwrap_or(&Value::None))?;
    let len = found.len();
    let start = crate::objects::native_args::slice_bound(vm, rest.get(1).copied().flatten())?;
    let stop = crate::objects::native_args::slice_bound(vm, rest.get(2).copied().flatten())?;
    let (start, stop) = crate::objects::native_args::adjust_indices(start, stop, len);
    (start..stop.max(start))
        .find(|&i| found.get(i).copied().unwrap_or(false))
        .map(|i| Value::Int(i as i64))
        .ok_or_else(|| vm.value_error("memoryview.index(x): x not found"))
}

/// `cast(format, shape=None)`: reinterpret a C-contiguous view.
fn cast(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let shape = Shape::Keywords {
        names: &["format", "shape"],
        min: 1,
    };
    let (recv, rest) = receiver(vm, &args, "cast", shape)?;
    let m = live(vm, recv)?;
    let format_arg = rest[0].unwrap_or(&Value::None);
    let Some(text) = format_arg.as_obj().and_then(|o| o.as_str()) else {
        return Err(vm.type_error("memoryview: format argument must be a string"));
    };
    let Some(format) = ItemFormat::parse(text.as_str()) else {
        return Err(vm.value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    if !m.is_contiguous() {
        return Err(vm.type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    if !format.is_byte_format() && !m.format.is_byte_format() {
        return Err(vm.type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let shape = cast_shape(vm, m, format, rest[1])?;
    Ok(memoryview::recast(vm, m, format, shape))
}

/// The shape a cast asks for, checked against the view's size.
fn cast_shape(
    vm: &mut Vm,
    m: &MemoryViewData,
    format: ItemFormat,
    shape: Option<&Value>,
) -> PyResult<Vec<usize>> {
    let nbytes = m.nbytes();
    let Some(shape) = shape.filter(|s| !s.is_none()) else {
        if !nbytes.is_multiple_of(format.size) {
            return Err(vm.type_error("memoryview: length is not a multiple of itemsize"));
        }
        return Ok(vec![nbytes / format.size]);
    };
    let items = match shape.payload() {
        Some(Payload::List(l)) => l.borrow().clone(),
        Some(Payload::Tuple(t)) => t.to_vec(),
        _ => return Err(vm.type_error("shape must be a list or a tuple")),
    };
    let mut dims = Vec::with_capacity(items.len());
    for item in &items {
        let n = vm.index_value(item)?;
        let n = usize::try_from(n).ok().filter(|&n| n > 0).ok_or_else(|| {
            vm.value_error("memoryview.cast(): elements of shape must be integers > 0")
        })?;
        dims.push(n);
    }
    let total = dims
        .iter()
        .try_fold(format.size, |acc, &n| acc.checked_mul(n));
    if total != Some(nbytes) {
        return Err(vm.type_error("memoryview: product(shape) * itemsize != buffer size"));
    }
    Ok(dims)
}

/// The attributes; `None` when `name` is not one. All but `obj` of a released view
/// raise ValueError.
pub fn attribute(vm: &Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    const NAMES: &[&str] = &[
        "obj",
        "nbytes",
        "readonly",
        "itemsize",
        "format",
        "ndim",
        "shape",
        "strides",
        "suboffsets",
        "c_contiguous",
        "f_contiguous",
        "contiguous",
    ];
    if !NAMES.contains(&name) {
        return Ok(None);
    }
    let m = live(vm, v)?;
    let ints = |items: Vec<i64>| vm.new_tuple(items.into_iter().map(Value::Int).collect());
    let contiguous = m.is_contiguous();
    Ok(Some(match name {
        "obj" => m.obj.clone(),
        "nbytes" => Value::Int(m.nbytes() as i64),
        "readonly" => Value::Bool(m.readonly),
        "itemsize" => Value::Int(m.format.size as i64),
        "format" => vm.new_str(&m.format.text()),
        "ndim" => Value::Int(m.shape.len() as i64),
        "shape" => ints(m.shape.iter().map(|&n| n as i64).collect()),
        "strides" => ints(m.strides.iter().map(|&s| s as i64).collect()),
        "suboffsets" => vm.new_tuple(vec![]),
        "f_contiguous" => {
            Value::Bool(contiguous && m.shape.iter().filter(|&&n| n > 1).count() <= 1)
        }
        _ => Value::Bool(contiguous),
    }))
}
