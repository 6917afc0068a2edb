//! Attribute access: `getattr`, `setattr`, `delattr`, method lookup, and the lookup of
//! special methods on user classes.

use crate::error::{PyErr, PyResult};
use crate::object::{ObjRef, Payload, PyObject};
use crate::objects::dict;
use crate::objects::getset::GetSetDescriptor;
use crate::objects::slot_wrapper::SlotWrapper;
use crate::value::Value;
use crate::vm::Vm;

/// Classes whose namespace dunders the protocols call: class statements' and native
/// types' (see `Vm::type_has_dunder_methods`).
fn defines_protocol_dunders(t: &crate::objects::type_::TypeObject) -> bool {
    t.is_heap || t.layout == crate::objects::type_::Layout::Native
}

/// Whether a callable found on a type gets the instance as its first argument when
/// called as a special method. Neither a built-in function that belongs to no type
/// (`len`, a module's function) nor a class (`__call__ = dict` in typing) is a
/// descriptor, so neither binds.
pub fn binds_as_method(method: &Value) -> bool {
    match method.payload() {
        Some(Payload::BuiltinFunction(b)) => b.owner.is_some(),
        Some(Payload::Type(_)) => false,
        _ => true,
    }
}

/// The text of a str value (attribute names are always str).
pub fn name_str(name: &Value) -> &str {
    name.as_obj()
        .and_then(|o| o.as_str())
        .map_or("", |s| s.as_str())
}

impl Vm {
    /// Whether `ty` was made by a class statement.
    pub fn type_is_heap(&self, ty: &ObjRef) -> bool {
        ty.as_type().is_some_and(|t| t.is_heap)
    }

    /// Find `name` along `ty`'s MRO (CPython's `_PyType_Lookup`), through the
    /// attribute cache.
    pub fn type_lookup(&self, ty: &ObjRef, name: &str) -> Option<Value> {
        type_cache::lookup(ty, name, || Self::type_lookup_uncached(ty, name)).map(|(v, _)| v)
    }

    /// Whether the dunders in `ty`'s namespace drive the protocols: true for classes
    /// made by class statements and for native types (whose `__iter__`, `__repr__`...
    /// are Rust functions in their namespace), false for the VM's built-in types, whose
    /// behaviour the protocols implement directly.
    pub fn type_has_dunder_methods(&self, ty: &ObjRef) -> bool {
        ty.as_type().is_some_and(defines_protocol_dunders)
    }

    /// The attribute and whether a class statement or a native type (not a built-in
    /// type of the VM) defined it.
    fn type_lookup_uncached(ty: &ObjRef, name: &str) -> Option<(Value, bool)> {
        let t = ty.as_type()?;
        for klass in t.mro.borrow().iter() {
            if let Some(d) = &*klass.dict.borrow() {
                if let Some(v) = dict::get_str(d, name) {
                    let is_heap = klass.as_type().is_some_and(defines_protocol_dunders);
                    return Some((v, is_heap));
                }
            }
        }
        None
    }

    /// A special method defined by a user class in `type(v)`'s MRO (before the first
    /// built-in type, whose behaviour the protocols implement directly in Rust).
    pub fn lookup_special_heap(&self, v: &Value, name: &str) -> Option<Value> {
        // Unboxed values and instances of built-in types answer at once: this runs on
        // every protocol call, so it must not touch reference counts.
        let Value::Obj(o) = v else { return None };
        let class = o.class.borrow();
        let ty = class.as_ref()?;
        if !ty.as_type().is_some_and(defines_protocol_dunders) {
            return None;
        }
        match type_cache::lookup(ty, name, || Self::type_lookup_uncached(ty, name)) {
            Some((found, true)) => Some(found),
            _ => None,
        }
    }

