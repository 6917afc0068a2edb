//! The compiled-module cache (CPython's `SourceFileLoader` bytecode handling):
//! `DIR/NAME.py` is cached as `DIR/__pycache__/NAME.adder-314.pyc` in adder's own format
//! (`adder_bytecode::marshal`), valid while the source's mtime (whole seconds) and size
//! are those recorded in it. Every failure here is silent, as in CPython: an unreadable,
//! stale or damaged cache means "compile the source", an unwritable directory means
//! "don't cache".

use std::fs::Metadata;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use adder_bytecode::marshal::{self, SourceStamp};
use adder_bytecode::CodeObject;

use crate::objects::dict;
use crate::runtime::Config;
use crate::value::Value;
use crate::vm::Vm;

/// `sys.implementation.cache_tag`: the middle part of cache file names.
pub const CACHE_TAG: &str = "adder-314";

/// `DIR/__pycache__/NAME.adder-314.pyc` for the source `DIR/NAME.py`
/// (`importlib.util.cache_from_source`).
pub fn cache_path(source: &Path) -> Option<PathBuf> {
    let stem = source.file_stem()?.to_str()?;
    let dir = source.parent()?;
    Some(
        dir.join("__pycache__")
            .join(format!("{stem}.{CACHE_TAG}.pyc")),
    )
}

/// The values a cache file is checked against.
pub fn source_stamp(metadata: &Metadata) -> SourceStamp {
    let mtime = metadata
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_secs());
    SourceStamp {
        mtime,
        size: metadata.len(),
    }
}

/// The cached module code for `source`, if a valid cache for this exact source exists.
pub fn load(source: &Path, stamp: SourceStamp, filename: &str) -> Option<CodeObject> {
    let bytes = std::fs::read(cache_path(source)?).ok()?;
    marshal::load_cache_file(&bytes, stamp, filename).ok()
}

/// Writes the cache for `source`, atomically: a temporary file in `__pycache__` renamed
/// over the final name, so a concurrent reader sees the old file or the whole new one.
pub fn store(source: &Path, stamp: SourceStamp, code: &CodeObject) {
    let Some(path) = cache_path(source) else {
        return;
    };
    let Some(dir) = path.parent() else {
        return;
    };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let temp = path.with_extension(format!("pyc.{}.tmp", std::process::id()));
    let bytes = marshal::cache_file_bytes(code, stamp);
    let written = std::fs::File::create(&temp).and_then(|mut file| file.write_all(&bytes));
    if written.is_err() || std::fs::rename(&temp, &path).is_err() {
        let _ = std::fs::remove_file(&temp);
    }
}

/// The start-up value of `sys.dont_write_bytecode`: `-B` or a non-empty
/// `PYTHONDONTWRITEBYTECODE` (unless `-E`/`-I`).
pub fn dont_write_bytecode_default(config: &Config) -> bool {
    config.dont_write_bytecode
        || !config.ignore_environment
            && std::env::var_os("PYTHONDONTWRITEBYTECODE").is_some_and(|v| !v.is_empty())
}

/// Whether imports may write cache files now: programs may change
/// `sys.dont_write_bytecode` at any time, as importlib rereads it on every write.
pub fn writing_allowed(vm: &mut Vm) -> bool {
    let flag = vm
        .interp
        .sys
        .dict_obj()
        .and_then(|d| dict::get_str(&d, "dont_write_bytecode"));
    match flag {
        Some(value) => !vm.is_true(&value).unwrap_or(true),
        None => !dont_write_bytecode_default(&vm.interp.config),
    }
}

/// `__cached__` for a module loaded from `source`.
pub fn cached_value(vm: &Vm, source: &Path) -> Value {
    cache_path(source).map_or(Value::None, |p| vm.new_str(&p.to_string_lossy()))
}
