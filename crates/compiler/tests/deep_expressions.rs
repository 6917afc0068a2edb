//! Long and deeply nested expressions: what CPython compiles must compile, what it
//! refuses with RecursionError must give RecursionError, never a stack overflow.
//! (Expectations from the reference: `compile()` of these sources.)

use adder_compiler::{compile_source, symtable_report};
use adder_syntax::{Mode, SyntaxErrorKind};

/// Runs `f` on a thread with a 512 MiB stack (the interpreter's thread has 1 GiB).
fn on_big_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(512 << 20)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("no panic");
}

fn error_kind(src: &str) -> Option<SyntaxErrorKind> {
    compile_source(src, "deep.py", Mode::Exec, 0)
        .err()
        .map(|e| e.kind)
}

#[test]
fn long_chains_compile() {
    on_big_stack(|| {
        // The code generator refused more than 200 nesting levels ("too many nested
        // parentheses or blocks"); CPython compiles all of these.
        for n in [201, 250, 1000, 19_990] {
            let sum = vec!["a"; n].join("+");
            assert_eq!(error_kind(&format!("x = {sum}\n")), None, "{n} terms");
        }
        let attrs = format!("x = a{}\n", ".b".repeat(19_990));
        assert_eq!(error_kind(&attrs), None);
        let bound = format!("def f[T: {}](): pass\n", vec!["a"; 5000].join("-"));
        assert_eq!(error_kind(&bound), None);
    });
}

#[test]
fn nested_chains_raise_recursion_error() {
    on_big_stack(|| {
        // Chains nested as first operands multiply the depth: 60,000 levels, and
        // 199 × 19,990 for the largest; CPython: RecursionError.
        let chain = vec!["a"; 19_990].join("+");
        for k in [3, 40] {
            let src = format!("x = {}a{}\n", "(".repeat(k), format!("+{chain})").repeat(k));
            let err = compile_source(&src, "deep.py", Mode::Exec, 0).expect_err("too deep");
            assert_eq!(err.kind, SyntaxErrorKind::RecursionError);
            assert_eq!(
                err.msg,
                "maximum recursion depth exceeded during compilation"
            );
            assert_eq!(err.lineno, 0);
            let report = symtable_report(&src, "deep.py").expect_err("too deep");
            assert_eq!(report.kind, SyntaxErrorKind::RecursionError);
        }
    });
}
