//! The `unicodedata` module (CPython's `Modules/unicodedata.c`) at Unicode 16.0.0, the
//! version CPython 3.14 ships: character properties from tables generated from the
//! reference (`tables.rs`), names through `unicode_names2`, normalization through
//! `unicode-normalization` (see `normalize.rs` for how its newer Unicode version is
//! held back to 16.0.0).

mod normalize;
mod tables;

use adder_vm::native_module::{add_functions, add_values};
use adder_vm::object::{ObjRef, Payload};
use adder_vm::objects::function::{Args, NativeFn};
use adder_vm::{PyResult, Value, Vm};

use crate::arity::positional;

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    let functions: &[(&'static str, NativeFn)] = &[
        ("category", category),
        ("bidirectional", bidirectional),
        ("east_asian_width", east_asian_width),
        ("combining", combining),
        ("mirrored", mirrored),
        ("decimal", decimal),
        ("digit", digit),
        ("numeric", numeric),
        ("decomposition", decomposition),
        ("name", name),
        ("lookup", lookup),
        ("normalize", normalize::normalize),
        ("is_normalized", normalize::is_normalized),
    ];
    add_functions(vm, module, functions);
    add_values(vm, module, &[("unidata_version", vm.new_str("16.0.0"))]);
    Ok(())
}

/// The value of a run-length table at `cp`.
fn run_value(table: &[(u32, u8)], cp: u32) -> u8 {
    let i = table.partition_point(|&(first, _)| first <= cp);
    i.checked_sub(1)
        .and_then(|i| table.get(i))
        .map_or(0, |&(_, v)| v)
}

/// Whether `cp` is assigned in Unicode 16.0.0 (newer crates know later characters).
pub(crate) fn is_assigned(cp: u32) -> bool {
    let index = usize::from(run_value(&tables::CATEGORY_RUNS, cp));
    tables::CATEGORY_NAMES.get(index) != Some(&"Cn")
}

/// The one character argument of `func`, with CPython's messages for anything else.
fn char_arg(vm: &Vm, v: &Value, func: &str) -> PyResult<u32> {
    let Some(Payload::Str(s)) = v.payload() else {
        return Err(vm.type_error(format!(
            "{func}() argument must be a unicode character, not {}",
            vm.type_name(v)
        )));
    };
    match (s.char_len(), s.code_point_at(0)) {
        (1, Some(cp)) => Ok(cp),
        (n, _) => Err(vm.type_error(format!(
            "{func}(): argument must be a unicode character, not a string of length {n}"
        ))),
    }
}

/// The character of a one-argument property function.
fn one_char(vm: &Vm, args: &Args, func: &str) -> PyResult<u32> {
    let pos = positional(vm, args, func, func, 1, 1)?;
    char_arg(vm, &pos[0], func)
}

/// A property whose values are named: the name of `cp`'s value.
fn named_property(
    vm: &Vm,
    args: &Args,
    func: &str,
    runs: &[(u32, u8)],
    names: &[&str],
) -> PyResult<Value> {
    let cp = one_char(vm, args, func)?;
    let name = names.get(usize::from(run_value(runs, cp))).copied();
    Ok(vm.new_str(name.unwrap_or("")))
}

fn category(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (runs, names) = (&tables::CATEGORY_RUNS, &tables::CATEGORY_NAMES);
    named_property(vm, &args, "category", runs, names)
}

fn bidirectional(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (runs, names) = (&tables::BIDIRECTIONAL_RUNS, &tables::BIDIRECTIONAL_NAMES);
    named_property(vm, &args, "bidirectional", runs, names)
}

fn east_asian_width(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (runs, names) = (
        &tables::EAST_ASIAN_WIDTH_RUNS,
        &tables::EAST_ASIAN_WIDTH_NAMES,
    );
    named_property(vm, &args, "east_asian_width", runs, names)
}

fn combining(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cp = one_char(vm, &args, "combining")?;
    Ok(Value::Int(i64::from(run_value(
        &tables::COMBINING_RUNS,
        cp,
    ))))
}

