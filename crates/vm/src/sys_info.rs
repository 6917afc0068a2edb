//! The struct sequences of `sys`: `version_info`, `flags`, `float_info`, `int_info`,
//! `hash_info` (`statistics`, `fractions`, `ast.unparse`, `json`, `platform` read them).
//!
//! Built natively (a `tuple` subclass named `sys.<name>` whose instance carries each
//! field by name in its `__dict__`) rather than through the Python struct-sequence
//! factory of the stdlib crate: these exist at start-up, where compiling the factory
//! would cost every program's start time.

use crate::builtins::add_methods;
use crate::error::PyResult;
use crate::object::{ObjRef, Payload, PyObject};
use crate::objects::dict;
use crate::objects::function::Args;
use crate::value::Value;
use crate::vm::Vm;

/// `sys.float_info`: the IEEE 754 binary64 parameters (C's `<float.h>` values).
pub fn float_info(vm: &mut Vm) -> PyResult<Value> {
    let fields = [
        ("max", Value::Float(f64::MAX)),
        ("max_exp", Value::Int(i64::from(f64::MAX_EXP))),
        ("max_10_exp", Value::Int(i64::from(f64::MAX_10_EXP))),
        ("min", Value::Float(f64::MIN_POSITIVE)),
        ("min_exp", Value::Int(i64::from(f64::MIN_EXP))),
        ("min_10_exp", Value::Int(i64::from(f64::MIN_10_EXP))),
        ("dig", Value::Int(i64::from(f64::DIGITS))),
        ("mant_dig", Value::Int(i64::from(f64::MANTISSA_DIGITS))),
        ("epsilon", Value::Float(f64::EPSILON)),
        ("radix", Value::Int(i64::from(f64::RADIX))),
        // FLT_ROUNDS: round to nearest.
        ("rounds", Value::Int(1)),
    ];
    struct_sequence(vm, "float_info", &fields, &[], Instances::Allowed)
}

/// `sys.int_info`: CPython's digit layout (adder's big ints differ inside, but
/// programs read these to size things) and the int/str conversion limits.
pub fn int_info(vm: &mut Vm) -> PyResult<Value> {
    let fields = [
        ("bits_per_digit", Value::Int(30)),
        ("sizeof_digit", Value::Int(4)),
        ("default_max_str_digits", Value::Int(4300)),
        ("str_digits_check_threshold", Value::Int(640)),
    ];
    struct_sequence(vm, "int_info", &fields, &[], Instances::Allowed)
}

/// `sys.version_info`.
pub fn version_info(vm: &mut Vm) -> PyResult<Value> {
    let (major, minor, micro) = crate::sys::VERSION;
    let fields = [
        ("major", Value::Int(major)),
        ("minor", Value::Int(minor)),
        ("micro", Value::Int(micro)),
        ("releaselevel", vm.new_str("final")),
        ("serial", Value::Int(0)),
    ];
    struct_sequence(vm, "version_info", &fields, &[], Instances::Refused)
}

/// `sys.hash_info`: the parameters of the hashing adder implements as CPython does
/// (modular numeric hashes, SipHash-1-3 for str and bytes).
pub fn hash_info(vm: &mut Vm) -> PyResult<Value> {
    let fields = [
        ("width", Value::Int(64)),
        ("modulus", Value::Int((1 << 61) - 1)),
        ("inf", Value::Int(314_159)),
        ("nan", Value::Int(0)),
        ("imag", Value::Int(1_000_003)),
        ("algorithm", vm.new_str("siphash13")),
        ("hash_bits", Value::Int(64)),
        ("seed_bits", Value::Int(128)),
        ("cutoff", Value::Int(0)),
    ];
    struct_sequence(vm, "hash_info", &fields, &[], Instances::Allowed)
}

/// `sys.flags`: the command-line and environment settings adder runs with. The last
/// three (`gil`, `thread_inherit_context`, `context_aware_warnings`) are attributes
/// only, as in CPython 3.14, outside the tuple.
pub fn flags(vm: &mut Vm, dont_write_bytecode: bool) -> PyResult<Value> {
    let ignore_environment = vm.interp.config.ignore_environment;
    // String hashes are randomised unless PYTHONHASHSEED=0 fixes them.
    let fixed_hashes =
        !ignore_environment && std::env::var("PYTHONHASHSEED").is_ok_and(|s| s.trim() == "0");
    let fields = [
        ("debug", Value::Int(0)),
        ("inspect", Value::Int(0)),
        ("interactive", Value::Int(0)),
        ("optimize", Value::Int(0)),
        (
            "dont_write_bytecode",
            Value::Int(i64::from(dont_write_bytecode)),
        ),
        ("no_user_site", Value::Int(0)),
        ("no_site", Value::Int(0)),
        (
            "ignore_environment",
            Value::Int(i64::from(ignore_environment)),
        ),
        ("verbose", Value::Int(0)),
        ("bytes_warning", Value::Int(0)),
        ("quiet", Value::Int(0)),
        ("hash_randomization", Value::Int(i64::from(!fixed_hashes))),
        ("isolated", Value::Int(0)),
        ("dev_mode", Value::Bool(false)),
        ("utf8_mode", Value::Int(0)),
        ("warn_default_encoding", Value::Int(0)),
        ("safe_path", Value::Bool(false)),
        ("int_max_str_digits", Value::Int(4300)),
    ];
    let extra = [
        ("gil", Value::Int(1)),
        ("thread_inherit_context", Value::Int(0)),
        ("context_aware_warnings", Value::Int(0)),
    ];
    struct_sequence(vm, "flags", &fields, &extra, Instances::Refused)
}

