//! The methods of `str`: registration, and the methods that look at or change each
//! character (case mappings, `is*` predicates, padding). Searching and splitting are in
//! `str_search.rs`, `encode` in `codecs.rs`, `format` in `str_format.rs`.

use crate::builtins::{add_methods, new_builtin};
use crate::error::PyResult;
use crate::object::Payload;
use crate::objects::dict;
use crate::objects::function::{Args, NativeFn};
use crate::objects::native_args::{bind, opt_size, MethodName, Shape};
use crate::objects::str::PyStr;
use crate::objects::unicode::{self, Case};
use crate::objects::{codecs, str_format, str_search};
use crate::value::Value;
use crate::vm::Vm;

pub fn install(vm: &Vm) {
    let str_type = vm.types().str_.clone();
    const METHODS: &[(&str, NativeFn)] = &[
        ("capitalize", capitalize),
        ("casefold", casefold),
        ("center", center),
        ("count", str_search::count),
        ("encode", codecs::str_encode),
        ("endswith", str_search::endswith),
        ("expandtabs", str_search::expandtabs),
        ("find", str_search::find),
        ("format", str_format::str_format),
        ("format_map", str_format::str_format_map),
        ("index", str_search::index),
        ("isalnum", isalnum),
        ("isalpha", isalpha),
        ("isascii", isascii),
        ("isdecimal", isdecimal),
        ("isdigit", isdigit),
        ("isidentifier", isidentifier),
        ("islower", islower),
        ("isnumeric", isnumeric),
        ("isprintable", isprintable),
        ("isspace", isspace),
        ("istitle", istitle),
        ("isupper", isupper),
        ("join", str_search::join),
        ("ljust", ljust),
        ("lower", lower),
        ("lstrip", str_search::lstrip),
        ("partition", str_search::partition),
        ("removeprefix", str_search::removeprefix),
        ("removesuffix", str_search::removesuffix),
        ("replace", str_search::replace),
        ("rfind", str_search::rfind),
        ("rindex", str_search::rindex),
        ("rjust", rjust),
        ("rpartition", str_search::rpartition),
        ("rsplit", str_search::rsplit),
        ("rstrip", str_search::rstrip),
        ("split", str_search::split),
        ("splitlines", str_search::splitlines),
        ("startswith", str_search::startswith),
        ("strip", str_search::strip),
        ("swapcase", swapcase),
        ("title", title),
        ("translate", str_search::translate),
        ("upper", upper),
        ("zfill", zfill),
    ];
    add_methods(vm, &str_type, METHODS);
    str_format::install(vm);
    // A static method: no receiver, whether called on the type or on an instance.
    if let Some(d) = str_type.dict_obj() {
        dict::set_str(
            vm,
            &d,
            "maketrans",
            new_builtin(vm, "maketrans", str_search::maketrans, None),
        );
    }
}

/// The receiver of a `str` method as `PyStr` (also for instances of str subclasses).
pub fn receiver<'a>(vm: &Vm, recv: &'a Value, name: &str) -> PyResult<&'a PyStr> {
    match recv.payload() {
        Some(Payload::Str(s)) => Ok(s),
        _ => Err(vm.type_error(format!(
            "descriptor '{name}' for 'str' objects doesn't apply to a '{}' object",
            vm.type_name(recv)
        ))),
    }
}

/// The most arguments a `str` method takes after its receiver (`replace(old, new, count)`).
const MAX_STR_ARGS: usize = 3;

/// A `str` method's bound arguments (as [`bind`] gives them), held inline: binding is
/// on the path of every `find`, `split` or `startswith` call, where a heap `Vec` cost
/// about as much as the method's own work on a short string.
pub struct StrArgs<'a> {
    slots: [Option<&'a Value>; MAX_STR_ARGS],
    len: usize,
}

impl<'a> StrArgs<'a> {
    /// `values` followed by `None` up to `len` slots; `None` when they do not fit.
    fn new(values: impl IntoIterator<Item = Option<&'a Value>>, len: usize) -> Option<Self> {
        let mut slots = [None; MAX_STR_ARGS];
        let mut given = 0;
        for v in values {
            *slots.get_mut(given)? = v;
            given += 1;
        }
        (len <= MAX_STR_ARGS && given <= len).then_some(StrArgs { slots, len })
    }
}

