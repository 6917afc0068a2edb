//! The attributes built-in types expose as getters (CPython's getsets and members:
//! `__name__`, `__code__`, `co_argcount`, `args`...), and their default reprs.

use crate::error::PyResult;
use crate::frame::code_data;
use crate::object::{ObjRef, Payload};
use crate::objects::dict;
use crate::objects::slot_wrapper::{self, SlotWrapper};
use crate::protocol::attr::name_str;
use crate::value::Value;
use crate::vm::Vm;

/// `obj.name` for built-in attributes; `None` when the type has no such attribute.
pub fn builtin_attribute(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    if name == "__class__" {
        return Ok(Some(Value::Obj(vm.type_of(obj))));
    }
    let numeric = crate::objects::int_methods::attribute(vm, obj, name)
        .or_else(|| crate::objects::float_methods::attribute(vm, obj, name))
        .or_else(|| crate::objects::complex_methods::attribute(vm, obj, name));
    if let Some(v) = numeric {
        return Ok(Some(v));
    }
    if matches!(obj.payload(), Some(Payload::MemoryView(_))) {
        return crate::objects::memoryview_methods::attribute(vm, obj, name);
    }
    let Value::Obj(o) = obj else { return Ok(None) };
    if name == "__dict__" {
        if let (Payload::Type(_), Some(d)) = (&o.payload, o.dict_obj()) {
            return Ok(Some(crate::objects::mappingproxy::of_namespace(vm, d)));
        }
        if o.dict.borrow().is_none() && matches!(o.payload, Payload::Function(_)) {
            *o.dict.borrow_mut() = Some(vm.new_dict());
        }
        if let Some(d) = o.dict_obj() {
            return Ok(Some(Value::Obj(d)));
        }
    }
    Ok(match &o.payload {
        Payload::Property(_) | Payload::StaticMethod(_) | Payload::ClassMethod(_) => {
            return crate::objects::descriptors::attribute(vm, o, name);
        }
        Payload::Super(s) => crate::objects::super_::attribute(s, name),
        Payload::Type(t) => match name {
            "__name__" => Some(vm.new_str(&t.name())),
            "__qualname__" => Some(vm.new_str(&t.qualname.borrow())),
            "__mro__" => {
                Some(vm.new_tuple(t.mro.borrow().iter().cloned().map(Value::Obj).collect()))
            }
            "__bases__" => {
                Some(vm.new_tuple(t.bases.borrow().iter().cloned().map(Value::Obj).collect()))
            }
            "__base__" => Some(
                t.bases
                    .borrow()
                    .first()
                    .cloned()
                    .map_or(Value::None, Value::Obj),
            ),
            "__module__" => Some(vm.new_str(&type_module(vm, o))),
            "__doc__" => return type_doc(vm, o),
            "__text_signature__" => {
                Some(crate::objects::text_signature::type_text_signature(vm, o))
            }
            // A class's own `__type_params__` (PEP 695), `()` when it has none.
            "__type_params__" => Some(
                o.dict_obj()
                    .and_then(|d| dict::get_str(&d, "__type_params__"))
                    .unwrap_or_else(|| vm.new_tuple(Vec::new())),
            ),
            "__annotations__" | "__annotate__" => {
                return crate::objects::type_annotations::get(vm, o, name)
            }
            _ => None,
        },
        Payload::Function(fun) => match name {
            "__name__" => Some(fun.name.borrow().clone()),
            "__qualname__" => Some(fun.qualname.borrow().clone()),
            "__module__" => Some(fun.module.borrow().clone()),
            "__doc__" => Some(fun.doc.borrow().clone()),
            "__code__" => Some(Value::Obj(fun.code.borrow().clone())),
            "__globals__" => Some(Value::Obj(fun.globals.clone())),
            "__builtins__" => Some(Value::Obj(fun.builtins.clone())),
            "__defaults__" => Some(fun.defaults.borrow().clone()),
            "__kwdefaults__" => Some(fun.kwdefaults.borrow().clone()),
            "__closure__" => Some(fun.closure.borrow().clone()),
            "__type_params__" => Some(match &*fun.type_params.borrow() {
                Value::None => vm.new_tuple(vec![]),
                v => v.clone(),
            }),
            _ => crate::objects::function_annotations::get(vm, fun, name)?,
        },
        Payload::BuiltinFunction(b) => match name {
            "__name__" => Some(vm.new_str(b.name)),
            "__qualname__" => Some(vm.new_str(&match &b.owner {
                Some(t) => format!(
                    "{}.{}",
                    t.as_type().map_or_else(|| "?".into(), |t| t.name()),
                    b.name
                ),
                None => b.name.to_string(),
            })),
            "__self__" => Some(b.module.clone().unwrap_or(Value::None)),
            "__doc__" => Some(Value::None),
            "__text_signature__" => Some(crate::objects::text_signature::text_signature(vm, b)),
            _ => None,
        },
        Payload::Method { func, self_ } => match name {
            "__func__" => Some(func.clone()),
            "__self__" => Some(self_.clone()),
            _ => {
                let n = vm.new_str(name);
                vm.lookup_attr(func, &n)?
            }
        },
        Payload::Cell(c) => match name {
            "cell_contents" => {
                let v = c.borrow().clone();
                if v.is_null() {
                    return Err(vm.value_error("Cell is empty"));
                }
                Some(v)
            }
            _ => None,
        },
        Payload::Code(_) => crate::objects::code_attrs::code_attribute(vm, o, name)?,
        Payload::Exception(d) => match name {
            "code" if vm.is_instance(obj, &vm.types().exc.system_exit.clone()) => {
                let args = d.borrow().args.clone();
                match args.as_obj().and_then(|a| a.as_tuple()) {
                    Some([]) | None => Some(Value::None),
                    Some([single]) => Some(single.clone()),
                    Some(_) => Some(args.clone()),
                }
            }
            "value" if vm.is_instance(obj, &vm.types().exc.stop_iteration.clone()) => {
                Some(vm.stop_iteration_value(o))
            }
            "args" => Some(d.borrow().args.clone()),
            "__traceback__" => Some(d.borrow().traceback.clone()),
            "__cause__" => Some(d.borrow().cause.clone()),
            "__context__" => Some(d.borrow().context.clone()),
            "__suppress_context__" => Some(Value::Bool(d.borrow().suppress_context)),
            "__notes__" => {
                let n = d.borrow().notes.clone();
                if n.is_null() {
                    None
                } else {
                    Some(n)
                }
            }
            _ => None,
        },
        Payload::Traceback(tb) => match name {
            "tb_next" => Some(tb.next.clone()),
            "tb_frame" => Some(Value::Obj(tb.frame.clone())),
            "tb_lasti" => Some(Value::Int(2 * tb.lasti as i64)),
            "tb_lineno" => Some(line_value(&tb.frame, tb.lasti)),
            _ => None,
        },
        Payload::Frame(fo) => crate::objects::frame::attribute(vm, o, fo, name),
        Payload::Generator(g) => crate::objects::generator::attribute(vm, o, g, name),
        Payload::StdStream(which) => crate::objects::std_stream::attribute(vm, *which, name),
        Payload::Native(_) => return native_attribute(vm, o, name),
        Payload::BigRange(r) => crate::objects::range_big::attribute(vm, r, name),
        Payload::Range(r) => match name {
            "start" => Some(Value::Int(r.start)),
            "stop" => Some(Value::Int(r.stop)),
            "step" => Some(Value::Int(r.step)),
            _ => None,
        },
        Payload::Slice(s) => match name {
            "start" => Some(s.start.clone()),
            "stop" => Some(s.stop.clone()),
            "step" => Some(s.step.clone()),
            _ => None,
        },
        _ => None,
    })
}

