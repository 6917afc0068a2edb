//! Invalid-syntax corpus: every snippet in `data/invalid/*.txt` must give the error
//! (kind, message, start and end position) CPython's parser gives. Expectations come
//! from `data/invalid/regen.py`. The pass count may only go up: the floor below is
//! the count measured when the corpus was written.

use std::path::Path;

/// Snippets whose error matched the reference when last measured.
const PASS_FLOOR: usize = 699;
/// Record header prefix in the corpus files.
const HEADER: &str = "===";

/// One corpus record: where it is, its source, and the reference's error line.
struct Snippet {
    location: String,
    source: String,
    expected: String,
}

/// Reads every record of every corpus file, in file order.
fn snippets() -> Vec<Snippet> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/invalid");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    files.sort();
    let mut all = Vec::new();
    for path in files {
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        for (lineno, line) in text.split_inclusive('\n').enumerate() {
            if let Some(expected) = line.strip_prefix(HEADER) {
                all.push(Snippet {
                    location: format!("{}:{}", name.clone().unwrap_or_default(), lineno + 1),
                    source: String::new(),
                    expected: expected.trim().to_string(),
                });
            } else if let Some(current) = all.last_mut() {
                current.source.push_str(line);
            }
        }
    }
    all
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
