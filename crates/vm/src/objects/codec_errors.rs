//! Codec error handling: the `errors=` handlers (`strict`, `ignore`, `replace`,
//! `backslashreplace`, `xmlcharrefreplace`, `namereplace`, `surrogateescape`,
//! `surrogatepass` and those registered from Python) applied where an encoder or
//! decoder fails, and the `UnicodeEncodeError`/`UnicodeDecodeError` they raise.
//!
//! Text is handled as code points (`u32`), so that lone surrogates go through exactly:
//! `surrogateescape` turns undecodable bytes into U+DC80..U+DCFF and back,
//! `surrogatepass` lets UTF-8/16/32 carry surrogates as if they were characters.

use crate::error::{PyErr, PyResult};
use crate::object::{ObjRef, Payload};
use crate::objects::str::PyStr;
use crate::protocol::number::IntRef;
use crate::value::Value;
use crate::vm::Vm;

/// The error handlers adder knows, and those registered from Python.
#[derive(Clone)]
enum Handler {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    XmlCharRefReplace,
    NameReplace,
    SurrogateEscape,
    SurrogatePass,
    Registered(Value),
}

/// Resolved only when an error happens, as CPython (an unknown name is harmless otherwise).
fn handler(vm: &Vm, errors: &str, for_encoding: bool) -> PyResult<Handler> {
    match errors {
        "strict" => Ok(Handler::Strict),
        "ignore" => Ok(Handler::Ignore),
        "replace" => Ok(Handler::Replace),
        "backslashreplace" => Ok(Handler::BackslashReplace),
        "xmlcharrefreplace" if for_encoding => Ok(Handler::XmlCharRefReplace),
        "namereplace" if for_encoding => Ok(Handler::NameReplace),
        "surrogateescape" => Ok(Handler::SurrogateEscape),
        "surrogatepass" => Ok(Handler::SurrogatePass),
        _ => match crate::codec_registry::registered_error_handler(vm, errors) {
            Some(f) => Ok(Handler::Registered(f)),
            None => Err(vm.error(
                &vm.types().exc.lookup_error,
                format!("unknown error handler name '{errors}'"),
            )),
        },
    }
}

/// A `UnicodeEncodeError`/`UnicodeDecodeError` with CPython's five arguments and
/// attributes.
pub fn unicode_error(
    vm: &Vm,
    ty: &ObjRef,
    encoding: &str,
    object: Value,
    range: (usize, usize),
    reason: &str,
) -> PyErr {
    let values = [
        ("encoding", vm.new_str(encoding)),
        ("object", object),
        ("start", Value::Int(range.0 as i64)),
        ("end", Value::Int(range.1 as i64)),
        ("reason", vm.new_str(reason)),
    ];
    let exc = vm.new_exception(ty, values.iter().map(|(_, v)| v.clone()).collect());
    for (name, v) in values {
        vm.set_exc_attr(&exc, name, v);
    }
    PyErr(exc)
}

/// Call a handler registered from Python with the error; its answer is the
/// replacement and the position to go on from (negative counts from the end).
fn call_registered(
    vm: &mut Vm,
    f: &Value,
    err: PyErr,
    len: usize,
    encoding: bool,
) -> PyResult<(Value, usize)> {
    let answer = vm.call(f, &[Value::Obj(err.0.clone())])?;
    let pair = match answer.as_obj().and_then(|o| o.as_tuple()) {
        Some([replacement, pos]) => {
            let text_ok = matches!(replacement.payload(), Some(Payload::Str(_)))
                || (encoding && matches!(replacement.payload(), Some(Payload::Bytes(_))));
            match (text_ok, crate::protocol::number::as_int(pos)) {
                (true, Some(IntRef::Small(p))) => Some((replacement.clone(), Some(p))),
                // Beyond Py_ssize_t: CPython fails converting it.
                (true, Some(IntRef::Big(_))) => Some((replacement.clone(), None)),
                _ => None,
            }
        }
        _ => None,
    };
    let Some((replacement, pos)) = pair else {
        return Err(vm.type_error(if encoding {
            "encoding error handler must return (str/bytes, int) tuple"
        } else {
            "decoding error handler must return (str, int) tuple"
        }));
    };
    let Some(pos) = pos else {
        return Err(vm.overflow_error("Python int too large to convert to C ssize_t"));
    };
    let resolved = if pos < 0 {
        pos.saturating_add(len as i64)
    } else {
        pos
    };
    match usize::try_from(resolved) {
        Ok(p) if p <= len => Ok((replacement, p)),
        _ => Err(vm.index_error(format!(
            "position {resolved} from error handler out of bounds"
        ))),
    }
}

