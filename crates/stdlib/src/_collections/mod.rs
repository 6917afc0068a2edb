//! The `_collections` module (CPython's `Modules/_collectionsmodule.c`): `deque` and
//! its iterators, `defaultdict`, `_tuplegetter` for `namedtuple`, and
//! `_count_elements` for `Counter`. `collections/__init__.py` builds the rest.

mod count_elements;
mod defaultdict;
mod deque;
mod deque_iter;
mod deque_seq;
mod tuplegetter;

use std::rc::Rc;

use adder_vm::native_module::{add_functions, add_type, new_native_type, NativeTypeSpec};
use adder_vm::object::ObjRef;
use adder_vm::objects::dict;
use adder_vm::objects::function::NativeFn;
use adder_vm::{PyResult, Value, Vm};

/// The types this module's functions create after init.
pub(crate) struct CollectionsTypes {
    deque_iter: ObjRef,
    deque_rev_iter: ObjRef,
}

pub(crate) fn types(vm: &Vm) -> PyResult<Rc<CollectionsTypes>> {
    vm.native_state::<CollectionsTypes>()
        .ok_or_else(|| vm.system_error("_collections is not initialised"))
}

const DEQUE_METHODS: &[(&str, NativeFn)] = &[
    ("append", deque::append),
    ("appendleft", deque::appendleft),
    ("pop", deque::pop),
    ("popleft", deque::popleft),
    ("extend", deque::extend_method),
    ("extendleft", deque::extendleft),
    ("clear", deque::clear),
    ("copy", deque::copy),
    ("__copy__", deque::copy),
    ("rotate", deque::rotate),
    ("reverse", deque::reverse),
    ("count", deque_seq::count),
    ("index", deque_seq::index),
    ("insert", deque_seq::insert),
    ("remove", deque_seq::remove),
    ("__len__", deque_seq::len),
    ("__getitem__", deque_seq::getitem),
    ("__setitem__", deque_seq::setitem),
    ("__delitem__", deque_seq::delitem),
    ("__contains__", deque_seq::contains),
    ("__repr__", deque_seq::repr),
    ("__lt__", deque_seq::lt),
    ("__le__", deque_seq::le),
    ("__eq__", deque_seq::eq),
    ("__ne__", deque_seq::ne),
    ("__gt__", deque_seq::gt),
    ("__ge__", deque_seq::ge),
    ("__add__", deque_seq::add),
    ("__iadd__", deque_seq::iadd),
    ("__mul__", deque_seq::mul),
    ("__rmul__", deque_seq::mul),
    ("__imul__", deque_seq::imul),
    ("__reduce__", deque_seq::reduce),
    ("__sizeof__", deque_seq::sizeof),
    ("__iter__", deque_iter::iter),
    ("__reversed__", deque_iter::reversed),
];

const ITER_METHODS: &[(&str, NativeFn)] = &[
    ("__iter__", crate::native_util::iter_self),
    ("__next__", deque_iter::next),
    ("__length_hint__", deque_iter::length_hint),
    ("__reduce__", deque_iter::reduce),
];

fn make_type(
    vm: &mut Vm,
    module: &ObjRef,
    name: &'static str,
    new: NativeFn,
    init: Option<NativeFn>,
    methods: &[(&'static str, NativeFn)],
) -> ObjRef {
    let ty = new_native_type(
        vm,
        NativeTypeSpec {
            name,
            module: "collections",
            base: None,
            new: Some(new),
            init,
            methods,
            subclassable: name == "deque",
        },
    );
    add_type(vm, module, &ty);
    ty
}

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    let deque = make_type(
        vm,
        module,
        "deque",
        deque::deque_new,
        Some(deque::deque_init),
        DEQUE_METHODS,
    );
    crate::native_util::add_getters(vm, &deque, &[("maxlen", deque::maxlen_getter)]);
    if let Some(ns) = deque.dict_obj() {
        dict::set_str(vm, &ns, "__hash__", Value::None);
    }
    adder_vm::objects::dict_methods::add_class_methods(
        vm,
        &deque,
        &[(
            "__class_getitem__",
            adder_vm::objects::generic_alias::class_getitem,
        )],
    );
    let deque_iter = make_type(
        vm,
        module,
        "_deque_iterator",
        deque_iter::iter_new,
        None,
        ITER_METHODS,
    );
    let deque_rev_iter = make_type(
        vm,
        module,
        "_deque_reverse_iterator",
        deque_iter::rev_iter_new,
        None,
        ITER_METHODS,
    );
    let getter = make_type(
        vm,
        module,
        "_tuplegetter",
        tuplegetter::new,
        None,
        &[
            ("__get__", tuplegetter::get),
            ("__set__", tuplegetter::set),
            ("__delete__", tuplegetter::delete),
            ("__repr__", tuplegetter::repr),
            ("__reduce__", tuplegetter::reduce),
        ],
    );
    crate::native_util::add_getset(
        vm,
        &getter,
        &[("__doc__", tuplegetter::doc_get, Some(tuplegetter::doc_set))],
    );
    let defaultdict = defaultdict::make_class(vm)?;
    add_type(vm, module, &defaultdict);
    add_functions(
        vm,
        module,
        &[("_count_elements", count_elements::count_elements)],
    );
    vm.set_native_state(CollectionsTypes {
        deque_iter,
        deque_rev_iter,
    });
    Ok(())
}
