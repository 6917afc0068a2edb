//! `sys.stdin`, `sys.stdout`, `sys.stderr`: text streams over the process's standard
//! files. A stand-in for `_io.TextIOWrapper` until the `_io` module exists: the methods
//! programs use on the standard streams, writing through the VM's stdout buffer so
//! that `print` and `sys.stdout.write` interleave correctly.

use std::io::{BufRead, Write};

use crate::builtins::add_methods;
use crate::error::PyResult;
use crate::object::{Payload, PyObject};
use crate::objects::function::Args;
use crate::value::Value;
use crate::vm::Vm;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum StdStream {
    Stdin,
    Stdout,
    Stderr,
}

impl StdStream {
    fn name(self) -> &'static str {
        match self {
            StdStream::Stdin => "<stdin>",
            StdStream::Stdout => "<stdout>",
            StdStream::Stderr => "<stderr>",
        }
    }

    fn fileno(self) -> i64 {
        match self {
            StdStream::Stdin => 0,
            StdStream::Stdout => 1,
            StdStream::Stderr => 2,
        }
    }
}

pub fn new_stream(vm: &Vm, which: StdStream) -> Value {
    Value::obj(PyObject::new(
        vm.types().text_io_wrapper.clone(),
        Payload::StdStream(which),
    ))
}

pub fn install(vm: &Vm) {
    add_methods(
        vm,
        &vm.types().text_io_wrapper,
        &[
            ("write", write),
            ("flush", flush),
            ("readline", readline),
            ("read", read),
            ("fileno", fileno),
            ("isatty", isatty),
            ("readable", readable),
            ("writable", writable),
        ],
    );
}

/// The stream an attribute of a std stream object is asked about.
pub fn attribute(vm: &Vm, which: StdStream, name: &str) -> Option<Value> {
    Some(match name {
        "name" => vm.new_str(which.name()),
        "encoding" => vm.new_str("utf-8"),
        "errors" => vm.new_str(if which == StdStream::Stderr {
            "backslashreplace"
        } else {
            "strict"
        }),
        "mode" => vm.new_str(if which == StdStream::Stdin { "r" } else { "w" }),
        "closed" => Value::Bool(false),
        _ => return None,
    })
}

fn stream(vm: &Vm, args: &Args, method: &str) -> PyResult<StdStream> {
    match args.pos().first().and_then(Value::payload) {
        Some(Payload::StdStream(s)) => Ok(*s),
        _ => Err(vm.type_error(format!(
            "descriptor '{method}' requires a '_io.TextIOWrapper' object"
        ))),
    }
}

fn write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let which = stream(vm, &args, "write")?;
    let errors = if which == StdStream::Stderr {
        "backslashreplace"
    } else {
        "strict"
    };
    let text = match args.pos().get(1) {
        Some(v) => match v.payload() {
            Some(Payload::Str(s)) => {
                crate::objects::codecs::stream_text(vm, s, v, errors)?.into_owned()
            }
            _ => {
                return Err(vm.type_error(format!(
                    "write() argument must be str, not {}",
                    vm.type_name(v)
                )))
            }
        },
        None => {
            return Err(vm.type_error("TextIOWrapper.write() takes exactly one argument (0 given)"))
        }
    };
    match which {
        StdStream::Stdout => vm.write_stdout(&text)?,
        StdStream::Stderr => {
            let _ = std::io::stderr().write_all(text.as_bytes());
        }
        StdStream::Stdin => return Err(vm.error(&vm.types().exc.os_error.clone(), "not writable")),
    }
    Ok(Value::Int(text.chars().count() as i64))
}

fn flush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if stream(vm, &args, "flush")? == StdStream::Stdout {
        vm.flush_stdout();
    }
    Ok(Value::None)
}

fn readline(vm: &mut Vm, args: Args) -> PyResult<Value> {
    stream(vm, &args, "readline")?;
    vm.flush_stdout();
    // Without the GIL while waiting, as `input()`.
    let line = vm.allow_threads(|| {
        let mut line = String::new();
        let _ = std::io::stdin().lock().read_line(&mut line);
        line
    });
    Ok(vm.new_str(&line))
}

fn read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    stream(vm, &args, "read")?;
    let mut text = String::new();
    let _ = std::io::Read::read_to_string(&mut std::io::stdin().lock(), &mut text);
    Ok(vm.new_str(&text))
}

fn fileno(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(stream(vm, &args, "fileno")?.fileno()))
}

fn isatty(vm: &mut Vm, args: Args) -> PyResult<Value> {
    use std::io::IsTerminal;
    let tty = match stream(vm, &args, "isatty")? {
        StdStream::Stdin => std::io::stdin().is_terminal(),
        StdStream::Stdout => std::io::stdout().is_terminal(),
        StdStream::Stderr => std::io::stderr().is_terminal(),
    };
    Ok(Value::Bool(tty))
}

fn readable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(
        stream(vm, &args, "readable")? == StdStream::Stdin,
    ))
}

fn writable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(
        stream(vm, &args, "writable")? != StdStream::Stdin,
    ))
}
