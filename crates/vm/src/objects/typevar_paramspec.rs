//! `typing.ParamSpec` (`**P` in a type parameter list, `ParamSpec('P')`) and the
//! `P.args` / `P.kwargs` objects (`typing.ParamSpecArgs` / `ParamSpecKwargs`).

use std::rc::Rc;

use crate::error::PyResult;
use crate::native_module::NativeObject;
use crate::object::ObjRef;
use crate::objects::function::Args;
use crate::objects::typevar::{Variance, VARIANT_KEYWORDS};
use crate::objects::typevar_args::Signature;
use crate::objects::typevar_lazy::Lazy;
use crate::objects::typevar_types::{
    call_typing, default_arg, native_type, new_type_param, new_with_dict, or, receiver, ror,
    type_check, typing_types,
};
use crate::value::Value;
use crate::vm::Vm;

pub struct ParamSpec {
    pub name: Value,
    /// `Null` when there is none.
    pub bound: Value,
    pub default: Lazy,
    pub variance: Variance,
}

impl NativeObject for ParamSpec {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.name);
        visit(&self.bound);
        self.default.visit(visit);
    }
}

pub fn make_type(vm: &Vm) -> ObjRef {
    native_type(
        vm,
        "ParamSpec",
        Some(paramspec_new),
        &[
            ("__repr__", paramspec_repr),
            ("__or__", or),
            ("__ror__", ror),
            ("__typing_subst__", paramspec_subst),
            ("__typing_prepare_subst__", paramspec_prepare_subst),
            ("has_default", paramspec_has_default),
            ("__reduce__", paramspec_reduce),
            ("__mro_entries__", paramspec_mro_entries),
        ],
        &[
            ("__name__", paramspec_name),
            ("__bound__", paramspec_bound),
            ("__covariant__", paramspec_covariant),
            ("__contravariant__", paramspec_contravariant),
            ("__infer_variance__", paramspec_infer_variance),
            ("args", paramspec_args),
            ("kwargs", paramspec_kwargs),
            ("__default__", paramspec_default),
            ("evaluate_default", paramspec_evaluate_default),
        ],
    )
}

/// `INTRINSIC_PARAMSPEC`: `**P` in a type parameter list.
pub fn from_syntax(vm: &Vm, name: Value) -> Value {
    let ps = ParamSpec {
        name,
        bound: Value::Null,
        default: Lazy::deferred(None),
        variance: Variance::INFERRED,
    };
    new_with_dict(vm, &typing_types(vm).paramspec, ps)
}

const SIGNATURE: Signature = Signature {
    name: "paramspec",
    positional: &["name"],
    required: 1,
    collects_rest: false,
    keywords: VARIANT_KEYWORDS,
};

/// `ParamSpec(name, *, bound=None, default=NoDefault, covariant=False,
/// contravariant=False, infer_variance=False)`.
fn paramspec_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let bound_args = SIGNATURE.bind_new(vm, &args)?;
    let name = SIGNATURE.str_arg(vm, &bound_args, 0)?;
    let variance = Variance::from_flags(vm, &bound_args, 3)?;
    let bound = match bound_args.get(1).cloned() {
        None | Some(Value::None) => Value::Null,
        Some(b) => type_check(vm, &b, "Bound must be a type.")?,
    };
    let ps = ParamSpec {
        name,
        bound,
        default: default_arg(vm, &bound_args, 2),
        variance,
    };
    let cls = typing_types(vm).paramspec.clone();
    new_type_param(vm, &cls, ps)
}

fn this<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a ParamSpec> {
    receiver::<ParamSpec>(vm, args, "typing.ParamSpec")
}

fn paramspec_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let ps = this(vm, &args)?;
    let name = vm.to_str(&ps.name.clone())?;
    Ok(vm.new_str(&ps.variance.repr(&name)))
}

fn paramspec_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(this(vm, &args)?.name.clone())
}

fn paramspec_bound(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let bound = this(vm, &args)?.bound.clone();
    Ok(if bound.is_null() { Value::None } else { bound })
}

fn paramspec_covariant(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(this(vm, &args)?.variance.covariant))
}

fn paramspec_contravariant(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(this(vm, &args)?.variance.contravariant))
}

fn paramspec_infer_variance(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(this(vm, &args)?.variance.infer_variance))
}

fn paramspec_default(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args)?
        .default
        .get(vm, |vm| typing_types(vm).no_default.clone())
}

fn paramspec_evaluate_default(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(this(vm, &args)?.default.evaluator(vm))
}

fn paramspec_has_default(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(this(vm, &args)?.default.is_present(vm)))
}

fn paramspec_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    paramspec_name(vm, args)
}

fn paramspec_subst(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args)?;
    match args.pos() {
        [me, arg] => call_typing(vm, "_paramspec_subst", &[me.clone(), arg.clone()]),
        _ => Err(vm.type_error("__typing_subst__ expected 1 argument")),
    }
}

