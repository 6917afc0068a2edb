//! Calling a type: `int("12")`, `list(x)`, `Foo(1, 2)`; and making classes
//! (`class` statements, three-argument `type`), with C3 method resolution order.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::error::PyResult;
use crate::object::{ObjRef, Payload, PyObject, RangeData};
use crate::objects::dict::{self, DictData};
use crate::objects::exception::ExceptionData;
use crate::objects::exception_import;
use crate::objects::exception_os;
use crate::objects::function::Args;
use crate::objects::slots::SlotLayout;
use crate::objects::type_::{Layout, TypeObject};
use crate::protocol::attr::name_str;
use crate::protocol::number::{as_int, IntRef};
use crate::value::Value;
use crate::vm::Vm;

/// `ty(*args)`: a metaclass's `__call__` when a class statement gave one, else
/// `type.__call__`.
pub fn call_type(vm: &mut Vm, ty: &ObjRef, args: Args) -> PyResult<Value> {
    let meta = vm.class_of(ty);
    if vm.type_is_heap(&meta) {
        if let Some(call) = heap_lookup(vm, &meta, "__call__") {
            if !crate::protocol::attr::binds_as_method(&call) {
                return vm.call_with(&call, args);
            }
            let mut all = vec![Value::Obj(ty.clone())];
            all.extend_from_slice(args.values);
            return vm.call_with(
                &call,
                Args {
                    values: &all,
                    kwnames: args.kwnames,
                },
            );
        }
    }
    type_call(vm, ty, args)
}

