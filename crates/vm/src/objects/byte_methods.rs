//! The methods `bytes` and `bytearray` share (search, split, strip, join, case and
//! class tests, `hex`, `decode`...), written once over the receiver's bytes. Each is
//! registered for both types through `byte_method_table!`, which binds the receiver
//! kind: it decides error messages and the type of results.

use std::borrow::Cow;

use crate::error::PyResult;
use crate::object::Payload;
use crate::objects::buffer::bytes_like;
use crate::objects::byte_methods_text as text;
use crate::objects::bytes::{byte_value, ByteKind};
use crate::objects::codecs;
use crate::objects::function::{Args, NativeFn};
use crate::objects::native_args::{adjust_indices, bind, opt_size, slice_bound, MethodName, Shape};
use crate::objects::str_search::iterable_items;
use crate::protocol::number::as_int;
use crate::value::Value;
use crate::vm::Vm;

/// The method table for one receiver kind.
macro_rules! byte_method_table {
    ($kind:expr) => {
        &[
            ("__buffer__", |vm, args| buffer(vm, args, $kind)),
            ("capitalize", |vm, args| text::capitalize(vm, args, $kind)),
            ("center", |vm, args| text::center(vm, args, $kind)),
            ("count", |vm, args| count(vm, args, $kind)),
            ("decode", |vm, args| decode(vm, args, $kind)),
            ("endswith", |vm, args| endswith(vm, args, $kind)),
            ("expandtabs", |vm, args| text::expandtabs(vm, args, $kind)),
            ("find", |vm, args| find(vm, args, $kind)),
            ("hex", |vm, args| hex(vm, args, $kind)),
            ("index", |vm, args| index(vm, args, $kind)),
            ("isalnum", |vm, args| isalnum(vm, args, $kind)),
            ("isalpha", |vm, args| isalpha(vm, args, $kind)),
            ("isascii", |vm, args| isascii(vm, args, $kind)),
            ("isdigit", |vm, args| isdigit(vm, args, $kind)),
            ("islower", |vm, args| islower(vm, args, $kind)),
            ("isspace", |vm, args| isspace(vm, args, $kind)),
            ("istitle", |vm, args| text::istitle(vm, args, $kind)),
            ("isupper", |vm, args| isupper(vm, args, $kind)),
            ("join", |vm, args| join(vm, args, $kind)),
            ("ljust", |vm, args| text::ljust(vm, args, $kind)),
            ("lower", |vm, args| lower(vm, args, $kind)),
            ("lstrip", |vm, args| lstrip(vm, args, $kind)),
            ("partition", |vm, args| partition(vm, args, $kind)),
            ("removeprefix", |vm, args| removeprefix(vm, args, $kind)),
            ("removesuffix", |vm, args| removesuffix(vm, args, $kind)),
            ("replace", |vm, args| replace(vm, args, $kind)),
            ("rfind", |vm, args| rfind(vm, args, $kind)),
            ("rindex", |vm, args| rindex(vm, args, $kind)),
            ("rjust", |vm, args| text::rjust(vm, args, $kind)),
            ("rpartition", |vm, args| rpartition(vm, args, $kind)),
            ("rsplit", |vm, args| rsplit(vm, args, $kind)),
            ("rstrip", |vm, args| rstrip(vm, args, $kind)),
            ("split", |vm, args| split(vm, args, $kind)),
            ("splitlines", |vm, args| text::splitlines(vm, args, $kind)),
            ("startswith", |vm, args| startswith(vm, args, $kind)),
            ("strip", |vm, args| strip(vm, args, $kind)),
            ("swapcase", |vm, args| text::swapcase(vm, args, $kind)),
            ("title", |vm, args| text::title(vm, args, $kind)),
            ("translate", |vm, args| text::translate(vm, args, $kind)),
            ("upper", |vm, args| upper(vm, args, $kind)),
            ("zfill", |vm, args| text::zfill(vm, args, $kind)),
        ]
    };
}

pub const BYTES_METHODS: &[(&str, NativeFn)] = byte_method_table!(ByteKind::Bytes);
pub const BYTEARRAY_METHODS: &[(&str, NativeFn)] = byte_method_table!(ByteKind::ByteArray);

// ----- arguments -----

/// A method's receiver bytes and its other arguments.
type Receiver<'a> = (Cow<'a, [u8]>, Vec<Option<&'a Value>>);