/// The attributes of the VM's own objects held in `Payload::Native`.
fn native_attribute(vm: &mut Vm, o: &ObjRef, name: &str) -> PyResult<Option<Value>> {
    let simple = slot_wrapper::attribute(vm, o, name)
        .or_else(|| crate::objects::getset::attribute(vm, o, name));
    if simple.is_some() {
        return Ok(simple);
    }
    if let Some(v) = crate::objects::generic_alias::attribute(vm, o, name)? {
        return Ok(Some(v));
    }
    crate::objects::union_type::attribute(vm, o, name)
}

/// A type's `__doc__`: a class's docstring from its namespace (through its `__get__`
/// when it has one), `None` for the built-in types.
fn type_doc(vm: &mut Vm, ty: &ObjRef) -> PyResult<Option<Value>> {
    let doc = ty.dict_obj().and_then(|d| dict::get_str(&d, "__doc__"));
    match doc {
        Some(d) if vm.type_is_heap(ty) => vm.descriptor_get(d, &Value::Null, ty).map(Some),
        Some(d) => Ok(Some(d)),
        None => Ok(Some(Value::None)),
    }
}

fn line_value(frame: &ObjRef, lasti: usize) -> Value {
    let code = match &frame.payload {
        Payload::Frame(fo) => fo.code.clone(),
        _ => return Value::None,
    };
    code_data(&code)
        .code
        .line_at(lasti)
        .map_or(Value::None, |l| Value::Int(l as i64))
}

