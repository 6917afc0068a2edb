//! Source text preparation: PEP 263 / BOM decoding of raw bytes, and the newline
//! normalization CPython applies before tokenizing.

use std::borrow::Cow;

use crate::codecs::{self, Codec};
use crate::error::{SyntaxError, SyntaxErrorKind};

/// The check CPython's file reader makes before a script runs: a NUL byte anywhere
/// stops it, reported at the NUL's line with the text before the NUL (and no caret:
/// offset 0). `compile()` of a string says something else, with no location (see
/// `parse_with_options`).
pub fn check_file_has_no_null_bytes(bytes: &[u8]) -> Result<(), SyntaxError> {
    let Some(nul) = bytes.iter().position(|&b| b == 0) else {
        return Ok(());
    };
    let before = &bytes[..nul];
    let lineno = before.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    Err(SyntaxError {
        kind: SyntaxErrorKind::SyntaxError,
        msg: "source code cannot contain null bytes".to_string(),
        lineno,
        offset: 0,
        end_lineno: lineno,
        end_offset: 0,
        text: Some(String::from_utf8_lossy(&before[line_start..]).into_owned()),
    })
}

/// Decode the bytes of a Python source file the way `compile(bytes, ...)` does:
/// a UTF-8 BOM, else a PEP 263 coding declaration in the first two lines, else UTF-8.
pub fn decode_source(bytes: &[u8]) -> Result<String, SyntaxError> {
    decode_source_borrowed(bytes).map(Cow::into_owned)
}

/// [`decode_source`] without copying UTF-8 source (nearly all of it): the text
/// borrows `bytes` when no other codec had to rebuild it.
pub fn decode_source_borrowed(bytes: &[u8]) -> Result<Cow<'_, str>, SyntaxError> {
    let (has_bom, body) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let declared = find_coding_declaration(body);
    let encoding = match &declared {
        Some((name, lineno)) => {
            let tokenizer_name = tokenizer_normal_name(name);
            if has_bom && tokenizer_name != "utf-8" {
                let line = nth_line(body, *lineno);
                let text =
                    String::from_utf8_lossy(line.strip_suffix(b"\n").unwrap_or(line)).into_owned();
                return Err(SyntaxError {
                    kind: SyntaxErrorKind::SyntaxError,
                    msg: format!("encoding problem: {tokenizer_name} with BOM"),
                    lineno: *lineno,
                    offset: 0,
                    end_lineno: *lineno,
                    end_offset: text.chars().count() as i32,
                    text: Some(text),
                });
            }
            tokenizer_name
        }
        None => "utf-8".to_string(),
    };
    if is_binary_codec(&encoding) {
        return Err(bare_error(format!(
            "'{encoding}' is not a text encoding; use codecs.decode() to handle arbitrary codecs"
        )));
    }
    match codecs::lookup(&encoding) {
        // Only the exact spelling `utf-8` (after the tokenizer's normalization)
        // takes the tokenizer's own UTF-8 check; other spellings (`utf8`, `u8`) go
        // through the codec, whose error has no location.
        Some(Codec::Utf8) if encoding == "utf-8" => decode_utf8(body).map(Cow::Borrowed),
        Some(Codec::Utf8) => std::str::from_utf8(body)
            .map(Cow::Borrowed)
            .map_err(|e| bare_error(utf8_codec_error(body, &e))),
        Some(codec) => codecs::decode(codec, body).map_err(|failure| {
            bare_error(
                failure
                    .message
                    .unwrap_or_else(|| format!("'{encoding}' codec can't decode bytes")),
            )
        }),
        None => Err(bare_error(format!("unknown encoding: {encoding}"))),
    }
}

/// An error CPython raises with no location (`lineno` 0, offset -1, no text).
fn bare_error(msg: String) -> SyntaxError {
    SyntaxError {
        kind: SyntaxErrorKind::SyntaxError,
        msg,
        lineno: 0,
        offset: -1,
        end_lineno: 0,
        end_offset: 0,
        text: None,
    }
}

/// Python's codec registry has these, but they are bytes-to-bytes codecs, which a
/// coding cookie may not name.
fn is_binary_codec(name: &str) -> bool {
    let key = name.to_ascii_lowercase().replace(['-', ' '], "_");
    matches!(
        key.as_str(),
        "rot13"
            | "rot_13"
            | "base64"
            | "base_64"
            | "base64_codec"
            | "hex"
            | "hex_codec"
            | "zlib"
            | "zip"
            | "zlib_codec"
            | "bz2"
            | "bz2_codec"
            | "quopri"
            | "quotedprintable"
            | "quoted_printable"
            | "quopri_codec"
            | "uu"
            | "uu_codec"
    )
}

/// The UnicodeDecodeError text of Python's UTF-8 codec for `err` in `body`: the bad
/// byte (or the bytes of an invalid/incomplete sequence) and the reason.
fn utf8_codec_error(body: &[u8], err: &std::str::Utf8Error) -> String {
    let start = err.valid_up_to();
    let first = body.get(start).copied().unwrap_or(0);
    let (len, reason) = match err.error_len() {
        // The tokenizer decodes lines with their newline (one is added at the end
        // of the source), so a sequence cut off by the end meets that newline.
        None => (body.len() - start, "invalid continuation byte"),
        Some(len) if (0xc2..=0xf4).contains(&first) => (len, "invalid continuation byte"),
        Some(len) => (len, "invalid start byte"),
    };
    if len > 1 {
        format!(
            "'utf-8' codec can't decode bytes in position {start}-{}: {reason}",
            start + len - 1
        )
    } else {
        format!("'utf-8' codec can't decode byte 0x{first:02x} in position {start}: {reason}")
    }
}

