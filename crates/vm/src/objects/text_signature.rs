//! `__text_signature__` of built-in functions and methods, which `inspect.signature`
//! parses: looked up in the table generated from the reference
//! ([`crate::objects::builtin_signatures`]).

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
    let key = format!("{owner}.{}", func.name);
    let Ok(i) = SIGNATURES.binary_search_by(|(k, _)| (*k).cmp(key.as_str())) else {
        return Value::None;
    };
    let signature = SIGNATURES[i].1;
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
