//! Making classes, as CPython's `builtin___build_class__` and `type_new`: metaclass
//! selection, `__prepare__`, running the class body, then `__set_name__` on the new
//! class's attributes and the parent's `__init_subclass__` with the class keywords.

use std::rc::Rc;

use crate::error::PyResult;
use crate::object::{ObjRef, Payload};
use crate::objects::dict;
use crate::objects::function::Args;
use crate::protocol::attr::name_str;
use crate::value::Value;
use crate::vm::Vm;

/// `__build_class__(func, name, *bases, metaclass=None, **kwds)`.
pub fn build_class(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = args.pos();
    if p.len() < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    let Some(body) = p[0]
        .as_obj()
        .filter(|o| matches!(o.payload, Payload::Function(_)))
        .cloned()
    else {
        return Err(vm.type_error("__build_class__: func must be a function"));
    };
    if !matches!(p[1].payload(), Some(Payload::Str(_))) {
        return Err(vm.type_error("__build_class__: name is not a string"));
    }
    let orig_bases = p[2..].to_vec();
    let resolved = resolve_mro_entries(vm, &orig_bases)?;
    let p_bases = resolved.as_deref().unwrap_or(&orig_bases);
    let bases = vm.new_tuple(p_bases.to_vec());
    // Split off `metaclass=`; the other keywords go to `__prepare__` and the metaclass.
    let mut explicit_meta = None;
    let mut kwnames = Vec::new();
    let mut kwvalues = Vec::new();
    for (k, v) in args.kwargs() {
        if name_str(k) == "metaclass" {
            explicit_meta = Some(v.clone());
        } else {
            kwnames.push(k.clone());
            kwvalues.push(v.clone());
        }
    }
    let meta = match explicit_meta {
        Some(m) => m,
        None => match p_bases.first() {
            Some(first) => Value::Obj(vm.type_of(first)),
            None => Value::Obj(vm.types().type_.clone()),
        },
    };
    let meta = match meta.as_obj() {
        Some(m) if m.as_type().is_some() => Value::Obj(calculate_metaclass(vm, m, p_bases)?),
        _ => meta,
    };
    let with_keywords = |mut front: Vec<Value>| {
        front.extend(kwvalues.iter().cloned());
        front
    };
    let ns = match vm.lookup_attr(&meta, &vm.new_str("__prepare__"))? {
        Some(prepare) => {
            let values = with_keywords(vec![p[1].clone(), bases.clone()]);
            let ns = vm.call_with(
                &prepare,
                Args {
                    values: &values,
                    kwnames: &kwnames,
                },
            )?;
            match ns.as_obj() {
                Some(o) if o.as_dict().is_some() => o.clone(),
                _ => {
                    let meta_name = match meta.as_obj().and_then(|m| m.as_type()) {
                        Some(t) => t.name().to_string(),
                        None => "<metaclass>".into(),
                    };
                    return Err(vm.type_error(format!(
                        "{meta_name}.__prepare__() must return a mapping, not {}",
                        vm.type_name(&ns)
                    )));
                }
            }
        }
        None => vm.new_dict(),
    };
    let mut frame = vm.make_function_frame(&body, Args::positional_only(&[]))?;
    frame.locals = Some(ns.clone());
    vm.run_frame(frame)?;
    if resolved.is_some() {
        let orig = vm.new_tuple(orig_bases);
        dict::set_item(vm, &ns, vm.new_str("__orig_bases__"), orig)?;
    }
    let values = with_keywords(vec![p[1].clone(), bases, Value::Obj(ns)]);
    vm.call_with(
        &meta,
        Args {
            values: &values,
            kwnames: &kwnames,
        },
    )
}

/// PEP 560: bases that are not classes (`list[int]`, `Generic[T]`) name the classes
/// to use through `__mro_entries__(bases)`; `None` when every base is a class.
fn resolve_mro_entries(vm: &mut Vm, bases: &[Value]) -> PyResult<Option<Vec<Value>>> {
    let mut out = Vec::with_capacity(bases.len());
    let mut changed = false;
    let mut orig = None;
    for base in bases {
        if base.as_obj().is_some_and(|o| o.as_type().is_some()) {
            out.push(base.clone());
            continue;
        }
        let name = vm.new_str("__mro_entries__");
        let Some(entries) = vm.get_optional_attr(base, &name)? else {
            out.push(base.clone());
            continue;
        };
        let orig = orig
            .get_or_insert_with(|| vm.new_tuple(bases.to_vec()))
            .clone();
        let result = vm.call(&entries, &[orig])?;
        let Some(items) = result.as_obj().and_then(|o| o.as_tuple()) else {
            return Err(vm.type_error("__mro_entries__ must return a tuple"));
        };
        out.extend(items.iter().cloned());
        changed = true;
    }
    Ok(changed.then_some(out))
}

