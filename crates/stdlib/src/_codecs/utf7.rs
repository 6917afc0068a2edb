//! The UTF-7 codec (RFC 2152) as CPython writes it: `utf_7_encode` and
//! `utf_7_decode`, behind the `utf-7` encoding of the `encodings` package.
//!
//! Encoding writes ASCII directly except `+`, `\`, `~` and control characters, and
//! everything else as base64 of UTF-16 code units between `+` and `-` (the `-` left
//! out when the next direct character cannot be read as base64). Decoding is
//! stateful: with `final` false, an open shift sequence is left unconsumed.

use adder_vm::objects::buffer::require_bytes_like;
use adder_vm::objects::bytes::new_bytes;
use adder_vm::objects::codecs;
use adder_vm::objects::function::{Args, NativeFn};
use adder_vm::objects::str::PyStr;
use adder_vm::{PyResult, Value, Vm};

use super::{errors_arg, pair, pystr_arg};
use crate::args::bool_arg;

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("utf_7_encode", utf_7_encode),
    ("utf_7_decode", utf_7_decode),
];

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Whether an ASCII character is written as itself when encoding: the RFC's direct
/// and optional-direct characters and space, tab, CR, LF (CPython encodes with both
/// option sets direct).
fn encodes_directly(cp: u32) -> bool {
    match char::from_u32(cp) {
        Some(c) if c.is_ascii() => {
            (c.is_ascii_graphic() && !matches!(c, '+' | '\\' | '~'))
                || matches!(c, ' ' | '\t' | '\r' | '\n')
        }
        _ => false,
    }
}

/// The base64 value of a byte of the UTF-7 base64 alphabet.
fn base64_value(b: u8) -> Option<u32> {
    BASE64.iter().position(|&c| c == b).map(|i| i as u32)
}

/// `utf_7_encode(str, errors=None)` -> `(bytes, len(str))`. Cannot fail: lone
/// surrogates are written as the UTF-16 units they are.
fn utf_7_encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = crate::arity::positional(vm, &args, "utf_7_encode", "utf_7_encode", 1, 2)?;
    let text = pystr_arg(vm, &pos[0], "utf_7_encode", 1)?;
    errors_arg(vm, pos.get(1), "utf_7_encode", 2)?;
    let out = encode(text);
    Ok(pair(vm, new_bytes(vm, out), text.char_len()))
}

/// The encoder proper.
fn encode(text: &PyStr) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.char_len());
    let mut writer = Base64Writer::default();
    let mut in_shift = false;
    for cp in text.code_points() {
        if encodes_directly(cp) {
            if in_shift {
                writer.flush(&mut out);
                in_shift = false;
                // A character that could be read as base64 (or `-` itself) needs the
                // explicit end of the shift.
                if cp == u32::from(b'-') || base64_value(cp as u8).is_some() {
                    out.push(b'-');
                }
            }
            out.push(cp as u8);
        } else if cp == u32::from(b'+') && !in_shift {
            out.extend_from_slice(b"+-");
        } else {
            if !in_shift {
                out.push(b'+');
                in_shift = true;
            }
            if cp >= 0x10000 {
                let v = cp - 0x10000;
                writer.push_unit(0xd800 | (v >> 10), &mut out);
                writer.push_unit(0xdc00 | (v & 0x3ff), &mut out);
            } else {
                writer.push_unit(cp, &mut out);
            }
        }
    }
    if in_shift {
        writer.flush(&mut out);
        out.push(b'-');
    }
    out
}

/// Bits waiting to be written as base64 digits.
#[derive(Default)]
struct Base64Writer {
    buffer: u32,
    bits: u32,
}

impl Base64Writer {
    fn push_unit(&mut self, unit: u32, out: &mut Vec<u8>) {
        self.buffer = (self.buffer << 16) | unit;
        self.bits += 16;
        while self.bits >= 6 {
            self.bits -= 6;
            out.push(BASE64[((self.buffer >> self.bits) & 0x3f) as usize]);
        }
        self.buffer &= (1 << self.bits) - 1;
    }

    /// Write the remaining bits, zero-padded to a digit.
    fn flush(&mut self, out: &mut Vec<u8>) {
        if self.bits > 0 {
            out.push(BASE64[((self.buffer << (6 - self.bits)) & 0x3f) as usize]);
        }
        self.buffer = 0;
        self.bits = 0;
    }
}

/// `utf_7_decode(data, errors=None, final=False)` -> `(str, consumed)`.
fn utf_7_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = crate::arity::positional(vm, &args, "utf_7_decode", "utf_7_decode", 1, 3)?;
    let data = require_bytes_like(vm, &pos[0])?.into_owned();
    let errors = errors_arg(vm, pos.get(1), "utf_7_decode", 2)?;
    let is_final = bool_arg(vm, pos.get(2), false)?;
    let decoder = Decoder {
        data: &data,
        original: &pos[0],
        errors: &errors,
        out: PyStr::new(String::with_capacity(data.len())),
    };
    let (text, consumed) = decoder.run(vm, is_final)?;
    Ok(pair(vm, vm.new_str_obj(text), consumed))
}