fn mirrored(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cp = one_char(vm, &args, "mirrored")?;
    Ok(Value::Int(i64::from(run_value(&tables::MIRRORED_RUNS, cp))))
}

fn decomposition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cp = one_char(vm, &args, "decomposition")?;
    let table = &tables::DECOMPOSITION;
    let found = table.binary_search_by_key(&cp, |&(c, _)| c).ok();
    let text = found.and_then(|i| table.get(i)).map_or("", |&(_, t)| t);
    Ok(vm.new_str(text))
}

/// Which of the numeric values `decimal`, `digit` and `numeric` return.
#[derive(Clone, Copy)]
enum NumericKind {
    Decimal,
    Digit,
    Numeric,
}

/// `decimal`/`digit`/`numeric(chr, default)`: the value, the default, or ValueError.
fn numeric_value(vm: &Vm, args: &Args, func: &str, kind: NumericKind) -> PyResult<Value> {
    let pos = positional(vm, args, func, func, 1, 2)?;
    let cp = char_arg(vm, &pos[0], func)?;
    let table = &tables::NUMERIC;
    let entry = table
        .binary_search_by_key(&cp, |&(c, ..)| c)
        .ok()
        .and_then(|i| table.get(i));
    let value = entry.and_then(|&(_, decimal, digit, numeric)| match kind {
        NumericKind::Decimal if decimal >= 0 => Some(Value::Int(i64::from(decimal))),
        NumericKind::Digit if digit >= 0 => Some(Value::Int(i64::from(digit))),
        NumericKind::Numeric => Some(Value::Float(numeric)),
        _ => None,
    });
    match (value, pos.get(1)) {
        (Some(v), _) => Ok(v),
        (None, Some(default)) => Ok(default.clone()),
        (None, None) => Err(vm.value_error(match kind {
            NumericKind::Decimal => "not a decimal",
            NumericKind::Digit => "not a digit",
            NumericKind::Numeric => "not a numeric character",
        })),
    }
}

fn decimal(vm: &mut Vm, args: Args) -> PyResult<Value> {
    numeric_value(vm, &args, "decimal", NumericKind::Decimal)
}

fn digit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    numeric_value(vm, &args, "digit", NumericKind::Digit)
}

fn numeric(vm: &mut Vm, args: Args) -> PyResult<Value> {
    numeric_value(vm, &args, "numeric", NumericKind::Numeric)
}

/// `name(chr, default)`: only for characters Unicode 16.0.0 assigns.
fn name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = positional(vm, &args, "name", "name", 1, 2)?;
    let cp = char_arg(vm, &pos[0], "name")?;
    let found = char::from_u32(cp)
        .filter(|_| is_assigned(cp))
        .and_then(unicode_names2::name);
    match (found, pos.get(1)) {
        (Some(n), _) => Ok(vm.new_str(&n.to_string())),
        (None, Some(default)) => Ok(default.clone()),
        (None, None) => Err(vm.value_error("no such name")),
    }
}

/// `lookup(name)`: the character (any case), or KeyError.
fn lookup(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = positional(vm, &args, "lookup", "lookup", 1, 1)?;
    let text = match pos[0].payload() {
        Some(Payload::Str(s)) => s.as_str().to_string(),
        _ => match adder_vm::objects::buffer::bytes_like(vm, &pos[0])? {
            Some(b) => String::from_utf8_lossy(&b).into_owned(),
            None => {
                return Err(vm.type_error(format!(
                    "lookup() argument must be str, not {}",
                    vm.type_name(&pos[0])
                )))
            }
        },
    };
    let found = unicode_names2::character(&text).filter(|c| is_assigned(u32::from(*c)));
    match found {
        Some(c) => Ok(vm.new_str(c.encode_utf8(&mut [0; 4]))),
        None => Err(vm.key_error(vm.new_str(&format!("undefined character name '{text}'")))),
    }
}
