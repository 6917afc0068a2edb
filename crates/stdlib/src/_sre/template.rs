//! Replacement templates (`\1`, `\g<name>` in `sub` and `Match.expand`): the
//! `_sre.template` object that `re._compile_template` builds from the parsed
//! template (literal, group, literal, ...), and its expansion for one match.

use std::rc::Rc;

use adder_vm::native_module::NativeObject;
use adder_vm::object::Payload;
use adder_vm::objects::buffer::is_bytes_like;
use adder_vm::objects::bytes::new_bytes;
use adder_vm::objects::function::Args;
use adder_vm::objects::str::PyStr;
use adder_vm::{PyResult, Value, Vm};

use super::match_obj::Match;
use crate::arity;
use crate::number_args::to_ssize;

/// A compiled template: `literal`, then for each group reference its number and the
/// literal after it (`None` when empty).
pub struct Template {
    pub literal: Value,
    pub items: Vec<(usize, Option<Value>)>,
}

impl NativeObject for Template {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.literal);
        for (_, lit) in &self.items {
            if let Some(v) = lit {
                visit(v);
            }
        }
    }
}

/// `_sre.template(pattern, template)`: `template` is `[literal, group, literal, ...]`.
pub fn template(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = arity::positional(vm, &args, "template", "template", 2, 2)?;
    let list = pos.get(1).cloned().unwrap_or(Value::None);
    if !vm.is_instance(&list, &vm.types().list) {
        return Err(vm.type_error(format!(
            "template() argument 2 must be list, not {}",
            vm.type_name(&list)
        )));
    }
    let parts = vm.collect_iterable(&list)?;
    if parts.len() % 2 == 0 {
        return Err(invalid(vm));
    }
    let mut items = Vec::with_capacity(parts.len() / 2);
    for pair in parts.get(1..).unwrap_or(&[]).chunks(2) {
        let [index, literal] = pair else {
            return Err(invalid(vm));
        };
        let index = to_ssize(vm, index)?;
        let Ok(index) = usize::try_from(index) else {
            return Err(invalid(vm));
        };
        let empty = match literal.payload() {
            Some(Payload::Str(s)) => s.char_len() == 0,
            Some(Payload::Bytes(b)) => b.is_empty(),
            _ => false,
        };
        items.push((index, (!empty).then(|| literal.clone())));
    }
    let data = Template {
        literal: parts.first().cloned().unwrap_or(Value::None),
        items,
    };
    let ty = super::types(vm)?.template.clone();
    Ok(vm.new_native_instance(&ty, data))
}

fn invalid(vm: &Vm) -> adder_vm::PyErr {
    vm.type_error("invalid template")
}

/// Compile the replacement `repl` for `pattern` with `re._compile_template` (a
/// cached Python function), retrying with a plain str or bytes copy when `repl`
/// is unhashable (a bytearray, say).
pub fn compile_template(vm: &mut Vm, pattern: &Value, repl: &Value) -> PyResult<Value> {
    let re = vm.import_module("re")?;
    let func = vm.get_attr_str(&re, "_compile_template")?;
    let result = match vm.call(&func, &[pattern.clone(), repl.clone()]) {
        Ok(r) => r,
        Err(e) if vm.is_instance(&Value::Obj(e.0.clone()), &vm.types().exc.type_error) => {
            let plain = if let Some(Payload::Str(s)) = repl.payload() {
                if Rc::ptr_eq(&vm.type_of(repl), &vm.types().str_) {
                    return Err(e);
                }
                vm.new_str(s.as_str())
            } else if is_bytes_like(repl) && !Rc::ptr_eq(&vm.type_of(repl), &vm.types().bytes) {
                let bytes = adder_vm::objects::buffer::require_bytes_like(vm, repl)?.into_owned();
                new_bytes(vm, bytes)
            } else {
                return Err(e);
            };
            vm.call(&func, &[pattern.clone(), plain])?
        }
        Err(e) => return Err(e),
    };
    if result.native::<Template>().is_none() {
        return Err(vm.runtime_error(format!(
            "the result of compiling a replacement string is {}",
            vm.type_name(&result)
        )));
    }
    Ok(result)
}

/// The template's text for match `m`: literals and group texts joined (an unmatched
/// group counts as empty).
pub fn expand(vm: &mut Vm, template: &Value, m: &Match) -> PyResult<Value> {
    let Some(t) = template.native::<Template>() else {
        return Err(vm.type_error("invalid template"));
    };
    if t.items.is_empty() {
        return Ok(t.literal.clone());
    }
    let mut parts = vec![t.literal.clone()];
    for (index, literal) in &t.items {
        if *index >= m.spans.len() {
            return Err(vm.index_error("no such group"));
        }
        let item = m.group_value(vm, *index, &Value::None)?;
        if !item.is_none() {
            parts.push(item);
        }
        if let Some(lit) = literal {
            parts.push(lit.clone());
        }
    }
    join(vm, &t.literal, parts)
}

/// `''.join(parts)` or `b''.join(parts)`, the kind given by `like` (with the join
/// methods' errors for items of the wrong kind).
pub fn join(vm: &mut Vm, like: &Value, parts: Vec<Value>) -> PyResult<Value> {
    if let Some(Payload::Str(_)) = like.payload() {
        let mut text = String::new();
        let mut all_str = true;
        for p in &parts {
            match p.payload() {
                Some(Payload::Str(s)) if s.has_surrogates() => {
                    if let Some(joined) = join_exact(vm, &parts) {
                        return Ok(joined);
                    }
                    all_str = false;
                    break;
                }
                Some(Payload::Str(s)) => text.push_str(s.as_str()),
                _ => {
                    all_str = false;
                    break;
                }
            }
        }
        if all_str {
            return Ok(vm.new_str(&text));
        }
    }
    let empty = if matches!(like.payload(), Some(Payload::Str(_))) {
        vm.new_str("")
    } else {
        new_bytes(vm, Vec::new())
    };
    let list = vm.new_list(parts);
    let join = vm.get_attr_str(&empty, "join")?;
    vm.call(&join, &[list])
}

/// `''.join(parts)` of strs some of which hold lone surrogates (`None` if a part is
/// not a str: the generic join gives the error).
fn join_exact(vm: &Vm, parts: &[Value]) -> Option<Value> {
    let mut out = PyStr::new(String::new());
    for p in parts {
        match p.payload() {
            Some(Payload::Str(s)) => out.push_str(s),
            _ => return None,
        }
    }
    Some(vm.new_str_obj(out))
}
