//! The built-in text codecs (UTF-8, ASCII, Latin-1) behind `str.encode`,
//! `bytes.decode` and `bytes(str, encoding)`, with the error handlers `strict`,
//! `ignore`, `replace`, `backslashreplace` and `xmlcharrefreplace`, and the messages of
//! `UnicodeEncodeError`/`UnicodeDecodeError`.

use crate::error::{PyErr, PyResult};
use crate::object::{ObjRef, Payload};
use crate::objects::bytes::new_bytes;
use crate::objects::function::Args;
use crate::objects::native_args::Shape;
use crate::objects::str_methods::str_args;
use crate::value::Value;
use crate::vm::Vm;

/// The codecs adder has, by their canonical names.
#[derive(Clone, Copy, PartialEq)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    /// The name in error messages.
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }

    /// The highest code point the codec can encode, plus one.
    fn limit(self) -> u32 {
        match self {
            Codec::Utf8 => 0x110000,
            Codec::Ascii => 0x80,
            Codec::Latin1 => 0x100,
        }
    }
}

/// Look an encoding name up as CPython's codec registry normalises it.
pub fn lookup(vm: &Vm, encoding: &str) -> PyResult<Codec> {
    native_codec(encoding).ok_or_else(|| {
        vm.error(
            &vm.types().exc.lookup_error,
            format!("unknown encoding: {encoding}"),
        )
    })
}

