//! `compile()`, `exec()` and `eval()`: the compiler reached from Python code.

use std::borrow::Cow;

use adder_syntax::Mode;

use crate::error::PyResult;
use crate::object::{ObjRef, Payload};
use crate::objects::dict;
use crate::objects::function::{Args, NativeFn};
use crate::objects::str_stand_in::unexpected_keyword;
use crate::protocol::attr::name_str;
use crate::value::Value;
use crate::vm::Vm;

pub const FUNCTIONS: &[(&str, NativeFn)] = &[("compile", compile), ("exec", exec), ("eval", eval)];

/// Positional-or-keyword parameters in order, as CPython's argument clinic binds them.
fn bind<'a>(
    vm: &Vm,
    fname: &str,
    args: &Args<'a>,
    names: &[&str],
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    let pos = args.pos();
    // Names starting with an underscore are keyword-only (`_feature_version`).
    let positional = names.iter().filter(|n| !n.starts_with('_')).count();
    if pos.len() > positional {
        return Err(vm.type_error(format!(
            "{fname}() takes at most {positional} arguments ({} given)",
            pos.len()
        )));
    }
    let mut out: Vec<Option<Value>> = vec![None; names.len()];
    for (i, v) in pos.iter().enumerate() {
        out[i] = Some(v.clone());
    }
    for (k, v) in args.kwargs() {
        let key = name_str(k);
        match names.iter().position(|n| *n == key) {
            Some(i) if out[i].is_none() => out[i] = Some(v.clone()),
            Some(_) => {
                return Err(vm.type_error(format!(
                    "argument for {fname}() given by name ('{key}') and position"
                )))
            }
            None => return Err(unexpected_keyword(vm, fname, k)),
        }
    }
    if let Some(missing) = out.iter().take(required).position(Option::is_none) {
        return Err(vm.type_error(format!(
            "{fname}() missing required argument '{}' (pos {})",
            names[missing],
            missing + 1
        )));
    }
    Ok(out)
}

/// Source text from a str or bytes argument (borrowed from it where no decoding
/// had to rebuild it); a decoding error names `filename`.
fn source_text<'v>(vm: &Vm, v: &'v Value, fname: &str, filename: &str) -> PyResult<Cow<'v, str>> {
    match v.payload() {
        Some(Payload::Str(s)) => {
            crate::objects::str_stand_in::require_utf8(vm, v)?;
            Ok(Cow::Borrowed(s.as_str()))
        }
        Some(Payload::Bytes(b)) => adder_syntax::decode_source_borrowed(b)
            .map_err(|e| vm.decoding_error_from(&e, filename)),
        _ => Err(vm.type_error(format!(
            "{fname}() arg 1 must be a string, bytes or code object"
        ))),
    }
}

/// Compile `text` to a code object value.
fn compile_text(vm: &mut Vm, text: &str, filename: &str, mode: Mode) -> PyResult<ObjRef> {
    compile_text_optimized(vm, text, filename, mode, 0)
}

fn compile_text_optimized(
    vm: &mut Vm,
    text: &str,
    filename: &str,
    mode: Mode,
    optimize: i32,
) -> PyResult<ObjRef> {
    let code = vm.compile_with_warnings(filename, || {
        adder_compiler::compile_source(text, filename, mode, optimize)
    })?;
    Ok(vm.compiled_code_object(code))
}

/// `compile(tree, filename, mode)` for a tree of `_ast` node objects: checked and
/// converted as CPython does, then compiled, or with `PyCF_ONLY_AST` made into a
/// fresh tree of node objects (CPython 3.14 round-trips it too).
fn compile_tree(
    vm: &mut Vm,
    tree: &Value,
    filename: &str,
    mode: Mode,
    optimize: i32,
    flags: i64,
) -> PyResult<Value> {
    let root = match mode {
        Mode::Exec => "Module",
        Mode::Eval => "Expression",
        Mode::Single => "Interactive",
        Mode::FuncType => "FunctionType",
    };
    let module = crate::ast_objects::object_to_mod(vm, tree, root)?;
    if flags & crate::ast_objects::PYCF_ONLY_AST != 0 {
        return crate::ast_objects::mod_to_object(vm, &module);
    }
    let code = vm.compile_with_warnings(filename, || {
        adder_compiler::compile(&module, filename, optimize)
    })?;
    Ok(Value::Obj(vm.compiled_code_object(code)))
}

