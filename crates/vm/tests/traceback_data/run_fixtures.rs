//! Checks `traceback_format` against the reference's output, fixture by fixture.
//!
//! Compiled as a test submodule of `src/traceback_format.rs` (cargo does not pick up
//! files in this directory by itself). Each `expected/NAME.json` holds what
//! `generate.py` captured from CPython 3.14: either the chain of an uncaught
//! exception (its whole stderr is `expected/NAME.stderr`) or, for `synthetic_*`,
//! bare stack entries (their `StackSummary.format()` is `expected/NAME.stack`). The
//! text is rebuilt from the captured fields with this crate's formatter and must
//! match byte for byte. `FIXTURE=name` runs one fixture.

use super::{
    format_exception_line, format_stack, FrameSummary, CAUSE_SEPARATOR, CONTEXT_SEPARATOR,
    TRACEBACK_HEADER,
};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/traceback_data")
}

#[test]
fn traceback_fixtures_match_reference() {
    let data = data_dir();
    let only = std::env::var("FIXTURE").ok();
    let mut names: Vec<String> = std::fs::read_dir(data.join("expected"))
        .expect("fixture directory")
        .filter_map(|entry| {
            let file_name = entry.ok()?.file_name().into_string().ok()?;
            file_name.strip_suffix(".json").map(str::to_string)
        })
        .filter(|name| only.as_ref().is_none_or(|only| only == name))
        .collect();
    names.sort();
    assert!(!names.is_empty(), "no traceback fixtures found");
    let mut failed = Vec::new();
    for name in &names {
        let read = |suffix: &str| {
            std::fs::read_to_string(data.join(format!("expected/{name}.{suffix}")))
                .unwrap_or_else(|error| panic!("{name}.{suffix}: {error}"))
        };
        let fixture = Json::parse(&read("json")).unwrap_or_else(|| panic!("{name}.json"));
        let expected = if name.starts_with("synthetic_") {
            read("stack")
        } else {
            // A compile-time warning (the warning_* cases) precedes the traceback.
            let stderr = read("stderr");
            let start = stderr.find(TRACEBACK_HEADER).unwrap_or(0);
            assert!(
                start == 0 || name.starts_with("warning_"),
                "{name}: text before traceback"
            );
            stderr[start..].to_string()
        };
        let actual = render(&fixture, &data.join("cases"));
        if actual != expected {
            eprintln!("==== {name}\n---- expected\n{expected}---- actual\n{actual}");
            failed.push(name.as_str());
        }
    }
    eprintln!(
        "traceback fixtures: {} passed, {} failed: {failed:?}",
        names.len() - failed.len(),
        failed.len()
    );
    assert!(failed.is_empty());
}

/// The reference's text rebuilt from a fixture's captured fields.
fn render(fixture: &Json, cases: &Path) -> String {
    let mut read = |filename: &str, lineno: u32| read_source_line(cases, filename, lineno);
    if let Some(frames) = fixture.get("frames") {
        return format_stack(&frame_summaries(frames), &mut read);
    }
    let mut out = String::new();
    for exception in fixture
        .get("exceptions")
        .and_then(Json::items)
        .unwrap_or_default()
    {
        let frames = frame_summaries(exception.get("frames").unwrap_or(&Json::Null));
        if !frames.is_empty() {
            out.push_str(TRACEBACK_HEADER);
            out.push_str(&format_stack(&frames, &mut read));
        }
        let text = |key: &str| exception.get(key).and_then(Json::text).unwrap_or_default();
        out.push_str(&format_exception_line(text("type"), text("message")));
        match exception.get("followed_by").and_then(Json::text) {
            Some("cause") => out.push_str(CAUSE_SEPARATOR),
            Some("context") => out.push_str(CONTEXT_SEPARATOR),
            _ => {}
        }
    }
    out
}

fn frame_summaries(frames: &Json) -> Vec<FrameSummary> {
    let frames = frames.items().unwrap_or_default();
    frames
        .iter()
        .map(|frame| {
            let text = |key: &str| frame.get(key).and_then(Json::text).unwrap_or_default();
            let number = |key: &str| frame.get(key).and_then(Json::number);
            FrameSummary {
                filename: text("filename").to_string(),
                lineno: number("lineno"),
                end_lineno: number("end_lineno"),
                colno: number("colno"),
                end_colno: number("end_colno"),
                name: text("name").to_string(),
            }
        })
        .collect()
}

