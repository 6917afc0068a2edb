//! The Unicode codecs' functions: `utf_8_*`, `ascii_*`, `latin_1_*`, `utf_16*` and
//! `utf_32*` (with byte-order marks and the `_ex_decode` forms that report the byte
//! order they found), and `readbuffer_encode`. Decoders take `final`: when false, an
//! incomplete sequence at the end is left unconsumed for the next call (what the
//! incremental decoders of `codecs.py` rely on).

use adder_vm::objects::buffer::require_bytes_like;
use adder_vm::objects::bytes::new_bytes;
use adder_vm::objects::codecs::{self, Codec};
use adder_vm::objects::function::{Args, NativeFn};
use adder_vm::objects::str::PyStr;
use adder_vm::{PyResult, Value, Vm};

use super::{errors_arg, pair, pystr_arg};
use crate::args::bool_arg;

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("utf_8_encode", utf_8_encode),
    ("utf_8_decode", utf_8_decode),
    ("ascii_encode", ascii_encode),
    ("ascii_decode", ascii_decode),
    ("latin_1_encode", latin_1_encode),
    ("latin_1_decode", latin_1_decode),
    ("utf_16_encode", utf_16_encode),
    ("utf_16_le_encode", utf_16_le_encode),
    ("utf_16_be_encode", utf_16_be_encode),
    ("utf_16_decode", utf_16_decode),
    ("utf_16_le_decode", utf_16_le_decode),
    ("utf_16_be_decode", utf_16_be_decode),
    ("utf_16_ex_decode", utf_16_ex_decode),
    ("utf_32_encode", utf_32_encode),
    ("utf_32_le_encode", utf_32_le_encode),
    ("utf_32_be_encode", utf_32_be_encode),
    ("utf_32_decode", utf_32_decode),
    ("utf_32_le_decode", utf_32_le_decode),
    ("utf_32_be_decode", utf_32_be_decode),
    ("utf_32_ex_decode", utf_32_ex_decode),
    ("readbuffer_encode", readbuffer_encode),
];

/// `f(str, errors=None, ...)`: the positional arguments, between 1 and `max`.
fn encoder_args<'a>(
    vm: &Vm,
    args: &'a Args,
    func: &str,
    max: usize,
) -> PyResult<(&'a PyStr, &'a Value, String)> {
    let pos = crate::arity::positional(vm, args, func, func, 1, max)?;
    let text = pystr_arg(vm, &pos[0], func, 1)?;
    let errors = errors_arg(vm, pos.get(1), func, 2)?;
    Ok((text, &pos[0], errors))
}

/// One of the simple built-in encoders, returning `(bytes, len(str))`.
fn encode_simple(vm: &mut Vm, args: Args, func: &str, codec: Codec) -> PyResult<Value> {
    let (text, original, errors) = encoder_args(vm, &args, func, 2)?;
    let out = codecs::encode_str(vm, text, original, codec, &errors)?;
    Ok(pair(vm, new_bytes(vm, out), text.char_len()))
}

fn utf_8_encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    encode_simple(vm, args, "utf_8_encode", Codec::Utf8)
}

fn ascii_encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    encode_simple(vm, args, "ascii_encode", Codec::Ascii)
}

fn latin_1_encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    encode_simple(vm, args, "latin_1_encode", Codec::Latin1)
}

/// The arguments of a decoder: data, errors and the optional argument at `flag_at`
/// (`final`, or `byteorder` for the `_ex` forms).
struct DecoderArgs<'a> {
    data: std::borrow::Cow<'a, [u8]>,
    original: &'a Value,
    errors: String,
    rest: &'a [Value],
}

fn decoder_args<'a>(vm: &Vm, args: &'a Args, func: &str, max: usize) -> PyResult<DecoderArgs<'a>> {
    let pos = crate::arity::positional(vm, args, func, func, 1, max)?;
    let data = require_bytes_like(vm, &pos[0])?;
    let errors = errors_arg(vm, pos.get(1), func, 2)?;
    Ok(DecoderArgs {
        data,
        original: &pos[0],
        errors,
        rest: pos.get(2..).unwrap_or(&[]),
    })
}

