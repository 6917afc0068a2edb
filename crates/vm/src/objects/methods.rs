//! The core methods of `list`, `dict` and `str`.

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
    add_methods(
        vm,
        &t.list,
        &[
            ("append", list_append),
            ("pop", list_pop),
            ("extend", list_extend),
            ("insert", list_insert),
            ("index", list_index),
            ("count", list_count),
            ("remove", list_remove),
            ("reverse", list_reverse),
            ("sort", list_sort),
            ("copy", list_copy),
            ("clear", list_clear),
        ],
    );
    add_methods(
        vm,
        &t.dict,
        &[
            ("get", dict_get),
            ("pop", dict_pop),
            ("setdefault", dict_setdefault),
            ("update", dict_update),
            ("copy", dict_copy),
            ("clear", dict_clear),
        ],
    );
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

fn list_of<'a>(vm: &Vm, v: &'a Value, name: &str) -> PyResult<&'a std::cell::RefCell<Vec<Value>>> {
    match v.payload() {
        Some(Payload::List(l)) => Ok(l),
        _ => Err(vm.type_error(format!(
            "descriptor '{name}' for 'list' objects doesn't apply to a '{}' object",
            vm.type_name(v)
        ))),
    }
}

fn list_append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, rest) = method_args(vm, &args, "append", 1, 1)?;
    list_of(vm, recv, "append")?
        .borrow_mut()
        .push(rest[0].clone());
    Ok(Value::None)
}

fn list_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, rest) = method_args(vm, &args, "pop", 0, 1)?;
    let l = list_of(vm, recv, "pop")?;
    let len = l.borrow().len();
    if len == 0 {
        return Err(vm.index_error("pop from empty list"));
    }
    let i = match rest.first() {
        Some(v) => vm.index_value(v)?,
        None => -1,
    };
    let j = if i < 0 { i + len as isize } else { i };
    if j < 0 || j as usize >= len {
        return Err(vm.index_error("pop index out of range"));
    }
    Ok(l.borrow_mut().remove(j as usize))
}

fn list_extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, rest) = method_args(vm, &args, "extend", 1, 1)?;
    let items = vm.collect_iterable(&rest[0])?;
    list_of(vm, recv, "extend")?.borrow_mut().extend(items);
    Ok(Value::None)
}

fn list_insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, rest) = method_args(vm, &args, "insert", 2, 2)?;
    let i = vm.index_value(&rest[0])?;
    let l = list_of(vm, recv, "insert")?;
    let len = l.borrow().len() as isize;
    let at = if i < 0 { (i + len).max(0) } else { i.min(len) };
    l.borrow_mut().insert(at as usize, rest[1].clone());
    Ok(Value::None)
}

/// Position of the first item equal to `x`, re-reading the list as `__eq__` may change it.
fn list_find(vm: &mut Vm, recv: &Value, x: &Value, name: &str) -> PyResult<Option<usize>> {
    let l = list_of(vm, recv, name)?;
    let mut i = 0;
    loop {
        let item = match l.borrow().get(i) {
            Some(v) => v.clone(),
            None => return Ok(None),
        };
        if vm.eq(&item, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
}

fn list_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, rest) = method_args(vm, &args, "index", 1, 1)?;
    match list_find(vm, recv, &rest[0], "index")? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => {
            let r = vm.repr(&rest[0])?;
            Err(vm.value_error(format!("{r} is not in list")))
        }
    }
}

fn list_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, rest) = method_args(vm, &args, "count", 1, 1)?;
    let items = list_of(vm, recv, "count")?.borrow().clone();
    let mut n = 0;
    for it in &items {
        if vm.eq(it, &rest[0])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn list_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, rest) = method_args(vm, &args, "remove", 1, 1)?;
    match list_find(vm, recv, &rest[0], "remove")? {
        Some(i) => {
            list_of(vm, recv, "remove")?.borrow_mut().remove(i);
            Ok(Value::None)
        }
        None => {
            let r = vm.repr(&rest[0])?;
            Err(vm.value_error(format!("list.remove(x): x not in list (got {r})")))
        }
    }
}

fn list_reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, _) = method_args(vm, &args, "reverse", 0, 0)?;
    list_of(vm, recv, "reverse")?.borrow_mut().reverse();
    Ok(Value::None)
}

fn list_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, _) = method_args(vm, &args, "copy", 0, 0)?;
    let items = list_of(vm, recv, "copy")?.borrow().clone();
    Ok(vm.new_list(items))
}

fn list_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, _) = method_args(vm, &args, "clear", 0, 0)?;
    list_of(vm, recv, "clear")?.borrow_mut().clear();
    Ok(Value::None)
}

/// `list.sort(*, key=None, reverse=False)`: stable, using only `<` as CPython. While
/// sorting, the list appears empty; changes made by comparisons raise ValueError.
pub fn list_sort(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    let Some(recv) = pos.first() else {
        return Err(vm.type_error("descriptor 'sort' needs an argument"));
    };
    if pos.len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let mut key = Value::None;
    let mut reverse = false;
    for (k, v) in args.kwargs() {
        match name_str(k) {
            "key" => key = v.clone(),
            "reverse" => reverse = vm.is_true(v)?,
            other => {
                return Err(vm.type_error(format!(
                    "sort() got an unexpected keyword argument '{other}'"
                )))
            }
        }
    }
    let l = list_of(vm, recv, "sort")?;
    let items = std::mem::take(&mut *l.borrow_mut());
    let result = sort_values(vm, items.clone(), &key, reverse);
    let l = list_of(vm, recv, "sort")?;
    let mutated = !l.borrow().is_empty();
    match result {
        Ok(sorted) => {
            *l.borrow_mut() = sorted;
            if mutated {
                return Err(vm.value_error("list modified during sort"));
            }
            Ok(Value::None)
        }
        Err(e) => {
            *l.borrow_mut() = items;
            Err(e)
        }
    }
}

