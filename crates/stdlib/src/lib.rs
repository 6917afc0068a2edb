//! Native modules written in Rust: what CPython writes in C (`_io`, `math`,
//! `itertools`, `posix`, ...). [`install`] registers them with an interpreter; each is
//! created on first import (see `adder_vm::native_module`).
//!
//! One file (or directory) per module, named after it; `MODULES` is the registry.

mod _bisect;
mod _codecs;
mod _collections;
mod _contextvars;
mod _frozen_importlib;
mod _functools;
mod _heapq;
mod _imp;
mod _opcode;
mod _operator;
mod _random;
mod _sha2;
mod _signal;
mod _sre;
mod _string;
mod _struct;
mod _thread;
mod _tokenize;
mod _tracemalloc;
mod _warnings;
mod _weakref;
mod args;
mod arity;
mod atexit;
mod binascii;
mod cmath;
mod errno;
mod file_descriptor;
mod gc;
mod io;
mod itertools;
mod marshal;
mod math;
mod native_util;
mod number_args;
mod posix;
mod pytime;
mod select;
mod structseq;
mod time;
mod unicodedata;
mod unraisable_args;

use adder_vm::native_module::ModuleInit;
use adder_vm::Vm;

/// Every native module this crate provides, by import name.
const MODULES: &[(&str, ModuleInit)] = &[
    ("_bisect", _bisect::init),
    ("_codecs", _codecs::init),
    ("_collections", _collections::init),
    ("_contextvars", _contextvars::init),
    ("_frozen_importlib", _frozen_importlib::init_bootstrap),
    (
        "_frozen_importlib_external",
        _frozen_importlib::init_external,
    ),
    ("_functools", _functools::init),
    ("_heapq", _heapq::init),
    ("_imp", _imp::init),
    ("_io", io::init),
    ("_opcode", _opcode::init),
    ("_operator", _operator::init),
    ("_random", _random::init),
    ("_sha2", _sha2::init),
    ("_signal", _signal::init),
    ("_sre", _sre::init),
    ("_string", _string::init),
    ("_struct", _struct::init),
    ("_thread", _thread::init),
    ("_tokenize", _tokenize::init),
    ("_tracemalloc", _tracemalloc::init),
    ("_warnings", _warnings::init),
    ("_weakref", _weakref::init),
    ("atexit", atexit::init),
    ("binascii", binascii::init),
    ("cmath", cmath::init),
    ("errno", errno::init),
    ("gc", gc::init),
    ("itertools", itertools::init),
    ("marshal", marshal::init),
    ("math", math::init),
    ("posix", posix::init),
    ("select", select::init),
    ("time", time::init),
    ("unicodedata", unicodedata::init),
];

/// Make this crate's modules importable in `vm`, and import `_io` so that the
/// built-in `open` is `io.open` (CPython's start-up imports `io` too).
pub fn install(vm: &mut Vm) {
    for (name, init) in MODULES {
        vm.register_native_module(name, *init);
    }
    unraisable_args::install(vm);
    if let Err(e) = vm.import_module("_io") {
        let shown = vm.repr(&adder_vm::Value::Obj(e.0)).unwrap_or_default();
        eprintln!("adder: cannot import _io: {shown}");
    }
}

/// What the interpreter does when the program has finished (CPython's finalization,
/// as far as these modules are concerned): wait for the non-daemon threads, run the
/// `atexit` functions, then flush the buffered files still open.
pub fn finalize(vm: &mut Vm) {
    _thread::wait_for_thread_shutdown(vm);
    atexit::run_exit_functions(vm);
    vm.finalize_main_module();
    io::flush_all(vm);
}
