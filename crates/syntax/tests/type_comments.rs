//! Type-comments corpus: every snippet in `data/type_comments/*.txt`, parsed as
//! `ast.parse(source, type_comments=True)`, must give the reference's tree (dumped
//! with attributes on one line) or its error. Expectations come from
//! `data/type_comments/regen.py`.

use std::path::Path;

/// Record header prefix in the corpus files.
const HEADER: &str = "===";

/// One corpus record: where it is, its source, and the reference's result.
struct Snippet {
    location: String,
    source: String,
    expected: String,
}

fn snippets() -> Vec<Snippet> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/type_comments");
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

fn actual(source: &str) -> String {
    let options = adder_syntax::ParseOptions {
        type_comments: true,
    };
    match adder_syntax::parse_with_options(source, adder_syntax::Mode::Exec, "<snippet>", options) {
        Ok(tree) => adder_syntax::ast_dump(&tree, true, None),
        Err(e) => adder_testsupport::error_line(&e),
    }
}

#[test]
fn type_comments_parse_like_the_reference() {
    let failures: Vec<String> = snippets()
        .iter()
        .filter_map(|snippet| {
            let got = actual(&snippet.source);
            (got != snippet.expected).then(|| {
                format!(
                    "{}: {:?}\n  expected: {}\n  actual:   {}",
                    snippet.location, snippet.source, snippet.expected, got
                )
            })
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
