//! The built-in error handlers as functions (`codecs.strict_errors`,
//! `codecs.replace_errors`, ...): what `lookup_error` returns for the standard names.
//! Each takes the UnicodeError and returns `(replacement, position to go on from)`.
//! (The encoders and decoders apply these handlers directly, without calling them.)

use adder_vm::object::Payload;
use adder_vm::objects::bytes::new_bytes;
use adder_vm::objects::codec_errors::{pass_surrogate, read_passed_surrogate};
use adder_vm::objects::codecs::escape_code_point as escape;
use adder_vm::objects::function::{Args, NativeFn};
use adder_vm::objects::str::PyStr;
use adder_vm::{PyErr, PyResult, Value, Vm};

/// The standard handler names and their functions.
pub const BUILTIN: &[(&str, NativeFn)] = &[
    ("strict", strict_errors),
    ("ignore", ignore_errors),
    ("replace", replace_errors),
    ("backslashreplace", backslashreplace_errors),
    ("xmlcharrefreplace", xmlcharrefreplace_errors),
    ("namereplace", namereplace_errors),
    ("surrogateescape", surrogateescape_errors),
    ("surrogatepass", surrogatepass_errors),
];

/// The built-in function object for the handler `name` (`<built-in function
/// strict_errors>`).
pub fn builtin_function(vm: &Vm, name: &str, f: NativeFn) -> Value {
    let full: &'static str = match name {
        "strict" => "strict_errors",
        "ignore" => "ignore_errors",
        "replace" => "replace_errors",
        "backslashreplace" => "backslashreplace_errors",
        "xmlcharrefreplace" => "xmlcharrefreplace_errors",
        "surrogateescape" => "surrogateescape",
        "surrogatepass" => "surrogatepass",
        _ => "namereplace_errors",
    };
    adder_vm::builtins::new_builtin(vm, full, f, None)
}

/// Which UnicodeError a handler was given.
enum ErrorKind {
    Encode,
    Decode,
    Translate,
}

/// The exception argument, its kind, and its `start`/`end`.
fn error_arg(vm: &mut Vm, args: &Args, func: &str) -> PyResult<(Value, ErrorKind, usize, usize)> {
    let exc = crate::arity::one(vm, args, func)?.clone();
    let types = vm.types();
    let kind = if vm.is_instance(&exc, &types.exc.unicode_encode_error) {
        ErrorKind::Encode
    } else if vm.is_instance(&exc, &types.exc.unicode_decode_error) {
        ErrorKind::Decode
    } else if vm.is_instance(&exc, &types.exc.unicode_translate_error) {
        ErrorKind::Translate
    } else {
        return Err(vm.type_error(format!(
            "don't know how to handle {} in error callback",
            vm.type_name(&exc)
        )));
    };
    let position = |vm: &mut Vm, name: &str| -> PyResult<usize> {
        match vm.get_attr_str(&exc, name)? {
            Value::Int(i) => Ok(i.max(0) as usize),
            _ => Err(vm.type_error(format!("{name} attribute must be int"))),
        }
    };
    let start = position(vm, "start")?;
    let end = position(vm, "end")?;
    let len = object_len(vm, &exc, &kind)?;
    Ok((exc, kind, clamp_start(start, len), clamp_end(end, len)))
}

/// The length of the exception's `object` (characters of the str, or bytes for a
/// decode error), which bounds `start`/`end` so that a handler never reads or
/// produces more than the object holds.
fn object_len(vm: &mut Vm, exc: &Value, kind: &ErrorKind) -> PyResult<usize> {
    let object = vm.get_attr_str(exc, "object")?;
    match (kind, object.payload()) {
        (ErrorKind::Decode, Some(Payload::Bytes(b))) => Ok(b.len()),
        (ErrorKind::Decode, _) => {
            Err(vm.type_error("UnicodeError 'object' attribute must be a bytes"))
        }
        (_, Some(Payload::Str(s))) => Ok(s.char_len()),
        _ => Err(vm.type_error("UnicodeError 'object' attribute must be a string")),
    }
}

