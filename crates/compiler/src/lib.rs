//! adder's compiler: AST → code objects, CPython 3.14's bytecode exactly.
//!
//! The stages follow CPython: `symtable` (scopes and name resolution), `codegen`
//! (instructions with labels and pseudo-ops), `flowgraph` + `peephole` (basic blocks and
//! their optimizations), `stackdepth`, and `assemble` (encoding, tables).

mod assemble;
mod codegen;
mod const_pool;
mod const_slice;
mod constfold;
mod error;
pub mod fast_hash;
mod fastlocals;
mod flowgraph;
pub mod hash_index;
mod intrinsics;
mod ir;
mod peephole;
mod stackdepth;
pub mod symtable;
mod unparse;
mod warnings;

use std::rc::Rc;

use adder_bytecode::CodeObject;
use adder_syntax::{ast, Mode, SyntaxError, SyntaxErrorKind};

pub use error::CompileError;
/// For `_opcode.stack_effect` (the `dis` module's `stack_effect`).
pub use ir::Op;
pub use stackdepth::stack_effect;

/// Compile a parsed module. The mode follows from the `Mod` variant: `Module` is exec,
/// `Expression` eval, `Interactive` single (expression statements print their value).
pub fn compile(
    module: &ast::Mod,
    filename: &str,
    optimize: i32,
) -> Result<Rc<CodeObject>, SyntaxError> {
    compile_inner(module, filename, optimize).map_err(|e| to_syntax_error(e, None))
}

/// Parse `source` in `mode` and compile it.
pub fn compile_source(
    source: &str,
    filename: &str,
    mode: Mode,
    optimize: i32,
) -> Result<Rc<CodeObject>, SyntaxError> {
    let module = adder_syntax::parse(source, mode, filename)?;
    compile_inner(&module, filename, optimize).map_err(|e| to_syntax_error(e, Some(source)))
}

/// Parse `source` and print its symbol tables as `python -m symtable` does.
pub fn symtable_report(source: &str, filename: &str) -> Result<String, SyntaxError> {
    let module = adder_syntax::parse(source, Mode::Exec, filename)?;
    let table = symtable::build(&module).map_err(|e| to_syntax_error(e, Some(source)))?;
    Ok(symtable::symtable_dump(&table, filename))
}

fn compile_inner(
    module: &ast::Mod,
    filename: &str,
    optimize: i32,
) -> Result<Rc<CodeObject>, CompileError> {
    warnings::check_finally_control_flow(module);
    let table = symtable::build(module)?;
    codegen::compile_module(&table, module, filename, optimize)
}

/// A compile error as the `SyntaxError` CPython raises: 1-based character offsets and
/// the source line when the source is at hand.
fn to_syntax_error(err: CompileError, source: Option<&str>) -> SyntaxError {
    if err.kind != SyntaxErrorKind::SyntaxError {
        // RecursionError/MemoryError: CPython raises them without a location.
        return SyntaxError {
            kind: err.kind,
            msg: err.msg,
            lineno: 0,
            offset: 0,
            end_lineno: 0,
            end_offset: 0,
            text: None,
        };
    }
    let range = err.range;
    let line_text = |line: u32| {
        source
            .and_then(|s| s.split_inclusive('\n').nth(line.checked_sub(1)? as usize))
            .map(str::to_string)
    };
    let char_offset = |line: u32, byte_col: u32| -> i32 {
        let chars = line_text(line).map_or(byte_col as usize, |text| {
            text.char_indices()
                .take_while(|(i, _)| *i < byte_col as usize)
                .count()
        });
        // Positions from AST objects given to `compile()` may be any size.
        i32::try_from(chars).unwrap_or(i32::MAX).saturating_add(1)
    };
    SyntaxError {
        kind: SyntaxErrorKind::SyntaxError,
        msg: err.msg,
        lineno: range.lineno,
        offset: char_offset(range.lineno, range.col_offset),
        end_lineno: range.end_lineno,
        end_offset: char_offset(range.end_lineno, range.end_col_offset),
        text: line_text(range.lineno),
    }
}
