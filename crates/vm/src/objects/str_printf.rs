//! printf-style formatting, `str % args` (CPython's `PyUnicode_Format`): mapping keys
//! `%(name)s`, flags `-+ #0`, `*` widths and precisions, the conversions
//! `d i u o x X e E f F g G c r s a %`, and CPython's errors. The same engine runs
//! `bytes % args` (PEP 461) over Latin-1 text, one char per byte: `bytes_printf.rs`
//! holds the conversions only bytes have.

use adder_numeric::format_spec::{Align, FormatSpec, Sign};
use adder_numeric::int_format::{magnitude_decimal, magnitude_in_radix, Radix};
use adder_numeric::{float_format, int_float, BigInt};

use crate::error::PyResult;
use crate::object::Payload;
use crate::objects::bytes_printf;
use crate::objects::str_methods::pad;
use crate::objects::str_stand_in as stand_in;
use crate::protocol::number::{as_float, as_int, IntRef};
use crate::value::Value;
use crate::vm::Vm;

/// Which operator runs: `str % values`, or `bytes % values` whose template and
/// result are Latin-1 text here. It decides what `%s %r %c` accept, what counts as a
/// mapping, and some messages.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    Str,
    Bytes,
}

/// The flags and sizes of one conversion.
#[derive(Default)]
struct Conversion {
    left: bool,
    sign: Option<Sign>,
    alternate: bool,
    zero: bool,
    width: usize,
    precision: Option<usize>,
}

/// Where the values come from: a tuple's items, one value, or a mapping for `%(key)`.
struct Arguments<'a> {
    items: &'a [Value],
    next: usize,
    /// The right operand when it is a mapping (anything subscriptable but a tuple or str).
    mapping: Option<&'a Value>,
    /// False once a `%(key)` conversion was used (then unused items are not an error).
    positional: bool,
    flavor: Flavor,
}

impl Arguments<'_> {
    fn next_value(&mut self, vm: &Vm) -> PyResult<Value> {
        match self.items.get(self.next) {
            Some(v) if self.positional => {
                self.next += 1;
                Ok(v.clone())
            }
            _ => Err(vm.type_error("not enough arguments for format string")),
        }
    }
}

/// `template % values`.
pub fn format(vm: &mut Vm, template: &str, values: &Value) -> PyResult<String> {
    let chars: Vec<char> = template.chars().collect();
    format_chars(vm, &chars, values, Flavor::Str)
}

/// The engine: `chars % values` for either flavor.
pub fn format_chars(
    vm: &mut Vm,
    chars: &[char],
    values: &Value,
    flavor: Flavor,
) -> PyResult<String> {
    let single = std::slice::from_ref(values);
    let (items, is_tuple) = match values.payload() {
        Some(Payload::Tuple(t)) => (&t[..], true),
        _ => (single, false),
    };
    let is_template_kind = match flavor {
        Flavor::Str => matches!(values.payload(), Some(Payload::Str(_))),
        Flavor::Bytes => matches!(
            values.payload(),
            Some(Payload::Bytes(_) | Payload::ByteArray(_))
        ),
    };
    let is_mapping = !is_tuple && !is_template_kind && is_subscriptable(vm, values);
    let mut args = Arguments {
        items,
        next: 0,
        mapping: is_mapping.then_some(values),
        positional: true,
        flavor,
    };
    let mut out = String::with_capacity(chars.len());
    let mut pos = 0;
    while let Some(&c) = chars.get(pos) {
        pos += 1;
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.get(pos) {
            Some('%') => {
                out.push('%');
                pos += 1;
            }
            Some(_) => convert_one(vm, chars, &mut pos, &mut args, &mut out)?,
            None => return Err(vm.value_error("incomplete format")),
        }
    }
    if args.positional && args.next < args.items.len() && args.mapping.is_none() {
        let what = match flavor {
            Flavor::Str => "string",
            Flavor::Bytes => "bytes",
        };
        return Err(vm.type_error(format!(
            "not all arguments converted during {what} formatting"
        )));
    }
    Ok(out)
}

