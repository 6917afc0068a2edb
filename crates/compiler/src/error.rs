//! Compile-time errors: a message and the source span CPython reports it at. The public
//! API turns them into `adder_syntax::SyntaxError`s.

use adder_syntax::ast::Range;
use adder_syntax::SyntaxErrorKind;

/// Deepest AST nesting the symbol table builder and the code generator follow before
/// raising RecursionError. The parser accepts operator chains up to 20,000 long (as
/// CPython compiles them), so this must be above that; nested chains can be far
/// deeper. At about 10 KB of stack per level in debug builds, 30,000 levels fit the
/// interpreter thread's 1 GiB stack with room to spare.
pub(crate) const MAX_COMPILE_DEPTH: usize = 30_000;

#[derive(Clone, Debug, PartialEq)]
pub struct CompileError {
    pub msg: String,
    pub range: Range,
    /// The exception class: SyntaxError, or RecursionError for a tree nested too
    /// deeply to compile (CPython's "maximum recursion depth exceeded during
    /// compilation", which carries no location).
    pub kind: SyntaxErrorKind,
}

impl CompileError {
    pub fn new(msg: String, range: Range) -> CompileError {
        CompileError {
            msg,
            range,
            kind: SyntaxErrorKind::SyntaxError,
        }
    }

    /// The RecursionError for nesting deeper than the code generator follows.
    pub fn too_deep(range: Range) -> CompileError {
        CompileError {
            msg: "maximum recursion depth exceeded during compilation".to_string(),
            range,
            kind: SyntaxErrorKind::RecursionError,
        }
    }
}
