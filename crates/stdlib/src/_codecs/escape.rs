//! The escape codecs: `unicode_escape` (Python string-literal escapes over Latin-1
//! text), `raw_unicode_escape` (only `\uXXXX` and `\UXXXXXXXX`, which `pickle` uses),
//! and `escape_encode`/`escape_decode` (bytes-literal escapes, `pickle`'s protocol 0).

use adder_vm::object::Payload;
use adder_vm::objects::buffer::require_bytes_like;
use adder_vm::objects::bytes::new_bytes;
use adder_vm::objects::codecs;
use adder_vm::objects::function::{Args, NativeFn};
use adder_vm::objects::str::PyStr;
use adder_vm::{PyResult, Value, Vm};

use super::{errors_arg, pair, pystr_arg};
use crate::args::bool_arg;
use adder_vm::objects::codecs::escape_code_point as escape;

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("unicode_escape_encode", unicode_escape_encode),
    ("unicode_escape_decode", unicode_escape_decode),
    ("raw_unicode_escape_encode", raw_unicode_escape_encode),
    ("raw_unicode_escape_decode", raw_unicode_escape_decode),
    ("escape_encode", escape_encode),
    ("escape_decode", escape_decode),
];

/// `unicode_escape_encode(str, errors=None)`: printable ASCII as is (but `\`),
/// `\t\n\r`, then `\xNN`/`\uNNNN`/`\UNNNNNNNN`.
fn unicode_escape_encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = "unicode_escape_encode";
    let pos = crate::arity::positional(vm, &args, f, f, 1, 2)?;
    let text = pystr_arg(vm, &pos[0], f, 1)?;
    let mut out = String::with_capacity(text.as_str().len());
    for cp in text.code_points() {
        match char::from_u32(cp) {
            Some('\\') => out.push_str("\\\\"),
            Some('\t') => out.push_str("\\t"),
            Some('\n') => out.push_str("\\n"),
            Some('\r') => out.push_str("\\r"),
            Some(c @ ' '..='~') => out.push(c),
            _ => out.push_str(&escape(cp)),
        }
    }
    let n = text.char_len();
    Ok(pair(vm, new_bytes(vm, out.into_bytes()), n))
}

/// `raw_unicode_escape_encode(str, errors=None)`: Latin-1 as bytes, the rest escaped.
fn raw_unicode_escape_encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = "raw_unicode_escape_encode";
    let pos = crate::arity::positional(vm, &args, f, f, 1, 2)?;
    let text = pystr_arg(vm, &pos[0], f, 1)?;
    let mut out = Vec::with_capacity(text.as_str().len());
    for cp in text.code_points() {
        if cp < 0x100 {
            out.push(cp as u8);
        } else if cp < 0x10000 {
            out.extend_from_slice(format!("\\u{cp:04x}").as_bytes());
        } else {
            out.extend_from_slice(format!("\\U{cp:08x}").as_bytes());
        }
    }
    let n = text.char_len();
    Ok(pair(vm, new_bytes(vm, out), n))
}

/// The data argument of a decoder: bytes-like, or a str's UTF-8.
fn data_arg(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    match v.payload() {
        Some(Payload::Str(s)) => Ok(s.as_str().as_bytes().to_vec()),
        _ => Ok(require_bytes_like(vm, v)?.into_owned()),
    }
}

/// How many of the hex digits a `\x`/`\u`/`\U` escape needs are at `data[from..]`,
/// and their value.
fn hex_digits(data: &[u8], from: usize, want: usize) -> (usize, u32) {
    let mut value = 0u32;
    let mut n = 0;
    while n < want {
        match data.get(from + n).and_then(|&b| (b as char).to_digit(16)) {
            Some(d) => value = value.wrapping_mul(16).wrapping_add(d),
            None => break,
        }
        n += 1;
    }
    (n, value)
}

/// An octal escape whose first digit is `first`, with up to two more digits at
/// `data[at..]`: its value and where the escape ends.
fn octal_escape(data: &[u8], first: u8, mut at: usize) -> (u32, usize) {
    let mut value = (first - b'0') as u32;
    for _ in 0..2 {
        match data.get(at) {
            Some(&d @ b'0'..=b'7') => {
                value = value * 8 + (d - b'0') as u32;
                at += 1;
            }
            _ => break,
        }
    }
    (value, at)
}

