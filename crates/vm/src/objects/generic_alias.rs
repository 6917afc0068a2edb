//! `types.GenericAlias`: what `list[int]` makes (PEP 585; CPython's
//! `Objects/genericaliasobject.c`). It records the origin class and the arguments, shows
//! itself as `list[int]`, compares and hashes by both, calls the origin, and forwards
//! other attribute reads to the origin, so that `class A(list[int])` and `typing` work.

use std::cell::RefCell;
use std::rc::Rc;

use crate::error::PyResult;
use crate::native_module::NativeObject;
use crate::object::{ObjRef, Payload, PyObject};
use crate::objects::function::Args;
use crate::value::Value;
use crate::vm::Vm;

pub struct GenericAlias {
    pub origin: Value,
    /// Always a tuple.
    pub args: Value,
    /// `__parameters__`, computed on first use (`Null` before).
    parameters: RefCell<Value>,
    /// `*tuple[int]`.
    pub starred: bool,
}

impl GenericAlias {
    /// The same alias, for an instance of a subclass (`_CallableGenericAlias`).
    pub fn copy(&self) -> GenericAlias {
        GenericAlias {
            origin: self.origin.clone(),
            args: self.args.clone(),
            parameters: RefCell::new(self.parameters.borrow().clone()),
            starred: self.starred,
        }
    }
}

impl NativeObject for GenericAlias {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.origin);
        visit(&self.args);
    }
}

/// `GenericAlias(origin, args)`: a tuple `args` is taken as is, anything else becomes a
/// one-item tuple.
pub fn new_generic_alias(vm: &Vm, origin: Value, args: Value) -> Value {
    let args = match args.payload() {
        Some(Payload::Tuple(_)) => args,
        _ => vm.new_tuple(vec![args]),
    };
    let ga = GenericAlias {
        origin,
        args,
        parameters: RefCell::new(Value::Null),
        starred: false,
    };
    Value::obj(PyObject::new(
        vm.types().generic_alias.clone(),
        Payload::Native(Box::new(ga)),
    ))
}

pub fn install(vm: &Vm) {
    let t = vm.types();
    crate::builtins::add_methods(
        vm,
        &t.generic_alias,
        &[
            ("__mro_entries__", ga_mro_entries),
            ("__instancecheck__", ga_instancecheck),
            ("__subclasscheck__", ga_subclasscheck),
        ],
    );
    if let Some(d) = t.generic_alias.dict_obj() {
        crate::objects::dict::set_str(vm, &d, "__module__", vm.new_str("types"));
    }
    let generic_types = [
        &t.list,
        &t.dict,
        &t.tuple,
        &t.set,
        &t.frozenset,
        &t.enumerate,
        &t.classmethod,
        &t.staticmethod,
        &t.generator,
        &t.coroutine,
        &t.async_generator,
        &t.exc.base_exception_group,
    ];
    for ty in generic_types {
        crate::objects::dict_methods::add_class_methods(
            vm,
            ty,
            &[("__class_getitem__", class_getitem)],
        );
    }
}

/// `cls.__class_getitem__(item)`: `cls[item]`.
pub fn class_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos() {
        [cls, item] => Ok(new_generic_alias(vm, cls.clone(), item.clone())),
        p => Err(vm.type_error(format!(
            "__class_getitem__() takes exactly one argument ({} given)",
            p.len().saturating_sub(1)
        ))),
    }
}

/// `types.GenericAlias(origin, args)`; `None` for other types.
pub fn construct(vm: &mut Vm, ty: &ObjRef, args: Args) -> PyResult<Option<Value>> {
    if !Rc::ptr_eq(ty, &vm.types().generic_alias) {
        return Ok(None);
    }
    if !args.kwnames.is_empty() {
        return Err(vm.type_error("GenericAlias() takes no keyword arguments"));
    }
    match args.pos() {
        [origin, items] => Ok(Some(new_generic_alias(vm, origin.clone(), items.clone()))),
        p => Err(vm.type_error(format!(
            "GenericAlias expected 2 arguments, got {}",
            p.len()
        ))),
    }
}

fn receiver<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a GenericAlias> {
    args.pos()
        .first()
        .and_then(|v| v.native::<GenericAlias>())
        .ok_or_else(|| vm.type_error("descriptor requires a 'types.GenericAlias' object"))
}

fn ga_mro_entries(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let ga = receiver(vm, &args)?;
    Ok(vm.new_tuple(vec![ga.origin.clone()]))
}

fn ga_instancecheck(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(vm.type_error("isinstance() argument 2 cannot be a parameterized generic"))
}

fn ga_subclasscheck(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(vm.type_error("issubclass() argument 2 cannot be a parameterized generic"))
}

fn items(args: &Value) -> &[Value] {
    args.as_obj().and_then(|o| o.as_tuple()).unwrap_or(&[])
}

/// One argument in a repr, as CPython's `ga_repr_items_list`: `...`, a type's
/// qualified name, another alias's repr, or `repr(item)`.
pub fn repr_item(vm: &mut Vm, item: &Value) -> PyResult<String> {
    if item.is(&vm.types().ellipsis) {
        return Ok("...".into());
    }
    if item.native::<GenericAlias>().is_none() {
        if let Some(o) = item.as_obj().filter(|o| o.as_type().is_some()) {
            let module = crate::objects::attributes::type_module(vm, o);
            let qualname = o
                .as_type()
                .map_or_else(String::new, |t| t.qualname.borrow().to_string());
            return Ok(if module == "builtins" {
                qualname
            } else {
                format!("{module}.{qualname}")
            });
        }
    }
    vm.repr(item)
}

