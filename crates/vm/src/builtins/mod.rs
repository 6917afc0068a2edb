//! The `builtins` module (CPython's `Python/bltinmodule.c`).

mod compile;
mod functions;
mod introspection;

pub use introspection::attribute_names;
mod text;

use crate::object::{ObjRef, Payload, PyObject};
use crate::objects::dict;
use crate::objects::function::{BuiltinFunction, NativeFn};
use crate::value::Value;
use crate::vm::Vm;

/// A built-in function object.
pub fn new_builtin(vm: &Vm, name: &'static str, func: NativeFn, owner: Option<ObjRef>) -> Value {
    Value::obj(PyObject::new(
        vm.types().builtin_function.clone(),
        Payload::BuiltinFunction(BuiltinFunction {
            name,
            func,
            owner,
            module: None,
        }),
    ))
}

/// Add methods to a built-in type's namespace.
pub fn add_methods(vm: &Vm, ty: &ObjRef, methods: &[(&'static str, NativeFn)]) {
    if let Some(d) = ty.dict_obj() {
        for (name, f) in methods {
            let v = new_builtin(vm, name, *f, Some(ty.clone()));
            dict::set_str(vm, &d, name, v);
        }
    }
}

/// The types CPython's `builtins` module exposes by name (others, such as
/// `function` or `list_iterator`, are reachable only through `type(...)`).
const BUILTIN_TYPE_NAMES: &[&str] = &[
    "bool",
    "bytearray",
    "bytes",
    "classmethod",
    "complex",
    "dict",
    "enumerate",
    "filter",
    "float",
    "frozenset",
    "int",
    "list",
    "map",
    "memoryview",
    "object",
    "property",
    "range",
    "reversed",
    "set",
    "slice",
    "staticmethod",
    "str",
    "super",
    "tuple",
    "type",
    "zip",
];

/// Fill the builtins namespace: types, exceptions, constants and functions.
pub fn populate(vm: &Vm, ns: &ObjRef) {
    let t = vm.types();
    for (name, ty) in t.all() {
        if BUILTIN_TYPE_NAMES.contains(&name) {
            dict::set_str(vm, ns, name, Value::Obj(ty.clone()));
        }
    }
    for (name, ty) in t.exc.all() {
        dict::set_str(vm, ns, name, Value::Obj(ty.clone()));
    }
    // Aliases kept since Python 3.3 merged them into OSError.
    for alias in ["EnvironmentError", "IOError"] {
        dict::set_str(vm, ns, alias, Value::Obj(t.exc.os_error.clone()));
    }
    dict::set_str(vm, ns, "None", Value::None);
    dict::set_str(vm, ns, "True", Value::Bool(true));
    dict::set_str(vm, ns, "False", Value::Bool(false));
    dict::set_str(vm, ns, "NotImplemented", t.not_implemented.clone());
    dict::set_str(vm, ns, "Ellipsis", t.ellipsis.clone());
    dict::set_str(vm, ns, "__name__", vm.new_str("builtins"));
    for (name, f) in functions::FUNCTIONS.iter().chain(compile::FUNCTIONS) {
        dict::set_str(vm, ns, name, new_builtin(vm, name, *f, None));
    }
    crate::objects::methods::install(vm);
    crate::objects::generator::install(vm);
    crate::objects::frame::install(vm);
    crate::objects::descriptors::install(vm);
    crate::objects::object_methods::install(vm);
    crate::objects::exception_methods::install(vm);
    crate::objects::object_protocols::install(vm);
    crate::objects::generic_alias::install(vm);
    crate::objects::union_type::install(vm);
    crate::objects::mappingproxy::install(vm);
    crate::objects::module::install(vm);
    crate::objects::type_subclasses::install(vm);
    // Last: these turn the dunders installed above into slot wrappers.
    crate::objects::slot_wrapper::install(vm);
    crate::objects::getset::install(vm);
}
