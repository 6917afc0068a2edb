//! Conformance harness: runs every program of the repository's `tests/` corpus
//! with the `adder` binary, one named test each, and compares stdout, stderr
//! and exit code with what the reference CPython produced (committed beside
//! each program; see tests/README.md for the layout).

#[path = "conformance/diff.rs"]
mod diff;
#[path = "conformance/process.rs"]
mod process;

use std::ffi::OsString;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use libtest_mimic::{Arguments, Failed, Trial};
use process::{Captured, Stream, Termination};

/// A program still running after this long has failed (and is killed).
const TIMEOUT: Duration = Duration::from_secs(20);

/// Stand-ins written into expected output for what depends on the machine,
/// so the corpus does not depend on where the repository or binary lives:
/// CPython names the main script by its absolute path in tracebacks, and
/// prefixes command-line errors with its executable's path.
/// `scripts/regen_expected.sh` writes the same placeholders.
const DIRECTORY_PLACEHOLDER: &str = "{TESTDIR}/";
const EXECUTABLE_PLACEHOLDER: &str = "{EXECUTABLE}";

fn main() {
    let arguments = Arguments::from_args();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests");
    let trials = match discover(&root) {
        Ok(cases) => cases.into_iter().map(Case::into_trial).collect(),
        Err(error) => {
            eprintln!("cannot read the corpus at {}: {error}", root.display());
            std::process::exit(101);
        }
    };
    libtest_mimic::run(&arguments, trials).exit();
}

/// One program of the corpus.
struct Case {
    /// Path below `tests/` without the `.py`, e.g. `basics/arith_int`.
    name: String,
    /// Absolute, symlink-free directory holding the program (its working directory).
    directory: PathBuf,
    /// File name without the `.py`, e.g. `arith_int`.
    stem: String,
}

/// Every program below `root`, sorted by name. Files whose names start with
/// `_` are helper modules for other programs, not programs themselves.
fn discover(root: &Path) -> io::Result<Vec<Case>> {
    let root = root.canonicalize()?;
    let mut cases = Vec::new();
    let mut pending = vec![root.clone()];
    while let Some(directory) = pending.pop() {
        for entry in fs::read_dir(&directory)? {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            let Some(stem) = path
                .file_name()
                .and_then(|n| n.to_str()?.strip_suffix(".py"))
            else {
                continue;
            };
            if stem.starts_with('_') {
                continue;
            }
            let relative = directory.strip_prefix(&root).unwrap_or(Path::new(""));
            let name = relative.join(stem).to_string_lossy().replace('\\', "/");
            cases.push(Case {
                name,
                directory: directory.clone(),
                stem: stem.to_string(),
            });
        }
    }
    cases.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(cases)
}

/// What the reference did with a program.
struct Expected {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    code: i32,
}

impl Case {
    fn into_trial(self) -> Trial {
        Trial::test(self.name.clone(), move || self.run())
    }

    /// The file beside the program with the given extension, e.g. `arith_int.out`.
    fn sibling(&self, extension: &str) -> PathBuf {
        self.directory.join(format!("{}.{extension}", self.stem))
    }

    fn run(&self) -> Result<(), Failed> {
        let expected = self.expected()?;
        let stdin = read_if_present(&self.sibling("stdin"))?;
        let mut command = Command::new(env!("CARGO_BIN_EXE_adder"));
        command.args(self.arguments()?).current_dir(&self.directory);
        isolate_environment(&mut command);
        let captured = process::run(command, stdin, TIMEOUT)
            .map_err(|error| format!("cannot run adder: {error}"))?;
        self.compare(&expected, &captured)
    }

    /// The command line after `adder`: the lines of `NAME.args` when present
    /// (which name the program themselves, if at all), else just `NAME.py`.
    fn arguments(&self) -> Result<Vec<OsString>, Failed> {
        match read_if_present(&self.sibling("args"))? {
            Some(bytes) => Ok(String::from_utf8_lossy(&bytes)
                .lines()
                .map(OsString::from)
                .collect()),
            None => Ok(vec![OsString::from(format!("{}.py", self.stem))]),
        }
    }