fn sort_values(vm: &mut Vm, items: Vec<Value>, key: &Value, reverse: bool) -> PyResult<Vec<Value>> {
    let mut keyed = Vec::with_capacity(items.len());
    for it in items {
        let k = if key.is_none() {
            it.clone()
        } else {
            vm.call(key, std::slice::from_ref(&it))?
        };
        keyed.push((k, it));
    }
    // Reversing before and after a stable sort keeps equal items in original order.
    if reverse {
        keyed.reverse();
    }
    let mut lt = |a: &Value, b: &Value| -> PyResult<bool> {
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            return Ok(x < y);
        }
        let r = vm.rich_compare(a, b, CmpOp::Lt)?;
        vm.is_true(&r)
    };
    let sorted = merge_sort(keyed, &mut lt)?;
    let mut out: Vec<Value> = sorted.into_iter().map(|(_, v)| v).collect();
    if reverse {
        out.reverse();
    }
    Ok(out)
}

type Lt<'a> = dyn FnMut(&Value, &Value) -> PyResult<bool> + 'a;

/// Stable merge sort that tolerates inconsistent comparisons and stops at the first error.
fn merge_sort(mut v: Vec<(Value, Value)>, lt: &mut Lt) -> PyResult<Vec<(Value, Value)>> {
    if v.len() <= 1 {
        return Ok(v);
    }
    if v.len() <= 16 {
        for i in 1..v.len() {
            let mut j = i;
            while j > 0 && lt(&v[j].0, &v[j - 1].0)? {
                v.swap(j, j - 1);
                j -= 1;
            }
        }
        return Ok(v);
    }
    let right = v.split_off(v.len() / 2);
    let left = merge_sort(v, lt)?;
    let right = merge_sort(right, lt)?;
    let mut out = Vec::with_capacity(left.len() + right.len());
    let mut li = left.into_iter().peekable();
    let mut ri = right.into_iter().peekable();
    while let (Some(a), Some(b)) = (li.peek(), ri.peek()) {
        if lt(&b.0, &a.0)? {
            out.extend(ri.next());
        } else {
            out.extend(li.next());
        }
    }
    out.extend(li);
    out.extend(ri);
    Ok(out)
}

fn dict_obj(vm: &Vm, v: &Value, name: &str) -> PyResult<crate::object::ObjRef> {
    match v.as_obj() {
        Some(o) if o.as_dict().is_some() => Ok(o.clone()),
        _ => Err(vm.type_error(format!(
            "descriptor '{name}' for 'dict' objects doesn't apply to a '{}' object",
            vm.type_name(v)
        ))),
    }
}

fn dict_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, rest) = method_args(vm, &args, "get", 1, 2)?;
    let d = dict_obj(vm, recv, "get")?;
    Ok(dict::get_item(vm, &d, &rest[0])?
        .unwrap_or_else(|| rest.get(1).cloned().unwrap_or(Value::None)))
}

fn dict_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, rest) = method_args(vm, &args, "pop", 1, 2)?;
    let d = dict_obj(vm, recv, "pop")?;
    match dict::del_item(vm, &d, &rest[0])? {
        Some(v) => Ok(v),
        None => match rest.get(1) {
            Some(default) => Ok(default.clone()),
            None => Err(vm.key_error(rest[0].clone())),
        },
    }
}

fn dict_setdefault(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, rest) = method_args(vm, &args, "setdefault", 1, 2)?;
    let d = dict_obj(vm, recv, "setdefault")?;
    if let Some(v) = dict::get_item(vm, &d, &rest[0])? {
        return Ok(v);
    }
    let default = rest.get(1).cloned().unwrap_or(Value::None);
    dict::set_item(vm, &d, rest[0].clone(), default.clone())?;
    Ok(default)
}

fn dict_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    let Some(recv) = pos.first() else {
        return Err(vm.type_error("descriptor 'update' needs an argument"));
    };
    let d = dict_obj(vm, recv, "update")?;
    if let Some(other) = pos.get(1) {
        vm.dict_update_from(&d, other)?;
    }
    for (k, v) in args.kwargs() {
        dict::set_item(vm, &d, k.clone(), v.clone())?;
    }
    Ok(Value::None)
}

fn dict_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, _) = method_args(vm, &args, "copy", 0, 0)?;
    let d = dict_obj(vm, recv, "copy")?;
    let data = d.as_dict().map(|x| x.borrow().clone()).unwrap_or_default();
    Ok(Value::Obj(vm.new_dict_with(data)))
}

fn dict_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, _) = method_args(vm, &args, "clear", 0, 0)?;
    let d = dict_obj(vm, recv, "clear")?;
    if let Some(x) = d.as_dict() {
        x.borrow_mut().clear();
    }
    Ok(Value::None)
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
