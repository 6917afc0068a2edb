//! dis parity sweep: compiles every `.py` file of the reference's lib/python3.14 and
//! compares a hash of its disassembly (what `adder -m dis FILE` prints) with the hash of
//! what `python3.14 -m dis FILE` printed (`data/dis_stdlib_expectations.tsv`, written by
//! `scripts/gen_dis_expectations.py`). The match counts may only go up: the floors below
//! are the counts measured when the expectations were last generated.
//!
//! Set `ADDER_DIS_DIFF_DIR=DIR` to have adder's disassembly of every differing file
//! written there (as `PATH.adder`, slashes replaced by `__`).

use std::path::Path;

use adder_bytecode::dis::disassemble;
use adder_syntax::Mode;
use adder_testsupport::{
    expectation_rows, fnv1a64, hash_field, parallel_map, reference_lib_or_skip,
};

/// Files (of those the reference compiles) whose disassembly matched when last measured.
const ALL_MATCH_FLOOR: usize = 1682;
/// Of them, top-level standard-library modules (no directory in their path).
const TOP_LEVEL_MATCH_FLOOR: usize = 152;

/// One line of the expectations file; `hash` is None for files the reference rejects.
struct Expectation {
    path: String,
    hash: Option<u64>,
}

/// Code-object addresses differ between runs and implementations. Exactly the
/// expectation script's `re.sub(r" at 0x[0-9a-f]+", " at 0x?", text)`: text such as a
/// string constant `' at 0x'` with no lowercase hex digit after it stays as it is.
fn normalise(text: &str) -> String {
    const MARK: &str = " at 0x";
    let is_digit = |c: char| c.is_ascii_digit() || ('a'..='f').contains(&c);
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(MARK) {
        let after = &rest[at + MARK.len()..];
        let digits = after.trim_start_matches(is_digit);
        if digits.len() == after.len() {
            out.push_str(&rest[..at + MARK.len()]);
        } else {
            out.push_str(&rest[..at]);
            out.push_str(" at 0x?");
        }
        rest = digits;
    }
    out.push_str(rest);
    out
}

fn read_expectations() -> Vec<Expectation> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/dis_stdlib_expectations.tsv");
    expectation_rows(&path)
        .into_iter()
        .map(|row| {
            assert!(row.len() >= 2, "malformed expectation line: {row:?}");
            Expectation {
                hash: hash_field(&row, 1),
                path: row.into_iter().next().unwrap_or_default(),
            }
        })
        .collect()
}

/// adder's (normalised) disassembly of one file, or None when adder does not compile it.
fn dis_text(lib: &Path, relpath: &str) -> Option<String> {
    let bytes = std::fs::read(lib.join(relpath)).ok()?;
    let source = adder_syntax::decode_source(&bytes).ok()?;
    let code = adder_compiler::compile_source(&source, relpath, Mode::Exec, 0).ok()?;
    Some(normalise(&disassemble(&code)))
}

#[test]
fn stdlib_disassembles_like_the_reference() {
    let Some(lib) = reference_lib_or_skip() else {
        return;
    };
    let expectations = read_expectations();
    let compiled: Vec<&Expectation> = expectations.iter().filter(|e| e.hash.is_some()).collect();
    let diff_dir = std::env::var_os("ADDER_DIS_DIFF_DIR").map(std::path::PathBuf::from);
    let matched = parallel_map(&compiled, None, |e| {
        let text = dis_text(&lib, &e.path);
        let ok = text.as_deref().map(fnv1a64) == e.hash;
        if let (false, Some(dir), Some(text)) = (ok, &diff_dir, &text) {
            let name = format!("{}.adder", e.path.replace('/', "__"));
            let _ = std::fs::write(dir.join(name), text);
        }
        ok
    });
    let differing: Vec<&str> = compiled
        .iter()
        .zip(&matched)
        .filter(|(_, &ok)| !ok)
        .map(|(e, _)| e.path.as_str())
        .collect();
    let top_total = compiled.iter().filter(|e| !e.path.contains('/')).count();
    let top_differing: Vec<&str> = differing
        .iter()
        .copied()
        .filter(|p| !p.contains('/'))
        .collect();
    let all_matches = compiled.len() - differing.len();
    let top_matches = top_total - top_differing.len();
    println!(
        "dis matches: {all_matches}/{} (floor {ALL_MATCH_FLOOR})",
        compiled.len()
    );
    println!(
        "top-level modules: {top_matches}/{top_total} (floor {TOP_LEVEL_MATCH_FLOOR}); differing: {top_differing:?}"
    );
    println!("all differing: {differing:?}");
    assert!(
        all_matches >= ALL_MATCH_FLOOR,
        "dis parity regressed: {all_matches} < {ALL_MATCH_FLOOR}"
    );
    assert!(
        top_matches >= TOP_LEVEL_MATCH_FLOOR,
        "top-level dis parity regressed: {top_matches} < {TOP_LEVEL_MATCH_FLOOR}; differing: {top_differing:?}"
    );
}
