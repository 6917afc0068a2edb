//! Exceptions whose constructor arguments become attributes (CPython's
//! `SyntaxError_init`, `UnicodeEncodeError_init` and friends): `SyntaxError(msg,
//! (filename, lineno, offset, text, end_lineno, end_offset))`, and the five (or four)
//! checked arguments of `UnicodeEncodeError`, `UnicodeDecodeError` and
//! `UnicodeTranslateError`, which error handlers and `str()` of the exception read.

use crate::error::PyResult;
use crate::object::{ObjRef, Payload};
use crate::value::Value;
use crate::vm::Vm;

/// Which of the three classes (or subclass) `exc` is.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Encode,
    Decode,
    Translate,
}

fn kind_of(vm: &Vm, exc: &ObjRef) -> Option<Kind> {
    let v = Value::Obj(exc.clone());
    let exc_types = &vm.types().exc;
    if vm.is_instance(&v, &exc_types.unicode_encode_error) {
        Some(Kind::Encode)
    } else if vm.is_instance(&v, &exc_types.unicode_decode_error) {
        Some(Kind::Decode)
    } else if vm.is_instance(&v, &exc_types.unicode_translate_error) {
        Some(Kind::Translate)
    } else {
        None
    }
}

/// The keyword arguments (callers check there are some) an exception's construction
/// accepts, checked as CPython's
/// built-in `__init__`s do: `ImportError`'s are checked by `exception_import`;
/// `AttributeError` takes `name` and `obj`, `NameError` `name`; every other built-in
/// `__init__` takes none. `own_init`: a Python class in the MRO defines `__init__`,
/// which decides instead.
pub fn check_keywords(
    vm: &Vm,
    cls: &ObjRef,
    args: &crate::objects::function::Args,
    own_init: bool,
) -> PyResult<()> {
    if own_init || crate::objects::exception_import::is_import_error_class(vm, cls) {
        return Ok(());
    }
    let exc_types = &vm.types().exc;
    let (function, allowed): (&str, &[&str]) = if vm.is_subtype(cls, &exc_types.attribute_error) {
        ("AttributeError", &["name", "obj"])
    } else if vm.is_subtype(cls, &exc_types.name_error) {
        ("NameError", &["name"])
    } else {
        return Err(vm.type_error(format!(
            "{}() takes no keyword arguments",
            vm.type_display_name(cls)
        )));
    };
    for (key, _) in args.kwargs() {
        if !allowed.contains(&crate::protocol::attr::name_str(key)) {
            return Err(crate::objects::str_stand_in::unexpected_keyword(
                vm, function, key,
            ));
        }
    }
    Ok(())
}

/// The `name` (and for `AttributeError`, `obj`) attribute of a new `NameError` or
/// `AttributeError`: from the keyword argument of that name, else None.
pub fn init_name_attributes(vm: &Vm, exc: &ObjRef, args: &crate::objects::function::Args) {
    // By the class's MRO (not `isinstance`, which may call `__instancecheck__`): this
    // runs for every exception a program constructs.
    let class = vm.class_of(exc);
    let exc_types = &vm.types().exc;
    let names: &[&str] = if vm.is_subtype(&class, &exc_types.attribute_error) {
        &["name", "obj"]
    } else if vm.is_subtype(&class, &exc_types.name_error) {
        &["name"]
    } else {
        return;
    };
    for &attr in names {
        let given = args
            .kwargs()
            .find(|(key, _)| crate::protocol::attr::name_str(key) == attr)
            .map(|(_, value)| value.clone());
        vm.set_exc_attr(exc, attr, given.unwrap_or(Value::None));
    }
}