/// UTF-8 source, declared or not. `compile(bytes)` reports bad UTF-8 the same way in
/// both cases (the "Non-UTF-8 code" message, located at the first bad byte). Lines are
/// counted as CPython's tokenizer counts them: `\n`, `\r\n` and a lone `\r` each end one.
fn decode_utf8(body: &[u8]) -> Result<&str, SyntaxError> {
    match std::str::from_utf8(body) {
        Ok(s) => Ok(s),
        Err(e) => {
            let bad = e.valid_up_to();
            let before = body.get(..bad).unwrap_or_default();
            let line_start = before
                .iter()
                .rposition(|&b| b == b'\n' || b == b'\r')
                .map_or(0, |i| i + 1);
            let lineno = before
                .iter()
                .enumerate()
                .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && before.get(i + 1) != Some(&b'\n')))
                .count() as u32
                + 1;
            let rest = body.get(line_start..).unwrap_or_default();
            let line_end = rest
                .iter()
                .position(|&b| b == b'\n' || b == b'\r')
                .unwrap_or(rest.len());
            let text = String::from_utf8_lossy(&rest[..line_end]).into_owned();
            let offset = String::from_utf8_lossy(body.get(line_start..bad).unwrap_or_default())
                .chars()
                .count() as i32
                + 1;
            let msg = format!(
                "Non-UTF-8 code starting with '\\x{:02x}' on line {}, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                body.get(bad).copied().unwrap_or(0),
                lineno
            );
            Err(SyntaxError {
                kind: SyntaxErrorKind::SyntaxError,
                msg,
                lineno,
                offset,
                end_lineno: lineno,
                end_offset: offset,
                text: Some(text),
            })
        }
    }
}

/// Line `lineno` (1-based) of `body`, with its newline.
pub(crate) fn nth_line(body: &[u8], lineno: u32) -> &[u8] {
    let mut rest = body;
    for _ in 1..lineno {
        match rest.iter().position(|&b| b == b'\n') {
            Some(i) => rest = &rest[i + 1..],
            None => return &[],
        }
    }
    match rest.iter().position(|&b| b == b'\n') {
        Some(i) => &rest[..=i],
        None => rest,
    }
}

/// The PEP 263 declaration (`coding[:=]\s*([-\w.]+)` in a comment line) and its
/// line number: the first line, or the second when the first is blank or a comment.
fn find_coding_declaration(body: &[u8]) -> Option<(String, u32)> {
    let first = nth_line(body, 1);
    if let Some(name) = coding_in_line(first) {
        return Some((name, 1));
    }
    let trimmed: Vec<u8> = first
        .iter()
        .copied()
        .skip_while(|b| matches!(b, b' ' | b'\t' | b'\x0c'))
        .collect();
    if !(trimmed.is_empty() || trimmed[0] == b'#' || trimmed[0] == b'\n' || trimmed[0] == b'\r') {
        return None;
    }
    coding_in_line(nth_line(body, 2)).map(|name| (name, 2))
}

pub(crate) fn coding_in_line(line: &[u8]) -> Option<String> {
    let start = line
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\x0c'))?;
    if line[start] != b'#' {
        return None;
    }
    let text = &line[start..];
    let mut i = 0;
    while i + 6 <= text.len() {
        if &text[i..i + 6] == b"coding" && matches!(text.get(i + 6), Some(b':' | b'=')) {
            let mut j = i + 7;
            while matches!(text.get(j), Some(b' ' | b'\t')) {
                j += 1;
            }
            let name_start = j;
            while text
                .get(j)
                .is_some_and(|&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
            {
                j += 1;
            }
            if j > name_start {
                return Some(String::from_utf8_lossy(&text[name_start..j]).into_owned());
            }
        }
        i += 1;
    }
    None
}

/// The C tokenizer's `get_normal_name`: only `utf-8` and the Latin-1 spellings
/// (optionally with a `-suffix`, any case, `_` for `-`) are normalized. This is
/// the name checked against a BOM, so `utf8` with a BOM is an error there.
fn tokenizer_normal_name(name: &str) -> String {
    let lower = name.to_ascii_lowercase().replace('_', "-");
    let starts = |prefix: &str| lower == prefix || lower.starts_with(&format!("{prefix}-"));
    if starts("utf-8") {
        "utf-8".to_string()
    } else if starts("latin-1") || starts("iso-8859-1") || starts("iso-latin-1") {
        "iso-8859-1".to_string()
    } else {
        name.to_string()
    }
}

/// Translate `\r\n` and lone `\r` to `\n` and make sure the text ends with a
/// newline, as CPython does before tokenizing. Returns the text and whether a
/// newline had to be added (the `tokenize` output shows that).
pub fn normalize_newlines(source: &str) -> (String, bool) {
    let mut out = if source.contains('\r') {
        source.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        source.to_string()
    };
    let implicit = !out.is_empty() && !out.ends_with('\n');
    if implicit {
        out.push('\n');
    }
    (out, implicit)
}
