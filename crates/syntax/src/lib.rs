//! adder's first pipeline stage: CPython 3.14's tokenizer, parser and AST.
//!
//! `parse` turns source text into an [`ast::Mod`] identical to what CPython's `ast`
//! module builds, or the [`SyntaxError`] CPython would raise. `decode_source` applies
//! PEP 263 / BOM decoding to raw file bytes first. `tokenize_dump` and `ast_dump`
//! reproduce `python -m tokenize` and `python -m ast` output.

pub mod ast;
mod error;

pub use error::{format_syntax_error, SyntaxError, SyntaxErrorKind};

/// The `compile()` mode, selecting the start rule and the root node kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// `exec`: a module, `ast::Mod::Module`.
    Exec,
    /// `eval`: one expression, `ast::Mod::Expression`.
    Eval,
    /// `single`: one interactive statement, `ast::Mod::Interactive`.
    Single,
    /// `func_type`: a PEP 484 signature comment, `ast::Mod::FunctionType`.
    FuncType,
}
