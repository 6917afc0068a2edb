//! Built-in functions that turn values into text or read it: `format`, `bin`, `oct`,
//! `hex` and `input`.

use std::io::BufRead;

use adder_numeric::int_format::{to_prefixed_string, Radix};

use crate::error::{PyErr, PyResult};
use crate::objects::function::Args;
use crate::protocol::number::as_int;
use crate::value::Value;
use crate::vm::Vm;

pub use crate::objects::str_format::format_builtin as format;

/// `bin`/`oct`/`hex`: the integer (through `__index__`) with its base prefix.
fn radix_text(vm: &mut Vm, args: Args, name: &str, radix: Radix) -> PyResult<Value> {
    let pos = args.pos();
    if !args.kwnames.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    let [v] = pos else {
        return Err(vm.type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            pos.len()
        )));
    };
    let number = match as_int(v) {
        Some(i) => i.to_big().into_owned(),
        None => {
            let Some(m) = vm.lookup_special_heap(v, "__index__") else {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(v)
                )));
            };
            let r = vm.call_method_value(&m, v, &[])?;
            match as_int(&r) {
                Some(i) => i.to_big().into_owned(),
                None => {
                    return Err(vm.type_error(format!(
                        "__index__ returned non-int (type {})",
                        vm.type_name(&r)
                    )))
                }
            }
        }
    };
    Ok(vm.new_str(&to_prefixed_string(&number, radix)))
}

pub fn bin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix_text(vm, args, "bin", Radix::Binary)
}

pub fn oct(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix_text(vm, args, "oct", Radix::Octal)
}

pub fn hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix_text(vm, args, "hex", Radix::Hex)
}

/// `input(prompt='')`: the prompt goes to stdout (flushed), then one line is read from
/// stdin without its newline; end of input is EOFError.
pub fn input(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    if !args.kwnames.is_empty() {
        return Err(vm.type_error("input() takes no keyword arguments"));
    }
    if pos.len() > 1 {
        return Err(vm.type_error(format!(
            "input expected at most 1 argument, got {}",
            pos.len()
        )));
    }
    if let Some(prompt) = pos.first() {
        let text = vm.to_str(prompt)?;
        vm.write_stdout(&text)?;
    }
    vm.flush_stdout();
    // The wait for a line runs without the GIL, so that other threads go on (the
    // allocator is thread-safe: the line may grow there).
    let (mut line, read) = vm.allow_threads(|| {
        let mut line = Vec::new();
        let read = std::io::stdin().lock().read_until(b'\n', &mut line);
        (line, read)
    });
    match read {
        Ok(0) => {
            return Err(PyErr(vm.new_exception(
                &vm.types().exc.eof_error,
                vec![vm.new_str("EOF when reading a line")],
            )))
        }
        Ok(_) => {}
        Err(e) => return Err(vm.error(&vm.types().exc.os_error, e.to_string())),
    }
    if line.last() == Some(&b'\n') {
        line.pop();
    }
    let original = crate::objects::bytes::new_bytes(vm, line.clone());
    let text = crate::objects::codecs::decode(
        vm,
        &line,
        &original,
        crate::objects::codecs::Codec::Utf8,
        "strict",
    )?;
    Ok(vm.new_str(&text))
}
