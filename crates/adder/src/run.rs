//! What each kind of invocation does: run a script, `-c`, standard input, or one of
//! the modules adder provides natively on the command line (`-m dis`, `-m ast`,
//! `-m tokenize`).

use std::io::{Read, Write};
use std::path::Path;

use adder_syntax::{format_syntax_error, Mode, SyntaxError};
use adder_vm::objects::dict;
use adder_vm::{Config, PyErr, Runtime, Value, Vm};

use crate::cli::{self, Options, Parsed, Program};

const HELP: &str = include_str!("help.txt");

pub fn main(argv: Vec<String>) -> i32 {
    let executable = std::env::current_exe()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|_| argv.first().cloned().unwrap_or_default());
    match cli::parse(&argv) {
        Parsed::Help => {
            print!("{}", HELP.replace("{EXECUTABLE}", &executable));
            0
        }
        Parsed::Version(n) => {
            let (major, minor, micro) = adder_vm::sys::VERSION;
            if n > 1 {
                println!(
                    "Python {major}.{minor}.{micro} (adder {})",
                    env!("CARGO_PKG_VERSION")
                );
            } else {
                println!("Python {major}.{minor}.{micro}");
            }
            0
        }
        Parsed::Usage(message) => {
            eprintln!("{message}");
            eprintln!("usage: {executable} [option] ... [-c cmd | -m mod | file | -] [arg] ...");
            eprintln!("Try `python -h' for more information.");
            2
        }
        Parsed::Run {
            options,
            program,
            args,
        } => run_program(&executable, options, program, args),
    }
}

fn run_program(executable: &str, options: Options, program: Program, args: Vec<String>) -> i32 {
    let environment = |name: &str| {
        (!options.ignore_environment)
            .then(|| std::env::var(name).ok())
            .flatten()
    };
    let hash_seed = environment("PYTHONHASHSEED").and_then(|s| s.parse::<u32>().ok());
    let _runtime = Runtime::new(hash_seed);
    adder_vm::signals::install_sigint_handler();
    let (source, filename) = match &program {
        Program::Script(path) => match std::fs::read(path) {
            Ok(bytes) => (bytes, absolute(path)),
            Err(e) => {
                let errno = e.raw_os_error().unwrap_or(2);
                eprintln!(
                    "{executable}: can't open file '{}': [Errno {errno}] {}",
                    absolute(path),
                    strerror(&e)
                );
                return 2;
            }
        },
        Program::Command(code) => (code.clone().into_bytes(), "<string>".to_string()),
        Program::Stdin | Program::Interactive => {
            let mut buf = Vec::new();
            let _ = std::io::stdin().read_to_end(&mut buf);
            (buf, "<stdin>".to_string())
        }
        Program::Module(name) => return run_native_module(executable, name, &args),
    };
    let script_dir = match &program {
        Program::Script(_) => Path::new(&filename)
            .parent()
            .map_or(String::new(), |d| d.to_string_lossy().into_owned()),
        _ => String::new(),
    };
    let config = Config {
        argv: args,
        executable: executable.to_string(),
        script_dir,
        dont_write_bytecode: options.dont_write_bytecode,
        unbuffered: options.unbuffered,
        ignore_environment: options.ignore_environment,
        no_user_site: options.no_user_site,
        warnoptions: options.warnoptions(environment("PYTHONWARNINGS").as_deref()),
    };
    let mut vm = Vm::new(config);
    adder_stdlib::install(&mut vm);
    if options.unbuffered {
        vm.stdout.set_unbuffered();
    }
    // As CPython, `warnings` is imported at startup when there are options, so that
    // they are applied (and bad ones reported) before the program runs.
    if !vm.interp.config.warnoptions.is_empty() {
        if let Err(err) = vm.import_module("warnings") {
            return handle_uncaught(&mut vm, err);
        }
    }
    if let Program::Command(_) = program {
        vm.register_source(&filename, &String::from_utf8_lossy(&source));
    }
    let (compiled, warnings) = adder_syntax::warnings::collect(|| compile(&source, &filename));
    if let Err(err) = vm.emit_compile_warnings(&warnings, &filename) {
        return handle_uncaught(&mut vm, err);
    }
    let code = match compiled {
        Ok(code) => code,
        Err(err) => {
            eprint!("{}", format_syntax_error(&err, &filename));
            return 1;
        }
    };
    let code_obj = vm.code_object(code);
    let globals = vm.new_module_dict("__main__");
    vm.register_main_module(&globals);
    if let Program::Script(_) = program {
        dict::set_str(&vm, &globals, "__file__", vm.new_str(&filename));
    }
    let status = match vm.run_code(code_obj, globals) {
        Ok(_) => 0,
        Err(err) => handle_uncaught(&mut vm, err),
    };
    adder_stdlib::finalize(&mut vm);
    vm.flush_stdout();
    status
}

