//! `python -m tokenize FILE` from the file's bytes: the `tokenize` module's own
//! encoding detection (`detect_encoding`: a UTF-8 BOM, a PEP 263 cookie in the
//! first two lines, checks of those lines), decoding, then the token dump.
//!
//! It differs from the compiler's decoding (`decode_source`) in its messages, in
//! the encoding names it keeps (`latin1` stays `latin1` in the ENCODING token) and
//! in checking only the lines it read.

use crate::codecs;
use crate::repr::str_repr;
use crate::source::{coding_in_line, nth_line};
use crate::tokenize_dump::tokenize_dump_with_encoding;

const BOM: &[u8] = b"\xef\xbb\xbf";

/// What `python3.14 -m tokenize FILE` prints for a file holding `bytes`:
/// `Ok(stdout)`, or `Err(stderr)` when it fails (exit status 1).
pub fn tokenize_file_dump(bytes: &[u8], filename: &str) -> Result<String, String> {
    let fail = |msg: String| format!("{filename}: error: {msg}\n");
    let (bom, body) = match bytes.strip_prefix(BOM) {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let encoding = detect_encoding(body, bom, &str_repr(filename)).map_err(fail)?;
    let codec =
        codecs::lookup(&encoding).ok_or_else(|| fail(format!("unknown encoding: {encoding}")))?;
    // The lines after those detect_encoding checked are decoded leniently.
    let text = codecs::decode_lossy(codec, body);
    tokenize_dump_with_encoding(&text, filename, Some(&encoding))
}

/// `tokenize.detect_encoding` on the file's bytes after any BOM: the encoding
/// name, or the SyntaxError message. `quoted_name` is the file name's repr.
fn detect_encoding(body: &[u8], bom: bool, quoted_name: &str) -> Result<String, String> {
    let default = "utf-8".to_string();
    let first = nth_line(body, 1);
    if first.is_empty() {
        return Ok(default);
    }
    if let Some(encoding) = find_cookie(first, bom, quoted_name)? {
        check(first, &encoding, quoted_name)?;
        return Ok(encoding);
    }
    if !is_blank(first) {
        check(first, &default, quoted_name)?;
        return Ok(default);
    }
    let second = nth_line(body, 2);
    let both = &body[..first.len() + second.len()];
    if second.is_empty() {
        check(first, &default, quoted_name)?;
        return Ok(default);
    }
    if let Some(encoding) = find_cookie(second, bom, quoted_name)? {
        check(both, &encoding, quoted_name)?;
        return Ok(encoding);
    }
    check(both, &default, quoted_name)?;
    Ok(default)
}

/// The encoding a line's coding cookie names (normalized), checked to exist and
/// to agree with a BOM.
fn find_cookie(line: &[u8], bom: bool, quoted_name: &str) -> Result<Option<String>, String> {
    let Some(name) = coding_in_line(line) else {
        return Ok(None);
    };
    let encoding = normal_name(&name);
    if codecs::lookup(&encoding).is_none() {
        return Err(format!("unknown encoding for {quoted_name}: {encoding}"));
    }
    if bom && encoding != "utf-8" {
        return Err(format!("encoding problem for {quoted_name}: utf-8"));
    }
    Ok(Some(encoding))
}

/// The lines read so far must decode and hold no NUL byte.
fn check(lines: &[u8], encoding: &str, quoted_name: &str) -> Result<(), String> {
    if lines.contains(&0) {
        return Err("source code cannot contain null bytes".to_string());
    }
    let decodes =
        codecs::lookup(encoding).is_some_and(|codec| codecs::decode(codec, lines).is_ok());
    if decodes {
        Ok(())
    } else {
        Err(format!(
            "invalid or missing encoding declaration for {quoted_name}"
        ))
    }
}

/// `tokenize._get_normal_name`: UTF-8 and Latin-1 spellings normalized (judged on
/// the first 12 characters), anything else kept as written.
fn normal_name(name: &str) -> String {
    let head: String = name
        .chars()
        .take(12)
        .map(|c| {
            if c == '_' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    let family = |prefix: &str| head == prefix || head.starts_with(&format!("{prefix}-"));
    if family("utf-8") {
        "utf-8".to_string()
    } else if family("latin-1") || family("iso-8859-1") || family("iso-latin-1") {
        "iso-8859-1".to_string()
    } else {
        name.to_string()
    }
}

/// `tokenize.blank_re`: only whitespace, then a comment, a line end or nothing.
fn is_blank(line: &[u8]) -> bool {
    let rest = line
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\x0c'))
        .map_or(&[][..], |i| &line[i..]);
    matches!(rest.first(), None | Some(b'#' | b'\r' | b'\n'))
}
