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
    let path: Vec<Value> = search_path(vm).iter().map(|p| vm.new_str(p)).collect();
    let path = vm.new_list(path);
    dict::set_str(vm, &d, "path", path);
    let implementation = implementation(vm);
    dict::set_str(vm, &d, "implementation", implementation);
    let modules = vm.interp.modules.clone();
    dict::set_str(vm, &modules, "sys", Value::Obj(vm.interp.sys.clone()));
    dict::set_str(
        vm,
        &modules,
        "builtins",
        Value::Obj(vm.interp.builtins.clone()),
    );
}

/// `sys.path`: the script's directory (or '' for -c and stdin), `PYTHONPATH`, then
/// CPython 3.14's pure-Python standard library (`ADDER_STDLIB`, or the reference
/// installation the README's setup provides).
fn search_path(vm: &Vm) -> Vec<String> {
    let config = &vm.interp.config;
    let mut path = vec![config.script_dir.clone()];
    if !config.ignore_environment {
        if let Ok(extra) = std::env::var("PYTHONPATH") {
            path.extend(
                extra
                    .split(':')
                    .filter(|p| !p.is_empty())
                    .map(str::to_string),
            );
        }
    }
    let stdlib = std::env::var("ADDER_STDLIB").ok().or_else(|| {
        let home = std::env::var("HOME").ok()?;
        let dir = format!("{home}/.cache/adder-reference/3.14/root/usr/lib/python3.14");
        std::path::Path::new(&dir).is_dir().then_some(dir)
    });
    path.extend(stdlib);
    path
}

/// `sys.implementation`: a namespace naming adder.
fn implementation(vm: &Vm) -> Value {
    let ns = vm.new_dict();
    dict::set_str(vm, &ns, "name", vm.new_str("adder"));
    dict::set_str(vm, &ns, "cache_tag", vm.new_str("adder-314"));
    let version = vm.new_tuple(vec![
        Value::Int(VERSION.0),
        Value::Int(VERSION.1),
        Value::Int(VERSION.2),
    ]);
    dict::set_str(vm, &ns, "version", version);
    Value::obj(crate::object::PyObject::with_dict(
        vm.types().simple_namespace.clone(),
        crate::object::Payload::Instance,
        ns,
    ))
}