    fn expected(&self) -> Result<Expected, Failed> {
        let Some(stdout) = read_if_present(&self.sibling("out"))? else {
            return Err(format!(
                "no expected output {}; run scripts/regen_expected.sh tests/{}.py",
                self.sibling("out").display(),
                self.name
            )
            .into());
        };
        let stderr = read_if_present(&self.sibling("err"))?.unwrap_or_default();
        let code = match read_if_present(&self.sibling("code"))? {
            Some(text) => String::from_utf8_lossy(&text)
                .trim()
                .parse()
                .map_err(|error| format!("bad {}: {error}", self.sibling("code").display()))?,
            None => 0,
        };
        Ok(Expected {
            stdout,
            stderr,
            code,
        })
    }

    /// Succeeds when everything matches; otherwise the message lists each
    /// difference, with a diff for the output streams.
    fn compare(&self, expected: &Expected, captured: &Captured) -> Result<(), Failed> {
        let mut report = String::new();
        match &captured.termination {
            Termination::Exited(code) if *code == expected.code => {}
            Termination::Exited(code) => {
                report += &format!("exit code: expected {}, got {code}\n", expected.code)
            }
            Termination::Abnormal(how) => {
                report += &format!("exit code: expected {}, but adder {how}\n", expected.code)
            }
            Termination::TimedOut => {
                report += &format!("timed out after {} s (killed)\n", TIMEOUT.as_secs())
            }
        }
        self.compare_stream("stdout", &expected.stdout, &captured.stdout, &mut report);
        self.compare_stream("stderr", &expected.stderr, &captured.stderr, &mut report);
        if report.is_empty() {
            Ok(())
        } else {
            Err(format!("tests/{}.py\n{report}", self.name).into())
        }
    }

    fn compare_stream(&self, label: &str, expected: &[u8], actual: &Stream, report: &mut String) {
        let actual_bytes = self.with_placeholders(&actual.bytes);
        if actual_bytes == expected && !actual.truncated {
            return;
        }
        *report += &format!("--- {label} expected\n+++ {label} adder\n");
        *report += &diff::unified(
            &String::from_utf8_lossy(expected),
            &String::from_utf8_lossy(&actual_bytes),
        );
        if actual.truncated {
            *report += &format!("({label} was cut short: adder wrote too much)\n");
        }
    }

    /// `output` with the machine-dependent paths replaced by their placeholders.
    fn with_placeholders(&self, output: &[u8]) -> Vec<u8> {
        let directory = format!("{}/", self.directory.to_string_lossy());
        let replaced = replace_all(
            output,
            env!("CARGO_BIN_EXE_adder").as_bytes(),
            EXECUTABLE_PLACEHOLDER,
        );
        replace_all(&replaced, directory.as_bytes(), DIRECTORY_PLACEHOLDER)
    }
}

/// `haystack` with every occurrence of `needle` replaced by `replacement`.
fn replace_all(haystack: &[u8], needle: &[u8], replacement: &str) -> Vec<u8> {
    if needle.is_empty() {
        return haystack.to_vec();
    }
    let mut result = Vec::with_capacity(haystack.len());
    let mut rest = haystack;
    while let Some((&byte, tail)) = rest.split_first() {
        if let Some(after) = rest.strip_prefix(needle) {
            result.extend_from_slice(replacement.as_bytes());
            rest = after;
        } else {
            result.push(byte);
            rest = tail;
        }
    }
    result
}

/// Gives the program the environment the expected files were made in: none of
/// the caller's `PYTHON*` or colour settings, a fixed hash seed, UTF-8 streams.
fn isolate_environment(command: &mut Command) {
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("PYTHON") {
            command.env_remove(&key);
        }
    }
    command
        .env_remove("FORCE_COLOR")
        .env_remove("NO_COLOR")
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONIOENCODING", "utf-8");
}

/// The file's contents, or `None` when it does not exist.
fn read_if_present(path: &Path) -> Result<Option<Vec<u8>>, Failed> {
    match fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(format!("cannot read {}: {error}", path.display()).into()),
    }
}
