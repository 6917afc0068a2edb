//! The built-in text codecs (UTF-8, ASCII, Latin-1) behind `str.encode`,
//! `bytes.decode` and `bytes(str, encoding)`. They work on code points, so that lone
//! surrogates are encoded and decoded exactly; the error handlers are in
//! `codec_errors.rs`.

use crate::error::PyResult;
use crate::object::Payload;
use crate::objects::bytes::new_bytes;
pub use crate::objects::codec_errors::{
    decode_error, encode_error, escape_code_point, unicode_error, unicode_error_str, EncodeFailure,
};
use crate::objects::function::Args;
use crate::objects::native_args::Shape;
use crate::objects::str::PyStr;
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

/// Encode `text` (Rust text, without surrogates); `original` is the str object (for
/// the exception's `object`).
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
    let points: Vec<u32> = text.chars().map(|c| c as u32).collect();
    encode_points(vm, &points, original, codec, errors)
}

/// Encode the str `s` exactly (its surrogates fail, or go through the handler).
pub fn encode_str(
    vm: &mut Vm,
    s: &PyStr,
    original: &Value,
    codec: Codec,
    errors: &str,
) -> PyResult<Vec<u8>> {
    if !s.has_surrogates() {
        return encode(vm, s.as_str(), original, codec, errors);
    }
    let points: Vec<u32> = s.code_points().collect();
    encode_points(vm, &points, original, codec, errors)
}

/// Write `cp` as `codec` does; false when it cannot (a surrogate in UTF-8, a code
/// point past the codec's range).
fn encode_code_point(codec: Codec, cp: u32, out: &mut Vec<u8>) -> bool {
    match codec {
        Codec::Utf8 => match char::from_u32(cp) {
            Some(c) => {
                out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                true
            }
            None => false,
        },
        _ if cp < codec.limit() => {
            out.push(cp as u8);
            true
        }
        _ => false,
    }
}

/// Encode code points with one of the built-in codecs.
fn encode_points(
    vm: &mut Vm,
    points: &[u32],
    original: &Value,
    codec: Codec,
    errors: &str,
) -> PyResult<Vec<u8>> {
    let reason = match codec {
        Codec::Utf8 => "surrogates not allowed".to_string(),
        _ => format!("ordinal not in range({})", codec.limit()),
    };
    let failure = EncodeFailure {
        points,
        original,
        encoding: codec.name(),
        reason: &reason,
    };
    let encode_char = |cp: u32, out: &mut Vec<u8>| encode_code_point(codec, cp, out);
    encode_each(vm, &failure, errors, &encode_char)
}

/// Encode `failure.points` one by one with `encode_char`, handing each run of
/// code points it cannot encode to the `errors` handler.
pub fn encode_each(
    vm: &mut Vm,
    failure: &EncodeFailure,
    errors: &str,
    encode_char: &dyn Fn(u32, &mut Vec<u8>) -> bool,
) -> PyResult<Vec<u8>> {
    let points = failure.points;
    let mut out = Vec::with_capacity(points.len());
    let mut i = 0;
    while let Some(&cp) = points.get(i) {
        if encode_char(cp, &mut out) {
            i += 1;
            continue;
        }
        let mut probe = Vec::new();
        let bad_end = points[i..]
            .iter()
            .position(|&cp| encode_char(cp, &mut probe))
            .map_or(points.len(), |n| i + n);
        i = encode_error(vm, &mut out, failure, errors, (i, bad_end), encode_char)?;
    }
    Ok(out)
}

/// Decode `data` to Rust text (surrogates a handler makes show as U+FFFD); `original`
/// is the bytes object (for the exception's `object`).
pub fn decode(
    vm: &mut Vm,
    data: &[u8],
    original: &Value,
    codec: Codec,
    errors: &str,
) -> PyResult<String> {
    decode_str(vm, data, original, codec, errors).map(PyStr::into_lossy_string)
}