fn compile(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind(
        vm,
        "compile",
        &args,
        &[
            "source",
            "filename",
            "mode",
            "flags",
            "dont_inherit",
            "optimize",
            "_feature_version",
        ],
        3,
    )?;
    let [Some(source), Some(filename), Some(mode), ..] = &a[..] else {
        return Err(vm.system_error("compile: arguments"));
    };
    let filename = name_str(filename).to_string();
    let mode = match name_str(mode) {
        "exec" => Mode::Exec,
        "eval" => Mode::Eval,
        "single" => Mode::Single,
        "func_type" => Mode::FuncType,
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    if matches!(source.payload(), Some(Payload::Code(_))) {
        return Ok(source.clone());
    }
    let flags = match a.get(3) {
        Some(Some(Value::Int(n))) => *n,
        Some(Some(Value::Bool(b))) => i64::from(*b),
        _ => 0,
    };
    // -1 (the default) is the interpreter's level: 0, as adder runs without -O.
    let optimize = match a.get(5) {
        Some(Some(Value::Int(n))) => i32::try_from(*n).unwrap_or(0).max(0),
        _ => 0,
    };
    if crate::ast_objects::is_ast_node(vm, source)? {
        return compile_tree(vm, source, &filename, mode, optimize, flags);
    }
    if !matches!(source.payload(), Some(Payload::Str(_) | Payload::Bytes(_))) {
        return Err(vm.type_error("compile() arg 1 must be a string, bytes or AST object"));
    }
    let text = source_text(vm, source, "compile", &filename)?;
    if flags & crate::ast_objects::PYCF_ONLY_AST != 0 {
        return parse_to_objects(vm, &text, &filename, mode, flags);
    }
    compile_text_optimized(vm, &text, &filename, mode, optimize).map(Value::Obj)
}

/// `compile(source, filename, mode, PyCF_ONLY_AST)`: the tree as `_ast` node objects.
fn parse_to_objects(
    vm: &mut Vm,
    text: &str,
    filename: &str,
    mode: Mode,
    flags: i64,
) -> PyResult<Value> {
    let options = adder_syntax::ParseOptions {
        type_comments: flags & crate::ast_objects::PYCF_TYPE_COMMENTS != 0,
    };
    let tree = vm.compile_with_warnings(filename, || {
        adder_syntax::parse_with_options(text, mode, filename, options)
    })?;
    let _pretenure = crate::gc::registry::Pretenure::begin();
    crate::ast_objects::mod_to_object(vm, &tree)
}

/// The globals and locals `exec`/`eval` run with: the caller's when not given.
fn namespaces(
    vm: &mut Vm,
    fname: &str,
    globals: Option<Value>,
    locals: Option<Value>,
) -> PyResult<(ObjRef, ObjRef)> {
    let caller = vm.thread.frames.last();
    let explicit_globals = matches!(globals, Some(Value::Obj(_)));
    let globals = match globals {
        Some(Value::None) | None => caller.map(|f| f.globals.clone()),
        Some(Value::Obj(g)) if g.as_dict().is_some() => Some(g),
        Some(other) => {
            return Err(vm.type_error(format!(
                "{fname}() globals must be a dict, not {}",
                vm.type_name(&other)
            )))
        }
    };
    let Some(globals) = globals else {
        return Err(vm.system_error(format!("{fname}() without a frame")));
    };
    if dict::get_str(&globals, "__builtins__").is_none() {
        // CPython inserts the running code's builtins dict (`PyEval_GetBuiltins`).
        let builtins =
            caller.map_or_else(|| vm.interp.builtins_dict.clone(), |f| f.builtins.clone());
        dict::set_str(vm, &globals, "__builtins__", Value::Obj(builtins));
    }
    // Locals default to the given globals, or else to the caller's namespace.
    let caller_locals = vm
        .thread
        .frames
        .last()
        .and_then(|f| f.locals.clone())
        .filter(|_| !explicit_globals);
    let locals = match locals {
        Some(Value::None) | None => caller_locals.unwrap_or_else(|| globals.clone()),
        Some(Value::Obj(l)) => l,
        Some(other) => {
            return Err(vm.type_error(format!(
                "locals must be a mapping, not {}",
                vm.type_name(&other)
            )))
        }
    };
    Ok((globals, locals))
}

fn exec(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind(vm, "exec", &args, &["source", "globals", "locals"], 1)?;
    let mut a = a.into_iter();
    let source = a.next().flatten().unwrap_or(Value::None);
    let (globals, locals) = namespaces(vm, "exec", a.next().flatten(), a.next().flatten())?;
    let code = match source.as_obj() {
        Some(o) if matches!(o.payload, Payload::Code(_)) => o.clone(),
        _ => {
            let text = source_text(vm, &source, "exec", "<string>")?;
            compile_text(vm, &text, "<string>", Mode::Exec)?
        }
    };
    vm.run_code_in(code, globals, locals)?;
    Ok(Value::None)
}

fn eval(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind(vm, "eval", &args, &["source", "globals", "locals"], 1)?;
    let mut a = a.into_iter();
    let source = a.next().flatten().unwrap_or(Value::None);
    let (globals, locals) = namespaces(vm, "eval", a.next().flatten(), a.next().flatten())?;
    let code = match source.as_obj() {
        Some(o) if matches!(o.payload, Payload::Code(_)) => o.clone(),
        _ => {
            let text = source_text(vm, &source, "eval", "<string>")?;
            let trimmed = text.trim_start_matches([' ', '\t']);
            compile_text(vm, trimmed, "<string>", Mode::Eval)?
        }
    };
    vm.run_code_in(code, globals, locals)
}
