//! The protocol operations of `str` that must see lone surrogates exactly (indexing,
//! slicing, concatenation, repetition, `in`, `chr`, `repr`, `translate`). Each takes the common
//! path unchanged when no operand holds a surrogate (see `str.rs` for the layout).

use crate::objects::str::PyStr;
use crate::value::Value;
use crate::vm::Vm;

/// The one-character str for code point `cp` (a lone surrogate included).
pub fn code_point_value(vm: &Vm, cp: u32) -> Value {
    match char::from_u32(cp) {
        Some(c) => vm.char_str(c),
        None => vm.new_str_obj(PyStr::from_code_points([cp])),
    }
}

/// `s[index]` for an in-range index.
pub fn item(vm: &Vm, s: &PyStr, index: usize) -> Option<Value> {
    if s.has_surrogates() {
        return s.code_point_at(index).map(|cp| code_point_value(vm, cp));
    }
    s.char_at(index).map(|c| vm.char_str(c))
}

/// The str of the code points of `s` at `positions` (a slice's indices, in range).
pub fn select(vm: &Vm, s: &PyStr, positions: impl Iterator<Item = usize>) -> Value {
    if s.has_surrogates() {
        let points: Vec<u32> = s.code_points().collect();
        let picked = positions.filter_map(|p| points.get(p).copied());
        return vm.new_str_obj(PyStr::from_code_points(picked));
    }
    let text: String = if s.is_ascii() {
        let b = s.as_str().as_bytes();
        positions
            .filter_map(|p| b.get(p).map(|&x| x as char))
            .collect()
    } else {
        let chars: Vec<char> = s.as_str().chars().collect();
        positions.filter_map(|p| chars.get(p).copied()).collect()
    };
    vm.new_str(&text)
}

/// `a + b`.
pub fn concat(a: &PyStr, b: &PyStr) -> PyStr {
    let mut text = String::with_capacity(a.as_str().len() + b.as_str().len());
    text.push_str(a.as_str());
    if !a.has_surrogates() && !b.has_surrogates() {
        text.push_str(b.as_str());
        return PyStr::new(text);
    }
    let mut out = a.clone();
    out.push_str(b);
    out
}

/// `s * n` (the caller has checked the size).
pub fn repeat(s: &PyStr, n: usize) -> PyStr {
    if !s.has_surrogates() {
        return PyStr::new(s.as_str().repeat(n));
    }
    let points: Vec<u32> = s.code_points().collect();
    PyStr::from_code_points((0..n).flat_map(|_| points.iter().copied()))
}

/// `sub in s`.
pub fn contains(s: &PyStr, sub: &PyStr) -> bool {
    if !sub.has_surrogates() && (!s.has_surrogates() || !sub.as_str().contains('\u{fffd}')) {
        // A surrogate's stand-in in `s` cannot match any character of `sub`.
        return s.as_str().contains(sub.as_str());
    }
    let hay: Vec<u32> = s.code_points().collect();
    let needle: Vec<u32> = sub.code_points().collect();
    needle.is_empty() || hay.windows(needle.len()).any(|w| w == needle.as_slice())
}

/// `repr(s)`.
pub fn repr(s: &PyStr) -> String {
    if s.has_surrogates() {
        adder_syntax::repr::str_repr_code_points(s.code_points())
    } else {
        adder_syntax::repr::str_repr(s.as_str())
    }
}

/// The concatenation of `parts` (f-strings' `BUILD_STRING`; non-str parts are skipped).
pub fn build(vm: &Vm, parts: &[Value]) -> Value {
    let strs = parts.iter().filter_map(|p| match p.payload() {
        Some(crate::object::Payload::Str(s)) => Some(s),
        _ => None,
    });
    if strs.clone().any(PyStr::has_surrogates) {
        let mut out = PyStr::new(String::new());
        strs.for_each(|s| out.push_str(s));
        return vm.new_str_obj(out);
    }
    let mut text = String::new();
    strs.for_each(|s| text.push_str(s.as_str()));
    vm.new_str(&text)
}

/// Whether a translation table's value makes a lone surrogate (then `translate`
/// continues in [`translate_from`]).
pub fn maps_to_surrogates(mapped: &Value) -> bool {
    match mapped.payload() {
        Some(crate::object::Payload::Str(s)) => s.has_surrogates(),
        _ => matches!(mapped, Value::Int(0xD800..=0xDFFF)),
    }
}

/// `s.translate(table)` from code point `start` on, after the text `done` of the
/// code points before it; `first` is what the table gave for code point `start`, if
/// it was already looked up.
pub fn translate_from(
    vm: &mut Vm,
    s: &PyStr,
    table: &Value,
    (start, done): (usize, String),
    first: Option<Value>,
) -> crate::error::PyResult<Value> {
    let lookup_error = vm.types().exc.lookup_error.clone();
    let mut out = PyStr::new(done);
    let mut points = s.code_points().skip(start);
    if let Some(mapped) = first {
        points.next();
        push_mapped(vm, &mut out, &mapped)?;
    }
    for cp in points {
        match vm.get_item(table, &Value::Int(cp.into())) {
            Ok(mapped) => push_mapped(vm, &mut out, &mapped)?,
            Err(e) if vm.is_instance(&Value::Obj(e.0.clone()), &lookup_error) => {
                out.push_code_point(cp)
            }
            Err(e) => return Err(e),
        }
    }
    Ok(vm.new_str_obj(out))
}

/// Append a translation table's value (the checks and errors are `translate`'s).
fn push_mapped(vm: &Vm, out: &mut PyStr, mapped: &Value) -> crate::error::PyResult<()> {
    match (mapped, mapped.payload()) {
        (_, Some(crate::object::Payload::Str(s))) => out.push_str(s),
        (Value::Int(cp @ 0xD800..=0xDFFF), _) => out.push_code_point(*cp as u32),
        _ => {
            let mut text = String::new();
            crate::objects::str_search::push_translated(vm, &mut text, mapped)?;
            out.push_text(&text);
        }
    }
    Ok(())
}