/// `type.__call__(ty, *args)`: make an instance (or a class, for `type(name, bases, ns)`).
pub fn type_call(vm: &mut Vm, ty: &ObjRef, args: Args) -> PyResult<Value> {
    if !vm.type_is_heap(ty) {
        if ty.as_type().is_some_and(|t| t.layout == Layout::Native) {
            return crate::native_module::call_native_type(vm, ty, args);
        }
        if ty.as_type().is_some_and(|t| t.layout == Layout::Set) {
            return crate::objects::set_methods::construct(vm, ty, args);
        }
        if let Some(v) = crate::objects::iterators::construct(vm, ty, args)? {
            return Ok(v);
        }
        if let Some(v) = crate::objects::descriptors::construct(vm, ty, args)? {
            return Ok(v);
        }
        if let Some(v) = crate::objects::super_::construct(vm, ty, args)? {
            return Ok(v);
        }
        if let Some(v) = crate::objects::generic_alias::construct(vm, ty, args)? {
            return Ok(v);
        }
    }
    let t = vm.types();
    if Rc::ptr_eq(ty, &t.type_) {
        let pos = args.pos();
        return match pos.len() {
            1 if args.kwnames.is_empty() => Ok(Value::Obj(vm.type_of(&pos[0]))),
            3 => crate::objects::class_build::type_call_new(vm, args),
            _ => Err(vm.type_error("type() takes 1 or 3 arguments")),
        };
    }
    let tyval = Value::Obj(ty.clone());
    if vm.type_is_heap(ty) {
        return instantiate_class(vm, ty, args);
    }
    if Rc::ptr_eq(ty, &t.function) {
        return crate::objects::function_new::construct(vm, args);
    }
    let layout = ty.as_type().map_or(Layout::Opaque, |t| t.layout);
    let pos = args.pos();
    if !matches!(
        layout,
        Layout::Exception
            | Layout::Bytes
            | Layout::ByteArray
            | Layout::Complex
            | Layout::Module
            | Layout::Str
    ) && !args.kwnames.is_empty()
        && !Rc::ptr_eq(ty, &t.dict)
        && !Rc::ptr_eq(ty, &t.simple_namespace)
    {
        return Err(vm.type_error(format!(
            "{}() takes no keyword arguments",
            vm.type_name_of(&tyval)
        )));
    }
    if layout == Layout::Exception && !args.kwnames.is_empty() {
        crate::objects::exception_fields::check_keywords(vm, ty, &args, false)?;
    }
    match layout {
        Layout::Exception => match crate::objects::exception_group::construct(vm, ty, args)? {
            Some(group) => Ok(group),
            None if exception_os::is_os_error_class(vm, ty) => {
                Ok(Value::Obj(exception_os::new_os_error_instance(vm, ty, pos)))
            }
            None => {
                let exc = vm.new_exception_of(ty, pos.to_vec());
                if exception_import::is_import_error_class(vm, ty) {
                    exception_import::init_attributes(vm, &exc, args)?;
                }
                crate::objects::exception_fields::init_name_attributes(vm, &exc, &args);
                crate::objects::exception_fields::init_attributes(vm, &exc, pos)?;
                Ok(Value::Obj(exc))
            }
        },
        Layout::Module => crate::objects::module::construct(vm, ty, args),
        Layout::Int => crate::objects::int_new::construct_int(vm, pos),
        Layout::Bool => match pos {
            [] => Ok(Value::Bool(false)),
            [v] => Ok(Value::Bool(vm.is_true(v)?)),
            _ => Err(vm.type_error(format!(
                "bool expected at most 1 argument, got {}",
                pos.len()
            ))),
        },
        Layout::Float => crate::objects::float_new::construct_float(vm, pos),
        Layout::Bytes => crate::objects::bytes::construct(vm, args),
        Layout::Complex => crate::objects::complex_methods::construct(vm, args),
        Layout::ByteArray => crate::objects::bytearray::construct(vm, args),
        Layout::Str => crate::objects::str_new::construct(vm, &args),
        Layout::List => match pos {
            [] => Ok(vm.new_list(vec![])),
            [v] => {
                let items = vm.collect_iterable(v)?;
                Ok(vm.new_list(items))
            }
            _ => Err(vm.type_error(format!(
                "list expected at most 1 argument, got {}",
                pos.len()
            ))),
        },
        Layout::Tuple => match pos {
            [] => Ok(vm.new_tuple(vec![])),
            [v] => {
                // Only an exact tuple is returned as is: `tuple(namedtuple)` copies.
                if Rc::ptr_eq(&vm.type_of(v), &vm.types().tuple) {
                    return Ok(v.clone());
                }
                let items = vm.collect_iterable(v)?;
                Ok(vm.new_tuple(items))
            }
            _ => Err(vm.type_error(format!(
                "tuple expected at most 1 argument, got {}",
                pos.len()
            ))),
        },
        Layout::Dict => {
            let d = vm.new_dict();
            if let [v] = pos {
                crate::objects::dict_methods::update_arg(vm, &d, v)?;
            } else if pos.len() > 1 {
                return Err(vm.type_error(format!(
                    "dict expected at most 1 argument, got {}",
                    pos.len()
                )));
            }
            for (k, v) in args.kwargs() {
                dict::set_item(vm, &d, k.clone(), v.clone())?;
            }
            Ok(Value::Obj(d))
        }
        Layout::Object if Rc::ptr_eq(ty, &t.object) => {
            if !pos.is_empty() {
                return Err(vm.type_error("object() takes no arguments"));
            }
            Ok(Value::obj(PyObject::new(ty.clone(), Payload::Instance)))
        }
        _ if Rc::ptr_eq(ty, &t.simple_namespace) => construct_namespace(vm, ty, args),
        _ if Rc::ptr_eq(ty, &t.range) => construct_range(vm, pos),
        _ if Rc::ptr_eq(ty, &t.method) => construct_method(vm, &args),
        _ if Rc::ptr_eq(ty, &t.memoryview) => crate::objects::memoryview::construct(vm, args),
        _ if Rc::ptr_eq(ty, &t.slice) => match pos {
            [stop] => Ok(vm.new_slice(Value::None, stop.clone(), Value::None)),
            [a, b] => Ok(vm.new_slice(a.clone(), b.clone(), Value::None)),
            [a, b, c] => Ok(vm.new_slice(a.clone(), b.clone(), c.clone())),
            _ => Err(vm.type_error("slice expected at least 1 argument, got 0")),
        },
        _ => Err(vm.type_error(format!(
            "cannot create '{}' instances",
            vm.type_name_of(&tyval)
        ))),
    }
}