/// The byte order and width of a UTF codec, from the name in its errors (what
/// `surrogatepass` needs, as CPython's `get_standard_encoding`). Plain "utf-16"/
/// "utf-32" are the native order, little-endian on the platforms adder runs on.
fn utf_form(encoding: &str) -> Option<(usize, bool)> {
    match encoding {
        "utf-8" => Some((1, false)),
        "utf-16" | "utf-16-le" => Some((2, false)),
        "utf-16-be" => Some((2, true)),
        "utf-32" | "utf-32-le" => Some((4, false)),
        "utf-32-be" => Some((4, true)),
        _ => None,
    }
}

/// A surrogate as `encoding` would write it were it a character (`surrogatepass`).
pub fn pass_surrogate(encoding: &str, cp: u32, out: &mut Vec<u8>) -> bool {
    if !(0xd800..0xe000).contains(&cp) {
        return false;
    }
    match utf_form(encoding) {
        Some((1, _)) => out.extend_from_slice(&[
            0xe0 | (cp >> 12) as u8,
            0x80 | ((cp >> 6) & 0x3f) as u8,
            0x80 | (cp & 0x3f) as u8,
        ]),
        Some((2, big)) => out.extend_from_slice(&if big {
            (cp as u16).to_be_bytes()
        } else {
            (cp as u16).to_le_bytes()
        }),
        Some((_, big)) => out.extend_from_slice(&if big {
            cp.to_be_bytes()
        } else {
            cp.to_le_bytes()
        }),
        None => return false,
    }
    true
}

/// The surrogate `bytes` begin with in `encoding`'s form, and its length in bytes.
pub fn read_passed_surrogate(encoding: &str, bytes: &[u8]) -> Option<(u32, usize)> {
    let (cp, len) = match utf_form(encoding)? {
        (1, _) => match bytes {
            [0xed, b1 @ 0xa0..=0xbf, b2 @ 0x80..=0xbf, ..] => {
                (0xd000 | ((*b1 as u32 & 0x3f) << 6) | (*b2 as u32 & 0x3f), 3)
            }
            _ => return None,
        },
        (2, big) => {
            let unit: [u8; 2] = bytes.get(..2)?.try_into().ok()?;
            let cp = if big {
                u16::from_be_bytes(unit)
            } else {
                u16::from_le_bytes(unit)
            };
            (cp as u32, 2)
        }
        (_, big) => {
            let unit: [u8; 4] = bytes.get(..4)?.try_into().ok()?;
            let cp = if big {
                u32::from_be_bytes(unit)
            } else {
                u32::from_le_bytes(unit)
            };
            (cp, 4)
        }
    };
    (0xd800..0xe000).contains(&cp).then_some((cp, len))
}

/// What failed to encode: the text (code points), the str object itself, the codec's
/// name and why.
pub struct EncodeFailure<'a> {
    pub points: &'a [u32],
    pub original: &'a Value,
    pub encoding: &'a str,
    pub reason: &'a str,
}