/// A line as `linecache` gives it: universal newlines, 1-based. Fixture programs
/// are read from `cases` wherever they were when captured; other absolute paths
/// (the reference's standard library) are read where they are.
fn read_source_line(cases: &Path, filename: &str, lineno: u32) -> Option<String> {
    let captured = Path::new(filename);
    if !captured.is_absolute() {
        return None;
    }
    let path = if captured.parent()?.ends_with("traceback_data/cases") {
        cases.join(captured.file_name()?)
    } else {
        captured.to_path_buf()
    };
    let text = std::fs::read_to_string(path).ok()?;
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let index = usize::try_from(lineno.checked_sub(1)?).ok()?;
    text.split('\n').nth(index).map(str::to_string)
}

/// Just enough JSON for the fixtures, so the test needs no extra dependency.
enum Json {
    Null,
    Number(i64),
    Text(String),
    List(Vec<Json>),
    Object(BTreeMap<String, Json>),
}

impl Json {
    fn parse(text: &str) -> Option<Json> {
        let mut reader = JsonReader {
            chars: text.chars().peekable(),
        };
        let value = reader.value()?;
        reader.skip_space();
        reader.chars.peek().is_none().then_some(value)
    }

    fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(fields) => fields.get(key),
            _ => None,
        }
    }

    fn items(&self) -> Option<&[Json]> {
        match self {
            Json::List(items) => Some(items),
            _ => None,
        }
    }

    fn text(&self) -> Option<&str> {
        match self {
            Json::Text(text) => Some(text),
            _ => None,
        }
    }

    fn number(&self) -> Option<u32> {
        match self {
            Json::Number(number) => u32::try_from(*number).ok(),
            _ => None,
        }
    }
}

struct JsonReader<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
}

impl JsonReader<'_> {
    fn skip_space(&mut self) {
        while self.chars.next_if(|c| c.is_ascii_whitespace()).is_some() {}
    }

    fn expect(&mut self, wanted: char) -> Option<()> {
        self.skip_space();
        self.chars.next_if_eq(&wanted).map(|_| ())
    }

    fn value(&mut self) -> Option<Json> {
        self.skip_space();
        match *self.chars.peek()? {
            '{' => self.object(),
            '[' => self.list(),
            '"' => self.string().map(Json::Text),
            'n' => self.word("null", Json::Null),
            _ => self.number(),
        }
    }

    fn word(&mut self, word: &str, value: Json) -> Option<Json> {
        word.chars()
            .all(|c| self.chars.next_if_eq(&c).is_some())
            .then_some(value)
    }

    fn number(&mut self) -> Option<Json> {
        let mut digits = String::new();
        while let Some(c) = self.chars.next_if(|c| *c == '-' || c.is_ascii_digit()) {
            digits.push(c);
        }
        digits.parse().ok().map(Json::Number)
    }

    fn list(&mut self) -> Option<Json> {
        self.expect('[')?;
        let mut items = Vec::new();
        if self.expect(']').is_some() {
            return Some(Json::List(items));
        }
        loop {
            items.push(self.value()?);
            if self.expect(']').is_some() {
                return Some(Json::List(items));
            }
            self.expect(',')?;
        }
    }

    fn object(&mut self) -> Option<Json> {
        self.expect('{')?;
        let mut fields = BTreeMap::new();
        if self.expect('}').is_some() {
            return Some(Json::Object(fields));
        }
        loop {
            self.skip_space();
            let key = self.string()?;
            self.expect(':')?;
            fields.insert(key, self.value()?);
            if self.expect('}').is_some() {
                return Some(Json::Object(fields));
            }
            self.expect(',')?;
        }
    }

    fn string(&mut self) -> Option<String> {
        self.chars.next_if_eq(&'"')?;
        let mut text = String::new();
        loop {
            match self.chars.next()? {
                '"' => return Some(text),
                '\\' => text.push(self.escape()?),
                c => text.push(c),
            }
        }
    }

    fn escape(&mut self) -> Option<char> {
        Some(match self.chars.next()? {
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            'b' => '\u{8}',
            'f' => '\u{c}',
            'u' => {
                let unit = self.hex4()?;
                if (0xD800..0xDC00).contains(&unit) {
                    self.chars.next_if_eq(&'\\')?;
                    self.chars.next_if_eq(&'u')?;
                    let low = self.hex4()?;
                    char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low.checked_sub(0xDC00)?))?
                } else {
                    char::from_u32(unit)?
                }
            }
            other => other,
        })
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits: String = (0..4).filter_map(|_| self.chars.next()).collect();
        u32::from_str_radix(&digits, 16).ok()
    }
}