    /// Call an unbound method found on a type with `self_` first (without it when the
    /// callable does not bind, see [`binds_as_method`]; CPython's `vectorcall_unbound`).
    pub fn call_method_value(
        &mut self,
        method: &Value,
        self_: &Value,
        args: &[Value],
    ) -> PyResult<Value> {
        if !binds_as_method(method) {
            return self.call(method, args);
        }
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(self_.clone());
        all.extend_from_slice(args);
        self.call(method, &all)
    }

    /// `getattr(obj, name)`.
    pub fn get_attr(&mut self, obj: &Value, name: &Value) -> PyResult<Value> {
        match self.lookup_attr(obj, name)? {
            Some(v) => Ok(v),
            None => Err(self.no_attribute(obj, name)),
        }
    }

    pub fn get_attr_str(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        let name = self.new_str(name);
        self.get_attr(obj, &name)
    }

    /// `getattr(obj, name)` that reports absence as `None` instead of AttributeError.
    /// A class's own `__getattribute__` replaces the generic lookup (an AttributeError
    /// it raises propagates unless `__getattr__` takes over), as CPython's
    /// `slot_tp_getattr_hook` does.
    pub fn lookup_attr(&mut self, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
        if let Some(getattribute) = self.custom_getattribute(obj) {
            return self.call_getattribute(&getattribute, obj, name).map(Some);
        }
        self.generic_lookup_attr(obj, name)
    }

    /// The `__getattribute__` a class statement (or native type) defined for `obj`'s
    /// class, if any. Asked on every attribute read, so the common answer ("none")
    /// is kept on the type per type epoch instead of looked up each time.
    #[inline(always)]
    fn custom_getattribute(&self, obj: &Value) -> Option<Value> {
        let Value::Obj(o) = obj else { return None };
        let class = o.class.borrow();
        let t = class.as_ref()?.as_type()?;
        if !defines_protocol_dunders(t)
            || t.custom_getattribute.get() == (dict::type_epoch(), false)
        {
            return None;
        }
        Self::custom_getattribute_slow(class.as_ref()?)
    }

    /// [`Self::custom_getattribute`] when the type's answer is unknown or positive.
    #[cold]
    #[inline(never)]
    fn custom_getattribute_slow(ty: &ObjRef) -> Option<Value> {
        let epoch = dict::type_epoch();
        let found = match type_cache::lookup(ty, "__getattribute__", || {
            Self::type_lookup_uncached(ty, "__getattribute__")
        }) {
            Some((f, true)) => Some(f),
            _ => None,
        };
        if let Some(t) = ty.as_type() {
            t.custom_getattribute.set((epoch, found.is_some()));
        }
        found
    }

    /// A user-defined `__getattribute__`, then `__getattr__` on AttributeError.
    fn call_getattribute(
        &mut self,
        getattribute: &Value,
        obj: &Value,
        name: &Value,
    ) -> PyResult<Value> {
        match self.call_method_value(getattribute, obj, std::slice::from_ref(name)) {
            Err(e)
                if self.is_instance(
                    &Value::Obj(e.0.clone()),
                    &self.types().exc.attribute_error.clone(),
                ) =>
            {
                let ty = self.type_of(obj);
                match self.type_lookup(&ty, "__getattr__") {
                    Some(getattr) => {
                        self.call_method_value(&getattr, obj, std::slice::from_ref(name))
                    }
                    None => Err(e),
                }
            }
            other => other,
        }
    }

    /// `object.__getattribute__` plus the `__getattr__` fallback.
    fn generic_lookup_attr(&mut self, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
        if let Some(v) = self.generic_lookup_attr_no_hook(obj, name)? {
            return Ok(Some(v));
        }
        let ty = self.type_of(obj);
        if self.type_has_dunder_methods(&ty) {
            if let Some(getattr) = self.type_lookup(&ty, "__getattr__") {
                return match self.call_method_value(&getattr, obj, std::slice::from_ref(name)) {
                    Ok(v) => Ok(Some(v)),
                    Err(e)
                        if self.is_instance(
                            &Value::Obj(e.0.clone()),
                            &self.types().exc.attribute_error.clone(),
                        ) =>
                    {
                        Ok(None)
                    }
                    Err(e) => Err(e),
                };
            }
        }
        Ok(None)
    }

