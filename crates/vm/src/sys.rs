//! The `sys` module: what the interpreter reports about itself.

use crate::objects::dict;
use crate::value::Value;
use crate::vm::Vm;

/// The Python version adder implements.
pub const VERSION: (i64, i64, i64) = (3, 14, 10);

/// `sys.argv`: the configured arguments, where those after the first are the
/// process's own taken from its raw bytes (UTF-8 with `surrogateescape`, as CPython),
/// which the configuration only holds as lossy text.
fn process_argv(vm: &Vm, configured: &[String]) -> Vec<Value> {
    use std::os::unix::ffi::OsStrExt;
    let raw: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let tail_start = raw.len().saturating_sub(configured.len().saturating_sub(1));
    let exact = |i: usize, text: &str| {
        let arg = raw.get((tail_start + i).checked_sub(1)?)?;
        (i > 0 && arg.to_string_lossy() == text)
            .then(|| vm.new_str_obj(crate::objects::codecs::fs_decode(arg.as_bytes())))
    };
    configured
        .iter()
        .enumerate()
        .map(|(i, a)| exact(i, a).unwrap_or_else(|| vm.new_str(a)))
        .collect()
}

pub fn init(vm: &mut Vm) {
    let Some(d) = vm.interp.sys.dict_obj() else {
        return;
    };
    let argv = process_argv(vm, &vm.interp.config.argv);
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
    let search = search_path(vm);
    // The installation prefix is the directory above `lib/python3.14` (CPython's
    // `sys.prefix`); no virtual environments, so the base prefixes are the same.
    let prefix = search
        .iter()
        .find_map(|p| p.strip_suffix("/lib/python3.14"))
        .map_or(Value::None, |p| vm.new_str(p));
    for name in ["prefix", "base_prefix", "exec_prefix", "base_exec_prefix"] {
        dict::set_str(vm, &d, name, prefix.clone());
    }
    // `site` and `sysconfig` build paths from these (Debian's CPython: "lib", no ABI
    // flags).
    dict::set_str(vm, &d, "platlibdir", vm.new_str("lib"));
    dict::set_str(vm, &d, "abiflags", vm.new_str(""));
    dict::set_str(vm, &d, "copyright", vm.new_str(COPYRIGHT));
    let path: Vec<Value> = search.iter().map(|p| vm.new_str(p)).collect();
    let path = vm.new_list(path);
    dict::set_str(vm, &d, "path", path);
    let dont_write = crate::import::cache::dont_write_bytecode_default(&vm.interp.config);
    dict::set_str(vm, &d, "dont_write_bytecode", Value::Bool(dont_write));
    for (name, made) in [
        ("version_info", crate::sys_info::version_info(vm)),
        ("hash_info", crate::sys_info::hash_info(vm)),
        ("float_info", crate::sys_info::float_info(vm)),
        ("int_info", crate::sys_info::int_info(vm)),
        ("flags", crate::sys_info::flags(vm, dont_write)),
    ] {
        if let Ok(info) = made {
            dict::set_str(vm, &d, name, info);
        }
    }
    let implementation = implementation(vm);
    dict::set_str(vm, &d, "implementation", implementation);
    let warnoptions = vm.interp.config.warnoptions.clone();
    let warnoptions = warnoptions.iter().map(|o| vm.new_str(o)).collect();
    dict::set_str(vm, &d, "warnoptions", vm.new_list(warnoptions));
    // Filled by `_frozen_importlib` when `importlib` is imported (adder's own import
    // system, which runs `import` statements, does not consult them).
    dict::set_str(vm, &d, "meta_path", vm.new_list(Vec::new()));
    dict::set_str(vm, &d, "path_hooks", vm.new_list(Vec::new()));
    dict::set_str(vm, &d, "path_importer_cache", Value::Obj(vm.new_dict()));
    dict::set_str(vm, &d, "pycache_prefix", Value::None);
    let modules = vm.interp.modules.clone();
    dict::set_str(vm, &modules, "sys", Value::Obj(vm.interp.sys.clone()));
    dict::set_str(
        vm,
        &modules,
        "builtins",
        Value::Obj(vm.interp.builtins.clone()),
    );
    install_functions(vm);
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
/// `sys.copyright`, CPython's text (`site` shows it through `copyright()`).
const COPYRIGHT: &str = "Copyright (c) 2001 Python Software Foundation.\nAll Rights Reserved.\n\nCopyright (c) 2000 BeOpen.com.\nAll Rights Reserved.\n\nCopyright (c) 1995-2001 Corporation for National Research Initiatives.\nAll Rights Reserved.\n\nCopyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.\nAll Rights Reserved.";

fn implementation(vm: &Vm) -> Value {
    let ns = vm.new_dict();
    dict::set_str(vm, &ns, "name", vm.new_str("adder"));
    let cache_tag = vm.new_str(crate::import::cache::CACHE_TAG);
    dict::set_str(vm, &ns, "cache_tag", cache_tag);
    let version = vm.new_tuple(vec![
        Value::Int(VERSION.0),
        Value::Int(VERSION.1),
        Value::Int(VERSION.2),
    ]);
    dict::set_str(vm, &ns, "version", version);
    // Names the `_sysconfigdata_*` module of the installation (Debian's multiarch).
    dict::set_str(vm, &ns, "_multiarch", vm.new_str("x86_64-linux-gnu"));
    Value::obj(crate::object::PyObject::with_dict(
        vm.types().simple_namespace.clone(),
        crate::object::Payload::Instance,
        ns,
    ))
}

use crate::error::PyResult;
use crate::objects::function::{Args, NativeFn};

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("getrecursionlimit", getrecursionlimit),
    ("setrecursionlimit", setrecursionlimit),
    ("getswitchinterval", crate::gil::sys_getswitchinterval),
    ("setswitchinterval", crate::gil::sys_setswitchinterval),
    ("exit", exit),
    ("exc_info", exc_info),
    ("exception", exception),
    ("_getframe", getframe),
    ("_current_frames", crate::threads::sys_current_frames),
    ("_getframemodulename", getframemodulename),
    ("getfilesystemencoding", getfilesystemencoding),
    ("getfilesystemencodeerrors", getfilesystemencodeerrors),
    ("audit", audit),
    ("_get_cpu_count_config", get_cpu_count_config),
    ("get_int_max_str_digits", get_int_max_str_digits),
    ("set_int_max_str_digits", set_int_max_str_digits),
    ("intern", intern),
    ("excepthook", excepthook),
    ("unraisablehook", crate::gc::unraisable::sys_unraisablehook),
];