/// `obj.name = value` for writable built-in attributes; `Ok(false)` if not one.
pub fn set_builtin_attribute(
    vm: &mut Vm,
    obj: &Value,
    name: &str,
    value: &Value,
) -> PyResult<bool> {
    if name == "__class__" {
        return crate::objects::class_assign::assign(vm, obj, value).map(|()| true);
    }
    let Value::Obj(o) = obj else { return Ok(false) };
    match &o.payload {
        Payload::Function(fun) => {
            let slot = match name {
                "__name__" => &fun.name,
                "__qualname__" => &fun.qualname,
                "__module__" => &fun.module,
                "__doc__" => &fun.doc,
                "__defaults__" => &fun.defaults,
                "__kwdefaults__" => &fun.kwdefaults,
                "__code__" => {
                    crate::objects::function_code::set_code(vm, fun, Some(value))?;
                    return Ok(true);
                }
                "__type_params__" => {
                    if !matches!(value.payload(), Some(Payload::Tuple(_))) {
                        return Err(vm.type_error("__type_params__ must be set to a tuple"));
                    }
                    &fun.type_params
                }
                _ => return crate::objects::function_annotations::set(vm, fun, name, value),
            };
            *slot.borrow_mut() = value.clone();
            Ok(true)
        }
        Payload::Type(t) => set_type_attribute(vm, o, t, name, value),
        Payload::Frame(fo) => crate::objects::frame::set_attribute(vm, fo, name, value),
        Payload::Exception(d) => {
            // The traceback printer and `raise` walk these links: keep them the
            // types CPython's setters allow.
            let is_exc = matches!(value.payload(), Some(Payload::Exception(_)));
            let is_none = matches!(value, Value::None);
            let refused = match name {
                "__cause__" if !(is_none || is_exc) => {
                    Some("exception cause must be None or derive from BaseException")
                }
                "__context__" if !(is_none || is_exc) => {
                    Some("exception context must be None or derive from BaseException")
                }
                "__traceback__"
                    if !(is_none || matches!(value.payload(), Some(Payload::Traceback(_)))) =>
                {
                    Some("__traceback__ must be a traceback or None")
                }
                "__suppress_context__" if !matches!(value, Value::Bool(_)) => {
                    Some("attribute value type must be bool")
                }
                _ => None,
            };
            if let Some(message) = refused {
                return Err(vm.type_error(message));
            }
            let mut d = d.borrow_mut();
            match name {
                "__cause__" => {
                    d.cause = value.clone();
                    d.suppress_context = true;
                }
                "__context__" => d.context = value.clone(),
                "__suppress_context__" => d.suppress_context = matches!(value, Value::Bool(true)),
                "__traceback__" => d.traceback = value.clone(),
                "args" => {
                    drop(d);
                    let items = vm.collect_iterable(value)?;
                    let t = vm.new_tuple(items);
                    if let Some(data) = vm.exception_data(o) {
                        data.borrow_mut().args = t;
                    }
                }
                _ => return Ok(false),
            }
            Ok(true)
        }
        _ => Ok(false),
    }
}

