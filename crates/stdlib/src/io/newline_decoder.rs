//! `_io.IncrementalNewlineDecoder`: wraps an incremental decoder (or none, for str
//! input), holds back a trailing `\r` until it knows whether `\n` follows, records
//! the kinds of line ending seen, and translates them to `\n` when asked.

use std::cell::{Cell, RefCell};

use adder_vm::native_module::{new_native_type, NativeObject, NativeTypeSpec};
use adder_vm::object::{ObjRef, Payload};
use adder_vm::objects::bytes::new_bytes;
use adder_vm::objects::function::Args;
use adder_vm::{PyResult, Value, Vm};

use super::iobase::{new_io_object, type_arg};
use super::newline::{translate_input, SeenNewlines};
use crate::args::{bind, bool_arg, call_method, int_arg, Params};
use crate::native_util::after_receiver;

struct NewlineDecoder {
    /// The wrapped decoder, or None.
    decoder: RefCell<Value>,
    translate: Cell<bool>,
    /// A `\r` ended the last output and was held back.
    pending_cr: Cell<bool>,
    seen: Cell<SeenNewlines>,
}

impl NativeObject for NewlineDecoder {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.decoder.borrow());
    }
}

fn this<'a>(vm: &Vm, args: &'a Args, method: &str) -> PyResult<&'a NewlineDecoder> {
    vm.native_self::<NewlineDecoder>(args, method, "_io.IncrementalNewlineDecoder")
}

fn decoder_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = type_arg(vm, &args, "IncrementalNewlineDecoder", false)?;
    let state = NewlineDecoder {
        decoder: RefCell::new(Value::None),
        translate: Cell::new(false),
        pending_cr: Cell::new(false),
        seen: Cell::new(SeenNewlines::default()),
    };
    Ok(new_io_object(vm, &cls, state))
}

/// `IncrementalNewlineDecoder(decoder, translate, errors='strict')`.
fn decoder_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let rest = after_receiver(&args);
    let a = bind(
        vm,
        &rest,
        &Params {
            func: "IncrementalNewlineDecoder",
            names: &["decoder", "translate", "errors"],
            required: 2,
            positional: 3,
        },
    )?;
    let state = this(vm, &args, "__init__")?;
    *state.decoder.borrow_mut() = a[0].clone().unwrap_or(Value::None);
    state.translate.set(bool_arg(vm, a[1].as_ref(), false)?);
    state.pending_cr.set(false);
    state.seen.set(SeenNewlines::default());
    Ok(Value::None)
}

/// `decode(input, final=False)`.
fn decoder_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = this(vm, &args, "decode")?;
    let rest = after_receiver(&args);
    let a = bind(
        vm,
        &rest,
        &Params {
            func: "decode",
            names: &["input", "final"],
            required: 1,
            positional: 2,
        },
    )?;
    let input = a[0].clone().unwrap_or(Value::None);
    let is_final = bool_arg(vm, a[1].as_ref(), false)?;
    let decoder = state.decoder.borrow().clone();
    let output = if decoder.is_none() {
        input
    } else {
        call_method(vm, &decoder, "decode", &[input, Value::Bool(is_final)])?
    };
    let Some(Payload::Str(s)) = output.payload() else {
        return Err(vm.type_error(format!(
            "decoder should return a string result, not '{}'",
            vm.type_name(&output)
        )));
    };
    let mut text = String::new();
    if state.pending_cr.get() && (!s.as_str().is_empty() || is_final) {
        text.push('\r');
        state.pending_cr.set(false);
    }
    text.push_str(s.as_str());
    if !is_final && text.ends_with('\r') {
        text.pop();
        state.pending_cr.set(true);
    }
    let mut seen = state.seen.get();
    seen.note(&text);
    state.seen.set(seen);
    if state.translate.get() {
        text = translate_input(&text);
    }
    Ok(vm.new_str(&text))
}

/// `getstate()`: the wrapped decoder's `(buffer, flag)` with the held-back `\r` as
/// the flag's low bit.
fn decoder_getstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = this(vm, &args, "getstate")?;
    let decoder = state.decoder.borrow().clone();
    let (buffer, flag) = if decoder.is_none() {
        (new_bytes(vm, Vec::new()), 0)
    } else {
        let inner = call_method(vm, &decoder, "getstate", &[])?;
        match inner.as_obj().and_then(|o| o.as_tuple()) {
            Some([buffer, flag]) => (buffer.clone(), int_arg(vm, flag)?),
            _ => return Err(vm.type_error("illegal decoder state")),
        }
    };
    let flag = (flag << 1) | i64::from(state.pending_cr.get());
    Ok(vm.new_tuple(vec![buffer, Value::Int(flag)]))
}

/// `setstate((buffer, flag))`.
fn decoder_setstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = this(vm, &args, "setstate")?;
    let [_, new_state] = crate::args::positional(vm, &args, "setstate", 2, 2)? else {
        return Err(vm.type_error("setstate expected 1 argument"));
    };
    let Some([buffer, flag]) = new_state.as_obj().and_then(|o| o.as_tuple()) else {
        return Err(vm.type_error("state argument must be a tuple"));
    };
    let flag = int_arg(vm, flag)?;
    state.pending_cr.set(flag & 1 == 1);
    let decoder = state.decoder.borrow().clone();
    if !decoder.is_none() {
        let inner = vm.new_tuple(vec![buffer.clone(), Value::Int(flag >> 1)]);
        call_method(vm, &decoder, "setstate", &[inner])?;
    }
    Ok(Value::None)
}

fn decoder_reset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = this(vm, &args, "reset")?;
    state.seen.set(SeenNewlines::default());
    state.pending_cr.set(false);
    let decoder = state.decoder.borrow().clone();
    if !decoder.is_none() {
        call_method(vm, &decoder, "reset", &[])?;
    }
    Ok(Value::None)
}

fn decoder_newlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(this(vm, &args, "newlines")?.seen.get().value(vm))
}

/// The `IncrementalNewlineDecoder` type.
pub fn new_type(vm: &Vm) -> ObjRef {
    let ty = new_native_type(
        vm,
        NativeTypeSpec {
            name: "IncrementalNewlineDecoder",
            module: "_io",
            base: None,
            new: Some(decoder_new),
            init: Some(decoder_init),
            methods: &[
                ("decode", decoder_decode),
                ("getstate", decoder_getstate),
                ("setstate", decoder_setstate),
                ("reset", decoder_reset),
            ],
            subclassable: true,
        },
    );
    crate::native_util::add_getters(vm, &ty, &[("newlines", decoder_newlines)]);
    ty
}