/// The receiver's bytes (copied for a bytearray, so no borrow outlives the call) and
/// the other arguments bound to `shape`.
pub(crate) fn recv_args<'a>(
    vm: &Vm,
    args: &Args<'a>,
    kind: ByteKind,
    name: &'static str,
    shape: &Shape,
) -> PyResult<Receiver<'a>> {
    let owner = kind.name();
    let (recv, rest) = bind(vm, args, MethodName { owner, name }, shape)?;
    let data = match (kind, recv.payload()) {
        (ByteKind::Bytes, Some(Payload::Bytes(b))) => Cow::Borrowed(&b[..]),
        (ByteKind::ByteArray, Some(Payload::ByteArray(b))) => Cow::Owned(b.bytes.borrow().clone()),
        _ => {
            return Err(vm.type_error(format!(
                "descriptor '{name}' for '{owner}' objects doesn't apply to a '{}' object",
                vm.type_name(recv)
            )))
        }
    };
    Ok((data, rest))
}

/// A result equal to the receiver: the receiver itself when it is an exact `bytes`
/// (CPython shares it), else a new object of the kind.
pub(crate) fn unchanged(vm: &Vm, args: &Args, kind: ByteKind, data: &[u8]) -> Value {
    match args.pos().first() {
        Some(recv)
            if kind == ByteKind::Bytes
                && std::rc::Rc::ptr_eq(&vm.type_of(recv), &vm.types().bytes) =>
        {
            recv.clone()
        }
        _ => kind.make(vm, data.to_vec()),
    }
}

/// A bytes-like argument (absent: empty).
fn buffer_arg<'a>(vm: &Vm, v: Option<&'a Value>) -> PyResult<Cow<'a, [u8]>> {
    match v {
        Some(v) => crate::objects::buffer::require_bytes_like(vm, v),
        None => Ok(Cow::Borrowed(&[])),
    }
}

// ----- searching -----

/// Offset of the first (or, `from_right`, the last) `needle` in `hay`; an empty
/// needle matches at the start (the end).
pub fn find_bytes(hay: &[u8], needle: &[u8], from_right: bool) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    if from_right {
        let last = hay.len() - needle.len();
        return (0..=last)
            .rev()
            .find(|&i| hay[i..i + needle.len()] == *needle);
    }
    if let [byte] = needle {
        return crate::objects::str_find::find_byte(*byte, hay);
    }
    // SAFETY: both pointer/length pairs describe live slices; glibc's `memmem` (a
    // linear-time two-way search) reads only within them and returns null or a
    // pointer into `hay`.
    let at = unsafe {
        libc::memmem(
            hay.as_ptr().cast(),
            hay.len(),
            needle.as_ptr().cast(),
            needle.len(),
        )
    };
    (!at.is_null()).then(|| at as usize - hay.as_ptr() as usize)
}

/// What `find`/`count`... look for, and where: `data[start..end]`, or nowhere when
/// the range is inverted (`end` is `None`).
struct Search<'a> {
    data: Cow<'a, [u8]>,
    needle: Vec<u8>,
    start: usize,
    end: Option<usize>,
}

impl Search<'_> {
    fn window(&self) -> Option<&[u8]> {
        self.end.map(|end| &self.data[self.start..end])
    }
}

/// The arguments of `find`/`count`...: the needle is bytes-like or a byte value.
fn search_args<'a>(
    vm: &mut Vm,
    args: &Args<'a>,
    kind: ByteKind,
    name: &'static str,
) -> PyResult<Search<'a>> {
    let (data, rest) = recv_args(vm, args, kind, name, &Shape::Positional { min: 1, max: 3 })?;
    let sub = rest[0].unwrap_or(&Value::None);
    let needle = match bytes_like(vm, sub)? {
        Some(b) => b.into_owned(),
        None if as_int(sub).is_some() => {
            vec![byte_value(vm, sub, "byte must be in range(0, 256)")?]
        }
        None => {
            return Err(vm.type_error(format!(
                "argument should be integer or bytes-like object, not '{}'",
                vm.type_name(sub)
            )))
        }
    };
    let start = slice_bound(vm, rest.get(1).copied().flatten())?;
    let end = slice_bound(vm, rest.get(2).copied().flatten())?;
    let (start, end) = adjust_indices(start, end, data.len());
    Ok(Search {
        data,
        needle,
        start,
        end: (start <= end).then_some(end),
    })
}

fn find_impl(
    vm: &mut Vm,
    args: Args,
    kind: ByteKind,
    name: &'static str,
    from_right: bool,
) -> PyResult<Option<usize>> {
    let search = search_args(vm, &args, kind, name)?;
    Ok(search
        .window()
        .and_then(|w| find_bytes(w, &search.needle, from_right))
        .map(|i| i + search.start))
}

