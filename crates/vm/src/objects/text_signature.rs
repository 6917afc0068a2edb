//! `__text_signature__` of built-in functions, methods and types, which
//! `inspect.signature` parses: looked up in the table generated from the reference
//! ([`crate::objects::builtin_signatures`]).

use crate::object::ObjRef;
use crate::objects::builtin_signatures::SIGNATURES;
use crate::objects::dict;
use crate::objects::function::BuiltinFunction;
use crate::value::Value;
use crate::vm::Vm;

/// The text signature of `func`, or None when CPython has none for it.
///
/// The built-in module's functions have no `__self__` here (CPython's is the
/// `builtins` module), so their `$module` parameter is dropped: `inspect` would
/// otherwise show it as an ordinary first parameter.
pub fn text_signature(vm: &Vm, func: &BuiltinFunction) -> Value {
    let owner = match (&func.owner, &func.module) {
        (Some(ty), _) => ty.as_type().map(|t| t.name().to_string()),
        (None, Some(Value::Obj(module))) => module
            .dict_obj()
            .and_then(|d| dict::get_str(&d, "__name__"))
            .and_then(|n| {
                n.as_obj()
                    .and_then(|o| o.as_str().map(|s| s.as_str().to_string()))
            }),
        (None, _) => Some("builtins".to_string()),
    };
    let Some(owner) = owner else {
        return Value::None;
    };
    let Some(signature) = lookup(&format!("{owner}.{}", func.name)) else {
        return Value::None;
    };
    if func.owner.is_none() && func.module.is_none() {
        if let Some(rest) = signature.strip_prefix("($module") {
            // `$module, /` makes only the module positional-only.
            let rest = rest.strip_prefix(", /").unwrap_or(rest);
            let rest = rest.strip_prefix(", ").unwrap_or(rest);
            return vm.new_str(&format!("({rest}"));
        }
    }
    vm.new_str(signature)
}

/// The text signature of a built-in type's constructor (`zip`: `(*iterables,
/// strict=False)`), or None; classes defined in Python have none.
pub fn type_text_signature(vm: &Vm, ty: &ObjRef) -> Value {
    match ty.as_type() {
        Some(t) if !vm.type_is_heap(ty) => lookup(&t.name()).map_or(Value::None, |s| vm.new_str(s)),
        _ => Value::None,
    }
}

/// The table entry for `key`: `module.function`, `type.method` or `type`.
fn lookup(key: &str) -> Option<&'static str> {
    SIGNATURES
        .binary_search_by(|(k, _)| (*k).cmp(key))
        .ok()
        .map(|i| SIGNATURES[i].1)
}