/// Decode `data` exactly (`surrogateescape`/`surrogatepass` make lone surrogates).
pub fn decode_str(
    vm: &mut Vm,
    data: &[u8],
    original: &Value,
    codec: Codec,
    errors: &str,
) -> PyResult<PyStr> {
    match codec {
        Codec::Latin1 => Ok(PyStr::new(
            data.iter().map(|&b| b as char).collect::<String>(),
        )),
        Codec::Ascii => {
            let mut out = PyStr::new(String::new());
            let mut i = 0;
            while i < data.len() {
                let run = data[i..].iter().take_while(|b| b.is_ascii()).count();
                out.push_text(std::str::from_utf8(&data[i..i + run]).unwrap_or_default());
                i += run;
                if i < data.len() {
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

fn decode_utf8(vm: &mut Vm, data: &[u8], original: &Value, errors: &str) -> PyResult<PyStr> {
    if let Ok(text) = std::str::from_utf8(data) {
        return Ok(PyStr::new(text));
    }
    let mut out = PyStr::new(String::new());
    let mut offset = 0;
    loop {
        let rest = data.get(offset..).unwrap_or(&[]);
        match std::str::from_utf8(rest) {
            Ok(text) => {
                out.push_text(text);
                return Ok(out);
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_text(std::str::from_utf8(&rest[..good]).unwrap_or_default());
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
    text: &PyStr,
    original: &Value,
    choice: &CodecChoice,
    errors: &str,
) -> PyResult<Vec<u8>> {
    match choice {
        CodecChoice::Native(codec) => encode_str(vm, text, original, *codec, errors),
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
            let text = decode_str(vm, data, original, *codec, errors)?;
            Ok(vm.new_str_obj(text))
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
    let data = encode_with(vm, s, &args.pos()[0], &codec, &errors)?;
    Ok(new_bytes(vm, data))
}

/// A file name, environment string or argument from the system as a str: UTF-8 with
/// `surrogateescape` (the filesystem encoding), so that any bytes round-trip.
pub fn fs_decode(raw: &[u8]) -> PyStr {
    let mut out = PyStr::new(String::new());
    let mut rest = raw;
    loop {
        match std::str::from_utf8(rest) {
            Ok(text) => {
                out.push_text(text);
                return out;
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_text(std::str::from_utf8(&rest[..good]).unwrap_or_default());
                let (bad_len, _) = utf8_error_extent(rest, good, e.error_len());
                // Undecodable UTF-8 bytes are never ASCII, so each can be escaped.
                let bad = rest.get(good..good + bad_len).unwrap_or(&[]);
                bad.iter()
                    .for_each(|&b| out.push_code_point(0xdc00 + b as u32));
                rest = rest.get(good + bad_len..).unwrap_or(&[]);
            }
        }
    }
}

/// A str as a file name for the system (`os.fsencode`): UTF-8 with `surrogateescape`;
/// other surrogates raise UnicodeEncodeError. `original` is the str object.
pub fn fs_encode(vm: &mut Vm, s: &PyStr, original: &Value) -> PyResult<Vec<u8>> {
    encode_str(vm, s, original, Codec::Utf8, "surrogateescape")
}

/// The text of `s` as a UTF-8 text stream with `errors` writes it: with "strict" (as
/// on stdout) a lone surrogate raises UnicodeEncodeError, as in CPython's
/// TextIOWrapper; other handlers give their replacement.
pub fn stream_text<'a>(
    vm: &mut Vm,
    s: &'a PyStr,
    original: &Value,
    errors: &str,
) -> PyResult<std::borrow::Cow<'a, str>> {
    if !s.has_surrogates() {
        return Ok(std::borrow::Cow::Borrowed(s.as_str()));
    }
    let bytes = encode_str(vm, s, original, Codec::Utf8, errors)?;
    Ok(std::borrow::Cow::Owned(
        String::from_utf8_lossy(&bytes).into_owned(),
    ))
}
