//! `adder -m symtable [FILE...]`: the symbol tables of each file (standard input when
//! none is named), printed as CPython's `python -m symtable` prints them.

use adder_syntax::format_syntax_error;

/// Report every file in turn; the first one that cannot be read or compiled ends the
/// run with exit status 1, as the Python tool's uncaught exception does.
pub fn run(
    files: &[String],
    read: impl Fn(&Option<String>) -> Result<(Vec<u8>, String), i32>,
) -> i32 {
    let stdin = [None];
    let named: Vec<Option<String>> = files.iter().cloned().map(Some).collect();
    let inputs = if named.is_empty() {
        &stdin[..]
    } else {
        &named[..]
    };
    for file in inputs {
        let (source, filename) = match read(file) {
            Ok(x) => x,
            Err(code) => return code,
        };
        let report = adder_syntax::decode_source(&source)
            .and_then(|text| adder_compiler::symtable_report(&text, &filename));
        match report {
            Ok(text) => print!("{text}"),
            Err(err) => {
                eprint!("{}", format_syntax_error(&err, &filename));
                return 1;
            }
        }
    }
    0
}
