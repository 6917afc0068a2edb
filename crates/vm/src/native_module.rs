//! Modules and types written in Rust: what CPython calls built-in modules (`_io`,
//! `math`, `itertools`, ...) and the extension types they define.
//!
//! A native module is a name and an init function that fills a fresh module object.
//! The import system asks this registry before searching `sys.path` (CPython's
//! `BuiltinImporter` comes first on `sys.meta_path` too), and `sys.builtin_module_names`
//! lists what is registered. The crate `adder-stdlib` registers most modules; the VM
//! registers the few that need its internals.
//!
//! A native type's instances carry `Payload::Native(Box<dyn NativeObject>)`: the Rust
//! state of a `deque`, a `StringIO`, a regex pattern... Its `__new__` (and optionally
//! `__init__`) are ordinary built-in functions in the type's namespace, so that Python
//! subclasses (`class MyDeque(deque)`) inherit them with the usual lookup rules.

use std::any::Any;
use std::rc::Rc;

use crate::error::PyResult;
use crate::object::{ObjRef, Payload, PyObject};
use crate::objects::dict;
use crate::objects::function::{Args, BuiltinFunction, NativeFn};
use crate::objects::type_::Layout;
use crate::value::Value;
use crate::vm::Vm;

/// Fills a new module object (its `__dict__` already has `__name__`) when first imported.
pub type ModuleInit = fn(&mut Vm, &ObjRef) -> PyResult<()>;

/// The Rust state inside an instance of a native type.
pub trait NativeObject: Any {
    /// Every Python value this object refers to (for the cycle collector). Objects that
    /// hold no Python values keep the default.
    fn visit_refs(&self, _visit: &mut dyn FnMut(&Value)) {}
}

impl PyObject {
    /// The Rust state of a native-type instance, if it is a `T`.
    pub fn native<T: NativeObject>(&self) -> Option<&T> {
        match &self.payload {
            Payload::Native(data) => (data.as_ref() as &dyn Any).downcast_ref::<T>(),
            _ => None,
        }
    }
}

impl Value {
    /// The Rust state of a native-type instance, if this value is one holding a `T`.
    pub fn native<T: NativeObject>(&self) -> Option<&T> {
        self.as_obj().and_then(|o| o.native::<T>())
    }
}

/// What a native type looks like; see [`new_native_type`].
pub struct NativeTypeSpec<'a> {
    /// `__name__`, e.g. `"deque"`.
    pub name: &'a str,
    /// `__module__`, e.g. `"collections"`.
    pub module: &'a str,
    /// The base class; `object` when `None`.
    pub base: Option<ObjRef>,
    /// `__new__(cls, *args, **kwargs)`: must return an instance of `cls` (use
    /// [`Vm::new_native_instance`]). `None` makes the type uninstantiable from Python
    /// ("cannot create 'X' instances").
    pub new: Option<NativeFn>,
    /// `__init__(self, *args, **kwargs)`, for types that (re)initialise in place.
    pub init: Option<NativeFn>,
    /// Instance methods and other dunders (`__iter__`, `__len__`, ...).
    pub methods: &'a [(&'static str, NativeFn)],
    /// Whether Python classes may subclass it.
    pub subclassable: bool,
}

