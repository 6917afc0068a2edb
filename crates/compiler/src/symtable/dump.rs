//! `python -m symtable FILE`: the symbol tables of a module printed the way
//! `Lib/symtable.py`'s `main` prints them — one block per scope, each name with its
//! resolved scope and its `DEF_*` flags, children indented below their parent.

use std::fmt::Write;

use adder_syntax::repr::str_repr;

use super::flags::*;
use super::{BlockType, NameId, NameScope, Scope, ScopeId, SymbolTable};

/// The flags `symtable.py` lists, in its order (`USE`, then the `DEF_*` constants in the
/// order the module imports them). A combined flag is listed only when all its bits
/// are set.
const FLAG_NAMES: [(&str, u32); 12] = [
    ("use", USE),
    ("def_global", DEF_GLOBAL),
    ("def_nonlocal", DEF_NONLOCAL),
    ("def_local", DEF_LOCAL),
    ("def_param", DEF_PARAM),
    ("def_type_param", DEF_TYPE_PARAM),
    ("def_free_class", DEF_FREE_CLASS),
    ("def_import", DEF_IMPORT),
    ("def_bound", DEF_BOUND),
    ("def_annot", DEF_ANNOT),
    ("def_comp_iter", DEF_COMP_ITER),
    ("def_comp_cell", DEF_COMP_CELL),
];

/// The whole report for a module compiled from `filename`.
pub fn symtable_dump(table: &SymbolTable, filename: &str) -> String {
    let mut out = String::new();
    if !table.scopes.is_empty() {
        dump_scope(table, 0, filename, 0, &mut out);
    }
    out
}

/// One scope and, indented one level deeper, its children. Scopes nest as deeply as
/// the source's functions and classes, which the parser already bounds.
fn dump_scope(table: &SymbolTable, id: ScopeId, filename: &str, level: usize, out: &mut String) {
    let scope = &table.scopes[id];
    let indent = "    ".repeat(level);
    let nested = if scope.nested { "nested " } else { "" };
    let what = match scope.block_type {
        BlockType::Module => format!("from file {}", str_repr(filename)),
        _ => str_repr(display_name(&scope.name)),
    };
    let _ = writeln!(
        out,
        "{indent}symbol table for {nested}{} {what}:",
        type_name(scope.block_type)
    );
    for &name in &scope.symbol_order {
        let _ = writeln!(
            out,
            "    {indent}{} symbol {}: {}",
            scope_name(scope, name),
            str_repr(table.name(name)),
            flag_names(scope.flags_of(name))
        );
    }
    out.push('\n');
    for &child in &scope.children {
        dump_scope(table, child, filename, level + 1, out);
    }
}

/// `SymbolTable.get_type()`.
fn type_name(block: BlockType) -> &'static str {
    match block {
        BlockType::Module => "module",
        BlockType::Class => "class",
        BlockType::Function => "function",
        BlockType::Annotation => "annotation",
        BlockType::TypeAlias => "type alias",
        BlockType::TypeParameters => "type parameters",
        BlockType::TypeVariable => "type variable",
    }
}

/// The symbol table names lambdas and comprehensions `lambda`, `genexpr`, ... where
/// their code objects say `<lambda>`, `<genexpr>`.
fn display_name(name: &str) -> &str {
    name.strip_prefix('<')
        .and_then(|n| n.strip_suffix('>'))
        .unwrap_or(name)
}

/// The resolved scope, lower-cased as `symtable.py` prints it.
fn scope_name(scope: &Scope, name: NameId) -> &'static str {
    match scope.scope_of(name) {
        Some(NameScope::Local) => "local",
        Some(NameScope::GlobalExplicit) => "global_explicit",
        Some(NameScope::GlobalImplicit) => "global_implicit",
        Some(NameScope::Free) => "free",
        Some(NameScope::Cell) => "cell",
        None => "0",
    }
}

fn flag_names(flags: u32) -> String {
    FLAG_NAMES
        .iter()
        .filter(|(_, bits)| flags & bits == *bits)
        .map(|(name, _)| *name)
        .collect::<Vec<_>>()
        .join(", ")
}
