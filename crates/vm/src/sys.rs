//! The `sys` module: what the interpreter reports about itself.

use crate::objects::dict;
use crate::value::Value;
use crate::vm::Vm;

/// The Python version adder implements.
pub const VERSION: (i64, i64, i64) = (3, 14, 0);

pub fn init(vm: &mut Vm) {
    let Some(d) = vm.interp.sys.dict_obj() else {
        return;
    };
    let argv: Vec<Value> = vm
        .interp
        .config
        .argv
        .iter()
        .map(|a| vm.new_str(a))
        .collect();
    let argv = vm.new_list(argv);
    dict::set_str(vm, &d, "__name__", vm.new_str("sys"));
    dict::set_str(vm, &d, "argv", argv);
    dict::set_str(
        vm,
        &d,
        "executable",
        vm.new_str(&vm.interp.config.executable.clone()),
    );
    dict::set_str(vm, &d, "modules", Value::Obj(vm.interp.modules.clone()));
    dict::set_str(vm, &d, "platform", vm.new_str("linux"));
    dict::set_str(vm, &d, "maxsize", Value::Int(i64::MAX));
    let version_info = vm.new_tuple(vec![
        Value::Int(VERSION.0),
        Value::Int(VERSION.1),
        Value::Int(VERSION.2),
    ]);
    dict::set_str(vm, &d, "version_info", version_info);
    let modules = vm.interp.modules.clone();
    dict::set_str(vm, &modules, "sys", Value::Obj(vm.interp.sys.clone()));
    dict::set_str(
        vm,
        &modules,
        "builtins",
        Value::Obj(vm.interp.builtins.clone()),
    );
}