/// Create a native type (a static, immutable type as CPython's C types are).
pub fn new_native_type(vm: &Vm, spec: NativeTypeSpec) -> ObjRef {
    let base = spec.base.unwrap_or_else(|| vm.types().object.clone());
    let ty = vm
        .types()
        .new_static_type(spec.name, &base, Layout::Native, spec.subclassable);
    let builtins: Vec<(&'static str, NativeFn)> = spec
        .new
        .map(|f| ("__new__", f))
        .into_iter()
        .chain(spec.init.map(|f| ("__init__", f)))
        .collect();
    crate::builtins::add_methods(vm, &ty, &builtins);
    crate::builtins::add_methods(vm, &ty, spec.methods);
    if let Some(d) = ty.dict_obj() {
        dict::set_str(vm, &d, "__module__", vm.new_str(spec.module));
    }
    ty
}

impl Vm {
    /// Make `name` importable: `init` runs on first import.
    pub fn register_native_module(&mut self, name: &'static str, init: ModuleInit) {
        self.interp.native_modules.borrow_mut().push((name, init));
        let mut names: Vec<&str> = self
            .interp
            .native_modules
            .borrow()
            .iter()
            .map(|(n, _)| *n)
            .chain(["builtins", "sys"])
            .collect();
        names.sort_unstable();
        names.dedup();
        let tuple = self.new_tuple(names.iter().map(|n| self.new_str(n)).collect());
        if let Some(d) = self.interp.sys.dict_obj() {
            dict::set_str(self, &d, "builtin_module_names", tuple);
        }
    }

    /// Import the registered native module `name`, if there is one: create it, put it
    /// in `sys.modules`, run its init (removing it again if that fails).
    pub(crate) fn import_native_module(&mut self, name: &str) -> Option<PyResult<Value>> {
        let init = self
            .interp
            .native_modules
            .borrow()
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, f)| *f)?;
        let globals = self.new_module_dict(name);
        let module = Rc::new(PyObject::with_dict(
            self.types().module.clone(),
            Payload::Module,
            globals,
        ));
        let modules = self.interp.modules.clone();
        dict::set_str(self, &modules, name, Value::Obj(module.clone()));
        if let Err(e) = init(self, &module) {
            let key = self.new_str(name);
            let _ = dict::del_item(self, &modules, &key);
            return Some(Err(e));
        }
        Some(Ok(
            dict::get_str(&modules, name).unwrap_or(Value::Obj(module))
        ))
    }

    /// An instance of the native type `cls` (or of a Python subclass of it, which also
    /// gets a `__dict__`) holding `data`.
    pub fn new_native_instance(&self, cls: &ObjRef, data: impl NativeObject) -> Value {
        let payload = Payload::Native(Box::new(data));
        Value::obj(if self.type_is_heap(cls) {
            PyObject::with_dict(cls.clone(), payload, self.new_dict())
        } else {
            PyObject::new(cls.clone(), payload)
        })
    }

    /// The receiver of a native method, checked to be a `T` (CPython's "descriptor
    /// 'append' for 'collections.deque' objects doesn't apply to a 'int' object").
    pub fn native_self<'a, T: NativeObject>(
        &self,
        args: &'a Args,
        method: &str,
        type_name: &str,
    ) -> PyResult<&'a T> {
        let receiver = args.pos().first();
        match receiver.and_then(|v| v.native::<T>()) {
            Some(data) => Ok(data),
            None => Err(self.type_error(format!(
                "descriptor '{method}' for '{type_name}' objects doesn't apply to a '{}' object",
                receiver.map_or_else(|| "NoneType".to_string(), |v| self.type_name(v).to_string())
            ))),
        }
    }
}

/// Set module attributes.
pub fn add_values(vm: &Vm, module: &ObjRef, values: &[(&str, Value)]) {
    if let Some(d) = module.dict_obj() {
        for (name, v) in values {
            dict::set_str(vm, &d, name, v.clone());
        }
    }
}

