//! The text-like methods `bytes` and `bytearray` share, over ASCII: case changes
//! (`capitalize`, `swapcase`, `title`, `istitle`), padding (`center`, `ljust`, `rjust`,
//! `zfill`), `expandtabs`, `splitlines`, and `translate` with the static `maketrans`.
//! They are registered through `byte_methods.rs`'s table, which binds the receiver kind.

use crate::error::PyResult;
use crate::object::{Payload, PyObject};
use crate::objects::buffer::require_bytes_like;
use crate::objects::byte_methods::{recv_args, unchanged};
use crate::objects::bytes::{try_alloc, ByteKind};
use crate::objects::function::Args;
use crate::objects::native_args::{opt_size, Shape};
use crate::protocol::number::{as_int, IntRef};
use crate::value::Value;
use crate::vm::Vm;

// ----- case -----

fn map_all(
    vm: &mut Vm,
    args: Args,
    kind: ByteKind,
    name: &'static str,
    map: fn(&[u8]) -> Vec<u8>,
) -> PyResult<Value> {
    let (data, _) = recv_args(vm, &args, kind, name, &Shape::NoArgs)?;
    Ok(kind.make(vm, map(&data)))
}

pub fn capitalize(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    map_all(vm, args, kind, "capitalize", |data| {
        let mut out = data.to_ascii_lowercase();
        if let Some(first) = out.first_mut() {
            first.make_ascii_uppercase();
        }
        out
    })
}

pub fn swapcase(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    map_all(vm, args, kind, "swapcase", |data| {
        data.iter()
            .map(|&b| match b {
                b'a'..=b'z' => b.to_ascii_uppercase(),
                b'A'..=b'Z' => b.to_ascii_lowercase(),
                _ => b,
            })
            .collect()
    })
}

/// Each run of letters starts upper case and goes on lower case.
pub fn title(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    map_all(vm, args, kind, "title", |data| {
        let mut previous_cased = false;
        data.iter()
            .map(|&b| {
                let cased = b.is_ascii_alphabetic();
                let out = match (cased, previous_cased) {
                    (true, false) => b.to_ascii_uppercase(),
                    (true, true) => b.to_ascii_lowercase(),
                    (false, _) => b,
                };
                previous_cased = cased;
                out
            })
            .collect()
    })
}

pub fn istitle(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    let (data, _) = recv_args(vm, &args, kind, "istitle", &Shape::NoArgs)?;
    let mut any_cased = false;
    let mut previous_cased = false;
    for b in data.iter() {
        let cased = b.is_ascii_alphabetic();
        // An upper case letter may only start a run; a lower case one only continue it.
        if cased && b.is_ascii_uppercase() == previous_cased {
            return Ok(Value::Bool(false));
        }
        any_cased |= cased;
        previous_cased = cased;
    }
    Ok(Value::Bool(any_cased))
}

// ----- padding -----

/// The fill byte of `center`/`ljust`/`rjust` (a space when absent).
fn fill_byte(vm: &Vm, name: &str, v: Option<&Value>) -> PyResult<u8> {
    let (data, type_name) = match v.map(|v| (v, v.payload())) {
        None => return Ok(b' '),
        Some((_, Some(Payload::Bytes(b)))) => (b.to_vec(), "bytes"),
        Some((_, Some(Payload::ByteArray(b)))) => (b.bytes.borrow().clone(), "bytearray"),
        Some((v, _)) => {
            return Err(vm.type_error(format!(
                "{name}() argument 2 must be a byte string of length 1, not {}",
                vm.type_name(v)
            )))
        }
    };
    match data[..] {
        [b] => Ok(b),
        _ => Err(vm.type_error(format!(
            "{name}(): argument 2 must be a byte string of length 1, not a {type_name} object of length {}",
            data.len()
        ))),
    }
}

/// `data` with `left` and `right` fill bytes around it (MemoryError when too big).
fn padded(vm: &Vm, data: &[u8], left: usize, right: usize, fill: u8) -> PyResult<Vec<u8>> {
    let mut out = try_alloc(vm, data.len().saturating_add(left).saturating_add(right))?;
    out.resize(left, fill);
    out.extend_from_slice(data);
    out.resize(out.len() + right, fill);
    Ok(out)
}