fn ascii_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = decoder_args(vm, &args, "ascii_decode", 2)?;
    let text = codecs::decode_str(vm, &a.data, a.original, Codec::Ascii, &a.errors)?;
    Ok(pair(vm, vm.new_str_obj(text), a.data.len()))
}

fn latin_1_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = decoder_args(vm, &args, "latin_1_decode", 2)?;
    let text = codecs::decode_str(vm, &a.data, a.original, Codec::Latin1, &a.errors)?;
    Ok(pair(vm, vm.new_str_obj(text), a.data.len()))
}

/// `utf_8_decode(data, errors=None, final=False)`.
fn utf_8_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = decoder_args(vm, &args, "utf_8_decode", 3)?;
    let is_final = bool_arg(vm, a.rest.first(), false)?;
    let data: &[u8] = &a.data;
    let usable = if is_final {
        data.len()
    } else {
        data.len() - incomplete_utf8_tail(data)
    };
    let text = codecs::decode_str(vm, &data[..usable], a.original, Codec::Utf8, &a.errors)?;
    Ok(pair(vm, vm.new_str_obj(text), usable))
}

/// How many bytes at the end of `data` start a UTF-8 sequence that more input could
/// complete (0 when the end is complete or plainly invalid).
fn incomplete_utf8_tail(data: &[u8]) -> usize {
    for back in 1..=3.min(data.len()) {
        let tail = &data[data.len() - back..];
        let lead = tail[0];
        let needed = match lead {
            0xc2..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf4 => 4,
            0x80..=0xbf => continue,
            _ => return 0,
        };
        if back >= needed {
            return 0;
        }
        // A prefix of a valid sequence: decoding it alone fails only for lack of data.
        return match std::str::from_utf8(tail) {
            Err(e) if e.error_len().is_none() => back,
            _ => 0,
        };
    }
    0
}

/// Byte order: -1 little-endian, 1 big-endian, 0 "detect from a BOM" (decoding) or
/// "native order with a BOM" (encoding).
type ByteOrder = i64;

/// Write `unit` (a UTF-16 code unit or a UTF-32 code point) in the byte order.
fn put_unit(out: &mut Vec<u8>, unit: u32, width: usize, order: ByteOrder) {
    let bytes = if order > 0 {
        unit.to_be_bytes()
    } else {
        unit.to_le_bytes()
    };
    match (width, order > 0) {
        (2, true) => out.extend_from_slice(&bytes[2..]),
        (2, false) => out.extend_from_slice(&bytes[..2]),
        _ => out.extend_from_slice(&bytes),
    }
}

/// Write `cp` in UTF-16 (`width` 2, astral code points as a surrogate pair) or UTF-32;
/// false for a lone surrogate, which neither can hold.
fn encode_wide_code_point(cp: u32, width: usize, order: ByteOrder, out: &mut Vec<u8>) -> bool {
    match cp {
        0xd800..=0xdfff => return false,
        0x10000.. if width == 2 => {
            let v = cp - 0x10000;
            put_unit(out, 0xd800 | (v >> 10), width, order);
            put_unit(out, 0xdc00 | (v & 0x3ff), width, order);
        }
        _ => put_unit(out, cp, width, order),
    }
    true
}