/// Apply the `errors` handler to the unencodable code points `points[range]`, writing
/// the replacement to `out` with `encode_char` (which says whether a replacement
/// character is encodable itself); returns where encoding goes on.
pub fn encode_error(
    vm: &mut Vm,
    out: &mut Vec<u8>,
    failure: &EncodeFailure,
    errors: &str,
    range: (usize, usize),
    encode_char: &dyn Fn(u32, &mut Vec<u8>) -> bool,
) -> PyResult<usize> {
    let (start, end) = range;
    let bad = failure.points.get(start..end).unwrap_or(&[]);
    let push_ascii = |text: &str, out: &mut Vec<u8>| {
        for c in text.chars() {
            encode_char(c as u32, out);
        }
    };
    let error = |vm: &Vm, range: (usize, usize)| {
        unicode_error(
            vm,
            &vm.types().exc.unicode_encode_error,
            failure.encoding,
            failure.original.clone(),
            range,
            failure.reason,
        )
    };
    match handler(vm, errors, true)? {
        Handler::Strict => return Err(error(vm, range)),
        Handler::Ignore => {}
        Handler::Replace => push_ascii(&"?".repeat(bad.len()), out),
        Handler::BackslashReplace => {
            for &cp in bad {
                push_ascii(&escape_code_point(cp), out);
            }
        }
        Handler::XmlCharRefReplace => {
            for &cp in bad {
                push_ascii(&format!("&#{cp};"), out);
            }
        }
        Handler::NameReplace => {
            for &cp in bad {
                match char::from_u32(cp).and_then(unicode_names2::name) {
                    Some(name) => push_ascii(&format!("\\N{{{name}}}"), out),
                    None => push_ascii(&escape_code_point(cp), out),
                }
            }
        }
        Handler::SurrogateEscape => {
            // Escaped bytes go out as they are; the first other character fails,
            // with the rest of the run (CPython's range).
            for (k, &cp) in bad.iter().enumerate() {
                match cp {
                    0xdc80..=0xdcff => out.push((cp - 0xdc00) as u8),
                    _ => return Err(error(vm, (start + k, end))),
                }
            }
        }
        Handler::SurrogatePass => {
            for (k, &cp) in bad.iter().enumerate() {
                if !pass_surrogate(failure.encoding, cp, out) {
                    return Err(error(vm, (start + k, end)));
                }
            }
        }
        Handler::Registered(f) => {
            let err = error(vm, range);
            let (replacement, next) = call_registered(vm, &f, err, failure.points.len(), true)?;
            match replacement.payload() {
                Some(Payload::Bytes(b)) => out.extend_from_slice(b),
                Some(Payload::Str(s)) => {
                    for cp in s.code_points() {
                        if !encode_char(cp, out) {
                            return Err(error(vm, range));
                        }
                    }
                }
                _ => {}
            }
            return Ok(next);
        }
    }
    Ok(end)
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN`, the shortest that fits.
pub fn escape_code_point(cp: u32) -> String {
    if cp < 0x100 {
        format!("\\x{cp:02x}")
    } else if cp < 0x10000 {
        format!("\\u{cp:04x}")
    } else {
        format!("\\U{cp:08x}")
    }
}

/// Apply the `errors` handler to the undecodable bytes `data.0[range]` (`data.1` is
/// the bytes object itself); returns where decoding goes on.
pub fn decode_error(
    vm: &mut Vm,
    out: &mut PyStr,
    data: (&[u8], &Value),
    encoding: &str,
    errors: &str,
    range: (usize, usize),
    reason: &str,
) -> PyResult<usize> {
    let (bytes, original) = data;
    let error = |vm: &Vm| {
        unicode_error(
            vm,
            &vm.types().exc.unicode_decode_error,
            encoding,
            original.clone(),
            range,
            reason,
        )
    };
    let bad = bytes.get(range.0..range.1).unwrap_or(&[]);
    match handler(vm, errors, false)? {
        Handler::Strict | Handler::XmlCharRefReplace | Handler::NameReplace => {
            return Err(error(vm))
        }
        Handler::Ignore => {}
        Handler::Replace => out.push_text("\u{fffd}"),
        Handler::BackslashReplace => {
            for b in bad {
                out.push_text(&format!("\\x{b:02x}"));
            }
        }
        Handler::SurrogateEscape => {
            if bad.iter().any(|&b| b < 0x80) {
                return Err(error(vm));
            }
            bad.iter()
                .for_each(|&b| out.push_code_point(0xdc00 + b as u32));
        }
        Handler::SurrogatePass => {
            let rest = bytes.get(range.0..).unwrap_or(&[]);
            let Some((cp, len)) = read_passed_surrogate(encoding, rest) else {
                return Err(error(vm));
            };
            out.push_code_point(cp);
            return Ok(range.0 + len);
        }
        Handler::Registered(f) => {
            let err = error(vm);
            let (replacement, next) = call_registered(vm, &f, err, bytes.len(), false)?;
            if let Some(Payload::Str(s)) = replacement.payload() {
                out.push_str(s);
            }
            return Ok(next);
        }
    }
    Ok(range.1)
}

/// `str()` of a UnicodeEncodeError/UnicodeDecodeError made with its five arguments.
pub fn unicode_error_str(vm: &mut Vm, exc: &ObjRef) -> PyResult<Option<String>> {
    let exc_value = Value::Obj(exc.clone());
    let types = vm.types();
    let (encode_ty, decode_ty, translate_ty) = (
        types.exc.unicode_encode_error.clone(),
        types.exc.unicode_decode_error.clone(),
        types.exc.unicode_translate_error.clone(),
    );
    let is_encode = vm.is_instance(&exc_value, &encode_ty);
    let is_translate = vm.is_instance(&exc_value, &translate_ty);
    if !is_encode && !is_translate && !vm.is_instance(&exc_value, &decode_ty) {
        return Ok(None);
    }
    let attr = |vm: &mut Vm, name: &str| vm.get_attr_str(&exc_value, name);
    let (Ok(encoding), Ok(object), Ok(start), Ok(end), Ok(reason)) = (
        attr(vm, "encoding"),
        attr(vm, "object"),
        attr(vm, "start"),
        attr(vm, "end"),
        attr(vm, "reason"),
    ) else {
        return Ok(None);
    };
    let (Value::Int(start), Value::Int(end)) = (start, end) else {
        return Ok(None);
    };
    let encoding = if is_translate {
        String::new()
    } else {
        vm.to_str(&encoding)?
    };
    let reason = vm.to_str(&reason)?;
    // CPython prints the positions as stored, negative or past the end included;
    // only a single in-range position names its character or byte.
    let single = end == start.wrapping_add(1);
    let at = usize::try_from(start).ok().filter(|_| single);
    let last = end.wrapping_sub(1);
    let text = match object.payload() {
        Some(Payload::Str(s)) if is_translate && at.is_some_and(|at| at < s.char_len()) => {
            let cp = at.and_then(|at| s.code_point_at(at)).unwrap_or(0);
            format!(
                "can't translate character '{}' in position {start}: {reason}",
                escape_code_point(cp)
            )
        }
        _ if is_translate => {
            format!("can't translate characters in position {start}-{last}: {reason}")
        }
        Some(Payload::Str(s)) if is_encode && at.is_some_and(|at| at < s.char_len()) => {
            let cp = at.and_then(|at| s.code_point_at(at)).unwrap_or(0);
            format!(
                "'{encoding}' codec can't encode character '{}' in position {start}: {reason}",
                escape_code_point(cp)
            )
        }
        Some(Payload::Bytes(b)) if !is_encode && at.is_some_and(|at| at < b.len()) => {
            let byte = at.and_then(|at| b.get(at)).copied().unwrap_or(0);
            format!(
                "'{encoding}' codec can't decode byte 0x{byte:02x} in position {start}: {reason}"
            )
        }
        _ if is_encode => format!(
            "'{encoding}' codec can't encode characters in position {start}-{last}: {reason}"
        ),
        _ => format!("'{encoding}' codec can't decode bytes in position {start}-{last}: {reason}"),
    };
    Ok(Some(text))
}
