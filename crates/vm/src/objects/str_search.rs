//! The `str` methods that search, split, join and strip: `find`/`index`/`count`,
//! `startswith`, `replace`, `split`/`rsplit`/`splitlines`/`partition`, `strip`,
//! `join`, `expandtabs`, `translate`/`maketrans`. Positions are in code points; the
//! text is UTF-8, so substring search works on bytes and only results are converted.

use crate::error::PyResult;
use crate::object::Payload;
use crate::objects::dict;
use crate::objects::function::Args;
use crate::objects::native_args::{adjust_indices, opt_size, slice_bound, Shape};
use crate::objects::str::PyStr;
use crate::objects::str_exact;
use crate::objects::str_find;
use crate::objects::str_methods::str_args;
use crate::objects::unicode;
use crate::value::Value;
use crate::vm::Vm;

/// The text of a str argument, or TypeError `"{what} must be str, not T"` (`what`
/// names the argument, or is empty).
fn str_arg<'a>(vm: &Vm, v: &'a Value, what: &str) -> PyResult<&'a PyStr> {
    if what.is_empty() {
        return expect_str(vm, v, "must be str, not");
    }
    match v.payload() {
        Some(Payload::Str(s)) => Ok(s),
        _ => Err(vm.type_error(format!("{what} must be str, not {}", arg_type_name(vm, v)))),
    }
}

/// How Argument Clinic names an argument's type in errors: `None` for None.
pub fn arg_type_name(vm: &Vm, v: &Value) -> std::rc::Rc<str> {
    if v.is_none() {
        "None".into()
    } else {
        vm.type_name(v)
    }
}

/// The text of a str argument, or TypeError `"{message} T"`.
fn expect_str<'a>(vm: &Vm, v: &'a Value, message: &str) -> PyResult<&'a PyStr> {
    match v.payload() {
        Some(Payload::Str(s)) => Ok(s),
        _ => Err(vm.type_error(format!("{message} {}", vm.type_name(v)))),
    }
}

/// A slice `[start, end)` of a str in code points, as CPython's `ADJUST_INDICES`.
struct Window<'a> {
    text: &'a str,
    /// Code point index where `text` starts in the whole string.
    first: usize,
    /// Length of `text` in code points.
    len: usize,
}

impl Window<'_> {
    /// Code point index (in the whole string) of byte offset `at` of the window.
    fn char_index(&self, at: usize) -> usize {
        self.first
            + if self.len == self.text.len() {
                at
            } else {
                self.text[..at].chars().count()
            }
    }
}

/// The window, or `None` when `start > end` (nothing can match there).
fn window(s: &PyStr, start: Option<isize>, end: Option<isize>) -> Option<Window<'_>> {
    let (start, end) = adjust_indices(start, end, s.char_len());
    if start > end {
        return None;
    }
    let (lo, hi) = (s.byte_offset(start), s.byte_offset(end));
    Some(Window {
        text: &s.as_str()[lo..hi],
        first: start,
        len: end - start,
    })
}

/// `(receiver, sub, window)` for `find`/`index`/`count` and friends; the window is
/// `None` when `start > end`.
fn search_args<'a>(
    vm: &mut Vm,
    args: &Args<'a>,
    name: &'static str,
) -> PyResult<(&'a PyStr, Option<Window<'a>>)> {
    let (s, rest) = str_args(vm, args, name, &Shape::Positional { min: 1, max: 3 })?;
    // The argument's name is only spelled out for the error.
    let sub = match rest[0].and_then(Value::as_obj).and_then(|o| o.as_str()) {
        Some(sub) => sub,
        None => str_arg(
            vm,
            rest[0].unwrap_or(&Value::None),
            &format!("{name}() argument 1"),
        )?,
    };
    let start = slice_bound(vm, rest.get(1).copied().flatten())?;
    let end = slice_bound(vm, rest.get(2).copied().flatten())?;
    Ok((sub, window(s, start, end)))
}

