//! The command line, parsed the way CPython's `Modules/main.c` + `Python/getopt.c` do.

/// What to run.
#[derive(Debug, PartialEq)]
pub enum Program {
    /// `-c CODE`
    Command(String),
    /// `-m MODULE`
    Module(String),
    /// A script path.
    Script(String),
    /// `-` or nothing with standard input not a terminal.
    Stdin,
    /// No program and a terminal: the interactive prompt.
    Interactive,
}

#[derive(Debug, Default)]
pub struct Options {
    pub dont_write_bytecode: bool,
    pub unbuffered: bool,
    pub ignore_environment: bool,
    pub no_user_site: bool,
    pub quiet: bool,
    pub optimize: i32,
    /// `-W` arguments, in order.
    pub warning_options: Vec<String>,
    /// How many `-b` flags were given.
    pub bytes_warning: u8,
}

impl Options {
    /// `sys.warnoptions` as CPython's `config_init_warnoptions` orders it: the
    /// `PYTHONWARNINGS` entries (`environment`, comma separated, empty ones skipped),
    /// then the `-W` options, then the filter `-b`/`-bb` implies.
    pub fn warnoptions(&self, environment: Option<&str>) -> Vec<String> {
        let mut options: Vec<String> = environment
            .into_iter()
            .flat_map(|value| value.split(','))
            .filter(|entry| !entry.is_empty())
            .map(String::from)
            .collect();
        options.extend(self.warning_options.iter().cloned());
        match self.bytes_warning {
            0 => {}
            1 => options.push("default::BytesWarning".to_string()),
            _ => options.push("error::BytesWarning".to_string()),
        }
        options
    }
}

pub enum Parsed {
    Run {
        options: Options,
        program: Program,
        args: Vec<String>,
    },
    Help,
    Version(u8),
    /// A usage error: the message line, printed before the usage lines.
    Usage(String),
}

/// Options that take an argument (`-W default`, `-Xdev`, ...).
const WITH_ARGUMENT: &[char] = &['c', 'm', 'W', 'X'];
/// Single-letter flags adder accepts (some only for compatibility).
const FLAGS: &[char] = &[
    'b', 'B', 'd', 'E', 'h', 'i', 'I', 'O', 'P', 'q', 'R', 's', 'S', 'u', 'v', 'V', 'x',
];

pub fn parse(argv: &[String]) -> Parsed {
    let mut options = Options::default();
    let mut version = 0u8;
    let mut i = 1;
    while i < argv.len() {
        let arg = &argv[i];
        if arg == "-" {
            return Parsed::Run {
                options,
                program: Program::Stdin,
                args: argv[i..].to_vec(),
            };
        }
        if arg == "--" {
            i += 1;
            break;
        }
        if let Some(long) = arg.strip_prefix("--") {
            match long {
                "help" | "help-all" | "help-env" | "help-xoptions" => return Parsed::Help,
                "version" => version += 1,
                _ => return Parsed::Usage(format!("Unknown option: {arg}")),
            }
            i += 1;
            continue;
        }
        let Some(letters) = arg.strip_prefix('-') else {
            break;
        };
        let chars: Vec<char> = letters.chars().collect();
        let mut k = 0;
        while k < chars.len() {
            let c = chars[k];
            if WITH_ARGUMENT.contains(&c) {
                let rest: String = chars[k + 1..].iter().collect();
                let value = if !rest.is_empty() {
                    rest
                } else if i + 1 < argv.len() {
                    i += 1;
                    argv[i].clone()
                } else {
                    return Parsed::Usage(format!("Argument expected for the -{c} option"));
                };
                match c {
                    'c' => {
                        let mut args = vec!["-c".to_string()];
                        args.extend_from_slice(&argv[i + 1..]);
                        return Parsed::Run {
                            options,
                            program: Program::Command(value),
                            args,
                        };
                    }
                    'm' => {
                        let mut args = vec![value.clone()];
                        args.extend_from_slice(&argv[i + 1..]);
                        return Parsed::Run {
                            options,
                            program: Program::Module(value),
                            args,
                        };
                    }
                    'W' => options.warning_options.push(value),
                    _ => {}
                }
                break;
            }
            if !FLAGS.contains(&c) {
                return Parsed::Usage(format!("Unknown option: -{c}"));
            }
            match c {
                'h' => return Parsed::Help,
                'V' => version += 1,
                'B' => options.dont_write_bytecode = true,
                'u' => options.unbuffered = true,
                'E' => options.ignore_environment = true,
                's' => options.no_user_site = true,
                'I' => {
                    options.ignore_environment = true;
                    options.no_user_site = true;
                }
                'q' => options.quiet = true,
                'O' => options.optimize += 1,
                'b' => options.bytes_warning = options.bytes_warning.saturating_add(1),
                _ => {}
            }
            k += 1;
        }
        i += 1;
    }
    if version > 0 {
        return Parsed::Version(version);
    }
    match argv.get(i) {
        Some(script) => Parsed::Run {
            options,
            program: Program::Script(script.clone()),
            args: argv[i..].to_vec(),
        },
        None => {
            use std::io::IsTerminal;
            let program = if std::io::stdin().is_terminal() {
                Program::Interactive
            } else {
                Program::Stdin
            };
            Parsed::Run {
                options,
                program,
                args: vec![String::new()],
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(s: &[&str]) -> Vec<String> {
        std::iter::once("adder")
            .chain(s.iter().copied())
            .map(String::from)
            .collect()
    }

    #[test]
    fn script_arguments_belong_to_the_script() {
        match parse(&argv(&["-B", "x.py", "-c", "y"])) {
            Parsed::Run {
                program,
                args,
                options,
            } => {
                assert_eq!(program, Program::Script("x.py".into()));
                assert_eq!(args, vec!["x.py", "-c", "y"]);
                assert!(options.dont_write_bytecode);
            }
            _ => panic!("expected a run"),
        }
    }

    #[test]
    fn command_takes_the_rest() {
        match parse(&argv(&["-c", "print(1)", "a"])) {
            Parsed::Run { program, args, .. } => {
                assert_eq!(program, Program::Command("print(1)".into()));
                assert_eq!(args, vec!["-c", "a"]);
            }
            _ => panic!("expected a run"),
        }
    }

    #[test]
    fn warning_options_follow_the_environment() {
        match parse(&argv(&["-W", "error", "-Wignore", "-bb", "x.py"])) {
            Parsed::Run { options, .. } => assert_eq!(
                options.warnoptions(Some("a,,b")),
                vec!["a", "b", "error", "ignore", "error::BytesWarning"]
            ),
            _ => panic!("expected a run"),
        }
    }

    #[test]
    fn unknown_options_are_usage_errors() {
        assert!(
            matches!(parse(&argv(&["--frobnicate"])), Parsed::Usage(m) if m == "Unknown option: --frobnicate")
        );
        assert!(matches!(parse(&argv(&["-Z"])), Parsed::Usage(m) if m == "Unknown option: -Z"));
    }
}