/// Shared by `center`, `ljust` and `rjust`: `place(margin, width)` gives (left, right).
fn justify(
    vm: &mut Vm,
    args: Args,
    kind: ByteKind,
    name: &'static str,
    place: fn(usize, usize) -> (usize, usize),
) -> PyResult<Value> {
    let shape = Shape::Positional { min: 1, max: 2 };
    let (data, rest) = recv_args(vm, &args, kind, name, &shape)?;
    let width = opt_size(vm, rest[0], 0)?;
    let fill = fill_byte(vm, name, rest.get(1).copied().flatten())?;
    if width <= data.len() as isize {
        return Ok(unchanged(vm, &args, kind, &data));
    }
    let (left, right) = place(width as usize - data.len(), width as usize);
    let out = padded(vm, &data, left, right, fill)?;
    Ok(kind.make(vm, out))
}

pub fn center(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    justify(vm, args, kind, "center", |margin, width| {
        let left = margin / 2 + (margin & width & 1);
        (left, margin - left)
    })
}

pub fn ljust(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    justify(vm, args, kind, "ljust", |margin, _| (0, margin))
}

pub fn rjust(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    justify(vm, args, kind, "rjust", |margin, _| (margin, 0))
}

/// Zeros on the left, after a leading sign byte.
pub fn zfill(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    let (data, rest) = recv_args(vm, &args, kind, "zfill", &Shape::One)?;
    let width = opt_size(vm, rest[0], 0)?;
    if width <= data.len() as isize {
        return Ok(unchanged(vm, &args, kind, &data));
    }
    let mut out = padded(vm, &data, width as usize - data.len(), 0, b'0')?;
    let first = width as usize - data.len();
    if let Some(&sign @ (b'+' | b'-')) = data.first() {
        out[0] = sign;
        out[first] = b'0';
    }
    Ok(kind.make(vm, out))
}

// ----- tabs and lines -----

/// `tabsize` is a C int in CPython.
pub(crate) fn c_int(vm: &mut Vm, v: Option<&Value>, default: i32) -> PyResult<i64> {
    let too_big = |vm: &Vm| vm.overflow_error("Python int too large to convert to C int");
    match v.map(|v| (v, as_int(v))) {
        None => Ok(i64::from(default)),
        Some((_, Some(IntRef::Small(i)))) => {
            i32::try_from(i).map(i64::from).map_err(|_| too_big(vm))
        }
        Some((_, Some(IntRef::Big(_)))) => Err(too_big(vm)),
        Some((v, None)) => {
            let i = vm.index_value(v)?;
            i32::try_from(i).map(i64::from).map_err(|_| too_big(vm))
        }
    }
}

pub fn expandtabs(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    let shape = Shape::Keywords {
        names: &["tabsize"],
        min: 0,
    };
    let (data, rest) = recv_args(vm, &args, kind, "expandtabs", &shape)?;
    let tabsize = c_int(vm, rest[0], 8)?.max(0) as usize;
    // The size first, so that a huge result is a MemoryError rather than an abort.
    let mut size = 0usize;
    let mut column = 0usize;
    for &b in data.iter() {
        let step = match b {
            b'\t' if tabsize > 0 => tabsize - column % tabsize,
            b'\t' => 0,
            _ => 1,
        };
        size = size.saturating_add(step);
        column = if matches!(b, b'\n' | b'\r') {
            0
        } else {
            column.saturating_add(step)
        };
    }
    let mut out = try_alloc(vm, size)?;
    column = 0;
    for &b in data.iter() {
        match b {
            b'\t' if tabsize > 0 => {
                let spaces = tabsize - column % tabsize;
                out.resize(out.len() + spaces, b' ');
                column += spaces;
            }
            b'\t' => {}
            b'\n' | b'\r' => {
                out.push(b);
                column = 0;
            }
            _ => {
                out.push(b);
                column += 1;
            }
        }
    }
    Ok(kind.make(vm, out))
}