/// `C.__name__ = ...` and the other writable attributes of classes.
fn set_type_attribute(
    vm: &mut Vm,
    o: &ObjRef,
    t: &crate::objects::type_::TypeObject,
    name: &str,
    value: &Value,
) -> PyResult<bool> {
    if t.is_heap && crate::objects::type_annotations::set(vm, o, name, value)? {
        t.version.set(t.version.get().wrapping_add(1));
        return Ok(true);
    }
    if name == "__abstractmethods__" && t.is_heap {
        crate::objects::abstract_class::set_abstract_methods(vm, o, t, value)?;
        return Ok(true);
    }
    if name == "__bases__" {
        crate::objects::type_bases::set_bases(vm, o, t, value)?;
        return Ok(true);
    }
    if name == "__type_params__" && t.is_heap {
        if let Some(d) = o.dict_obj() {
            dict::set_str(vm, &d, name, value.clone());
        }
        t.version.set(t.version.get().wrapping_add(1));
        return Ok(true);
    }
    if !matches!(name, "__name__" | "__qualname__" | "__module__" | "__doc__") {
        return Ok(false);
    }
    if !t.is_heap {
        return Err(vm.type_error(format!(
            "cannot set '{name}' attribute of immutable type '{}'",
            t.name()
        )));
    }
    match name {
        "__name__" | "__qualname__" => {
            let Some(text) = value.as_obj().and_then(|v| v.as_str()) else {
                return Err(vm.type_error(format!(
                    "can only assign string to {}.{name}, not '{}'",
                    t.name(),
                    vm.type_name(value)
                )));
            };
            let slot = if name == "__name__" {
                &t.name
            } else {
                &t.qualname
            };
            *slot.borrow_mut() = text.as_str().into();
        }
        _ => {
            if let Some(d) = o.dict_obj() {
                dict::set_str(vm, &d, name, value.clone());
            }
        }
    }
    t.version.set(t.version.get().wrapping_add(1));
    Ok(true)
}

