//! Reading the reference data files and comparing outcomes.

use adder_numeric::{BigInt, NumError, NumResult};
use std::collections::BTreeMap;

/// The text a case produced, in the data files' notation.
pub type Outcome = String;

/// Renders a result as the data files do: the value, or `!Type: message`.
pub fn show(result: NumResult<String>) -> Outcome {
    match result {
        Ok(text) => escape(&text),
        Err(error) => escape(&error_text(&error)),
    }
}

fn error_text(error: &NumError) -> String {
    format!("!{}: {}", error.type_name(), error.message())
}

/// A float as the 16 hex digits of its bits.
pub fn show_float(x: f64) -> String {
    format!("{:016x}", x.to_bits())
}

pub fn float_arg(text: &str) -> f64 {
    f64::from_bits(u64::from_str_radix(text, 16).unwrap())
}

pub fn int_arg(text: &str) -> BigInt {
    text.parse().unwrap()
}

/// Python's `unicode_escape` encoding (what gen.py writes).
pub fn escape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            ' '..='~' => out.push(c),
            _ if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            _ if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            _ => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out
}

/// Inverse of [`escape`].
pub fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let hex_char = |chars: &mut std::str::Chars, n: usize| {
            let digits: String = chars.take(n).collect();
            char::from_u32(u32::from_str_radix(&digits, 16).unwrap()).unwrap()
        };
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('x') => out.push(hex_char(&mut chars, 2)),
            Some('u') => out.push(hex_char(&mut chars, 4)),
            Some('U') => out.push(hex_char(&mut chars, 8)),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// Whether two float bit strings are the same float (any NaN equals any NaN: CPython
/// does not promise NaN payloads or signs).
fn same_outcome(actual: &str, expected: &str) -> bool {
    if actual == expected {
        return true;
    }
    let nan = |text: &str| {
        text.split(' ')
            .map(|part| {
                u64::from_str_radix(part, 16)
                    .ok()
                    .filter(|_| part.len() == 16)
                    .map(|bits| {
                        let x = f64::from_bits(bits);
                        if x.is_nan() {
                            "nan".to_string()
                        } else {
                            part.to_string()
                        }
                    })
            })
            .collect::<Option<Vec<_>>>()
    };
    matches!((nan(actual), nan(expected)), (Some(a), Some(b)) if a == b)
}

/// Runs every line of a data file through `case`; panics listing the mismatches.
pub fn run_file(name: &str, case: impl Fn(&str, &[&str]) -> Option<Outcome>) {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    let content = std::fs::read_to_string(&path).unwrap();
    let mut passed: BTreeMap<String, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    for line in content.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        let (op, rest) = fields.split_first().unwrap();
        let (expected, args) = rest.split_last().unwrap();
        let actual = case(op, args).unwrap_or_else(|| panic!("unknown op {op}"));
        if same_outcome(&actual, expected) {
            *passed.entry(op.to_string()).or_default() += 1;
        } else {
            failures.push(format!(
                "{op} {args:?}\n   expected {expected}\n   actual   {actual}"
            ));
        }
    }
    let total: usize = passed.values().sum();
    println!(
        "{name}: {total} passed, {} failed; per op {passed:?}",
        failures.len()
    );
    for failure in failures.iter().take(25) {
        println!("{failure}");
    }
    assert!(
        failures.is_empty(),
        "{} mismatches in {name}",
        failures.len()
    );
}