impl Vm {
    /// The `__name__` of a type value.
    pub fn type_name_of(&self, ty: &Value) -> String {
        ty.as_obj()
            .and_then(|o| o.as_type())
            .map_or_else(String::new, |t| t.name().to_string())
    }

    /// [`Vm::type_display_name`] of a class value (empty for a non-class).
    pub fn type_display_name_of(&self, ty: &Value) -> String {
        match ty.as_obj() {
            Some(o) if o.as_type().is_some() => self.type_display_name(o).to_string(),
            _ => String::new(),
        }
    }

    pub fn new_exception_of(&self, ty: &ObjRef, args: Vec<Value>) -> ObjRef {
        self.new_exception(ty, args)
    }
}

/// `types.SimpleNamespace(mapping_or_iterable=(), /, **kwargs)`: an object whose
/// `__dict__` holds the pairs, then the keywords.
fn construct_namespace(vm: &mut Vm, ty: &ObjRef, args: Args) -> PyResult<Value> {
    let ns = vm.new_dict();
    match args.pos() {
        [] => {}
        [pairs] => crate::objects::dict_methods::update_arg(vm, &ns, pairs)?,
        more => {
            return Err(vm.type_error(format!(
                "SimpleNamespace expected at most 1 argument, got {}",
                more.len()
            )))
        }
    }
    for (k, v) in args.kwargs() {
        dict::set_item(vm, &ns, k.clone(), v.clone())?;
    }
    let keys = ns.as_dict().map(|d| d.borrow().keys()).unwrap_or_default();
    if let Some(bad) = keys
        .iter()
        .find(|k| !matches!(k.payload(), Some(Payload::Str(_))))
    {
        return Err(vm.type_error(format!(
            "keywords must be strings, not '{}'",
            vm.type_name(bad)
        )));
    }
    Ok(Value::obj(PyObject::with_dict(
        ty.clone(),
        Payload::Instance,
        ns,
    )))
}

fn construct_range(vm: &mut Vm, pos: &[Value]) -> PyResult<Value> {
    let mut ints = Vec::with_capacity(pos.len());
    let mut big = Vec::with_capacity(pos.len());
    for v in pos {
        match as_int(v) {
            Some(IntRef::Small(i)) => {
                ints.push(i);
                big.push(i.into());
            }
            Some(IntRef::Big(b)) => {
                ints.push(0);
                big.push(b.clone());
            }
            None => {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(v)
                )))
            }
        }
    }
    let (start, stop, step) = match ints[..] {
        [stop] => (0, stop, 1),
        [start, stop] => (start, stop, 1),
        [start, stop, step] => (start, stop, step),
        [] => return Err(vm.type_error("range expected at least 1 argument, got 0")),
        _ => {
            return Err(vm.type_error(format!(
                "range expected at most 3 arguments, got {}",
                ints.len()
            )))
        }
    };
    if step == 0 && big.get(2).is_none_or(|s| *s == adder_numeric::BigInt::ZERO) {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    let fits = big.iter().all(|b| i64::try_from(b).is_ok());
    if !fits || crate::objects::range::range_len_overflows(start, stop, step) {
        let mut bounds = big.into_iter();
        let (start, stop, step) = match (bounds.next(), bounds.next(), bounds.next()) {
            (Some(stop), None, _) => (0.into(), stop, 1.into()),
            (Some(start), Some(stop), None) => (start, stop, 1.into()),
            (Some(start), Some(stop), Some(step)) => (start, stop, step),
            _ => return Err(vm.type_error("range expected at least 1 argument, got 0")),
        };
        return Ok(crate::objects::range_big::new_range(vm, start, stop, step));
    }
    Ok(Value::obj(PyObject::new(
        vm.types().range.clone(),
        Payload::Range(RangeData { start, stop, step }),
    )))
}

