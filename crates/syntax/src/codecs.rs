//! The text encodings a PEP 263 coding cookie may name, looked up by Python's codec
//! names and aliases, and decoding with them.
//!
//! UTF-8, Latin-1 and ASCII are decoded here (Python's exact semantics, error
//! positions included); other names (`koi8-r`, `cp1251`, `iso-8859-5`, `shift_jis`,
//! ...) go to `encoding_rs`, whose WHATWG tables are looked up by label.

use std::borrow::Cow;

/// A codec found by name.
#[derive(Clone, Copy)]
pub(crate) enum Codec {
    Utf8,
    Latin1,
    Ascii,
    /// A single-byte WHATWG table corrected to Python's charmap codec of the same
    /// name (see `SingleByteFixes`).
    SingleByte(&'static encoding_rs::Encoding, &'static SingleByteFixes),
    Other(&'static encoding_rs::Encoding),
}

/// Where a WHATWG single-byte table differs from Python's codec: WHATWG fills the
/// holes of the windows code pages (cp1252's 0x81, ...) that Python leaves
/// undefined, uses KOI8-RU for `koi8-u`, and makes `iso-8859-9`/`iso-8859-11` the
/// windows-1254/874 supersets. Decoding with the bare WHATWG table would accept bytes
/// CPython rejects, or read them as other characters. The lists were made by
/// comparing every byte's decoding under the reference interpreter with encoding_rs.
pub(crate) struct SingleByteFixes {
    /// Bytes Python's codec leaves undefined ("character maps to <undefined>").
    undefined: &'static [u8],
    /// 0x80..=0x9F decode to U+0080..=U+009F (the ISO tables' C1 controls).
    c1_identity: bool,
    /// Bytes Python's codec maps to another character than the WHATWG table.
    overrides: &'static [(u8, char)],
}

const fn holes(undefined: &'static [u8]) -> SingleByteFixes {
    SingleByteFixes {
        undefined,
        c1_identity: false,
        overrides: &[],
    }
}

static NO_FIXES: SingleByteFixes = holes(&[]);
static CP1250: SingleByteFixes = holes(&[0x81, 0x83, 0x88, 0x90, 0x98]);
static CP1251: SingleByteFixes = holes(&[0x98]);
static CP1252: SingleByteFixes = holes(&[0x81, 0x8d, 0x8f, 0x90, 0x9d]);
static CP1253: SingleByteFixes = holes(&[
    0x81, 0x88, 0x8a, 0x8c, 0x8d, 0x8e, 0x8f, 0x90, 0x98, 0x9a, 0x9c, 0x9d, 0x9e, 0x9f,
]);
static CP1254: SingleByteFixes = holes(&[0x81, 0x8d, 0x8e, 0x8f, 0x90, 0x9d, 0x9e]);
static CP1255: SingleByteFixes = holes(&[
    0x81, 0x8a, 0x8c, 0x8d, 0x8e, 0x8f, 0x90, 0x9a, 0x9c, 0x9d, 0x9e, 0x9f, 0xca,
]);
static CP1257: SingleByteFixes =
    holes(&[0x81, 0x83, 0x88, 0x8a, 0x8c, 0x90, 0x98, 0x9a, 0x9c, 0x9f]);
static CP1258: SingleByteFixes = holes(&[0x81, 0x8a, 0x8d, 0x8e, 0x8f, 0x90, 0x9a, 0x9d, 0x9e]);
static CP874: SingleByteFixes = holes(&[
    0x81, 0x82, 0x83, 0x84, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8d, 0x8e, 0x8f, 0x90, 0x98,
    0x99, 0x9a, 0x9b, 0x9c, 0x9d, 0x9e, 0x9f,
]);
static KOI8_U_FIXES: SingleByteFixes = SingleByteFixes {
    undefined: &[],
    c1_identity: false,
    overrides: &[(0xae, '\u{255d}'), (0xbe, '\u{256c}')],
};
static ISO_C1: SingleByteFixes = SingleByteFixes {
    undefined: &[],
    c1_identity: true,
    overrides: &[],
};

/// The corrections for a single-byte WHATWG encoding reached from `key`.
fn single_byte_fixes(
    key: &str,
    encoding: &'static encoding_rs::Encoding,
) -> &'static SingleByteFixes {
    use encoding_rs::*;
    if key.contains("8859") {
        // iso-8859-9 and -11 resolve to the windows supersets; every other ISO
        // table already has Python's C1 mapping, so the identity is harmless.
        return &ISO_C1;
    }
    let tables: [(&'static Encoding, &'static SingleByteFixes); 9] = [
        (WINDOWS_1250, &CP1250),
        (WINDOWS_1251, &CP1251),
        (WINDOWS_1252, &CP1252),
        (WINDOWS_1253, &CP1253),
        (WINDOWS_1254, &CP1254),
        (WINDOWS_1255, &CP1255),
        (WINDOWS_1257, &CP1257),
        (WINDOWS_1258, &CP1258),
        (WINDOWS_874, &CP874),
    ];
    if encoding == KOI8_U {
        return &KOI8_U_FIXES;
    }
    tables
        .iter()
        .find(|(table, _)| *table == encoding)
        .map_or(&NO_FIXES, |(_, fixes)| fixes)
}

