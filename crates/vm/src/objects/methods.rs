//! Installs the methods of the built-in types (each type's own file has them).

use crate::vm::Vm;

pub fn install(vm: &Vm) {
    crate::objects::list::install(vm);
    crate::objects::tuple::install(vm);
    crate::objects::dict_methods::install(vm);
    crate::objects::set_methods::install(vm);
    crate::objects::range_methods::install(vm);
    crate::objects::code::install(vm);
    crate::objects::float_methods::install(vm);
    crate::objects::str_methods::install(vm);
    crate::objects::str_surrogate_methods::install(vm);
    crate::objects::bytes::install(vm);
    crate::objects::bytearray::install(vm);
    crate::objects::complex_methods::install(vm);
    crate::objects::memoryview_methods::install(vm);
    let t = vm.types();
    let reversible = [
        &t.list,
        &t.dict,
        &t.range,
        &t.dict_keys,
        &t.dict_values,
        &t.dict_items,
    ];
    for ty in reversible {
        crate::builtins::add_methods(
            vm,
            ty,
            &[("__reversed__", crate::objects::iterators::reversed_method)],
        );
    }
}
