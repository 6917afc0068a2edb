//! Argument checking for methods of built-in types written in Rust, with the error
//! messages of CPython's calling conventions (`METH_NOARGS`, `METH_O`, positional-only
//! Argument Clinic signatures, and clinic signatures that accept keywords).

use crate::error::PyResult;
use crate::objects::function::Args;
use crate::objects::str_stand_in::unexpected_keyword;
use crate::protocol::attr::name_str;
use crate::protocol::number::{as_int, IntRef};
use crate::value::Value;
use crate::vm::Vm;

/// How a method takes its arguments (after the receiver).
pub enum Shape {
    /// `METH_NOARGS`: `str.upper()`.
    NoArgs,
    /// `METH_O`: exactly one positional argument, `str.join(iterable)`.
    One,
    /// Positional-only, between `min` and `max`: `str.find(sub[, start[, end]])`.
    Positional { min: usize, max: usize },
    /// Named parameters, the first `min` of them required and positional-only:
    /// `str.split(sep=None, maxsplit=-1)`, `str.replace(old, new, /, count=-1)`.
    Keywords {
        names: &'static [&'static str],
        min: usize,
    },
}

/// A method's identity for messages: `str` and `split`.
#[derive(Clone, Copy)]
pub struct MethodName {
    pub owner: &'static str,
    pub name: &'static str,
}

/// The receiver and the arguments bound to `shape`: for `Keywords`, one slot per
/// name (`None` when not given); otherwise the positional arguments as given.
pub fn bind<'a>(
    vm: &Vm,
    args: &Args<'a>,
    method: MethodName,
    shape: &Shape,
) -> PyResult<(&'a Value, Vec<Option<&'a Value>>)> {
    let MethodName { owner, name } = method;
    let Some((recv, rest)) = args.pos().split_first() else {
        return Err(vm.type_error(format!("unbound method {owner}.{name}() needs an argument")));
    };
    let n = rest.len();
    let no_keywords = || {
        if args.kwnames.is_empty() {
            Ok(())
        } else {
            Err(vm.type_error(format!("{owner}.{name}() takes no keyword arguments")))
        }
    };
    match shape {
        Shape::NoArgs => {
            no_keywords()?;
            if n != 0 {
                return Err(
                    vm.type_error(format!("{owner}.{name}() takes no arguments ({n} given)"))
                );
            }
        }
        Shape::One => {
            no_keywords()?;
            if n != 1 {
                return Err(vm.type_error(format!(
                    "{owner}.{name}() takes exactly one argument ({n} given)"
                )));
            }
        }
        Shape::Positional { min, max } => {
            no_keywords()?;
            if n < *min {
                let at_least = if min < max { "at least " } else { "" };
                return Err(vm.type_error(format!(
                    "{name} expected {at_least}{min} argument{}, got {n}",
                    plural(*min)
                )));
            }
            if n > *max {
                let at_most = if min < max { "at most " } else { "" };
                return Err(vm.type_error(format!(
                    "{name} expected {at_most}{max} argument{}, got {n}",
                    plural(*max)
                )));
            }
        }
        Shape::Keywords { names, min } => {
            return bind_keywords(vm, args, recv, rest, name, names, *min)
        }
    }
    Ok((recv, rest.iter().map(Some).collect()))
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// CPython's `_PyArg_UnpackKeywords` checks, in its order.
fn bind_keywords<'a>(
    vm: &Vm,
    args: &Args<'a>,
    recv: &'a Value,
    rest: &'a [Value],
    name: &str,
    names: &[&str],
    min: usize,
) -> PyResult<(&'a Value, Vec<Option<&'a Value>>)> {
    let n = rest.len();
    let nkw = args.kwnames.len();
    let max = names.len();
    if n + nkw > max {
        let kw = if n == 0 { "keyword " } else { "" };
        return Err(vm.type_error(format!(
            "{name}() takes at most {max} {kw}argument{} ({} given)",
            plural(max),
            n + nkw
        )));
    }
    if n < min {
        let how = if min < max { "at least" } else { "exactly" };
        return Err(vm.type_error(format!(
            "{name}() takes {how} {min} positional argument{} ({n} given)",
            plural(min)
        )));
    }
    let mut slots: Vec<Option<&'a Value>> = rest.iter().map(Some).collect();
    slots.resize(max, None);
    for (key_obj, value) in args.kwargs() {
        let key = name_str(key_obj);
        match names.iter().position(|p| *p == key) {
            Some(i) if i < min => {
                return Err(vm.type_error(format!("{name}() got some positional-only arguments passed as keyword arguments: '{key}'")));
            }
            Some(i) if slots[i].is_some() => {
                return Err(vm.type_error(format!(
                    "argument for {name}() given by name ('{key}') and position ({})",
                    i + 1
                )));
            }
            Some(i) => slots[i] = Some(value),
            None => return Err(unexpected_keyword(vm, name, key_obj)),
        }
    }
    Ok((recv, slots))
}

/// An integer argument such as a width or a count (`None`/absent gives `default`):
/// through `__index__`, too large is CPython's ssize_t OverflowError.
pub fn opt_size(vm: &mut Vm, v: Option<&Value>, default: isize) -> PyResult<isize> {
    match v.map(|v| (v, as_int(v))) {
        None => Ok(default),
        Some((_, Some(IntRef::Small(i)))) => isize::try_from(i).map_err(|_| ssize_overflow(vm)),
        Some((_, Some(IntRef::Big(_)))) => Err(ssize_overflow(vm)),
        Some((v, None)) => vm.index_value(v),
    }
}

fn ssize_overflow(vm: &Vm) -> crate::error::PyErr {
    vm.overflow_error("Python int too large to convert to C ssize_t")
}

/// A `start`/`end` argument of `find`, `count`...: None or an index; out-of-range
/// big ints clamp, as CPython's `_PyEval_SliceIndex`.
pub fn slice_bound(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<isize>> {
    match v.map(|v| (v, as_int(v))) {
        None | Some((Value::None, _)) => Ok(None),
        Some((_, Some(IntRef::Small(i)))) => {
            Ok(Some(i.clamp(isize::MIN as i64, isize::MAX as i64) as isize))
        }
        Some((_, Some(IntRef::Big(b)))) => Ok(Some(if b.sign() == dashu_base::Sign::Negative {
            isize::MIN
        } else {
            isize::MAX
        })),
        Some((v, None)) => {
            if vm.lookup_special_heap(v, "__index__").is_none() {
                return Err(vm.type_error(
                    "slice indices must be integers or None or have an __index__ method",
                ));
            }
            vm.index_value(v).map(Some)
        }
    }
}

/// Normalise `start`/`end` for a sequence of `len` items as CPython's `ADJUST_INDICES`:
/// negative values count from the end; `end` is clamped to `len`. `start` may exceed
/// `end` (the caller decides what an empty or inverted range means).
pub fn adjust_indices(start: Option<isize>, end: Option<isize>, len: usize) -> (usize, usize) {
    let len = len as isize;
    let clamp = |i: isize| {
        if i < 0 {
            i.saturating_add(len).max(0)
        } else {
            i
        }
    };
    let start = clamp(start.unwrap_or(0));
    let end = clamp(end.unwrap_or(len)).min(len);
    (start as usize, end as usize)
}
