//! The `bytes` type: construction, and its methods (ASCII-only case and class tests,
//! search, split, strip, join, `hex`/`fromhex`, `decode`).

use crate::builtins::{add_methods, new_builtin};
use crate::error::PyResult;
use crate::object::{Payload, PyObject};
use crate::objects::codecs;
use crate::objects::dict;
use crate::objects::function::{Args, NativeFn};
use crate::objects::native_args::{adjust_indices, bind, opt_size, slice_bound, MethodName, Shape};
use crate::objects::str_search::iterable_items;
use crate::protocol::number::{as_int, IntRef};
use crate::value::Value;
use crate::vm::Vm;

pub fn new_bytes(vm: &Vm, data: Vec<u8>) -> Value {
    Value::obj(PyObject::new(
        vm.types().bytes.clone(),
        Payload::Bytes(data.into_boxed_slice()),
    ))
}

pub fn install(vm: &Vm) {
    let ty = vm.types().bytes.clone();
    const METHODS: &[(&str, NativeFn)] = &[
        ("count", count),
        ("decode", decode),
        ("endswith", endswith),
        ("find", find),
        ("hex", hex),
        ("index", index),
        ("isalnum", isalnum),
        ("isalpha", isalpha),
        ("isascii", isascii),
        ("isdigit", isdigit),
        ("islower", islower),
        ("isspace", isspace),
        ("isupper", isupper),
        ("join", join),
        ("lower", lower),
        ("lstrip", lstrip),
        ("partition", partition),
        ("removeprefix", removeprefix),
        ("removesuffix", removesuffix),
        ("replace", replace),
        ("rfind", rfind),
        ("rindex", rindex),
        ("rpartition", rpartition),
        ("rsplit", rsplit),
        ("rstrip", rstrip),
        ("split", split),
        ("startswith", startswith),
        ("strip", strip),
        ("upper", upper),
    ];
    add_methods(vm, &ty, METHODS);
    if let Some(d) = ty.dict_obj() {
        dict::set_str(vm, &d, "fromhex", new_builtin(vm, "fromhex", fromhex, None));
    }
}

