//! `BaseExceptionGroup` and `ExceptionGroup` (PEP 654, CPython's
//! `Objects/exceptions.c`): construction rules, `str()`, and the `derive`, `split` and
//! `subgroup` methods. `message` and `exceptions` live in the instance dict.

use std::rc::Rc;

use crate::error::PyResult;
use crate::object::{ObjRef, Payload};
use crate::objects::dict;
use crate::objects::function::Args;
use crate::value::Value;
use crate::vm::Vm;

pub fn install(vm: &Vm) {
    let group = vm.types().exc.base_exception_group.clone();
    crate::builtins::add_methods(
        vm,
        &group,
        &[("derive", derive), ("split", split), ("subgroup", subgroup)],
    );
}

/// Make a group when `cls` is an exception-group class; `None` for other classes.
pub fn construct(vm: &mut Vm, cls: &ObjRef, args: Args) -> PyResult<Option<Value>> {
    let exc_types = &vm.types().exc;
    let (base_group, group, exception) = (
        exc_types.base_exception_group.clone(),
        exc_types.exception_group.clone(),
        exc_types.exception.clone(),
    );
    if !vm.is_subtype(cls, &base_group) {
        return Ok(None);
    }
    let pos = args.pos();
    let [message, excs] = pos else {
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            pos.len()
        )));
    };
    if !matches!(message.payload(), Some(Payload::Str(_))) {
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            vm.type_name(message)
        )));
    }
    let items = match excs.payload() {
        Some(Payload::List(l)) => l.borrow().clone(),
        Some(Payload::Tuple(t)) => t.to_vec(),
        _ => {
            return Err(vm.type_error("second argument (exceptions) must be a sequence"));
        }
    };
    if items.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    for (i, item) in items.iter().enumerate() {
        if !vm.is_exception_instance(item) {
            return Err(vm.value_error(format!(
                "Item {i} of second argument (exceptions) is not an exception"
            )));
        }
    }
    let all_exceptions = items.iter().all(|e| vm.is_instance(e, &exception));
    let mut cls = cls.clone();
    if Rc::ptr_eq(&cls, &base_group) {
        if all_exceptions {
            cls = group;
        }
    } else if !all_exceptions && vm.is_subtype(&cls, &exception) {
        return Err(vm.type_error(if Rc::ptr_eq(&cls, &group) {
            "Cannot nest BaseExceptions in an ExceptionGroup".to_string()
        } else {
            format!(
                "Cannot nest BaseExceptions in '{}'",
                cls.as_type()
                    .map_or_else(String::new, |t| t.name().to_string())
            )
        }));
    }
    let exc = vm.new_exception_of(&cls, pos.to_vec());
    vm.set_exc_attr(&exc, "message", message.clone());
    let tuple = vm.new_tuple(items);
    vm.set_exc_attr(&exc, "exceptions", tuple);
    Ok(Some(Value::Obj(exc)))
}

fn group_field(exc: &ObjRef, name: &str) -> Value {
    exc.dict_obj()
        .and_then(|d| dict::get_str(&d, name))
        .unwrap_or(Value::None)
}

fn group_items(exc: &ObjRef) -> Vec<Value> {
    group_field(exc, "exceptions")
        .as_obj()
        .and_then(|t| t.as_tuple())
        .map(|t| t.to_vec())
        .unwrap_or_default()
}

/// `str(group)`: `message (n sub-exceptions)`; `None` for other exceptions.
pub fn group_str(vm: &mut Vm, exc: &ObjRef) -> PyResult<Option<String>> {
    let base_group = vm.types().exc.base_exception_group.clone();
    if !vm.is_instance(&Value::Obj(exc.clone()), &base_group) {
        return Ok(None);
    }
    let message = vm.to_str(&group_field(exc, "message"))?;
    let n = group_items(exc).len();
    let plural = if n == 1 { "" } else { "s" };
    Ok(Some(format!("{message} ({n} sub-exception{plural})")))
}

