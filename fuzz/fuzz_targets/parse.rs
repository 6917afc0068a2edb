//! Fuzz target `parse`: arbitrary bytes through source decoding, the parser (all
//! modes), the AST dump, the error formatter and the `-m tokenize` dump. Any panic,
//! overflow or hang is a bug: every input must give a value or a SyntaxError.
//!
//! Run from the repository root: `cargo +nightly fuzz run parse`.

#![no_main]

use adder_syntax::{
    ast_dump_checked, decode_source, format_syntax_error, parse, tokenize_dump, Mode,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = decode_source(data) else {
        return;
    };
    for mode in [Mode::Exec, Mode::Eval, Mode::Single] {
        match parse(&text, mode, "<fuzz>") {
            Ok(module) => {
                ast_dump_checked(&module, true, Some(3));
            }
            Err(err) => {
                format_syntax_error(&err, "<fuzz>");
            }
        }
    }
    let _ = tokenize_dump(&text, "<fuzz>");
});
