//! The attributes built-in types expose as getters (CPython's getsets and members:
//! `__name__`, `__code__`, `co_argcount`, `args`...), and their default reprs.

use crate::error::PyResult;
use crate::frame::code_data;
use crate::object::{ObjRef, Payload};
use crate::objects::dict;
use crate::protocol::attr::name_str;
use crate::value::Value;
use crate::vm::Vm;

/// `obj.name` for built-in attributes; `None` when the type has no such attribute.
pub fn builtin_attribute(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    if name == "__class__" {
        return Ok(Some(Value::Obj(vm.type_of(obj))));
    }
    let numeric = crate::objects::int_methods::attribute(vm, obj, name);
    if let Some(v) = numeric.or_else(|| crate::objects::float_methods::attribute(obj, name)) {
        return Ok(Some(v));
    }
    let Value::Obj(o) = obj else { return Ok(None) };
    if name == "__dict__" {
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
            "__module__" => Some(vm.new_str("builtins")),
            "__doc__" => Some(Value::None),
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
            _ => None,
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
        Payload::Frame(fo) => match name {
            "f_code" => Some(Value::Obj(fo.code.clone())),
            "f_globals" => Some(Value::Obj(fo.globals.clone())),
            "f_back" => Some(fo.back.borrow().clone()),
            "f_lasti" => Some(Value::Int(2 * fo.lasti.get() as i64)),
            "f_lineno" => Some(line_value(o, fo.lasti.get())),
            _ => None,
        },
        Payload::Generator(g) => {
            let prefix = match g.kind {
                crate::objects::generator::GenKind::Generator => "gi_",
                crate::objects::generator::GenKind::Coroutine => "cr_",
                crate::objects::generator::GenKind::AsyncGenerator => "ag_",
            };
            match name.strip_prefix(prefix).unwrap_or(name) {
                "__name__" => Some(g.name.borrow().clone()),
                "__qualname__" => Some(g.qualname.borrow().clone()),
                "running" if name.starts_with(prefix) => Some(Value::Bool(g.running.get())),
                "code" if name.starts_with(prefix) => Some(g.code.clone()),
                "suspended" if name.starts_with(prefix) => Some(Value::Bool(
                    g.started.get() && g.frame.borrow().is_some() && !g.running.get(),
                )),
                "yieldfrom" if name.starts_with(prefix) => {
                    Some(vm.gen_delegate(o).unwrap_or(Value::None))
                }
                "frame" if name.starts_with(prefix) => {
                    let mut fr = g.frame.borrow_mut();
                    match fr.as_mut() {
                        Some(f) => Some(Value::Obj(vm.frame_object(f))),
                        None => Some(Value::None),
                    }
                }
                _ => None,
            }
        }
        Payload::StdStream(which) => crate::objects::std_stream::attribute(vm, *which, name),
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
                _ => return Ok(false),
            };
            *slot.borrow_mut() = value.clone();
            Ok(true)
        }
        Payload::Exception(d) => {
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
        Payload::Code(c) => format!(
            "<code object {} at {addr}, file \"{}\", line {}>",
            c.code.name, c.code.filename, c.code.firstlineno
        ),
        Payload::Module => {
            let name = o.dict_obj().and_then(|d| dict::get_str(&d, "__name__"));
            let n = name.as_ref().map_or("?", name_str);
            match o.dict_obj().and_then(|d| dict::get_str(&d, "__file__")) {
                Some(file) => format!("<module '{n}' from '{}'>", name_str(&file)),
                None => format!("<module '{n}' (built-in)>"),
            }
        }
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
        _ => {
            if v.is(&vm.types().not_implemented) {
                return Ok("NotImplemented".into());
            }
            if v.is(&vm.types().ellipsis) {
                return Ok("Ellipsis".into());
            }
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
    })
}

/// A type's `__module__`: from its namespace for classes, `builtins` otherwise.
pub fn type_module(_vm: &Vm, ty: &ObjRef) -> String {
    ty.dict_obj()
        .and_then(|d| dict::get_str(&d, "__module__"))
        .map_or_else(|| "builtins".to_string(), |m| name_str(&m).to_string())
}
