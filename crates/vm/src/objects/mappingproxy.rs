//! `mappingproxy` (`types.MappingProxyType`; CPython's `Objects/descrobject.c`): a
//! read-only view of a mapping. `type.__dict__` gives one over the class namespace so
//! that classes cannot be changed behind the attribute cache's back. Reads go to the
//! mapping; there is no `__setitem__`/`__delitem__`, so writes fail with the generic
//! "'mappingproxy' object does not support item assignment".

use crate::error::PyResult;
use crate::native_module::NativeObject;
use crate::object::{ObjRef, Payload};
use crate::objects::dict;
use crate::objects::function::Args;
use crate::objects::native_args::{bind, MethodName, Shape};
use crate::objects::str_stand_in::unexpected_keyword;
use crate::protocol::attr::name_str;
use crate::protocol::compare::CmpOp;
use crate::value::Value;
use crate::vm::Vm;

const TYPE_NAME: &str = "mappingproxy";

pub struct MappingProxy {
    /// The viewed mapping (a dict for `type.__dict__`).
    mapping: Value,
}

impl NativeObject for MappingProxy {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.mapping);
    }
}

/// A read-only view of `mapping` (already known to be a mapping).
pub fn new_proxy(vm: &Vm, mapping: Value) -> Value {
    let cls = vm.types().mappingproxy.clone();
    vm.new_native_instance(&cls, MappingProxy { mapping })
}

/// `type.__dict__`: a proxy over the class namespace `namespace`.
pub fn of_namespace(vm: &Vm, namespace: ObjRef) -> Value {
    new_proxy(vm, Value::Obj(namespace))
}

/// The six rich-comparison methods (`__eq__` ... `__ge__`) of a mapping-like type,
/// each forwarding to `$compare(vm, &args, name, op)`; shared by `mappingproxy` and
/// `FrameLocalsProxy`, whose comparisons differ only in that function.
macro_rules! rich_compare_methods {
    ($compare:path) => {
        $crate::objects::mappingproxy::rich_compare_methods!(@each $compare;
            "__eq__" Eq, "__ne__" Ne, "__lt__" Lt, "__le__" Le, "__gt__" Gt, "__ge__" Ge)
    };
    (@each $compare:path; $($name:literal $op:ident),*) => {
        [$((
            $name,
            (|vm, args| $compare(vm, &args, $name, $crate::protocol::compare::CmpOp::$op))
                as $crate::objects::function::NativeFn,
        )),*]
    };
}
pub(crate) use rich_compare_methods;

pub fn install(vm: &Vm) {
    let t = vm.types();
    crate::builtins::add_methods(
        vm,
        &t.mappingproxy,
        &[
            ("__new__", proxy_new),
            ("__getitem__", getitem),
            ("__contains__", contains),
            ("__len__", len),
            ("__iter__", iter),
            ("__reversed__", reversed),
            ("__repr__", repr),
            ("__str__", str_),
            ("__hash__", hash),
            ("__or__", or),
            ("__ror__", ror),
            ("__ior__", ior),
            ("get", get),
            ("keys", keys),
            ("values", values),
            ("items", items),
            ("copy", copy),
        ],
    );
    crate::builtins::add_methods(vm, &t.mappingproxy, &rich_compare_methods!(compare));
    crate::objects::dict_methods::add_class_methods(
        vm,
        &t.mappingproxy,
        &[(
            "__class_getitem__",
            crate::objects::generic_alias::class_getitem,
        )],
    );
    if let Some(d) = t.mappingproxy.dict_obj() {
        dict::set_str(vm, &d, "__module__", vm.new_str("builtins"));
    }
}

/// CPython's `PyMapping_Check` minus lists and tuples: anything subscriptable.
fn is_mapping(vm: &Vm, v: &Value) -> bool {
    if matches!(v.payload(), Some(Payload::List(_) | Payload::Tuple(_))) {
        return false;
    }
    vm.type_lookup(&vm.type_of(v), "__getitem__").is_some()
}

/// `mappingproxy(mapping)`.
fn proxy_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let given = args.pos().len().saturating_sub(1) + args.kwnames.len();
    if given > 1 {
        return Err(vm.type_error(format!(
            "mappingproxy() takes at most 1 argument ({given} given)"
        )));
    }
    let mut mapping = args.pos().get(1).cloned();
    for (key, value) in args.kwargs() {
        if name_str(key) != "mapping" {
            return Err(unexpected_keyword(vm, "mappingproxy", key));
        }
        mapping = Some(value.clone());
    }
    let Some(mapping) = mapping else {
        return Err(vm.type_error("mappingproxy() missing required argument 'mapping' (pos 1)"));
    };
    if !is_mapping(vm, &mapping) {
        return Err(vm.type_error(format!(
            "mappingproxy() argument must be a mapping, not {}",
            vm.type_name(&mapping)
        )));
    }
    Ok(new_proxy(vm, mapping))
}

/// The mapping at the bottom of a chain of proxies, and how many proxies lead to it
/// (`mappingproxy(mappingproxy(d))` reads `d` directly). A proxy forwards every read
/// unchanged, so skipping the chain changes no result, and walking it here instead
/// of recursing keeps a long chain from exhausting the stack.
fn innermost(proxy: &MappingProxy) -> (Value, usize) {
    let mut mapping = proxy.mapping.clone();
    let mut depth = 1;
    while let Some(inner) = mapping.native::<MappingProxy>().map(|p| p.mapping.clone()) {
        mapping = inner;
        depth += 1;
    }
    (mapping, depth)
}

