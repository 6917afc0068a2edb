//! `str.format`/`str.format_map` (CPython's `unicode_format.h`: literal text, `{field!conv:spec}`
//! with attribute and index lookups, automatic numbering, nested specs) and `format(v, spec)`
//! for the built-in types (`__format__` of str, int, bool, float and object).

use adder_numeric::format_spec::{parse_format_spec, Align, Sign};
use adder_numeric::{float_format, int_format_spec};

use crate::error::PyResult;
use crate::object::Payload;
use crate::objects::function::Args;
use crate::objects::native_args::{bind, MethodName, Shape};
use crate::objects::str_methods::{pad, receiver};
use crate::objects::str_stand_in as stand_in;
use crate::protocol::number::{as_float, as_int, IntRef};
use crate::value::Value;
use crate::vm::Vm;

/// How deep format specs may nest fields (`{:{}}` is one level), as CPython.
const MAX_RECURSION: usize = 2;

/// Where replacement fields get their values.
struct FieldSource<'a> {
    /// Positional arguments; `None` for `format_map`.
    args: Option<&'a [Value]>,
    /// Keyword arguments (a dict) or `format_map`'s mapping.
    kwargs: Option<Value>,
}

/// Automatic (`{}`) versus manual (`{0}`) field numbering: they cannot be mixed.
#[derive(PartialEq)]
enum Numbering {
    Unset,
    Auto(usize),
    Manual,
}

/// One replacement field: `{name!conversion:spec}`.
struct Field<'a> {
    name: &'a [char],
    conversion: Option<char>,
    spec: &'a [char],
    spec_has_fields: bool,
}

/// `str.format(*args, **kwargs)`.
pub fn str_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some((recv, positional)) = args.pos().split_first() else {
        return Err(vm.type_error("unbound method str.format() needs an argument"));
    };
    let template = receiver(vm, recv, "format")?;
    let kwargs = if args.kwnames.is_empty() {
        None
    } else {
        let d = vm.new_dict();
        for (k, v) in args.kwargs() {
            crate::objects::dict::set_item(vm, &d, k.clone(), v.clone())?;
        }
        Some(Value::Obj(d))
    };
    let source = FieldSource {
        args: Some(positional),
        kwargs,
    };
    stand_in::exact(vm, |vm| {
        render_template(vm, &stand_in::text(template), &source)
    })
}

/// `str.format_map(mapping)`.
pub fn str_format_map(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, rest) = bind(
        vm,
        &args,
        MethodName {
            owner: "str",
            name: "format_map",
        },
        &Shape::One,
    )?;
    let template = receiver(vm, recv, "format_map")?;
    let source = FieldSource {
        args: None,
        kwargs: rest[0].cloned(),
    };
    stand_in::exact(vm, |vm| {
        render_template(vm, &stand_in::text(template), &source)
    })
}

fn render_template(vm: &mut Vm, template: &str, source: &FieldSource) -> PyResult<String> {
    let chars: Vec<char> = template.chars().collect();
    let mut numbering = Numbering::Unset;
    render(vm, &chars, source, &mut numbering, MAX_RECURSION)
}