/// Lines end at `\n`, `\r` or `\r\n` (only those, unlike `str.splitlines`).
pub fn splitlines(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    let shape = Shape::Keywords {
        names: &["keepends"],
        min: 0,
    };
    let (data, rest) = recv_args(vm, &args, kind, "splitlines", &shape)?;
    let keepends = match rest[0] {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    let mut lines = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < data.len() {
        let end_len = match (data[i], data.get(i + 1)) {
            (b'\r', Some(b'\n')) => 2,
            (b'\r' | b'\n', _) => 1,
            _ => 0,
        };
        if end_len == 0 {
            i += 1;
            continue;
        }
        let stop = if keepends { i + end_len } else { i };
        lines.push(kind.make(vm, data[start..stop].to_vec()));
        i += end_len;
        start = i;
    }
    if start < data.len() {
        lines.push(kind.make(vm, data[start..].to_vec()));
    }
    Ok(vm.new_list(lines))
}

// ----- translate -----

/// `translate(table, /, delete=b'')`: bytes in `delete` are dropped, the others mapped
/// through the 256-byte `table` (None: unchanged).
pub fn translate(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    // `table` is positional-only: an empty name makes `table=` an unexpected keyword,
    // CPython's message.
    let shape = Shape::Keywords {
        names: &["", "delete"],
        min: 1,
    };
    let (data, rest) = recv_args(vm, &args, kind, "translate", &shape)?;
    let table = match rest[0] {
        None | Some(Value::None) => None,
        Some(v) => {
            let table = require_bytes_like(vm, v)?;
            if table.len() != 256 {
                return Err(vm.value_error("translation table must be 256 characters long"));
            }
            Some(table.into_owned())
        }
    };
    let delete = match rest[1] {
        Some(v) => Some(require_bytes_like(vm, v)?.into_owned()),
        None => None,
    };
    let mut dropped = [false; 256];
    for &b in delete.iter().flatten() {
        dropped[usize::from(b)] = true;
    }
    let out: Vec<u8> = data
        .iter()
        .filter(|&&b| !dropped[usize::from(b)])
        .map(|&b| table.as_ref().map_or(b, |t| t[usize::from(b)]))
        .collect();
    if out[..] == data[..] {
        return Ok(unchanged(vm, &args, kind, &data));
    }
    Ok(kind.make(vm, out))
}

/// `bytes.maketrans(frm, to)`: the identity table with `frm[i]` mapped to `to[i]`.
fn maketrans(vm: &mut Vm, args: Args, kind: ByteKind) -> PyResult<Value> {
    if !args.kwnames.is_empty() {
        return Err(vm.type_error(format!(
            "{}.maketrans() takes no keyword arguments",
            kind.name()
        )));
    }
    let [from, to] = args.pos() else {
        return Err(vm.type_error(format!(
            "maketrans expected 2 arguments, got {}",
            args.pos().len()
        )));
    };
    let from = require_bytes_like(vm, from)?;
    let to = require_bytes_like(vm, to)?;
    if from.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (&f, &t) in from.iter().zip(to.iter()) {
        table[usize::from(f)] = t;
    }
    Ok(crate::objects::bytes::new_bytes(vm, table))
}

fn bytes_maketrans(vm: &mut Vm, args: Args) -> PyResult<Value> {
    maketrans(vm, args, ByteKind::Bytes)
}

fn bytearray_maketrans(vm: &mut Vm, args: Args) -> PyResult<Value> {
    maketrans(vm, args, ByteKind::ByteArray)
}

/// Puts `maketrans` in the type's namespace as a `staticmethod`, as CPython does.
pub fn install_maketrans(vm: &Vm, kind: ByteKind) {
    let (ty, f): (_, crate::objects::function::NativeFn) = match kind {
        ByteKind::Bytes => (vm.types().bytes.clone(), bytes_maketrans),
        ByteKind::ByteArray => (vm.types().bytearray.clone(), bytearray_maketrans),
    };
    let Some(d) = ty.dict_obj() else { return };
    let func = crate::builtins::new_builtin(vm, "maketrans", f, None);
    let descr = Value::obj(PyObject::new(
        vm.types().staticmethod.clone(),
        Payload::StaticMethod(func),
    ));
    crate::objects::dict::set_str(vm, &d, "maketrans", descr);
}
