//! `typing.TypeAliasType`: what `type A[T] = list[T]` makes, and
//! `TypeAliasType('A', int)`. The value is computed on first read of `__value__`;
//! a generic alias subscripts to a `types.GenericAlias`; `A | B` makes a union.
//!
//! The alias's `__module__` lives in its instance dict (CPython keeps it in a struct
//! field behind a settable getset; a dict entry reads and writes the same way while
//! the type's own `__module__` stays `'typing'`).

use crate::error::PyResult;
use crate::native_module::NativeObject;
use crate::object::ObjRef;
use crate::objects::function::Args;
use crate::objects::generic_alias::new_generic_alias;
use crate::objects::typevar_args::Signature;
use crate::objects::typevar_lazy::Lazy;
use crate::objects::typevar_types::{
    caller_module, native_type, new_with_dict, receiver, type_param_default, typing_types,
    unpack_iter, unpack_typevartuples,
};
use crate::value::Value;
use crate::vm::Vm;

pub struct TypeAlias {
    pub name: Value,
    /// A non-empty tuple, or `Null` for a non-generic alias.
    pub type_params: Value,
    pub value: Lazy,
}

impl NativeObject for TypeAlias {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.name);
        visit(&self.type_params);
        self.value.visit(visit);
    }
}

/// Whether `v` is a `TypeAliasType` (which `|` accepts like a class).
pub fn is_type_alias(v: &Value) -> bool {
    v.native::<TypeAlias>().is_some()
}

pub fn make_type(vm: &Vm) -> ObjRef {
    native_type(
        vm,
        "TypeAliasType",
        Some(typealias_new),
        &[
            ("__repr__", typealias_repr),
            ("__iter__", unpack_iter),
            ("__or__", typealias_or),
            ("__ror__", typealias_ror),
            ("__getitem__", typealias_getitem),
            ("__reduce__", typealias_reduce),
            ("__setattr__", typealias_setattr),
            ("__delattr__", typealias_setattr),
        ],
        &[
            ("__name__", typealias_name),
            ("__parameters__", typealias_parameters),
            ("__type_params__", typealias_type_params),
            ("__value__", typealias_value),
            ("evaluate_value", typealias_evaluate_value),
        ],
    )
}

/// `INTRINSIC_TYPEALIAS((name, type_params or None, compute_value))`.
pub fn from_syntax(vm: &mut Vm, triple: &Value) -> PyResult<Value> {
    let Some([name, type_params, compute_value]) = triple
        .as_obj()
        .and_then(|o| o.as_tuple())
        .and_then(|t| <&[Value; 3]>::try_from(t).ok())
        .cloned()
    else {
        return Err(vm.system_error("INTRINSIC_TYPEALIAS expects a 3-tuple"));
    };
    let empty = type_params
        .as_obj()
        .and_then(|o| o.as_tuple())
        .is_none_or(|t| t.is_empty());
    let alias = TypeAlias {
        name,
        type_params: if empty { Value::Null } else { type_params },
        value: Lazy::deferred(Some(compute_value.clone())),
    };
    let module = vm
        .get_attr_str(&compute_value, "__module__")
        .unwrap_or(Value::None);
    new_alias(vm, alias, module)
}

fn new_alias(vm: &mut Vm, alias: TypeAlias, module: Value) -> PyResult<Value> {
    let obj = new_with_dict(vm, &typing_types(vm).typealias, alias);
    if let Some(d) = obj.as_obj().and_then(|o| o.dict_obj()) {
        crate::objects::dict::set_str(vm, &d, "__module__", module);
    }
    Ok(obj)
}

/// The attributes computed by getters, which refuse assignment.
const GETTERS: &[&str] = &[
    "__module__",
    "__parameters__",
    "__type_params__",
    "__value__",
    "evaluate_value",
];

/// `setattr`/`delattr` on an alias: every attribute is read-only, with CPython's
/// message for each kind.
fn typealias_setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args)?;
    let (Some(me), Some(name_value)) = (args.pos().first(), args.pos().get(1)) else {
        return Err(vm.type_error("expected an attribute name"));
    };
    let name = crate::protocol::attr::name_str(name_value).to_string();
    let owner = "typing.TypeAliasType";
    let message = if name == "__name__" {
        "readonly attribute".to_string()
    } else if GETTERS.contains(&name.as_str()) {
        format!("attribute '{name}' of '{owner}' objects is not writable")
    } else if vm.type_lookup(&typing_types(vm).typealias, &name).is_some() {
        format!("'{owner}' object attribute '{name}' is read-only")
    } else {
        format!(
            "'{owner}' object has no attribute '{name}' and no __dict__ for setting new attributes"
        )
    };
    Err(vm.attribute_error(message, me, name_value))
}