/// `bytes(...)`: empty, from a str with an encoding, a count of zero bytes, or an
/// iterable of ints.
pub fn construct(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut slots: [Option<&Value>; 3] = [None; 3];
    let pos = args.pos();
    if pos.len() > 3 {
        return Err(vm.type_error(format!(
            "bytes() takes at most 3 arguments ({} given)",
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
            other => {
                return Err(vm.type_error(format!(
                    "bytes() got an unexpected keyword argument '{other}'"
                )))
            }
        };
        slots[i] = Some(v);
    }
    let [source, encoding, errors] = slots;
    let Some(source) = source else {
        if encoding.is_some() || errors.is_some() {
            return Err(vm.type_error("encoding or errors without sequence argument"));
        }
        return Ok(new_bytes(vm, Vec::new()));
    };
    if let Some(Payload::Str(s)) = source.payload() {
        if encoding.is_none() {
            return Err(vm.type_error("string argument without an encoding"));
        }
        let (codec, errors) = codecs::codec_args(vm, "bytes", encoding, errors)?;
        let data = codecs::encode(vm, s.as_str(), source, codec, &errors)?;
        return Ok(new_bytes(vm, data));
    }
    if encoding.is_some() {
        return Err(vm.type_error("encoding without a string argument"));
    }
    if errors.is_some() {
        return Err(vm.type_error("errors without a string argument"));
    }
    if let Some(Payload::Bytes(b)) = source.payload() {
        return Ok(new_bytes(vm, b.to_vec()));
    }
    if let Some(n) = as_int(source) {
        return match n {
            IntRef::Small(n) if n < 0 => Err(vm.value_error("negative count")),
            IntRef::Small(n) => Ok(new_bytes(vm, vec![0; n as usize])),
            IntRef::Big(_) => {
                Err(vm.overflow_error("cannot fit 'int' into an index-sized integer"))
            }
        };
    }
    if crate::protocol::number::as_float(source).is_some() {
        return Err(vm.type_error(format!(
            "cannot convert '{}' object to bytes",
            vm.type_name(source)
        )));
    }
    let items = iterable_items(
        vm,
        source,
        &format!("cannot convert '{}' object to bytes", vm.type_name(source)),
    )?;
    let mut data = Vec::with_capacity(items.len());
    for it in &items {
        data.push(byte_value(vm, it, "bytes must be in range(0, 256)")?);
    }
    Ok(new_bytes(vm, data))
}

/// `b[i]` (an int) and `b[i:j:k]` (bytes).
pub fn get_item(vm: &mut Vm, data: &[u8], key: &Value) -> PyResult<Value> {
    if let Some(Payload::Slice(s)) = key.payload() {
        let idx = vm.slice_indices(s, data.len())?;
        let out = idx
            .positions()
            .filter_map(|p| data.get(p).copied())
            .collect();
        return Ok(new_bytes(vm, out));
    }
    if as_int(key).is_none() && vm.lookup_special_heap(key, "__index__").is_none() {
        return Err(vm.type_error(format!(
            "byte indices must be integers or slices, not {}",
            vm.type_name(key)
        )));
    }
    let i = vm.index_value(key)?;
    let j = if i < 0 { i + data.len() as isize } else { i };
    match usize::try_from(j).ok().and_then(|j| data.get(j)) {
        Some(&b) => Ok(Value::Int(b as i64)),
        None => Err(vm.index_error("index out of range")),
    }
}

/// `item in data`: a byte value or a bytes subsequence.
pub fn contains(vm: &mut Vm, data: &[u8], item: &Value) -> PyResult<bool> {
    match item.payload() {
        Some(Payload::Bytes(sub)) => Ok(find_bytes(data, sub, false).is_some()),
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
fn byte_value(vm: &mut Vm, v: &Value, range_message: &str) -> PyResult<u8> {
    let i = vm.index_value(v)?;
    u8::try_from(i).map_err(|_| vm.value_error(range_message))
}

// ----- arguments -----

fn bytes_args<'a>(
    vm: &Vm,
    args: &Args<'a>,
    name: &'static str,
    shape: &Shape,
) -> PyResult<(&'a [u8], Vec<Option<&'a Value>>)> {
    let (recv, rest) = bind(
        vm,
        args,
        MethodName {
            owner: "bytes",
            name,
        },
        shape,
    )?;
    match recv.payload() {
        Some(Payload::Bytes(b)) => Ok((b, rest)),
        _ => Err(vm.type_error(format!(
            "descriptor '{name}' for 'bytes' objects doesn't apply to a '{}' object",
            vm.type_name(recv)
        ))),
    }
}

/// A bytes-like argument.
fn buffer_arg<'a>(vm: &Vm, v: Option<&'a Value>) -> PyResult<&'a [u8]> {
    match v.map(|v| (v, v.payload())) {
        Some((_, Some(Payload::Bytes(b)))) => Ok(b),
        Some((v, _)) => Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))),
        None => Ok(&[]),
    }
}

// ----- searching -----

fn find_bytes(hay: &[u8], needle: &[u8], from_right: bool) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    let last = hay.len() - needle.len();
    let matches_at = |i: &usize| hay[*i..*i + needle.len()] == *needle;
    if from_right {
        (0..=last).rev().find(matches_at)
    } else {
        (0..=last).find(matches_at)
    }
}

/// What `find`/`count`... look for, and where: `window` starts at `start`, and is
/// `None` when the range is inverted.
struct Search<'a> {
    needle: Vec<u8>,
    start: usize,
    window: Option<&'a [u8]>,
}