/// Add module-level functions (`math.sqrt`): built-in functions whose `__self__` is the
/// module and whose `__module__` is its name.
pub fn add_functions(vm: &Vm, module: &ObjRef, functions: &[(&'static str, NativeFn)]) {
    let Some(d) = module.dict_obj() else {
        return;
    };
    for (name, func) in functions {
        let f = Value::obj(PyObject::new(
            vm.types().builtin_function.clone(),
            Payload::BuiltinFunction(BuiltinFunction {
                name,
                func: *func,
                owner: None,
                module: Some(Value::Obj(module.clone())),
            }),
        ));
        dict::set_str(vm, &d, name, f);
    }
}

/// Add a type to a module under its `__name__`.
pub fn add_type(vm: &Vm, module: &ObjRef, ty: &ObjRef) {
    if let (Some(d), Some(t)) = (module.dict_obj(), ty.as_type()) {
        dict::set_str(vm, &d, &t.name(), Value::Obj(ty.clone()));
    }
}

/// Add read-only attributes to a native type, each computed by `getter(self)` (CPython's
/// getset descriptors; here properties whose getter is a built-in function).
pub fn add_getters(vm: &Vm, ty: &ObjRef, getters: &[(&'static str, NativeFn)]) {
    for &(name, getter) in getters {
        add_property(vm, ty, name, getter, None);
    }
}

/// Add attributes to a native type, each read by `getter(self)` and written by
/// `setter(self, value)` when there is one (read-only otherwise).
pub fn add_getset(vm: &Vm, ty: &ObjRef, attrs: &[(&'static str, NativeFn, Option<NativeFn>)]) {
    for &(name, getter, setter) in attrs {
        add_property(vm, ty, name, getter, setter);
    }
}

/// One attribute of [`add_getset`]: a property in `ty`'s namespace.
fn add_property(
    vm: &Vm,
    ty: &ObjRef,
    name: &'static str,
    getter: NativeFn,
    setter: Option<NativeFn>,
) {
    let Some(namespace) = ty.dict_obj() else {
        return;
    };
    let builtin = |f| crate::builtins::new_builtin(vm, name, f, Some(ty.clone()));
    let data = crate::objects::descriptors::PropertyData {
        fget: builtin(getter),
        fset: setter.map_or(Value::None, builtin),
        fdel: Value::None,
        doc: Value::None,
        name: std::cell::RefCell::new(vm.new_str(name)),
    };
    let property = Value::obj(PyObject::new(
        vm.types().property.clone(),
        Payload::Property(Box::new(data)),
    ));
    dict::set_str(vm, &namespace, name, property);
}

/// `__new__` and `__init__` of the nearest native base of `cls` (its own namespace, not
/// `object`'s), for calling a native type or a Python subclass of one.
fn native_base_method(vm: &Vm, cls: &ObjRef, name: &str) -> Option<Value> {
    let t = cls.as_type()?;
    let mro = t.mro.borrow();
    let base = mro
        .iter()
        .find(|k| !vm.type_is_heap(k) && k.as_type().is_some_and(|t| t.layout == Layout::Native))?;
    base.dict_obj().and_then(|d| dict::get_str(&d, name))
}

/// `cls.__new__(cls, *args)` for a native type or a subclass without its own `__new__`.
pub(crate) fn native_new(vm: &mut Vm, cls: &ObjRef, args: Args) -> PyResult<Value> {
    let Some(new) = native_base_method(vm, cls, "__new__") else {
        return Err(vm.type_error(format!(
            "cannot create '{}' instances",
            vm.type_display_name(cls)
        )));
    };
    let mut all = vec![Value::Obj(cls.clone())];
    all.extend_from_slice(args.values);
    vm.call_with(
        &new,
        Args {
            values: &all,
            kwnames: args.kwnames,
        },
    )
}

/// Run the native base's `__init__` on a fresh `obj`, if the type has one.
pub(crate) fn native_init(vm: &mut Vm, cls: &ObjRef, obj: &Value, args: Args) -> PyResult<()> {
    if let Some(init) = native_base_method(vm, cls, "__init__") {
        let mut all = vec![obj.clone()];
        all.extend_from_slice(args.values);
        vm.call_with(
            &init,
            Args {
                values: &all,
                kwnames: args.kwnames,
            },
        )?;
    }
    Ok(())
}

/// Calling a native type: `__new__`, then `__init__` when the result is an instance.
pub(crate) fn call_native_type(vm: &mut Vm, cls: &ObjRef, args: Args) -> PyResult<Value> {
    let obj = native_new(vm, cls, args)?;
    if vm.is_instance(&obj, cls) {
        native_init(vm, cls, &obj, args)?;
    }
    Ok(obj)
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;

    /// A counter type: the smallest native type with state, a constructor and a method.
    struct Counter(Cell<i64>);

    impl NativeObject for Counter {}

    fn counter_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
        match args.pos().first().and_then(|v| v.as_obj()) {
            Some(cls) => Ok(vm.new_native_instance(cls, Counter(Cell::new(0)))),
            None => Err(vm.type_error("Counter.__new__(X): X is not a type object")),
        }
    }

    fn counter_bump(vm: &mut Vm, args: Args) -> PyResult<Value> {
        let counter = vm.native_self::<Counter>(&args, "bump", "Counter")?;
        counter.0.set(counter.0.get() + 1);
        Ok(Value::Int(counter.0.get()))
    }

    fn init_probe(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
        let ty = new_native_type(
            vm,
            NativeTypeSpec {
                name: "Counter",
                module: "_probe",
                base: None,
                new: Some(counter_new),
                init: None,
                methods: &[("bump", counter_bump)],
                subclassable: true,
            },
        );
        add_type(vm, module, &ty);
        add_values(vm, module, &[("ANSWER", Value::Int(42))]);
        Ok(())
    }

    #[test]
    fn native_module_type_and_python_subclass() {
        let mut vm = Vm::new(Default::default());
        vm.register_native_module("_probe", init_probe);
        let source = b"
import sys, _probe
assert '_probe' in sys.builtin_module_names
assert _probe.ANSWER == 42
c = _probe.Counter()
assert c.bump() == 1 and c.bump() == 2
assert type(c).__module__ == '_probe'
class Sub(_probe.Counter):
    def twice(self):
        self.bump()
        return self.bump()
s = Sub()
s.note = 'has a dict'
assert s.twice() == 2 and s.note == 'has a dict'
try:
    _probe.Counter.bump(1)
except TypeError as e:
    assert str(e) == \"descriptor 'bump' for 'Counter' objects doesn't apply to a 'int' object\", e
else:
    raise AssertionError
";
        let globals = vm.new_module_dict("__main__");
        if let Err(e) = vm.compile_and_run(source, "<probe>", globals) {
            let text = vm.repr(&Value::Obj(e.0.clone())).map(|r| r.to_string());
            panic!("probe program failed: {text:?}");
        }
    }
}
