//! The runtime of PEP 695/696 generics (CPython's `Objects/typevarobject.c`): the
//! types `TypeVar`, `ParamSpec`, `TypeVarTuple`, `TypeAliasType`, `Generic`... made
//! once per interpreter (kept as native state, since the compiler's intrinsics need
//! them before anything imports `typing`), the `_typing` module that `typing.py`
//! imports them from, and the helpers they share: calling back into `typing.py`,
//! `typing._type_check`, unions, the calling module.

use std::rc::Rc;

use crate::error::PyResult;
use crate::native_module::{add_type, add_values, new_native_type, NativeTypeSpec};
use crate::object::{ObjRef, Payload, PyObject};
use crate::objects::function::{Args, NativeFn};
use crate::objects::{
    typevar, typevar_alias, typevar_generic, typevar_lazy, typevar_paramspec, typevar_tuple,
};
use crate::value::Value;
use crate::vm::Vm;

/// The typing types of one interpreter.
pub struct TypingTypes {
    pub typevar: ObjRef,
    pub paramspec: ObjRef,
    pub paramspec_args: ObjRef,
    pub paramspec_kwargs: ObjRef,
    pub typevartuple: ObjRef,
    pub typealias: ObjRef,
    pub generic: ObjRef,
    pub constevaluator: ObjRef,
    /// `typing.NoDefault`, the marker of a type parameter without a default.
    pub no_default: Value,
}

/// The typing types, made on first use.
pub fn typing_types(vm: &Vm) -> Rc<TypingTypes> {
    if let Some(types) = vm.native_state::<Rc<TypingTypes>>() {
        return Rc::clone(&types);
    }
    let types = Rc::new(TypingTypes {
        typevar: typevar::make_type(vm),
        paramspec: typevar_paramspec::make_type(vm),
        paramspec_args: typevar_paramspec::make_args_type(vm, "ParamSpecArgs"),
        paramspec_kwargs: typevar_paramspec::make_args_type(vm, "ParamSpecKwargs"),
        typevartuple: typevar_tuple::make_type(vm),
        typealias: typevar_alias::make_type(vm),
        generic: typevar_generic::make_type(vm),
        constevaluator: typevar_lazy::make_type(vm),
        no_default: make_no_default(vm),
    });
    vm.set_native_state(Rc::clone(&types));
    types
}

/// Make `_typing` importable.
pub fn register(vm: &mut Vm) {
    vm.register_native_module("_typing", init_module);
}

fn init_module(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    let t = typing_types(vm);
    for ty in [
        &t.typevar,
        &t.paramspec,
        &t.paramspec_args,
        &t.paramspec_kwargs,
        &t.typevartuple,
        &t.typealias,
        &t.generic,
    ] {
        add_type(vm, module, ty);
    }
    let union = Value::Obj(vm.types().union_type.clone());
    add_values(
        vm,
        module,
        &[("Union", union), ("NoDefault", t.no_default.clone())],
    );
    crate::native_module::add_functions(vm, module, &[("_idfunc", idfunc)]);
    Ok(())
}

/// `_typing._idfunc(x)`: returns `x` (what `typing.NewType` instances call).
fn idfunc(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos() {
        [x] if args.kwnames.is_empty() => Ok(x.clone()),
        _ => Err(vm.type_error(format!(
            "_typing._idfunc() takes exactly one argument ({} given)",
            args.values.len()
        ))),
    }
}