    /// `object.__getattribute__` (CPython's `PyObject_GenericGetAttr`): data
    /// descriptors, the instance dict, other descriptors, the built-in attributes;
    /// `None` when absent.
    pub fn generic_lookup_attr_no_hook(
        &mut self,
        obj: &Value,
        name: &Value,
    ) -> PyResult<Option<Value>> {
        let n = name_str(name);
        if let Value::Obj(o) = obj {
            if let Payload::Type(_) = o.payload {
                return self.type_getattr(o, name);
            }
            if let Payload::Super(sup) = &o.payload {
                if let Some(v) = crate::objects::super_::get_attribute(self, sup, name)? {
                    return Ok(Some(v));
                }
            }
            if let Payload::Module = o.payload {
                if let Some(d) = o.dict_obj() {
                    if let Some(v) = dict::get_str_value(&d, name) {
                        return Ok(Some(v));
                    }
                }
            }
        }
        let ty = self.type_of(obj);
        let descr = self.type_lookup(&ty, n);
        if let Some(d) = &descr {
            if let Some(v) = self.data_descriptor_get(d, obj)? {
                return Ok(Some(v));
            }
        }
        if let Value::Obj(o) = obj {
            if let Some(v) = instance_attribute(o, name) {
                return Ok(Some(v));
            }
        }
        if let Some(d) = descr {
            return Ok(Some(self.bind_descriptor(d, obj, &ty)?));
        }
        if let Some(v) = crate::objects::attributes::builtin_attribute(self, obj, n)? {
            return Ok(Some(v));
        }
        if let Value::Obj(o) = obj {
            if matches!(o.payload, Payload::Module) {
                if let Some(v) = crate::objects::module::getattr_hook(self, o, name)? {
                    return Ok(Some(v));
                }
            }
        }
        Ok(None)
    }

    /// `getattr(obj, name, default)` and `hasattr`: absence, including an AttributeError
    /// raised by a descriptor or `__getattr__`, is `None` (CPython's
    /// `PyObject_GetOptionalAttr`).
    pub fn get_optional_attr(&mut self, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
        match self.lookup_attr(obj, name) {
            Err(e)
                if self.is_instance(
                    &Value::Obj(e.0.clone()),
                    &self.types().exc.attribute_error.clone(),
                ) =>
            {
                Ok(None)
            }
            other => other,
        }
    }

    /// Data descriptors on the type win over the instance dict (`property`).
    fn data_descriptor_get(&mut self, descr: &Value, obj: &Value) -> PyResult<Option<Value>> {
        let dty = self.type_of(descr);
        // Built-in data descriptors, unless a class or native type defines `__get__`.
        if !self.type_has_dunder_methods(&dty) {
            return match descr.payload() {
                Some(Payload::Property(p)) => {
                    crate::objects::descriptors::property_get(self, p, obj).map(Some)
                }
                Some(Payload::Member(m)) => {
                    crate::objects::slots::member_get(self, m, obj).map(Some)
                }
                Some(Payload::Native(_)) => match descr.native::<GetSetDescriptor>() {
                    Some(g) => crate::objects::getset::get(self, g, obj).map(Some),
                    None => Ok(None),
                },
                _ => Ok(None),
            };
        }
        let Some(get) = self.type_lookup(&dty, "__get__") else {
            return Ok(None);
        };
        if self.type_lookup(&dty, "__set__").is_none()
            && self.type_lookup(&dty, "__delete__").is_none()
        {
            return Ok(None);
        }
        let owner = Value::Obj(self.type_of(obj));
        Ok(Some(self.call(&get, &[descr.clone(), obj.clone(), owner])?))
    }

    /// What an attribute found on the type becomes when read through an instance.
    pub(crate) fn bind_descriptor(
        &mut self,
        descr: Value,
        obj: &Value,
        ty: &ObjRef,
    ) -> PyResult<Value> {
        self.descriptor_get(descr, obj, ty)
    }