/// The built-in codec an encoding name means, if it is one of them.
fn native_codec(encoding: &str) -> Option<Codec> {
    let normal: String = encoding
        .trim()
        .chars()
        .map(|c| {
            if c == '-' || c == ' ' {
                '_'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    match normal.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8_ucs2" | "utf8_ucs4" => {
            Some(Codec::Utf8)
        }
        "ascii" | "us_ascii" | "646" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "ansi_x3.4_1986"
        | "cp367" | "csascii" | "ibm367" | "iso646_us" | "iso_646.irv_1991" | "iso_ir_6" | "us" => {
            Some(Codec::Ascii)
        }
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819"
        | "iso_ir_100" | "csisolatin1" | "ibm819" | "iso_8859_1_1987" => Some(Codec::Latin1),
        _ => None,
    }
}

/// Where `str.encode`/`bytes.decode` find their codec: a built-in fast path, or the
/// codec registry (`encodings` and `codecs.register`) by name.
pub enum CodecChoice {
    Native(Codec),
    Registry(String),
}

/// The error handlers adder knows, and those registered from Python.
#[derive(Clone)]
enum Handler {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    XmlCharRefReplace,
    NameReplace,
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
            match (text_ok, pos) {
                (true, Value::Int(p)) => Some((replacement.clone(), *p)),
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
    let resolved = if pos < 0 { pos + len as i64 } else { pos };
    match usize::try_from(resolved) {
        Ok(p) if p <= len => Ok((replacement, p)),
        _ => Err(vm.index_error(format!(
            "position {resolved} from error handler out of bounds"
        ))),
    }
}

/// Apply the `errors` handler to the unencodable characters `chars[range]`, writing
/// the replacement to `out` with `encode_char` (which says whether a replacement
/// character is encodable itself); returns where encoding goes on.
#[allow(clippy::too_many_arguments)]
pub fn encode_error(
    vm: &mut Vm,
    out: &mut Vec<u8>,
    chars: &[char],
    original: &Value,
    encoding: &str,
    errors: &str,
    range: (usize, usize),
    reason: &str,
    encode_char: &dyn Fn(char, &mut Vec<u8>) -> bool,
) -> PyResult<usize> {
    let (start, end) = range;
    let bad = chars.get(start..end).unwrap_or(&[]);
    let push_ascii = |text: &str, out: &mut Vec<u8>| {
        for c in text.chars() {
            encode_char(c, out);
        }
    };
    let error = |vm: &Vm| {
        unicode_error(
            vm,
            &vm.types().exc.unicode_encode_error,
            encoding,
            original.clone(),
            range,
            reason,
        )
    };
    match handler(vm, errors, true)? {
        Handler::Strict => return Err(error(vm)),
        Handler::Ignore => {}
        Handler::Replace => push_ascii(&"?".repeat(bad.len()), out),
        Handler::BackslashReplace => {
            for &c in bad {
                push_ascii(&escape_code_point(c as u32), out);
            }
        }
        Handler::XmlCharRefReplace => {
            for &c in bad {
                push_ascii(&format!("&#{};", c as u32), out);
            }
        }
        Handler::NameReplace => {
            for &c in bad {
                match unicode_names2::name(c) {
                    Some(name) => push_ascii(&format!("\\N{{{name}}}"), out),
                    None => push_ascii(&escape_code_point(c as u32), out),
                }
            }
        }
        Handler::Registered(f) => {
            let err = error(vm);
            let (replacement, next) = call_registered(vm, &f, err, chars.len(), true)?;
            match replacement.payload() {
                Some(Payload::Bytes(b)) => out.extend_from_slice(b),
                Some(Payload::Str(s)) => {
                    for c in s.as_str().chars() {
                        if !encode_char(c, out) {
                            return Err(error(vm));
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

/// Encode `text`; `original` is the str object (for the exception's `object`).
pub fn encode(
    vm: &mut Vm,
    text: &str,
    original: &Value,
    codec: Codec,
    errors: &str,
) -> PyResult<Vec<u8>> {
    if codec == Codec::Utf8 || (codec == Codec::Ascii && text.is_ascii()) {
        return Ok(text.as_bytes().to_vec());
    }
    let chars: Vec<char> = text.chars().collect();
    let limit = codec.limit();
    let encode_char = |c: char, out: &mut Vec<u8>| {
        let fits = (c as u32) < limit;
        if fits {
            out.push(c as u32 as u8);
        }
        fits
    };
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if encode_char(c, &mut out) {
            i += 1;
            continue;
        }
        let bad_end = chars[i..]
            .iter()
            .position(|&c| (c as u32) < limit)
            .map_or(chars.len(), |n| i + n);
        let reason = format!("ordinal not in range({limit})");
        i = encode_error(
            vm,
            &mut out,
            &chars,
            original,
            codec.name(),
            errors,
            (i, bad_end),
            &reason,
            &encode_char,
        )?;
    }
    Ok(out)
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

/// Decode `data`; `original` is the bytes object (for the exception's `object`).
pub fn decode(
    vm: &mut Vm,
    data: &[u8],
    original: &Value,
    codec: Codec,
    errors: &str,
) -> PyResult<String> {
    match codec {
        Codec::Latin1 => Ok(data.iter().map(|&b| b as char).collect()),
        Codec::Ascii => {
            let mut out = String::with_capacity(data.len());
            let mut i = 0;
            while let Some(&b) = data.get(i) {
                if b < 0x80 {
                    out.push(b as char);
                    i += 1;
                } else {
                    let reason = "ordinal not in range(128)";
                    i = decode_error(
                        vm,
                        &mut out,
                        (data, original),
                        "ascii",
                        errors,
                        (i, i + 1),
                        reason,
                    )?;
                }
            }
            Ok(out)
        }
        Codec::Utf8 => decode_utf8(vm, data, original, errors),
    }
}

fn decode_utf8(vm: &mut Vm, data: &[u8], original: &Value, errors: &str) -> PyResult<String> {
    let mut out = String::with_capacity(data.len());
    let mut offset = 0;
    loop {
        let rest = data.get(offset..).unwrap_or(&[]);
        match std::str::from_utf8(rest) {
            Ok(text) => {
                out.push_str(text);
                return Ok(out);
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or_default());
                let (bad_len, reason) = utf8_error_extent(rest, good, e.error_len());
                let start = offset + good;
                offset = decode_error(
                    vm,
                    &mut out,
                    (data, original),
                    "utf-8",
                    errors,
                    (start, start + bad_len),
                    reason,
                )?;
            }
        }
    }
}

/// How many bytes after the valid prefix `rest[..good]` are undecodable, and
/// CPython's reason for them.
pub fn utf8_error_extent(
    rest: &[u8],
    good: usize,
    error_len: Option<usize>,
) -> (usize, &'static str) {
    match error_len {
        None => (rest.len() - good, "unexpected end of data"),
        Some(n) if matches!(rest[good], 0x80..=0xc1 | 0xf5..=0xff) => (n, "invalid start byte"),
        Some(n) => (n, "invalid continuation byte"),
    }
}

/// Apply the `errors` handler to the undecodable bytes `data.0[range]` (`data.1` is
/// the bytes object itself); returns where decoding goes on.
pub fn decode_error(
    vm: &mut Vm,
    out: &mut String,
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
    match handler(vm, errors, false)? {
        Handler::Strict | Handler::XmlCharRefReplace | Handler::NameReplace => {
            return Err(error(vm))
        }
        Handler::Ignore => {}
        Handler::Replace => out.push('\u{fffd}'),
        Handler::BackslashReplace => {
            for b in bytes.get(range.0..range.1).unwrap_or(&[]) {
                out.push_str(&format!("\\x{b:02x}"));
            }
        }
        Handler::Registered(f) => {
            let err = error(vm);
            let (replacement, next) = call_registered(vm, &f, err, bytes.len(), false)?;
            if let Some(Payload::Str(s)) = replacement.payload() {
                out.push_str(s.as_str());
            }
            return Ok(next);
        }
    }
    Ok(range.1)
}

/// The `encoding`/`errors` arguments of `encode`/`decode`, checked to be str.
pub fn codec_args(
    vm: &Vm,
    method: &str,
    encoding: Option<&Value>,
    errors: Option<&Value>,
) -> PyResult<(CodecChoice, String)> {
    let text = |v: Option<&Value>, name: &str, default: &str| -> PyResult<String> {
        match v {
            None => Ok(default.to_string()),
            Some(v) => match v.payload() {
                Some(Payload::Str(s)) => Ok(s.as_str().to_string()),
                _ => Err(vm.type_error(format!(
                    "{method}() argument '{name}' must be str, not {}",
                    crate::objects::str_search::arg_type_name(vm, v)
                ))),
            },
        }
    };
    let encoding = text(encoding, "encoding", "utf-8")?;
    let errors = text(errors, "errors", "strict")?;
    let choice = match native_codec(&encoding) {
        Some(codec) => CodecChoice::Native(codec),
        None => CodecChoice::Registry(encoding),
    };
    Ok((choice, errors))
}

/// Encode `text` (the str `original`) with a codec of either kind.
pub fn encode_with(
    vm: &mut Vm,
    text: &str,
    original: &Value,
    choice: &CodecChoice,
    errors: &str,
) -> PyResult<Vec<u8>> {
    match choice {
        CodecChoice::Native(codec) => encode(vm, text, original, *codec, errors),
        CodecChoice::Registry(name) => {
            let out = crate::codec_registry::encode_text(vm, original, name, errors)?;
            match out.payload() {
                Some(Payload::Bytes(b)) => Ok(b.to_vec()),
                _ => Ok(Vec::new()),
            }
        }
    }
}

/// Decode `data` (the bytes-like `original`) with a codec of either kind.
pub fn decode_with(
    vm: &mut Vm,
    data: &[u8],
    original: &Value,
    choice: &CodecChoice,
    errors: &str,
) -> PyResult<Value> {
    match choice {
        CodecChoice::Native(codec) => {
            let text = decode(vm, data, original, *codec, errors)?;
            Ok(vm.new_str(&text))
        }
        CodecChoice::Registry(name) => {
            crate::codec_registry::decode_bytes(vm, original, name, errors)
        }
    }
}

/// `str.encode(encoding='utf-8', errors='strict')`.
pub fn str_encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let shape = Shape::Keywords {
        names: &["encoding", "errors"],
        min: 0,
    };
    let (s, rest) = str_args(vm, &args, "encode", &shape)?;
    let (codec, errors) = codec_args(vm, "encode", rest[0], rest[1])?;
    let data = encode_with(vm, s.as_str(), &args.pos()[0], &codec, &errors)?;
    Ok(new_bytes(vm, data))
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
    let (start, end) = (start.max(0) as usize, end.max(0) as usize);
    let single = end == start + 1;
    let text = match object.payload() {
        Some(Payload::Str(s)) if is_translate && single && start < s.char_len() => {
            let cp = s.char_at(start).map_or(0, |c| c as u32);
            format!(
                "can't translate character '{}' in position {start}: {reason}",
                escape_code_point(cp)
            )
        }
        _ if is_translate => format!(
            "can't translate characters in position {start}-{}: {reason}",
            end.saturating_sub(1)
        ),
        Some(Payload::Str(s)) if is_encode && single && start < s.char_len() => {
            let cp = s.char_at(start).map_or(0, |c| c as u32);
            format!(
                "'{encoding}' codec can't encode character '{}' in position {start}: {reason}",
                escape_code_point(cp)
            )
        }
        Some(Payload::Bytes(b)) if !is_encode && single && start < b.len() => {
            format!(
                "'{encoding}' codec can't decode byte 0x{:02x} in position {start}: {reason}",
                b[start]
            )
        }
        _ if is_encode => format!(
            "'{encoding}' codec can't encode characters in position {start}-{}: {reason}",
            end.saturating_sub(1)
        ),
        _ => format!(
            "'{encoding}' codec can't decode bytes in position {start}-{}: {reason}",
            end.saturating_sub(1)
        ),
    };
    Ok(Some(text))
}