/// Position of `sub` in the window, searching from the left or the right.
fn find_in(sub: &PyStr, w: Option<Window>, from_right: bool) -> Option<usize> {
    let w = w?;
    if sub.char_len() > w.len {
        return None;
    }
    let at = if from_right {
        w.text.rfind(sub.as_str())
    } else {
        str_find::find(w.text, sub.as_str())
    };
    at.map(|b| w.char_index(b))
}

fn find_result(found: Option<usize>) -> Value {
    Value::Int(found.map_or(-1, |i| i as i64))
}

pub fn find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (sub, w) = search_args(vm, &args, "find")?;
    Ok(find_result(find_in(sub, w, false)))
}

pub fn rfind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (sub, w) = search_args(vm, &args, "rfind")?;
    Ok(find_result(find_in(sub, w, true)))
}

pub fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (sub, w) = search_args(vm, &args, "index")?;
    find_in(sub, w, false)
        .map(|i| Value::Int(i as i64))
        .ok_or_else(|| vm.value_error("substring not found"))
}

pub fn rindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (sub, w) = search_args(vm, &args, "rindex")?;
    find_in(sub, w, true)
        .map(|i| Value::Int(i as i64))
        .ok_or_else(|| vm.value_error("substring not found"))
}

pub fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (sub, w) = search_args(vm, &args, "count")?;
    let n = match w {
        None => 0,
        Some(w) if sub.as_str().is_empty() => w.len + 1,
        Some(w) => str_find::count(w.text, sub.as_str()),
    };
    Ok(Value::Int(n as i64))
}

/// `startswith`/`endswith`: a str or a tuple of str, within `[start, end)`.
fn affix(vm: &mut Vm, args: Args, name: &'static str, at_end: bool) -> PyResult<Value> {
    let (s, rest) = str_args(vm, &args, name, &Shape::Positional { min: 1, max: 3 })?;
    let start = slice_bound(vm, rest.get(1).copied().flatten())?;
    let end = slice_bound(vm, rest.get(2).copied().flatten())?;
    let w = window(s, start, end);
    let matches = |p: &PyStr| {
        w.as_ref().is_some_and(|w| {
            if at_end {
                w.text.ends_with(p.as_str())
            } else {
                w.text.starts_with(p.as_str())
            }
        })
    };
    let arg = rest[0].unwrap_or(&Value::None);
    match arg.payload() {
        Some(Payload::Str(p)) => Ok(Value::Bool(matches(p))),
        Some(Payload::Tuple(items)) => {
            for it in items.iter() {
                if matches(expect_str(
                    vm,
                    it,
                    &format!("tuple for {name} must only contain str, not"),
                )?) {
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

pub fn startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, args, "startswith", false)
}

pub fn endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, args, "endswith", true)
}

pub fn replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let shape = Shape::Keywords {
        names: &["old", "new", "count"],
        min: 2,
    };
    let (s, rest) = str_args(vm, &args, "replace", &shape)?;
    let old = str_arg(vm, rest[0].unwrap_or(&Value::None), "replace() argument 1")?;
    let new = str_arg(vm, rest[1].unwrap_or(&Value::None), "replace() argument 2")?;
    let count = opt_size(vm, rest[2], -1)?;
    let limit = usize::try_from(count).unwrap_or(usize::MAX);
    let (text, old, new) = (s.as_str(), old.as_str(), new.as_str());
    let out = if old.is_empty() {
        // New text before each code point (and at the end), up to `limit` times.
        let mut out = String::new();
        let mut inserted = 0;
        for c in text.chars() {
            if inserted < limit {
                out.push_str(new);
                inserted += 1;
            }
            out.push(c);
        }
        if inserted < limit {
            out.push_str(new);
        }
        out
    } else {
        str_find::replace(text, old, new, limit)
    };
    let ascii = s.is_ascii() && new.is_ascii();
    Ok(vm.new_str_obj(if ascii {
        PyStr::ascii(out)
    } else {
        PyStr::new(out)
    }))
}