/// A native typing type in module `typing`: not subclassable, as CPython's.
pub fn native_type(
    vm: &Vm,
    name: &'static str,
    new: Option<NativeFn>,
    methods: &[(&'static str, NativeFn)],
    getters: &[(&'static str, NativeFn)],
) -> ObjRef {
    let ty = new_native_type(
        vm,
        NativeTypeSpec {
            name,
            module: "typing",
            base: None,
            new,
            init: None,
            methods,
            subclassable: false,
        },
    );
    crate::native_module::add_getters(vm, &ty, getters);
    ty
}

/// An instance of a typing type with an instance dict (CPython's managed dict: type
/// parameters accept attributes, and `__module__` is stored there).
pub fn new_with_dict(
    vm: &Vm,
    cls: &ObjRef,
    data: impl crate::native_module::NativeObject,
) -> Value {
    Value::obj(PyObject::with_dict(
        cls.clone(),
        Payload::Native(Box::new(data)),
        vm.new_dict(),
    ))
}

/// A type parameter made by calling its class (`TypeVar('T')`, `ParamSpec('P')`,
/// `TypeVarTuple('Ts')`): an instance with a `__dict__` whose `__module__` is the
/// caller's module, as CPython sets it.
pub fn new_type_param(
    vm: &mut Vm,
    cls: &ObjRef,
    data: impl crate::native_module::NativeObject,
) -> PyResult<Value> {
    let module = caller_module(vm)?;
    let obj = new_with_dict(vm, cls, data);
    let key = vm.new_str("__module__");
    vm.set_attr(&obj, &key, module)?;
    Ok(obj)
}

/// The `default=` argument of a type parameter's constructor at `index` in its
/// signature; absent, it is `typing.NoDefault`.
pub fn default_arg(
    vm: &Vm,
    bound: &crate::objects::typevar_args::Bound,
    index: usize,
) -> typevar_lazy::Lazy {
    let default = bound
        .get(index)
        .cloned()
        .unwrap_or_else(|| typing_types(vm).no_default.clone());
    typevar_lazy::Lazy::given(Some(default))
}

/// The `NoDefault` singleton (its type cannot make another).
fn make_no_default(vm: &Vm) -> Value {
    let ty = new_native_type(
        vm,
        NativeTypeSpec {
            name: "NoDefaultType",
            module: "builtins",
            base: None,
            new: Some(no_default_new),
            init: None,
            methods: &[
                ("__repr__", no_default_repr),
                ("__reduce__", no_default_reduce),
            ],
            subclassable: false,
        },
    );
    Value::obj(PyObject::new(ty, Payload::Native(Box::new(NoDefault))))
}

/// The state of `typing.NoDefault`: none.
struct NoDefault;

impl crate::native_module::NativeObject for NoDefault {}

fn no_default_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.values.len() > 1 {
        return Err(vm.type_error("NoDefaultType takes no arguments"));
    }
    Ok(typing_types(vm).no_default.clone())
}

fn no_default_repr(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.new_str("typing.NoDefault"))
}

fn no_default_reduce(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.new_str("NoDefault"))
}

/// `typing.<name>(*args)`: the parts of the typing runtime CPython also keeps in
/// `typing.py` (substitution, `Generic[...]`, `_type_check`).
pub fn call_typing(vm: &mut Vm, name: &str, args: &[Value]) -> PyResult<Value> {
    let typing = vm.import_module("typing")?;
    let func = vm.get_attr_str(&typing, name)?;
    vm.call(&func, args)
}

/// `typing.<name>(cls, *args, **kwargs)`, for the class methods of `Generic`.
pub fn call_typing_with(vm: &mut Vm, name: &str, args: Args) -> PyResult<Value> {
    let typing = vm.import_module("typing")?;
    let func = vm.get_attr_str(&typing, name)?;
    vm.call_with(&func, args)
}

/// CPython's `type_check`: `None` is `NoneType`, anything else goes through
/// `typing._type_check(arg, msg)` (strings become forward references there).
pub fn type_check(vm: &mut Vm, arg: &Value, msg: &str) -> PyResult<Value> {
    if arg.is_none() {
        return Ok(Value::Obj(vm.types().none_type.clone()));
    }
    let msg = vm.new_str(msg);
    call_typing(vm, "_type_check", &[arg.clone(), msg])
}

/// `a | b` where one side is a type parameter: a union of both, each argument checked
/// as `Union[...]` does (so that `T | "Forward"` works).
pub fn make_union(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    checked_union(vm, &[a.clone(), b.clone()])
}

/// The union of `operands` (CPython's `_Py_union_from_tuple`): hints are taken as they
/// are, anything else goes through `typing._type_check`.
fn checked_union(vm: &mut Vm, operands: &[Value]) -> PyResult<Value> {
    if operands.is_empty() {
        return Err(vm.type_error("Cannot take a Union of no types."));
    }
    let mut members = Vec::with_capacity(operands.len());
    for operand in operands {
        members.push(if crate::objects::union_type::is_unionable(operand) {
            operand.clone()
        } else {
            type_check(vm, operand, "Union[arg, ...]: each arg must be a type.")?
        });
    }
    crate::objects::union_type::union_of(vm, members)
}

/// `Union[X, Y]` (`types.UnionType.__class_getitem__`): a tuple gives several members.
pub fn union_class_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [_, params] = args.pos() else {
        return Err(vm.type_error("__class_getitem__ expected 1 argument"));
    };
    match params.as_obj().and_then(|o| o.as_tuple()) {
        Some(items) => checked_union(vm, items),
        None => checked_union(vm, std::slice::from_ref(params)),
    }
}