/// Whether Python code may make more instances of a struct sequence class: CPython's
/// `sys.version_info` and `sys.flags` classes refuse.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Instances {
    Allowed,
    Refused,
}

/// The one instance of a new struct-sequence class `sys.<name>` holding `fields` (the
/// tuple) and `extra` (attributes only).
fn struct_sequence(
    vm: &mut Vm,
    name: &str,
    fields: &[(&str, Value)],
    extra: &[(&str, Value)],
    instances: Instances,
) -> PyResult<Value> {
    let ns = vm.new_dict();
    dict::set_str(vm, &ns, "__module__", vm.new_str("sys"));
    let names: Vec<Value> = fields.iter().map(|(n, _)| vm.new_str(n)).collect();
    dict::set_str(vm, &ns, "__match_args__", vm.new_tuple(names));
    let n_sequence = Value::Int(fields.len() as i64);
    dict::set_str(vm, &ns, "n_sequence_fields", n_sequence);
    let n_fields = Value::Int((fields.len() + extra.len()) as i64);
    dict::set_str(vm, &ns, "n_fields", n_fields);
    dict::set_str(vm, &ns, "n_unnamed_fields", Value::Int(0));
    let meta = vm.types().type_.clone();
    let bases = vec![Value::Obj(vm.types().tuple.clone())];
    let cls = crate::objects::type_call::new_class(vm, &meta, name, bases, ns)?;
    add_methods(
        vm,
        &cls,
        &[
            ("__repr__", struct_sequence_repr),
            ("__setattr__", refuse_setattr),
        ],
    );
    if instances == Instances::Refused {
        add_methods(vm, &cls, &[("__new__", refuse_new_instance)]);
    }
    let by_name = vm.new_dict();
    for (field, value) in fields.iter().chain(extra) {
        dict::set_str(vm, &by_name, field, value.clone());
    }
    let values: Vec<Value> = fields.iter().map(|(_, v)| v.clone()).collect();
    Ok(Value::obj(PyObject::with_dict(
        cls,
        Payload::Tuple(values.into_boxed_slice()),
        by_name,
    )))
}

/// `repr()`: `sys.float_info(max=..., ...)`, the field names from `__match_args__`.
fn struct_sequence_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Obj(this)) = args.pos().first() else {
        return Err(vm.type_error("__repr__ needs a struct sequence"));
    };
    let Payload::Tuple(values) = &this.payload else {
        return Err(vm.type_error("__repr__ needs a struct sequence"));
    };
    let cls: ObjRef = vm.class_of(this);
    let type_name = vm.get_attr_str(&Value::Obj(cls.clone()), "__name__")?;
    let names = vm.get_attr_str(&Value::Obj(cls), "__match_args__")?;
    let names = match names.payload() {
        Some(Payload::Tuple(n)) => n.clone(),
        _ => return Err(vm.type_error("struct sequence without field names")),
    };
    let mut text = format!("sys.{}(", vm.to_str(&type_name)?);
    for (i, (name, value)) in names.iter().zip(values.iter()).enumerate() {
        if i > 0 {
            text.push_str(", ");
        }
        text.push_str(&vm.to_str(name)?);
        text.push('=');
        text.push_str(&vm.repr(value)?);
    }
    text.push(')');
    Ok(vm.new_str(&text))
}

/// `__new__` of the classes whose one instance `sys` holds.
fn refuse_new_instance(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = match args.pos().first() {
        Some(cls) => vm.type_name_of(cls),
        None => String::new(),
    };
    Err(vm.type_error(format!("cannot create 'sys.{name}' instances")))
}

/// `__setattr__`: the fields are read-only and there is no room for new attributes
/// (CPython's instances have no `__dict__`; adder's keeps the fields by name).
fn refuse_setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(Value::Obj(this)), Some(name_value)) = (args.pos().first(), args.pos().get(1)) else {
        return Err(vm.type_error("__setattr__ expected 2 arguments"));
    };
    let name = crate::protocol::attr::name_str(name_value).to_string();
    let is_field = this
        .dict_obj()
        .is_some_and(|d| dict::get_str(&d, &name).is_some());
    if is_field {
        return Err(vm.attribute_error("readonly attribute", &Value::None, &Value::None));
    }
    let class_name = vm.type_name(&Value::Obj(this.clone()));
    Err(vm.attribute_error(
        format!("'sys.{class_name}' object has no attribute '{name}' and no __dict__ for setting new attributes"),
        &Value::Obj(this.clone()),
        name_value,
    ))
}