/// `removeprefix`/`removesuffix`.
fn remove_affix(vm: &mut Vm, args: Args, name: &'static str, suffix: bool) -> PyResult<Value> {
    let (s, rest) = str_args(vm, &args, name, &Shape::One)?;
    let affix = str_arg(
        vm,
        rest[0].unwrap_or(&Value::None),
        &format!("{name}() argument"),
    )?
    .as_str();
    let text = s.as_str();
    let stripped = if suffix {
        text.strip_suffix(affix)
    } else {
        text.strip_prefix(affix)
    };
    Ok(vm.new_str(stripped.unwrap_or(text)))
}

pub fn removeprefix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    remove_affix(vm, args, "removeprefix", false)
}

pub fn removesuffix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    remove_affix(vm, args, "removesuffix", true)
}

// ----- strip -----

/// Which ends `strip` works on.
#[derive(Clone, Copy, PartialEq)]
enum Ends {
    Left,
    Right,
    Both,
}

fn strip_impl(vm: &mut Vm, args: Args, name: &'static str, ends: Ends) -> PyResult<Value> {
    let (s, rest) = str_args(vm, &args, name, &Shape::Positional { min: 0, max: 1 })?;
    let chars = match rest.first().copied().flatten() {
        None | Some(Value::None) => None,
        Some(v) => match v.payload() {
            Some(Payload::Str(c)) => Some(c.as_str()),
            _ => return Err(vm.type_error(format!("{name} arg must be None or str"))),
        },
    };
    let strip_this = |c: char| match chars {
        None => unicode::is_space(c),
        Some(set) => set.contains(c),
    };
    let mut text = s.as_str();
    if ends != Ends::Right {
        text = text.trim_start_matches(strip_this);
    }
    if ends != Ends::Left {
        text = text.trim_end_matches(strip_this);
    }
    let recv = args.pos().first().unwrap_or(&Value::None);
    Ok(piece_or_self(vm, recv, s, text))
}

pub fn strip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, "strip", Ends::Both)
}

pub fn lstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, "lstrip", Ends::Left)
}

pub fn rstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, "rstrip", Ends::Right)
}

// ----- split -----

/// `(receiver, separator (None for whitespace), maxsplit as a limit)`.
fn split_args<'a>(
    vm: &mut Vm,
    args: &Args<'a>,
    name: &'static str,
) -> PyResult<(&'a PyStr, Option<&'a str>, usize)> {
    let shape = Shape::Keywords {
        names: &["sep", "maxsplit"],
        min: 0,
    };
    let (s, rest) = str_args(vm, args, name, &shape)?;
    let sep = match rest[0] {
        None | Some(Value::None) => None,
        Some(v) => {
            let sep = expect_str(vm, v, "must be str or None, not")?.as_str();
            if sep.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(sep)
        }
    };
    let maxsplit = opt_size(vm, rest[1], -1)?;
    Ok((s, sep, usize::try_from(maxsplit).unwrap_or(usize::MAX)))
}

/// A list of strs made from pieces of `whole`.
fn str_list<'t>(vm: &Vm, whole: &PyStr, parts: impl Iterator<Item = &'t str>) -> Value {
    let items = parts.map(|p| piece(vm, whole, p)).collect();
    vm.new_list(items)
}

/// A new str holding `part`, a piece of `whole`: a piece of ASCII text is ASCII, so its
/// length needs no count.
#[inline]
pub fn piece(vm: &Vm, whole: &PyStr, part: &str) -> Value {
    if whole.is_ascii() {
        vm.new_str_obj(PyStr::ascii(part.to_owned()))
    } else {
        vm.new_str(part)
    }
}

/// `piece`, or the receiver itself when the piece is all of it and it is an exact str
/// (CPython returns such a str unchanged from `strip`, `replace`...).
fn piece_or_self(vm: &Vm, recv: &Value, whole: &PyStr, part: &str) -> Value {
    let exact = recv
        .as_obj()
        .is_some_and(|o| std::rc::Rc::ptr_eq(&vm.class_of(o), &vm.types().str_));
    if exact && part.len() == whole.as_str().len() {
        recv.clone()
    } else {
        piece(vm, whole, part)
    }
}