/// Whether `%(key)` may look keys up in `v` (CPython's `PyMapping_Check`).
fn is_subscriptable(vm: &Vm, v: &Value) -> bool {
    matches!(
        v.payload(),
        Some(
            Payload::Dict(_)
                | Payload::List(_)
                | Payload::Bytes(_)
                | Payload::ByteArray(_)
                | Payload::MemoryView(_)
                | Payload::Range(_)
        )
    ) || vm.lookup_special_heap(v, "__getitem__").is_some()
}

/// Parse and render one conversion starting after its `%`.
fn convert_one(
    vm: &mut Vm,
    chars: &[char],
    pos: &mut usize,
    args: &mut Arguments,
    out: &mut String,
) -> PyResult<()> {
    let mut keyed = None;
    if chars.get(*pos) == Some(&'(') {
        let Some(mapping) = args.mapping else {
            return Err(vm.type_error("format requires a mapping"));
        };
        *pos += 1;
        let start = *pos;
        let mut depth = 1;
        while let Some(&c) = chars.get(*pos) {
            depth += i32::from(c == '(') - i32::from(c == ')');
            if depth == 0 {
                break;
            }
            *pos += 1;
        }
        if depth != 0 {
            return Err(vm.value_error("incomplete format key"));
        }
        let key = match args.flavor {
            Flavor::Str => stand_in::new_str(vm, &chars[start..*pos].iter().collect::<String>()),
            Flavor::Bytes => bytes_printf::latin1_bytes(vm, &chars[start..*pos]),
        };
        *pos += 1;
        keyed = Some(vm.get_item(mapping, &key)?);
        args.positional = false;
    }
    let mut conv = Conversion::default();
    while let Some(&c) = chars.get(*pos) {
        match c {
            '-' => conv.left = true,
            '+' => conv.sign = Some(Sign::Plus),
            ' ' => conv.sign = conv.sign.or(Some(Sign::Space)),
            '#' => conv.alternate = true,
            '0' => conv.zero = true,
            _ => break,
        }
        *pos += 1;
    }
    if let Some(w) = read_size(vm, chars, pos, args, "width", SizeLimit::SSIZE_T)? {
        if w < 0 {
            conv.left = true;
        }
        conv.width = w.unsigned_abs();
    }
    if chars.get(*pos) == Some(&'.') {
        *pos += 1;
        let label = match args.flavor {
            Flavor::Str => "precision",
            Flavor::Bytes => "prec",
        };
        conv.precision = Some(
            read_size(vm, chars, pos, args, label, SizeLimit::INT)?
                .unwrap_or(0)
                .max(0) as usize,
        );
    }
    while matches!(chars.get(*pos), Some('h' | 'l' | 'L')) {
        *pos += 1;
    }
    let Some(&kind) = chars.get(*pos) else {
        return Err(vm.value_error("incomplete format"));
    };
    *pos += 1;
    let value = match keyed {
        Some(v) => v,
        None => args.next_value(vm)?,
    };
    let flavor = args.flavor;
    let text = match (kind, flavor) {
        ('s', Flavor::Str) => truncate(vm.to_str(&value)?, conv.precision),
        ('s' | 'b', Flavor::Bytes) => truncate(bytes_printf::text_of(vm, &value)?, conv.precision),
        ('r', Flavor::Str) => truncate(vm.repr(&value)?, conv.precision),
        // Bytes have no text repr: `%r` is `%a` there.
        ('r' | 'a', _) => truncate(
            crate::objects::repr::ascii_escape(&vm.repr(&value)?),
            conv.precision,
        ),
        ('c', Flavor::Str) => char_of(vm, &value)?.to_string(),
        ('c', Flavor::Bytes) => bytes_printf::byte_of(vm, &value)?.to_string(),
        ('d' | 'i' | 'u' | 'o' | 'x' | 'X', _) => return format_int(vm, &value, kind, &conv, out),
        ('e' | 'E' | 'f' | 'F' | 'g' | 'G', _) => {
            out.push_str(&format_float(vm, &value, kind, &conv, flavor)?);
            return Ok(());
        }
        (_, Flavor::Str) => {
            let shown = if (' '..='~').contains(&kind) {
                kind
            } else {
                '?'
            };
            let msg = format!(
                "unsupported format character '{shown}' (0x{:x}) at index {}",
                kind as u32,
                *pos - 1
            );
            return Err(vm.value_error(msg));
        }
        (_, Flavor::Bytes) => return Err(bytes_printf::unsupported(vm, kind, *pos - 1)),
    };
    out.push_str(&justify(&text, &conv));
    Ok(())
}

