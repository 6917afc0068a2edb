//! Fuzz target `compile`: arbitrary bytes through source decoding, the symbol table
//! report (`-m symtable`), the compiler (exec, eval and single modes) and a marshal
//! round trip of every code object produced. Also feeds the raw bytes to the marshal
//! loader, which must reject hostile cache bodies with an error, never a panic.
//!
//! Run from the repository root: `cargo +nightly fuzz run compile`.

#![no_main]

use adder_bytecode::marshal::{dump_code, load_code};
use adder_compiler::{compile_source, symtable_report};
use adder_syntax::{decode_source, Mode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Hostile marshal data: an error is fine, a panic is not.
    let _ = load_code(data, "<fuzz>");
    let Ok(text) = decode_source(data) else {
        return;
    };
    let _ = symtable_report(&text, "<fuzz>");
    for mode in [Mode::Exec, Mode::Eval, Mode::Single] {
        if let Ok(code) = compile_source(&text, "<fuzz>", mode, 0) {
            let bytes = dump_code(&code);
            let loaded = load_code(&bytes, "<fuzz>").expect("own marshal output must load");
            assert_eq!(
                dump_code(&loaded),
                bytes,
                "marshal round trip changed the code"
            );
        }
    }
});
