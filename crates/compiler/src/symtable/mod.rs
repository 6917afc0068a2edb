//! The symbol table (CPython's `Python/symtable.c`): one scope per module, class body,
//! function, lambda and generator expression, and, for each name a scope uses, whether it
//! is local, global (explicit or implicit), free (from an enclosing function) or a cell
//! (local here, captured by a nested function).
//!
//! Two passes as in CPython: `Builder` walks the AST recording how each scope binds and
//! uses names; `analyze` then resolves every name against the enclosing scopes.
//! Scopes are keyed by the address of the AST node that opens them, which the code
//! generator looks up when it compiles that node.

use std::borrow::Cow;
use std::rc::Rc;

use crate::fast_hash::{FastMap, FastSet};

use adder_syntax::ast;

use crate::error::CompileError;

mod analysis;
mod builder;
mod dump;
mod future;
mod name_set;
mod names;

pub use dump::symtable_dump;
pub use names::{NameId, Names};

/// How a scope binds and uses a name (CPython's `DEF_*` flags).
pub mod flags {
    pub const DEF_GLOBAL: u32 = 1;
    pub const DEF_LOCAL: u32 = 2;
    pub const DEF_PARAM: u32 = 4;
    pub const DEF_NONLOCAL: u32 = 8;
    pub const USE: u32 = 16;
    pub const DEF_FREE_CLASS: u32 = 64;
    pub const DEF_IMPORT: u32 = 128;
    pub const DEF_ANNOT: u32 = 256;
    pub const DEF_COMP_ITER: u32 = 512;
    pub const DEF_TYPE_PARAM: u32 = 1024;
    pub const DEF_COMP_CELL: u32 = 2048;
    pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;
}

/// Where a name lives, after analysis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameScope {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
}

/// What kind of block a scope is, as the `symtable` module reports it (CPython's
/// `_Py_block_ty`). `ScopeKind` says how the code generator treats the scope; the four
/// lazily evaluated kinds below are all function-like to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockType {
    Module,
    Class,
    Function,
    /// An `__annotate__` scope (PEP 649).
    Annotation,
    /// The lazily evaluated value of a `type X = ...` statement.
    TypeAlias,
    /// The scope holding the type parameters of a generic function, class or alias.
    TypeParameters,
    /// The lazily evaluated bound, constraints or default of a type parameter.
    TypeVariable,
}

impl BlockType {
    fn of_kind(kind: ScopeKind) -> BlockType {
        match kind {
            ScopeKind::Module => BlockType::Module,
            ScopeKind::Class => BlockType::Class,
            ScopeKind::Function => BlockType::Function,
        }
    }
}

/// What a scope knows about one of its names: one entry, so that the flags and the
/// resolved scope come from one lookup.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Symbol {
    /// How the scope binds and uses the name (`DEF_*` flags).
    pub flags: u32,
    /// Where the name lives, filled by `analyze`.
    pub scope: Option<NameScope>,
}

impl Symbol {
    pub(super) fn with_flags(flags: u32) -> Symbol {
        Symbol { flags, scope: None }
    }
}

/// Index of a scope in `SymbolTable::scopes`.
pub type ScopeId = usize;

/// The text of a name, shared between the symbol table and the code objects made from
/// it (one allocation per distinct name of a module).
pub type Name = Rc<str>;

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub block_type: BlockType,
    pub name: String,
    /// Names in first-seen order.
    pub symbol_order: Vec<NameId>,
    pub symbols: FastMap<NameId, Symbol>,
    /// Parameters in declaration order (`co_varnames` starts with them).
    pub params: Vec<NameId>,
    pub children: Vec<ScopeId>,
    pub is_generator: bool,
    pub is_coroutine: bool,
    pub is_lambda: bool,
    pub is_comprehension: bool,
    /// A list/set/dict comprehension compiled inline in its parent (PEP 709).
    pub comp_inlined: bool,
    /// Nested inside a function (for `CO_NESTED` and qualified names).
    pub nested: bool,
    pub has_varargs: bool,
    pub has_varkeywords: bool,
    /// A method uses `super()` / `__class__`: the class needs a `__class__` cell.
    pub needs_class_closure: bool,
    /// A class body whose annotation scopes read its namespace: `__classdict__` cell.
    pub needs_classdict: bool,
    /// The `__annotate__` scope of a module or class (PEP 649), created on the first
    /// annotated assignment.
    pub annotation_block: Option<ScopeId>,
    /// An annotation scope of a function has annotations to compile.
    pub annotations_used: bool,
    /// Annotation scopes inside classes look names up in the class namespace first.
    pub can_see_class_scope: bool,
    /// Some annotations only count if their statement ran (`__conditional_annotations__`).
    pub has_conditional_annotations: bool,
    /// In a generic class's type-parameter scope and the scopes inside it (not the
    /// class body): the type parameter names, the only names mangled there (CPython's
    /// `ste_mangled_names`). `None` elsewhere: every private name is mangled.
    pub mangled_names: Option<FastSet<NameId>>,
    /// Builder state: nesting depth of if/for/while/try/with/match bodies.
    pub(super) in_conditional_block: u32,
    pub lineno: u32,
    /// Where `global`/`nonlocal` declared a name, for errors found during analysis.
    pub(super) declarations: FastMap<NameId, ast::Range>,
}