/// `start` limited to `0..len` (to 0 for an empty object), as CPython's
/// `PyUnicode*Error_GetStart` does.
fn clamp_start(start: usize, len: usize) -> usize {
    start.min(len.saturating_sub(1))
}

/// `end` limited to `1..=len` (to 0 for an empty object), as CPython's
/// `PyUnicode*Error_GetEnd` does.
fn clamp_end(end: usize, len: usize) -> usize {
    end.max(1).min(len)
}

/// The code points `object[start..end]` of an encode/translate error.
fn bad_chars(vm: &mut Vm, exc: &Value, start: usize, end: usize) -> PyResult<Vec<u32>> {
    let object = vm.get_attr_str(exc, "object")?;
    match object.payload() {
        Some(Payload::Str(s)) => Ok(s
            .code_points()
            .skip(start)
            .take(end.saturating_sub(start))
            .collect()),
        _ => Err(vm.type_error("object attribute must be unicode")),
    }
}

fn answer(vm: &Vm, replacement: &str, end: usize) -> Value {
    vm.new_tuple(vec![vm.new_str(replacement), Value::Int(end as i64)])
}

fn wrong_kind(vm: &Vm, exc: &Value) -> PyErr {
    vm.type_error(format!(
        "don't know how to handle {} in error callback",
        vm.type_name(exc)
    ))
}

fn strict_errors(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let exc = crate::arity::one(vm, &args, "strict_errors")?.clone();
    match exc {
        Value::Obj(o) if vm.is_instance(&Value::Obj(o.clone()), &vm.types().exc.base_exception) => {
            Err(PyErr(o))
        }
        _ => Err(vm.type_error("codec must pass exception instance")),
    }
}

fn ignore_errors(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, _, _, end) = error_arg(vm, &args, "ignore_errors")?;
    Ok(answer(vm, "", end))
}

fn replace_errors(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, kind, start, end) = error_arg(vm, &args, "replace_errors")?;
    let n = end.saturating_sub(start);
    let text = match kind {
        ErrorKind::Encode => "?".repeat(n),
        ErrorKind::Decode => "\u{fffd}".to_string(),
        ErrorKind::Translate => "\u{fffd}".repeat(n),
    };
    Ok(answer(vm, &text, end))
}

fn backslashreplace_errors(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (exc, kind, start, end) = error_arg(vm, &args, "backslashreplace_errors")?;
    let mut text = String::new();
    if let ErrorKind::Decode = kind {
        let object = vm.get_attr_str(&exc, "object")?;
        let data = adder_vm::objects::buffer::require_bytes_like(vm, &object)?;
        for b in data.get(start..end.min(data.len())).unwrap_or(&[]) {
            text.push_str(&format!("\\x{b:02x}"));
        }
    } else {
        for cp in bad_chars(vm, &exc, start, end)? {
            text.push_str(&escape(cp));
        }
    }
    Ok(answer(vm, &text, end))
}

fn xmlcharrefreplace_errors(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (exc, kind, start, end) = error_arg(vm, &args, "xmlcharrefreplace_errors")?;
    if !matches!(kind, ErrorKind::Encode) {
        return Err(wrong_kind(vm, &exc));
    }
    let text: String = bad_chars(vm, &exc, start, end)?
        .into_iter()
        .map(|cp| format!("&#{cp};"))
        .collect();
    Ok(answer(vm, &text, end))
}

fn namereplace_errors(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (exc, kind, start, end) = error_arg(vm, &args, "namereplace_errors")?;
    if !matches!(kind, ErrorKind::Encode) {
        return Err(wrong_kind(vm, &exc));
    }
    let text: String = bad_chars(vm, &exc, start, end)?
        .into_iter()
        .map(
            |cp| match char::from_u32(cp).and_then(unicode_names2::name) {
                Some(name) => format!("\\N{{{name}}}"),
                None => escape(cp),
            },
        )
        .collect();
    Ok(answer(vm, &text, end))
}

