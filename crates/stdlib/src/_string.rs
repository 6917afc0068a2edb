//! The `_string` module (CPython's `Objects/stringlib/unicode_format.h` iterators):
//! `formatter_parser` and `formatter_field_name_split`, which `string.Formatter` uses
//! to take a format string apart the same way `str.format` does.
//!
//! Both return lazy iterators, so that a malformed string raises `ValueError` at the
//! item where CPython raises it, after the earlier items were produced.

use std::cell::Cell;
use std::rc::Rc;

use adder_vm::native_module::{add_functions, new_native_type, NativeObject, NativeTypeSpec};
use adder_vm::object::ObjRef;
use adder_vm::objects::function::{Args, NativeFn};
use adder_vm::{PyResult, Value, Vm};

use crate::arity;
use crate::native_util::stop_iteration;

/// The iterator types, created at init (CPython does not export them).
struct StringTypes {
    formatter_iter: ObjRef,
    field_name_iter: ObjRef,
}

/// `formatteriterator`: the rest of a format string, parsed on each `__next__`.
struct FormatterIter {
    text: Vec<char>,
    pos: Cell<usize>,
}

impl NativeObject for FormatterIter {}

/// `fieldnameiterator`: the `.attr` / `[key]` parts after a field's first name.
struct FieldNameIter {
    text: Vec<char>,
    pos: Cell<usize>,
}

impl NativeObject for FieldNameIter {}

fn types(vm: &Vm) -> PyResult<Rc<StringTypes>> {
    vm.native_state::<StringTypes>()
        .ok_or_else(|| vm.system_error("_string is not initialised"))
}

/// The characters of a `str` argument, or CPython's "expected str, got int".
fn str_chars(vm: &Vm, v: &Value) -> PyResult<Vec<char>> {
    match v.as_obj().and_then(|o| o.as_str()) {
        Some(s) => Ok(s.as_str().chars().collect()),
        None => Err(vm.type_error(format!("expected str, got {}", vm.type_name(v)))),
    }
}

fn text(vm: &Vm, chars: &[char]) -> Value {
    vm.new_str(&chars.iter().collect::<String>())
}

/// A decimal index (`{0}`, `[12]`), `None` when `chars` is empty or not all digits.
fn decimal_index(vm: &Vm, chars: &[char]) -> PyResult<Option<i64>> {
    if chars.is_empty() {
        return Ok(None);
    }
    let mut n: i64 = 0;
    for c in chars {
        let Some(d) = c.to_digit(10) else {
            return Ok(None);
        };
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(i64::from(d)))
            .ok_or_else(|| vm.value_error("Too many decimal digits in format string"))?;
    }
    Ok(Some(n))
}

/// One parsed replacement field: `(field_name, format_spec, conversion)`.
type Field = (Vec<char>, Vec<char>, Option<char>);

/// CPython's `parse_field`: the field after a `{`, scanning from `*pos` in `s`.
fn parse_field(vm: &Vm, s: &[char], pos: &mut usize) -> PyResult<Field> {
    let start = *pos;
    let mut last = None;
    while let Some(&c) = s.get(*pos) {
        *pos += 1;
        match c {
            '{' => return Err(vm.value_error("unexpected '{' in field name")),
            '[' => {
                while s.get(*pos).is_some_and(|&c| c != ']') {
                    *pos += 1;
                }
            }
            '}' | ':' | '!' => {
                last = Some(c);
                break;
            }
            _ => {}
        }
    }
    let name = s[start..pos.saturating_sub(1).max(start)].to_vec();
    match last {
        Some('}') => Ok((name, Vec::new(), None)),
        Some(c) => {
            let mut conversion = None;
            if c == '!' {
                let Some(&conv) = s.get(*pos) else {
                    return Err(
                        vm.value_error("end of string while looking for conversion specifier")
                    );
                };
                *pos += 1;
                conversion = Some(conv);
                if let Some(&next) = s.get(*pos) {
                    *pos += 1;
                    if next == '}' {
                        return Ok((name, Vec::new(), conversion));
                    }
                    if next != ':' {
                        return Err(vm.value_error("expected ':' after conversion specifier"));
                    }
                }
            }
            let spec_start = *pos;
            let mut depth = 1;
            while let Some(&c) = s.get(*pos) {
                *pos += 1;
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            return Ok((name, s[spec_start..*pos - 1].to_vec(), conversion));
                        }
                    }
                    _ => {}
                }
            }
            Err(vm.value_error("unmatched '{' in format spec"))
        }
        None => Err(vm.value_error("expected '}' before end of string")),
    }
}

/// CPython's `MarkupIterator_next`: the literal text up to the next field (or escaped
/// brace), then that field if there is one.
fn next_markup(vm: &Vm, s: &[char], pos: &mut usize) -> PyResult<(Vec<char>, Option<Field>)> {
    let start = *pos;
    let mut brace = None;
    while let Some(&c) = s.get(*pos) {
        *pos += 1;
        if c == '{' || c == '}' {
            brace = Some(c);
            break;
        }
    }
    let Some(brace) = brace else {
        return Ok((s[start..*pos].to_vec(), None));
    };
    let doubled = s.get(*pos) == Some(&brace);
    if brace == '}' && !doubled {
        return Err(vm.value_error("Single '}' encountered in format string"));
    }
    if *pos >= s.len() {
        return Err(vm.value_error("Single '{' encountered in format string"));
    }
    if doubled {
        *pos += 1;
        return Ok((s[start..*pos - 1].to_vec(), None));
    }
    let literal = s[start..*pos - 1].to_vec();
    let field = parse_field(vm, s, pos)?;
    Ok((literal, Some(field)))
}

