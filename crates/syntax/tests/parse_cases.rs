//! Compares the parser and tokenizer with the reference on the inputs in
//! `data/cases`: expected outputs in `data/expected` come from `data/regen.py`.

use std::path::{Path, PathBuf};

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data")
}

fn cases() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(data_dir().join("cases"))
        .map(|rd| {
            rd.filter_map(Result::ok)
                .filter_map(|e| e.file_name().into_string().ok())
                .filter_map(|n| n.strip_suffix(".py").map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn read(path: PathBuf) -> String {
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn actual_ast(source: &[u8]) -> String {
    let parsed = adder_syntax::decode_source(source)
        .and_then(|text| adder_syntax::parse(&text, adder_syntax::Mode::Exec, "case.py"));
    match parsed {
        Ok(module) => adder_syntax::ast_dump(&module, true, Some(3)) + "\n",
        Err(e) => adder_testsupport::error_line(&e) + "\n",
    }
}

#[test]
fn ast_dumps_match_reference() {
    let mut failures = Vec::new();
    for name in cases() {
        let source = std::fs::read(data_dir().join(format!("cases/{name}.py"))).unwrap_or_default();
        let expected = read(data_dir().join(format!("expected/{name}.ast")));
        let actual = actual_ast(&source);
        if actual != expected {
            failures.push(format!(
                "{name}:\n  expected: {}\n  actual:   {}",
                first_diff(&expected, &actual).0,
                first_diff(&expected, &actual).1
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn token_dumps_match_reference() {
    let mut failures = Vec::new();
    for name in cases() {
        let source = std::fs::read(data_dir().join(format!("cases/{name}.py"))).unwrap_or_default();
        let expected = read(data_dir().join(format!("expected/{name}.tokens")));
        let actual = match adder_syntax::tokenize_file_dump(&source, &format!("cases/{name}.py")) {
            Ok(s) | Err(s) => s,
        };
        if actual != expected {
            failures.push(format!(
                "{name}:\n  expected: {}\n  actual:   {}",
                first_diff(&expected, &actual).0,
                first_diff(&expected, &actual).1
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The first differing line of two texts.
fn first_diff(a: &str, b: &str) -> (String, String) {
    let mut la = a.lines();
    let mut lb = b.lines();
    loop {
        match (la.next(), lb.next()) {
            (Some(x), Some(y)) if x == y => continue,
            (x, y) => {
                return (
                    x.unwrap_or("<end>").to_string(),
                    y.unwrap_or("<end>").to_string(),
                )
            }
        }
    }
}
