//! Deeply nested input must give CPython's error, never overflow Rust's stack.
//! (Tests run on threads with small stacks, which makes this a real check.)

use adder_syntax::{parse, Mode, SyntaxErrorKind};

fn kind_of(src: &str) -> Option<SyntaxErrorKind> {
    parse(src, Mode::Exec, "deep.py").err().map(|e| e.kind)
}

#[test]
fn nesting_limits() {
    assert_eq!(
        kind_of(&"(".repeat(100_000)),
        Some(SyntaxErrorKind::SyntaxError)
    );
    assert_eq!(
        kind_of(&format!("{}1", "-".repeat(100_000))),
        Some(SyntaxErrorKind::MemoryError)
    );
    assert_eq!(
        kind_of(&format!("{}1", "not ".repeat(100_000))),
        Some(SyntaxErrorKind::MemoryError)
    );
    assert_eq!(
        kind_of(&format!("2{}", "**2".repeat(100_000))),
        Some(SyntaxErrorKind::MemoryError)
    );
    assert_eq!(
        kind_of(&format!("{}1", "lambda: ".repeat(10_000))),
        Some(SyntaxErrorKind::MemoryError)
    );
    assert_eq!(
        kind_of(&format!("{}1", "x if y else ".repeat(100_000))),
        Some(SyntaxErrorKind::MemoryError)
    );
    assert_eq!(kind_of(&format!("{}1", "-".repeat(1000))), None);
    let mut blocks = String::new();
    for i in 0..101 {
        blocks.push_str(&" ".repeat(i));
        blocks.push_str("if x:\n");
    }
    blocks.push_str(&" ".repeat(101));
    blocks.push_str("pass\n");
    assert_eq!(kind_of(&blocks), Some(SyntaxErrorKind::IndentationError));
}

/// Runs `f` on a thread with a 256 MiB stack (the interpreter's own thread has 1 GiB):
/// enough for the depth limits below, so an overflow means a limit is missing.
fn on_big_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("no panic");
}

#[test]
fn ast_dump_depth_matches_python_m_ast() {
    // `python -m ast` (reference): `-` * 989 + `a` dumps, 990 raises RecursionError;
    // a chain of 990 `a`s joined by `+` dumps, 991 does not.
    let dump = |src: String| {
        let tree = parse(&src, Mode::Exec, "deep.py").expect("parses");
        adder_syntax::ast_dump_checked(&tree, false, Some(3)).is_some()
    };
    assert!(dump(format!("{}a", "-".repeat(989))));
    assert!(!dump(format!("{}a", "-".repeat(990))));
    assert!(dump(vec!["a"; 990].join("+")));
    assert!(!dump(vec!["a"; 991].join("+")));
}

#[test]
fn nested_chains_do_not_overflow_the_dump() {
    // Three parenthesized 19,990-term chains, each the first operand of the next:
    // 60,000 levels, which CPython refuses with RecursionError.
    on_big_stack(|| {
        let chain = vec!["a"; 19_990].join("+");
        let src = format!("x = {}a{}", "(".repeat(3), format!("+{chain})").repeat(3));
        let tree = parse(&src, Mode::Exec, "deep.py").expect("parses");
        assert!(adder_syntax::ast_dump_checked(&tree, false, Some(3)).is_none());
        assert!(adder_syntax::tree::mod_tree_checked(&tree).is_none());
    });
}
