//! `str` methods on strings holding lone surrogates.
//!
//! The methods in `str_methods.rs`/`str_search.rs` work on `as_str()`, where each
//! surrogate shows as U+FFFD. Rather than a second copy of each, the wrappers here
//! lend them stand-ins: every surrogate of every operand becomes a private-use
//! character of a 2048-character block (planes 15-16) that no operand contains, the
//! original method runs, and the block's characters in the result turn back into
//! surrogates. Both kinds of character are uncased, non-printable, not digits, spaces
//! nor identifier characters, and map one code point to one, so every answer (indices,
//! counts, predicates, split parts) is the one the surrogates would give. Ordinary
//! strings go straight to the original method after one check of each argument.
//! (`join` carries surrogates itself, in `str_search::join_items`.)

use crate::builtins::add_methods;
use crate::error::PyResult;
use crate::object::Payload;
use crate::objects::function::{Args, NativeFn};
use std::sync::OnceLock;

use crate::objects::dict;
use crate::objects::str::PyStr;
use crate::objects::str_stand_in::{first_free, used_blocks, BLOCK, SURROGATE_FIRST};
use crate::value::Value;
use crate::vm::Vm;

/// Wrap the methods whose answers depend on the exact characters (after
/// `str_methods::install`, whose functions the wrappers call).
pub fn install(vm: &Vm) {
    let str_type = vm.types().str_.clone();
    let Some(namespace) = str_type.dict_obj() else {
        return;
    };
    let mut wrappers = Vec::new();
    for (name, original, wrapper) in WRAPPED {
        let installed = dict::get_str(&namespace, name);
        if let Some(Payload::BuiltinFunction(f)) = installed.as_ref().and_then(|v| v.payload()) {
            // Every interpreter installs the same functions: the first one fills it.
            let _ = original.set(f.func);
            wrappers.push((*name, *wrapper));
        }
    }
    add_methods(vm, &str_type, &wrappers);
}

/// `(name, the original method, its wrapper)`: the wrapper runs the original through
/// [`with_stand_ins`].
type Wrapped = (&'static str, &'static OnceLock<NativeFn>, NativeFn);

macro_rules! wrapped {
    ($($name:literal),* $(,)?) => {
        &[$({
            static ORIGINAL: OnceLock<NativeFn> = OnceLock::new();
            fn wrapper(vm: &mut Vm, args: Args) -> PyResult<Value> {
                match ORIGINAL.get() {
                    Some(method) => with_stand_ins(vm, args, *method),
                    None => Err(vm.system_error(concat!("str.", $name, " is not installed"))),
                }
            }
            ($name, &ORIGINAL, wrapper as NativeFn)
        }),*]
    };
}

const WRAPPED: &[Wrapped] = wrapped![
    "capitalize",
    "casefold",
    "center",
    "count",
    "endswith",
    "expandtabs",
    "find",
    "index",
    "isprintable",
    "ljust",
    "lower",
    "lstrip",
    "partition",
    "removeprefix",
    "removesuffix",
    "replace",
    "rfind",
    "rindex",
    "rjust",
    "rpartition",
    "rsplit",
    "rstrip",
    "split",
    "splitlines",
    "startswith",
    "strip",
    "swapcase",
    "title",
    "upper",
    "zfill",
];

fn str_with_surrogates(v: &Value) -> Option<&PyStr> {
    match v.payload() {
        Some(Payload::Str(s)) if s.has_surrogates() => Some(s),
        _ => None,
    }
}

/// Whether any of `values` is a str with surrogates (directly, or in a tuple:
/// `startswith`).
fn any_surrogates(values: &[Value]) -> bool {
    values.iter().any(|v| match v.payload() {
        Some(Payload::Tuple(items)) => items.iter().any(|i| str_with_surrogates(i).is_some()),
        _ => str_with_surrogates(v).is_some(),
    })
}

/// The first stand-in block none of `values`' strs use, if any.
fn free_block(values: &[Value]) -> Option<u32> {
    let mut used = 0u64;
    let mut note = |s: &PyStr| used |= used_blocks(s.as_str());
    for v in values {
        match v.payload() {
            Some(Payload::Str(s)) => note(s),
            Some(Payload::Tuple(items)) => items.iter().filter_map(|i| i.payload()).for_each(|p| {
                if let Payload::Str(s) = p {
                    note(s)
                }
            }),
            _ => {}
        }
    }
    first_free(used)
}

/// `s` with each surrogate replaced by its stand-in in the block at `base`.
fn lend(vm: &Vm, v: &Value, base: u32) -> Value {
    let swap = |s: &PyStr| {
        let points = s.code_points().map(|cp| match cp {
            0xD800..=0xDFFF => cp - SURROGATE_FIRST + base,
            _ => cp,
        });
        vm.new_str_obj(PyStr::from_code_points(points))
    };
    match v.payload() {
        Some(Payload::Str(s)) if s.has_surrogates() => swap(s),
        Some(Payload::Tuple(items)) if items.iter().any(|i| str_with_surrogates(i).is_some()) => {
            vm.new_tuple(items.iter().map(|i| lend(vm, i, base)).collect())
        }
        _ => v.clone(),
    }
}

/// A method's result with the stand-ins of the block at `base` turned back.
fn take_back(vm: &Vm, v: Value, base: u32) -> Value {
    let block = base..base + BLOCK;
    match v.payload() {
        Some(Payload::Str(s)) if s.as_str().chars().any(|c| block.contains(&(c as u32))) => {
            let points = s.code_points().map(|cp| match cp {
                _ if block.contains(&cp) => cp - base + SURROGATE_FIRST,
                _ => cp,
            });
            vm.new_str_obj(PyStr::from_code_points(points))
        }
        Some(Payload::List(items)) => {
            let items = items.borrow().clone();
            vm.new_list(items.into_iter().map(|i| take_back(vm, i, base)).collect())
        }
        Some(Payload::Tuple(items)) => vm.new_tuple(
            items
                .iter()
                .map(|i| take_back(vm, i.clone(), base))
                .collect(),
        ),
        _ => v,
    }
}

/// Run `method` on stand-ins when an argument holds surrogates (see the module doc).
fn with_stand_ins(vm: &mut Vm, args: Args, method: NativeFn) -> PyResult<Value> {
    if !any_surrogates(args.values) {
        return method(vm, args);
    }
    // All 64 blocks in use would take 128Ki distinct private-use characters in the
    // operands: then the method sees U+FFFD, as everywhere else.
    let Some(base) = free_block(args.values) else {
        return method(vm, args);
    };
    let lent: Vec<Value> = args.values.iter().map(|v| lend(vm, v, base)).collect();
    let result = method(
        vm,
        Args {
            values: &lent,
            kwnames: args.kwnames,
        },
    )?;
    Ok(take_back(vm, result, base))
}