/// The functions of `sys`, registered on the module with `__self__` = the module.
pub fn install_functions(vm: &Vm) {
    let Some(d) = vm.interp.sys.dict_obj() else {
        return;
    };
    for (name, f) in FUNCTIONS {
        dict::set_str(
            vm,
            &d,
            name,
            crate::builtins::new_builtin(vm, name, *f, None),
        );
    }
    if let Some(hook) = dict::get_str(&d, "excepthook") {
        dict::set_str(vm, &d, "__excepthook__", hook);
    }
    if let Some(hook) = dict::get_str(&d, "unraisablehook") {
        dict::set_str(vm, &d, "__unraisablehook__", hook);
    }
    let version = format!(
        "{}.{}.{} (adder {})",
        VERSION.0,
        VERSION.1,
        VERSION.2,
        env!("CARGO_PKG_VERSION")
    );
    dict::set_str(vm, &d, "version", vm.new_str(&version));
    dict::set_str(
        vm,
        &d,
        "byteorder",
        vm.new_str(if cfg!(target_endian = "little") {
            "little"
        } else {
            "big"
        }),
    );
    dict::set_str(vm, &d, "maxunicode", Value::Int(0x10FFFF));
    use crate::objects::std_stream::{new_stream, StdStream};
    for (name, which) in [
        ("stdin", StdStream::Stdin),
        ("stdout", StdStream::Stdout),
        ("stderr", StdStream::Stderr),
    ] {
        let stream = new_stream(vm, which);
        dict::set_str(vm, &d, name, stream.clone());
        dict::set_str(vm, &d, &format!("__{name}__"), stream);
    }
    crate::objects::std_stream::install(vm);
}

fn one_int(vm: &mut Vm, args: &Args, name: &str) -> PyResult<i64> {
    match args.pos() {
        [v] if args.kwnames.is_empty() => match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            _ => Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(v)
            ))),
        },
        pos => Err(vm.type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            pos.len()
        ))),
    }
}

fn getrecursionlimit(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(vm.interp.recursion_limit.get() as i64))
}

fn setrecursionlimit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = one_int(vm, &args, "setrecursionlimit")?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    let depth = vm.thread.frames.len() as i64;
    if n <= depth {
        return Err(vm.error(
            &vm.types().exc.recursion_error.clone(),
            format!("cannot set the recursion limit to {n} at the recursion depth {depth}: the limit is too low"),
        ));
    }
    vm.interp.recursion_limit.set(n as usize);
    Ok(Value::None)
}

fn exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos().to_vec();
    if pos.len() > 1 {
        return Err(vm.type_error(format!(
            "exit expected at most 1 argument, got {}",
            pos.len()
        )));
    }
    Err(crate::error::PyErr(
        vm.new_exception(&vm.types().exc.system_exit.clone(), pos),
    ))
}

fn exc_info(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let exc = vm.thread.exc_info.clone();
    if exc.is_none() {
        return Ok(vm.new_tuple(vec![Value::None, Value::None, Value::None]));
    }
    let ty = Value::Obj(vm.type_of(&exc));
    let tb = vm.get_attr_str(&exc, "__traceback__")?;
    Ok(vm.new_tuple(vec![ty, exc, tb]))
}