/// `utf_16_encode(str, errors=None, byteorder=0)` and `utf_32_encode`: byte order 0
/// is the native one (little-endian) after a BOM.
fn encode_wide(
    vm: &mut Vm,
    args: Args,
    func: &str,
    width: usize,
    fixed: Option<ByteOrder>,
) -> PyResult<Value> {
    let max = if fixed.is_some() { 2 } else { 3 };
    let (text, original, errors) = encoder_args(vm, &args, func, max)?;
    let order = match fixed {
        Some(o) => o,
        None => match args.pos().get(2) {
            Some(v) => crate::args::int_arg(vm, v)?,
            None => 0,
        },
    };
    let encoding = match (width, order.signum()) {
        (2, 0) => "utf-16",
        (2, -1) => "utf-16-le",
        (2, _) => "utf-16-be",
        (_, 0) => "utf-32",
        (_, -1) => "utf-32-le",
        _ => "utf-32-be",
    };
    let points: Vec<u32> = text.code_points().collect();
    let failure = codecs::EncodeFailure {
        points: &points,
        original,
        encoding,
        reason: "surrogates not allowed",
    };
    let encode_char = |cp: u32, out: &mut Vec<u8>| encode_wide_code_point(cp, width, order, out);
    let body = codecs::encode_each(vm, &failure, &errors, &encode_char)?;
    let mut out = Vec::with_capacity(body.len() + width);
    if order == 0 {
        put_unit(&mut out, 0xfeff, width, order);
    }
    out.extend_from_slice(&body);
    Ok(pair(vm, new_bytes(vm, out), points.len()))
}

fn utf_16_encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    encode_wide(vm, args, "utf_16_encode", 2, None)
}
fn utf_16_le_encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    encode_wide(vm, args, "utf_16_le_encode", 2, Some(-1))
}
fn utf_16_be_encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    encode_wide(vm, args, "utf_16_be_encode", 2, Some(1))
}
fn utf_32_encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    encode_wide(vm, args, "utf_32_encode", 4, None)
}
fn utf_32_le_encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    encode_wide(vm, args, "utf_32_le_encode", 4, Some(-1))
}
fn utf_32_be_encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    encode_wide(vm, args, "utf_32_be_encode", 4, Some(1))
}

/// What a wide decoder produced.
struct Decoded {
    text: PyStr,
    consumed: usize,
    order: ByteOrder,
}