fn render(
    vm: &mut Vm,
    chars: &[char],
    source: &FieldSource,
    numbering: &mut Numbering,
    depth: usize,
) -> PyResult<String> {
    if depth == 0 {
        return Err(vm.value_error("Max string recursion exceeded"));
    }
    let mut out = String::new();
    let mut pos = 0;
    while pos < chars.len() {
        let c = chars[pos];
        pos += 1;
        if c != '{' && c != '}' {
            out.push(c);
            continue;
        }
        let next = chars.get(pos).copied();
        if next == Some(c) {
            out.push(c);
            pos += 1;
            continue;
        }
        if c == '}' {
            return Err(vm.value_error("Single '}' encountered in format string"));
        }
        if next.is_none() {
            return Err(vm.value_error("Single '{' encountered in format string"));
        }
        let field = parse_field(vm, chars, &mut pos)?;
        let value = field_value(vm, field.name, source, numbering)?;
        let value = match field.conversion {
            None => value,
            Some('r') => vm.repr(&value).map(|s| vm.new_str(&s))?,
            Some('s') => vm.to_str(&value).map(|s| vm.new_str(&s))?,
            Some('a') => vm
                .repr(&value)
                .map(|s| vm.new_str(&crate::objects::repr::ascii_escape(&s)))?,
            Some(other) if (' '..='~').contains(&other) => {
                return Err(vm.value_error(format!("Unknown conversion specifier {other}")));
            }
            Some(other) => {
                return Err(vm.value_error(format!(
                    "Unknown conversion specifier \\x{:x}",
                    other as u32
                )))
            }
        };
        let spec = if field.spec_has_fields {
            render(vm, field.spec, source, numbering, depth - 1)?
        } else {
            field.spec.iter().collect()
        };
        out.push_str(&vm.format_value(&value, &spec)?);
    }
    Ok(out)
}

/// Parse a field after its `{`, leaving `pos` after its closing `}`.
fn parse_field<'a>(vm: &Vm, chars: &'a [char], pos: &mut usize) -> PyResult<Field<'a>> {
    let start = *pos;
    let mut end_char = None;
    while let Some(&c) = chars.get(*pos) {
        *pos += 1;
        match c {
            '{' => return Err(vm.value_error("unexpected '{' in field name")),
            '[' => {
                while chars.get(*pos).is_some_and(|&c| c != ']') {
                    *pos += 1;
                }
            }
            '}' | ':' | '!' => {
                end_char = Some(c);
                break;
            }
            _ => {}
        }
    }
    let name = &chars[start..(*pos - usize::from(end_char.is_some()))];
    let mut field = Field {
        name,
        conversion: None,
        spec: &[],
        spec_has_fields: false,
    };
    match end_char {
        Some('}') => return Ok(field),
        None => return Err(vm.value_error("expected '}' before end of string")),
        _ => {}
    }
    if end_char == Some('!') {
        let Some(&conversion) = chars.get(*pos) else {
            return Err(vm.value_error("end of string while looking for conversion specifier"));
        };
        field.conversion = Some(conversion);
        *pos += 1;
        if let Some(&c) = chars.get(*pos) {
            *pos += 1;
            if c == '}' {
                return Ok(field);
            }
            if c != ':' {
                return Err(vm.value_error("expected ':' after conversion specifier"));
            }
        }
    }
    let spec_start = *pos;
    let mut open = 1;
    while let Some(&c) = chars.get(*pos) {
        *pos += 1;
        match c {
            '{' => {
                field.spec_has_fields = true;
                open += 1;
            }
            '}' => {
                open -= 1;
                if open == 0 {
                    field.spec = &chars[spec_start..*pos - 1];
                    return Ok(field);
                }
            }
            _ => {}
        }
    }
    Err(vm.value_error("unmatched '{' in format spec"))
}

/// A run of decimal digits as a number (`None` if empty or not all digits).
fn parse_index(vm: &Vm, text: &[char]) -> PyResult<Option<usize>> {
    if text.is_empty() {
        return Ok(None);
    }
    let mut n: usize = 0;
    for &c in text {
        let Some(d) = crate::objects::unicode::decimal_value(c) else {
            return Ok(None);
        };
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(d as usize))
            .filter(|&n| n <= isize::MAX as usize)
            .ok_or_else(|| vm.value_error("Too many decimal digits in format string"))?;
    }
    Ok(Some(n))
}

