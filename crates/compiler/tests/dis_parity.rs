//! Compile each program in `tests/data/` and compare `dis` output with what the
//! reference CPython 3.14 printed for it (`*.dis`, made by `tests/data/gen_expected.sh`).
//!
//! Programs listed in `EXACT` must match instruction for instruction; every other
//! program must compile, and its differences are printed for information.

use std::path::Path;

use adder_bytecode::dis::disassemble;
use adder_syntax::Mode;

/// Programs whose disassembly matches CPython's exactly.
const EXACT: &[&str] = &[
    "annotations",
    "assign",
    "async_comprehensions",
    "asyncs",
    "calls",
    "classes",
    "closures",
    "collections_",
    "comprehensions",
    "control",
    "except_star",
    "exceptions",
    "flow",
    "formatting",
    "functions",
    "generics",
    "generators",
    "match_values",
    "operators",
    "strings",
    "type_alias",
    "unpacking",
    "withmatch",
];

/// Code-object addresses differ between runs and implementations.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(" at 0x") {
        out.push_str(&rest[..at]);
        out.push_str(" at 0x?");
        rest = &rest[at + 6..];
        rest = rest.trim_start_matches(|c: char| c.is_ascii_hexdigit());
    }
    out.push_str(rest);
    out
}

fn disassemble_file(path: &Path) -> Result<String, String> {
    let source = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let code =
        adder_compiler::compile_source(&source, name, Mode::Exec, 0).map_err(|e| format!("{e}"))?;
    Ok(normalise(&disassemble(&code)))
}

/// First differing line, for a readable failure message.
fn first_difference(actual: &str, expected: &str) -> String {
    for (i, (a, e)) in actual.lines().zip(expected.lines()).enumerate() {
        if a != e {
            return format!("line {}:\n  adder:   {a}\n  cpython: {e}", i + 1);
        }
    }
    format!(
        "lengths differ: {} vs {} lines",
        actual.lines().count(),
        expected.lines().count()
    )
}

#[test]
fn disassembly_matches_cpython() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut programs: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/data exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    programs.sort();
    let mut failures = Vec::new();
    for path in programs {
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        let expected = std::fs::read_to_string(path.with_extension("dis")).unwrap_or_default();
        match disassemble_file(&path) {
            Err(e) => failures.push(format!("{name}: does not compile: {e}")),
            Ok(actual) if actual == expected => println!("{name}: matches"),
            Ok(actual) => {
                let diff = first_difference(&actual, &expected);
                if EXACT.contains(&name.as_str()) {
                    failures.push(format!("{name}: {diff}"));
                } else {
                    println!("{name}: differs at {diff}");
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