/// The arguments of `find`/`count`...: the needle is bytes or a byte value.
fn search_args<'a>(vm: &mut Vm, args: &Args<'a>, name: &'static str) -> PyResult<Search<'a>> {
    let (data, rest) = bytes_args(vm, args, name, &Shape::Positional { min: 1, max: 3 })?;
    let sub = rest[0].unwrap_or(&Value::None);
    let needle = match sub.payload() {
        Some(Payload::Bytes(b)) => b.to_vec(),
        _ if as_int(sub).is_some() => vec![byte_value(vm, sub, "byte must be in range(0, 256)")?],
        _ => {
            return Err(vm.type_error(format!(
                "argument should be integer or bytes-like object, not '{}'",
                vm.type_name(sub)
            )))
        }
    };
    let start = slice_bound(vm, rest.get(1).copied().flatten())?;
    let end = slice_bound(vm, rest.get(2).copied().flatten())?;
    let (start, end) = adjust_indices(start, end, data.len());
    let window = (start <= end).then(|| &data[start..end]);
    Ok(Search {
        needle,
        start,
        window,
    })
}

fn find_impl(
    vm: &mut Vm,
    args: Args,
    name: &'static str,
    from_right: bool,
) -> PyResult<Option<usize>> {
    let Search {
        needle,
        start,
        window,
    } = search_args(vm, &args, name)?;
    Ok(window
        .and_then(|w| find_bytes(w, &needle, from_right))
        .map(|i| i + start))
}

fn find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(
        find_impl(vm, args, "find", false)?.map_or(-1, |i| i as i64),
    ))
}

fn rfind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(
        find_impl(vm, args, "rfind", true)?.map_or(-1, |i| i as i64),
    ))
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let found = find_impl(vm, args, "index", false)?;
    found
        .map(|i| Value::Int(i as i64))
        .ok_or_else(|| vm.value_error("subsection not found"))
}

fn rindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let found = find_impl(vm, args, "rindex", true)?;
    found
        .map(|i| Value::Int(i as i64))
        .ok_or_else(|| vm.value_error("subsection not found"))
}

/// Non-overlapping occurrences from the left (`needle` non-empty).
fn match_positions(hay: &[u8], needle: &[u8]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(at) = find_bytes(&hay[i..], needle, false) {
        out.push(i + at);
        i += at + needle.len();
    }
    out
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Search { needle, window, .. } = search_args(vm, &args, "count")?;
    let n = match window {
        None => 0,
        Some(w) if needle.is_empty() => w.len() + 1,
        Some(w) => match_positions(w, &needle).len(),
    };
    Ok(Value::Int(n as i64))
}

fn affix(vm: &mut Vm, args: Args, name: &'static str, at_end: bool) -> PyResult<Value> {
    let (data, rest) = bytes_args(vm, &args, name, &Shape::Positional { min: 1, max: 3 })?;
    let start = slice_bound(vm, rest.get(1).copied().flatten())?;
    let end = slice_bound(vm, rest.get(2).copied().flatten())?;
    let (start, end) = adjust_indices(start, end, data.len());
    let window = (start <= end).then(|| &data[start..end]);
    let matches = |p: &[u8]| {
        window.is_some_and(|w| {
            if at_end {
                w.ends_with(p)
            } else {
                w.starts_with(p)
            }
        })
    };
    let arg = rest[0].unwrap_or(&Value::None);
    match arg.payload() {
        Some(Payload::Bytes(p)) => Ok(Value::Bool(matches(p))),
        Some(Payload::Tuple(items)) => {
            for it in items.iter() {
                match it.payload() {
                    Some(Payload::Bytes(p)) if matches(p) => return Ok(Value::Bool(true)),
                    Some(Payload::Bytes(_)) => {}
                    _ => {
                        return Err(vm.type_error(format!(
                            "a bytes-like object is required, not '{}'",
                            vm.type_name(it)
                        )))
                    }
                }
            }
            Ok(Value::Bool(false))
        }
        _ => Err(vm.type_error(format!(
            "{name} first arg must be bytes or a tuple of bytes, not {}",
            vm.type_name(arg)
        ))),
    }
}

fn startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, args, "startswith", false)
}

fn endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, args, "endswith", true)
}

