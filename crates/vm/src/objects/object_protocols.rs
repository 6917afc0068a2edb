//! The ordinary methods of `object` that the standard library relies on: pickling and
//! copying (`__reduce_ex__`, `__reduce__`, `__getstate__`, and the immutable built-in
//! types' `__getnewargs__`), `__dir__`, `__sizeof__` and `__subclasshook__` (CPython's
//! `Objects/typeobject.c` `object_methods`).

use crate::error::PyResult;
use crate::object::Payload;
use crate::objects::function::Args;
use crate::value::Value;
use crate::vm::Vm;

pub fn install(vm: &Vm) {
    let t = vm.types();
    crate::builtins::add_methods(
        vm,
        &t.object,
        &[
            ("__reduce_ex__", object_reduce_ex),
            ("__reduce__", object_reduce),
            ("__getstate__", object_getstate),
            ("__sizeof__", object_sizeof),
            ("__dir__", object_dir),
        ],
    );
    crate::objects::dict_methods::add_class_methods(
        vm,
        &t.object,
        &[("__subclasshook__", object_subclasshook)],
    );
    for ty in [&t.int, &t.float, &t.str_, &t.tuple, &t.bytes] {
        crate::builtins::add_methods(vm, ty, &[("__getnewargs__", getnewargs)]);
    }
}

/// `x.__getnewargs__()` of an immutable built-in value: `(plain value,)`, what
/// `copyreg.__newobj__` passes to the class to recreate it.
fn getnewargs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    let [recv] = pos else {
        return Err(vm.type_error(format!(
            "__getnewargs__() takes no arguments ({} given)",
            pos.len().saturating_sub(1)
        )));
    };
    let plain = if let Some(i) = crate::protocol::number::as_int(recv) {
        crate::objects::int_methods::plain_int(vm, &i)
    } else if let Some(f) = crate::protocol::number::as_float(recv) {
        crate::objects::float_new::new_float(vm, f)
    } else {
        match recv.payload() {
            Some(Payload::Str(s)) => vm.new_str(s.as_str()),
            Some(Payload::Tuple(t)) => vm.new_tuple(t.to_vec()),
            Some(Payload::Bytes(b)) => crate::objects::bytes::new_bytes(vm, b.to_vec()),
            _ => return Err(vm.type_error("__getnewargs__ of a non-built-in value")),
        }
    };
    Ok(vm.new_tuple(vec![plain]))
}

/// The receiver and the arguments after it, checking their number.
fn receiver<'a>(vm: &Vm, args: &Args<'a>, name: &str, extra: usize) -> PyResult<&'a [Value]> {
    let pos = args.pos();
    if pos.is_empty() {
        return Err(vm.type_error(format!(
            "descriptor '{name}' of 'object' object needs an argument"
        )));
    }
    if pos.len() - 1 > extra || !args.kwnames.is_empty() {
        return Err(vm.type_error(format!(
            "object.{name}() takes {} ({} given)",
            if extra == 0 {
                "no arguments".to_string()
            } else {
                format!("exactly {extra} argument")
            },
            pos.len() - 1
        )));
    }
    Ok(pos)
}

/// `obj.__reduce_ex__(protocol)`: a class's own `__reduce__` wins; otherwise
/// `copyreg`'s reduction (protocols 0 and 1) or CPython's `reduce_newobj` (2+).
fn object_reduce_ex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = receiver(vm, &args, "__reduce_ex__", 1)?;
    let obj = &pos[0];
    let Some(protocol) = pos.get(1) else {
        return Err(vm.type_error("object.__reduce_ex__() takes exactly one argument (0 given)"));
    };
    let ty = vm.type_of(obj);
    let own = vm
        .types()
        .object
        .dict_obj()
        .and_then(|d| crate::objects::dict::get_str(&d, "__reduce__"));
    if let (Some(found), Some(own)) = (vm.type_lookup(&ty, "__reduce__"), own) {
        if !found.is(&own) {
            let reduce = vm.get_attr_str(obj, "__reduce__")?;
            return vm.call(&reduce, &[]);
        }
    }
    common_reduce(vm, obj, protocol)
}