/// Decode UTF-16 or UTF-32 (`width` 2 or 4). With `order` 0 a leading BOM picks the
/// order (and is skipped), otherwise little-endian; the codec's name in errors follows
/// the order when it is fixed.
fn decode_wide(
    vm: &mut Vm,
    a: &DecoderArgs,
    width: usize,
    mut order: ByteOrder,
    is_final: bool,
) -> PyResult<Decoded> {
    let data: &[u8] = &a.data;
    let mut pos = 0;
    if order == 0 && data.len() >= width {
        let (le_bom, be_bom): (&[u8], &[u8]) = if width == 2 {
            (b"\xff\xfe", b"\xfe\xff")
        } else {
            (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
        };
        if data.starts_with(le_bom) {
            order = -1;
            pos = width;
        } else if data.starts_with(be_bom) {
            order = 1;
            pos = width;
        }
    }
    let name = match (width, order) {
        (2, 1) => "utf-16-be",
        (2, _) => "utf-16-le",
        (_, 1) => "utf-32-be",
        _ => "utf-32-le",
    };
    let unit = |at: usize| -> u32 {
        let b = &data[at..at + width];
        match (width, order > 0) {
            (2, true) => u16::from_be_bytes([b[0], b[1]]) as u32,
            (2, false) => u16::from_le_bytes([b[0], b[1]]) as u32,
            (_, true) => u32::from_be_bytes([b[0], b[1], b[2], b[3]]),
            (_, false) => u32::from_le_bytes([b[0], b[1], b[2], b[3]]),
        }
    };
    let mut text = PyStr::new(String::with_capacity(data.len() / width));
    let err = |vm: &mut Vm, text: &mut PyStr, range: (usize, usize), reason: &str| {
        codecs::decode_error(vm, text, (data, a.original), name, &a.errors, range, reason)
    };
    while pos < data.len() {
        if data.len() - pos < width {
            if !is_final {
                break;
            }
            pos = err(vm, &mut text, (pos, data.len()), "truncated data")?;
            continue;
        }
        let u = unit(pos);
        if width == 4 {
            match char::from_u32(u) {
                Some(_) => {
                    text.push_code_point(u);
                    pos += 4;
                }
                None => {
                    let reason = if (0xd800..0xe000).contains(&u) {
                        "code point in surrogate code point range(0xd800, 0xe000)"
                    } else {
                        "code point not in range(0x110000)"
                    };
                    pos = err(vm, &mut text, (pos, pos + 4), reason)?;
                }
            }
            continue;
        }
        match u {
            0xdc00..=0xdfff => pos = err(vm, &mut text, (pos, pos + 2), "illegal encoding")?,
            0xd800..=0xdbff => {
                if data.len() - pos < 4 {
                    if !is_final {
                        break;
                    }
                    pos = err(vm, &mut text, (pos, data.len()), "unexpected end of data")?;
                    continue;
                }
                let low = unit(pos + 2);
                if (0xdc00..=0xdfff).contains(&low) {
                    let cp = 0x10000 + ((u - 0xd800) << 10) + (low - 0xdc00);
                    text.push_code_point(cp);
                    pos += 4;
                } else {
                    pos = err(vm, &mut text, (pos, pos + 2), "illegal UTF-16 surrogate")?;
                }
            }
            _ => {
                text.push_code_point(u);
                pos += 2;
            }
        }
    }
    Ok(Decoded {
        text,
        consumed: pos,
        order,
    })
}

/// `utf_16_decode(data, errors=None, final=False)` and its fixed-order variants.
fn decode_wide_fn(
    vm: &mut Vm,
    args: Args,
    func: &str,
    width: usize,
    order: ByteOrder,
) -> PyResult<Value> {
    let a = decoder_args(vm, &args, func, 3)?;
    let is_final = bool_arg(vm, a.rest.first(), false)?;
    let d = decode_wide(vm, &a, width, order, is_final)?;
    Ok(pair(vm, vm.new_str_obj(d.text), d.consumed))
}

/// `utf_16_ex_decode(data, errors=None, byteorder=0, final=False)`:
/// `(str, consumed, byteorder found)`.
fn decode_wide_ex(vm: &mut Vm, args: Args, func: &str, width: usize) -> PyResult<Value> {
    let a = decoder_args(vm, &args, func, 4)?;
    let order = match a.rest.first() {
        Some(v) => crate::args::int_arg(vm, v)?,
        None => 0,
    };
    let is_final = bool_arg(vm, a.rest.get(1), false)?;
    let d = decode_wide(vm, &a, width, order.signum(), is_final)?;
    let text = vm.new_str_obj(d.text);
    Ok(vm.new_tuple(vec![
        text,
        Value::Int(d.consumed as i64),
        Value::Int(d.order),
    ]))
}

fn utf_16_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    decode_wide_fn(vm, args, "utf_16_decode", 2, 0)
}
fn utf_16_le_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    decode_wide_fn(vm, args, "utf_16_le_decode", 2, -1)
}
fn utf_16_be_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    decode_wide_fn(vm, args, "utf_16_be_decode", 2, 1)
}
fn utf_16_ex_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    decode_wide_ex(vm, args, "utf_16_ex_decode", 2)
}
fn utf_32_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    decode_wide_fn(vm, args, "utf_32_decode", 4, 0)
}
fn utf_32_le_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    decode_wide_fn(vm, args, "utf_32_le_decode", 4, -1)
}
fn utf_32_be_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    decode_wide_fn(vm, args, "utf_32_be_decode", 4, 1)
}
fn utf_32_ex_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    decode_wide_ex(vm, args, "utf_32_ex_decode", 4)
}

/// `readbuffer_encode(data, errors=None)`: the bytes of any buffer (or a str's UTF-8).
fn readbuffer_encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = crate::arity::positional(vm, &args, "readbuffer_encode", "readbuffer_encode", 1, 2)?;
    let data = match pos[0].payload() {
        Some(adder_vm::object::Payload::Str(s)) => s.as_str().as_bytes().to_vec(),
        _ => require_bytes_like(vm, &pos[0])?.into_owned(),
    };
    let n = data.len();
    Ok(pair(vm, new_bytes(vm, data), n))
}