/// `list[int]`, `dict[str, list[int]]`, `tuple[()]`, `*tuple[int]`.
pub fn repr(vm: &mut Vm, o: &ObjRef) -> PyResult<Option<String>> {
    let Some(ga) = o.native::<GenericAlias>() else {
        return Ok(None);
    };
    // `list[list[...[int]]]` nests without bound and each level recurses in Rust:
    // bound the depth so a deep alias is a RecursionError, not a stack overflow.
    vm.enter_native()?;
    let text = repr_text(vm, ga);
    vm.leave_native();
    text.map(Some)
}

fn repr_text(vm: &mut Vm, ga: &GenericAlias) -> PyResult<String> {
    let (origin, args) = (ga.origin.clone(), ga.args.clone());
    let mut text = String::new();
    if ga.starred {
        text.push('*');
    }
    text.push_str(&repr_item(vm, &origin)?);
    text.push('[');
    let list = items(&args);
    if list.is_empty() {
        text.push_str("()");
    }
    for (i, item) in list.iter().enumerate() {
        if i > 0 {
            text.push_str(", ");
        }
        match item.payload() {
            // A list of arguments (`Callable[[int], str]`).
            Some(Payload::List(l)) => {
                let inner = l.borrow().clone();
                let mut parts = Vec::with_capacity(inner.len());
                for x in &inner {
                    parts.push(repr_item(vm, x)?);
                }
                text.push_str(&format!("[{}]", parts.join(", ")));
            }
            _ => text.push_str(&repr_item(vm, item)?),
        }
    }
    text.push(']');
    Ok(text)
}

/// `__parameters__`: the type variables among the arguments (anything with
/// `__typing_subst__`), and those of nested aliases, without repeats.
fn parameters(vm: &mut Vm, ga: &GenericAlias) -> PyResult<Value> {
    let cached = ga.parameters.borrow().clone();
    if !cached.is_null() {
        return Ok(cached);
    }
    // Nested aliases compute theirs recursively in Rust: bound the depth.
    vm.enter_native()?;
    let found = collect_parameters(vm, ga);
    vm.leave_native();
    let tuple = vm.new_tuple(found?);
    *ga.parameters.borrow_mut() = tuple.clone();
    Ok(tuple)
}

fn collect_parameters(vm: &mut Vm, ga: &GenericAlias) -> PyResult<Vec<Value>> {
    let mut found: Vec<Value> = Vec::new();
    for item in items(&ga.args).to_vec() {
        if item.as_obj().is_some_and(|o| o.as_type().is_some()) {
            continue;
        }
        let subst = vm.new_str("__typing_subst__");
        if vm.get_optional_attr(&item, &subst)?.is_some() {
            if !found.iter().any(|f| f.is(&item)) {
                found.push(item);
            }
            continue;
        }
        let name = vm.new_str("__parameters__");
        if let Some(nested) = vm.get_optional_attr(&item, &name)? {
            if let Some(t) = nested.as_obj().and_then(|o| o.as_tuple()) {
                for p in t.iter().cloned() {
                    if !found.iter().any(|f| f.is(&p)) {
                        found.push(p);
                    }
                }
            }
        }
    }
    Ok(found)
}

/// The alias's own attributes; other names read the origin's (`list[int].append`).
pub fn attribute(vm: &mut Vm, o: &ObjRef, name: &str) -> PyResult<Option<Value>> {
    let Some(ga) = o.native::<GenericAlias>() else {
        return Ok(None);
    };
    Ok(Some(match name {
        "__origin__" => ga.origin.clone(),
        "__args__" => ga.args.clone(),
        "__parameters__" => parameters(vm, ga)?,
        "__unpacked__" => Value::Bool(ga.starred),
        "__typing_unpacked_tuple_args__" => {
            let is_tuple = ga
                .origin
                .as_obj()
                .is_some_and(|t| Rc::ptr_eq(t, &vm.types().tuple));
            if ga.starred && is_tuple {
                ga.args.clone()
            } else {
                Value::None
            }
        }
        _ => {
            let origin = ga.origin.clone();
            let n = vm.new_str(name);
            return vm.lookup_attr(&origin, &n);
        }
    }))
}

/// `list[int] == list[int]`: same origin, arguments and starring; `None` when `b` is
/// no alias (NotImplemented).
pub fn equal(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<bool>> {
    let (Some(x), Some(y)) = (a.native::<GenericAlias>(), b.native::<GenericAlias>()) else {
        return Ok(None);
    };
    if x.starred != y.starred || !vm.eq(&x.origin.clone(), &y.origin.clone())? {
        return Ok(Some(false));
    }
    let (xa, ya) = (x.args.clone(), y.args.clone());
    vm.eq(&xa, &ya).map(Some)
}

/// `hash(origin) ^ hash(args)`.
pub fn hash(vm: &mut Vm, ga: &GenericAlias) -> PyResult<i64> {
    let (origin, args) = (ga.origin.clone(), ga.args.clone());
    Ok(vm.hash(&origin)? ^ vm.hash(&args)?)
}

/// `list[int](...)`: call the origin, then record `__orig_class__` on the result when
/// it accepts attributes.
pub fn call(vm: &mut Vm, callable: &Value, args: Args) -> PyResult<Value> {
    let Some(ga) = callable.native::<GenericAlias>() else {
        return Err(vm.not_callable(callable));
    };
    let origin = ga.origin.clone();
    let result = vm.call_with(&origin, args)?;
    let name = vm.new_str("__orig_class__");
    if let Err(e) = vm.set_attr(&result, &name, callable.clone()) {
        let swallowed = [
            vm.types().exc.attribute_error.clone(),
            vm.types().exc.type_error.clone(),
        ];
        if !swallowed
            .iter()
            .any(|t| vm.is_instance(&Value::Obj(e.0.clone()), t))
        {
            return Err(e);
        }
    }
    Ok(result)
}