fn replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, rest) = bytes_args(vm, &args, "replace", &Shape::Positional { min: 2, max: 3 })?;
    let old = buffer_arg(vm, rest[0])?;
    let new = buffer_arg(vm, rest[1])?;
    let limit =
        usize::try_from(opt_size(vm, rest.get(2).copied().flatten(), -1)?).unwrap_or(usize::MAX);
    let mut out = Vec::with_capacity(data.len());
    if old.is_empty() {
        let mut inserted = 0;
        for &b in data {
            if inserted < limit {
                out.extend_from_slice(new);
                inserted += 1;
            }
            out.push(b);
        }
        if inserted < limit {
            out.extend_from_slice(new);
        }
    } else {
        let mut last = 0;
        for at in match_positions(data, old).into_iter().take(limit) {
            out.extend_from_slice(&data[last..at]);
            out.extend_from_slice(new);
            last = at + old.len();
        }
        out.extend_from_slice(&data[last..]);
    }
    Ok(new_bytes(vm, out))
}

fn remove_affix(vm: &mut Vm, args: Args, name: &'static str, suffix: bool) -> PyResult<Value> {
    let (data, rest) = bytes_args(vm, &args, name, &Shape::One)?;
    let affix = buffer_arg(vm, rest[0])?;
    let stripped = if suffix {
        data.strip_suffix(affix)
    } else {
        data.strip_prefix(affix)
    };
    Ok(new_bytes(vm, stripped.unwrap_or(data).to_vec()))
}

fn removeprefix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    remove_affix(vm, args, "removeprefix", false)
}

fn removesuffix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    remove_affix(vm, args, "removesuffix", true)
}

// ----- split, strip, join -----

/// ASCII whitespace as bytes methods see it (with vertical tab, unlike Rust's).
fn is_space(b: &u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn trim_space_start(data: &[u8]) -> &[u8] {
    &data[data.iter().position(|b| !is_space(b)).unwrap_or(data.len())..]
}

fn trim_space_end(data: &[u8]) -> &[u8] {
    &data[..data.iter().rposition(|b| !is_space(b)).map_or(0, |i| i + 1)]
}

fn bytes_list(vm: &Vm, parts: Vec<&[u8]>) -> Value {
    let items = parts
        .into_iter()
        .map(|p| new_bytes(vm, p.to_vec()))
        .collect();
    vm.new_list(items)
}

/// The receiver, separator (`None`: whitespace) and split limit of `split`/`rsplit`.
type SplitArgs<'a> = (&'a [u8], Option<&'a [u8]>, usize);

fn split_args<'a>(vm: &mut Vm, args: &Args<'a>, name: &'static str) -> PyResult<SplitArgs<'a>> {
    let (data, rest) = bytes_args(
        vm,
        args,
        name,
        &Shape::Keywords {
            names: &["sep", "maxsplit"],
            min: 0,
        },
    )?;
    let sep = match rest[0] {
        None | Some(Value::None) => None,
        Some(v) => {
            let sep = buffer_arg(vm, Some(v))?;
            if sep.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(sep)
        }
    };
    let maxsplit = opt_size(vm, rest[1], -1)?;
    Ok((data, sep, usize::try_from(maxsplit).unwrap_or(usize::MAX)))
}

fn split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, sep, limit) = split_args(vm, &args, "split")?;
    let parts = match sep {
        Some(sep) => {
            let mut parts = Vec::new();
            let mut last = 0;
            for at in match_positions(data, sep).into_iter().take(limit) {
                parts.push(&data[last..at]);
                last = at + sep.len();
            }
            parts.push(&data[last..]);
            parts
        }
        None => {
            let mut parts = Vec::new();
            let mut rest = trim_space_start(data);
            while !rest.is_empty() {
                if parts.len() == limit {
                    parts.push(rest);
                    break;
                }
                let end = rest.iter().position(is_space).unwrap_or(rest.len());
                parts.push(&rest[..end]);
                rest = trim_space_start(&rest[end..]);
            }
            parts
        }
    };
    Ok(bytes_list(vm, parts))
}

