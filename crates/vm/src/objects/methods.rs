//! Installs the methods of the built-in types (each type's own file has them), and
//! the core methods of `str`.

use crate::builtins::add_methods;
use crate::error::PyResult;
use crate::object::Payload;
use crate::objects::dict;
use crate::objects::function::Args;
use crate::protocol::attr::name_str;
use crate::protocol::compare::CmpOp;
use crate::value::Value;
use crate::vm::Vm;

pub fn install(vm: &Vm) {
    let t = vm.types();
    crate::objects::list::install(vm);
    crate::objects::tuple::install(vm);
    crate::objects::dict_methods::install(vm);
    crate::objects::set_methods::install(vm);
    crate::objects::range_methods::install(vm);
    add_methods(
        vm,
        &t.str_,
        &[
            ("join", str_join),
            ("split", str_split),
            ("strip", str_strip),
            ("upper", str_upper),
            ("lower", str_lower),
            ("replace", str_replace),
            ("startswith", str_startswith),
            ("endswith", str_endswith),
            ("find", str_find),
        ],
    );
}

/// The receiver and positional arguments of a method call, checking the count.
fn method_args<'a>(
    vm: &Vm,
    args: &Args<'a>,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<(&'a Value, &'a [Value])> {
    let pos = args.pos();
    let Some((recv, rest)) = pos.split_first() else {
        return Err(vm.type_error(format!("descriptor '{name}' needs an argument")));
    };
    if !args.kwnames.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    if rest.len() < min || rest.len() > max {
        let msg = match (min, max) {
            (0, 0) => format!("{name}() takes no arguments ({} given)", rest.len()),
            (1, 1) => format!("{name}() takes exactly one argument ({} given)", rest.len()),
            _ if rest.len() < min => format!(
                "{name} expected at least {min} argument{}, got {}",
                if min == 1 { "" } else { "s" },
                rest.len()
            ),
            _ => format!(
                "{name} expected at most {max} argument{}, got {}",
                if max == 1 { "" } else { "s" },
                rest.len()
            ),
        };
        return Err(vm.type_error(msg));
    }
    Ok((recv, rest))
}

fn str_of<'a>(vm: &Vm, v: &'a Value, name: &str) -> PyResult<&'a str> {
    match v.payload() {
        Some(Payload::Str(s)) => Ok(s.as_str()),
        _ => Err(vm.type_error(format!(
            "descriptor '{name}' for 'str' objects doesn't apply to a '{}' object",
            vm.type_name(v)
        ))),
    }
}

fn str_arg<'a>(vm: &Vm, v: &'a Value, what: &str) -> PyResult<&'a str> {
    match v.payload() {
        Some(Payload::Str(s)) => Ok(s.as_str()),
        _ => Err(vm.type_error(format!("{what} must be str, not {}", vm.type_name(v)))),
    }
}

fn str_join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, rest) = method_args(vm, &args, "join", 1, 1)?;
    let sep = str_of(vm, recv, "join")?.to_string();
    let items = vm.collect_iterable(&rest[0])?;
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match it.payload() {
            Some(Payload::Str(s)) => out.push_str(s.as_str()),
            _ => {
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    vm.type_name(it)
                )))
            }
        }
    }
    Ok(vm.new_str(&out))
}

fn str_split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, rest) = method_args(vm, &args, "split", 0, 2)?;
    let s = str_of(vm, recv, "split")?;
    let maxsplit = match rest.get(1) {
        Some(v) => vm.index_value(v)?,
        None => -1,
    };
    let limit = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let parts: Vec<String> = match rest.first() {
        None | Some(Value::None) => {
            let mut out = Vec::new();
            let mut rem = s.trim_start();
            while !rem.is_empty() {
                if out.len() == limit {
                    out.push(rem.to_string());
                    break;
                }
                let end = rem.find(char::is_whitespace).unwrap_or(rem.len());
                out.push(rem[..end].to_string());
                rem = rem[end..].trim_start();
            }
            out
        }
        Some(sep) => {
            let sep = str_arg(vm, sep, "must be str or None, not")?;
            if sep.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            s.splitn(limit.saturating_add(1), sep)
                .map(str::to_string)
                .collect()
        }
    };
    let items = parts.iter().map(|p| vm.new_str(p)).collect();
    Ok(vm.new_list(items))
}

fn str_strip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, rest) = method_args(vm, &args, "strip", 0, 1)?;
    let s = str_of(vm, recv, "strip")?;
    let r = match rest.first() {
        None | Some(Value::None) => s.trim(),
        Some(chars) => {
            let chars = str_arg(vm, chars, "strip arg")?;
            s.trim_matches(|c| chars.contains(c))
        }
    };
    Ok(vm.new_str(r))
}

fn str_upper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, _) = method_args(vm, &args, "upper", 0, 0)?;
    let s = str_of(vm, recv, "upper")?.to_uppercase();
    Ok(vm.new_str(&s))
}

fn str_lower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, _) = method_args(vm, &args, "lower", 0, 0)?;
    let s = str_of(vm, recv, "lower")?.to_lowercase();
    Ok(vm.new_str(&s))
}

fn str_replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, rest) = method_args(vm, &args, "replace", 2, 3)?;
    let s = str_of(vm, recv, "replace")?;
    let old = str_arg(vm, &rest[0], "replace() argument 1")?;
    let new = str_arg(vm, &rest[1], "replace() argument 2")?;
    let count = match rest.get(2) {
        Some(v) => vm.index_value(v)?,
        None => -1,
    };
    let r = if count < 0 {
        s.replace(old, new)
    } else {
        s.replacen(old, new, count as usize)
    };
    Ok(vm.new_str(&r))
}

fn str_startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, rest) = method_args(vm, &args, "startswith", 1, 1)?;
    let s = str_of(vm, recv, "startswith")?;
    affix_match(vm, &rest[0], "startswith", |p| s.starts_with(p))
}

fn str_endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, rest) = method_args(vm, &args, "endswith", 1, 1)?;
    let s = str_of(vm, recv, "endswith")?;
    affix_match(vm, &rest[0], "endswith", |p| s.ends_with(p))
}

fn affix_match(vm: &Vm, arg: &Value, name: &str, test: impl Fn(&str) -> bool) -> PyResult<Value> {
    match arg.payload() {
        Some(Payload::Str(p)) => Ok(Value::Bool(test(p.as_str()))),
        Some(Payload::Tuple(items)) => {
            for it in items.iter() {
                if test(str_arg(vm, it, "tuple for startswith")?) {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }
        _ => Err(vm.type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            vm.type_name(arg)
        ))),
    }
}

fn str_find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, rest) = method_args(vm, &args, "find", 1, 1)?;
    let s = str_of(vm, recv, "find")?;
    let sub = str_arg(vm, &rest[0], "must be str, not")?;
    Ok(Value::Int(match s.find(sub) {
        Some(b) => s[..b].chars().count() as i64,
        None => -1,
    }))
}
