//! Argument binding for module-level functions written in Rust, with the messages of
//! CPython's Argument Clinic (`stat() missing required argument 'path' (pos 1)`).

use adder_vm::objects::function::Args;
use adder_vm::objects::str_stand_in::unexpected_keyword;
use adder_vm::protocol::attr::name_str;
use adder_vm::{PyResult, Value, Vm};

/// A function's parameters: `names` in order, the first `required` of them required,
/// the first `positional` of them accepted by position (the rest are keyword-only).
pub struct Params {
    pub func: &'static str,
    pub names: &'static [&'static str],
    pub required: usize,
    pub positional: usize,
}

/// One slot per parameter name, `None` when not given.
pub fn bind(vm: &Vm, args: &Args, params: &Params) -> PyResult<Vec<Option<Value>>> {
    let Params {
        func,
        names,
        required,
        positional,
    } = *params;
    let pos = args.pos();
    if pos.len() > positional {
        let s = if positional == 1 { "" } else { "s" };
        return Err(vm.type_error(if positional == names.len() {
            format!(
                "{func}() takes at most {positional} argument{s} ({} given)",
                pos.len()
            )
        } else {
            // Argument Clinic says "exactly" when every positional is required.
            let how = if required == positional {
                "exactly"
            } else {
                "at most"
            };
            format!(
                "{func}() takes {how} {positional} positional argument{s} ({} given)",
                pos.len()
            )
        }));
    }
    let mut slots: Vec<Option<Value>> = vec![None; names.len()];
    for (slot, v) in slots.iter_mut().zip(pos) {
        *slot = Some(v.clone());
    }
    for (k, v) in args.kwargs() {
        let key = name_str(k);
        let Some(i) = names.iter().position(|n| *n == key) else {
            return Err(unexpected_keyword(vm, func, k));
        };
        if slots[i].is_some() {
            return Err(vm.type_error(format!(
                "argument for {func}() given by name ('{key}') and position ({})",
                i + 1
            )));
        }
        slots[i] = Some(v.clone());
    }
    for (i, name) in names.iter().enumerate().take(required) {
        if slots[i].is_none() {
            return Err(vm.type_error(format!(
                "{func}() missing required argument '{name}' (pos {})",
                i + 1
            )));
        }
    }
    Ok(slots)
}

/// Positional-only arguments, between `min` and `max` of them (`METH_VARARGS`).
pub fn positional<'a>(
    vm: &Vm,
    args: &Args<'a>,
    func: &str,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    if !args.kwnames.is_empty() {
        return Err(vm.type_error(format!("{func}() takes no keyword arguments")));
    }
    let pos = args.pos();
    let n = pos.len();
    if n < min || n > max {
        let s = |k: usize| if k == 1 { "" } else { "s" };
        return Err(vm.type_error(if min == max {
            format!(
                "{func}() takes exactly {min} argument{} ({n} given)",
                s(min)
            )
        } else if n < min {
            format!("{func} expected at least {min} argument{}, got {n}", s(min))
        } else {
            format!("{func} expected at most {max} argument{}, got {n}", s(max))
        }));
    }
    Ok(pos)
}

/// An int argument that must fit an `i64` (`__index__` honoured).
///
/// Too large an int is CPython's `PyNumber_AsSsize_t(v, PyExc_OverflowError)`:
/// an OverflowError (the sequence-index helper this uses raises IndexError).
pub fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Float(_) => Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        ))),
        _ => match adder_vm::protocol::number::as_int(v) {
            Some(adder_vm::protocol::number::IntRef::Small(i)) => Ok(i),
            // An int subclass instance holds a big int even when its value is small.
            Some(adder_vm::protocol::number::IntRef::Big(b)) => i64::try_from(b).map_err(|_| {
                vm.overflow_error(format!(
                    "cannot fit '{}' into an index-sized integer",
                    vm.type_name(v)
                ))
            }),
            None => Ok(vm.index_value(v)? as i64),
        },
    }
}

/// A C `int` argument (Argument Clinic's `int`, `PyLong_AsInt`): anything outside
/// the C int range is an OverflowError rather than silently truncated (a
/// truncated pid could signal another process).
pub fn c_int_arg(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let too_large = |vm: &Vm| vm.overflow_error("Python int too large to convert to C int");
    if let Some(adder_vm::protocol::number::IntRef::Big(b)) = adder_vm::protocol::number::as_int(v)
    {
        return i32::try_from(b).map_err(|_| too_large(vm));
    }
    let n = int_arg(vm, v)?;
    i32::try_from(n).map_err(|_| too_large(vm))
}

/// An optional C `int` argument, `default` when absent or None.
pub fn opt_c_int(vm: &mut Vm, v: Option<&Value>, default: i32) -> PyResult<i32> {
    match v {
        None | Some(Value::None) => Ok(default),
        Some(v) => c_int_arg(vm, v),
    }
}

/// An optional int argument, `default` when absent or None.
pub fn opt_int(vm: &mut Vm, v: Option<&Value>, default: i64) -> PyResult<i64> {
    match v {
        None | Some(Value::None) => Ok(default),
        Some(v) => int_arg(vm, v),
    }
}

/// A truth-value argument (`follow_symlinks=...`), `default` when absent.
pub fn bool_arg(vm: &mut Vm, v: Option<&Value>, default: bool) -> PyResult<bool> {
    match v {
        None => Ok(default),
        Some(v) => vm.is_true(v),
    }
}

/// `obj.name(*args)`.
pub fn call_method(vm: &mut Vm, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
    let method = vm.get_attr_str(obj, name)?;
    vm.call(&method, args)
}

/// The bytes of a bytes-like argument, or "a bytes-like object is required, not 'T'".
pub fn bytes_arg<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a [u8]> {
    match v.payload() {
        Some(adder_vm::object::Payload::Bytes(b)) => Ok(b),
        _ => Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))),
    }
}