/// `sys.excepthook(type, value, traceback)`: print the exception and its traceback
/// to standard error, as an uncaught exception is reported.
fn excepthook(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [_, value, _] = args.pos() else {
        return Err(vm.type_error(format!(
            "excepthook expected 3 arguments, got {}",
            args.pos().len()
        )));
    };
    let Some(exc) = value
        .as_obj()
        .filter(|o| vm.exception_data(o).is_some())
        .cloned()
    else {
        return Err(vm.type_error(format!(
            "print_exception(): Exception expected for value, {} found",
            vm.type_name(value)
        )));
    };
    vm.flush_stdout();
    let report = vm.format_exception(&exc);
    use std::io::Write;
    let _ = std::io::stderr().write_all(report.as_bytes());
    Ok(Value::None)
}

fn exception(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.thread.exc_info.clone())
}

/// `sys._getframe(depth=0)`: the frame object of a running frame.
fn getframe(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let depth = match args.pos() {
        [] => 0,
        _ => one_int(vm, &args, "_getframe")?,
    };
    let Some(i) = frame_index(vm, depth) else {
        return Err(vm.value_error("call stack is not deep enough"));
    };
    let frame: *mut crate::frame::Frame = &mut *vm.thread.frames[i];
    // SAFETY: the frame is boxed and stays on the stack while this function runs.
    Ok(Value::Obj(vm.frame_object(unsafe { &mut *frame })))
}

/// The index on the frame stack of the frame `depth` calls below the top one.
fn frame_index(vm: &Vm, depth: i64) -> Option<usize> {
    let n = vm.thread.frames.len();
    let depth = usize::try_from(depth.max(0)).ok()?;
    n.checked_sub(depth.checked_add(1)?)
}

/// `sys._getframemodulename(depth=0)`: the `__module__` of the function running
/// `depth` calls below the top (the module's name for module code), or None.
fn getframemodulename(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let depth = match (args.pos(), args.kwargs().next()) {
        ([], None) => 0,
        ([d], None) | ([], Some((_, d))) => match d {
            Value::Int(i) => *i,
            Value::Bool(b) => i64::from(*b),
            _ => {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(d)
                )))
            }
        },
        _ => return Err(vm.type_error("_getframemodulename() takes at most 1 argument")),
    };
    let Some(frame) = frame_index(vm, depth).and_then(|i| vm.thread.frames.get(i)) else {
        return Ok(Value::None);
    };
    match frame.func.as_ref().map(|f| &f.payload) {
        Some(crate::object::Payload::Function(func)) => Ok(func.module.borrow().clone()),
        _ => Ok(dict::get_str(&frame.globals, "__name__").unwrap_or(Value::None)),
    }
}

fn no_args(vm: &Vm, args: &Args, name: &str) -> PyResult<()> {
    match args.values.len() {
        0 => Ok(()),
        n => Err(vm.type_error(format!("sys.{name}() takes no arguments ({n} given)"))),
    }
}

/// `sys.getfilesystemencoding()`: adder always uses UTF-8 for file names (CPython's
/// default on Linux).
fn getfilesystemencoding(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, &args, "getfilesystemencoding")?;
    Ok(vm.new_str("utf-8"))
}

/// `sys.getfilesystemencodeerrors()`: undecodable bytes in file names round-trip as
/// lone surrogates.
fn getfilesystemencodeerrors(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, &args, "getfilesystemencodeerrors")?;
    Ok(vm.new_str("surrogateescape"))
}

/// `sys.audit(event, *args)`: adder has no audit hooks, so this only checks the
/// event name.
fn audit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos().first() {
        None => Err(vm.type_error("audit expected at least 1 argument, got 0")),
        Some(v) if !matches!(v.payload(), Some(crate::object::Payload::Str(_))) => Err(vm
            .type_error(format!(
                "audit() argument 1 must be str, not {}",
                vm.type_name(v)
            ))),
        Some(_) => Ok(Value::None),
    }
}

/// `sys._get_cpu_count_config()`: -1, no `-X cpu_count` override.
fn get_cpu_count_config(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, &args, "_get_cpu_count_config")?;
    Ok(Value::Int(-1))
}

fn get_int_max_str_digits(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(vm.interp.int_max_str_digits.get() as i64))
}

fn set_int_max_str_digits(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = match (args.pos(), args.kwargs().next()) {
        ([v], None) | ([], Some((_, v))) => v.clone(),
        _ => return Err(vm.type_error("set_int_max_str_digits() takes exactly one argument")),
    };
    let n = match n {
        Value::Int(i) => i,
        _ => return Err(vm.type_error("'maxdigits' must be an integer")),
    };
    if n != 0 && n < 640 {
        return Err(vm.value_error("maxdigits must be >= 640 or 0 for unlimited"));
    }
    vm.interp.int_max_str_digits.set(n as usize);
    Ok(Value::None)
}

fn intern(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos() {
        [v] => match v.payload() {
            Some(crate::object::Payload::Str(s)) => Ok(vm.intern(s.as_str())),
            _ => Err(vm.type_error(format!(
                "intern() argument must be str, not {}",
                vm.type_name(v)
            ))),
        },
        pos => Err(vm.type_error(format!(
            "intern() takes exactly one argument ({} given)",
            pos.len()
        ))),
    }
}