fn find(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    Ok(Value::Int(
        find_impl(vm, args, kind, "find", false)?.map_or(-1, |i| i as i64),
    ))
}

fn rfind(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    Ok(Value::Int(
        find_impl(vm, args, kind, "rfind", true)?.map_or(-1, |i| i as i64),
    ))
}

fn index(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    let found = find_impl(vm, args, kind, "index", false)?;
    found
        .map(|i| Value::Int(i as i64))
        .ok_or_else(|| vm.value_error("subsection not found"))
}

fn rindex(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    let found = find_impl(vm, args, kind, "rindex", true)?;
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

fn count(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    let search = search_args(vm, &args, kind, "count")?;
    let n = match search.window() {
        None => 0,
        Some(w) if search.needle.is_empty() => w.len() + 1,
        Some(w) => match search.needle[..] {
            [byte] => count_byte(w, byte),
            _ => match_positions(w, &search.needle).len(),
        },
    };
    Ok(Value::Int(n as i64))
}

/// How many times `byte` occurs in `data`, in one pass. Matches are summed per block
/// in byte-wide counters (a block is short enough that they cannot overflow), which the
/// compiler turns into whole-vector compares and adds; a word-wide count per byte
/// would handle only a few bytes per step.
fn count_byte(data: &[u8], byte: u8) -> usize {
    const BLOCK: usize = 128;
    let blocks = data.chunks_exact(BLOCK);
    let tail = blocks.remainder();
    let in_blocks: usize = blocks
        .map(|block| {
            let matches: u8 = block.iter().map(|&b| u8::from(b == byte)).sum();
            usize::from(matches)
        })
        .sum();
    in_blocks + tail.iter().filter(|&&b| b == byte).count()
}

fn affix(
    vm: &mut Vm,
    args: Args,
    kind: ByteKind,
    name: &'static str,
    at_end: bool,
) -> PyResult<Value> {
    let (data, rest) = recv_args(vm, &args, kind, name, &Shape::Positional { min: 1, max: 3 })?;
    let data: &[u8] = &data;
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
    if let Some(Payload::Tuple(items)) = arg.payload() {
        for it in items.iter() {
            if matches(&crate::objects::buffer::require_bytes_like(vm, it)?) {
                return Ok(Value::Bool(true));
            }
        }
        return Ok(Value::Bool(false));
    }
    match bytes_like(vm, arg)? {
        Some(p) => Ok(Value::Bool(matches(&p))),
        None => Err(vm.type_error(format!(
            "{name} first arg must be bytes or a tuple of bytes, not {}",
            vm.type_name(arg)
        ))),
    }
}

fn startswith(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    affix(vm, args, kind, "startswith", false)
}

fn endswith(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    affix(vm, args, kind, "endswith", true)
}

fn replace(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    let (data, rest) = recv_args(
        vm,
        &args,
        kind,
        "replace",
        &Shape::Positional { min: 2, max: 3 },
    )?;
    let data: &[u8] = &data;
    let old = buffer_arg(vm, rest[0])?;
    let old: &[u8] = &old;
    let new = buffer_arg(vm, rest[1])?;
    let new: &[u8] = &new;
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
    Ok(kind.make(vm, out))
}

fn remove_affix(
    vm: &mut Vm,
    args: Args,
    kind: ByteKind,
    name: &'static str,
    suffix: bool,
) -> PyResult<Value> {
    let (data, rest) = recv_args(vm, &args, kind, name, &Shape::One)?;
    let data: &[u8] = &data;
    let affix = buffer_arg(vm, rest[0])?;
    let affix: &[u8] = &affix;
    let stripped = if suffix {
        data.strip_suffix(affix)
    } else {
        data.strip_prefix(affix)
    };
    Ok(kind.make(vm, stripped.unwrap_or(data).to_vec()))
}

fn removeprefix(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    remove_affix(vm, args, kind, "removeprefix", false)
}

fn removesuffix(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    remove_affix(vm, args, kind, "removesuffix", true)
}

// ----- split, strip, join -----

/// ASCII whitespace as bytes methods see it (with vertical tab, unlike Rust's).
pub(crate) fn is_space(b: &u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn trim_space_start(data: &[u8]) -> &[u8] {
    &data[data.iter().position(|b| !is_space(b)).unwrap_or(data.len())..]
}

fn trim_space_end(data: &[u8]) -> &[u8] {
    &data[..data.iter().rposition(|b| !is_space(b)).map_or(0, |i| i + 1)]
}

fn bytes_list(vm: &Vm, kind: ByteKind, parts: Vec<&[u8]>) -> Value {
    let items = parts
        .into_iter()
        .map(|p| kind.make(vm, p.to_vec()))
        .collect();
    vm.new_list(items)
}

/// The receiver, separator (`None`: whitespace) and split limit of `split`/`rsplit`.
type SplitArgs<'a> = (Cow<'a, [u8]>, Option<Cow<'a, [u8]>>, usize);

fn split_args<'a>(
    vm: &mut Vm,
    args: &Args<'a>,
    kind: ByteKind,
    name: &'static str,
) -> PyResult<SplitArgs<'a>> {
    let (data, rest) = recv_args(
        vm,
        args,
        kind,
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

fn split(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    let (data, sep, limit) = split_args(vm, &args, kind, "split")?;
    let (data, sep): (&[u8], Option<&[u8]>) = (&data, sep.as_deref());
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
    Ok(bytes_list(vm, kind, parts))
}

fn rsplit(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    let (data, sep, limit) = split_args(vm, &args, kind, "rsplit")?;
    let (data, sep): (&[u8], Option<&[u8]>) = (&data, sep.as_deref());
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
    Ok(bytes_list(vm, kind, parts))
}

fn strip_impl(
    vm: &mut Vm,
    args: Args,
    kind: ByteKind,
    name: &'static str,
    left: bool,
    right: bool,
) -> PyResult<Value> {
    let (data, rest) = recv_args(vm, &args, kind, name, &Shape::Positional { min: 0, max: 1 })?;
    let data: &[u8] = &data;
    let set = match rest.first().copied().flatten() {
        None | Some(Value::None) => None,
        Some(v) => Some(buffer_arg(vm, Some(v))?),
    };
    let strip_this = |b: &u8| match &set {
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
    Ok(kind.make(vm, out.to_vec()))
}

fn strip(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    strip_impl(vm, args, kind, "strip", true, true)
}

fn lstrip(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    strip_impl(vm, args, kind, "lstrip", true, false)
}

fn rstrip(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    strip_impl(vm, args, kind, "rstrip", false, true)
}

fn partition_impl(
    vm: &mut Vm,
    args: Args,
    kind: ByteKind,
    name: &'static str,
    from_right: bool,
) -> PyResult<Value> {
    let (data, rest) = recv_args(vm, &args, kind, name, &Shape::One)?;
    let data: &[u8] = &data;
    let sep = buffer_arg(vm, rest[0])?;
    let sep: &[u8] = &sep;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let parts: [&[u8]; 3] = match find_bytes(data, sep, from_right) {
        Some(i) => [&data[..i], sep, &data[i + sep.len()..]],
        None if from_right => [&[], &[], data],
        None => [data, &[], &[]],
    };
    let items = parts.iter().map(|p| kind.make(vm, p.to_vec())).collect();
    Ok(vm.new_tuple(items))
}

fn partition(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    partition_impl(vm, args, kind, "partition", false)
}

fn rpartition(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    partition_impl(vm, args, kind, "rpartition", true)
}

fn join(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    let (sep, rest) = recv_args(vm, &args, kind, "join", &Shape::One)?;
    let sep: &[u8] = &sep;
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
        match bytes_like(vm, it)? {
            Some(b) => out.extend_from_slice(&b),
            None => {
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {} found",
                    vm.type_name(it)
                )))
            }
        }
    }
    Ok(kind.make(vm, out))
}