pub fn split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, sep, limit) = split_args(vm, &args, "split")?;
    Ok(match sep {
        Some(sep) => str_list(vm, s, str_find::split(s.as_str(), sep, limit).into_iter()),
        None => str_list(vm, s, split_whitespace(s.as_str(), limit).into_iter()),
    })
}

pub fn rsplit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, sep, limit) = split_args(vm, &args, "rsplit")?;
    let mut parts: Vec<&str> = match sep {
        Some(sep) => s.as_str().rsplitn(limit.saturating_add(1), sep).collect(),
        None => rsplit_whitespace(s.as_str(), limit),
    };
    parts.reverse();
    Ok(str_list(vm, s, parts.into_iter()))
}

/// `split()` without a separator: runs of whitespace separate, ends are ignored; after
/// `limit` splits the rest (with its leading whitespace removed) is one item.
fn split_whitespace(text: &str, limit: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text.trim_start_matches(unicode::is_space);
    while !rest.is_empty() {
        if out.len() == limit {
            out.push(rest);
            break;
        }
        let end = rest.find(unicode::is_space).unwrap_or(rest.len());
        out.push(&rest[..end]);
        rest = rest[end..].trim_start_matches(unicode::is_space);
    }
    out
}

/// `rsplit()` without a separator, items from the right (the caller reverses them).
fn rsplit_whitespace(text: &str, limit: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text.trim_end_matches(unicode::is_space);
    while !rest.is_empty() {
        if out.len() == limit {
            out.push(rest);
            break;
        }
        let start = rest.rfind(unicode::is_space).map_or(0, |i| {
            i + rest[i..].chars().next().map_or(1, char::len_utf8)
        });
        out.push(&rest[start..]);
        rest = rest[..start].trim_end_matches(unicode::is_space);
    }
    out
}

pub fn splitlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = str_args(
        vm,
        &args,
        "splitlines",
        &Shape::Keywords {
            names: &["keepends"],
            min: 0,
        },
    )?;
    let keepends = match rest[0] {
        None => false,
        Some(v) => vm.is_true(v)?,
    };
    let text = s.as_str();
    let mut lines = Vec::new();
    let mut line_start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !unicode::is_linebreak(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' && chars.peek().is_some_and(|&(_, n)| n == '\n') {
            chars.next();
            end += 1;
        }
        lines.push(&text[line_start..if keepends { end } else { i }]);
        line_start = end;
    }
    if line_start < text.len() {
        lines.push(&text[line_start..]);
    }
    Ok(str_list(vm, s, lines.into_iter()))
}

fn partition_impl(
    vm: &mut Vm,
    args: Args,
    name: &'static str,
    from_right: bool,
) -> PyResult<Value> {
    let (s, rest) = str_args(vm, &args, name, &Shape::One)?;
    let sep = str_arg(vm, rest[0].unwrap_or(&Value::None), "")?.as_str();
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let text = s.as_str();
    let found = if from_right {
        text.rfind(sep)
    } else {
        str_find::find(text, sep)
    };
    let parts = match found {
        Some(i) => [&text[..i], sep, &text[i + sep.len()..]],
        None if from_right => ["", "", text],
        None => [text, "", ""],
    };
    let items = parts.iter().map(|p| piece(vm, s, p)).collect();
    Ok(vm.new_tuple(items))
}

pub fn partition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(vm, args, "partition", false)
}

pub fn rpartition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(vm, args, "rpartition", true)
}

pub fn join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (sep, rest) = str_args(vm, &args, "join", &Shape::One)?;
    let iterable = rest[0].unwrap_or(&Value::None);
    // An exact list or tuple is joined in place (CPython's `PySequence_Fast`); joining
    // runs no Python code, so the list cannot change meanwhile.
    let class = iterable.as_obj().map(|o| vm.class_of(o));
    let exact =
        |ty: &crate::object::ObjRef| class.as_ref().is_some_and(|c| std::rc::Rc::ptr_eq(c, ty));
    match iterable.payload() {
        Some(Payload::Tuple(items)) if exact(&vm.types().tuple) => join_items(vm, sep, items),
        Some(Payload::List(items)) if exact(&vm.types().list) => {
            join_items(vm, sep, &items.borrow())
        }
        _ => {
            let items = iterable_items(vm, iterable, "can only join an iterable")?;
            join_items(vm, sep, &items)
        }
    }
}

