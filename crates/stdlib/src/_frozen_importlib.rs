//! `_frozen_importlib` and `_frozen_importlib_external`: CPython freezes
//! `importlib/_bootstrap.py` and `_bootstrap_external.py` into the binary under these
//! names and installs them at start-up (`sys.meta_path` gets `BuiltinImporter`,
//! `FrozenImporter` and `PathFinder`). adder runs the same two files from the
//! standard library on first import of either name, so that `importlib` finds them
//! ready as it finds CPython's.
//!
//! adder's own import system still runs `import` statements; these finders serve
//! `importlib.import_module`, `importlib.util.find_spec` and friends. Their source
//! loader gets its code through adder's compiled-module cache (`get_code` below), so
//! both import paths read and write the same `__pycache__` files.

use std::path::{Path, PathBuf};

use adder_vm::native_module::add_values;
use adder_vm::object::ObjRef;
use adder_vm::objects::dict;
use adder_vm::objects::function::Args;
use adder_vm::{PyResult, Value, Vm};

use crate::args::positional;

/// `_frozen_importlib`: run `_bootstrap.py` in the module, then install the finders
/// (CPython's `_install` and `_install_external_importers`).
pub fn init_bootstrap(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    run_stdlib_file(vm, module, "_bootstrap")?;
    let sys = Value::Obj(vm.interp.sys.clone());
    let imp = vm.import_module("_imp")?;
    let me = Value::Obj(module.clone());
    vm.call_method_by_name(&me, "_install", &[sys, imp])?;
    vm.call_method_by_name(&me, "_install_external_importers", &[])?;
    // The modules imported so far get the specs and loaders CPython would have made.
    vm.attach_missing_module_specs(&me)
}

/// `_frozen_importlib_external`: run `_bootstrap_external.py` in the module (its
/// `_install` is called by `_frozen_importlib`), with source loading through adder's
/// cache.
pub fn init_external(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    // `_bootstrap_external` imports `marshal` for CPython's `.pyc` files, which adder
    // does not use (see `get_code`): a placeholder stands in while it runs, so that
    // `import marshal` elsewhere still fails as before.
    let modules = vm.interp.modules.clone();
    let had_marshal = dict::get_str(&modules, "marshal").is_some();
    if !had_marshal {
        let placeholder = vm.new_dict();
        dict::set_str(vm, &placeholder, "__name__", vm.new_str("marshal"));
        let module_type = vm.types().module.clone();
        let placeholder = adder_vm::objects::module::new_module_object(&module_type, placeholder);
        dict::set_str(vm, &modules, "marshal", placeholder);
    }
    let ran = run_stdlib_file(vm, module, "_bootstrap_external");
    if !had_marshal {
        let key = vm.new_str("marshal");
        dict::del_item(vm, &modules, &key)?;
    }
    ran?;
    let me = Value::Obj(module.clone());
    let source_loader = vm.get_attr_str(&me, "SourceLoader")?;
    let Some(owner) = source_loader.as_obj().cloned() else {
        return Err(vm.system_error("SourceLoader is not a class"));
    };
    // Owned by the class, so that it binds to loaders as a method.
    let get_code = adder_vm::builtins::new_builtin(vm, "get_code", get_code, Some(owner));
    let name = vm.new_str("get_code");
    vm.set_attr(&source_loader, &name, get_code)
}

/// Run `importlib/<stem>.py` from the standard library in `module`'s namespace, as
/// `<frozen importlib.<stem>>`.
fn run_stdlib_file(vm: &mut Vm, module: &ObjRef, stem: &str) -> PyResult<()> {
    let Some(file) = find_in_sys_path(vm, &format!("importlib/{stem}.py"))? else {
        return Err(vm.import_error(&format!("cannot find importlib/{stem}.py on sys.path")));
    };
    let code = vm.module_code(&file, &format!("<frozen importlib.{stem}>"))?;
    let code = vm.code_object(code);
    let Some(namespace) = module.dict_obj() else {
        return Err(vm.system_error("module without a namespace"));
    };
    add_values(
        vm,
        module,
        &[("__builtins__", Value::Obj(vm.interp.builtins.clone()))],
    );
    vm.run_code(code, namespace).map(drop)
}

/// The first `dir/relative` that exists, for `dir` in `sys.path`.
fn find_in_sys_path(vm: &mut Vm, relative: &str) -> PyResult<Option<PathBuf>> {
    let sys = Value::Obj(vm.interp.sys.clone());
    let path = vm.get_attr_str(&sys, "path")?;
    for entry in vm.collect_iterable(&path)? {
        let Some(dir) = entry.as_obj().and_then(|o| o.as_str()) else {
            continue;
        };
        let candidate = Path::new(dir.as_str()).join(relative);
        if candidate.is_file() {
            return Ok(Some(candidate));
        }
    }
    Ok(None)
}

/// `SourceLoader.get_code(self, fullname)`: the code of `self.get_filename(fullname)`
/// from adder's compiled-module cache (compiled and cached when stale).
fn get_code(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [loader, fullname] = positional(vm, &args, "get_code", 2, 2)? else {
        return Err(vm.type_error("get_code() takes exactly 2 arguments"));
    };
    let path = vm.call_method_by_name(loader, "get_filename", std::slice::from_ref(fullname))?;
    let path = vm.to_str(&path)?;
    let code = vm.module_code(Path::new(&path), &path)?;
    Ok(Value::Obj(vm.code_object(code)))
}