fn paramspec_prepare_subst(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args)?;
    match args.pos() {
        [me, alias, given] => call_typing(
            vm,
            "_paramspec_prepare_subst",
            &[me.clone(), alias.clone(), given.clone()],
        ),
        _ => Err(vm.type_error("__typing_prepare_subst__ expected 2 arguments")),
    }
}

fn paramspec_mro_entries(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(vm.type_error("Cannot subclass an instance of ParamSpec"))
}

/// `P.args` / `P.kwargs`: a fresh object each time, equal to the others of `P`.
fn paramspec_args(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = typing_types(vm).paramspec_args.clone();
    attr_object(vm, &cls, args)
}

fn paramspec_kwargs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = typing_types(vm).paramspec_kwargs.clone();
    attr_object(vm, &cls, args)
}

fn attr_object(vm: &mut Vm, cls: &ObjRef, args: Args) -> PyResult<Value> {
    this(vm, &args)?;
    let origin = args.pos().first().cloned().unwrap_or(Value::None);
    Ok(vm.new_native_instance(cls, ParamSpecAttr { origin }))
}

/// The state of `P.args` and `P.kwargs`: the `ParamSpec` (or whatever was given to
/// the constructor) as `__origin__`.
pub struct ParamSpecAttr {
    pub origin: Value,
}

impl NativeObject for ParamSpecAttr {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.origin);
    }
}

/// `typing.ParamSpecArgs` or `typing.ParamSpecKwargs`.
pub fn make_args_type(vm: &Vm, name: &'static str) -> ObjRef {
    native_type(
        vm,
        name,
        Some(attr_new),
        &[
            ("__repr__", attr_repr),
            ("__eq__", attr_eq),
            ("__ne__", attr_ne),
            ("__hash__", attr_hash),
            ("__mro_entries__", attr_mro_entries),
        ],
        &[("__origin__", attr_origin)],
    )
}

fn attr_this<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a ParamSpecAttr> {
    receiver::<ParamSpecAttr>(vm, args, "typing.ParamSpecArgs")
}

/// Which of the two types `v` is: `"args"` or `"kwargs"`.
fn attr_kind(vm: &Vm, v: &Value) -> &'static str {
    let kwargs = &typing_types(vm).paramspec_kwargs;
    if Rc::ptr_eq(&vm.type_of(v), kwargs) {
        "kwargs"
    } else {
        "args"
    }
}

/// `ParamSpecArgs(origin)` / `ParamSpecKwargs(origin)`.
fn attr_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let kind = match args.pos().first().and_then(|c| c.as_obj()) {
        Some(cls) if Rc::ptr_eq(cls, &typing_types(vm).paramspec_kwargs) => "paramspeckwargs",
        _ => "paramspecargs",
    };
    const NAMES: &[&str] = &["origin"];
    let signature = Signature {
        name: kind,
        positional: NAMES,
        required: 1,
        collects_rest: false,
        keywords: &[],
    };
    let bound = signature.bind_new(vm, &args)?;
    let origin = bound.get(0).cloned().unwrap_or(Value::None);
    match args.pos().first().and_then(|c| c.as_obj()) {
        Some(cls) => Ok(vm.new_native_instance(cls, ParamSpecAttr { origin })),
        None => Err(vm.type_error("__new__ needs a class")),
    }
}

/// `P.args`: the name of a ParamSpec origin, else `repr(origin).args`.
fn attr_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let origin = attr_this(vm, &args)?.origin.clone();
    let kind = args.pos().first().map_or("args", |me| attr_kind(vm, me));
    let head = match origin.native::<ParamSpec>() {
        Some(ps) => vm.to_str(&ps.name.clone())?,
        None => vm.repr(&origin)?,
    };
    Ok(vm.new_str(&format!("{head}.{kind}")))
}

/// Equal when of the same type with equal origins; NotImplemented otherwise.
fn attr_compare(vm: &mut Vm, args: Args, equal: bool) -> PyResult<Value> {
    let origin = attr_this(vm, &args)?.origin.clone();
    let [me, other] = args.pos() else {
        return Err(vm.type_error("expected 1 argument"));
    };
    let other_origin = match other.native::<ParamSpecAttr>() {
        Some(o) if Rc::ptr_eq(&vm.type_of(me), &vm.type_of(other)) => o.origin.clone(),
        _ => return Ok(vm.types().not_implemented.clone()),
    };
    let same = vm.eq(&origin, &other_origin)?;
    Ok(Value::Bool(same == equal))
}

fn attr_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    attr_compare(vm, args, true)
}

fn attr_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    attr_compare(vm, args, false)
}

/// Unhashable, as CPython's (defining rich comparison without a hash).
fn attr_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = args
        .pos()
        .first()
        .map_or("ParamSpecArgs".into(), |v| vm.type_name(v));
    Err(vm.type_error(format!("unhashable type: 'typing.{name}'")))
}

fn attr_origin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(attr_this(vm, &args)?.origin.clone())
}

fn attr_mro_entries(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = args
        .pos()
        .first()
        .map_or("ParamSpecArgs".into(), |v| vm.type_name(v));
    Err(vm.type_error(format!("Cannot subclass an instance of {name}")))
}