/// The shared decoder: `raw` accepts only `\u`/`\U` (after an odd run of
/// backslashes); otherwise every string-literal escape. With `is_final` false, an
/// escape cut off by the end of the data is left for the next call.
fn decode_escapes(
    vm: &mut Vm,
    data: &[u8],
    original: &Value,
    errors: &str,
    raw: bool,
    is_final: bool,
) -> PyResult<(PyStr, usize)> {
    let name = if raw {
        "rawunicodeescape"
    } else {
        "unicodeescape"
    };
    let mut out = PyStr::new(String::with_capacity(data.len()));
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        if b != b'\\' {
            out.push_code_point(b as u32);
            i += 1;
            continue;
        }
        let start = i;
        let Some(&kind) = data.get(i + 1) else {
            if raw {
                out.push_code_point('\\' as u32);
                i += 1;
                continue;
            }
            if !is_final {
                break;
            }
            i = codecs::decode_error(
                vm,
                &mut out,
                (data, original),
                name,
                errors,
                (start, data.len()),
                "\\ at end of string",
            )?;
            continue;
        };
        if raw && kind != b'u' && kind != b'U' {
            // `\\` stays as two characters, and a `\u` after it is not an escape.
            out.push_code_point('\\' as u32);
            i += 1;
            if kind == b'\\' {
                out.push_code_point('\\' as u32);
                i += 1;
            }
            continue;
        }
        i += 2;
        let simple = match kind {
            b'\n' => Some(None),
            b'\\' => Some(Some('\\')),
            b'\'' => Some(Some('\'')),
            b'"' => Some(Some('"')),
            b'a' => Some(Some('\x07')),
            b'b' => Some(Some('\x08')),
            b'f' => Some(Some('\x0c')),
            b'n' => Some(Some('\n')),
            b'r' => Some(Some('\r')),
            b't' => Some(Some('\t')),
            b'v' => Some(Some('\x0b')),
            _ => None,
        };
        if let Some(c) = simple {
            if let Some(c) = c {
                out.push_code_point(c as u32);
            }
            continue;
        }
        if (b'0'..=b'7').contains(&kind) {
            let (value, next) = octal_escape(data, kind, i);
            i = next;
            out.push_code_point(value);
            continue;
        }
        let (want, label) = match kind {
            b'x' => (2, "truncated \\xXX escape"),
            b'u' => (4, "truncated \\uXXXX escape"),
            b'U' => (8, "truncated \\UXXXXXXXX escape"),
            b'N' => {
                i = named_escape(vm, &mut out, data, original, errors, start, is_final)?;
                continue;
            }
            _ => {
                // An unknown escape keeps its backslash.
                out.push_code_point('\\' as u32);
                out.push_code_point(kind as u32);
                continue;
            }
        };
        let (got, value) = hex_digits(data, i, want);
        if got < want {
            if !is_final && i + got == data.len() {
                i = start;
                break;
            }
            i = codecs::decode_error(
                vm,
                &mut out,
                (data, original),
                name,
                errors,
                (start, i + got),
                label,
            )?;
            continue;
        }
        i += want;
        // Lone surrogates included, as CPython.
        match value {
            0..0x11_0000 => out.push_code_point(value),
            _ => {
                i = codecs::decode_error(
                    vm,
                    &mut out,
                    (data, original),
                    name,
                    errors,
                    (start, i),
                    "illegal Unicode character",
                )?;
            }
        }
    }
    Ok((out, i))
}