/// The most derived of `meta` and the metaclasses of `bases` (CPython's
/// `_PyType_CalculateMetaclass`).
fn calculate_metaclass(vm: &Vm, meta: &ObjRef, bases: &[Value]) -> PyResult<ObjRef> {
    let mut winner = meta.clone();
    for base in bases {
        let base_meta = vm.type_of(base);
        if vm.is_subtype(&winner, &base_meta) {
            continue;
        }
        if vm.is_subtype(&base_meta, &winner) {
            winner = base_meta;
            continue;
        }
        return Err(vm.type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) \
             subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

/// `type(name, bases, ns)`: `type.__new__`, then the metaclass's `__init__` when the
/// class came from a user metaclass (CPython's `type_call`).
pub fn type_call_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let type_ = vm.types().type_.clone();
    let cls = type_new(vm, &type_, args)?;
    let meta = vm.type_of(&cls);
    if let Some(init) = crate::objects::type_call::heap_lookup(vm, &meta, "__init__") {
        let mut all = vec![cls.clone()];
        all.extend_from_slice(args.values);
        vm.call_with(
            &init,
            Args {
                values: &all,
                kwnames: args.kwnames,
            },
        )?;
    }
    Ok(cls)
}

/// `type.__new__(meta, name, bases, namespace, **kwds)` (also `type(name, bases, ns)`).
pub fn type_new(vm: &mut Vm, meta: &ObjRef, args: Args) -> PyResult<Value> {
    let [name, bases, ns] = args.pos() else {
        return Err(vm.type_error("type.__new__() takes exactly 3 arguments"));
    };
    if !matches!(name.payload(), Some(Payload::Str(_))) {
        return Err(vm.type_error(format!(
            "type.__new__() argument 1 must be str, not {}",
            vm.type_name(name)
        )));
    }
    crate::objects::str_stand_in::require_utf8(vm, name)?;
    let Some(bases) = bases
        .as_obj()
        .and_then(|b| b.as_tuple())
        .map(|b| b.to_vec())
    else {
        return Err(vm.type_error(format!(
            "type.__new__() argument 2 must be tuple, not {}",
            vm.type_name(bases)
        )));
    };
    let Some(ns) = ns.as_obj().filter(|o| o.as_dict().is_some()).cloned() else {
        return Err(vm.type_error(format!(
            "type.__new__() argument 3 must be dict, not {}",
            vm.type_name(ns)
        )));
    };
    let winner = calculate_metaclass(vm, meta, &bases)?;
    if !Rc::ptr_eq(&winner, meta) {
        // A more derived metaclass with its own `__new__` makes the class instead.
        if let Some(new) = crate::objects::type_call::heap_lookup(vm, &winner, "__new__") {
            let mut all = vec![Value::Obj(winner)];
            all.extend_from_slice(args.values);
            return vm.call_with(
                &new,
                Args {
                    values: &all,
                    kwnames: args.kwnames,
                },
            );
        }
    }
    let meta = winner;
    let cls = crate::objects::type_call::new_class(vm, &meta, name_str(name), bases, ns)?;
    set_names(vm, &cls)?;
    init_subclass(vm, &cls, args)?;
    Ok(Value::Obj(cls))
}

/// Call `__set_name__(cls, name)` on each attribute whose type defines it.
fn set_names(vm: &mut Vm, cls: &ObjRef) -> PyResult<()> {
    let Some(d) = cls.dict_obj() else {
        return Ok(());
    };
    let items: Vec<(Value, Value)> = match d.as_dict() {
        Some(data) => data
            .borrow()
            .iter()
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect(),
        None => return Ok(()),
    };
    for (key, value) in items {
        let ty = vm.type_of(&value);
        let Some(set_name) = vm.type_lookup(&ty, "__set_name__") else {
            continue;
        };
        if let Err(e) = vm.call(
            &set_name,
            &[value.clone(), Value::Obj(cls.clone()), key.clone()],
        ) {
            let class_name = cls
                .as_type()
                .map_or_else(String::new, |t| t.name().to_string());
            let note = format!(
                "Error calling __set_name__ on '{}' instance {} in '{class_name}'",
                vm.type_name(&value),
                vm.repr(&key)?
            );
            let note = vm.new_str(&note);
            crate::objects::exception_methods::add_note(vm, &e.0, note)?;
            return Err(e);
        }
    }
    Ok(())
}

/// `super(cls, cls).__init_subclass__(**kwds)`.
fn init_subclass(vm: &mut Vm, cls: &ObjRef, args: Args) -> PyResult<()> {
    let mro = cls
        .as_type()
        .map(|t| t.mro.borrow().clone())
        .unwrap_or_default();
    let found = mro.iter().skip(1).find_map(|k| {
        k.dict_obj()
            .and_then(|d| dict::get_str(&d, "__init_subclass__"))
    });
    let Some(found) = found else {
        return Ok(());
    };
    let hook = vm.descriptor_get(found, &Value::Null, cls)?;
    let keywords = &args.values[args.values.len() - args.kwnames.len()..];
    vm.call_with(
        &hook,
        Args {
            values: keywords,
            kwnames: args.kwnames,
        },
    )?;
    Ok(())
}