/// The C type CPython reads a width (`Py_ssize_t`) or precision (`int`) into, so
/// out-of-range values fail with its messages instead of allocating huge padding.
struct SizeLimit {
    max: isize,
    c_type: &'static str,
}

impl SizeLimit {
    const SSIZE_T: SizeLimit = SizeLimit {
        max: isize::MAX,
        c_type: "ssize_t",
    };
    const INT: SizeLimit = SizeLimit {
        max: i32::MAX as isize,
        c_type: "int",
    };
}

/// A width or precision: digits, or `*` taking the next argument.
fn read_size(
    vm: &mut Vm,
    chars: &[char],
    pos: &mut usize,
    args: &mut Arguments,
    what: &str,
    limit: SizeLimit,
) -> PyResult<Option<isize>> {
    if chars.get(*pos) == Some(&'*') {
        *pos += 1;
        let v = args.next_value(vm)?;
        let too_big = |vm: &Vm| {
            vm.overflow_error(format!(
                "Python int too large to convert to C {}",
                limit.c_type
            ))
        };
        return match as_int(&v) {
            Some(IntRef::Small(i)) => isize::try_from(i)
                .ok()
                .filter(|n| (-limit.max - 1..=limit.max).contains(n))
                .map(Some)
                .ok_or_else(|| too_big(vm)),
            Some(IntRef::Big(_)) => Err(too_big(vm)),
            None => Err(vm.type_error("* wants int")),
        };
    }
    let mut n: Option<isize> = None;
    while let Some(d) = chars.get(*pos).and_then(|c| c.to_digit(10)) {
        n = Some(
            n.unwrap_or(0)
                .checked_mul(10)
                .and_then(|n| n.checked_add(d as isize))
                .filter(|n| *n <= limit.max)
                .ok_or_else(|| vm.value_error(format!("{what} too big")))?,
        );
        *pos += 1;
    }
    Ok(n)
}

fn truncate(text: String, precision: Option<usize>) -> String {
    match precision.and_then(|p| text.char_indices().nth(p)) {
        Some((b, _)) => text[..b].to_string(),
        None => text,
    }
}

/// Pad with spaces to the width, on the right for `-`.
fn justify(text: &str, conv: &Conversion) -> String {
    let len = text.chars().count();
    if len >= conv.width {
        return text.to_string();
    }
    let margin = conv.width - len;
    if conv.left {
        pad(text, 0, margin, ' ')
    } else {
        pad(text, margin, 0, ' ')
    }
}

/// `%c`: an int code point or a one-character str.
fn char_of(vm: &Vm, v: &Value) -> PyResult<char> {
    if let Some(Payload::Str(s)) = v.payload() {
        if s.char_len() == 1 {
            return Ok(stand_in::text(s).chars().next().unwrap_or(' '));
        }
        return Err(vm.type_error(format!(
            "%c requires an int or a unicode character, not a string of length {}",
            s.char_len()
        )));
    }
    match as_int(v) {
        Some(IntRef::Small(i)) => u32::try_from(i)
            .ok()
            .and_then(stand_in::char_of)
            .ok_or_else(|| vm.overflow_error("%c arg not in range(0x110000)")),
        Some(IntRef::Big(_)) => Err(vm.overflow_error("%c arg not in range(0x110000)")),
        None => Err(vm.type_error(format!(
            "%c requires an int or a unicode character, not {}",
            vm.type_name(v)
        ))),
    }
}

