//! Compile-time errors: a message and the source span CPython reports it at. The public
//! API turns them into `adder_syntax::SyntaxError`s.

use adder_syntax::ast::Range;

#[derive(Clone, Debug, PartialEq)]
pub struct CompileError {
    pub msg: String,
    pub range: Range,
}

impl CompileError {
    pub fn new(msg: String, range: Range) -> CompileError {
        CompileError { msg, range }
    }
}
