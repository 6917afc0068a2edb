//! adder's first pipeline stage: CPython 3.14's tokenizer, parser and AST.
//!
//! `parse` turns source text into an [`ast::Mod`] identical to what CPython's `ast`
//! module builds, or the [`SyntaxError`] CPython would raise. `decode_source` applies
//! PEP 263 / BOM decoding to raw file bytes first. `tokenize_dump` and `ast_dump`
//! reproduce `python -m tokenize` and `python -m ast` output.

pub mod ast;
mod dump;
mod error;
mod literals;
mod parser;
pub mod repr;
mod source;
pub mod token;
mod tokenize_dump;
pub mod tokenizer;
mod unicode_tables;

pub use dump::{ast_dump, constant_repr};
pub use error::{format_syntax_error, SyntaxError, SyntaxErrorKind};
pub use source::decode_source;
pub use tokenize_dump::tokenize_dump;

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

/// Parse `source` (already decoded text) as `compile(source, filename, mode,
/// ast.PyCF_ONLY_AST)` does. `filename` is accepted for API symmetry; CPython puts
/// it on the exception, which callers do from their side.
pub fn parse(source: &str, mode: Mode, filename: &str) -> Result<ast::Mod, SyntaxError> {
    let _ = filename;
    if source.contains('\0') {
        return Err(SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            msg: "source code string cannot contain null bytes".to_string(),
            lineno: 0,
            offset: 0,
            end_lineno: 0,
            end_offset: 0,
            text: None,
        });
    }
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let (normalized, _) = source::normalize_newlines(source);
    parser::Parser::new(&normalized, mode).parse()
}
