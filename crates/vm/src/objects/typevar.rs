//! `typing.TypeVar`: what `def f[T]`, `class C[T: int]` and `TypeVar('T')` make
//! (CPython's `Objects/typevarobject.c`). Bound, constraints and default are lazy
//! (see `typevar_lazy.rs`); substitution is delegated to `typing.py` as in CPython.
//! The sibling files hold the other typing objects; `typevar_types.rs` ties them
//! together.

use crate::error::PyResult;
use crate::native_module::NativeObject;
use crate::object::ObjRef;
use crate::objects::function::Args;
use crate::objects::typevar_args::{Bound, Signature};
use crate::objects::typevar_lazy::Lazy;
use crate::objects::typevar_types::{
    call_typing, default_arg, native_type, new_type_param, new_with_dict, or, receiver, ror,
    type_check, typing_types,
};
use crate::value::Value;
use crate::vm::Vm;

/// The variance flags every kind of type parameter has.
#[derive(Clone, Copy)]
pub struct Variance {
    pub covariant: bool,
    pub contravariant: bool,
    pub infer_variance: bool,
}

impl Variance {
    /// What the type parameter syntax makes: variance left to type checkers.
    pub const INFERRED: Variance = Variance {
        covariant: false,
        contravariant: false,
        infer_variance: true,
    };

    /// The `covariant`, `contravariant` and `infer_variance` arguments of a
    /// constructor, bound at `first` and the two slots after it, checked.
    pub fn from_flags(vm: &mut Vm, args: &Bound, first: usize) -> PyResult<Variance> {
        let covariant = Signature::flag(vm, args, first)?;
        let contravariant = Signature::flag(vm, args, first + 1)?;
        let infer = Signature::flag(vm, args, first + 2)?;
        if covariant && contravariant {
            return Err(vm.value_error("Bivariant types are not supported."));
        }
        if infer && (covariant || contravariant) {
            return Err(vm.value_error("Variance cannot be specified with infer_variance."));
        }
        Ok(Variance {
            covariant,
            contravariant,
            infer_variance: infer,
        })
    }

    /// `~T`, `+T`, `-T`, or plain `T` when the variance is inferred.
    pub fn repr(&self, name: &str) -> String {
        if self.infer_variance {
            return name.to_string();
        }
        let sign = if self.covariant {
            '+'
        } else if self.contravariant {
            '-'
        } else {
            '~'
        };
        format!("{sign}{name}")
    }
}

pub struct TypeVar {
    pub name: Value,
    pub bound: Lazy,
    pub constraints: Lazy,
    pub default: Lazy,
    pub variance: Variance,
}

impl NativeObject for TypeVar {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.name);
        self.bound.visit(visit);
        self.constraints.visit(visit);
        self.default.visit(visit);
    }
}

pub fn make_type(vm: &Vm) -> ObjRef {
    native_type(
        vm,
        "TypeVar",
        Some(typevar_new),
        &[
            ("__repr__", typevar_repr),
            ("__or__", or),
            ("__ror__", ror),
            ("__typing_subst__", typevar_subst),
            ("__typing_prepare_subst__", typevar_prepare_subst),
            ("__reduce__", typevar_reduce),
            ("has_default", typevar_has_default),
            ("__mro_entries__", typevar_mro_entries),
        ],
        &[
            ("__name__", typevar_name),
            ("__covariant__", typevar_covariant),
            ("__contravariant__", typevar_contravariant),
            ("__infer_variance__", typevar_infer_variance),
            ("__bound__", typevar_bound),
            ("__constraints__", typevar_constraints),
            ("__default__", typevar_default),
            ("evaluate_bound", typevar_evaluate_bound),
            ("evaluate_constraints", typevar_evaluate_constraints),
            ("evaluate_default", typevar_evaluate_default),
        ],
    )
}

/// `INTRINSIC_TYPEVAR` and its `_WITH_BOUND` / `_WITH_CONSTRAINTS` forms: a type
/// parameter of the syntax, its bound or constraints computed by the given function.
pub fn from_syntax(
    vm: &Vm,
    name: Value,
    evaluate_bound: Option<Value>,
    evaluate_constraints: Option<Value>,
) -> Value {
    let tv = TypeVar {
        name,
        bound: Lazy::deferred(evaluate_bound),
        constraints: Lazy::deferred(evaluate_constraints),
        default: Lazy::deferred(None),
        variance: Variance::INFERRED,
    };
    new_with_dict(vm, &typing_types(vm).typevar, tv)
}

/// The keyword parameters `TypeVar` and `ParamSpec` share, in this order (their
/// constructors read them by index: bound 1, default 2, variance flags from 3).
pub const VARIANT_KEYWORDS: &[&str] = &[
    "bound",
    "default",
    "covariant",
    "contravariant",
    "infer_variance",
];

