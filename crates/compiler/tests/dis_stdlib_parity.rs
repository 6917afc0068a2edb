//! dis parity sweep: compiles every `.py` file of the reference's lib/python3.14 and
//! compares a hash of its disassembly (what `adder -m dis FILE` prints) with the hash of
//! what `python3.14 -m dis FILE` printed (`data/dis_stdlib_expectations.tsv`, written by
//! `scripts/gen_dis_expectations.py`). The match counts may only go up: the floors below
//! are the counts measured when the expectations were last generated.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use adder_bytecode::dis::disassemble;
use adder_syntax::Mode;

/// Files (of those the reference compiles) whose disassembly matched when last measured.
const ALL_MATCH_FLOOR: usize = 1468;
/// Of them, top-level standard-library modules (no directory in their path).
const TOP_LEVEL_MATCH_FLOOR: usize = 129;
/// Worker threads: the machines running this have few cores.
const THREADS: usize = 2;

/// One line of the expectations file; `hash` is None for files the reference rejects.
struct Expectation {
    path: String,
    hash: Option<u64>,
}

/// FNV-1a 64 over the UTF-8 bytes, as `fnv1a64` in the generator script.
fn fnv1a64(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Code-object addresses differ between runs and implementations.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(" at 0x") {
        out.push_str(&rest[..at]);
        out.push_str(" at 0x?");
        rest = rest[at + 6..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
    }
    out.push_str(rest);
    out
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
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/dis_stdlib_expectations.tsv");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.is_empty())
        .map(|line| {
            let (path, hash) = line
                .split_once('\t')
                .unwrap_or_else(|| panic!("malformed expectation line: {line:?}"));
            Expectation {
                path: path.to_string(),
                hash: u64::from_str_radix(hash, 16).ok(),
            }
        })
        .collect()
}

/// Hash of adder's disassembly of one file, or None when adder does not compile it.
fn dis_hash(lib: &Path, relpath: &str) -> Option<u64> {
    let bytes = std::fs::read(lib.join(relpath)).ok()?;
    let source = adder_syntax::decode_source(&bytes).ok()?;
    let code = adder_compiler::compile_source(&source, relpath, Mode::Exec, 0).ok()?;
    Some(fnv1a64(&normalise(&disassemble(&code))))
}

/// Runs every file the reference compiles on `THREADS` workers; true where it matched.
fn run_all(lib: &Path, expectations: &[&Expectation]) -> Vec<bool> {
    let next = AtomicUsize::new(0);
    let results = Mutex::new(vec![false; expectations.len()]);
    std::thread::scope(|scope| {
        for _ in 0..THREADS {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(expectation) = expectations.get(i) else {
                    break;
                };
                let matched = dis_hash(lib, &expectation.path) == expectation.hash;
                if let Ok(mut results) = results.lock() {
                    results[i] = matched;
                }
            });
        }
    });
    results.into_inner().unwrap_or_default()
}

#[test]
fn stdlib_disassembles_like_the_reference() {
    let Some(lib) = reference_lib() else {
        eprintln!("SKIPPED: no reference interpreter at ../shared/tools/reference-python");
        return;
    };
    let expectations = read_expectations();
    let compiled: Vec<&Expectation> = expectations.iter().filter(|e| e.hash.is_some()).collect();
    let matched = run_all(&lib, &compiled);
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
