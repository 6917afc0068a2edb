//! The compiled-module cache format (`adder_bytecode::marshal`) against real code:
//! every top-level module and package `__init__` of the reference's standard library is
//! compiled, written to a cache file, read back, and must be the same code object; and
//! damaged cache files (truncated, any byte flipped) must load as errors, never panic.
//! The test lives here because only the compiler can produce the code objects.

use std::path::{Path, PathBuf};

use adder_bytecode::marshal::{self, MarshalError, SourceStamp};
use adder_bytecode::CodeObject;
use adder_syntax::Mode;
use adder_testsupport::reference_lib;

/// Compiling deeply nested modules recurses; give the worker room.
const WORKER_STACK: usize = 256 << 20;
const STAMP: SourceStamp = SourceStamp {
    mtime: 1_700_000_000,
    size: 1234,
};

/// Top-level modules and the `__init__.py` of top-level packages, sorted.
fn stdlib_modules(lib: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(lib).into_iter().flatten().flatten() {
        let path = entry.path();
        let init = path.join("__init__.py");
        if path.extension().is_some_and(|e| e == "py") {
            files.push(path);
        } else if init.is_file() {
            files.push(init);
        }
    }
    files.sort();
    files
}

fn compile(path: &Path) -> Option<std::rc::Rc<CodeObject>> {
    let bytes = std::fs::read(path).ok()?;
    let text = adder_syntax::decode_source(&bytes).ok()?;
    let filename = path.to_string_lossy();
    adder_compiler::compile_source(&text, &filename, Mode::Exec, 0).ok()
}

/// Structural equality: `CodeObject`'s Debug output shows every field, nested code
/// objects included, and floats by their exact value.
fn same_code(a: &CodeObject, b: &CodeObject) -> bool {
    format!("{a:?}") == format!("{b:?}")
}

fn in_big_stack(job: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(WORKER_STACK)
        .spawn(job)
        .expect("spawn worker")
        .join()
        .expect("worker panicked");
}

#[test]
fn stdlib_code_objects_round_trip() {
    in_big_stack(|| {
        let Some(lib) = reference_lib() else {
            eprintln!("reference interpreter not installed; skipped");
            return;
        };
        let mut checked = 0;
        for path in stdlib_modules(&lib) {
            let Some(code) = compile(&path) else { continue };
            let bytes = marshal::cache_file_bytes(&code, STAMP);
            let loaded = marshal::load_cache_file(&bytes, STAMP, &code.filename)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert!(same_code(&code, &loaded), "{} differs", path.display());
            checked += 1;
        }
        assert!(checked > 150, "only {checked} modules compiled");
    });
}

#[test]
fn stale_and_foreign_files_are_rejected() {
    let code = compile_snippet();
    let bytes = marshal::cache_file_bytes(&code, STAMP);
    let newer = SourceStamp {
        mtime: STAMP.mtime + 1,
        ..STAMP
    };
    let longer = SourceStamp {
        size: STAMP.size + 1,
        ..STAMP
    };
    assert_eq!(
        marshal::load_cache_file(&bytes, newer, "x.py").err(),
        Some(MarshalError::Stale)
    );
    assert_eq!(
        marshal::load_cache_file(&bytes, longer, "x.py").err(),
        Some(MarshalError::Stale)
    );
    let mut other_version = bytes.clone();
    other_version[8] ^= 0xff;
    assert_eq!(
        marshal::load_cache_file(&other_version, STAMP, "x.py").err(),
        Some(MarshalError::WrongVersion)
    );
    assert_eq!(
        marshal::load_cache_file(b"\x0d\x0d\x0d\x0a", STAMP, "x.py").err(),
        Some(MarshalError::Truncated)
    );
}

#[test]
fn damaged_files_load_as_errors() {
    let code = compile_snippet();
    let bytes = marshal::cache_file_bytes(&code, STAMP);
    for len in 0..bytes.len() {
        assert!(marshal::load_cache_file(&bytes[..len], STAMP, "x.py").is_err());
    }
    for index in 0..bytes.len() {
        for bit in [0x01, 0x80] {
            let mut damaged = bytes.clone();
            damaged[index] ^= bit;
            assert!(
                marshal::load_cache_file(&damaged, STAMP, "x.py").is_err(),
                "flipping bit {bit:#x} of byte {index} went unnoticed"
            );
        }
    }
    // Bodies without the checksum's protection: garbage must fail cleanly too.
    let body = marshal::dump_code(&code);
    for index in 0..body.len() {
        let mut damaged = body.clone();
        damaged[index] ^= 0xff;
        let _ = marshal::load_code(&damaged, "x.py");
        let _ = marshal::load_code(&body[..index], "x.py");
    }
}

/// A module using every kind of constant, nested code, cells and an exception table.
fn compile_snippet() -> std::rc::Rc<CodeObject> {
    let source = "\
import sys
big = 2 ** 100, -2 ** 70, -5, 1.5, -0.0, 2j, b'\\x00\\xff', 'é', ..., None, True
def outer(a, /, b=1, *args, c, **kw):
    x = [i for i in args if i in {1, 2, 3}]
    def inner():
        nonlocal x
        try:
            return x[1:2]
        except (KeyError, IndexError) as e:
            raise ValueError from e
    return inner
class C:
    def method(self):
        return __class__
";
    adder_compiler::compile_source(source, "x.py", Mode::Exec, 0).expect("snippet compiles")
}
