//! Argument-count checks with the messages of CPython's calling conventions for
//! module functions: `METH_O` ("math.sqrt() takes exactly one argument (0 given)"),
//! `_PyArg_CheckPositional` ("atan2 expected 2 arguments, got 1"), and "takes no
//! keyword arguments".

use adder_vm::objects::function::Args;
use adder_vm::objects::str_stand_in::unexpected_keyword;
use adder_vm::{PyResult, Value, Vm};

/// `METH_O`: exactly one positional argument; `qualname` is e.g. `math.sqrt`.
pub fn one<'a>(vm: &Vm, args: &Args<'a>, qualname: &str) -> PyResult<&'a Value> {
    no_keywords(vm, args, qualname)?;
    match args.pos() {
        [v] => Ok(v),
        pos => Err(vm.type_error(format!(
            "{qualname}() takes exactly one argument ({} given)",
            pos.len()
        ))),
    }
}

/// `METH_NOARGS`: no arguments; `qualname` is e.g. `_thread.get_ident`.
pub fn none(vm: &Vm, args: &Args, qualname: &str) -> PyResult<()> {
    no_keywords(vm, args, qualname)?;
    match args.pos().len() {
        0 => Ok(()),
        n => Err(vm.type_error(format!("{qualname}() takes no arguments ({n} given)"))),
    }
}

/// Positional-only arguments between `min` and `max` (`_PyArg_CheckPositional`);
/// keywords are refused with `qualname` in the message.
pub fn positional<'a>(
    vm: &Vm,
    args: &Args<'a>,
    qualname: &str,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    no_keywords(vm, args, qualname)?;
    check_count(vm, args.pos(), name, min, max)
}

/// `_PyArg_CheckPositional`'s count check alone.
pub fn check_count<'a>(
    vm: &Vm,
    pos: &'a [Value],
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    let n = pos.len();
    let s = |k: usize| if k == 1 { "" } else { "s" };
    if n < min {
        let how = if min == max { "" } else { "at least " };
        return Err(vm.type_error(format!(
            "{name} expected {how}{min} argument{}, got {n}",
            s(min)
        )));
    }
    if n > max {
        let how = if min == max { "" } else { "at most " };
        return Err(vm.type_error(format!(
            "{name} expected {how}{max} argument{}, got {n}",
            s(max)
        )));
    }
    Ok(pos)
}

/// "X() takes no keyword arguments".
pub fn no_keywords(vm: &Vm, args: &Args, qualname: &str) -> PyResult<()> {
    if args.kwnames.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("{qualname}() takes no keyword arguments")))
    }
}

/// An Argument Clinic signature: `names` in order; the first `posonly` are
/// positional-only, the first `required` are required, and at most `max_positional`
/// may be given by position (the rest are keyword-only).
pub struct Signature {
    pub name: &'static str,
    pub names: &'static [&'static str],
    pub posonly: usize,
    pub required: usize,
    pub max_positional: usize,
}

/// Bind `args` to `sig` with the messages of CPython's `_PyArg_UnpackKeywords`: one
/// slot per name, `None` when not given.
pub fn bind(vm: &Vm, args: &Args, sig: &Signature) -> PyResult<Vec<Option<Value>>> {
    let name = sig.name;
    let pos = args.pos();
    let (nargs, nkw) = (pos.len(), args.kwnames.len());
    let maxargs = sig.names.len();
    let s = |k: usize| if k == 1 { "" } else { "s" };
    if nargs + nkw > maxargs {
        let kw = if nargs == 0 { "keyword " } else { "" };
        return Err(vm.type_error(format!(
            "{name}() takes at most {maxargs} {kw}argument{} ({} given)",
            s(maxargs),
            nargs + nkw
        )));
    }
    let minpos = sig.required.min(sig.max_positional);
    if nargs > sig.max_positional {
        if sig.max_positional == 0 {
            return Err(vm.type_error(format!("{name}() takes no positional arguments")));
        }
        let how = if minpos < sig.max_positional {
            "at most"
        } else {
            "exactly"
        };
        return Err(vm.type_error(format!(
            "{name}() takes {how} {} positional argument{} ({nargs} given)",
            sig.max_positional,
            s(sig.max_positional)
        )));
    }
    let min_posonly = sig.required.min(sig.posonly);
    if nargs < min_posonly {
        let how = if min_posonly < sig.max_positional {
            "at least"
        } else {
            "exactly"
        };
        return Err(vm.type_error(format!(
            "{name}() takes {how} {min_posonly} positional argument{} ({nargs} given)",
            s(min_posonly)
        )));
    }
    let mut slots: Vec<Option<Value>> = pos.iter().cloned().map(Some).collect();
    slots.resize(maxargs, None);
    for (key_obj, value) in args.kwargs() {
        let key = adder_vm::protocol::attr::name_str(key_obj);
        match sig.names.iter().position(|p| *p == key) {
            Some(i) if i < sig.posonly => {
                return Err(vm.type_error(format!(
                    "{name}() got some positional-only arguments passed as keyword arguments: '{key}'"
                )));
            }
            Some(i) if slots[i].is_some() => {
                return Err(vm.type_error(format!(
                    "argument for {name}() given by name ('{key}') and position ({})",
                    i + 1
                )));
            }
            Some(i) => slots[i] = Some(value.clone()),
            None => return Err(unexpected_keyword(vm, name, key_obj)),
        }
    }
    for (i, param) in sig.names.iter().enumerate().take(sig.required) {
        if slots[i].is_none() {
            return Err(vm.type_error(format!(
                "{name}() missing required argument '{param}' (pos {})",
                i + 1
            )));
        }
    }
    Ok(slots)
}
