//! The built-in error handlers as functions (`codecs.strict_errors`,
//! `codecs.replace_errors`, ...): what `lookup_error` returns for the standard names.
//! Each takes the UnicodeError and returns `(replacement, position to go on from)`.
//! (The encoders and decoders apply these handlers directly, without calling them.)

use adder_vm::object::Payload;
use adder_vm::objects::codecs::escape_code_point as escape;
use adder_vm::objects::function::{Args, NativeFn};
use adder_vm::{PyErr, PyResult, Value, Vm};

/// The standard handler names and their functions.
pub const BUILTIN: &[(&str, NativeFn)] = &[
    ("strict", strict_errors),
    ("ignore", ignore_errors),
    ("replace", replace_errors),
    ("backslashreplace", backslashreplace_errors),
    ("xmlcharrefreplace", xmlcharrefreplace_errors),
    ("namereplace", namereplace_errors),
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

/// The characters `object[start..end]` of an encode/translate error.
fn bad_chars(vm: &mut Vm, exc: &Value, start: usize, end: usize) -> PyResult<Vec<char>> {
    let object = vm.get_attr_str(exc, "object")?;
    match object.payload() {
        Some(Payload::Str(s)) => Ok(s
            .as_str()
            .chars()
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
        for c in bad_chars(vm, &exc, start, end)? {
            text.push_str(&escape(c as u32));
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
        .map(|c| format!("&#{};", c as u32))
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
        .map(|c| match unicode_names2::name(c) {
            Some(name) => format!("\\N{{{name}}}"),
            None => escape(c as u32),
        })
        .collect();
    Ok(answer(vm, &text, end))
}
