//! The exceptions `TokenizerIter` raises for bad input, with the arguments and
//! attributes CPython's `_tokenize` gives them (the `tokenize` module turns plain
//! SyntaxErrors into `TokenError(msg, (lineno, offset))` and re-raises the others).

use adder_syntax::token_stream::StreamError;
use adder_syntax::{unraised_offset, SyntaxErrorKind};
use adder_vm::{PyErr, Value, Vm};

/// CPython's tokenizer names no file.
const FILENAME: &str = "<string>";

/// The exception for a tokenizer error (or the error raised while making it).
pub(super) fn to_exception(vm: &mut Vm, error: StreamError) -> PyErr {
    let made = match error {
        StreamError::UnexpectedEof { lineno, offset } => unexpected_eof(vm, lineno, offset),
        StreamError::Lexer { error, raised } => {
            let exc = &vm.types().exc;
            let class = match error.kind {
                SyntaxErrorKind::SyntaxError => exc.syntax_error.clone(),
                SyntaxErrorKind::IndentationError => exc.indentation_error.clone(),
                SyntaxErrorKind::TabError => exc.tab_error.clone(),
                SyntaxErrorKind::MemoryError => exc.memory_error.clone(),
                SyntaxErrorKind::RecursionError => exc.recursion_error.clone(),
            };
            let msg = vm.new_str(&error.msg);
            let args = if matches!(
                error.kind,
                SyntaxErrorKind::MemoryError | SyntaxErrorKind::RecursionError
            ) {
                vec![msg]
            } else {
                let text = error.text.as_deref().map_or(Value::None, |t| {
                    vm.new_str(t.trim_end_matches(['\n', '\r']))
                });
                let int = |n: i64| Value::Int(n);
                // Errors the lexer leaves as a bare code are located at the line's
                // end, without an end position.
                let (offset, end_lineno, end_offset) = if raised {
                    (
                        int(error.offset.into()),
                        int(error.end_lineno.into()),
                        int(error.end_offset.into()),
                    )
                } else {
                    (
                        int(unraised_offset(&error).into()),
                        Value::None,
                        Value::None,
                    )
                };
                let location = vm.new_tuple(vec![
                    vm.new_str(FILENAME),
                    int(error.lineno.into()),
                    offset,
                    text,
                    end_lineno,
                    end_offset,
                ]);
                vec![msg, location]
            };
            vm.call(&Value::Obj(class), &args)
        }
    };
    match made {
        Ok(exc) => match exc {
            Value::Obj(o) => PyErr(o),
            _ => vm.system_error("exception construction returned no object"),
        },
        Err(e) => e,
    }
}

/// CPython's E_EOF report: `SyntaxError("unexpected EOF in multi-line
/// statement")` located by attributes only (`PyErr_SyntaxLocationObject`).
fn unexpected_eof(vm: &mut Vm, lineno: u32, offset: u32) -> adder_vm::PyResult<Value> {
    let class = Value::Obj(vm.types().exc.syntax_error.clone());
    let msg = vm.new_str("unexpected EOF in multi-line statement");
    let exc = vm.call(&class, &[msg])?;
    let lineno = Value::Int(lineno.into());
    for (name, value) in [
        ("filename", vm.new_str(FILENAME)),
        ("lineno", lineno.clone()),
        ("offset", Value::Int(offset.into())),
        ("end_lineno", lineno),
    ] {
        let name = vm.new_str(name);
        vm.set_attr(&exc, &name, value)?;
    }
    Ok(exc)
}
