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
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Files whose compile outcome (success, or the same error) matched the reference.
const COMPILE_MATCH_FLOOR: usize = 1691;
/// Files whose `-m symtable` output matched the reference.
const SYMTABLE_MATCH_FLOOR: usize = 1613;
const THREADS: usize = 2;
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

/// FNV-1a 64 over the UTF-8 bytes, as `fnv1a64` in the generator script.
fn fnv1a64(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The reference's lib/python3.14, or None when the reference tool is not installed.
fn reference_lib() -> Option<PathBuf> {
    let tool = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/tools/reference-python");
    if !tool.exists() {
        return None;
    }
    let output = Command::new(&tool).arg("--prefix").output().ok()?;
    let prefix = String::from_utf8(output.stdout).ok()?;
    Some(Path::new(prefix.trim()).join("lib/python3.14"))
}

fn read_expectations() -> Vec<Expectation> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/stdlib_compile_expectations.tsv");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.is_empty())
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            let hash = |i: usize| {
                fields
                    .get(i)
                    .and_then(|f| u64::from_str_radix(f, 16).ok())
                    .unwrap_or_else(|| panic!("malformed expectation line: {line:?}"))
            };
            Expectation {
                path: fields[0].to_string(),
                compile_hash: hash(1),
                symtable_hash: hash(2),
            }
        })
        .collect()
}

/// The generator's `Kind|msg|lineno|offset|end_lineno|end_offset` line for an error.
fn error_line(e: &adder_syntax::SyntaxError) -> String {
    use adder_syntax::SyntaxErrorKind::{MemoryError, RecursionError};
    match e.kind {
        MemoryError | RecursionError => format!("{}|{}|0|0|0|0", e.kind.name(), e.msg),
        _ => format!(
            "{}|{}|{}|{}|{}|{}",
            e.kind.name(),
            e.msg,
            e.lineno,
            e.offset,
            e.end_lineno,
            e.end_offset
        ),
    }
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

/// Runs every file on `THREADS` workers, returning the outcomes in input order.
fn run_all(lib: &Path, expectations: &[Expectation]) -> Vec<Outcome> {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Outcome>>> =
        Mutex::new(expectations.iter().map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..THREADS {
            std::thread::Builder::new()
                .stack_size(WORKER_STACK)
                .spawn_scoped(scope, || loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(expectation) = expectations.get(i) else {
                        break;
                    };
                    let outcome = run_file(lib, &expectation.path);
                    if let Ok(mut results) = results.lock() {
                        results[i] = Some(outcome);
                    }
                })
                .expect("spawn a sweep worker");
        }
    });
    results
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .map(|outcome| outcome.expect("every file was processed"))
        .collect()
}

#[test]
fn stdlib_compiles_and_symtables_like_the_reference() {
    let Some(lib) = reference_lib() else {
        eprintln!("SKIPPED: no reference interpreter at ../shared/tools/reference-python");
        return;
    };
    let expectations = read_expectations();
    let outcomes = run_all(&lib, &expectations);
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