/// `<... at 0x...>`-style reprs of the built-in types that have no richer one.
pub fn default_repr(vm: &mut Vm, o: &ObjRef, v: &Value) -> PyResult<String> {
    let addr = format!("{:#x}", v.id());
    Ok(match &o.payload {
        Payload::Type(_) => {
            let module = type_module(vm, o);
            let qualname = o
                .as_type()
                .map_or_else(String::new, |t| t.qualname.borrow().to_string());
            if module == "builtins" {
                format!("<class '{qualname}'>")
            } else {
                format!("<class '{module}.{qualname}'>")
            }
        }
        Payload::Function(f) => format!("<function {} at {addr}>", name_str(&f.qualname.borrow())),
        Payload::BuiltinFunction(b) => match &b.owner {
            Some(t) => format!(
                "<method '{}' of '{}' objects>",
                b.name,
                t.as_type().map_or_else(|| "?".into(), |t| t.name())
            ),
            None => format!("<built-in function {}>", b.name),
        },
        Payload::Method { func, self_ } if func.native::<SlotWrapper>().is_some() => {
            let text = func
                .as_obj()
                .and_then(|f| slot_wrapper::repr(vm, f, Some(self_)));
            text.unwrap_or_default()
        }
        Payload::Method { func, self_ } => match func.payload() {
            Some(Payload::BuiltinFunction(b)) => format!(
                "<built-in method {} of {} object at {:#x}>",
                b.name,
                vm.type_name(self_),
                self_.id()
            ),
            _ => {
                let qn = vm.get_attr_str(func, "__qualname__")?;
                let r = vm.repr(self_)?;
                format!("<bound method {} of {r}>", name_str(&qn))
            }
        },
        Payload::StaticMethod(_) | Payload::ClassMethod(_) => {
            crate::objects::descriptors::repr(vm, o)?.unwrap_or_default()
        }
        Payload::Super(s) => crate::objects::super_::repr(s),
        Payload::Member(m) => crate::objects::slots::repr(m),
        Payload::Native(_) => {
            match slot_wrapper::repr(vm, o, None).or_else(|| crate::objects::getset::repr(vm, o)) {
                Some(text) => text,
                None => match crate::objects::generic_alias::repr(vm, o)? {
                    Some(text) => text,
                    None => crate::objects::union_type::repr(vm, o)?
                        .unwrap_or_else(|| object_repr(vm, o, v)),
                },
            }
        }
        Payload::Frame(fo) => crate::objects::frame::repr(vm, o, fo)?,
        Payload::Code(c) => format!(
            "<code object {} at {addr}, file \"{}\", line {}>",
            c.code.name, c.code.filename, c.code.firstlineno
        ),
        Payload::Module => crate::objects::module::repr(vm, o)?,
        Payload::BigRange(r) => crate::objects::range_big::repr(r),
        Payload::Range(r) => {
            if r.step == 1 {
                format!("range({}, {})", r.start, r.stop)
            } else {
                format!("range({}, {}, {})", r.start, r.stop, r.step)
            }
        }
        Payload::Slice(s) => {
            let (a, b, c) = (s.start.clone(), s.stop.clone(), s.step.clone());
            format!(
                "slice({}, {}, {})",
                vm.repr(&a)?,
                vm.repr(&b)?,
                vm.repr(&c)?
            )
        }
        Payload::Exception(d) => {
            let args = d.borrow().args.clone();
            let name = vm.type_name(v);
            let items: Vec<Value> = args
                .as_obj()
                .and_then(|a| a.as_tuple())
                .map(|t| t.to_vec())
                .unwrap_or_default();
            if items.len() == 1 {
                format!("{name}({})", vm.repr(&items[0])?)
            } else {
                format!("{name}{}", vm.repr(&args)?)
            }
        }
        Payload::Generator(g) => format!(
            "<{} object {} at {addr}>",
            g.kind.noun().replace(' ', "_"),
            name_str(&g.qualname.borrow())
        ),
        Payload::Cell(c) => {
            let inner = c.borrow().clone();
            if inner.is_null() {
                format!("<cell at {addr}: empty>")
            } else {
                format!(
                    "<cell at {addr}: {} object at {:#x}>",
                    vm.type_name(&inner),
                    inner.id()
                )
            }
        }
        _ => object_repr(vm, o, v),
    })
}

/// `<module.Class object at 0x...>` (and the two singletons' names).
fn object_repr(vm: &Vm, o: &ObjRef, v: &Value) -> String {
    if v.is(&vm.types().not_implemented) {
        return "NotImplemented".into();
    }
    if v.is(&vm.types().ellipsis) {
        return "Ellipsis".into();
    }
    let addr = format!("{:#x}", v.id());
    let ty = vm.class_of(o);
    let module = type_module(vm, &ty);
    let qualname = ty
        .as_type()
        .map_or_else(String::new, |t| t.qualname.borrow().to_string());
    if module == "builtins" {
        format!("<{qualname} object at {addr}>")
    } else {
        format!("<{module}.{qualname} object at {addr}>")
    }
}

/// A type's `__module__`: from its namespace for classes, `builtins` otherwise.
pub fn type_module(_vm: &Vm, ty: &ObjRef) -> String {
    // A built-in type's namespace may hold `__module__` descriptors for its instances
    // (`function.__module__`): only a string names the type's own module.
    ty.dict_obj()
        .and_then(|d| dict::get_str(&d, "__module__"))
        .filter(|m| matches!(m.payload(), Some(Payload::Str(_))))
        .map_or_else(|| "builtins".to_string(), |m| name_str(&m).to_string())
}