/// `obj.__reduce__()`: the protocol-0 reduction.
fn object_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = receiver(vm, &args, "__reduce__", 0)?;
    common_reduce(vm, &pos[0], &Value::Int(0))
}

fn common_reduce(vm: &mut Vm, obj: &Value, protocol: &Value) -> PyResult<Value> {
    let copyreg = vm.import_module("copyreg")?;
    // CPython takes the protocol as a C int: protocols below 2 (negative ones
    // too) go through copyreg, and a value no C int holds is an OverflowError.
    let protocol_number = match crate::protocol::number::as_int(protocol) {
        Some(crate::protocol::number::IntRef::Small(p)) => i32::try_from(p).ok(),
        Some(crate::protocol::number::IntRef::Big(_)) => None,
        None => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(protocol)
            )))
        }
    };
    let Some(protocol_number) = protocol_number else {
        return Err(vm.overflow_error("Python int too large to convert to C int"));
    };
    if protocol_number < 2 {
        let reduce = vm.get_attr_str(&copyreg, "_reduce_ex")?;
        return vm.call(&reduce, &[obj.clone(), protocol.clone()]);
    }
    reduce_newobj(vm, &copyreg, obj)
}

/// `(copyreg.__newobj__, (cls, *args), state, listitems, dictitems)`.
fn reduce_newobj(vm: &mut Vm, copyreg: &Value, obj: &Value) -> PyResult<Value> {
    let cls = Value::Obj(vm.type_of(obj));
    let mut newargs = vec![cls];
    if let Some(getnewargs) = vm.get_optional_attr(obj, &vm.new_str("__getnewargs__"))? {
        let extra = vm.call(&getnewargs, &[])?;
        match extra.as_obj().and_then(|o| o.as_tuple()) {
            Some(items) => newargs.extend(items.iter().cloned()),
            None => {
                return Err(vm.type_error(format!(
                    "__getnewargs__ should return a tuple, not '{}'",
                    vm.type_name(&extra)
                )))
            }
        }
    }
    let newobj = vm.get_attr_str(copyreg, "__newobj__")?;
    let getstate = vm.get_attr_str(obj, "__getstate__")?;
    let state = vm.call(&getstate, &[])?;
    let listitems = match obj.payload() {
        Some(Payload::List(_)) => vm.get_iter(obj)?,
        _ => Value::None,
    };
    let dictitems = match obj.payload() {
        Some(Payload::Dict(_)) => {
            let items = vm.get_attr_str(obj, "items")?;
            let view = vm.call(&items, &[])?;
            vm.get_iter(&view)?
        }
        _ => Value::None,
    };
    let args = vm.new_tuple(newargs);
    Ok(vm.new_tuple(vec![newobj, args, state, listitems, dictitems]))
}

/// `obj.__getstate__()`: a copy of the instance dict, or `None` when it is empty.
fn object_getstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = receiver(vm, &args, "__getstate__", 0)?;
    let Some(d) = pos[0].as_obj().and_then(|o| o.dict_obj()) else {
        return Ok(Value::None);
    };
    match d.as_dict() {
        Some(data) if !data.borrow().is_empty() => {
            let copy = data.borrow().clone();
            Ok(Value::Obj(vm.new_dict_with(copy)))
        }
        _ => Ok(Value::None),
    }
}

/// `obj.__sizeof__()`: CPython's basic size of an object header and dict pointer.
fn object_sizeof(vm: &mut Vm, args: Args) -> PyResult<Value> {
    receiver(vm, &args, "__sizeof__", 0)?;
    Ok(Value::Int(16))
}

/// `obj.__dir__()`: the names `dir(obj)` lists, unsorted.
fn object_dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = receiver(vm, &args, "__dir__", 0)?;
    let names = crate::builtins::attribute_names(vm, &pos[0]);
    Ok(vm.new_list(names))
}

/// `cls.__subclasshook__(sub)`: no opinion.
fn object_subclasshook(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.types().not_implemented.clone())
}