impl<'a> std::ops::Deref for StrArgs<'a> {
    type Target = [Option<&'a Value>];

    fn deref(&self) -> &Self::Target {
        self.slots.get(..self.len).unwrap_or_default()
    }
}

/// How many slots `shape` binds `n` positional arguments (and no keywords) to, when
/// that call is valid; `None` sends the call to [`bind`], which explains the error.
fn positional_slots(shape: &Shape, n: usize) -> Option<usize> {
    let fits = match shape {
        Shape::NoArgs => n == 0,
        Shape::One => n == 1,
        Shape::Positional { min, max } => (*min..=*max).contains(&n),
        Shape::Keywords { names, min } => (*min..=names.len()).contains(&n),
    };
    match shape {
        Shape::Keywords { names, .. } if fits => Some(names.len()),
        _ if fits => Some(n),
        _ => None,
    }
}

/// Bind a `str` method's arguments and check its receiver. Calls with positional
/// arguments only, in the numbers the method takes, are bound here without [`bind`].
pub fn str_args<'a>(
    vm: &Vm,
    args: &Args<'a>,
    name: &'static str,
    shape: &Shape,
) -> PyResult<(&'a PyStr, StrArgs<'a>)> {
    if let (Some((recv, rest)), true) = (args.pos().split_first(), args.kwnames.is_empty()) {
        if let Some(len) = positional_slots(shape, rest.len()) {
            if let Some(bound) = StrArgs::new(rest.iter().map(Some), len) {
                return Ok((receiver(vm, recv, name)?, bound));
            }
        }
    }
    let (recv, rest) = bind(vm, args, MethodName { owner: "str", name }, shape)?;
    let len = rest.len();
    let bound = StrArgs::new(rest, len)
        .ok_or_else(|| vm.system_error(format!("str.{name}() binds too many arguments")))?;
    Ok((receiver(vm, recv, name)?, bound))
}

fn no_args<'a>(vm: &Vm, args: &Args<'a>, name: &'static str) -> PyResult<&'a PyStr> {
    str_args(vm, args, name, &Shape::NoArgs).map(|(s, _)| s)
}

// ----- case mappings -----

/// Map every character through `f(out, chars, i)`; ASCII text takes `ascii` instead.
fn map_chars(
    vm: &Vm,
    s: &PyStr,
    ascii: fn(&str) -> String,
    f: impl Fn(&mut String, &[char], usize),
) -> Value {
    if s.is_ascii() {
        return vm.new_str_obj(PyStr::ascii(ascii(s.as_str())));
    }
    let chars: Vec<char> = s.as_str().chars().collect();
    let mut out = String::with_capacity(s.as_str().len());
    for i in 0..chars.len() {
        f(&mut out, &chars, i);
    }
    vm.new_str(&out)
}

fn lower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(vm, &args, "lower")?;
    Ok(map_chars(
        vm,
        s,
        str::to_ascii_lowercase,
        unicode::push_lower_in_context,
    ))
}

fn upper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(vm, &args, "upper")?;
    Ok(map_chars(
        vm,
        s,
        str::to_ascii_uppercase,
        |out, chars, i| unicode::push_mapped(out, chars[i], Case::Upper),
    ))
}

fn casefold(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(vm, &args, "casefold")?;
    Ok(map_chars(
        vm,
        s,
        str::to_ascii_lowercase,
        |out, chars, i| unicode::push_mapped(out, chars[i], Case::Fold),
    ))
}

fn swapcase(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(vm, &args, "swapcase")?;
    if s.is_ascii() {
        let swapped = s
            .as_str()
            .bytes()
            .map(|b| (b ^ (b.is_ascii_alphabetic() as u8) << 5) as char);
        return Ok(vm.new_str_obj(PyStr::ascii(swapped.collect())));
    }
    let chars: Vec<char> = s.as_str().chars().collect();
    let mut out = String::with_capacity(s.as_str().len());
    for (i, &c) in chars.iter().enumerate() {
        if unicode::has(c, unicode::UPPER) {
            unicode::push_lower_in_context(&mut out, &chars, i);
        } else if unicode::has(c, unicode::LOWER) {
            unicode::push_mapped(&mut out, c, Case::Upper);
        } else {
            out.push(c);
        }
    }
    Ok(vm.new_str(&out))
}