/// Why bytes did not decode: the detail of Python's UnicodeDecodeError
/// (`'charmap' codec can't decode byte 0x81 in position 24: ...`), when adder
/// knows it (not for the multibyte codecs).
pub(crate) struct DecodeFailure {
    pub(crate) message: Option<String>,
}

/// Python's codec registry lookup (`codecs.lookup(name)`), for the encodings adder
/// can decode. `None` is Python's LookupError ("unknown encoding").
pub(crate) fn lookup(name: &str) -> Option<Codec> {
    // encodings.normalize_encoding, then the aliases table's spelling.
    let key: String = name
        .trim()
        .to_ascii_lowercase()
        .chars()
        .map(|c| if c == '-' || c == ' ' { '_' } else { c })
        .collect();
    match key.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => {
            return Some(Codec::Utf8)
        }
        "latin_1" | "latin1" | "latin" | "l1" | "iso8859_1" | "iso_8859_1" | "8859" | "cp819"
        | "iso_ir_100" | "csisolatin1" | "iso_8859_1:1987" | "ibm819" => {
            return Some(Codec::Latin1)
        }
        "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" | "ansi_x3_4_1968"
        | "ansi_x3.4_1986" | "cp367" | "csascii" | "ibm367" | "iso646_us" | "iso_646.irv:1991"
        | "iso_ir_6" => return Some(Codec::Ascii),
        _ => {}
    }
    let key = iso_alias(&key).map_or(key, str::to_string);
    let label = whatwg_label(&key)?;
    let encoding = encoding_rs::Encoding::for_label_no_replacement(label.as_bytes())?;
    if encoding.is_single_byte() {
        return Some(Codec::SingleByte(
            encoding,
            single_byte_fixes(&key, encoding),
        ));
    }
    Some(Codec::Other(encoding))
}

/// Python's other names for the ISO 8859 codecs (`latin5` is iso8859_9, ...), as the
/// normalized `iso8859_N` key the rest of the lookup understands.
fn iso_alias(key: &str) -> Option<&'static str> {
    Some(match key {
        "latin2" | "l2" | "iso_ir_101" | "csisolatin2" => "iso8859_2",
        "latin3" | "l3" | "iso_ir_109" | "csisolatin3" => "iso8859_3",
        "latin4" | "l4" | "iso_ir_110" | "csisolatin4" => "iso8859_4",
        "cyrillic" | "iso_ir_144" | "csisolatincyrillic" => "iso8859_5",
        "arabic" | "iso_ir_127" | "asmo_708" | "ecma_114" | "csisolatinarabic" => "iso8859_6",
        "greek" | "greek8" | "iso_ir_126" | "elot_928" | "ecma_118" | "csisolatingreek" => {
            "iso8859_7"
        }
        "hebrew" | "iso_ir_138" | "csisolatinhebrew" => "iso8859_8",
        "latin5" | "l5" | "iso_ir_148" | "csisolatin5" => "iso8859_9",
        "latin6" | "l6" | "iso_ir_157" | "csisolatin6" => "iso8859_10",
        "thai" => "iso8859_11",
        "latin7" | "l7" => "iso8859_13",
        "latin8" | "l8" | "iso_ir_199" | "iso_celtic" => "iso8859_14",
        "latin9" | "l9" => "iso8859_15",
        "latin10" | "l10" | "iso_ir_226" => "iso8859_16",
        _ => return None,
    })
}

/// The WHATWG label for a normalized Python codec name, for the codecs whose
/// tables agree. Latin-1 and ASCII never get here: WHATWG maps those labels to
/// windows-1252.
fn whatwg_label(key: &str) -> Option<String> {
    if let Some(number) = key
        .strip_prefix("cp")
        .or_else(|| key.strip_prefix("windows_"))
    {
        return match number {
            "1250" | "1251" | "1252" | "1253" | "1254" | "1255" | "1256" | "1257" | "1258" => {
                Some(format!("windows-{number}"))
            }
            "866" => Some("ibm866".to_string()),
            "874" => Some("windows-874".to_string()),
            "932" => Some("shift_jis".to_string()),
            "936" => Some("gbk".to_string()),
            "949" => Some("euc-kr".to_string()),
            "950" => Some("big5".to_string()),
            _ => None,
        };
    }
    if let Some(part) = key
        .strip_prefix("iso8859_")
        .or_else(|| key.strip_prefix("iso_8859_"))
    {
        return Some(format!("iso-8859-{part}"));
    }
    Some(match key {
        "koi8_r" => "koi8-r".to_string(),
        "koi8_u" => "koi8-u".to_string(),
        "shift_jis" | "sjis" | "s_jis" | "shiftjis" => "shift_jis".to_string(),
        "euc_jp" | "eucjp" | "ujis" => "euc-jp".to_string(),
        "iso2022_jp" | "iso_2022_jp" => "iso-2022-jp".to_string(),
        "euc_kr" | "euckr" => "euc-kr".to_string(),
        "gbk" | "gb2312" | "euc_cn" | "euccn" => "gbk".to_string(),
        "gb18030" => "gb18030".to_string(),
        "big5" | "big5_tw" => "big5".to_string(),
        "mac_roman" | "macroman" | "macintosh" => "macintosh".to_string(),
        "mac_cyrillic" | "maccyrillic" => "x-mac-cyrillic".to_string(),
        _ => return None,
    })
}