fn rsplit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, sep, limit) = split_args(vm, &args, "rsplit")?;
    let mut parts = Vec::new();
    let mut rest = match sep {
        Some(_) => data,
        None => trim_space_end(data),
    };
    while sep.is_some() || !rest.is_empty() {
        if parts.len() == limit {
            parts.push(rest);
            break;
        }
        let found = match sep {
            Some(sep) => find_bytes(rest, sep, true).map(|at| (at, at + sep.len())),
            None => rest.iter().rposition(is_space).map(|at| (at, at + 1)),
        };
        let Some((at, after)) = found else {
            parts.push(rest);
            break;
        };
        parts.push(&rest[after..]);
        rest = if sep.is_some() {
            &rest[..at]
        } else {
            trim_space_end(&rest[..at])
        };
    }
    parts.reverse();
    Ok(bytes_list(vm, parts))
}

fn strip_impl(
    vm: &mut Vm,
    args: Args,
    name: &'static str,
    left: bool,
    right: bool,
) -> PyResult<Value> {
    let (data, rest) = bytes_args(vm, &args, name, &Shape::Positional { min: 0, max: 1 })?;
    let set = match rest.first().copied().flatten() {
        None | Some(Value::None) => None,
        Some(v) => Some(buffer_arg(vm, Some(v))?),
    };
    let strip_this = |b: &u8| match set {
        None => is_space(b),
        Some(set) => set.contains(b),
    };
    let mut out = data;
    if left {
        out = &out[out.iter().position(|b| !strip_this(b)).unwrap_or(out.len())..];
    }
    if right {
        out = &out[..out
            .iter()
            .rposition(|b| !strip_this(b))
            .map_or(0, |i| i + 1)];
    }
    Ok(new_bytes(vm, out.to_vec()))
}

fn strip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, "strip", true, true)
}

fn lstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, "lstrip", true, false)
}

fn rstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, "rstrip", false, true)
}

fn partition_impl(
    vm: &mut Vm,
    args: Args,
    name: &'static str,
    from_right: bool,
) -> PyResult<Value> {
    let (data, rest) = bytes_args(vm, &args, name, &Shape::One)?;
    let sep = buffer_arg(vm, rest[0])?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let parts: [&[u8]; 3] = match find_bytes(data, sep, from_right) {
        Some(i) => [&data[..i], sep, &data[i + sep.len()..]],
        None if from_right => [&[], &[], data],
        None => [data, &[], &[]],
    };
    let items = parts.iter().map(|p| new_bytes(vm, p.to_vec())).collect();
    Ok(vm.new_tuple(items))
}

fn partition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(vm, args, "partition", false)
}

fn rpartition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(vm, args, "rpartition", true)
}

fn join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (sep, rest) = bytes_args(vm, &args, "join", &Shape::One)?;
    let items = iterable_items(
        vm,
        rest[0].unwrap_or(&Value::None),
        "can only join an iterable",
    )?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(sep);
        }
        match it.payload() {
            Some(Payload::Bytes(b)) => out.extend_from_slice(b),
            _ => {
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {} found",
                    vm.type_name(it)
                )))
            }
        }
    }
    Ok(new_bytes(vm, out))
}

// ----- case and classes (ASCII only) -----

fn map_bytes(vm: &mut Vm, args: Args, name: &'static str, f: fn(&u8) -> u8) -> PyResult<Value> {
    let (data, _) = bytes_args(vm, &args, name, &Shape::NoArgs)?;
    Ok(new_bytes(vm, data.iter().map(f).collect()))
}

fn lower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_bytes(vm, args, "lower", u8::to_ascii_lowercase)
}

fn upper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_bytes(vm, args, "upper", u8::to_ascii_uppercase)
}

/// Non-empty and every byte passes `test`.
fn all_bytes(
    vm: &mut Vm,
    args: Args,
    name: &'static str,
    test: fn(&u8) -> bool,
) -> PyResult<Value> {
    let (data, _) = bytes_args(vm, &args, name, &Shape::NoArgs)?;
    Ok(Value::Bool(!data.is_empty() && data.iter().all(test)))
}

fn isalnum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_bytes(vm, args, "isalnum", u8::is_ascii_alphanumeric)
}