    /// `descr.__get__(instance, owner)` for any attribute found on a type; `instance` is
    /// `Null` for lookups on the class itself (`None` is a real instance: `None.__eq__`).
    pub fn descriptor_get(
        &mut self,
        descr: Value,
        instance: &Value,
        owner: &ObjRef,
    ) -> PyResult<Value> {
        if let Some(Payload::Function(_)) | Some(Payload::BuiltinFunction(BuiltinMethodMarker!())) =
            descr.payload()
        {
            return if instance.is_null() {
                Ok(descr)
            } else {
                Ok(self.new_method(descr, instance.clone()))
            };
        }
        let dty = self.type_of(&descr);
        if self.type_has_dunder_methods(&dty) {
            // Instances of classes (including subclasses of `property`...) and of native
            // types use `__get__`.
            return match self.type_lookup(&dty, "__get__") {
                Some(get) => {
                    let instance = match instance {
                        Value::Null => Value::None,
                        v => v.clone(),
                    };
                    self.call(&get, &[descr.clone(), instance, Value::Obj(owner.clone())])
                }
                None => Ok(descr),
            };
        }
        self.builtin_descriptor_get(descr, instance, owner)
    }

    /// What the VM's own descriptor types do on `__get__`, ignoring any override in a
    /// subclass (`super().__get__(obj, owner)` in a `property` subclass lands here).
    pub fn builtin_descriptor_get(
        &mut self,
        descr: Value,
        instance: &Value,
        owner: &ObjRef,
    ) -> PyResult<Value> {
        match descr.payload() {
            Some(Payload::Function(_)) | Some(Payload::BuiltinFunction(BuiltinMethodMarker!()))
                if !instance.is_null() =>
            {
                Ok(self.new_method(descr, instance.clone()))
            }
            Some(Payload::StaticMethod(f)) => Ok(f.clone()),
            Some(Payload::ClassMethod(f)) | Some(Payload::ClassMethodDescriptor(f)) => {
                Ok(self.new_method(f.clone(), Value::Obj(owner.clone())))
            }
            Some(Payload::Member(m)) if !instance.is_null() => {
                crate::objects::slots::member_get(self, m, instance)
            }
            Some(Payload::Property(p)) => {
                if instance.is_null() {
                    Ok(descr)
                } else {
                    crate::objects::descriptors::property_get(self, p, instance)
                }
            }
            Some(Payload::Native(_)) => self.native_descriptor_get(descr, instance),
            _ => Ok(descr),
        }
    }

    /// Binding the VM's own descriptors that live in `Payload::Native`: slot wrappers
    /// and getset descriptors.
    fn native_descriptor_get(&mut self, descr: Value, instance: &Value) -> PyResult<Value> {
        if let Some(w) = descr.native::<SlotWrapper>() {
            return Ok(crate::objects::slot_wrapper::bind(
                self,
                descr.clone(),
                w,
                instance,
            ));
        }
        match descr.native::<GetSetDescriptor>() {
            Some(g) if !instance.is_null() => crate::objects::getset::get(self, g, instance),
            _ => Ok(descr),
        }
    }

    pub fn new_method(&self, func: Value, self_: Value) -> Value {
        Value::obj(PyObject::new(
            self.types().method.clone(),
            Payload::Method { func, self_ },
        ))
    }

