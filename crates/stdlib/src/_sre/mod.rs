//! The `_sre` module: the regular expression engine under CPython's pure-Python `re`
//! package (CPython's `Modules/_sre/`). `re._compiler` turns a pattern into a list of
//! code words and hands it to [`compile`]; the resulting `re.Pattern` runs them on
//! str or bytes-like subjects with the engine in `engine.rs`.
//!
//! Files: `constants` (opcodes), `chars`/`charset`/`unit` (character tests),
//! `program` (code + set tables), `state`/`engine`/`control`/`repeat`/`search`
//! (matching), `validate` (code checks),
//! `subject` (str/bytes units), and the Python types `pattern` (+ `pattern_sub`),
//! `match_obj`, `scanner`, `template`.

mod chars;
mod charset;
mod constants;
mod control;
mod engine;
mod match_obj;
mod pattern;
mod pattern_sub;
mod program;
mod repeat;
mod scanner;
mod search;
mod state;
mod subject;
mod template;
mod unit;
mod validate;

use std::rc::Rc;

use adder_vm::native_module::{add_functions, add_values, new_native_type, NativeTypeSpec};
use adder_vm::object::ObjRef;
use adder_vm::objects::function::{Args, NativeFn};
use adder_vm::{PyErr, PyResult, Value, Vm};

use crate::args::c_int_arg;
use crate::arity;
use constants::*;

/// The types this module's functions create (CPython's module state).
pub(crate) struct SreTypes {
    pub pattern: ObjRef,
    pub match_: ObjRef,
    pub scanner: ObjRef,
    pub template: ObjRef,
}

pub(crate) fn types(vm: &Vm) -> PyResult<Rc<SreTypes>> {
    vm.native_state::<SreTypes>()
        .ok_or_else(|| vm.system_error("_sre is not initialised"))
}

/// The error for an engine failure other than "no match".
pub(crate) fn engine_error(vm: &Vm, e: engine::SreError) -> PyErr {
    match e {
        engine::SreError::Interrupted => vm.take_interrupt(),
        engine::SreError::Illegal => {
            vm.runtime_error("internal error in regular expression engine")
        }
    }
}

fn new_type(
    vm: &Vm,
    name: &'static str,
    module: &'static str,
    new: NativeFn,
    methods: &[(&'static str, NativeFn)],
) -> ObjRef {
    new_native_type(
        vm,
        NativeTypeSpec {
            name,
            module,
            base: None,
            new: Some(new),
            init: None,
            methods,
            subclassable: false,
        },
    )
}

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    let pattern = new_type(vm, "Pattern", "re", no_new_pattern, pattern::METHODS);
    pattern::add_attributes(vm, &pattern);
    let match_ = new_type(vm, "Match", "re", no_new_match, match_obj::METHODS);
    match_obj::add_attributes(vm, &match_);
    let scanner = new_type(vm, "SRE_Scanner", "_sre", no_new_scanner, scanner::METHODS);
    scanner::add_attributes(vm, &scanner);
    let template = new_type(vm, "SRE_Template", "_sre", no_new_template, &[]);
    add_functions(
        vm,
        module,
        &[
            ("compile", pattern::compile),
            ("template", template::template),
            ("getcodesize", getcodesize),
            ("ascii_iscased", ascii_iscased),
            ("unicode_iscased", unicode_iscased),
            ("ascii_tolower", ascii_tolower),
            ("unicode_tolower", unicode_tolower),
        ],
    );
    add_values(
        vm,
        module,
        &[
            ("MAGIC", Value::Int(MAGIC)),
            ("CODESIZE", Value::Int(CODESIZE)),
            ("MAXREPEAT", Value::Int(MAXREPEAT as i64)),
            ("MAXGROUPS", Value::Int(MAXGROUPS)),
            (
                "copyright",
                vm.new_str(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "),
            ),
        ],
    );
    vm.set_native_state(SreTypes {
        pattern,
        match_,
        scanner,
        template,
    });
    Ok(())
}

/// These types cannot be instantiated from Python (CPython's
/// `Py_TPFLAGS_DISALLOW_INSTANTIATION`); the message names them as CPython does.
fn no_new(vm: &Vm, full_name: &str) -> PyResult<Value> {
    Err(vm.type_error(format!("cannot create '{full_name}' instances")))
}

fn no_new_pattern(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    no_new(vm, "re.Pattern")
}

fn no_new_match(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    no_new(vm, "re.Match")
}

fn no_new_scanner(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    no_new(vm, "_sre.SRE_Scanner")
}

fn no_new_template(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    no_new(vm, "_sre.SRE_Template")
}

/// `__copy__()` and `__deepcopy__(memo)` of the immutable pattern and match objects:
/// the object itself. `T` is the receiver's Rust type, `type_name` its name.
pub(crate) fn copy_self<T: adder_vm::native_module::NativeObject>(
    vm: &Vm,
    args: &Args,
    name: &str,
    type_name: &str,
) -> PyResult<Value> {
    vm.native_self::<T>(args, name, type_name)?;
    let memo = usize::from(name == "__deepcopy__");
    arity::check_count(
        vm,
        crate::native_util::after_receiver(args).pos(),
        name,
        memo,
        memo,
    )?;
    Ok(crate::native_util::receiver_value(args))
}

fn getcodesize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity::positional(vm, &args, "getcodesize", "getcodesize", 0, 0)?;
    Ok(Value::Int(CODESIZE))
}

/// The one C `int` argument of the character helpers, as a code point.
fn character(vm: &mut Vm, args: &Args, name: &str) -> PyResult<u32> {
    let v = arity::one(vm, args, name)?;
    Ok(c_int_arg(vm, v)? as u32)
}

fn ascii_iscased(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = character(vm, &args, "ascii_iscased")?;
    Ok(Value::Bool(c < 128 && (c as u8).is_ascii_alphabetic()))
}

fn unicode_iscased(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = character(vm, &args, "unicode_iscased")?;
    Ok(Value::Bool(
        c != chars::lower_unicode(c) || c != chars::upper_unicode(c),
    ))
}

fn ascii_tolower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = character(vm, &args, "ascii_tolower")?;
    Ok(Value::Int(chars::lower_ascii(c) as i32 as i64))
}

fn unicode_tolower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = character(vm, &args, "unicode_tolower")?;
    Ok(Value::Int(chars::lower_unicode(c) as i32 as i64))
}