fn title(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(vm, &args, "title")?;
    if s.is_ascii() {
        return Ok(vm.new_str_obj(PyStr::ascii(ascii_title(s.as_str()))));
    }
    let chars: Vec<char> = s.as_str().chars().collect();
    let mut out = String::with_capacity(s.as_str().len());
    let mut previous_is_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if previous_is_cased {
            unicode::push_lower_in_context(&mut out, &chars, i);
        } else {
            unicode::push_mapped(&mut out, c, Case::Title);
        }
        previous_is_cased = unicode::has(c, unicode::CASED);
    }
    Ok(vm.new_str(&out))
}

fn capitalize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(vm, &args, "capitalize")?;
    if s.is_ascii() {
        let mut out = s.as_str().to_ascii_lowercase();
        if let Some(first) = out.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        return Ok(vm.new_str_obj(PyStr::ascii(out)));
    }
    let chars: Vec<char> = s.as_str().chars().collect();
    let mut out = String::with_capacity(s.as_str().len());
    for (i, &c) in chars.iter().enumerate() {
        if i == 0 {
            unicode::push_mapped(&mut out, c, Case::Title);
        } else {
            unicode::push_lower_in_context(&mut out, &chars, i);
        }
    }
    Ok(vm.new_str(&out))
}

/// `title()` of ASCII text: a letter after a letter is lowered, any other raised.
fn ascii_title(text: &str) -> String {
    let mut previous_is_cased = false;
    let mut out = text.as_bytes().to_vec();
    for b in out.iter_mut() {
        let cased = b.is_ascii_alphabetic();
        if previous_is_cased {
            b.make_ascii_lowercase();
        } else {
            b.make_ascii_uppercase();
        }
        previous_is_cased = cased;
    }
    // Case changes keep ASCII ASCII, so this never fails.
    String::from_utf8(out).unwrap_or_default()
}

// ----- predicates -----

/// True when the string is non-empty and every character has one of `flags`.
fn all_have(vm: &Vm, args: &Args, name: &'static str, flags: u16) -> PyResult<Value> {
    let s = no_args(vm, args, name)?;
    let text = s.as_str();
    Ok(Value::Bool(
        !text.is_empty() && text.chars().all(|c| unicode::has(c, flags)),
    ))
}

fn isalpha(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_have(vm, &args, "isalpha", unicode::ALPHA)
}

fn isalnum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_have(
        vm,
        &args,
        "isalnum",
        unicode::ALPHA | unicode::DECIMAL | unicode::DIGIT | unicode::NUMERIC,
    )
}

fn isdecimal(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_have(vm, &args, "isdecimal", unicode::DECIMAL)
}

fn isdigit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_have(vm, &args, "isdigit", unicode::DIGIT)
}

fn isnumeric(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_have(vm, &args, "isnumeric", unicode::NUMERIC)
}

fn isspace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_have(vm, &args, "isspace", unicode::SPACE)
}

fn isascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(no_args(vm, &args, "isascii")?.is_ascii()))
}

fn isprintable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(vm, &args, "isprintable")?;
    Ok(Value::Bool(
        s.as_str()
            .chars()
            .all(|c| unicode::has(c, unicode::PRINTABLE)),
    ))
}

fn isidentifier(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(vm, &args, "isidentifier")?;
    Ok(Value::Bool(is_identifier(s.as_str())))
}

/// `str.isidentifier()`: XID_Start or `_`, then XID_Continue.
pub fn is_identifier(text: &str) -> bool {
    let mut chars = text.chars();
    chars
        .next()
        .is_some_and(|c| unicode::has(c, unicode::XID_START))
        && chars.all(|c| unicode::has(c, unicode::XID_CONTINUE))
}

/// `islower`/`isupper`: no character of the opposite case or titlecase, and at least
/// one of the wanted case.
fn cased_only(
    vm: &Vm,
    args: &Args,
    name: &'static str,
    wanted: u16,
    refused: u16,
) -> PyResult<Value> {
    let s = no_args(vm, args, name)?;
    let mut cased = false;
    for c in s.as_str().chars() {
        let f = unicode::flags(c);
        if f & (refused | unicode::TITLE) != 0 {
            return Ok(Value::Bool(false));
        }
        cased |= f & wanted != 0;
    }
    Ok(Value::Bool(cased))
}