// ----- case and classes (ASCII only) -----

fn map_bytes(
    vm: &mut Vm,
    args: Args,
    kind: ByteKind,
    name: &'static str,
    f: fn(&u8) -> u8,
) -> PyResult<Value> {
    let (data, _) = recv_args(vm, &args, kind, name, &Shape::NoArgs)?;
    Ok(kind.make(vm, data.iter().map(f).collect()))
}

fn lower(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    map_bytes(vm, args, kind, "lower", u8::to_ascii_lowercase)
}

fn upper(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    map_bytes(vm, args, kind, "upper", u8::to_ascii_uppercase)
}

/// Non-empty and every byte passes `test`.
fn all_bytes(
    vm: &mut Vm,
    args: Args,
    kind: ByteKind,
    name: &'static str,
    test: fn(&u8) -> bool,
) -> PyResult<Value> {
    let (data, _) = recv_args(vm, &args, kind, name, &Shape::NoArgs)?;
    Ok(Value::Bool(!data.is_empty() && data.iter().all(test)))
}

fn isalnum(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    all_bytes(vm, args, kind, "isalnum", u8::is_ascii_alphanumeric)
}

fn isalpha(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    all_bytes(vm, args, kind, "isalpha", u8::is_ascii_alphabetic)
}

fn isdigit(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    all_bytes(vm, args, kind, "isdigit", u8::is_ascii_digit)
}

