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