    /// For `LOAD_ATTR` with the method flag: `(function, Some(self))` when the attribute
    /// is a plain method found on the type, so the call can skip the bound method.
    pub fn get_method(&mut self, obj: &Value, name: &Value) -> PyResult<(Value, Option<Value>)> {
        let is_plain_instance = match obj {
            Value::Obj(o) => !matches!(
                o.payload,
                Payload::Type(_) | Payload::Module | Payload::Super(_)
            ),
            _ => true,
        };
        if is_plain_instance && self.custom_getattribute(obj).is_none() {
            let ty = self.type_of(obj);
            let n = name_str(name);
            if let Some(descr) = self.type_lookup(&ty, n) {
                let is_method = matches!(
                    descr.payload(),
                    Some(Payload::Function(_))
                        | Some(Payload::BuiltinFunction(BuiltinMethodMarker!()))
                ) || crate::objects::slot_wrapper::binds_as_method(&descr);
                let shadowed = obj
                    .as_obj()
                    .is_some_and(|o| instance_attribute(o, name).is_some());
                if is_method && !shadowed {
                    return Ok((descr, Some(obj.clone())));
                }
            }
        }
        Ok((self.get_attr(obj, name)?, None))
    }

    /// Attribute lookup on a type object (CPython's `type_getattro`): the metatype's
    /// data descriptors (`__name__`, `__doc__`...), then the type's own MRO, then the
    /// metatype's other attributes (`type.__call__` bound to the class), then the
    /// built-in attributes not yet given descriptors.
    fn type_getattr(&mut self, ty: &ObjRef, name: &Value) -> PyResult<Option<Value>> {
        let n = name_str(name);
        let tyval = Value::Obj(ty.clone());
        let meta = self.class_of(ty);
        let meta_attr = self.type_lookup(&meta, n);
        if let Some(d) = &meta_attr {
            if let Some(v) = self.data_descriptor_get(d, &tyval)? {
                return Ok(Some(v));
            }
        }
        if let Some(v) = self.type_lookup(ty, n) {
            // Functions stay plain functions when read from the class.
            return self.descriptor_get(v, &Value::Null, ty).map(Some);
        }
        if let Some(d) = meta_attr {
            return self.descriptor_get(d, &tyval, &meta).map(Some);
        }
        crate::objects::attributes::builtin_attribute(self, &tyval, n)
    }

    pub fn no_attribute(&mut self, obj: &Value, name: &Value) -> crate::error::PyErr {
        let n = name_str(name);
        let msg = match obj {
            Value::Obj(o) if matches!(o.payload, Payload::Module) => {
                return crate::objects::module::no_attribute(self, o, name);
            }
            Value::Obj(o) if matches!(o.payload, Payload::Type(_)) => {
                let tname = o.as_type().map_or_else(|| "?".into(), |t| t.name());
                format!("type object '{tname}' has no attribute '{n}'")
            }
            _ => format!(
                "'{}' object has no attribute '{n}'",
                self.type_display_name_of_value(obj)
            ),
        };
        self.attribute_error(msg, obj, name)
    }

    /// Built-in types cannot be changed: CPython's `type_setattro` refuses before
    /// looking at any descriptor (`int.__mro__ = ...` names the type, not the
    /// descriptor).
    fn refuse_immutable_type(&self, obj: &Value, name: &str) -> PyResult<()> {
        match obj.as_obj() {
            Some(o) if o.as_type().is_some_and(|t| !t.is_heap) => Err(self.type_error(format!(
                "cannot set '{name}' attribute of immutable type '{}'",
                self.type_display_name(o)
            ))),
            _ => Ok(()),
        }
    }

    /// `setattr(obj, name, value)`.
    pub fn set_attr(&mut self, obj: &Value, name: &Value, value: Value) -> PyResult<()> {
        if let Some(setattr) = self.lookup_special_heap(obj, "__setattr__") {
            self.call(&setattr, &[obj.clone(), name.clone(), value])?;
            return Ok(());
        }
        self.generic_set_attr(obj, name, value)
    }

