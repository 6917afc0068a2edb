//! The `_codecs` module (CPython's `Modules/_codecsmodule.c` and the error handlers of
//! `Python/codecs.c`): the codec registry's Python face (`register`, `lookup`,
//! `encode`, `decode`, `register_error`, `lookup_error`), the built-in error handler
//! functions, and the encoders and decoders that `codecs.py` and the `encodings`
//! package wrap: UTF-8/16/32, ASCII, Latin-1 (`unicode.rs`), the escape codecs
//! (`escape.rs`) and the charmap codecs behind `cp1252` and friends (`charmap.rs`).
//!
//! The registry itself lives in the VM (`adder_vm::codec_registry`), since
//! `str.encode` and `bytes.decode` use it too.

mod charmap;
mod escape;
mod handlers;
mod unicode;
mod utf7;

use adder_vm::codec_registry;
use adder_vm::native_module::add_functions;
use adder_vm::object::{ObjRef, Payload};
use adder_vm::objects::function::{Args, NativeFn};
use adder_vm::objects::str::PyStr;
use adder_vm::{PyResult, Value, Vm};

use crate::args::{bind, Params};

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    let functions: &[(&'static str, NativeFn)] = &[
        ("register", register),
        ("unregister", unregister),
        ("lookup", lookup),
        ("encode", encode),
        ("decode", decode),
        ("_forget_codec", forget_codec),
        ("register_error", register_error),
        ("_unregister_error", unregister_error),
        ("lookup_error", lookup_error),
    ];
    add_functions(vm, module, functions);
    add_functions(vm, module, unicode::FUNCTIONS);
    add_functions(vm, module, escape::FUNCTIONS);
    add_functions(vm, module, charmap::FUNCTIONS);
    add_functions(vm, module, utf7::FUNCTIONS);
    Ok(())
}

/// The text of a str argument, or Argument Clinic's "f() argument N must be str".
pub(crate) fn str_arg<'a>(vm: &Vm, v: &'a Value, func: &str, position: usize) -> PyResult<&'a str> {
    pystr_arg(vm, v, func, position).map(PyStr::as_str)
}

/// A str argument itself (its exact code points), or Argument Clinic's
/// "f() argument N must be str".
pub(crate) fn pystr_arg<'a>(
    vm: &Vm,
    v: &'a Value,
    func: &str,
    position: usize,
) -> PyResult<&'a PyStr> {
    match v.payload() {
        Some(Payload::Str(s)) => Ok(s),
        _ => Err(vm.type_error(format!(
            "{func}() argument {position} must be str, not {}",
            vm.type_name(v)
        ))),
    }
}

/// An optional `errors` argument: `None` or absent means "strict".
pub(crate) fn errors_arg(
    vm: &Vm,
    v: Option<&Value>,
    func: &str,
    position: usize,
) -> PyResult<String> {
    match v {
        None => Ok("strict".to_string()),
        Some(v) if v.is_none() => Ok("strict".to_string()),
        Some(v) => match v.payload() {
            Some(Payload::Str(s)) => Ok(s.as_str().to_string()),
            _ => Err(vm.type_error(format!(
                "{func}() argument {position} must be str or None, not {}",
                vm.type_name(v)
            ))),
        },
    }
}

/// A codec function's `(output, consumed)` answer.
pub(crate) fn pair(vm: &Vm, output: Value, consumed: usize) -> Value {
    vm.new_tuple(vec![output, Value::Int(consumed as i64)])
}

fn one_arg<'a>(vm: &Vm, args: &'a Args, func: &str) -> PyResult<&'a Value> {
    crate::arity::one(vm, args, func)
}

/// `register(search_function)`.
fn register(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = one_arg(vm, &args, "register")?;
    if !adder_vm::objects::iterators::is_callable(vm, f) {
        return Err(vm.type_error("argument must be callable"));
    }
    codec_registry::register(vm, f.clone());
    Ok(Value::None)
}

/// `unregister(search_function)`.
fn unregister(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = one_arg(vm, &args, "unregister")?;
    codec_registry::unregister(vm, f);
    Ok(Value::None)
}

/// `lookup(encoding)`: the `CodecInfo`.
fn lookup(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = one_arg(vm, &args, "lookup")?;
    let name = str_arg(vm, name, "lookup", 1)?.to_string();
    codec_registry::lookup(vm, &name)
}

/// `_forget_codec(encoding)`.
fn forget_codec(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = one_arg(vm, &args, "_forget_codec")?;
    let name = str_arg(vm, name, "_forget_codec", 1)?;
    codec_registry::forget(vm, name);
    Ok(Value::None)
}

/// `encode(obj, encoding='utf-8', errors='strict')` and `decode(...)`: any codec,
/// any object types.
fn transcode(vm: &mut Vm, args: Args, func: &'static str, encode: bool) -> PyResult<Value> {
    let params = Params {
        func,
        names: &["obj", "encoding", "errors"],
        required: 1,
        positional: 3,
    };
    let a = bind(vm, &args, &params)?;
    let obj = a[0].clone().unwrap_or(Value::None);
    let encoding = match &a[1] {
        Some(v) => str_arg(vm, v, func, 2)?.to_string(),
        None => "utf-8".to_string(),
    };
    let errors = match &a[2] {
        Some(v) => str_arg(vm, v, func, 3)?.to_string(),
        None => "strict".to_string(),
    };
    codec_registry::transcode(vm, &obj, &encoding, &errors, encode)
}

fn encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    transcode(vm, args, "encode", true)
}

fn decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    transcode(vm, args, "decode", false)
}

/// `register_error(errors, handler)`.
fn register_error(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::arity::positional(vm, &args, "register_error", "register_error", 2, 2)?;
    let name = str_arg(vm, &a[0], "register_error", 1)?.to_string();
    if !adder_vm::objects::iterators::is_callable(vm, &a[1]) {
        return Err(vm.type_error("handler must be callable"));
    }
    codec_registry::register_error(vm, &name, a[1].clone());
    Ok(Value::None)
}

/// `_unregister_error(errors)`: False when there was none; the built-in handlers
/// cannot be removed.
fn unregister_error(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = one_arg(vm, &args, "_unregister_error")?;
    let name = str_arg(vm, name, "_unregister_error", 1)?;
    if handlers::BUILTIN.iter().any(|(n, _)| *n == name) {
        return Err(vm.value_error(format!(
            "cannot un-register built-in error handler '{name}'"
        )));
    }
    Ok(Value::Bool(codec_registry::unregister_error(vm, name)))
}

/// `lookup_error(name)`: a registered handler, or the built-in one of that name.
fn lookup_error(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = one_arg(vm, &args, "lookup_error")?;
    let name = str_arg(vm, name, "lookup_error", 1)?;
    if let Some(f) = codec_registry::registered_error_handler(vm, name) {
        return Ok(f);
    }
    match handlers::BUILTIN.iter().find(|(n, _)| *n == name) {
        Some(&(n, f)) => Ok(handlers::builtin_function(vm, n, f)),
        None => Err(vm.error(
            &vm.types().exc.lookup_error,
            format!("unknown error handler name '{name}'"),
        )),
    }
}