/// `__or__(self, other)` of type parameters.
pub fn or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos() {
        [a, b] => make_union(vm, a, b),
        _ => Err(vm.type_error("expected 1 argument")),
    }
}

/// `__ror__(self, other)`: `other | self`.
pub fn ror(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos() {
        [a, b] => make_union(vm, b, a),
        _ => Err(vm.type_error("expected 1 argument")),
    }
}

/// The `__module__` of the function running the code that called a constructor
/// (CPython's `caller()`): what `TypeVar('T')` records as its module.
pub fn caller_module(vm: &mut Vm) -> PyResult<Value> {
    let Some(frame) = vm.thread.frames.last() else {
        return Ok(Value::None);
    };
    match frame.func.clone() {
        Some(func) => Ok(vm
            .get_attr_str(&Value::Obj(func), "__module__")
            .unwrap_or(Value::None)),
        None => {
            let globals = frame.globals.clone();
            Ok(crate::objects::dict::get_str(&globals, "__name__").unwrap_or(Value::None))
        }
    }
}

/// `typing.Unpack[param]`, how a `TypeVarTuple` appears among parameters and in `*Ts`.
pub fn unpack(vm: &mut Vm, param: &Value) -> PyResult<Value> {
    let typing = vm.import_module("typing")?;
    let unpack = vm.get_attr_str(&typing, "Unpack")?;
    vm.get_item(&unpack, param)
}

/// `iter((Unpack[self],))`: `*Ts` and `*Alias`.
pub fn unpack_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(this) = args.pos().first().cloned() else {
        return Err(vm.type_error("expected a receiver"));
    };
    let unpacked = unpack(vm, &this)?;
    let tuple = vm.new_tuple(vec![unpacked]);
    vm.get_iter(&tuple)
}

/// `params` with each `TypeVarTuple` replaced by `Unpack[it]`, as `Generic[...]` and
/// an alias's `__parameters__` want them.
pub fn unpack_typevartuples(vm: &mut Vm, params: &Value) -> PyResult<Value> {
    let items = params
        .as_obj()
        .and_then(|o| o.as_tuple())
        .unwrap_or(&[])
        .to_vec();
    if !items.iter().any(typevar_tuple::is_typevartuple) {
        return Ok(params.clone());
    }
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        out.push(if typevar_tuple::is_typevartuple(&item) {
            unpack(vm, &item)?
        } else {
            item
        });
    }
    Ok(vm.new_tuple(out))
}

/// The lazily evaluated default of a type parameter (`None` for anything else).
pub fn type_param_default(param: &Value) -> Option<&typevar_lazy::Lazy> {
    if let Some(tv) = param.native::<typevar::TypeVar>() {
        Some(&tv.default)
    } else if let Some(ps) = param.native::<typevar_paramspec::ParamSpec>() {
        Some(&ps.default)
    } else {
        param
            .native::<typevar_tuple::TypeVarTuple>()
            .map(|tvt| &tvt.default)
    }
}

/// The receiver of a typing method, checked to hold a `T`.
pub fn receiver<'a, T: crate::native_module::NativeObject>(
    vm: &Vm,
    args: &Args<'a>,
    type_name: &str,
) -> PyResult<&'a T> {
    args.pos()
        .first()
        .and_then(|v| v.native::<T>())
        .ok_or_else(|| vm.type_error(format!("descriptor requires a '{type_name}' object")))
}