/// `\N{NAME}` starting at `data[start]`; returns where decoding goes on.
fn named_escape(
    vm: &mut Vm,
    out: &mut PyStr,
    data: &[u8],
    original: &Value,
    errors: &str,
    start: usize,
    is_final: bool,
) -> PyResult<usize> {
    let open = start + 2;
    let close = if data.get(open) == Some(&b'{') {
        data[open..]
            .iter()
            .position(|&b| b == b'}')
            .map(|p| open + p)
    } else {
        None
    };
    let fail = |vm: &mut Vm, out: &mut PyStr, end: usize, reason: &str| {
        codecs::decode_error(
            vm,
            out,
            (data, original),
            "unicodeescape",
            errors,
            (start, end),
            reason,
        )
    };
    let Some(close) = close else {
        if !is_final && data.get(open).is_none_or(|&b| b == b'{') {
            return Ok(data.len());
        }
        let end = if data.get(open) == Some(&b'{') {
            data.len()
        } else {
            open
        };
        return fail(vm, out, end, "malformed \\N character escape");
    };
    let name = std::str::from_utf8(&data[open + 1..close]).unwrap_or("");
    match unicode_names2::character(name) {
        Some(c) if !name.is_empty() => {
            out.push_code_point(c as u32);
            Ok(close + 1)
        }
        _ => fail(vm, out, close + 1, "unknown Unicode character name"),
    }
}

/// `unicode_escape_decode(data, errors=None, final=True)`.
fn unicode_escape_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    escape_decoder(vm, args, "unicode_escape_decode", false)
}

/// `raw_unicode_escape_decode(data, errors=None, final=True)`.
fn raw_unicode_escape_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    escape_decoder(vm, args, "raw_unicode_escape_decode", true)
}

fn escape_decoder(vm: &mut Vm, args: Args, f: &str, raw: bool) -> PyResult<Value> {
    let pos = crate::arity::positional(vm, &args, f, f, 1, 3)?;
    let data = data_arg(vm, &pos[0])?;
    let errors = errors_arg(vm, pos.get(1), f, 2)?;
    let is_final = bool_arg(vm, pos.get(2), true)?;
    let (text, consumed) = decode_escapes(vm, &data, &pos[0], &errors, raw, is_final)?;
    Ok(pair(vm, vm.new_str_obj(text), consumed))
}

/// `escape_encode(bytes, errors=None)`: the body of the bytes' repr with `'` escaped.
fn escape_encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = "escape_encode";
    let pos = crate::arity::positional(vm, &args, f, f, 1, 2)?;
    let Some(Payload::Bytes(data)) = pos[0].payload() else {
        return Err(vm.type_error(format!(
            "escape_encode() argument 1 must be bytes, not {}",
            vm.type_name(&pos[0])
        )));
    };
    let mut out = Vec::with_capacity(data.len());
    for &b in data.iter() {
        match b {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\'' => out.extend_from_slice(b"\\'"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0x20..=0x7e => out.push(b),
            _ => out.extend_from_slice(format!("\\x{b:02x}").as_bytes()),
        }
    }
    let n = data.len();
    Ok(pair(vm, new_bytes(vm, out), n))
}

/// `escape_decode(data, errors=None)`: bytes-literal escapes to bytes.
fn escape_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = "escape_decode";
    let pos = crate::arity::positional(vm, &args, f, f, 1, 2)?;
    let data = data_arg(vm, &pos[0])?;
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        if b != b'\\' {
            out.push(b);
            i += 1;
            continue;
        }
        let Some(&kind) = data.get(i + 1) else {
            return Err(vm.value_error("Trailing \\ in string"));
        };
        let start = i;
        i += 2;
        match kind {
            b'\n' => {}
            b'\\' | b'\'' | b'"' => out.push(kind),
            b'a' => out.push(0x07),
            b'b' => out.push(0x08),
            b'f' => out.push(0x0c),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(0x0b),
            b'0'..=b'7' => {
                let (value, next) = octal_escape(&data, kind, i);
                i = next;
                out.push(value as u8);
            }
            b'x' => {
                let (got, value) = hex_digits(&data, i, 2);
                if got < 2 {
                    return Err(vm.value_error(format!("invalid \\x escape at position {start}")));
                }
                out.push(value as u8);
                i += 2;
            }
            _ => {
                out.push(b'\\');
                out.push(kind);
            }
        }
    }
    let n = data.len();
    Ok(pair(vm, new_bytes(vm, out), n))
}
