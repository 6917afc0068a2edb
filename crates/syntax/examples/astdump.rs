//! Print `python -m ast`-style dumps of files, for comparison with the reference.
//!
//! `astdump [-a] FILE`            dump one file (errors as `Kind: msg (line, offset)`)
//! `astdump [-a] --batch OUT F..` write each file's dump to OUT/<n>.txt
//! `astdump --tokens OUT F..`     write each file's `-m tokenize` output to OUT/<n>.txt
//! `astdump --time F..`           parse all files and print the total parse time

use std::time::Instant;

fn dump_file(path: &str, attrs: bool) -> String {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return format!("IOError: {e}\n"),
    };
    let text = match adder_syntax::decode_source(&bytes) {
        Ok(t) => t,
        Err(e) => {
            return format!(
                "{}: {} ({}, {})\n",
                e.kind.name(),
                e.msg,
                e.lineno,
                e.offset
            )
        }
    };
    match adder_syntax::parse(&text, adder_syntax::Mode::Exec, path) {
        Ok(m) => adder_syntax::ast_dump(&m, attrs, Some(3)) + "\n",
        Err(e) => format!(
            "{}: {} ({}, {})\n",
            e.kind.name(),
            e.msg,
            e.lineno,
            e.offset
        ),
    }
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let attrs = args.first().is_some_and(|a| a == "-a");
    if attrs {
        args.remove(0);
    }
    match args.first().map(String::as_str) {
        Some("--batch") if args.len() >= 2 => {
            let out = &args[1];
            for (i, path) in args[2..].iter().enumerate() {
                let _ = std::fs::write(format!("{out}/{i}.txt"), dump_file(path, attrs));
            }
        }
        Some("--tokens") if args.len() >= 2 => {
            let out = &args[1];
            for (i, path) in args[2..].iter().enumerate() {
                let text = std::fs::read(path)
                    .ok()
                    .and_then(|b| adder_syntax::decode_source(&b).ok())
                    .unwrap_or_default();
                let dump = match adder_syntax::tokenize_dump(&text, path) {
                    Ok(s) | Err(s) => s,
                };
                let _ = std::fs::write(format!("{out}/{i}.txt"), dump);
            }
        }
        Some("--time") => {
            let sources: Vec<String> = args[1..]
                .iter()
                .filter_map(|p| std::fs::read(p).ok())
                .filter_map(|b| adder_syntax::decode_source(&b).ok())
                .collect();
            let start = Instant::now();
            let mut ok = 0;
            for s in &sources {
                if adder_syntax::parse(s, adder_syntax::Mode::Exec, "x").is_ok() {
                    ok += 1;
                }
            }
            println!(
                "{} files, {} ok, {:.3}s",
                sources.len(),
                ok,
                start.elapsed().as_secs_f64()
            );
        }
        Some(path) => print!("{}", dump_file(path, attrs)),
        None => eprintln!("usage: astdump [-a] FILE | --batch OUT FILES | --time FILES"),
    }
}