const SIGNATURE: Signature = Signature {
    name: "typealias",
    positional: &["name", "value"],
    required: 2,
    collects_rest: false,
    keywords: &["type_params"],
};

/// `TypeAliasType(name, value, *, type_params=())`.
fn typealias_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let bound = SIGNATURE.bind_new(vm, &args)?;
    let name = SIGNATURE.str_arg(vm, &bound, 0)?;
    let value = bound.get(1).cloned().unwrap_or(Value::None);
    let type_params = match bound.get(2).cloned() {
        None => Value::Null,
        Some(tp) => match tp.as_obj().and_then(|o| o.as_tuple()) {
            Some(items) => {
                check_type_params(vm, items)?;
                if items.is_empty() {
                    Value::Null
                } else {
                    tp.clone()
                }
            }
            None => return Err(vm.type_error("type_params must be a tuple")),
        },
    };
    let module = caller_module(vm)?;
    let alias = TypeAlias {
        name,
        type_params,
        value: Lazy::given(Some(value)),
    };
    new_alias(vm, alias, module)
}

/// Every item is a type parameter, and none without a default follows one with.
fn check_type_params(vm: &mut Vm, params: &[Value]) -> PyResult<()> {
    let mut default_seen = false;
    for param in params {
        let Some(default) = type_param_default(param) else {
            let shown = vm.repr(param)?;
            return Err(vm.type_error(format!("Expected a type param, got {shown}")));
        };
        let no_default = typing_types(vm).no_default.clone();
        let value = default.get(vm, |_| no_default.clone())?;
        if !value.is(&no_default) {
            default_seen = true;
        } else if default_seen {
            let shown = vm.repr(param)?;
            return Err(vm.type_error(format!(
                "non-default type parameter '{shown}' follows default type parameter"
            )));
        }
    }
    Ok(())
}

fn this<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a TypeAlias> {
    receiver::<TypeAlias>(vm, args, "typing.TypeAliasType")
}

fn typealias_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(this(vm, &args)?.name.clone())
}

fn typealias_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(this(vm, &args)?.name.clone())
}

fn typealias_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    typealias_name(vm, args)
}

fn typealias_value(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args)?.value.get(vm, |_| Value::None)
}

fn typealias_evaluate_value(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(this(vm, &args)?.value.evaluator(vm))
}

fn typealias_type_params(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let params = this(vm, &args)?.type_params.clone();
    Ok(if params.is_null() {
        vm.new_tuple(Vec::new())
    } else {
        params
    })
}

fn typealias_parameters(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let params = this(vm, &args)?.type_params.clone();
    if params.is_null() {
        return Ok(vm.new_tuple(Vec::new()));
    }
    unpack_typevartuples(vm, &params)
}

/// `A[int]`: a `types.GenericAlias` of a generic alias.
fn typealias_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let alias = this(vm, &args)?;
    let [me, item] = args.pos() else {
        return Err(vm.type_error("expected 1 argument"));
    };
    if alias.type_params.is_null() {
        return Err(vm.type_error("Only generic type aliases are subscriptable"));
    }
    Ok(new_generic_alias(vm, me.clone(), item.clone()))
}

/// `A | B` (CPython's `_Py_union_type_or`): NotImplemented unless both are hints.
fn typealias_or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    union_or(vm, args, false)
}

fn typealias_ror(vm: &mut Vm, args: Args) -> PyResult<Value> {
    union_or(vm, args, true)
}

fn union_or(vm: &mut Vm, args: Args, reflected: bool) -> PyResult<Value> {
    let [me, other] = args.pos() else {
        return Err(vm.type_error("expected 1 argument"));
    };
    let (a, b) = if reflected { (other, me) } else { (me, other) };
    let result = crate::objects::union_type::or(vm, a, b)?;
    Ok(result.unwrap_or_else(|| vm.types().not_implemented.clone()))
}
