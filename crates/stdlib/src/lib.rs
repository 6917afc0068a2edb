//! Native modules written in Rust: what CPython writes in C (`_io`, `math`,
//! `itertools`, `posix`, ...). [`install`] registers them with an interpreter; each is
//! created on first import (see `adder_vm::native_module`).
//!
//! One file (or directory) per module, named after it; `MODULES` is the registry.

use adder_vm::native_module::ModuleInit;
use adder_vm::Vm;

/// Every native module this crate provides, by import name.
const MODULES: &[(&str, ModuleInit)] = &[];

/// Make this crate's modules importable in `vm`.
pub fn install(vm: &mut Vm) {
    for (name, init) in MODULES {
        vm.register_native_module(name, *init);
    }
}