fn isspace(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    all_bytes(vm, args, kind, "isspace", is_space)
}

fn isascii(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    let (data, _) = recv_args(vm, &args, kind, "isascii", &Shape::NoArgs)?;
    Ok(Value::Bool(data.is_ascii()))
}

type ByteTest = fn(&u8) -> bool;

/// `islower`/`isupper`: some cased byte, none of the other case.
fn cased_only(
    vm: &mut Vm,
    args: Args,
    kind: ByteKind,
    name: &'static str,
    upper: bool,
) -> PyResult<Value> {
    let (data, _) = recv_args(vm, &args, kind, name, &Shape::NoArgs)?;
    let (wanted, refused): (ByteTest, ByteTest) = if upper {
        (u8::is_ascii_uppercase, u8::is_ascii_lowercase)
    } else {
        (u8::is_ascii_lowercase, u8::is_ascii_uppercase)
    };
    Ok(Value::Bool(
        data.iter().any(wanted) && !data.iter().any(refused),
    ))
}

fn islower(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    cased_only(vm, args, kind, "islower", false)
}

fn isupper(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    cased_only(vm, args, kind, "isupper", true)
}

// ----- conversions -----

fn decode(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    let shape = Shape::Keywords {
        names: &["encoding", "errors"],
        min: 0,
    };
    let (data, rest) = recv_args(vm, &args, kind, "decode", &shape)?;
    let data: &[u8] = &data;
    let (codec, errors) = codecs::codec_args(vm, "decode", rest[0], rest[1])?;
    codecs::decode_with(vm, data, &args.pos()[0], &codec, &errors)
}

/// `__buffer__(flags)`: a memoryview of the receiver; a bytes refuses a writable
/// view (`PyBUF_WRITABLE`, bit 0).
fn buffer(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    let shape = Shape::Positional { min: 1, max: 1 };
    let (_, rest) = recv_args(vm, &args, kind, "__buffer__", &shape)?;
    let flags = match rest[0].map(|v| (v, as_int(v))) {
        Some((_, Some(crate::protocol::number::IntRef::Big(_)))) => {
            return Err(vm.overflow_error("cannot fit 'int' into an index-sized integer"))
        }
        Some((v, _)) => vm.index_value(v)?,
        None => 0,
    };
    if i32::try_from(flags).is_err() {
        return Err(vm.overflow_error("buffer flags out of range"));
    }
    if kind == ByteKind::Bytes && flags & 1 != 0 {
        return Err(vm.error(&vm.types().exc.buffer_error, "Object is not writable."));
    }
    crate::objects::memoryview::view_of(vm, &args.pos()[0])
}

/// `bytes.hex(sep=..., bytes_per_sep=1)`.
fn hex(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    let shape = Shape::Keywords {
        names: &["sep", "bytes_per_sep"],
        min: 0,
    };
    let (data, rest) = recv_args(vm, &args, kind, "hex", &shape)?;
    let data: &[u8] = &data;
    hex_string(vm, data, rest[0], rest[1])
}

/// The `hex()` of bytes, bytearray and memoryview: groups counted from the right, or
/// from the left when `bytes_per_sep` is negative.
pub fn hex_string(
    vm: &mut Vm,
    data: &[u8],
    sep: Option<&Value>,
    bytes_per_sep: Option<&Value>,
) -> PyResult<Value> {
    let sep = match sep.map(|v| (v, v.payload())) {
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
    let per = opt_size(vm, bytes_per_sep, 1)?;
    let group = per.unsigned_abs();
    let mut out = String::with_capacity(data.len() * 3);
    for (i, b) in data.iter().enumerate() {
        if let Some(sep) = sep.filter(|_| i > 0 && group > 0) {
            let boundary = if per > 0 {
                (data.len() - i).is_multiple_of(group)
            } else {
                i.is_multiple_of(group)
            };
            if boundary {
                out.push(sep);
            }
        }
        out.push_str(&format!("{b:02x}"));
    }
    Ok(vm.new_str(&out))
}
