//! Invalid-syntax corpus: every snippet in `data/invalid/*.txt` must give the error
//! (kind, message, start and end position) CPython's parser gives. Expectations come
//! from `data/invalid/regen.py`. The pass count may only go up: the floor below is
//! the count measured when the corpus was written.

use std::path::Path;

use adder_testsupport::{corpus_snippets, Snippet};

/// Snippets whose error matched the reference when last measured.
const PASS_FLOOR: usize = 707;

fn snippets() -> Vec<Snippet> {
    corpus_snippets(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/invalid"))
}

/// adder's error for `source` in the corpus format, or a note that it parsed.
fn actual_error(source: &str) -> String {
    match adder_syntax::parse(source, adder_syntax::Mode::Exec, "<snippet>") {
        Ok(_) => "(parsed without error)".to_string(),
        Err(e) => adder_testsupport::error_line(&e),
    }
}

#[test]
fn invalid_snippets_fail_like_the_reference() {
    let all = snippets();
    let mut failures = Vec::new();
    for snippet in &all {
        let actual = actual_error(&snippet.source);
        if actual != snippet.expected {
            failures.push(format!(
                "{}: {:?}\n  expected: {}\n  actual:   {}",
                snippet.location, snippet.source, snippet.expected, actual
            ));
        }
    }
    let passed = all.len() - failures.len();
    println!(
        "invalid-syntax corpus: {passed}/{} match (floor {PASS_FLOOR})",
        all.len()
    );
    for failure in &failures {
        println!("{failure}");
    }
    assert!(
        passed >= PASS_FLOOR,
        "invalid-syntax corpus regressed: {passed} < {PASS_FLOOR}"
    );
}
