//! adder's first pipeline stage: CPython 3.14's tokenizer, parser and AST.
//!
//! `parse` turns source text into an [`ast::Mod`] identical to what CPython's `ast`
//! module builds, or the [`SyntaxError`] CPython would raise. `decode_source` applies
//! PEP 263 / BOM decoding to raw file bytes first. `tokenize_file_dump` (from a
//! file's bytes) and `ast_dump` reproduce `python -m tokenize` and `python -m ast`
//! output.

pub mod ast;
mod byte_class;
mod byte_scan;
mod codecs;
mod dump;
mod error;
mod literals;
mod parser;
pub mod repr;
mod source;
pub mod token;
pub mod token_stream;
mod tokenize_dump;
mod tokenize_file;
pub mod tokenizer;
pub mod tree;
pub mod tree_walk;
mod type_comment;
mod unicode_tables;
pub mod warnings;

pub use dump::{ast_dump, ast_dump_checked, constant_repr};
pub use error::{format_syntax_error, SyntaxError, SyntaxErrorDetails, SyntaxErrorKind};
pub use source::{check_file_has_no_null_bytes, decode_source, decode_source_borrowed};
pub use tokenize_dump::{tokenize_dump, tokenize_dump_with_encoding, unraised_offset};
pub use tokenize_file::tokenize_file_dump;

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

/// `compile()` flags that change what the parser builds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct ParseOptions {
    /// `PyCF_TYPE_COMMENTS` (`ast.parse(..., type_comments=True)`): `# type:`
    /// comments become `type_comment` fields and `# type: ignore` comments
    /// `Module.type_ignores`; misplaced type comments are syntax errors.
    pub type_comments: bool,
}

/// Parse `source` (already decoded text) as `compile(source, filename, mode,
/// ast.PyCF_ONLY_AST)` does. `filename` is accepted for API symmetry; CPython puts
/// it on the exception, which callers do from their side.
pub fn parse(source: &str, mode: Mode, filename: &str) -> Result<ast::Mod, SyntaxError> {
    parse_with_options(source, mode, filename, ParseOptions::default())
}

/// [`parse`] with the flags of `options`.
pub fn parse_with_options(
    source: &str,
    mode: Mode,
    filename: &str,
    options: ParseOptions,
) -> Result<ast::Mod, SyntaxError> {
    let _ = filename;
    let has_nul_or_cr = has_nul_or_cr(source);
    if has_nul_or_cr && source.contains('\0') {
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
    // No BOM stripping here: `decode_source` removes the one a file may start with,
    // and CPython rejects U+FEFF in text ("invalid non-printable character U+FEFF"),
    // a leading one included, so a doubled BOM must not be swallowed either.
    // Most sources are already normalized: parse them in place rather than copy.
    let already_normalized = !has_nul_or_cr && (source.is_empty() || source.ends_with('\n'));
    let normalized;
    let text = if already_normalized {
        source
    } else {
        normalized = source::normalize_newlines(source).0;
        &normalized
    };
    parser::Parser::new(text, mode, options).parse()
}

/// Whether `source` holds a NUL or a carriage return, which the usual source has
/// neither of: one pass over its bytes, a block at a time with no early exit inside
/// a block, so that the compiler compares a block as a vector.
fn has_nul_or_cr(source: &str) -> bool {
    let is_special = |b: u8| u8::from(b == 0) | u8::from(b == b'\r');
    let mut blocks = source.as_bytes().chunks_exact(32);
    let found = blocks.any(|block| block.iter().fold(0, |hits, &b| hits | is_special(b)) != 0);
    found || blocks.remainder().iter().any(|&b| is_special(b) != 0)
}
