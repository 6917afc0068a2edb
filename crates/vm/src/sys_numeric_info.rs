//! `sys.float_info` and `sys.int_info`: CPython's struct sequences describing the
//! number formats (`statistics`, `fractions`, `ast.unparse`, `json` read them).
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
    struct_sequence(vm, "float_info", &fields)
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
    struct_sequence(vm, "int_info", &fields)
}

/// The one instance of a new struct-sequence class `sys.<name>` holding `fields`.
fn struct_sequence(vm: &mut Vm, name: &str, fields: &[(&str, Value)]) -> PyResult<Value> {
    let ns = vm.new_dict();
    dict::set_str(vm, &ns, "__module__", vm.new_str("sys"));
    let names: Vec<Value> = fields.iter().map(|(n, _)| vm.new_str(n)).collect();
    dict::set_str(vm, &ns, "__match_args__", vm.new_tuple(names));
    let count = Value::Int(fields.len() as i64);
    for key in ["n_sequence_fields", "n_fields"] {
        dict::set_str(vm, &ns, key, count.clone());
    }
    dict::set_str(vm, &ns, "n_unnamed_fields", Value::Int(0));
    let meta = vm.types().type_.clone();
    let bases = vec![Value::Obj(vm.types().tuple.clone())];
    let cls = crate::objects::type_call::new_class(vm, &meta, name, bases, ns)?;
    add_methods(vm, &cls, &[("__repr__", struct_sequence_repr)]);
    let by_name = vm.new_dict();
    for (field, value) in fields {
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