/// `Foo(*args)` for a class: `__new__` (a user's, or the built-in base's), then `__init__`.
fn instantiate_class(vm: &mut Vm, cls: &ObjRef, args: Args) -> PyResult<Value> {
    let clsval = Value::Obj(cls.clone());
    let user_new = heap_lookup(vm, cls, "__new__");
    let obj = match user_new {
        Some(new) => {
            let mut all = vec![clsval.clone()];
            all.extend_from_slice(args.values);
            let new = unwrap_staticmethod(&new);
            vm.call_with(
                &new,
                Args {
                    values: &all,
                    kwnames: args.kwnames,
                },
            )?
        }
        None => new_instance(vm, cls, args)?,
    };
    if !vm.is_instance(&obj, cls) {
        return Ok(obj);
    }
    if let Some(init) = heap_lookup(vm, cls, "__init__") {
        let mut all = vec![obj.clone()];
        all.extend_from_slice(args.values);
        let r = vm.call_with(
            &init,
            Args {
                values: &all,
                kwnames: args.kwnames,
            },
        )?;
        if !r.is_none() {
            return Err(vm.type_error(format!(
                "__init__() should return None, not '{}'",
                vm.type_name(&r)
            )));
        }
    } else if cls.as_type().is_some_and(|t| t.layout == Layout::Native) {
        crate::native_module::native_init(vm, cls, &obj, args)?;
    } else if let (Some(exc), true) = (
        obj.as_obj(),
        vm.is_subtype(cls, &vm.types().exc.unicode_error),
    ) {
        // The inherited `UnicodeEncodeError.__init__` etc. (static types' `__init__`
        // is not looked up above).
        crate::objects::exception_fields::init_attributes(vm, &exc.clone(), args.pos())?;
    } else if cls.as_type().is_some_and(|t| t.layout == Layout::Module) {
        let mut all = vec![obj.clone()];
        all.extend_from_slice(args.values);
        let with_self = Args {
            values: &all,
            kwnames: args.kwnames,
        };
        crate::objects::module::init_with_name(vm, with_self, "module")?;
    } else if cls.as_type().is_some_and(|t| t.layout == Layout::List) {
        // `list.__init__` fills a list subclass's instance (its `__new__` makes it empty).
        if let Some(init) = vm.type_lookup(cls, "__init__") {
            vm.call_method_value(&init, &obj, args.pos())?;
        }
    } else if !args.values.is_empty() && heap_lookup(vm, cls, "__new__").is_none() {
        let layout = cls.as_type().map_or(Layout::Object, |t| t.layout);
        if layout == Layout::Object {
            return Err(vm.type_error(format!("{}() takes no arguments", vm.type_name_of(&clsval))));
        }
    }
    Ok(obj)
}

/// `__new__` is an implicit static method; an explicit `@staticmethod` is unwrapped.
fn unwrap_staticmethod(v: &Value) -> Value {
    match v.payload() {
        Some(Payload::StaticMethod(f)) => f.clone(),
        _ => v.clone(),
    }
}

/// A user-defined attribute on a class's MRO, before the built-in types.
pub(crate) fn heap_lookup(vm: &Vm, cls: &ObjRef, name: &str) -> Option<Value> {
    let t = cls.as_type()?;
    for klass in t.mro.borrow().iter() {
        if !vm.type_is_heap(klass) {
            return None;
        }
        if let Some(v) = klass.dict_obj().and_then(|d| dict::get_str(&d, name)) {
            return Some(v);
        }
    }
    None
}

