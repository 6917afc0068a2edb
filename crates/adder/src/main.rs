//! `adder`: run Python programs with CPython's command line.

mod cli;
mod run;
mod symtable_cmd;

use std::process::ExitCode;

/// The interpreter runs on a thread with a large stack, so that the deepest nesting the
/// VM and parser allow (each bounded, raising RecursionError/SyntaxError beyond) fits.
const INTERPRETER_STACK: usize = 1 << 30;

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let worker = std::thread::Builder::new()
        .name("main".into())
        .stack_size(INTERPRETER_STACK)
        .spawn(move || run::main(argv));
    // Signals must interrupt the interpreter's thread, not this one that only waits.
    adder_vm::signals::leave_signals_to_other_threads();
    let status = match worker.map(|h| h.join()) {
        Ok(Ok(code)) => code,
        _ => {
            eprintln!("Fatal Python error: the interpreter thread failed");
            120
        }
    };
    ExitCode::from(status.clamp(0, 255) as u8)
}