    /// `object.__setattr__(obj, name, value)`: data descriptors, then the instance dict.
    pub fn generic_set_attr(&mut self, obj: &Value, name: &Value, value: Value) -> PyResult<()> {
        let n = name_str(name);
        self.refuse_immutable_type(obj, n)?;
        let ty = self.type_of(obj);
        if let Some(descr) = self.type_lookup(&ty, n) {
            if self.descriptor_set(&descr, obj, Some(&value))? {
                return Ok(());
            }
        }
        if crate::objects::attributes::set_builtin_attribute(self, obj, n, &value)? {
            return Ok(());
        }
        if let Value::Obj(o) = obj {
            if let Payload::Type(t) = &o.payload {
                t.version.set(t.version.get().wrapping_add(1));
            }
            if o.dict.borrow().is_none() && matches!(o.payload, Payload::Function(_)) {
                *o.dict.borrow_mut() = Some(self.new_dict());
            }
            let value = match &o.payload {
                Payload::AstNode(node) => match node.set_field(name, value) {
                    Ok(()) => return Ok(()),
                    Err(value) => value,
                },
                _ => value,
            };
            if let Some(d) = o.dict_obj() {
                dict::set_str_key(&d, name.clone(), value);
                return Ok(());
            }
        }
        Err(self.no_dict_for_attribute(obj, name))
    }

    /// Setting or deleting `name` on an object with no instance dict to hold it.
    fn no_dict_for_attribute(&self, obj: &Value, name: &Value) -> PyErr {
        self.attribute_error(
            format!(
                "'{}' object has no attribute '{}' and no __dict__ for setting new attributes",
                self.type_display_name_of_value(obj),
                name_str(name)
            ),
            obj,
            name,
        )
    }

    /// `delattr(obj, name)`.
    pub fn del_attr(&mut self, obj: &Value, name: &Value) -> PyResult<()> {
        if let Some(delattr) = self.lookup_special_heap(obj, "__delattr__") {
            self.call(&delattr, &[obj.clone(), name.clone()])?;
            return Ok(());
        }
        self.generic_del_attr(obj, name)
    }

    /// `object.__delattr__(obj, name)`.
    pub fn generic_del_attr(&mut self, obj: &Value, name: &Value) -> PyResult<()> {
        self.refuse_immutable_type(obj, name_str(name))?;
        let ty = self.type_of(obj);
        if let Some(descr) = self.type_lookup(&ty, name_str(name)) {
            if self.descriptor_set(&descr, obj, None)? {
                return Ok(());
            }
        }
        if let Value::Obj(o) = obj {
            if let Payload::Type(t) = &o.payload {
                t.version.set(t.version.get().wrapping_add(1));
            }
            let d = o.dict_obj();
            if d.is_none() && !matches!(o.payload, Payload::Function(_)) {
                return Err(self.no_dict_for_attribute(obj, name));
            }
            if let Some(d) = d {
                if dict::del_item(self, &d, name)?.is_some() {
                    return Ok(());
                }
            }
        } else {
            return Err(self.no_dict_for_attribute(obj, name));
        }
        Err(self.no_attribute(obj, name))
    }

    /// `descr.__set__(obj, value)` called directly: a TypeError when `descr` is no data
    /// descriptor.
    pub fn descriptor_set_value(
        &mut self,
        descr: &Value,
        obj: &Value,
        value: Option<&Value>,
    ) -> PyResult<()> {
        if self.builtin_descriptor_set(descr, obj, value)? {
            return Ok(());
        }
        Err(self.type_error(format!(
            "'{}' object is not a data descriptor",
            self.type_name(descr)
        )))
    }

    /// `descr.__set__(obj, value)` (or `__delete__` when `value` is `None`) when `descr`
    /// is a data descriptor; `false` when it is not one.
    fn descriptor_set(
        &mut self,
        descr: &Value,
        obj: &Value,
        value: Option<&Value>,
    ) -> PyResult<bool> {
        let dty = self.type_of(descr);
        if !self.type_has_dunder_methods(&dty) {
            return self.builtin_descriptor_set(descr, obj, value);
        }
        let method = self.type_lookup(
            &dty,
            if value.is_some() {
                "__set__"
            } else {
                "__delete__"
            },
        );
        let Some(method) = method else {
            return Ok(false);
        };
        match value {
            Some(v) => self.call(&method, &[descr.clone(), obj.clone(), v.clone()])?,
            None => self.call(&method, &[descr.clone(), obj.clone()])?,
        };
        Ok(true)
    }