/// `object.__new__(cls)` and the built-in bases' `__new__`: an instance with the
/// payload of the class's layout and a fresh `__dict__`.
pub(crate) fn new_instance(vm: &mut Vm, cls: &ObjRef, args: Args) -> PyResult<Value> {
    let layout = cls.as_type().map_or(Layout::Object, |t| t.layout);
    if layout == Layout::Exception && !args.kwnames.is_empty() {
        let own_init = heap_lookup(vm, cls, "__init__").is_some();
        crate::objects::exception_fields::check_keywords(vm, cls, &args, own_init)?;
    }
    let payload = match layout {
        Layout::Type => return crate::objects::class_build::type_new(vm, cls, args),
        Layout::Native => return crate::native_module::native_new(vm, cls, args),
        Layout::Module => return Ok(crate::objects::module::module_new(vm, cls)),
        Layout::Object => {
            crate::objects::abstract_class::check_instantiable(vm, cls)?;
            let slots = cls
                .as_type()
                .map_or(SlotLayout::DICT_ONLY, |t| t.slots.get());
            if slots.count == 0 && slots.has_dict {
                Payload::Instance
            } else {
                let storage = vec![Value::Null; slots.count].into_boxed_slice();
                let payload = Payload::Slots(RefCell::new(storage));
                return Ok(Value::obj(if slots.has_dict {
                    PyObject::with_dict(cls.clone(), payload, vm.new_dict())
                } else {
                    PyObject::new(cls.clone(), payload)
                }));
            }
        }
        Layout::Exception if vm.is_subtype(cls, &vm.types().exc.base_exception_group) => {
            if let Some(group) = crate::objects::exception_group::construct(vm, cls, args)? {
                return Ok(group);
            }
            Payload::Exception(Box::new(RefCell::new(ExceptionData::new(
                vm.new_tuple(vec![]),
            ))))
        }
        Layout::Exception if exception_os::is_os_error_class(vm, cls) => {
            let exc = exception_os::new_os_error_instance(vm, cls, args.pos());
            return Ok(Value::Obj(exc));
        }
        Layout::Exception if exception_import::is_import_error_class(vm, cls) => {
            let exc = vm.new_exception_of(cls, args.pos().to_vec());
            exception_import::init_attributes(vm, &exc, args)?;
            return Ok(Value::Obj(exc));
        }
        Layout::Exception => {
            let exc = vm.new_exception_of(cls, args.pos().to_vec());
            crate::objects::exception_fields::init_name_attributes(vm, &exc, &args);
            return Ok(Value::Obj(exc));
        }
        Layout::List => Payload::List(RefCell::new(vec![])),
        Layout::ByteArray => {
            let bytes = if heap_lookup(vm, cls, "__init__").is_some() {
                Vec::new()
            } else {
                crate::objects::bytes::source_bytes(
                    vm,
                    args,
                    crate::objects::bytes::ByteKind::ByteArray,
                )?
            };
            Payload::ByteArray(crate::objects::bytearray::ByteArrayData::new(bytes))
        }
        // `dict.__init__`/`set.__init__` fill the instance unless the class has its own
        // `__init__`; `frozenset.__new__` always does.
        Layout::Dict if heap_lookup(vm, cls, "__init__").is_some() => {
            Payload::Dict(RefCell::new(DictData::new()))
        }
        Layout::Dict => {
            let base = vm.types().dict.clone();
            match call_type(vm, &base, args)?.payload() {
                Some(Payload::Dict(d)) => Payload::Dict(RefCell::new(d.borrow().clone())),
                _ => Payload::Dict(RefCell::new(DictData::new())),
            }
        }
        Layout::Set
            if heap_lookup(vm, cls, "__init__").is_some()
                && !vm.is_subtype(cls, &vm.types().frozenset) =>
        {
            Payload::Set(RefCell::new(crate::objects::set::SetData::new()))
        }
        Layout::Set => {
            let made = crate::objects::set_methods::construct(vm, cls, args)?;
            match made.payload() {
                Some(Payload::Set(d)) => Payload::Set(RefCell::new(d.borrow().clone())),
                _ => return Err(vm.type_error("set construction failed")),
            }
        }
        _ => {
            // Immutable built-in bases: build the value with the base constructor.
            let base = cls
                .as_type()
                .and_then(|t| t.mro.borrow().iter().find(|m| !vm.type_is_heap(m)).cloned());
            let Some(base) = base else {
                return Err(vm.type_error("no built-in base"));
            };
            let v = call_type(vm, &base, args)?;
            let payload = match (&v, layout) {
                (Value::Int(i), Layout::Int) => Payload::Int((*i).into()),
                (Value::Obj(o), Layout::Int) => match &o.payload {
                    Payload::Int(b) => Payload::Int(b.clone()),
                    _ => Payload::Instance,
                },
                (Value::Float(f), Layout::Float) => Payload::Float(*f),
                (Value::Obj(o), Layout::Float) => match &o.payload {
                    Payload::Float(f) => Payload::Float(*f),
                    _ => Payload::Instance,
                },
                (Value::Obj(o), Layout::Complex) => match &o.payload {
                    Payload::Complex(z) => Payload::Complex(*z),
                    _ => Payload::Instance,
                },
                (Value::Obj(o), Layout::Str) => match &o.payload {
                    Payload::Str(s) => Payload::Str(s.clone()),
                    _ => Payload::Instance,
                },
                (Value::Obj(o), Layout::Tuple) => match &o.payload {
                    Payload::Tuple(t) => Payload::Tuple(t.clone()),
                    _ => Payload::Instance,
                },
                (Value::Obj(o), Layout::Bytes) => match &o.payload {
                    Payload::Bytes(b) => Payload::Bytes(b.clone()),
                    _ => Payload::Instance,
                },
                (Value::Obj(o), Layout::Opaque) => {
                    match crate::objects::descriptors::copy_payload(o) {
                        Some(p) => p,
                        None => return Err(vm.type_error("cannot subclass this built-in type yet")),
                    }
                }
                _ => return Err(vm.type_error("cannot subclass this built-in type yet")),
            };
            return Ok(Value::obj(PyObject::with_dict(
                cls.clone(),
                payload,
                vm.new_dict(),
            )));
        }
    };
    Ok(Value::obj(PyObject::with_dict(
        cls.clone(),
        payload,
        vm.new_dict(),
    )))
}