const SIGNATURE: Signature = Signature {
    name: "typevar",
    positional: &["name"],
    required: 1,
    collects_rest: true,
    keywords: VARIANT_KEYWORDS,
};

/// `TypeVar(name, *constraints, bound=None, default=NoDefault, covariant=False,
/// contravariant=False, infer_variance=False)`.
fn typevar_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let bound_args = SIGNATURE.bind_new(vm, &args)?;
    let name = SIGNATURE.str_arg(vm, &bound_args, 0)?;
    let variance = Variance::from_flags(vm, &bound_args, 3)?;
    let bound = match bound_args.get(1).cloned() {
        None | Some(Value::None) => None,
        Some(b) => Some(type_check(vm, &b, "Bound must be a type.")?),
    };
    let constraints = match bound_args.rest.len() {
        0 => None,
        1 => return Err(vm.type_error("A single constraint is not allowed")),
        _ if bound.is_some() => {
            return Err(vm.type_error("Constraints cannot be combined with bound=..."))
        }
        _ => Some(vm.new_tuple(bound_args.rest.clone())),
    };
    let tv = TypeVar {
        name,
        bound: Lazy::given(bound),
        constraints: Lazy::given(constraints),
        default: default_arg(vm, &bound_args, 2),
        variance,
    };
    let cls = typing_types(vm).typevar.clone();
    new_type_param(vm, &cls, tv)
}

fn this<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a TypeVar> {
    receiver::<TypeVar>(vm, args, "typing.TypeVar")
}

fn typevar_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let tv = this(vm, &args)?;
    let name = vm.to_str(&tv.name.clone())?;
    Ok(vm.new_str(&tv.variance.repr(&name)))
}

fn typevar_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(this(vm, &args)?.name.clone())
}

fn typevar_covariant(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(this(vm, &args)?.variance.covariant))
}

fn typevar_contravariant(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(this(vm, &args)?.variance.contravariant))
}

fn typevar_infer_variance(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(this(vm, &args)?.variance.infer_variance))
}

fn typevar_bound(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args)?.bound.get(vm, |_| Value::None)
}

fn typevar_constraints(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args)?
        .constraints
        .get(vm, |vm| vm.new_tuple(Vec::new()))
}

fn typevar_default(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args)?
        .default
        .get(vm, |vm| typing_types(vm).no_default.clone())
}

fn typevar_evaluate_bound(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(this(vm, &args)?.bound.evaluator(vm))
}

fn typevar_evaluate_constraints(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(this(vm, &args)?.constraints.evaluator(vm))
}

fn typevar_evaluate_default(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(this(vm, &args)?.default.evaluator(vm))
}

fn typevar_has_default(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(this(vm, &args)?.default.is_present(vm)))
}

fn typevar_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    typevar_name(vm, args)
}

/// `__typing_subst__(arg)`: `typing._typevar_subst(self, arg)`.
fn typevar_subst(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args)?;
    match args.pos() {
        [me, arg] => call_typing(vm, "_typevar_subst", &[me.clone(), arg.clone()]),
        _ => Err(vm.type_error("__typing_subst__ expected 1 argument")),
    }
}

/// `__typing_prepare_subst__(alias, args)`: `args`, extended by the default when this
/// parameter is the first one not given; TypeError when there is none.
fn typevar_prepare_subst(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let tv = this(vm, &args)?;
    let [me, alias, given] = args.pos() else {
        return Err(vm.type_error("__typing_prepare_subst__ expected 2 arguments"));
    };
    let params = vm.get_attr_str(alias, "__parameters__")?;
    let index = sequence_index(vm, &params, me)?;
    let count = vm.len(given)?;
    if index < count {
        return Ok(given.clone());
    }
    if index == count {
        let default = tv
            .default
            .get(vm, |vm| typing_types(vm).no_default.clone())?;
        if !default.is(&typing_types(vm).no_default) {
            let extra = vm.new_tuple(vec![default]);
            if let Some(joined) = vm.sequence_concat(given, &extra)? {
                return Ok(joined);
            }
        }
    }
    let alias_text = vm.to_str(alias)?;
    Err(vm.type_error(format!(
        "Too few arguments for {alias_text}; actual {count}, expected at least {}",
        index + 1
    )))
}

/// `seq.index(item)` by equality, ValueError when absent (CPython's
/// `PySequence_Index`).
fn sequence_index(vm: &mut Vm, seq: &Value, item: &Value) -> PyResult<usize> {
    let items = vm.collect_iterable(seq)?;
    for (i, candidate) in items.iter().enumerate() {
        if vm.eq(candidate, item)? {
            return Ok(i);
        }
    }
    Err(vm.value_error("sequence.index(x): x not in sequence"))
}

fn typevar_mro_entries(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(vm.type_error("Cannot subclass an instance of TypeVar"))
}
