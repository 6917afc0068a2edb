//! What the standard-library sweeps share: finding the reference's lib/python3.14,
//! reading the expectation files the `scripts/gen_*_expectations.py` generators write,
//! hashing outputs the way those generators do, formatting errors as they do, and
//! running one job per file on a few worker threads; and reading the snippet corpora
//! (`===expected` headers followed by source) of the syntax tests.
//!
//! The sweeps live in different crates (syntax, compiler), so this is a small
//! dev-dependency crate rather than a file each test includes.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// Worker threads for the sweeps: the machines running them have few cores.
pub const THREADS: usize = 2;

/// FNV-1a 64 over the UTF-8 bytes, as `fnv1a64` in `scripts/_stdlib_files.py`.
pub fn fnv1a64(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The reference's lib/python3.14, or None when the reference tool is not installed.
pub fn reference_lib() -> Option<PathBuf> {
    let tool = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/tools/reference-python");
    if !tool.exists() {
        return None;
    }
    let output = Command::new(&tool).arg("--prefix").output().ok()?;
    let prefix = String::from_utf8(output.stdout).ok()?;
    Some(Path::new(prefix.trim()).join("lib/python3.14"))
}

/// [`reference_lib`], saying on stderr that the sweep is skipped when there is none
/// (machines without the reference still run the rest of the tests).
pub fn reference_lib_or_skip() -> Option<PathBuf> {
    let lib = reference_lib();
    if lib.is_none() {
        eprintln!("SKIPPED: no reference interpreter at ../shared/tools/reference-python");
    }
    lib
}

/// The tab-separated fields of every line of an expectations file, skipping blank
/// lines and `#` comments. The files are generated and committed, so a missing file
/// is a broken checkout: the sweep fails naming it.
pub fn expectation_rows(path: &Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.is_empty())
        .map(|line| line.split('\t').map(str::to_string).collect())
        .collect()
}

/// Field `index` of a row as a hexadecimal hash, or None when it is missing or not
/// hex (the dis expectations write `-` for files the reference rejects).
pub fn hash_field(row: &[String], index: usize) -> Option<u64> {
    row.get(index)
        .and_then(|field| u64::from_str_radix(field, 16).ok())
}

/// Field `index` of a row as a hexadecimal hash; a row without one is a corrupt
/// expectations file.
pub fn required_hash(row: &[String], index: usize) -> u64 {
    hash_field(row, index).unwrap_or_else(|| panic!("malformed expectation line: {row:?}"))
}

/// The generators' `Kind|msg|lineno|offset|end_lineno|end_offset` line for a file the
/// parser or compiler rejects. Python gives MemoryError and RecursionError no
/// location, and decoding errors (line 0) no end position, which it shows as None.
pub fn error_line(e: &adder_syntax::SyntaxError) -> String {
    use adder_syntax::SyntaxErrorKind::{MemoryError, RecursionError};
    match e.kind {
        MemoryError | RecursionError => format!("{}|{}|0|0|0|0", e.kind.name(), e.msg),
        _ if e.lineno == 0 => format!("{}|{}|0|{}|None|None", e.kind.name(), e.msg, e.offset),
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

/// `job` applied to every item on `THREADS` workers, results in input order.
/// `stack_size` is for jobs that recurse deeply (compiling nested test files);
/// None keeps the standard library's default thread stack.
pub fn parallel_map<T, R, F>(items: &[T], stack_size: Option<usize>, job: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<R>>> = Mutex::new(items.iter().map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..THREADS {
            let mut builder = std::thread::Builder::new();
            if let Some(size) = stack_size {
                builder = builder.stack_size(size);
            }
            builder
                .spawn_scoped(scope, || loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else {
                        break;
                    };
                    let result = job(item);
                    if let Ok(mut results) = results.lock() {
                        results[i] = Some(result);
                    }
                })
                .expect("spawn a sweep worker");
        }
    });
    results
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .map(|result| result.expect("every item was processed"))
        .collect()
}

/// One record of a snippet corpus: where it is, its source, and the reference's result.
pub struct Snippet {
    pub location: String,
    pub source: String,
    pub expected: String,
}

/// Every record of every `*.txt` file in `dir`, in file order. A record starts with a
/// line `===EXPECTED` and its source is the lines up to the next header.
pub fn corpus_snippets(dir: &Path) -> Vec<Snippet> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
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
            if let Some(expected) = line.strip_prefix("===") {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Values from the generators' `fnv1a64` run by the reference interpreter.
    #[test]
    fn fnv1a64_matches_the_generators() {
        assert_eq!(fnv1a64(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64("ok"), 0x08b0_5d07_b556_6bef);
    }

    /// Expected lines from the reference: `compile()` of these sources, formatted as
    /// the generators' `error_line` does.
    #[test]
    fn error_lines_match_the_generators() {
        let undecodable = adder_syntax::decode_source(b"# -*- coding: uft-8 -*-\nx = 1\n")
            .expect_err("unknown encoding");
        assert_eq!(
            error_line(&undecodable),
            "SyntaxError|unknown encoding: uft-8|0|-1|None|None"
        );
        let unclosed = adder_syntax::parse("x = (\n", adder_syntax::Mode::Exec, "x.py")
            .expect_err("unclosed bracket");
        assert_eq!(
            error_line(&unclosed),
            "SyntaxError|'(' was never closed|1|5|1|0"
        );
    }

    #[test]
    fn parallel_map_keeps_input_order() {
        let items: Vec<u32> = (0..100).collect();
        let doubled = parallel_map(&items, None, |&i| i * 2);
        assert_eq!(doubled, (0..100).map(|i| i * 2).collect::<Vec<_>>());
    }

    #[test]
    fn hash_fields() {
        let row: Vec<String> = ["a.py", "00ff", "-"].map(String::from).to_vec();
        assert_eq!(hash_field(&row, 1), Some(0xff));
        assert_eq!(hash_field(&row, 2), None);
        assert_eq!(hash_field(&row, 3), None);
        assert_eq!(required_hash(&row, 1), 0xff);
    }
}