fn islower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    cased_only(vm, &args, "islower", unicode::LOWER, unicode::UPPER)
}

fn isupper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    cased_only(vm, &args, "isupper", unicode::UPPER, unicode::LOWER)
}

fn istitle(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(vm, &args, "istitle")?;
    let mut cased = false;
    let mut previous_is_cased = false;
    for c in s.as_str().chars() {
        let f = unicode::flags(c);
        if f & (unicode::UPPER | unicode::TITLE) != 0 {
            if previous_is_cased {
                return Ok(Value::Bool(false));
            }
            previous_is_cased = true;
            cased = true;
        } else if f & unicode::LOWER != 0 {
            if !previous_is_cased {
                return Ok(Value::Bool(false));
            }
            previous_is_cased = true;
            cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    Ok(Value::Bool(cased))
}

// ----- padding -----

/// The `fillchar` argument of `center`/`ljust`/`rjust`.
fn fill_char(vm: &Vm, v: Option<&Value>) -> PyResult<char> {
    let Some(v) = v else { return Ok(' ') };
    match v.payload() {
        Some(Payload::Str(s)) if s.char_len() == 1 => Ok(s.char_at(0).unwrap_or(' ')),
        Some(Payload::Str(_)) => {
            Err(vm.type_error("The fill character must be exactly one character long"))
        }
        _ => Err(vm.type_error(format!(
            "The fill character must be a unicode character, not {}",
            vm.type_name(v)
        ))),
    }
}

/// `s` with `left` and `right` copies of `fill` around it.
pub fn pad(text: &str, left: usize, right: usize, fill: char) -> String {
    let mut out = String::with_capacity(text.len() + (left + right) * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(text);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

/// Shared by `center`, `ljust` and `rjust`: `place(margin)` gives (left, right).
fn justify(
    vm: &mut Vm,
    args: Args,
    name: &'static str,
    place: fn(usize, usize) -> (usize, usize),
) -> PyResult<Value> {
    let (s, rest) = str_args(vm, &args, name, &Shape::Positional { min: 1, max: 2 })?;
    let width = opt_size(vm, rest[0], 0)?;
    let fill = fill_char(vm, rest.get(1).copied().flatten())?;
    let len = s.char_len();
    if width <= len as isize {
        return Ok(exact_str(vm, args.pos()[0].clone(), s));
    }
    let (left, right) = place(width as usize - len, width as usize);
    let bytes = (left + right).checked_mul(fill.len_utf8());
    vm.check_allocation(bytes.and_then(|b| b.checked_add(s.as_str().len())))?;
    Ok(vm.new_str(&pad(s.as_str(), left, right, fill)))
}

/// An unchanged receiver: itself when it is an exact str, else a plain copy (as CPython
/// returns for subclasses).
fn exact_str(vm: &Vm, v: Value, s: &PyStr) -> Value {
    if std::rc::Rc::ptr_eq(&vm.type_of(&v), &vm.types().str_) {
        v
    } else {
        vm.new_str(s.as_str())
    }
}

fn center(vm: &mut Vm, args: Args) -> PyResult<Value> {
    justify(vm, args, "center", |margin, width| {
        let left = margin / 2 + (margin & width & 1);
        (left, margin - left)
    })
}

fn ljust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    justify(vm, args, "ljust", |margin, _| (0, margin))
}

fn rjust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    justify(vm, args, "rjust", |margin, _| (margin, 0))
}

fn zfill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = str_args(vm, &args, "zfill", &Shape::One)?;
    let width = opt_size(vm, rest[0], 0)?;
    let len = s.char_len();
    if width <= len as isize {
        return Ok(exact_str(vm, args.pos()[0].clone(), s));
    }
    let text = s.as_str();
    let zeros = "0".repeat(width as usize - len);
    let out = match text.strip_prefix(['+', '-']) {
        Some(rest) => format!("{}{zeros}{rest}", &text[..1]),
        None => format!("{zeros}{text}"),
    };
    Ok(vm.new_str(&out))
}