fn receiver(vm: &Vm, args: &Args, method: &str) -> PyResult<ObjRef> {
    let base_group = vm.types().exc.base_exception_group.clone();
    match args.pos().first() {
        Some(v @ Value::Obj(o)) if vm.is_instance(v, &base_group) => Ok(o.clone()),
        _ => Err(vm.type_error(format!(
            "descriptor '{method}' requires a 'BaseExceptionGroup' object"
        ))),
    }
}

/// `group.derive(excs)`: a group with the same message (not copying other state).
fn derive(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let exc = receiver(vm, &args, "derive")?;
    let [_, excs] = args.pos() else {
        return Err(vm.type_error("derive() takes exactly one argument"));
    };
    let base_group = vm.types().exc.base_exception_group.clone();
    let values = [group_field(&exc, "message"), excs.clone()];
    match construct(vm, &base_group, Args::positional_only(&values))? {
        Some(v) => Ok(v),
        None => Err(vm.system_error("derive: not an exception group")),
    }
}

/// What `split`/`subgroup` select: exception types, or a predicate.
enum Condition {
    Types(Value),
    Predicate(Value),
    /// These exact exception objects (by identity): `except*` re-raise projection.
    Instances(Vec<usize>),
}

fn condition(vm: &Vm, v: &Value) -> PyResult<Condition> {
    let base = vm.types().exc.base_exception.clone();
    let is_exc_type = |x: &Value| {
        x.as_obj()
            .is_some_and(|o| o.as_type().is_some() && vm.is_subtype(o, &base))
    };
    let ok_types = match v.payload() {
        Some(Payload::Tuple(t)) => t.iter().all(is_exc_type),
        _ => is_exc_type(v),
    };
    if ok_types {
        return Ok(Condition::Types(v.clone()));
    }
    let is_class = v.as_obj().is_some_and(|o| o.as_type().is_some());
    if !is_class && crate::objects::iterators::is_callable(vm, v) {
        return Ok(Condition::Predicate(v.clone()));
    }
    Err(vm.type_error(
        "expected an exception type, a tuple of exception types, or a callable (other than a class)",
    ))
}

fn matches(vm: &mut Vm, cond: &Condition, exc: &Value) -> PyResult<bool> {
    match cond {
        Condition::Types(types) => {
            let types = match types.payload() {
                Some(Payload::Tuple(t)) => t.to_vec(),
                _ => vec![types.clone()],
            };
            Ok(types
                .iter()
                .any(|t| t.as_obj().is_some_and(|o| vm.is_instance(exc, o))))
        }
        Condition::Predicate(f) => {
            let r = vm.call(f, std::slice::from_ref(exc))?;
            vm.is_true(&r)
        }
        Condition::Instances(ids) => Ok(exc.as_obj().is_some_and(|o| ids.contains(&identity(o)))),
    }
}

/// The parts of `exc` that match and that do not (CPython's
/// `exceptiongroup_split_recursive`); nested groups are split the same way.
fn split_recursive(
    vm: &mut Vm,
    exc: &Value,
    cond: &Condition,
    want_rest: bool,
    depth: usize,
) -> PyResult<(Option<Value>, Option<Value>)> {
    if depth > MAX_DEPTH {
        return Err(vm.error(
            &vm.types().exc.recursion_error.clone(),
            "maximum recursion depth exceeded while splitting an exception group",
        ));
    }
    if matches(vm, cond, exc)? {
        return Ok((Some(exc.clone()), None));
    }
    let base_group = vm.types().exc.base_exception_group.clone();
    let Some(group) = exc
        .as_obj()
        .filter(|_| vm.is_instance(exc, &base_group))
        .cloned()
    else {
        return Ok((None, want_rest.then(|| exc.clone())));
    };
    let (mut matched, mut rest) = (Vec::new(), Vec::new());
    for item in group_items(&group) {
        let (m, r) = split_recursive(vm, &item, cond, want_rest, depth + 1)?;
        matched.extend(m);
        rest.extend(r);
    }
    let matched = derive_and_copy(vm, &group, matched)?;
    let rest = if want_rest {
        derive_and_copy(vm, &group, rest)?
    } else {
        None
    };
    Ok((matched, rest))
}

/// Nesting deeper than this while splitting is a RecursionError (a group can contain
/// itself only through user code, but the walk must stay bounded).
const MAX_DEPTH: usize = 1000;

