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
    fn name(self) -> &'static str {
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
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8_ucs2" | "utf8_ucs4" => Ok(Codec::Utf8),
        "ascii" | "us_ascii" | "646" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "ansi_x3.4_1986"
        | "cp367" | "csascii" | "ibm367" | "iso646_us" | "iso_646.irv_1991" | "iso_ir_6" | "us" => {
            Ok(Codec::Ascii)
        }
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819"
        | "iso_ir_100" | "csisolatin1" | "ibm819" | "iso_8859_1_1987" => Ok(Codec::Latin1),
        _ => Err(vm.error(
            &vm.types().exc.lookup_error,
            format!("unknown encoding: {encoding}"),
        )),
    }
}

/// The error handlers adder knows.
#[derive(Clone, Copy, PartialEq)]
enum Handler {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    XmlCharRefReplace,
}

/// Resolved only when an error happens, as CPython (an unknown name is harmless otherwise).
fn handler(vm: &Vm, errors: &str, for_encoding: bool) -> PyResult<Handler> {
    match errors {
        "strict" => Ok(Handler::Strict),
        "ignore" => Ok(Handler::Ignore),
        "replace" => Ok(Handler::Replace),
        "backslashreplace" => Ok(Handler::BackslashReplace),
        "xmlcharrefreplace" if for_encoding => Ok(Handler::XmlCharRefReplace),
        _ => Err(vm.error(
            &vm.types().exc.lookup_error,
            format!("unknown error handler name '{errors}'"),
        )),
    }
}

/// A `UnicodeEncodeError`/`UnicodeDecodeError` with CPython's five arguments and
/// attributes.
fn unicode_error(
    vm: &Vm,
    ty: &ObjRef,
    codec: Codec,
    object: Value,
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    let values = [
        ("encoding", vm.new_str(codec.name())),
        ("object", object),
        ("start", Value::Int(start as i64)),
        ("end", Value::Int(end as i64)),
        ("reason", vm.new_str(reason)),
    ];
    let exc = vm.new_exception(ty, values.iter().map(|(_, v)| v.clone()).collect());
    for (name, v) in values {
        vm.set_exc_attr(&exc, name, v);
    }
    PyErr(exc)
}

/// Encode `text`; `original` is the str object (for the exception's `object`).
pub fn encode(
    vm: &Vm,
    text: &str,
    original: &Value,
    codec: Codec,
    errors: &str,
) -> PyResult<Vec<u8>> {
    if codec == Codec::Utf8 || (codec == Codec::Ascii && text.is_ascii()) {
        return Ok(text.as_bytes().to_vec());
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if (c as u32) < codec.limit() {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        let bad_end = chars[i..]
            .iter()
            .position(|&c| (c as u32) < codec.limit())
            .map_or(chars.len(), |n| i + n);
        match handler(vm, errors, true)? {
            Handler::Strict => {
                let reason = format!("ordinal not in range({})", codec.limit());
                return Err(unicode_error(
                    vm,
                    &vm.types().exc.unicode_encode_error,
                    codec,
                    original.clone(),
                    i,
                    bad_end,
                    &reason,
                ));
            }
            Handler::Ignore => {}
            Handler::Replace => out.extend(std::iter::repeat_n(b'?', bad_end - i)),
            Handler::BackslashReplace => {
                for &c in &chars[i..bad_end] {
                    out.extend_from_slice(escape_code_point(c as u32).as_bytes());
                }
            }
            Handler::XmlCharRefReplace => {
                for &c in &chars[i..bad_end] {
                    out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
            }
        }
        i = bad_end;
    }
    Ok(out)
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN`, the shortest that fits.
fn escape_code_point(cp: u32) -> String {
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
    vm: &Vm,
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
                } else {
                    let reason = "ordinal not in range(128)";
                    decode_error(
                        vm,
                        &mut out,
                        data,
                        original,
                        codec,
                        errors,
                        (i, i + 1),
                        reason,
                    )?;
                }
                i += 1;
            }
            Ok(out)
        }
        Codec::Utf8 => decode_utf8(vm, data, original, errors),
    }
}

fn decode_utf8(vm: &Vm, data: &[u8], original: &Value, errors: &str) -> PyResult<String> {
    let mut out = String::with_capacity(data.len());
    let mut rest = data;
    let mut offset = 0;
    loop {
        match std::str::from_utf8(rest) {
            Ok(text) => {
                out.push_str(text);
                return Ok(out);
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or_default());
                let (bad_len, reason) = match e.error_len() {
                    None => (rest.len() - good, "unexpected end of data"),
                    Some(n) if matches!(rest[good], 0x80..=0xc1 | 0xf5..=0xff) => {
                        (n, "invalid start byte")
                    }
                    Some(n) => (n, "invalid continuation byte"),
                };
                let start = offset + good;
                decode_error(
                    vm,
                    &mut out,
                    data,
                    original,
                    Codec::Utf8,
                    errors,
                    (start, start + bad_len),
                    reason,
                )?;
                rest = &rest[good + bad_len..];
                offset = start + bad_len;
            }
        }
    }
}

/// Apply the error handler to the undecodable bytes `data[range.0..range.1]`.
#[allow(clippy::too_many_arguments)]
fn decode_error(
    vm: &Vm,
    out: &mut String,
    data: &[u8],
    original: &Value,
    codec: Codec,
    errors: &str,
    range: (usize, usize),
    reason: &str,
) -> PyResult<()> {
    match handler(vm, errors, false)? {
        Handler::Strict | Handler::XmlCharRefReplace => Err(unicode_error(
            vm,
            &vm.types().exc.unicode_decode_error,
            codec,
            original.clone(),
            range.0,
            range.1,
            reason,
        )),
        Handler::Ignore => Ok(()),
        Handler::Replace => {
            out.push('\u{fffd}');
            Ok(())
        }
        Handler::BackslashReplace => {
            for b in &data[range.0..range.1] {
                out.push_str(&format!("\\x{b:02x}"));
            }
            Ok(())
        }
    }
}

/// The `encoding`/`errors` arguments of `encode`/`decode`, checked to be str.
pub fn codec_args(
    vm: &Vm,
    method: &str,
    encoding: Option<&Value>,
    errors: Option<&Value>,
) -> PyResult<(Codec, String)> {
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
    Ok((lookup(vm, &encoding)?, errors))
}

/// `str.encode(encoding='utf-8', errors='strict')`.
pub fn str_encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let shape = Shape::Keywords {
        names: &["encoding", "errors"],
        min: 0,
    };
    let (s, rest) = str_args(vm, &args, "encode", &shape)?;
    let (codec, errors) = codec_args(vm, "encode", rest[0], rest[1])?;
    let data = encode(vm, s.as_str(), &args.pos()[0], codec, &errors)?;
    Ok(new_bytes(vm, data))
}

/// `str()` of a UnicodeEncodeError/UnicodeDecodeError made with its five arguments.
pub fn unicode_error_str(vm: &mut Vm, exc: &ObjRef) -> PyResult<Option<String>> {
    let exc_value = Value::Obj(exc.clone());
    let types = vm.types();
    let (encode_ty, decode_ty) = (
        types.exc.unicode_encode_error.clone(),
        types.exc.unicode_decode_error.clone(),
    );
    let is_encode = vm.is_instance(&exc_value, &encode_ty);
    if !is_encode && !vm.is_instance(&exc_value, &decode_ty) {
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
    let encoding = vm.to_str(&encoding)?;
    let reason = vm.to_str(&reason)?;
    let (start, end) = (start.max(0) as usize, end.max(0) as usize);
    let single = end == start + 1;
    let text = match object.payload() {
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
