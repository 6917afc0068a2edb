//! The `_imp` module (CPython's `Python/import.c` exports): the native half that
//! `importlib._bootstrap` and `_bootstrap_external` call. adder has built-in (native)
//! modules but no frozen modules and no extension modules, so the frozen and dynamic
//! entry points report "nothing here" as CPython does for unknown names. The import
//! lock is the GIL: `acquire_lock`/`release_lock` have nothing to do.

use adder_vm::native_module::{add_functions, add_values};
use adder_vm::object::ObjRef;
use adder_vm::objects::function::{Args, NativeFn};
use adder_vm::protocol::attr::name_str;
use adder_vm::{PyResult, Value, Vm};

use crate::args::positional;

/// CPython 3.14's `_imp.pyc_magic_number_token` (`MAGIC_NUMBER` as a little-endian
/// int), so that `importlib.util.MAGIC_NUMBER` is CPython's.
const PYC_MAGIC_NUMBER_TOKEN: i64 = 168_627_755;

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    let functions: &[(&'static str, NativeFn)] = &[
        ("acquire_lock", acquire_lock),
        ("release_lock", release_lock),
        ("lock_held", lock_held),
        ("is_builtin", is_builtin),
        ("create_builtin", create_builtin),
        ("exec_builtin", exec_module),
        ("is_frozen", is_frozen),
        ("is_frozen_package", no_frozen_object),
        ("get_frozen_object", no_frozen_object),
        ("init_frozen", no_frozen_object),
        ("find_frozen", find_frozen),
        ("_frozen_module_names", frozen_module_names),
        ("extension_suffixes", extension_suffixes),
        ("create_dynamic", create_dynamic),
        ("exec_dynamic", exec_module),
        ("_fix_co_filename", fix_co_filename),
        ("_override_multi_interp_extensions_check", override_check),
    ];
    add_functions(vm, module, functions);
    let values = [
        ("pyc_magic_number_token", Value::Int(PYC_MAGIC_NUMBER_TOKEN)),
        ("check_hash_based_pycs", vm.new_str("default")),
    ];
    add_values(vm, module, &values);
    Ok(())
}

/// The one argument of a `METH_O` function, as a module name.
fn name_arg<'a>(vm: &Vm, args: &Args<'a>, func: &str) -> PyResult<&'a Value> {
    let [name] = positional(vm, args, func, 1, 1)? else {
        return Err(vm.type_error(format!("{func}() takes exactly one argument")));
    };
    if name.as_obj().and_then(|o| o.as_str()).is_none() {
        return Err(vm.type_error(format!(
            "{func}() argument must be str, not {}",
            vm.type_name(name)
        )));
    }
    Ok(name)
}

fn acquire_lock(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "acquire_lock", 0, 0)?;
    Ok(Value::None)
}

fn release_lock(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "release_lock", 0, 0)?;
    Ok(Value::None)
}

fn lock_held(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "lock_held", 0, 0)?;
    Ok(Value::Bool(false))
}

/// `is_builtin(name)`: 1 for a native module, -1 for `sys` and `builtins` (which
/// cannot be initialised again), 0 otherwise.
fn is_builtin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = name_str(name_arg(vm, &args, "is_builtin")?);
    Ok(Value::Int(if name == "sys" || name == "builtins" {
        -1
    } else {
        i64::from(vm.is_native_module_name(name))
    }))
}

/// `create_builtin(spec)`: the native module `spec.name` (created by adder's import
/// system, which already put it in `sys.modules`).
fn create_builtin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [spec] = positional(vm, &args, "create_builtin", 1, 1)? else {
        return Err(vm.type_error("create_builtin() takes exactly one argument"));
    };
    let name = vm.get_attr_str(spec, "name")?;
    let Some(text) = name.as_obj().and_then(|o| o.as_str()) else {
        return Err(vm.type_error(format!("name must be string, not {}", vm.type_name(&name))));
    };
    let text = text.as_str().to_string();
    let is_core = text == "sys" || text == "builtins";
    if !is_core && !vm.is_native_module_name(&text) {
        return Err(vm.import_error(&format!("no built-in module named {text}")));
    }
    vm.import_module(&text)
}

/// `exec_builtin(mod)`/`exec_dynamic(mod)`: native modules are complete once created.
fn exec_module(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "exec_builtin", 1, 1)?;
    Ok(Value::Int(0))
}

fn is_frozen(vm: &mut Vm, args: Args) -> PyResult<Value> {
    name_arg(vm, &args, "is_frozen")?;
    Ok(Value::Bool(false))
}

/// `find_frozen(name, *, withdata=False)`: adder freezes nothing.
fn find_frozen(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [name] = args.pos() else {
        return Err(vm.type_error(format!(
            "find_frozen() takes exactly one positional argument ({} given)",
            args.pos().len()
        )));
    };
    if name.as_obj().and_then(|o| o.as_str()).is_none() {
        return Err(vm.type_error(format!(
            "find_frozen() argument 1 must be str, not {}",
            vm.type_name(name)
        )));
    }
    Ok(Value::None)
}

/// `get_frozen_object`, `is_frozen_package`, `init_frozen`: no frozen module exists.
fn no_frozen_object(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(name) = args.pos().first() else {
        return Err(vm.type_error("expected a module name"));
    };
    let shown = vm.repr(name)?;
    Err(vm.import_error(&format!("No such frozen object named {shown}")))
}

fn frozen_module_names(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "_frozen_module_names", 0, 0)?;
    Ok(vm.new_tuple(Vec::new()))
}

/// No extension modules: no file suffixes name one.
fn extension_suffixes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "extension_suffixes", 0, 0)?;
    Ok(vm.new_list(Vec::new()))
}

fn create_dynamic(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [spec, ..] = positional(vm, &args, "create_dynamic", 1, 2)? else {
        return Err(vm.type_error("create_dynamic expected at least 1 argument, got 0"));
    };
    let name = vm.get_attr_str(spec, "name")?;
    let name = vm.to_str(&name)?;
    Err(vm.import_error(&format!("adder cannot load extension modules ({name})")))
}

/// `_fix_co_filename(code, path)`: adder's code objects already carry the path the
/// importer found.
fn fix_co_filename(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "_fix_co_filename", 2, 2)?;
    Ok(Value::None)
}

/// No sub-interpreters: the check setting is never overridden (-1 means "as is").
fn override_check(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "_override_multi_interp_extensions_check", 1, 1)?;
    Ok(Value::Int(-1))
}