/// Set a new exception's attributes from its positional arguments, for the classes
/// that have such attributes; other exception classes are left alone.
pub fn init_attributes(vm: &mut Vm, exc: &ObjRef, pos: &[Value]) -> PyResult<()> {
    if vm.is_instance(&Value::Obj(exc.clone()), &vm.types().exc.syntax_error) {
        return init_syntax_error(vm, exc, pos);
    }
    let Some(kind) = kind_of(vm, exc) else {
        return Ok(());
    };
    let want = if kind == Kind::Translate { 4 } else { 5 };
    if pos.len() != want {
        return Err(vm.type_error(format!(
            "function takes exactly {want} arguments ({} given)",
            pos.len()
        )));
    }
    let must_be_str = |vm: &Vm, v: &Value, n: usize| {
        if matches!(v.payload(), Some(Payload::Str(_))) {
            Ok(v.clone())
        } else {
            Err(vm.type_error(format!("argument {n} must be str, not {}", vm.type_name(v))))
        }
    };
    let (encoding, rest) = if kind == Kind::Translate {
        (Value::None, pos)
    } else {
        (must_be_str(vm, &pos[0], 1)?, &pos[1..])
    };
    let first = if kind == Kind::Translate { 1 } else { 2 };
    let object = match kind {
        Kind::Decode => {
            let data = crate::objects::buffer::require_bytes_like(vm, &rest[0])?.into_owned();
            crate::objects::bytes::new_bytes(vm, data)
        }
        _ => must_be_str(vm, &rest[0], first)?,
    };
    let start = Value::Int(vm.index_value(&rest[1])? as i64);
    let end = Value::Int(vm.index_value(&rest[2])? as i64);
    let reason = must_be_str(vm, &rest[3], first + 3)?;
    vm.set_exc_attr(exc, "encoding", encoding);
    vm.set_exc_attr(exc, "object", object);
    vm.set_exc_attr(exc, "start", start);
    vm.set_exc_attr(exc, "end", end);
    vm.set_exc_attr(exc, "reason", reason);
    Ok(())
}

/// `SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset]))`;
/// with any other arguments only `msg` (the first) is set.
pub fn init_syntax_error(vm: &Vm, exc: &ObjRef, pos: &[Value]) -> PyResult<()> {
    let mut fields = [
        Value::None,
        Value::None,
        Value::None,
        Value::None,
        Value::None,
        Value::None,
    ];
    if let [_, info] = pos {
        let Some(items) = info.as_obj().and_then(|o| o.as_tuple()) else {
            return Err(vm.type_error(format!(
                "argument 2 must be tuple, not {}",
                vm.type_name(info)
            )));
        };
        if !(4..=6).contains(&items.len()) {
            let how = if items.len() < 4 {
                "at least 4"
            } else {
                "at most 6"
            };
            return Err(vm.type_error(format!(
                "function takes {how} arguments ({} given)",
                items.len()
            )));
        }
        for (slot, item) in fields.iter_mut().zip(items) {
            *slot = item.clone();
        }
    }
    let msg = pos.first().cloned().unwrap_or(Value::None);
    let [filename, lineno, offset, text, end_lineno, end_offset] = fields;
    vm.set_exc_attr(exc, "msg", msg);
    vm.set_exc_attr(exc, "filename", filename);
    vm.set_exc_attr(exc, "lineno", lineno);
    vm.set_exc_attr(exc, "offset", offset);
    vm.set_exc_attr(exc, "text", text);
    vm.set_exc_attr(exc, "end_lineno", end_lineno);
    vm.set_exc_attr(exc, "end_offset", end_offset);
    vm.set_exc_attr(exc, "print_file_and_line", Value::None);
    Ok(())
}

/// `str()` of a SyntaxError: `msg (file, line N)` with the file's last path
/// component, or what of that is known; `None` for other exceptions.
pub fn syntax_error_str(vm: &mut Vm, exc: &ObjRef) -> PyResult<Option<String>> {
    let value = Value::Obj(exc.clone());
    if !vm.is_instance(&value, &vm.types().exc.syntax_error) {
        return Ok(None);
    }
    let (Ok(msg), Ok(filename), Ok(lineno)) = (
        vm.get_attr_str(&value, "msg"),
        vm.get_attr_str(&value, "filename"),
        vm.get_attr_str(&value, "lineno"),
    ) else {
        return Ok(None);
    };
    let msg = vm.to_str(&msg)?;
    let file = match filename.payload() {
        Some(Payload::Str(s)) => {
            let path = s.as_str();
            Some(path.rsplit('/').next().unwrap_or(path).to_string())
        }
        _ => None,
    };
    let line = match lineno {
        Value::Int(n) => Some(n),
        _ => None,
    };
    Ok(Some(match (file, line) {
        (Some(f), Some(n)) => format!("{msg} ({f}, line {n})"),
        (Some(f), None) => format!("{msg} ({f})"),
        (None, Some(n)) => format!("{msg} (line {n})"),
        (None, None) => msg,
    }))
}