/// Create a class whose type is `meta` (the core of `type.__new__`).
pub fn new_class(
    vm: &mut Vm,
    meta: &ObjRef,
    name: &str,
    bases: Vec<Value>,
    ns: ObjRef,
) -> PyResult<ObjRef> {
    let object_type = vm.types().object.clone();
    let mut base_types = Vec::new();
    for b in &bases {
        match b.as_obj() {
            Some(o) if o.as_type().is_some() => {
                if !o.as_type().is_some_and(|t| t.is_base_type.get()) {
                    return Err(vm.type_error(format!(
                        "type '{}' is not an acceptable base type",
                        vm.type_display_name_of(b)
                    )));
                }
                base_types.push(o.clone());
            }
            _ => return Err(vm.type_error("bases must be types")),
        }
    }
    if base_types.is_empty() {
        base_types.push(object_type);
    }
    let layout = base_types
        .iter()
        .filter_map(|b| b.as_type().map(|t| t.layout))
        .find(|l| *l != Layout::Object)
        .unwrap_or(Layout::Object);
    let qualname = dict::get_str(&ns, "__qualname__")
        .map_or_else(|| name.to_string(), |q| name_str(&q).to_string());
    let class_dict = vm.new_dict();
    if let Some(d) = class_dict.as_dict() {
        d.borrow_mut().watch();
    }
    if let Some(Payload::Dict(src)) = Some(&ns.payload) {
        let pairs: Vec<(Value, Value)> = src
            .borrow()
            .iter()
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect();
        for (k, v) in pairs {
            let key = name_str(&k);
            if key == "__qualname__" || key == "__classcell__" || key == "__classdictcell__" {
                continue;
            }
            // These two are implicit class methods, and `__new__` an implicit static
            // method (CPython's type_new_set_classmethod/staticmethod).
            let v = match v.payload() {
                Some(Payload::Function(_))
                    if key == "__init_subclass__" || key == "__class_getitem__" =>
                {
                    Value::obj(PyObject::with_dict(
                        vm.types().classmethod.clone(),
                        Payload::ClassMethod(v.clone()),
                        vm.new_dict(),
                    ))
                }
                Some(Payload::Function(_)) if key == "__new__" => Value::obj(PyObject::with_dict(
                    vm.types().staticmethod.clone(),
                    Payload::StaticMethod(v.clone()),
                    vm.new_dict(),
                )),
                _ => v,
            };
            dict::set_item(vm, &class_dict, k, v)?;
        }
    }
    let slot_layout = crate::objects::slots::apply_slots(vm, name, &class_dict, &base_types)?;
    let ty = Rc::new(PyObject::with_dict(
        meta.clone(),
        Payload::Type(Box::new(TypeObject {
            name: RefCell::new(name.into()),
            qualname: RefCell::new(qualname.into()),
            bases: RefCell::new(base_types.clone()),
            mro: RefCell::new(vec![]),
            layout,
            is_heap: true,
            is_base_type: Cell::new(true),
            version: Cell::new(0),
            slots: Cell::new(slot_layout),
            is_abstract: Cell::new(false),
            subclasses: RefCell::new(Vec::new()),
            custom_getattribute: Cell::new((u64::MAX, false)),
            has_del: Cell::new((u64::MAX, false)),
        })),
        class_dict,
    ));
    crate::gc::collect::track(&ty);
    let mro = c3_mro(vm, &ty, &base_types)?;
    if let Some(tt) = ty.as_type() {
        *tt.mro.borrow_mut() = mro;
    }
    if let Some(mro) = crate::objects::type_subclasses::custom_mro(vm, meta, &ty)? {
        if let Some(tt) = ty.as_type() {
            *tt.mro.borrow_mut() = mro;
        }
    }
    crate::objects::type_subclasses::register(&ty, &base_types);
    if let Some(d) = ty.dict_obj() {
        if dict::get_str(&d, "__doc__").is_none() {
            dict::set_str(vm, &d, "__doc__", Value::None);
        }
        // `type(name, bases, ns)` without `__module__`: the calling code's module.
        if dict::get_str(&d, "__module__").is_none() {
            let caller = vm.thread.frames.last().map(|f| f.globals.clone());
            if let Some(name) = caller.and_then(|g| dict::get_str(&g, "__name__")) {
                dict::set_str(vm, &d, "__module__", name);
            }
        }
    }
    let only_object = base_types.iter().all(|b| Rc::ptr_eq(b, &vm.types().object));
    if only_object && slot_layout.has_dict && slot_layout.count == 0 {
        crate::objects::getset::add_instance_dict_descriptors(vm, &ty);
    }
    if let Some(cell) = dict::get_str(&ns, "__classcell__") {
        if let Some(Payload::Cell(c)) = cell.payload() {
            *c.borrow_mut() = Value::Obj(ty.clone());
        }
    }
    // A class body that uses `__classdict__` (annotation scopes) reads the
    // class's final namespace through this cell, as CPython's type_new does.
    if let Some(cell) = dict::get_str(&ns, "__classdictcell__") {
        if let (Some(Payload::Cell(c)), Some(d)) = (cell.payload(), ty.dict_obj()) {
            *c.borrow_mut() = Value::Obj(d);
        }
    }
    Ok(ty)
}