/// The object a field name designates: the first part selects an argument, then
/// `.attr` and `[key]` parts are applied in turn.
fn field_value(
    vm: &mut Vm,
    name: &[char],
    source: &FieldSource,
    numbering: &mut Numbering,
) -> PyResult<Value> {
    let first_len = name
        .iter()
        .position(|&c| c == '.' || c == '[')
        .unwrap_or(name.len());
    let (first, mut rest) = name.split_at(first_len);
    let index = parse_index(vm, first)?;
    let mut value = if first.is_empty() || index.is_some() {
        let index = match (first.is_empty(), &mut *numbering) {
            (true, Numbering::Manual) => {
                return Err(vm.value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            (false, Numbering::Auto(_)) => {
                return Err(vm.value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            (true, Numbering::Auto(next)) => {
                *next += 1;
                *next - 1
            }
            (true, Numbering::Unset) => {
                *numbering = Numbering::Auto(1);
                0
            }
            (false, _) => {
                *numbering = Numbering::Manual;
                index.unwrap_or(0)
            }
        };
        let Some(args) = source.args else {
            return Err(vm.value_error("Format string contains positional fields"));
        };
        match args.get(index) {
            Some(v) => v.clone(),
            None => {
                return Err(vm.index_error(format!(
                    "Replacement index {index} out of range for positional args tuple"
                )))
            }
        }
    } else {
        let key = stand_in::new_str(vm, &first.iter().collect::<String>());
        match &source.kwargs {
            Some(mapping) => vm.get_item(mapping, &key)?,
            None => return Err(vm.key_error(key)),
        }
    };
    while let Some((&kind, after)) = rest.split_first() {
        let (part, remaining) = match kind {
            '.' => {
                let n = after
                    .iter()
                    .position(|&c| c == '.' || c == '[')
                    .unwrap_or(after.len());
                (&after[..n], &after[n..])
            }
            '[' => match after.iter().position(|&c| c == ']') {
                Some(n) => (&after[..n], &after[n + 1..]),
                None => return Err(vm.value_error("Missing ']' in format string")),
            },
            _ => {
                return Err(
                    vm.value_error("Only '.' or '[' may follow ']' in format field specifier")
                )
            }
        };
        if part.is_empty() {
            return Err(vm.value_error("Empty attribute in format string"));
        }
        let text: String = part.iter().collect();
        value = if kind == '.' {
            vm.get_attr_str(&value, &text)?
        } else {
            let key = match parse_index(vm, part)? {
                Some(i) => Value::Int(i as i64),
                None => stand_in::new_str(vm, &text),
            };
            vm.get_item(&value, &key)?
        };
        rest = remaining;
    }
    Ok(value)
}

// ----- format(value, spec) -----

/// `format(v, spec)`: a user class's `__format__`, else the built-in type's.
pub fn format_value(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<String> {
    if let Some(m) = vm.lookup_special_heap(v, "__format__") {
        let s = stand_in::new_str(vm, spec);
        let r = vm.call_method_value(&m, v, &[s])?;
        return match r.payload() {
            Some(Payload::Str(s)) => Ok(stand_in::text(s).into_owned()),
            _ => Err(vm.type_error(format!(
                "__format__ must return a str, not {}",
                vm.type_name(&r)
            ))),
        };
    }
    builtin_format(vm, v, spec)
}

/// The `__format__` of the built-in types.
pub fn builtin_format(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return vm.to_str(v);
    }
    let type_name = vm.type_name(v);
    if let Some(Payload::Str(s)) = v.payload() {
        return format_str(vm, &stand_in::text(s), spec);
    }
    if let Some(f) = as_float(v) {
        return float_format::format_float(f, spec, &type_name).map_err(|e| vm.num_error(e));
    }
    if let Some(z) = crate::objects::complex::as_complex(v) {
        return crate::objects::complex_methods::format(vm, z, spec);
    }
    if let Some(i) = as_int(v) {
        let limit = vm.interp.int_max_str_digits.get();
        if let (IntRef::Small(cp @ 0xD800..=0xDFFF), true) = (&i, spec.ends_with('c')) {
            // `{:c}` of a surrogate formats its stand-in (`str_stand_in.rs`).
            let code = stand_in::char_of(*cp as u32).map_or(*cp, |c| c as i64);
            let code = adder_numeric::BigInt::from(code);
            return int_format_spec::format_int(&code, spec, &type_name, limit)
                .map_err(|e| vm.num_error(e));
        }
        return int_format_spec::format_int(&i.to_big(), spec, &type_name, limit)
            .map_err(|e| vm.num_error(e));
    }
    Err(vm.type_error(format!(
        "unsupported format string passed to {type_name}.__format__"
    )))
}

/// `format(str, spec)`: fill, alignment, width and precision (truncation).
pub fn format_str(vm: &Vm, text: &str, spec: &str) -> PyResult<String> {
    let parsed = parse_format_spec(spec, Align::Left, "str").map_err(|e| vm.num_error(e))?;
    if !matches!(parsed.kind, None | Some('s')) {
        let code = parsed.kind.unwrap_or('s');
        return Err(vm.value_error(format!(
            "Unknown format code '{code}' for object of type 'str'"
        )));
    }
    if let Some(sep) = parsed.grouping {
        return Err(vm.value_error(format!("Cannot specify '{sep}' with 's'.")));
    }
    match parsed.sign {
        Some(Sign::Space) => {
            return Err(vm.value_error("Space not allowed in string format specifier"))
        }
        Some(_) => return Err(vm.value_error("Sign not allowed in string format specifier")),
        None => {}
    }
    if parsed.no_negative_zero {
        return Err(
            vm.value_error("Negative zero coercion (z) not allowed in string format specifier")
        );
    }
    if parsed.alternate {
        return Err(vm.value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if parsed.align == Some(Align::AfterSign) {
        return Err(vm.value_error("'=' alignment not allowed in string format specifier"));
    }
    let text = match parsed.precision {
        Some(p) => text.char_indices().nth(p).map_or(text, |(b, _)| &text[..b]),
        None => text,
    };
    let len = text.chars().count();
    let width = parsed.width.unwrap_or(0);
    if width <= len {
        return Ok(text.to_string());
    }
    let margin = width - len;
    let (left, right) = match parsed.align {
        Some(Align::Right) => (margin, 0),
        Some(Align::Center) => (margin / 2, margin - margin / 2),
        _ => (0, margin),
    };
    Ok(pad(text, left, right, parsed.fill))
}

/// `__format__(self, spec)` of the built-in types (what `super().__format__` reaches).
pub fn dunder_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (recv, rest) = bind(
        vm,
        &args,
        MethodName {
            owner: "object",
            name: "__format__",
        },
        &Shape::One,
    )?;
    let spec = match rest[0].map(|v| (v, v.payload())) {
        Some((_, Some(Payload::Str(s)))) => s,
        Some((v, _)) => {
            return Err(vm.type_error(format!(
                "__format__() argument must be str, not {}",
                vm.type_name(v)
            )))
        }
        None => return stand_in::exact(vm, |vm| builtin_format(vm, recv, "")),
    };
    stand_in::exact(vm, |vm| builtin_format(vm, recv, &stand_in::text(spec)))
}

/// Give `object`, `int`, `float` and `str` their `__format__` method.
pub fn install(vm: &Vm) {
    let t = vm.types();
    for ty in [&t.object, &t.int, &t.float, &t.str_] {
        crate::builtins::add_methods(vm, ty, &[("__format__", dunder_format)]);
    }
}

/// The `format(value, format_spec='')` built-in function.
pub fn format_builtin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    if !args.kwnames.is_empty() {
        return Err(vm.type_error("format() takes no keyword arguments"));
    }
    let spec = match pos {
        [_] => None,
        [_, spec] => match spec.payload() {
            Some(Payload::Str(s)) => Some(s),
            _ => {
                return Err(vm.type_error(format!(
                    "format() argument 2 must be str, not {}",
                    vm.type_name(spec)
                )))
            }
        },
        _ if pos.is_empty() => {
            return Err(vm.type_error("format expected at least 1 argument, got 0"))
        }
        _ => {
            return Err(vm.type_error(format!(
                "format expected at most 2 arguments, got {}",
                pos.len()
            )))
        }
    };
    stand_in::exact(vm, |vm| {
        let spec = spec.map(stand_in::text).unwrap_or_default();
        vm.format_value(&pos[0], &spec)
    })
}