/// The state of one decoding call (CPython's `PyUnicode_DecodeUTF7Stateful`).
struct Decoder<'a> {
    data: &'a [u8],
    original: &'a Value,
    errors: &'a str,
    out: PyStr,
}

/// An open shift sequence: where its `+` was, the output length before it, and the
/// base64 bits and high surrogate not yet written.
struct Shift {
    start: usize,
    output_start: usize,
    buffer: u32,
    bits: u32,
    surrogate: Option<u32>,
}

impl Decoder<'_> {
    /// Decode everything; with `is_final` false an open shift sequence at the end is
    /// left unconsumed. Returns the text and how many bytes were consumed.
    fn run(mut self, vm: &mut Vm, is_final: bool) -> PyResult<(PyStr, usize)> {
        let end = self.data.len();
        let mut i = 0;
        loop {
            let Some(state) = self.scan(vm, &mut i)? else {
                return Ok((self.out, i));
            };
            if !is_final {
                // Leave the open shift sequence for the next call.
                let kept = self.out.code_points().take(state.output_start);
                return Ok((PyStr::from_code_points(kept), state.start));
            }
            let inconsistent = state.surrogate.is_some()
                || state.bits >= 6
                || (state.bits > 0 && state.buffer != 0);
            if !inconsistent {
                return Ok((self.out, end));
            }
            i = self.error(vm, (state.start, end), "unterminated shift sequence")?;
            // A handler may send decoding back into the data: go on from there.
            if i >= end {
                return Ok((self.out, end));
            }
        }
    }

    /// Decode from `*i` to the end of the data; returns the shift sequence still open
    /// there, if any.
    fn scan(&mut self, vm: &mut Vm, i: &mut usize) -> PyResult<Option<Shift>> {
        let mut shift: Option<Shift> = None;
        while let Some(&b) = self.data.get(*i) {
            if let Some(mut state) = shift.take() {
                if let Some(value) = base64_value(b) {
                    *i += 1;
                    state.buffer = (state.buffer << 6) | value;
                    state.bits += 6;
                    if state.bits >= 16 {
                        state.bits -= 16;
                        let unit = (state.buffer >> state.bits) & 0xffff;
                        state.buffer &= (1 << state.bits) - 1;
                        self.write_unit(&mut state, unit);
                    }
                    shift = Some(state);
                    continue;
                }
                // Leaving the shift sequence: leftover bits must be zero padding.
                let reason = if state.bits >= 6 {
                    Some("partial character in shift sequence")
                } else if state.bits > 0 && state.buffer != 0 {
                    Some("non-zero padding bits in shift sequence")
                } else {
                    None
                };
                if let Some(reason) = reason {
                    *i = self.error(vm, (state.start, *i + 1), reason)?;
                    continue;
                }
                if let (Some(high), true) = (state.surrogate, b != b'+' && b < 0x80) {
                    self.out.push_code_point(high);
                }
                // `-` ends the sequence and is absorbed; any other character is kept.
                if b == b'-' {
                    *i += 1;
                }
            } else if b == b'+' {
                let start = *i;
                *i += 1;
                match self.data.get(*i) {
                    Some(b'-') => {
                        *i += 1;
                        self.out.push_code_point(u32::from(b'+'));
                    }
                    Some(&next) if base64_value(next).is_none() => {
                        *i = self.error(vm, (start, *i + 1), "ill-formed sequence")?;
                    }
                    _ => {
                        shift = Some(Shift {
                            start,
                            output_start: self.out.char_len(),
                            buffer: 0,
                            bits: 0,
                            surrogate: None,
                        });
                    }
                }
            } else if b < 0x80 {
                self.out.push_code_point(u32::from(b));
                *i += 1;
            } else {
                *i = self.error(vm, (*i, *i + 1), "unexpected special character")?;
            }
        }
        Ok(shift)
    }

    /// A decoded UTF-16 unit: pairs surrogates, keeps a lone one as it is.
    fn write_unit(&mut self, state: &mut Shift, unit: u32) {
        if let Some(high) = state.surrogate.take() {
            if (0xdc00..0xe000).contains(&unit) {
                self.out
                    .push_code_point(0x10000 + ((high - 0xd800) << 10) + (unit - 0xdc00));
                return;
            }
            self.out.push_code_point(high);
        }
        if (0xd800..0xdc00).contains(&unit) {
            state.surrogate = Some(unit);
        } else {
            self.out.push_code_point(unit);
        }
    }

    /// Apply the error handler to `data[range]`; returns where decoding goes on.
    fn error(&mut self, vm: &mut Vm, range: (usize, usize), reason: &str) -> PyResult<usize> {
        let range = (range.0, range.1.min(self.data.len()));
        codecs::decode_error(
            vm,
            &mut self.out,
            (self.data, self.original),
            // CPython's decoder names itself so in its errors.
            "utf7",
            self.errors,
            range,
            reason,
        )
    }
}
