//! Type-comments corpus: every snippet in `data/type_comments/*.txt`, parsed as
//! `ast.parse(source, type_comments=True)`, must give the reference's tree (dumped
//! with attributes on one line) or its error. Expectations come from
//! `data/type_comments/regen.py`.

use std::path::Path;

use adder_testsupport::{corpus_snippets, Snippet};

fn snippets() -> Vec<Snippet> {
    corpus_snippets(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/type_comments"))
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