/// The exception itself, raised again: what a handler does with what it cannot fix.
fn reraise(vm: &Vm, exc: &Value) -> PyErr {
    match exc {
        Value::Obj(o) => PyErr(o.clone()),
        _ => wrong_kind(vm, exc),
    }
}

/// The bytes `object[start..end]` of a decode error.
fn bad_bytes(vm: &mut Vm, exc: &Value, start: usize, end: usize) -> PyResult<Vec<u8>> {
    let object = vm.get_attr_str(exc, "object")?;
    let data = adder_vm::objects::buffer::require_bytes_like(vm, &object)?;
    Ok(data.get(start..end.min(data.len())).unwrap_or(&[]).to_vec())
}

/// `(replacement, end)` with a str replacement of exact code points.
fn answer_points(vm: &Vm, points: impl IntoIterator<Item = u32>, end: usize) -> Value {
    let text = vm.new_str_obj(PyStr::from_code_points(points));
    vm.new_tuple(vec![text, Value::Int(end as i64)])
}

/// `(replacement, end)` with a bytes replacement.
fn answer_bytes(vm: &Vm, bytes: Vec<u8>, end: usize) -> Value {
    vm.new_tuple(vec![new_bytes(vm, bytes), Value::Int(end as i64)])
}

/// `surrogateescape`: undecodable bytes (up to four) become U+DC80..U+DCFF, and those
/// encode back to their bytes; anything else raises the error.
fn surrogateescape_errors(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (exc, kind, start, end) = error_arg(vm, &args, "surrogateescape")?;
    match kind {
        ErrorKind::Decode => {
            let bytes = bad_bytes(vm, &exc, start, end)?;
            let escaped: Vec<u32> = bytes
                .iter()
                .take(4)
                .take_while(|&&b| b >= 0x80)
                .map(|&b| 0xdc00 + b as u32)
                .collect();
            if escaped.is_empty() {
                return Err(reraise(vm, &exc));
            }
            let next = start + escaped.len();
            Ok(answer_points(vm, escaped, next))
        }
        ErrorKind::Encode => {
            let mut out = Vec::new();
            for cp in bad_chars(vm, &exc, start, end)? {
                match cp {
                    0xdc80..=0xdcff => out.push((cp - 0xdc00) as u8),
                    _ => return Err(reraise(vm, &exc)),
                }
            }
            Ok(answer_bytes(vm, out, end))
        }
        ErrorKind::Translate => Err(wrong_kind(vm, &exc)),
    }
}

/// `surrogatepass`: UTF-8/16/32 carry lone surrogates as if they were characters.
fn surrogatepass_errors(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (exc, kind, start, end) = error_arg(vm, &args, "surrogatepass")?;
    let encoding = vm.get_attr_str(&exc, "encoding")?;
    let encoding = match encoding.payload() {
        Some(Payload::Str(s)) => normalized_utf_name(s.as_str()),
        _ => return Err(reraise(vm, &exc)),
    };
    match kind {
        ErrorKind::Decode => {
            let object = vm.get_attr_str(&exc, "object")?;
            let data = adder_vm::objects::buffer::require_bytes_like(vm, &object)?;
            match read_passed_surrogate(&encoding, data.get(start..).unwrap_or(&[])) {
                Some((cp, len)) => Ok(answer_points(vm, [cp], start + len)),
                None => Err(reraise(vm, &exc)),
            }
        }
        ErrorKind::Encode => {
            let mut out = Vec::new();
            for cp in bad_chars(vm, &exc, start, end)? {
                if !pass_surrogate(&encoding, cp, &mut out) {
                    return Err(reraise(vm, &exc));
                }
            }
            Ok(answer_bytes(vm, out, end))
        }
        ErrorKind::Translate => Err(wrong_kind(vm, &exc)),
    }
}

/// An encoding name as the surrogate helpers know it: lower case, `-` separated.
fn normalized_utf_name(name: &str) -> String {
    name.to_ascii_lowercase()
        .replace('_', "-")
        .replace("utf8", "utf-8")
}
