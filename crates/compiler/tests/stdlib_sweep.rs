//! Stdlib compile sweep: compiles every `.py` file of the reference's lib/python3.14
//! (standard library and test suite) and prints its symbol tables, comparing with what
//! the reference did (`data/stdlib_compile_expectations.tsv`, written by
//! `scripts/gen_compile_expectations.py`): files it compiles must compile, files it
//! rejects must give the same error, and `-m symtable` output must hash the same.
//! The match counts may only go up: the floors are the counts last measured.
//!
//! Set `ADDER_SYMTABLE_DIFF_DIR=DIR` to have adder's symtable output of every
//! differing file written there (as `PATH.adder`, slashes replaced by `__`).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use adder_testsupport::{
    error_line, expectation_rows, fnv1a64, parallel_map, reference_lib_or_skip, required_hash,
};

/// Files whose compile outcome (success, or the same error) matched the reference.
const COMPILE_MATCH_FLOOR: usize = 1707;
/// Files whose `-m symtable` output matched the reference.
const SYMTABLE_MATCH_FLOOR: usize = 1707;
/// Compiling deeply nested test files recurses; give workers room.
const WORKER_STACK: usize = 256 << 20;

struct Expectation {
    path: String,
    compile_hash: u64,
    symtable_hash: u64,
}

struct Outcome {
    compile_hash: u64,
    symtable_text: String,
    lines: usize,
    compile_time: Duration,
}

fn read_expectations() -> Vec<Expectation> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/stdlib_compile_expectations.tsv");
    expectation_rows(&path)
        .into_iter()
        .map(|row| Expectation {
            compile_hash: required_hash(&row, 1),
            symtable_hash: required_hash(&row, 2),
            path: row.into_iter().next().unwrap_or_default(),
        })
        .collect()
}

fn run_file(lib: &Path, relpath: &str) -> Outcome {
    let bytes = std::fs::read(lib.join(relpath)).unwrap_or_default();
    let start = Instant::now();
    let decoded = adder_syntax::decode_source(&bytes);
    let compiled = decoded.clone().and_then(|text| {
        adder_compiler::compile_source(&text, relpath, adder_syntax::Mode::Exec, 0)
    });
    let compile_time = start.elapsed();
    let compile_text = match &compiled {
        Ok(_) => "ok".to_string(),
        Err(e) => error_line(e),
    };
    let symtable_text =
        match decoded.and_then(|text| adder_compiler::symtable_report(&text, relpath)) {
            Ok(text) => text,
            Err(e) => error_line(&e),
        };
    Outcome {
        compile_hash: fnv1a64(&compile_text),
        symtable_text,
        lines: bytes.iter().filter(|&&b| b == b'\n').count(),
        compile_time,
    }
}

#[test]
fn stdlib_compiles_and_symtables_like_the_reference() {
    let Some(lib) = reference_lib_or_skip() else {
        return;
    };
    let expectations = read_expectations();
    let outcomes = parallel_map(&expectations, Some(WORKER_STACK), |e| {
        run_file(&lib, &e.path)
    });
    let diff_dir = std::env::var_os("ADDER_SYMTABLE_DIFF_DIR").map(PathBuf::from);

    let mut compile_mismatches = Vec::new();
    let mut symtable_mismatches = Vec::new();
    for (expectation, outcome) in expectations.iter().zip(&outcomes) {
        if outcome.compile_hash != expectation.compile_hash {
            compile_mismatches.push(expectation.path.as_str());
        }
        if fnv1a64(&outcome.symtable_text) != expectation.symtable_hash {
            symtable_mismatches.push(expectation.path.as_str());
            if let Some(dir) = &diff_dir {
                let name = format!("{}.adder", expectation.path.replace('/', "__"));
                let _ = std::fs::write(dir.join(name), &outcome.symtable_text);
            }
        }
    }
    let total = expectations.len();
    let compile_matches = total - compile_mismatches.len();
    let symtable_matches = total - symtable_mismatches.len();
    let lines: usize = outcomes.iter().map(|o| o.lines).sum();
    let seconds: f64 = outcomes.iter().map(|o| o.compile_time.as_secs_f64()).sum();
    println!("compile matches: {compile_matches}/{total} (floor {COMPILE_MATCH_FLOOR}); differing: {compile_mismatches:?}");
    println!("symtable matches: {symtable_matches}/{total} (floor {SYMTABLE_MATCH_FLOOR}); differing: {symtable_mismatches:?}");
    println!(
        "compile speed: {total} files, {lines} lines in {seconds:.2}s of decode+parse+compile \
         ({:.0} lines/s, this profile)",
        lines as f64 / seconds
    );
    assert!(
        compile_matches >= COMPILE_MATCH_FLOOR,
        "compile parity regressed: {compile_matches} < {COMPILE_MATCH_FLOOR}; differing: {compile_mismatches:?}"
    );
    assert!(
        symtable_matches >= SYMTABLE_MATCH_FLOOR,
        "symtable parity regressed: {symtable_matches} < {SYMTABLE_MATCH_FLOOR}; differing: {symtable_mismatches:?}"
    );
}