/// `sep.join(items)`: the size is known before copying, and ASCII parts make an ASCII
/// result; one exact str is its own join (as CPython). Parts holding lone surrogates
/// take the exact (slower) path that carries their surrogate tables along.
fn join_items(vm: &Vm, sep: &PyStr, items: &[Value]) -> PyResult<Value> {
    let mut total = sep.as_str().len() * items.len().saturating_sub(1);
    let mut ascii = sep.is_ascii();
    let mut surrogates = sep.has_surrogates();
    for (i, it) in items.iter().enumerate() {
        match it.payload() {
            Some(Payload::Str(s)) => {
                total += s.as_str().len();
                ascii &= s.is_ascii();
                surrogates |= s.has_surrogates();
            }
            _ => {
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    vm.type_name(it)
                )));
            }
        }
    }
    if let [only] = items {
        let exact = only
            .as_obj()
            .is_some_and(|o| std::rc::Rc::ptr_eq(&vm.class_of(o), &vm.types().str_));
        if exact {
            return Ok(only.clone());
        }
    }
    if surrogates {
        let mut out = PyStr::new(String::with_capacity(total));
        for (i, it) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(sep);
            }
            if let Some(Payload::Str(s)) = it.payload() {
                out.push_str(s);
            }
        }
        return Ok(vm.new_str_obj(out));
    }
    let mut out = String::with_capacity(total);
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep.as_str());
        }
        if let Some(Payload::Str(s)) = it.payload() {
            out.push_str(s.as_str());
        }
    }
    Ok(vm.new_str_obj(if ascii {
        PyStr::ascii(out)
    } else {
        PyStr::new(out)
    }))
}

/// The items of an iterable; a TypeError from `iter()` becomes `message`
/// (CPython's `PySequence_Fast`).
pub fn iterable_items(vm: &mut Vm, v: &Value, message: &str) -> PyResult<Vec<Value>> {
    if let Some(Payload::List(l)) = v.payload() {
        return Ok(l.borrow().clone());
    }
    let it = match vm.get_iter(v) {
        Ok(it) => it,
        Err(e) if vm.is_instance(&Value::Obj(e.0.clone()), &vm.types().exc.type_error.clone()) => {
            return Err(vm.type_error(message));
        }
        Err(e) => return Err(e),
    };
    let mut items = Vec::new();
    while let Some(x) = vm.next(&it)? {
        items.push(x);
    }
    Ok(items)
}