/// The receiver's innermost mapping and the arguments after it, bound to `shape`.
fn receiver<'a>(
    vm: &Vm,
    args: &Args<'a>,
    name: &'static str,
    shape: Shape,
) -> PyResult<(Value, Vec<Option<&'a Value>>)> {
    let proxy = vm.native_self::<MappingProxy>(args, name, TYPE_NAME)?;
    let (mapping, _) = innermost(proxy);
    let method = MethodName {
        owner: TYPE_NAME,
        name,
    };
    let (_, rest) = bind(vm, args, method, &shape)?;
    Ok((mapping, rest))
}

/// The single argument of a `METH_O` method.
fn one_arg<'a>(vm: &Vm, args: &Args<'a>, name: &'static str) -> PyResult<(Value, &'a Value)> {
    let (mapping, rest) = receiver(vm, args, name, Shape::One)?;
    match rest.first().copied().flatten() {
        Some(arg) => Ok((mapping, arg)),
        None => Err(vm.type_error(format!("{TYPE_NAME}.{name}() takes exactly one argument"))),
    }
}

fn getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (mapping, key) = one_arg(vm, &args, "__getitem__")?;
    vm.get_item(&mapping, key)
}

fn contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (mapping, key) = one_arg(vm, &args, "__contains__")?;
    let found = match mapping.as_obj() {
        Some(d) if d.as_dict().is_some() => dict::get_item(vm, d, key)?.is_some(),
        _ => vm.contains(&mapping, key)?,
    };
    Ok(Value::Bool(found))
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (mapping, _) = receiver(vm, &args, "__len__", Shape::NoArgs)?;
    let n = vm.len(&mapping)?;
    Ok(Value::Int(n as i64))
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (mapping, _) = receiver(vm, &args, "__iter__", Shape::NoArgs)?;
    vm.get_iter(&mapping)
}

fn reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (mapping, _) = receiver(vm, &args, "__reversed__", Shape::NoArgs)?;
    let reversed = Value::Obj(vm.types().reversed.clone());
    vm.call(&reversed, &[mapping])
}

/// `mappingproxy(...)` once per proxy of the chain around the innermost mapping.
fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    receiver(vm, &args, "__repr__", Shape::NoArgs)?;
    let proxy = vm.native_self::<MappingProxy>(&args, "__repr__", TYPE_NAME)?;
    let (mapping, depth) = innermost(proxy);
    let inner = vm.repr(&mapping)?;
    let prefix = format!("{TYPE_NAME}(").repeat(depth);
    Ok(vm.new_str(&format!("{prefix}{inner}{}", ")".repeat(depth))))
}

fn str_(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (mapping, _) = receiver(vm, &args, "__str__", Shape::NoArgs)?;
    let text = vm.to_str(&mapping)?;
    Ok(vm.new_str(&text))
}

fn hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (mapping, _) = receiver(vm, &args, "__hash__", Shape::NoArgs)?;
    vm.hash(&mapping).map(Value::Int)
}

/// Comparisons are the mapping's.
fn compare(vm: &mut Vm, args: &Args, name: &'static str, op: CmpOp) -> PyResult<Value> {
    let (mapping, other) = one_arg(vm, args, name)?;
    vm.rich_compare(&mapping, other, op)
}

/// The mapping behind `v` when it is a proxy, else `v`.
fn unwrap(v: &Value) -> Value {
    v.native::<MappingProxy>()
        .map_or_else(|| v.clone(), |p| innermost(p).0)
}

/// `a | b` with proxies replaced by their mappings (CPython's `mappingproxy_or`).
fn or_unwrapped(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let (a, b) = (unwrap(a), unwrap(b));
    vm.binary_op(&a, &b, crate::protocol::number::BinOp::Or as u32)
}

fn or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, other) = one_arg(vm, &args, "__or__")?;
    let me = args.pos().first().cloned().unwrap_or(Value::None);
    or_unwrapped(vm, &me, other)
}

fn ror(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, other) = one_arg(vm, &args, "__ror__")?;
    let me = args.pos().first().cloned().unwrap_or(Value::None);
    or_unwrapped(vm, other, &me)
}

fn ior(vm: &mut Vm, args: Args) -> PyResult<Value> {
    one_arg(vm, &args, "__ior__")?;
    Err(vm.type_error("'|=' is not supported by mappingproxy; use '|' instead"))
}

/// `get(key, default=None)`: the mapping's own `get`.
fn get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (mapping, rest) = receiver(vm, &args, "get", Shape::Positional { min: 1, max: 2 })?;
    let rest: Vec<Value> = rest.into_iter().flatten().cloned().collect();
    vm.call_method_by_name(&mapping, "get", &rest)
}

/// `keys()`, `values()`, `items()`, `copy()`: the mapping's own methods.
fn forward(vm: &mut Vm, args: &Args, name: &'static str) -> PyResult<Value> {
    let (mapping, _) = receiver(vm, args, name, Shape::NoArgs)?;
    vm.call_method_by_name(&mapping, name, &[])
}

fn keys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    forward(vm, &args, "keys")
}

fn values(vm: &mut Vm, args: Args) -> PyResult<Value> {
    forward(vm, &args, "values")
}

fn items(vm: &mut Vm, args: Args) -> PyResult<Value> {
    forward(vm, &args, "items")
}

fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    forward(vm, &args, "copy")
}
