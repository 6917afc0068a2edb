//! `normalize(form, unistr)` and `is_normalized(form, unistr)` (NFC, NFD, NFKC, NFKD).
//!
//! `unicode-normalization` follows a newer Unicode than CPython 3.14's 16.0.0. A
//! character unassigned in 16.0.0 has no decomposition and combining class 0 there,
//! so it is a boundary normalization never crosses: the text is normalized piecewise
//! between such characters, which leave them as they are, as CPython does.

use adder_vm::object::Payload;
use adder_vm::objects::function::Args;
use adder_vm::objects::str::PyStr;
use adder_vm::{PyResult, Value, Vm};
use unicode_normalization::UnicodeNormalization;

use super::is_assigned;
use crate::arity::positional;

#[derive(Clone, Copy)]
enum Form {
    Nfc,
    Nfd,
    Nfkc,
    Nfkd,
}

/// The `(form, unistr)` arguments of `func`.
fn form_and_text<'a>(vm: &Vm, args: &'a Args, func: &str) -> PyResult<(Form, &'a PyStr)> {
    let pos = positional(vm, args, func, func, 2, 2)?;
    let text_of = |i: usize| match pos[i].payload() {
        Some(Payload::Str(s)) => Ok(s),
        _ => Err(vm.type_error(format!(
            "{func}() argument {} must be str, not {}",
            i + 1,
            vm.type_name(&pos[i])
        ))),
    };
    let form = match text_of(0)?.as_str() {
        "NFC" => Form::Nfc,
        "NFD" => Form::Nfd,
        "NFKC" => Form::Nfkc,
        "NFKD" => Form::Nfkd,
        _ => return Err(vm.value_error("invalid normalization form")),
    };
    Ok((form, text_of(1)?))
}

/// `text` in `form`, keeping characters unassigned in 16.0.0 (and lone surrogates,
/// which have no decomposition either) as they are.
fn normalized(form: Form, text: &PyStr) -> PyStr {
    let mut out = PyStr::new(String::with_capacity(text.as_str().len()));
    let mut piece = String::new();
    let flush = |piece: &mut String, out: &mut PyStr| {
        let done: String = match form {
            Form::Nfc => piece.nfc().collect(),
            Form::Nfd => piece.nfd().collect(),
            Form::Nfkc => piece.nfkc().collect(),
            Form::Nfkd => piece.nfkd().collect(),
        };
        out.push_text(&done);
        piece.clear();
    };
    for cp in text.code_points() {
        match char::from_u32(cp).filter(|_| is_assigned(cp)) {
            Some(c) => piece.push(c),
            None => {
                flush(&mut piece, &mut out);
                out.push_code_point(cp);
            }
        }
    }
    flush(&mut piece, &mut out);
    out
}

pub fn normalize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (form, text) = form_and_text(vm, &args, "normalize")?;
    let result = normalized(form, text);
    if result.as_str() == text.as_str() && !text.has_surrogates() {
        // CPython hands back the argument itself when nothing changes.
        return Ok(args.pos()[1].clone());
    }
    Ok(vm.new_str_obj(result))
}

pub fn is_normalized(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (form, text) = form_and_text(vm, &args, "is_normalized")?;
    let result = normalized(form, text);
    Ok(Value::Bool(result.cmp_code_points(text).is_eq()))
}
