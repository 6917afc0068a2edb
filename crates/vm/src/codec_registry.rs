//! The codec registry (CPython's `Python/codecs.c`): the search functions that
//! `codecs.register` adds (the `encodings` package adds the standard one), the cache of
//! what they found, and the error handlers of `codecs.register_error`. `str.encode` and
//! `bytes.decode` come here for any codec the built-in fast paths do not know.
//!
//! As CPython, the first lookup imports `encodings`, which registers its search
//! function; the registry is per interpreter (kept as native state).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::error::PyResult;
use crate::object::Payload;
use crate::value::Value;
use crate::vm::Vm;

/// The registry of one interpreter.
struct CodecRegistry {
    search_functions: RefCell<Vec<Value>>,
    /// Normalised encoding name → `CodecInfo`.
    cache: RefCell<HashMap<String, Value>>,
    /// Error handler name → callable, for handlers registered from Python.
    error_handlers: RefCell<HashMap<String, Value>>,
    /// Whether `encodings` has been imported (or is being imported).
    encodings_loaded: std::cell::Cell<bool>,
}

fn registry(vm: &Vm) -> Rc<CodecRegistry> {
    if let Some(r) = vm.native_state::<Rc<CodecRegistry>>() {
        return Rc::clone(&r);
    }
    let r = Rc::new(CodecRegistry {
        search_functions: RefCell::new(Vec::new()),
        cache: RefCell::default(),
        error_handlers: RefCell::default(),
        encodings_loaded: std::cell::Cell::new(false),
    });
    vm.set_native_state(Rc::clone(&r));
    r
}

/// CPython's `normalizestring`: lower case, spaces become underscores.
pub fn normalize_name(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c == ' ' {
                '_'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// `codecs.register(search_function)`.
pub fn register(vm: &Vm, search_function: Value) {
    registry(vm)
        .search_functions
        .borrow_mut()
        .push(search_function);
}

/// `codecs.unregister(search_function)`: removes it and clears the cache.
pub fn unregister(vm: &Vm, search_function: &Value) {
    let r = registry(vm);
    let position = r
        .search_functions
        .borrow()
        .iter()
        .position(|f| f.is(search_function));
    if let Some(i) = position {
        r.search_functions.borrow_mut().remove(i);
        r.cache.borrow_mut().clear();
    }
}

/// `codecs._forget_codec(encoding)`: drops one cache entry.
pub fn forget(vm: &Vm, encoding: &str) {
    registry(vm)
        .cache
        .borrow_mut()
        .remove(&normalize_name(encoding));
}

/// `codecs.lookup(encoding)`: the `CodecInfo` the search functions give, cached.
pub fn lookup(vm: &mut Vm, encoding: &str) -> PyResult<Value> {
    let r = registry(vm);
    if !r.encodings_loaded.replace(true) {
        vm.import_module("encodings")?;
    }
    let normal = normalize_name(encoding);
    if let Some(found) = r.cache.borrow().get(&normal) {
        return Ok(found.clone());
    }
    let key = vm.new_str(&normal);
    let functions = r.search_functions.borrow().clone();
    for f in functions {
        let found = vm.call(&f, std::slice::from_ref(&key))?;
        if found.is_none() {
            continue;
        }
        let is_4_tuple = match found.as_obj().and_then(|o| o.as_tuple()) {
            Some(items) => items.len() == 4,
            None => false,
        };
        if !is_4_tuple {
            return Err(vm.type_error("codec search functions must return 4-tuples"));
        }
        r.cache.borrow_mut().insert(normal, found.clone());
        return Ok(found);
    }
    Err(vm.error(
        &vm.types().exc.lookup_error,
        format!("unknown encoding: {encoding}"),
    ))
}

/// Encode or decode `object` with the registry's codec (`CodecInfo[0]` or `[1]`),
/// checking the result is the `(output, consumed)` pair codecs return.
pub fn transcode(
    vm: &mut Vm,
    object: &Value,
    encoding: &str,
    errors: &str,
    encode: bool,
) -> PyResult<Value> {
    let info = lookup(vm, encoding)?;
    transcode_with(vm, &info, object, errors, encode)
}

/// Run the encoder or decoder of the `CodecInfo` `info` on `object`.
fn transcode_with(
    vm: &mut Vm,
    info: &Value,
    object: &Value,
    errors: &str,
    encode: bool,
) -> PyResult<Value> {
    let function = vm.get_item(info, &Value::Int(if encode { 0 } else { 1 }))?;
    let errors = vm.new_str(errors);
    let result = vm.call(&function, &[object.clone(), errors])?;
    match result.as_obj().and_then(|o| o.as_tuple()) {
        Some([output, _]) => Ok(output.clone()),
        _ => Err(vm.type_error(if encode {
            "encoder must return a tuple (object, integer)"
        } else {
            "decoder must return a tuple (object,integer)"
        })),
    }
}

/// `str.encode`/`bytes.decode` through the registry: the result must be bytes (or str),
/// with CPython's message naming the codec otherwise.
pub fn encode_text(vm: &mut Vm, text: &Value, encoding: &str, errors: &str) -> PyResult<Value> {
    let info = text_codec(vm, encoding, "codecs.encode()")?;
    let out = transcode_with(vm, &info, text, errors, true)?;
    if matches!(out.payload(), Some(Payload::Bytes(_))) {
        return Ok(out);
    }
    Err(vm.type_error(format!(
        "'{encoding}' encoder returned '{}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
        vm.type_name(&out)
    )))
}

/// See [`encode_text`].
pub fn decode_bytes(vm: &mut Vm, data: &Value, encoding: &str, errors: &str) -> PyResult<Value> {
    let info = text_codec(vm, encoding, "codecs.decode()")?;
    let out = transcode_with(vm, &info, data, errors, false)?;
    if matches!(out.payload(), Some(Payload::Str(_))) {
        return Ok(out);
    }
    Err(vm.type_error(format!(
        "'{encoding}' decoder returned '{}' instead of 'str'; use codecs.decode() to decode to arbitrary types",
        vm.type_name(&out)
    )))
}

/// The `CodecInfo` of a codec `str.encode`/`bytes.decode` may use: one whose
/// `_is_text_encoding` is not false (`rot13`, `hex`, `base64` are refused).
fn text_codec(vm: &mut Vm, encoding: &str, alternative: &str) -> PyResult<Value> {
    let info = lookup(vm, encoding)?;
    let is_text = match vm.get_attr_str(&info, "_is_text_encoding") {
        Ok(flag) => vm.is_true(&flag)?,
        Err(_) => true,
    };
    if is_text {
        return Ok(info);
    }
    Err(vm.error(
        &vm.types().exc.lookup_error,
        format!(
            "'{encoding}' is not a text encoding; use {alternative} to handle arbitrary codecs"
        ),
    ))
}

/// `codecs.register_error(name, handler)`.
pub fn register_error(vm: &Vm, name: &str, handler: Value) {
    registry(vm)
        .error_handlers
        .borrow_mut()
        .insert(name.to_string(), handler);
}

/// `codecs._unregister_error(name)`: whether a Python handler was removed.
pub fn unregister_error(vm: &Vm, name: &str) -> bool {
    registry(vm)
        .error_handlers
        .borrow_mut()
        .remove(name)
        .is_some()
}

/// The handler registered from Python under `name`, if any.
pub fn registered_error_handler(vm: &Vm, name: &str) -> Option<Value> {
    let r = vm.native_state::<Rc<CodecRegistry>>()?;
    let found = r.error_handlers.borrow().get(name).cloned();
    found
}