pub fn expandtabs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = str_args(
        vm,
        &args,
        "expandtabs",
        &Shape::Keywords {
            names: &["tabsize"],
            min: 0,
        },
    )?;
    // A C int in CPython, as for bytes.
    let tabsize = crate::objects::byte_methods_text::c_int(vm, rest[0], 8)?;
    // The spaces a tab at `column` expands to (none for a tabsize below 1).
    let spaces_at = |column: i64| {
        if tabsize > 0 {
            tabsize - column % tabsize
        } else {
            0
        }
    };
    // Sized first, as CPython does, so an impossible result is a MemoryError before
    // any of it is written.
    let mut column: i64 = 0;
    let mut bytes = s.as_str().len() as u64;
    for c in s.as_str().chars() {
        match c {
            '\t' => {
                let spaces = spaces_at(column);
                column += spaces;
                bytes = bytes.saturating_add(spaces as u64);
            }
            '\n' | '\r' => column = 0,
            _ => column += 1,
        }
    }
    vm.check_allocation(usize::try_from(bytes).ok())?;
    let mut out = String::with_capacity(bytes as usize);
    column = 0;
    for c in s.as_str().chars() {
        match c {
            '\t' => {
                let spaces = spaces_at(column);
                out.extend(std::iter::repeat_n(' ', spaces as usize));
                column += spaces;
            }
            '\n' | '\r' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    Ok(vm.new_str(&out))
}

// ----- translate -----

pub fn translate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = str_args(vm, &args, "translate", &Shape::One)?;
    let table = rest[0].unwrap_or(&Value::None).clone();
    if s.has_surrogates() {
        return str_exact::translate_from(vm, s, &table, (0, String::new()), None);
    }
    let lookup_error = vm.types().exc.lookup_error.clone();
    let mut out = String::with_capacity(s.as_str().len());
    for (i, c) in s.as_str().chars().enumerate() {
        let mapped = match vm.get_item(&table, &Value::Int(c as i64)) {
            Ok(v) => v,
            Err(e) if vm.is_instance(&Value::Obj(e.0.clone()), &lookup_error) => {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        if str_exact::maps_to_surrogates(&mapped) {
            return str_exact::translate_from(vm, s, &table, (i, out), Some(mapped));
        }
        push_translated(vm, &mut out, &mapped)?;
    }
    Ok(vm.new_str(&out))
}

/// Append what a translation table gave for one character.
pub fn push_translated(vm: &Vm, out: &mut String, mapped: &Value) -> PyResult<()> {
    if mapped.is_none() {
        return Ok(());
    }
    if let Some(Payload::Str(s)) = mapped.payload() {
        out.push_str(s.as_str());
        return Ok(());
    }
    match crate::protocol::number::as_int(mapped) {
        Some(i) => {
            let code = match i {
                crate::protocol::number::IntRef::Small(v) => u32::try_from(v).ok(),
                crate::protocol::number::IntRef::Big(_) => None,
            };
            match code.and_then(char::from_u32) {
                Some(c) => out.push(c),
                None => return Err(vm.value_error("character mapping must be in range(0x110000)")),
            }
            Ok(())
        }
        None => Err(vm.type_error("character mapping must return integer, None or str")),
    }
}

/// `str.maketrans(x[, y[, z]])`, a static method.
pub fn maketrans(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kwnames.is_empty() {
        return Err(vm.type_error("str.maketrans() takes no keyword arguments"));
    }
    let pos = args.pos();
    match pos.len() {
        0 => return Err(vm.type_error("maketrans expected at least 1 argument, got 0")),
        4.. => {
            return Err(vm.type_error(format!(
                "maketrans expected at most 3 arguments, got {}",
                pos.len()
            )));
        }
        _ => {}
    }
    let table = vm.new_dict();
    if pos.len() == 1 {
        let Some(Payload::Dict(d)) = pos[0].payload() else {
            return Err(
                vm.type_error("if you give only one argument to maketrans it must be a dict")
            );
        };
        let entries: Vec<(Value, Value)> = d
            .borrow()
            .iter()
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect();
        for (k, v) in entries {
            let key = match k.payload() {
                Some(Payload::Str(s)) if s.char_len() == 1 => {
                    Value::Int(s.code_point_at(0).map_or(0, i64::from))
                }
                Some(Payload::Str(_)) => {
                    return Err(vm.value_error("string keys in translatetable must be of length 1"));
                }
                _ if crate::protocol::number::as_int(&k).is_some() => k,
                _ => {
                    return Err(vm.type_error("keys in translate table mustbe strings or integers"));
                }
            };
            dict::set_item(vm, &table, key, v)?;
        }
        return Ok(Value::Obj(table));
    }
    let Some(Payload::Str(from)) = pos[0].payload() else {
        return Err(vm.type_error(
            "first maketrans argument must be a string if there is a second argument",
        ));
    };
    let to = str_arg(vm, &pos[1], "maketrans() argument 2")?;
    if from.char_len() != to.char_len() {
        return Err(vm.value_error("the first two maketrans arguments must have equal length"));
    }
    for (a, b) in from.code_points().zip(to.code_points()) {
        dict::set_item(vm, &table, Value::Int(a as i64), Value::Int(b as i64))?;
    }
    if let Some(z) = pos.get(2) {
        for c in str_arg(vm, z, "maketrans() argument 3")?.code_points() {
            dict::set_item(vm, &table, Value::Int(c as i64), Value::None)?;
        }
    }
    Ok(Value::Obj(table))
}