fn compile(
    source: &[u8],
    filename: &str,
) -> Result<std::rc::Rc<adder_bytecode::CodeObject>, SyntaxError> {
    adder_syntax::check_file_has_no_null_bytes(source)?;
    let text = adder_syntax::decode_source(source)?;
    adder_compiler::compile_source(&text, filename, Mode::Exec, 0)
}

/// Print an uncaught exception (or honour SystemExit) and give the exit status.
fn handle_uncaught(vm: &mut Vm, err: PyErr) -> i32 {
    let exc = Value::Obj(err.0.clone());
    let system_exit = vm.types().exc.system_exit.clone();
    if vm.is_instance(&exc, &system_exit) {
        let code = vm
            .get_attr_str(&exc, "args")
            .ok()
            .and_then(|a| a.as_obj().and_then(|o| o.as_tuple()).map(|t| t.to_vec()));
        let code = match code.as_deref() {
            Some([single]) => single.clone(),
            Some([]) | None => Value::None,
            Some(_) => vm.get_attr_str(&exc, "args").unwrap_or(Value::None),
        };
        vm.flush_stdout();
        return match code {
            Value::None => 0,
            Value::Int(i) => i as i32,
            Value::Bool(b) => b as i32,
            other => {
                let text = vm.to_str(&other).unwrap_or_default();
                eprintln!("{text}");
                1
            }
        };
    }
    vm.flush_stdout();
    report_uncaught(vm, &err.0);
    let keyboard = vm.types().exc.keyboard_interrupt.clone();
    if vm.is_instance(&exc, &keyboard) {
        adder_vm::signals::exit_by_sigint();
    }
    1
}

/// Report an uncaught exception: through `sys.excepthook` when the program replaced
/// it, else (or when the hook itself fails) the built-in report.
fn report_uncaught(vm: &mut Vm, exc: &adder_vm::object::ObjRef) {
    let sys = Value::Obj(vm.interp.sys.clone());
    let hook = vm.get_attr_str(&sys, "excepthook").ok();
    let original = vm.get_attr_str(&sys, "__excepthook__").ok();
    if let (Some(hook), Some(original)) = (hook, original) {
        if !hook.is(&original) {
            let value = Value::Obj(exc.clone());
            let ty = Value::Obj(vm.type_of(&value));
            let tb = vm
                .get_attr_str(&value, "__traceback__")
                .unwrap_or(Value::None);
            match vm.call(&hook, &[ty, value, tb]) {
                Ok(_) => return,
                Err(e) => {
                    eprintln!("Error in sys.excepthook:");
                    let report = vm.format_exception(&e.0);
                    let _ = std::io::stderr().write_all(report.as_bytes());
                    eprintln!("\nOriginal exception was:");
                }
            }
        }
    }
    let report = vm.format_exception(exc);
    let _ = std::io::stderr().write_all(report.as_bytes());
}