fn isalpha(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_bytes(vm, args, "isalpha", u8::is_ascii_alphabetic)
}

fn isdigit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_bytes(vm, args, "isdigit", u8::is_ascii_digit)
}

fn isspace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_bytes(vm, args, "isspace", is_space)
}

fn isascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, _) = bytes_args(vm, &args, "isascii", &Shape::NoArgs)?;
    Ok(Value::Bool(data.is_ascii()))
}

type ByteTest = fn(&u8) -> bool;

/// `islower`/`isupper`: some cased byte, none of the other case.
fn cased_only(vm: &mut Vm, args: Args, name: &'static str, upper: bool) -> PyResult<Value> {
    let (data, _) = bytes_args(vm, &args, name, &Shape::NoArgs)?;
    let (wanted, refused): (ByteTest, ByteTest) = if upper {
        (u8::is_ascii_uppercase, u8::is_ascii_lowercase)
    } else {
        (u8::is_ascii_lowercase, u8::is_ascii_uppercase)
    };
    Ok(Value::Bool(
        data.iter().any(wanted) && !data.iter().any(refused),
    ))
}

fn islower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    cased_only(vm, args, "islower", false)
}

fn isupper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    cased_only(vm, args, "isupper", true)
}

// ----- conversions -----

fn decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let shape = Shape::Keywords {
        names: &["encoding", "errors"],
        min: 0,
    };
    let (data, rest) = bytes_args(vm, &args, "decode", &shape)?;
    let (codec, errors) = codecs::codec_args(vm, "decode", rest[0], rest[1])?;
    let text = codecs::decode(vm, data, &args.pos()[0], codec, &errors)?;
    Ok(vm.new_str(&text))
}

/// `bytes.hex(sep=..., bytes_per_sep=1)`: groups counted from the right, or from the
/// left when `bytes_per_sep` is negative.
fn hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let shape = Shape::Keywords {
        names: &["sep", "bytes_per_sep"],
        min: 0,
    };
    let (data, rest) = bytes_args(vm, &args, "hex", &shape)?;
    let sep = match rest[0].map(|v| (v, v.payload())) {
        None => None,
        Some((_, Some(Payload::Str(s)))) if s.char_len() == 1 && s.is_ascii() => s.char_at(0),
        Some((_, Some(Payload::Bytes(b)))) if b.len() == 1 && b[0].is_ascii() => Some(b[0] as char),
        Some((_, Some(Payload::Str(s)))) if s.char_len() == 1 => {
            return Err(vm.value_error("sep must be ASCII."))
        }
        Some((_, Some(Payload::Str(_) | Payload::Bytes(_)))) => {
            return Err(vm.value_error("sep must be length 1."))
        }
        Some((v, _)) => {
            return Err(vm.type_error(format!("object of type '{}' has no len()", vm.type_name(v))))
        }
    };
    let per = opt_size(vm, rest[1], 1)?;
    let group = per.unsigned_abs();
    let mut out = String::with_capacity(data.len() * 3);
    for (i, b) in data.iter().enumerate() {
        if let Some(sep) = sep.filter(|_| i > 0 && group > 0) {
            let boundary = if per > 0 {
                (data.len() - i) % group == 0
            } else {
                i % group == 0
            };
            if boundary {
                out.push(sep);
            }
        }
        out.push_str(&format!("{b:02x}"));
    }
    Ok(vm.new_str(&out))
}

/// `bytes.fromhex(string)`: pairs of hex digits, whitespace allowed between pairs.
fn fromhex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    let [arg] = pos else {
        return Err(vm.type_error(format!(
            "fromhex() takes exactly one argument ({} given)",
            pos.len()
        )));
    };
    let text: Vec<u8> = match arg.payload() {
        Some(Payload::Str(s)) => s
            .as_str()
            .chars()
            .map(|c| if c.is_ascii() { c as u8 } else { 0xff })
            .collect(),
        Some(Payload::Bytes(b)) => b.to_vec(),
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
        if text[i].is_ascii_whitespace() {
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
    Ok(new_bytes(vm, out))
}