/// The integer a `%d`/`%x`... conversion formats: ints as they are, floats truncated
/// (not for `o x X`), user objects through `__index__` (or `__int__` for decimal).
fn integer_of(vm: &mut Vm, v: &Value, kind: char) -> PyResult<BigInt> {
    if let Some(i) = as_int(v) {
        return Ok(i.to_big().into_owned());
    }
    let decimal = !matches!(kind, 'o' | 'x' | 'X');
    if let (Some(f), true) = (as_float(v), decimal) {
        return int_float::from_f64(f).map_err(|e| vm.num_error(e));
    }
    let hooks: &[&str] = if decimal {
        &["__int__", "__index__"]
    } else {
        &["__index__"]
    };
    for hook in hooks {
        if let Some(m) = vm.lookup_special_heap(v, hook) {
            let r = vm.call_method_value(&m, v, &[])?;
            if let Some(i) = as_int(&r) {
                return Ok(i.to_big().into_owned());
            }
        }
    }
    let need = if decimal {
        "a real number"
    } else {
        "an integer"
    };
    Err(vm.type_error(format!(
        "%{kind} format: {need} is required, not {}",
        vm.type_name(v)
    )))
}

fn format_int(
    vm: &mut Vm,
    v: &Value,
    kind: char,
    conv: &Conversion,
    out: &mut String,
) -> PyResult<()> {
    let n = integer_of(vm, v, kind)?;
    let (prefix, digits) = match kind {
        'o' => ("0o", magnitude_in_radix(&n, Radix::Octal, false)),
        'x' => ("0x", magnitude_in_radix(&n, Radix::Hex, false)),
        'X' => ("0X", magnitude_in_radix(&n, Radix::Hex, true)),
        _ => (
            "",
            magnitude_decimal(&n, vm.interp.int_max_str_digits.get())
                .map_err(|e| vm.num_error(e))?,
        ),
    };
    let sign = match (n.sign() == dashu_base::Sign::Negative, conv.sign) {
        (true, _) => "-",
        (false, Some(Sign::Plus)) => "+",
        (false, Some(Sign::Space)) => " ",
        _ => "",
    };
    let prefix = if conv.alternate { prefix } else { "" };
    let mut body = String::new();
    let min_digits = conv.precision.unwrap_or(0);
    if min_digits > i32::MAX as usize - 3 {
        return Err(vm.overflow_error("precision too large"));
    }
    body.extend(std::iter::repeat_n(
        '0',
        min_digits.saturating_sub(digits.len()),
    ));
    body.push_str(&digits);
    let len = sign.len() + prefix.len() + body.len();
    if conv.zero && !conv.left && len < conv.width {
        let zeros = "0".repeat(conv.width - len);
        out.push_str(&format!("{sign}{prefix}{zeros}{body}"));
    } else {
        out.push_str(&justify(&format!("{sign}{prefix}{body}"), conv));
    }
    Ok(())
}

/// The float a `%f`... conversion formats (`__float__`, then `__index__`).
fn float_of(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = as_float(v) {
        return Ok(f);
    }
    if let Some(i) = as_int(v) {
        return vm.int_to_f64(&i);
    }
    for hook in ["__float__", "__index__"] {
        if let Some(m) = vm.lookup_special_heap(v, hook) {
            let r = vm.call_method_value(&m, v, &[])?;
            if let Some(f) = as_float(&r) {
                return Ok(f);
            }
            if let Some(i) = as_int(&r) {
                return vm.int_to_f64(&i);
            }
        }
    }
    Err(vm.type_error(format!("must be real number, not {}", vm.type_name(v))))
}

fn format_float(
    vm: &mut Vm,
    v: &Value,
    kind: char,
    conv: &Conversion,
    flavor: Flavor,
) -> PyResult<String> {
    let x = match flavor {
        Flavor::Str => float_of(vm, v)?,
        Flavor::Bytes => float_of(vm, v).map_err(|_| bytes_printf::float_required(vm, v))?,
    };
    let (fill, align) = match (conv.left, conv.zero) {
        (true, _) => (' ', Align::Left),
        (false, true) => ('0', Align::AfterSign),
        (false, false) => (' ', Align::Right),
    };
    let spec = FormatSpec {
        fill,
        align: Some(align),
        sign: conv.sign,
        no_negative_zero: false,
        alternate: conv.alternate,
        width: Some(conv.width),
        grouping: None,
        precision: Some(conv.precision.unwrap_or(6)),
        fraction_grouping: None,
        kind: Some(kind),
    };
    float_format::format_float_with(x, &spec, "float").map_err(|e| vm.num_error(e))
}
