//! The `_tokenize` module (CPython's `Python/Python-tokenize.c`): `TokenizerIter`,
//! the iterator the pure-Python `tokenize` module wraps. It yields
//! `(type, string, (srow, scol), (erow, ecol), line)` tuples from adder's own
//! tokenizer ([`adder_syntax::token_stream`]), then raises the SyntaxError (or
//! IndentationError/TabError) CPython's tokenizer raises for bad input.
//!
//! CPython pulls lines from `readline` as it goes; this iterator reads them all on
//! the first `__next__` and tokenizes the whole text at once. Only a `readline`
//! that depends on the tokens already seen (an interactive one) could tell.

mod errors;

use std::cell::RefCell;

use adder_syntax::token_stream::{token_stream, TokenInfo};
use adder_vm::native_module::{add_type, new_native_type, NativeObject, NativeTypeSpec};
use adder_vm::object::{ObjRef, Payload};
use adder_vm::objects::function::Args;
use adder_vm::{PyErr, PyResult, Value, Vm};

use crate::args::{bind, Params};
use crate::native_util::{after_receiver, iter_self, stop_iteration};

const TYPE_NAME: &str = "_tokenize.TokenizerIter";

/// Where an iterator is: not started (the `readline` and how to decode its lines),
/// handing out tokens, or finished.
enum State {
    Unread {
        readline: Value,
        encoding: Option<String>,
    },
    Tokens {
        tokens: std::vec::IntoIter<TokenInfo>,
        /// Raised once the tokens are exhausted.
        error: Option<PyErr>,
    },
    Done,
}

struct TokenizerIter {
    state: RefCell<State>,
    /// `extra_tokens=True` (what `tokenize` passes): operators are reported as OP.
    extra_tokens: bool,
}

impl NativeObject for TokenizerIter {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        if let State::Unread { readline, .. } = &*self.state.borrow() {
            visit(readline);
        }
    }
}

const NEW: Params = Params {
    func: "tokenizeriter",
    names: &["readline", "extra_tokens", "encoding"],
    required: 2,
    positional: 1,
};

/// `TokenizerIter(readline, /, *, extra_tokens, encoding=None)`.
fn tokenizer_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.pos().first().cloned() else {
        return Err(vm.type_error("TokenizerIter.__new__(X): X is not a type object"));
    };
    let slots = bind(vm, &after_receiver(&args), &NEW)?;
    let [Some(readline), Some(extra_tokens), encoding] = &slots[..] else {
        return Err(vm.type_error("tokenizeriter() missing required argument"));
    };
    let extra_tokens = vm.is_true(extra_tokens)?;
    let encoding = match encoding {
        None | Some(Value::None) => None,
        Some(v) => match v.as_obj().and_then(|o| o.as_str()) {
            Some(s) => Some(s.as_str().to_string()),
            None => {
                return Err(vm.type_error(format!(
                    "tokenizeriter() argument 'encoding' must be str, not {}",
                    vm.type_name(v)
                )))
            }
        },
    };
    let state = State::Unread {
        readline: readline.clone(),
        encoding,
    };
    Ok(vm.new_native_instance(
        &cls,
        TokenizerIter {
            state: RefCell::new(state),
            extra_tokens,
        },
    ))
}

fn tokenizer_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let it = vm.native_self::<TokenizerIter>(&args, "__next__", TYPE_NAME)?;
    let unread = match &*it.state.borrow() {
        State::Unread { readline, encoding } => Some((readline.clone(), encoding.clone())),
        _ => None,
    };
    if let Some((readline, encoding)) = unread {
        // The state is not borrowed while `readline` runs: it may re-enter.
        let next_state = match read_source(vm, &readline, encoding.as_deref()) {
            Ok(source) => {
                let stream = token_stream(&source);
                State::Tokens {
                    tokens: stream.tokens.into_iter(),
                    error: stream.error.map(|e| errors::to_exception(vm, e)),
                }
            }
            Err(e) => State::Tokens {
                tokens: Vec::new().into_iter(),
                error: Some(e),
            },
        };
        *it.state.borrow_mut() = next_state;
    }
    let mut state = it.state.borrow_mut();
    let State::Tokens { tokens, error } = &mut *state else {
        return Err(stop_iteration(vm));
    };
    if let Some(tok) = tokens.next() {
        return Ok(token_tuple(vm, &tok, it.extra_tokens));
    }
    let error = error.take();
    *state = State::Done;
    Err(error.unwrap_or_else(|| stop_iteration(vm)))
}

/// The whole source `readline` gives, up to an empty line or StopIteration. Lines
/// are bytes decoded from `encoding` (undecodable bytes replaced) when one is
/// given, str otherwise.
fn read_source(vm: &mut Vm, readline: &Value, encoding: Option<&str>) -> PyResult<String> {
    let mut source = String::new();
    loop {
        let line = match vm.call(readline, &[]) {
            Ok(line) => line,
            Err(e) if vm.is_instance(&Value::Obj(e.0.clone()), &vm.types().exc.stop_iteration) => {
                return Ok(source);
            }
            Err(e) => return Err(e),
        };
        let text = match encoding {
            Some(encoding) => {
                if !matches!(line.payload(), Some(Payload::Bytes(_))) {
                    return Err(vm.type_error("readline() returned a non-bytes object"));
                }
                let args = [vm.new_str(encoding), vm.new_str("replace")];
                let decoded = crate::args::call_method(vm, &line, "decode", &args)?;
                str_of(&decoded).unwrap_or_default()
            }
            None => str_of(&line)
                .ok_or_else(|| vm.type_error("readline() returned a non-string object"))?,
        };
        if text.is_empty() {
            return Ok(source);
        }
        // Each line read is a line: the tokenizer ends one that has no newline.
        if !source.is_empty() && !source.ends_with('\n') {
            source.push('\n');
        }
        source.push_str(&text);
    }
}

fn str_of(v: &Value) -> Option<String> {
    v.as_obj()
        .and_then(|o| o.as_str())
        .map(|s| s.as_str().to_string())
}

/// `(type, string, (srow, scol), (erow, ecol), line)`.
fn token_tuple(vm: &Vm, tok: &TokenInfo, extra_tokens: bool) -> Value {
    let number = if extra_tokens {
        tok.type_number()
    } else {
        tok.exact_type_number()
    };
    let pair = |(row, col): (u32, u32)| {
        vm.new_tuple(vec![Value::Int(i64::from(row)), Value::Int(i64::from(col))])
    };
    vm.new_tuple(vec![
        Value::Int(i64::from(number)),
        vm.new_str(&tok.string),
        pair(tok.start),
        pair(tok.end),
        vm.new_str(&tok.line),
    ])
}

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    let ty = new_native_type(
        vm,
        NativeTypeSpec {
            name: "TokenizerIter",
            module: "_tokenize",
            base: None,
            new: Some(tokenizer_new),
            init: None,
            methods: &[("__iter__", iter_self), ("__next__", tokenizer_next)],
            subclassable: false,
        },
    );
    add_type(vm, module, &ty);
    Ok(())
}