/// `-m dis|ast|tokenize|symtable FILE`: the standard library's command-line tools, which adder
/// provides natively until it runs their Python source.
fn run_native_module(executable: &str, name: &str, args: &[String]) -> i32 {
    let file = args.get(1).cloned();
    let read = |file: &Option<String>| read_input(executable, file);
    match name {
        "dis" => {
            let (source, filename) = match read(&file) {
                Ok(x) => x,
                Err(code) => return code,
            };
            match compile(&source, &filename) {
                Ok(code) => {
                    print!("{}", adder_bytecode::dis::disassemble(&code));
                    0
                }
                Err(err) => {
                    eprint!("{}", format_syntax_error(&err, &filename));
                    1
                }
            }
        }
        "ast" => run_ast(executable, args),
        "symtable" => crate::symtable_cmd::run(args.get(1..).unwrap_or_default(), |file| {
            read_input(executable, file)
        }),
        "tokenize" => {
            let file = args
                .iter()
                .skip(1)
                .find(|a| !a.starts_with('-') || *a == "-")
                .cloned();
            let (source, filename) = match read(&file) {
                Ok(x) => x,
                Err(code) => return code,
            };
            // A file is decoded as `tokenize.tokenize` does; standard input is
            // read as text, with no ENCODING token.
            let dumped = if file.as_deref().is_none_or(|f| f == "-") {
                let text = String::from_utf8_lossy(&source);
                adder_syntax::tokenize_dump_with_encoding(&text, &filename, None)
            } else {
                adder_syntax::tokenize_file_dump(&source, &filename)
            };
            match dumped {
                Ok(out) => {
                    print!("{out}");
                    0
                }
                Err(err) => {
                    eprint!("{err}");
                    1
                }
            }
        }
        _ => {
            eprintln!("{executable}: No module named {name}");
            1
        }
    }
}

/// `-m ast [-a] [-m MODE] [-i INDENT] [FILE]`: the tree as `ast.dump` shows it.
fn run_ast(executable: &str, args: &[String]) -> i32 {
    let mut include_attributes = false;
    let mut mode = Mode::Exec;
    let mut indent = Some(3usize);
    let mut options = adder_syntax::ParseOptions {
        type_comments: true,
    };
    let mut file = None;
    let mut rest = args.iter().skip(1);
    while let Some(a) = rest.next() {
        match a.as_str() {
            "-a" | "--include-attributes" => include_attributes = true,
            "-m" | "--mode" => {
                mode = match rest.next().map(String::as_str) {
                    Some("eval") => Mode::Eval,
                    Some("single") => Mode::Single,
                    Some("func_type") => Mode::FuncType,
                    _ => Mode::Exec,
                }
            }
            "-i" | "--indent" => indent = rest.next().and_then(|n| n.parse().ok()),
            "--no-type-comments" => options.type_comments = false,
            "--show-empty" => {}
            other => file = Some(other.to_string()),
        }
    }
    let (source, filename) = match read_input(executable, &file) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let parsed = adder_syntax::decode_source(&source)
        .and_then(|text| adder_syntax::parse_with_options(&text, mode, &filename, options));
    match parsed {
        Ok(tree) => match adder_syntax::ast_dump_checked(&tree, include_attributes, indent) {
            Some(dump) => {
                println!("{dump}");
                0
            }
            None => {
                // CPython's recursive `ast.dump` gives up here (its traceback is
                // not reproduced, only the exception).
                eprintln!("RecursionError: maximum recursion depth exceeded");
                1
            }
        },
        Err(err) => {
            eprint!("{}", format_syntax_error(&err, &filename));
            1
        }
    }
}

/// The bytes and display name of a `-m` tool's input file, or of standard input;
/// `Err` is the exit status after reporting an unreadable file.
fn read_input(executable: &str, file: &Option<String>) -> Result<(Vec<u8>, String), i32> {
    match file {
        Some(path) if path != "-" => std::fs::read(path).map(|b| (b, path.clone())).map_err(|e| {
            eprintln!("{executable}: can't open file '{path}': {}", strerror(&e));
            1
        }),
        _ => {
            let mut buf = Vec::new();
            let _ = std::io::stdin().read_to_end(&mut buf);
            Ok((buf, "<stdin>".to_string()))
        }
    }
}

/// CPython shows the script's path made absolute (not resolving links).
fn absolute(path: &str) -> String {
    let p = Path::new(path);
    if p.is_absolute() {
        return path.to_string();
    }
    let cwd = std::env::current_dir().unwrap_or_default();
    let mut out = cwd;
    for part in p.components() {
        match part {
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out.to_string_lossy().into_owned()
}

/// The C library's wording for an I/O error (`No such file or directory`).
fn strerror(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}
