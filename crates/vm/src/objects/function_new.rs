//! `types.FunctionType(code, globals, name=None, argdefs=None, closure=None,
//! kwdefaults=None)`: a function made from a code object by hand (CPython's
//! `func_new_impl`), as `annotationlib.call_annotate_function` and `copy`-style code
//! do.

use crate::error::PyResult;
use crate::object::{ObjRef, Payload};
use crate::objects::dict;
use crate::objects::function::Args;
use crate::objects::str_stand_in::unexpected_keyword;
use crate::protocol::attr::name_str;
use crate::value::Value;
use crate::vm::Vm;

const PARAMS: [&str; 6] = [
    "code",
    "globals",
    "name",
    "argdefs",
    "closure",
    "kwdefaults",
];

/// The arguments bound to `PARAMS` (Argument Clinic's messages).
fn bind(vm: &Vm, args: &Args) -> PyResult<[Option<Value>; 6]> {
    let pos = args.pos();
    if pos.len() + args.kwnames.len() > PARAMS.len() {
        return Err(vm.type_error(format!(
            "function() takes at most 6 arguments ({} given)",
            pos.len() + args.kwnames.len()
        )));
    }
    let mut slots: [Option<Value>; 6] = Default::default();
    for (slot, v) in slots.iter_mut().zip(pos) {
        *slot = Some(v.clone());
    }
    for (key_obj, value) in args.kwargs() {
        let key = name_str(key_obj);
        let Some(i) = PARAMS.iter().position(|p| *p == key) else {
            return Err(unexpected_keyword(vm, "function", key_obj));
        };
        if slots[i].is_some() {
            return Err(vm.type_error(format!(
                "argument for function() given by name ('{key}') and position ({})",
                i + 1
            )));
        }
        slots[i] = Some(value.clone());
    }
    for (i, name) in PARAMS.iter().enumerate().take(2) {
        if slots[i].is_none() {
            return Err(vm.type_error(format!(
                "function() missing required argument '{name}' (pos {})",
                i + 1
            )));
        }
    }
    Ok(slots)
}

/// `value` when it is `None`/absent or passes `check`, else "arg N (what) must be...".
fn optional(
    vm: &Vm,
    value: Option<Value>,
    check: fn(&Value) -> bool,
    message: &str,
) -> PyResult<Option<Value>> {
    match value {
        None | Some(Value::None) => Ok(None),
        Some(v) if check(&v) => Ok(Some(v)),
        Some(_) => Err(vm.type_error(message)),
    }
}

fn is_tuple(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Tuple(_)))
}

fn is_dict(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Dict(_)))
}

/// The builtins a function with `globals` runs with: `globals['__builtins__']` (a
/// dict, or a module's namespace), else the interpreter's.
fn builtins_of(vm: &Vm, globals: &ObjRef) -> ObjRef {
    match dict::get_str(globals, "__builtins__") {
        Some(Value::Obj(o)) if o.as_dict().is_some() => o,
        Some(Value::Obj(o)) if matches!(o.payload, Payload::Module) => {
            o.dict_obj().unwrap_or_else(|| vm.interp.builtins.clone())
        }
        _ => vm.interp.builtins.clone(),
    }
}

pub fn construct(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [code, globals, name, argdefs, closure, kwdefaults] = bind(vm, &args)?;
    let (Some(code), Some(globals)) = (code, globals) else {
        return Err(vm.system_error("function() arguments not bound"));
    };
    let code = match &code {
        Value::Obj(o) if matches!(o.payload, Payload::Code(_)) => o.clone(),
        other => {
            return Err(vm.type_error(format!(
                "function() argument 'code' must be code, not {}",
                vm.type_name(other)
            )))
        }
    };
    let globals = match &globals {
        Value::Obj(o) if o.as_dict().is_some() => o.clone(),
        other => {
            return Err(vm.type_error(format!(
                "function() argument 'globals' must be dict, not {}",
                vm.type_name(other)
            )))
        }
    };
    let name = optional(
        vm,
        name,
        |v| matches!(v.payload(), Some(Payload::Str(_))),
        "arg 3 (name) must be None or string",
    )?;
    let argdefs = optional(
        vm,
        argdefs,
        is_tuple,
        "arg 4 (defaults) must be None or tuple",
    )?;
    let closure = optional(
        vm,
        closure,
        is_tuple,
        "arg 5 (closure) must be None or tuple",
    )?;
    let kwdefaults = optional(
        vm,
        kwdefaults,
        is_dict,
        "arg 6 (kwdefaults) must be None or dict",
    )?;
    let code_info = &crate::frame::code_data(&code).code;
    let nfree = code_info.freevars().len();
    let cells: &[Value] = closure
        .as_ref()
        .and_then(|c| c.as_obj())
        .and_then(|c| c.as_tuple())
        .unwrap_or(&[]);
    if nfree > 0 && closure.is_none() {
        return Err(vm.type_error("arg 5 (closure) must be tuple"));
    }
    if cells.len() != nfree {
        return Err(vm.value_error(format!(
            "{} requires closure of length {nfree}, not {}",
            code_info.name,
            cells.len()
        )));
    }
    if let Some(bad) = cells
        .iter()
        .find(|c| !matches!(c.payload(), Some(Payload::Cell(_))))
    {
        return Err(vm.type_error(format!(
            "arg 5 (closure) expected cell, found {}",
            vm.type_name(bad)
        )));
    }
    let name = name.unwrap_or_else(|| vm.new_str(&code_info.name));
    let qualname = vm.new_str(&code_info.qualname);
    let module = dict::get_str(&globals, "__name__").unwrap_or(Value::None);
    let builtins = builtins_of(vm, &globals);
    let data = crate::frame::code_data(&code);
    let doc = if data.code.flags & adder_bytecode::CodeFlags::HAS_DOCSTRING != 0 {
        data.consts.first().cloned().unwrap_or(Value::None)
    } else {
        Value::None
    };
    let func = crate::objects::function::new_function(
        vm, code, globals, builtins, name, qualname, module, doc,
    );
    if let Some(Payload::Function(f)) = func.payload() {
        *f.defaults.borrow_mut() = argdefs.unwrap_or(Value::None);
        *f.kwdefaults.borrow_mut() = kwdefaults.unwrap_or(Value::None);
        *f.closure.borrow_mut() = closure.unwrap_or(Value::None);
    }
    Ok(func)
}
