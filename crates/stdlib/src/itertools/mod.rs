//! The `itertools` module: CPython's `Modules/itertoolsmodule.c`, each iterator a
//! native type (subclassable where CPython's is) with the same argument checks,
//! messages and reprs.
//!
//! Iterator state lives in `RefCell`s that are never borrowed across a call back
//! into Python (which could re-enter the same iterator).

mod combinatoric;
mod filtering;
mod grouping;
mod infinite;
mod mapping;
mod tee;

use adder_vm::native_module::{add_type, new_native_type, NativeObject, NativeTypeSpec};
use adder_vm::object::ObjRef;
use adder_vm::objects::function::{Args, NativeFn};
use adder_vm::{PyErr, PyResult, Value, Vm};

/// What an iterator type needs: its name, constructor, `__next__`, other methods.
pub(crate) struct IterType {
    pub name: &'static str,
    pub new: Option<NativeFn>,
    pub next: NativeFn,
    pub methods: &'static [(&'static str, NativeFn)],
    pub subclassable: bool,
}

fn iter_self(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.pos()
        .first()
        .cloned()
        .ok_or_else(|| vm.type_error("descriptor '__iter__' of object needs an argument"))
}

fn make_type(vm: &mut Vm, module: &ObjRef, spec: &IterType) -> ObjRef {
    let mut methods: Vec<(&'static str, NativeFn)> =
        vec![("__iter__", iter_self), ("__next__", spec.next)];
    methods.extend_from_slice(spec.methods);
    let ty = new_native_type(
        vm,
        NativeTypeSpec {
            name: spec.name,
            module: "itertools",
            base: None,
            new: spec.new,
            init: None,
            methods: &methods,
            subclassable: spec.subclassable,
        },
    );
    add_type(vm, module, &ty);
    ty
}

/// The end of iteration, raised from `__next__`.
pub(crate) fn stop(vm: &Vm) -> PyErr {
    PyErr(vm.new_exception(&vm.types().exc.stop_iteration, vec![]))
}

/// The class argument of a `__new__`.
pub(crate) fn cls_arg(vm: &Vm, args: &Args) -> PyResult<ObjRef> {
    match args.pos().first() {
        Some(Value::Obj(o)) if o.as_type().is_some() => Ok(o.clone()),
        _ => Err(vm.type_error("__new__(X): X is not a type object")),
    }
}

/// `__new__`'s arguments after the class.
pub(crate) fn ctor_args<'a>(args: &Args<'a>) -> Args<'a> {
    Args {
        values: args.values.get(1..).unwrap_or(&[]),
        kwnames: args.kwnames,
    }
}

/// The receiver of an itertools method, as its Rust state.
pub(crate) fn receiver<'a, T: NativeObject>(
    vm: &Vm,
    args: &'a Args,
    type_name: &str,
) -> PyResult<&'a T> {
    vm.native_self::<T>(args, "__next__", type_name)
}

/// Visit a value held in a `RefCell<Option<Value>>` (for the cycle collector).
pub(crate) fn visit_opt(v: &std::cell::RefCell<Option<Value>>, visit: &mut dyn FnMut(&Value)) {
    if let Some(v) = &*v.borrow() {
        visit(v);
    }
}

/// A type of this module (`_grouper`, `_tee`), found through `sys.modules`: native
/// functions have no module state of their own.
pub(crate) fn module_type(vm: &mut Vm, name: &str) -> PyResult<ObjRef> {
    let modules = vm.get_attr_str(&Value::Obj(vm.interp.sys.clone()), "modules")?;
    let key = vm.new_str("itertools");
    let module = vm.get_item(&modules, &key)?;
    let ty = vm.get_attr_str(&module, name)?;
    match ty {
        Value::Obj(o) if o.as_type().is_some() => Ok(o),
        _ => Err(vm.system_error(format!("itertools.{name} is not a type"))),
    }
}

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    for spec in infinite::TYPES
        .iter()
        .chain(filtering::TYPES)
        .chain(mapping::TYPES)
        .chain(grouping::TYPES)
        .chain(combinatoric::TYPES)
        .chain(tee::TYPES)
    {
        let ty = make_type(vm, module, spec);
        if spec.name == "chain" {
            adder_vm::objects::dict_methods::add_class_methods(
                vm,
                &ty,
                &[("from_iterable", mapping::chain_from_iterable)],
            );
        }
    }
    adder_vm::native_module::add_functions(vm, module, &[("tee", tee::tee)]);
    Ok(())
}
