//! Stdlib parity sweep: parses and tokenizes every `.py` file of the reference's
//! lib/python3.14 and compares hashes of the AST dump (without and with type
//! comments) and of the `python -m tokenize` output with those the reference produced (`data/stdlib_expectations.tsv`, written
//! by `scripts/gen_syntax_expectations.py`). The match counts may only go up: the
//! floors below are the counts measured when the expectations were generated.

use std::path::Path;
use std::time::{Duration, Instant};

use adder_testsupport::{
    error_line, expectation_rows, fnv1a64, parallel_map, reference_lib_or_skip, required_hash,
};

/// Files whose AST dump (or syntax error) matched the reference when last measured.
const AST_MATCH_FLOOR: usize = 1707;
/// Files whose AST dump parsed with type comments matched the reference.
const TYPE_COMMENTS_AST_MATCH_FLOOR: usize = 1707;
/// Files whose `python -m tokenize` output matched the reference when last measured.
const TOKENS_MATCH_FLOOR: usize = 1707;

/// One line of the expectations file.
struct Expectation {
    path: String,
    ast_hash: u64,
    tokens_hash: u64,
    type_comments_ast_hash: u64,
}

/// What adder produced for one file.
struct Outcome {
    ast_hash: u64,
    tokens_hash: u64,
    type_comments_ast_hash: u64,
    lines: usize,
    parse_time: Duration,
}

fn read_expectations() -> Vec<Expectation> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/stdlib_expectations.tsv");
    expectation_rows(&path)
        .into_iter()
        .map(|row| Expectation {
            ast_hash: required_hash(&row, 1),
            tokens_hash: required_hash(&row, 2),
            type_comments_ast_hash: required_hash(&row, 3),
            path: row.into_iter().next().unwrap_or_default(),
        })
        .collect()
}

fn run_file(lib: &Path, relpath: &str) -> Outcome {
    let bytes = std::fs::read(lib.join(relpath)).unwrap_or_default();
    let start = Instant::now();
    let decoded = adder_syntax::decode_source(&bytes);
    let parsed = decoded
        .clone()
        .and_then(|text| adder_syntax::parse(&text, adder_syntax::Mode::Exec, relpath));
    let parse_time = start.elapsed();
    let dump = |parsed: &Result<adder_syntax::ast::Mod, adder_syntax::SyntaxError>| match parsed {
        Ok(module) => adder_syntax::ast_dump(module, true, Some(3)),
        Err(e) => error_line(e),
    };
    let with_type_comments = decoded.clone().and_then(|text| {
        let options = adder_syntax::ParseOptions {
            type_comments: true,
        };
        adder_syntax::parse_with_options(&text, adder_syntax::Mode::Exec, relpath, options)
    });
    let tokens_text = match adder_syntax::tokenize_file_dump(&bytes, relpath) {
        Ok(s) | Err(s) => s,
    };
    Outcome {
        ast_hash: fnv1a64(&dump(&parsed)),
        tokens_hash: fnv1a64(&tokens_text),
        type_comments_ast_hash: fnv1a64(&dump(&with_type_comments)),
        lines: bytes.iter().filter(|&&b| b == b'\n').count(),
        parse_time,
    }
}

#[test]
fn stdlib_parses_and_tokenizes_like_the_reference() {
    let Some(lib) = reference_lib_or_skip() else {
        return;
    };
    let expectations = read_expectations();
    let outcomes = parallel_map(&expectations, None, |e| run_file(&lib, &e.path));

    let mut ast_mismatches = Vec::new();
    let mut tokens_mismatches = Vec::new();
    let mut type_comments_mismatches = Vec::new();
    for (expectation, outcome) in expectations.iter().zip(&outcomes) {
        if outcome.type_comments_ast_hash != expectation.type_comments_ast_hash {
            type_comments_mismatches.push(expectation.path.as_str());
        }
        if outcome.ast_hash != expectation.ast_hash {
            ast_mismatches.push(expectation.path.as_str());
        }
        if outcome.tokens_hash != expectation.tokens_hash {
            tokens_mismatches.push(expectation.path.as_str());
        }
    }
    let total = expectations.len();
    let ast_matches = total - ast_mismatches.len();
    let tokens_matches = total - tokens_mismatches.len();
    let type_comments_matches = total - type_comments_mismatches.len();
    let lines: usize = outcomes.iter().map(|o| o.lines).sum();
    let parse_seconds: f64 = outcomes.iter().map(|o| o.parse_time.as_secs_f64()).sum();
    println!("AST matches: {ast_matches}/{total} (floor {AST_MATCH_FLOOR}); differing: {ast_mismatches:?}");
    println!("AST (type comments) matches: {type_comments_matches}/{total} (floor {TYPE_COMMENTS_AST_MATCH_FLOOR}); differing: {type_comments_mismatches:?}");
    println!("tokenize matches: {tokens_matches}/{total} (floor {TOKENS_MATCH_FLOOR}); differing: {tokens_mismatches:?}");
    println!(
        "parse speed: {total} files, {lines} lines in {parse_seconds:.2}s of parse time \
         ({:.0} files/s, {:.0} lines/s; decode+parse only, this profile)",
        total as f64 / parse_seconds,
        lines as f64 / parse_seconds
    );
    assert!(
        ast_matches >= AST_MATCH_FLOOR,
        "AST parity regressed: {ast_matches} < {AST_MATCH_FLOOR}; differing: {ast_mismatches:?}"
    );
    assert!(
        type_comments_matches >= TYPE_COMMENTS_AST_MATCH_FLOOR,
        "type-comments AST parity regressed: {type_comments_matches} < {TYPE_COMMENTS_AST_MATCH_FLOOR}; differing: {type_comments_mismatches:?}"
    );
    assert!(
        tokens_matches >= TOKENS_MATCH_FLOOR,
        "tokenize parity regressed: {tokens_matches} < {TOKENS_MATCH_FLOOR}; differing: {tokens_mismatches:?}"
    );
}