/// `formatter_parser(str)`: an iterator of `(literal, field_name, format_spec,
/// conversion)`, the last three `None` when no field follows the literal.
fn formatter_parser(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let arg = arity::one(vm, &args, "formatter_parser")?;
    let text = str_chars(vm, arg)?;
    let cls = types(vm)?.formatter_iter.clone();
    Ok(vm.new_native_instance(
        &cls,
        FormatterIter {
            text,
            pos: Cell::new(0),
        },
    ))
}

fn formatter_iter_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let it = vm.native_self::<FormatterIter>(&args, "__next__", "formatteriterator")?;
    let mut pos = it.pos.get();
    if pos >= it.text.len() {
        return Err(stop_iteration(vm));
    }
    let parsed = next_markup(vm, &it.text, &mut pos);
    it.pos.set(if parsed.is_ok() { pos } else { it.text.len() });
    let (literal, field) = parsed?;
    let mut item = vec![text(vm, &literal)];
    match field {
        Some((name, spec, conversion)) => {
            item.push(text(vm, &name));
            item.push(text(vm, &spec));
            item.push(conversion.map_or(Value::None, |c| vm.new_str(&c.to_string())));
        }
        None => item.extend([Value::None, Value::None, Value::None]),
    }
    Ok(vm.new_tuple(item))
}

/// A field-name part as Python sees it: an int when it is all digits, else a str.
fn index_or_text(vm: &Vm, chars: &[char]) -> PyResult<Value> {
    Ok(match decimal_index(vm, chars)? {
        Some(n) => Value::Int(n),
        None => text(vm, chars),
    })
}

/// `formatter_field_name_split(str)`: `(first, rest)` where `first` is the name (or
/// index) before the first `.` or `[` and `rest` iterates `(is_attribute, key)`.
fn formatter_field_name_split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let arg = arity::one(vm, &args, "formatter_field_name_split")?;
    let chars = str_chars(vm, arg)?;
    let split = chars
        .iter()
        .position(|&c| c == '.' || c == '[')
        .unwrap_or(chars.len());
    let first = index_or_text(vm, &chars[..split])?;
    let cls = types(vm)?.field_name_iter.clone();
    let rest = vm.new_native_instance(
        &cls,
        FieldNameIter {
            text: chars,
            pos: Cell::new(split),
        },
    );
    Ok(vm.new_tuple(vec![first, rest]))
}

/// CPython's `FieldNameIterator_next`: one `.name` or `[key]` part.
fn next_field_part(vm: &Vm, s: &[char], pos: &mut usize) -> PyResult<(bool, Vec<char>)> {
    let opener = s.get(*pos).copied();
    *pos += 1;
    let start = *pos;
    let (is_attribute, name) = match opener {
        Some('.') => {
            while s.get(*pos).is_some_and(|&c| c != '.' && c != '[') {
                *pos += 1;
            }
            (true, s[start..*pos].to_vec())
        }
        Some('[') => {
            while s.get(*pos).is_some_and(|&c| c != ']') {
                *pos += 1;
            }
            if *pos >= s.len() {
                return Err(vm.value_error("Missing ']' in format string"));
            }
            *pos += 1;
            (false, s[start..*pos - 1].to_vec())
        }
        _ => return Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier")),
    };
    if name.is_empty() {
        return Err(vm.value_error("Empty attribute in format string"));
    }
    Ok((is_attribute, name))
}

fn field_name_iter_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let it = vm.native_self::<FieldNameIter>(&args, "__next__", "fieldnameiterator")?;
    let mut pos = it.pos.get();
    if pos >= it.text.len() {
        return Err(stop_iteration(vm));
    }
    let parsed = next_field_part(vm, &it.text, &mut pos);
    it.pos.set(pos.min(it.text.len()));
    let (is_attribute, name) = parsed?;
    let key = if is_attribute {
        text(vm, &name)
    } else {
        index_or_text(vm, &name)?
    };
    Ok(vm.new_tuple(vec![Value::Bool(is_attribute), key]))
}

fn iter_self(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.pos()
        .first()
        .cloned()
        .ok_or_else(|| vm.type_error("descriptor '__iter__' needs an argument"))
}

fn iterator_type(vm: &Vm, name: &'static str, next: NativeFn) -> ObjRef {
    new_native_type(
        vm,
        NativeTypeSpec {
            name,
            module: "builtins",
            base: None,
            new: None,
            init: None,
            methods: &[("__iter__", iter_self), ("__next__", next)],
            subclassable: false,
        },
    )
}

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    let formatter_iter = iterator_type(vm, "formatteriterator", formatter_iter_next);
    let field_name_iter = iterator_type(vm, "fieldnameiterator", field_name_iter_next);
    vm.set_native_state(StringTypes {
        formatter_iter,
        field_name_iter,
    });
    add_functions(
        vm,
        module,
        &[
            ("formatter_parser", formatter_parser),
            ("formatter_field_name_split", formatter_field_name_split),
        ],
    );
    Ok(())
}
