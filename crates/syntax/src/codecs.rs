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
    Other(&'static encoding_rs::Encoding),
}

/// Why bytes did not decode: the first bad byte's position, when known.
pub(crate) struct DecodeFailure {
    pub(crate) position: Option<usize>,
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
    let label = whatwg_label(&key)?;
    encoding_rs::Encoding::for_label_no_replacement(label.as_bytes()).map(Codec::Other)
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
            .map_err(|e| DecodeFailure {
                position: Some(e.valid_up_to()),
            }),
        Codec::Latin1 => Ok(Cow::Owned(bytes.iter().map(|&b| b as char).collect())),
        Codec::Ascii => match bytes.iter().position(|&b| b >= 0x80) {
            None => Ok(Cow::Owned(bytes.iter().map(|&b| b as char).collect())),
            Some(position) => Err(DecodeFailure {
                position: Some(position),
            }),
        },
        Codec::Other(encoding) => encoding
            .decode_without_bom_handling_and_without_replacement(bytes)
            .ok_or(DecodeFailure { position: None }),
    }
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