/// `group.derive(items)` carrying over traceback, cause, context and notes.
fn derive_and_copy(vm: &mut Vm, group: &ObjRef, items: Vec<Value>) -> PyResult<Option<Value>> {
    if items.is_empty() {
        return Ok(None);
    }
    let groupv = Value::Obj(group.clone());
    let list = vm.new_list(items);
    let derive = vm.get_attr_str(&groupv, "derive")?;
    let new = vm.call(&derive, &[list])?;
    let base_group = vm.types().exc.base_exception_group.clone();
    let Some(new_obj) = new
        .as_obj()
        .filter(|_| vm.is_instance(&new, &base_group))
        .cloned()
    else {
        return Err(vm.type_error("derive must return an instance of BaseExceptionGroup"));
    };
    if let (Some(src), Some(dst)) = (vm.exception_data(group), vm.exception_data(&new_obj)) {
        let src = src.borrow();
        // Each part gets its own copy of the notes list.
        let notes = match src.notes.payload() {
            Some(Payload::List(l)) => vm.new_list(l.borrow().clone()),
            _ => src.notes.clone(),
        };
        let mut dst = dst.borrow_mut();
        dst.traceback = src.traceback.clone();
        dst.cause = src.cause.clone();
        dst.context = src.context.clone();
        dst.notes = notes;
    }
    Ok(Some(new))
}

fn split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let exc = receiver(vm, &args, "split")?;
    let [_, cond] = args.pos() else {
        return Err(vm.type_error("split() takes exactly one argument"));
    };
    let cond = condition(vm, cond)?;
    let (m, r) = split_recursive(vm, &Value::Obj(exc), &cond, true, 0)?;
    Ok(vm.new_tuple(vec![m.unwrap_or(Value::None), r.unwrap_or(Value::None)]))
}

fn identity(o: &ObjRef) -> usize {
    Rc::as_ptr(o) as usize
}

/// Whether `exc` is a `BaseExceptionGroup`.
pub fn is_group(vm: &Vm, exc: &Value) -> bool {
    vm.is_instance(exc, &vm.types().exc.base_exception_group.clone())
}

/// `(match, rest)` of `exc.split(types)`, for `CHECK_EG_MATCH`.
pub fn split_by_types(vm: &mut Vm, exc: &Value, types: &Value) -> PyResult<(Value, Value)> {
    let (m, r) = split_recursive(vm, exc, &Condition::Types(types.clone()), true, 0)?;
    Ok((m.unwrap_or(Value::None), r.unwrap_or(Value::None)))
}

/// The part of `group` whose leaf exceptions appear in `keep` (themselves or inside
/// groups there): CPython's `exception_group_projection`.
pub fn projection(vm: &mut Vm, group: &Value, keep: &[Value]) -> PyResult<Value> {
    let mut ids = Vec::new();
    let mut pending: Vec<Value> = keep.to_vec();
    while let Some(e) = pending.pop() {
        let Some(o) = e.as_obj() else { continue };
        if is_group(vm, &e) {
            pending.extend(group_items(o));
        } else {
            ids.push(identity(o));
        }
    }
    let (m, _) = split_recursive(vm, group, &Condition::Instances(ids), false, 0)?;
    Ok(m.unwrap_or(Value::None))
}

/// `ExceptionGroup("", excs)` (or a `BaseExceptionGroup` when one is not an Exception).
pub fn new_anonymous_group(vm: &mut Vm, excs: Vec<Value>) -> PyResult<Value> {
    let base_group = vm.types().exc.base_exception_group.clone();
    let values = [vm.new_str(""), vm.new_list(excs)];
    match construct(vm, &base_group, Args::positional_only(&values))? {
        Some(v) => Ok(v),
        None => Err(vm.system_error("could not make an exception group")),
    }
}

fn subgroup(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let exc = receiver(vm, &args, "subgroup")?;
    let [_, cond] = args.pos() else {
        return Err(vm.type_error("subgroup() takes exactly one argument"));
    };
    let cond = condition(vm, cond)?;
    let (m, _) = split_recursive(vm, &Value::Obj(exc), &cond, false, 0)?;
    Ok(m.unwrap_or(Value::None))
}
