//! `typing.TypeVarTuple` (`*Ts` in a type parameter list, `TypeVarTuple('Ts')`):
//! shown by its bare name; `*Ts` unpacks to `typing.Unpack[Ts]`.

use crate::error::PyResult;
use crate::native_module::NativeObject;
use crate::object::ObjRef;
use crate::objects::function::Args;
use crate::objects::typevar_args::Signature;
use crate::objects::typevar_lazy::Lazy;
use crate::objects::typevar_types::{
    call_typing, default_arg, native_type, new_type_param, new_with_dict, receiver, typing_types,
    unpack_iter,
};
use crate::value::Value;
use crate::vm::Vm;

pub struct TypeVarTuple {
    pub name: Value,
    pub default: Lazy,
}

impl NativeObject for TypeVarTuple {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.name);
        self.default.visit(visit);
    }
}

/// Whether `v` is a `TypeVarTuple`.
pub fn is_typevartuple(v: &Value) -> bool {
    v.native::<TypeVarTuple>().is_some()
}

pub fn make_type(vm: &Vm) -> ObjRef {
    native_type(
        vm,
        "TypeVarTuple",
        Some(typevartuple_new),
        &[
            ("__repr__", typevartuple_repr),
            ("__iter__", unpack_iter),
            ("__typing_subst__", typevartuple_subst),
            ("__typing_prepare_subst__", typevartuple_prepare_subst),
            ("__reduce__", typevartuple_reduce),
            ("has_default", typevartuple_has_default),
            ("__mro_entries__", typevartuple_mro_entries),
        ],
        &[
            ("__name__", typevartuple_name),
            ("__default__", typevartuple_default),
            ("evaluate_default", typevartuple_evaluate_default),
        ],
    )
}

/// `INTRINSIC_TYPEVARTUPLE`: `*Ts` in a type parameter list.
pub fn from_syntax(vm: &Vm, name: Value) -> Value {
    let tvt = TypeVarTuple {
        name,
        default: Lazy::deferred(None),
    };
    new_with_dict(vm, &typing_types(vm).typevartuple, tvt)
}

const SIGNATURE: Signature = Signature {
    name: "typevartuple",
    positional: &["name"],
    required: 1,
    collects_rest: false,
    keywords: &["default"],
};

/// `TypeVarTuple(name, *, default=NoDefault)`.
fn typevartuple_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let bound = SIGNATURE.bind_new(vm, &args)?;
    let name = SIGNATURE.str_arg(vm, &bound, 0)?;
    let tvt = TypeVarTuple {
        name,
        default: default_arg(vm, &bound, 1),
    };
    let cls = typing_types(vm).typevartuple.clone();
    new_type_param(vm, &cls, tvt)
}

fn this<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a TypeVarTuple> {
    receiver::<TypeVarTuple>(vm, args, "typing.TypeVarTuple")
}

fn typevartuple_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(this(vm, &args)?.name.clone())
}

fn typevartuple_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(this(vm, &args)?.name.clone())
}

fn typevartuple_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    typevartuple_name(vm, args)
}

fn typevartuple_default(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args)?
        .default
        .get(vm, |vm| typing_types(vm).no_default.clone())
}

fn typevartuple_evaluate_default(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(this(vm, &args)?.default.evaluator(vm))
}

fn typevartuple_has_default(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(this(vm, &args)?.default.is_present(vm)))
}

fn typevartuple_subst(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(vm.type_error("Substitution of bare TypeVarTuple is not supported"))
}

fn typevartuple_prepare_subst(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args)?;
    match args.pos() {
        [me, alias, given] => call_typing(
            vm,
            "_typevartuple_prepare_subst",
            &[me.clone(), alias.clone(), given.clone()],
        ),
        _ => Err(vm.type_error("__typing_prepare_subst__ expected 2 arguments")),
    }
}

fn typevartuple_mro_entries(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(vm.type_error("Cannot subclass an instance of TypeVarTuple"))
}