/// Names of a typical scope (most are `__annotate__` scopes with one or two, and
/// small functions): room for them from the start, as each growth of the table
/// reallocates and rehashes it.
const TYPICAL_SCOPE_NAMES: usize = 7;

impl Scope {
    pub(super) fn new(kind: ScopeKind, name: &str, lineno: u32) -> Scope {
        Scope {
            kind,
            block_type: BlockType::of_kind(kind),
            name: name.to_string(),
            symbol_order: Vec::new(),
            symbols: FastMap::with_capacity_and_hasher(TYPICAL_SCOPE_NAMES, Default::default()),
            params: Vec::new(),
            children: Vec::new(),
            is_generator: false,
            is_coroutine: false,
            is_lambda: false,
            is_comprehension: false,
            comp_inlined: false,
            nested: false,
            has_varargs: false,
            has_varkeywords: false,
            needs_class_closure: false,
            needs_classdict: false,
            annotation_block: None,
            annotations_used: false,
            can_see_class_scope: false,
            has_conditional_annotations: false,
            mangled_names: None,
            in_conditional_block: 0,
            lineno,
            declarations: FastMap::default(),
        }
    }

    /// The resolved scope of `name`; names the scope never mentions are implicit globals
    /// (or plain names at module and class level).
    pub fn scope_of(&self, name: NameId) -> Option<NameScope> {
        self.symbols.get(&name).and_then(|symbol| symbol.scope)
    }

    pub fn flags_of(&self, name: NameId) -> u32 {
        self.symbols.get(&name).map_or(0, |symbol| symbol.flags)
    }

    /// Function-like scopes use fast locals.
    pub fn is_function(&self) -> bool {
        self.kind == ScopeKind::Function
    }
}

#[derive(Debug, Default)]
pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    pub(super) by_node: FastMap<usize, ScopeId>,
    /// `from __future__ import annotations`: annotations are stored as strings.
    pub future_annotations: bool,
    /// Every distinct name of the module, which the scopes refer to by number.
    pub names: Names,
}

/// The key of the scope opened by an AST node: its address.
pub fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

impl SymbolTable {
    /// The scope a function/class/lambda/comprehension node opens.
    pub fn scope_for<T>(&self, node: &T) -> Option<ScopeId> {
        self.by_node.get(&node_key(node)).copied()
    }

    /// What scope `scope` knows about `name` (None for a name it never mentions).
    pub fn symbol(&self, scope: ScopeId, name: &str) -> Option<Symbol> {
        let id = self.names.id_of(name)?;
        self.scopes[scope].symbols.get(&id).copied()
    }

    /// The resolved scope of `name` in `scope`; names a scope never mentions are
    /// implicit globals (or plain names at module and class level).
    pub fn scope_of(&self, scope: ScopeId, name: &str) -> Option<NameScope> {
        self.symbol(scope, name).and_then(|symbol| symbol.scope)
    }

    pub fn flags_of(&self, scope: ScopeId, name: &str) -> u32 {
        self.symbol(scope, name).map_or(0, |symbol| symbol.flags)
    }

    /// The text of a name of this table.
    pub fn name(&self, id: NameId) -> &Name {
        self.names.text(id)
    }
}

/// Mangling in a scope of `table`: as [`mangle`], unless the scope only mangles its
/// type parameters (see `Scope::mangled_names`) and `name` is not one of them.
/// Inlined: it runs for every name the symbol table and the code generator see, and
/// only `__x` names are ever mangled, which the caller's own code answers.
#[inline]
pub fn mangle_in<'n>(
    table: &SymbolTable,
    scope: ScopeId,
    class_name: Option<&str>,
    name: &'n str,
) -> Cow<'n, str> {
    if !name.starts_with("__") {
        return Cow::Borrowed(name);
    }
    mangle_private_in(table, scope, class_name, name)
}

/// [`mangle_in`] for a name starting with `__`.
fn mangle_private_in<'n>(
    table: &SymbolTable,
    scope: ScopeId,
    class_name: Option<&str>,
    name: &'n str,
) -> Cow<'n, str> {
    match &table.scopes[scope].mangled_names {
        Some(type_params)
            if !table
                .names
                .id_of(name)
                .is_some_and(|id| type_params.contains(&id)) =>
        {
            Cow::Borrowed(name)
        }
        _ => mangle(class_name, name),
    }
}

/// Private name mangling (`__x` inside `class C` becomes `_C__x`). Borrows `name` when
/// it is left alone, as almost every name is.
pub fn mangle<'n>(class_name: Option<&str>, name: &'n str) -> Cow<'n, str> {
    let Some(class_name) = class_name else {
        return Cow::Borrowed(name);
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return Cow::Borrowed(name);
    }
    let stripped = class_name.trim_start_matches('_');
    if stripped.is_empty() {
        return Cow::Borrowed(name);
    }
    Cow::Owned(format!("_{stripped}{name}"))
}

/// Build and analyze the symbol table of a module.
pub fn build(module: &ast::Mod) -> Result<SymbolTable, CompileError> {
    let (mut table, top) = builder::collect(module)?;
    analysis::analyze(&mut table, top)?;
    Ok(table)
}