/// C3 linearisation of `ty` over its bases.
pub(crate) fn c3_mro(vm: &Vm, ty: &ObjRef, bases: &[ObjRef]) -> PyResult<Vec<ObjRef>> {
    let mut seqs: Vec<Vec<ObjRef>> = bases
        .iter()
        .map(|b| {
            b.as_type()
                .map(|t| t.mro.borrow().clone())
                .unwrap_or_default()
        })
        .collect();
    seqs.push(bases.to_vec());
    let mut out = vec![ty.clone()];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let candidate = seqs
            .iter()
            .map(|s| s[0].clone())
            .find(|c| !seqs.iter().any(|s| s[1..].iter().any(|x| Rc::ptr_eq(x, c))));
        let Some(c) = candidate else {
            let names: Vec<String> = bases
                .iter()
                .map(|b| {
                    b.as_type()
                        .map_or_else(String::new, |t| t.name().to_string())
                })
                .collect();
            return Err(vm.type_error(format!(
                "Cannot create a consistent method resolution order (MRO) for bases {}",
                names.join(", ")
            )));
        };
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

/// `types.MethodType(function, instance)`: bind a callable to an object.
fn construct_method(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    if !args.kwnames.is_empty() {
        return Err(vm.type_error("method() takes no keyword arguments"));
    }
    let [func, instance] = args.pos() else {
        return Err(vm.type_error(format!(
            "method expected 2 arguments, got {}",
            args.pos().len()
        )));
    };
    if !crate::objects::iterators::is_callable(vm, func) {
        return Err(vm.type_error("first argument must be callable"));
    }
    if instance.is_none() {
        return Err(vm.type_error("instance must not be None"));
    }
    Ok(vm.new_method(func.clone(), instance.clone()))
}