    /// What the VM's own data descriptors do on `__set__`/`__delete__`, ignoring any
    /// override in a subclass; `false` for other objects.
    fn builtin_descriptor_set(
        &mut self,
        descr: &Value,
        obj: &Value,
        value: Option<&Value>,
    ) -> PyResult<bool> {
        match descr.payload() {
            Some(Payload::Property(p)) => {
                crate::objects::descriptors::property_set(self, p, obj, value.cloned())?;
            }
            Some(Payload::Member(m)) => {
                crate::objects::slots::member_set(self, m, obj, value.cloned())?;
            }
            Some(Payload::Native(_)) => match descr.native::<GetSetDescriptor>() {
                Some(g) => crate::objects::getset::set(self, g, obj, value)?,
                None => return Ok(false),
            },
            _ => return Ok(false),
        }
        Ok(true)
    }
}

/// Built-in functions that are methods of a type (they have an owner) bind to instances.
macro_rules! BuiltinMethodMarker {
    () => {
        crate::objects::function::BuiltinFunction { owner: Some(_), .. }
    };
}
use BuiltinMethodMarker;

/// CPython's method cache: the result of `type_lookup(type, name)`, valid while no
/// type namespace has changed since (`dict::type_epoch`). Entries hold their type, so
/// a type's address is never reused while an entry names it.
pub(crate) mod type_cache {
    use std::cell::RefCell;
    use std::rc::Rc;

    use crate::object::ObjRef;
    use crate::objects::dict::type_epoch;
    use crate::value::Value;

    const SLOTS: usize = 4096;

    struct Entry {
        epoch: u64,
        ty: ObjRef,
        name: Box<str>,
        value: Option<(Value, bool)>,
    }

    thread_local! {
        static CACHE: RefCell<Vec<Option<Entry>>> = RefCell::new((0..SLOTS).map(|_| None).collect());
    }

    fn slot(ty: &ObjRef, name: &str) -> usize {
        let mut h = (Rc::as_ptr(ty) as usize as u64) >> 4;
        for b in name.bytes() {
            h = (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
        }
        (h as usize) % SLOTS
    }

    pub fn lookup(
        ty: &ObjRef,
        name: &str,
        compute: impl FnOnce() -> Option<(Value, bool)>,
    ) -> Option<(Value, bool)> {
        let epoch = type_epoch();
        let index = slot(ty, name);
        let hit = CACHE.with(|c| {
            let c = c.borrow();
            match &c[index] {
                Some(e) if e.epoch == epoch && Rc::ptr_eq(&e.ty, ty) && &*e.name == name => {
                    Some(e.value.clone())
                }
                _ => None,
            }
        });
        if let Some(v) = hit {
            return v;
        }
        let value = compute();
        // A lookup can run code that changes types; cache only a result still current.
        if type_epoch() == epoch {
            CACHE.with(|c| {
                c.borrow_mut()[index] = Some(Entry {
                    epoch,
                    ty: ty.clone(),
                    name: name.into(),
                    value: value.clone(),
                });
            });
        }
        value
    }

    /// Drop every entry (they hold objects): a thread does this under the GIL before
    /// it ends, so that its thread-local destructor frees no object without the GIL.
    pub fn clear() {
        let _ = CACHE.try_with(|c| {
            let old = std::mem::replace(&mut *c.borrow_mut(), (0..SLOTS).map(|_| None).collect());
            drop(old);
        });
    }
}

/// The instance attribute `name` of `o`: from its `__dict__`, or from the inline
/// fields of a parsed `_ast` node (whose dict is not built for a read).
fn instance_attribute(o: &PyObject, name: &Value) -> Option<Value> {
    if let Payload::AstNode(node) = &o.payload {
        if let Some(found) = node.field(name) {
            return found;
        }
    }
    let d = o.dict_obj()?;
    dict::get_str_value(&d, name)
}