/// Decodes `bytes` strictly (no replacement characters).
pub(crate) fn decode(codec: Codec, bytes: &[u8]) -> Result<Cow<'_, str>, DecodeFailure> {
    match codec {
        Codec::Utf8 => std::str::from_utf8(bytes)
            .map(Cow::Borrowed)
            .map_err(|_| DecodeFailure { message: None }),
        Codec::Latin1 => Ok(Cow::Owned(bytes.iter().map(|&b| b as char).collect())),
        Codec::Ascii => match bytes.iter().position(|&b| b >= 0x80) {
            None => Ok(Cow::Owned(bytes.iter().map(|&b| b as char).collect())),
            Some(position) => Err(DecodeFailure {
                message: Some(format!(
                    "'ascii' codec can't decode byte 0x{:02x} in position {position}: ordinal not in range(128)",
                    bytes[position]
                )),
            }),
        },
        Codec::SingleByte(encoding, fixes) => {
            let mut out = String::with_capacity(bytes.len());
            for (position, &byte) in bytes.iter().enumerate() {
                match single_byte_char(encoding, fixes, byte) {
                    Some(c) => out.push(c),
                    None => {
                        return Err(DecodeFailure {
                            message: Some(format!(
                                "'charmap' codec can't decode byte 0x{byte:02x} in position {position}: character maps to <undefined>"
                            )),
                        })
                    }
                }
            }
            Ok(Cow::Owned(out))
        }
        Codec::Other(encoding) => encoding
            .decode_without_bom_handling_and_without_replacement(bytes)
            .ok_or(DecodeFailure { message: None }),
    }
}

/// One byte through a corrected single-byte table; `None` when Python's codec
/// leaves it undefined.
fn single_byte_char(
    encoding: &'static encoding_rs::Encoding,
    fixes: &SingleByteFixes,
    byte: u8,
) -> Option<char> {
    if byte < 0x80 {
        return Some(byte as char);
    }
    if fixes.undefined.contains(&byte) {
        return None;
    }
    if let Some(&(_, c)) = fixes.overrides.iter().find(|(b, _)| *b == byte) {
        return Some(c);
    }
    if fixes.c1_identity && byte <= 0x9f {
        return Some(byte as char);
    }
    let one = [byte];
    let decoded = encoding.decode_without_bom_handling_and_without_replacement(&one)?;
    decoded.chars().next()
}

/// Decodes `bytes`, replacing undecodable bytes with U+FFFD (Python's
/// `errors="replace"`).
pub(crate) fn decode_lossy(codec: Codec, bytes: &[u8]) -> Cow<'_, str> {
    match codec {
        Codec::Utf8 => String::from_utf8_lossy(bytes),
        Codec::Latin1 => Cow::Owned(bytes.iter().map(|&b| b as char).collect()),
        Codec::Ascii => Cow::Owned(
            bytes
                .iter()
                .map(|&b| if b < 0x80 { b as char } else { '\u{fffd}' })
                .collect(),
        ),
        Codec::SingleByte(encoding, fixes) => Cow::Owned(
            bytes
                .iter()
                .map(|&b| single_byte_char(encoding, fixes, b).unwrap_or('\u{fffd}'))
                .collect(),
        ),
        Codec::Other(encoding) => encoding.decode_without_bom_handling(bytes).0,
    }
}

#[cfg(test)]
mod tests {
    use super::{decode, lookup};

    #[test]
    fn names_and_tables() {
        let koi8 = lookup("KOI8-R").and_then(|c| decode(c, b"\xc1\xc2").ok());
        assert_eq!(koi8.as_deref(), Some("аб"));
        let latin1 = lookup("latin1").and_then(|c| decode(c, b"\x80\xe9").ok());
        assert_eq!(latin1.as_deref(), Some("\u{80}é"));
        let cp1251 = lookup("cp1251").and_then(|c| decode(c, b"\xe0").ok());
        assert_eq!(cp1251.as_deref(), Some("а"));
        assert!(lookup("uft-8").is_none());
        assert!(lookup("ascii").is_some_and(|c| decode(c, b"\xff").is_err()));
    }
}
