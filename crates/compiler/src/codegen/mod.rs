//! The code generator (CPython's `Python/codegen.c` + the unit handling of `compile.c`):
//! walks the AST of one scope at a time ("compilation unit") and emits instructions with
//! labels and pseudo-ops, which `flowgraph` optimizes and `assemble` encodes.
//!
//! Statements live in `stmt.rs`, expressions in `expr.rs`, loops/try/with unwinding in
//! `fblock.rs`, function and class creation in `scope.rs`.

mod annotations;
mod async_comprehension;
mod builtin_calls;
mod call;
mod expr;
mod fblock;
mod generator;
mod index_set;
mod inlined_comprehension;
mod pattern;
mod percent_format;
mod scope;
mod stmt;
mod try_star;
mod try_with;
mod type_params;

use crate::fast_hash::FastMap;
use std::borrow::Cow;
use std::rc::Rc;

use adder_bytecode::{CodeObject, Constant, Opcode, PseudoOpcode};
use adder_syntax::ast::{self, Range};

use crate::const_pool::ConstPool;
use crate::error::CompileError;
use crate::ir::{Instr, InstrSeq, Loc, Op, Target};
use crate::symtable::{mangle, BlockType, Name, NameScope, ScopeId, ScopeKind, SymbolTable};

pub use fblock::FBlock;
pub use index_set::IndexSet;
pub(crate) use type_params::type_param_name;

/// Deepest AST nesting the code generator follows before raising RecursionError
/// (keeps Rust recursion bounded). It was 200, which refused ordinary long
/// expressions such as a sum of 201 terms that CPython compiles.
const MAX_NESTING: usize = crate::error::MAX_COMPILE_DEPTH;

/// What kind of code object a unit produces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
    /// The "<generic parameters of X>" function around a generic object: function-like,
    /// and invisible in the qualified names of what it contains.
    Annotations,
}

/// One code object being compiled.
pub struct Unit<'a> {
    pub scope: ScopeId,
    pub kind: UnitKind,
    pub name: String,
    pub qualname: String,
    pub seq: InstrSeq,
    pub consts: ConstPool,
    pub names: IndexSet,
    pub varnames: IndexSet,
    pub cellvars: IndexSet,
    pub freevars: IndexSet,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub firstlineno: u32,
    pub fblocks: Vec<FBlock<'a>>,
    /// Class name for private-name mangling (shared by the units nested in the class).
    pub private: Option<Rc<str>>,
    pub has_docstring: bool,
    /// Attributes assigned as `self.x` in methods (class units only).
    pub static_attributes: Vec<String>,
    /// Inlined comprehensions being compiled, innermost last (PEP 709).
    pub inlined_comps: Vec<ScopeId>,
    /// Scopes of names that the inlined comprehension being compiled sees differently
    /// from the symbol table's entry for this unit.
    pub comp_scopes: FastMap<Name, NameScope>,
    /// Names of a module or class body compiled as fast locals because an inlined
    /// comprehension binds them: `true` while it is compiled, `false` after (their
    /// slots are marked hidden; CPython's `u_fasthidden`).
    pub fast_hidden: FastMap<Name, bool>,
    /// Module/class annotations for `__annotate__`, with their conditional index.
    pub deferred_annotations: Vec<(&'a ast::Stmt, Option<u32>)>,
    pub next_conditional_index: u32,
    /// Depth of if/for/while/try/with/match bodies being compiled.
    pub in_conditional_block: u32,
}

/// Instructions, and constants or global names, of a typical code unit: the starting
/// sizes of its tables (growing a table copies or rehashes everything in it).
const TYPICAL_UNIT_INSTRS: usize = 64;
const TYPICAL_UNIT_NAMES: usize = 8;

pub struct Compiler<'a> {
    pub table: &'a SymbolTable,
    pub filename: Rc<str>,
    pub optimize: i32,
    pub units: Vec<Unit<'a>>,
    pub interactive: bool,
    /// Current AST nesting depth (bounded by `MAX_NESTING`).
    depth: usize,
    /// Generator expressions compiled once but loaded twice (the builtin-call fast
    /// path), keyed by node address, so both loads share one code object as in CPython.
    pub genexpr_code: FastMap<usize, Rc<CodeObject>>,
}

type Result<T> = std::result::Result<T, CompileError>;

impl<'a> Compiler<'a> {
    pub fn new(table: &'a SymbolTable, filename: &str, optimize: i32) -> Compiler<'a> {
        Compiler {
            table,
            filename: Rc::from(filename),
            optimize,
            units: Vec::new(),
            interactive: false,
            depth: 0,
            genexpr_code: FastMap::default(),
        }
    }

    pub fn unit(&mut self) -> &mut Unit<'a> {
        let last = self.units.len() - 1;
        &mut self.units[last]
    }

    pub fn unit_ref(&self) -> &Unit<'a> {
        &self.units[self.units.len() - 1]
    }

    fn scope(&self) -> &crate::symtable::Scope {
        &self.table.scopes[self.unit_ref().scope]
    }

    /// Guard against unbounded recursion on deeply nested input.
    fn enter_nested(&mut self, range: Range) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(CompileError::too_deep(range));
        }
        Ok(())
    }

    fn leave_nested(&mut self) {
        self.depth -= 1;
    }

    // ----- emission -------------------------------------------------------------

    pub fn emit(&mut self, op: Opcode, arg: u32, loc: Loc) {
        self.unit()
            .seq
            .instrs
            .push(Instr::new(Op::Real(op), arg, loc));
    }

    pub fn emit0(&mut self, op: Opcode, loc: Loc) {
        self.emit(op, 0, loc);
    }

    pub fn emit_pseudo(&mut self, op: PseudoOpcode, arg: u32, loc: Loc) {
        self.unit()
            .seq
            .instrs
            .push(Instr::new(Op::Pseudo(op), arg, loc));
    }

    pub fn emit_jump(&mut self, op: Op, target: Target, loc: Loc) {
        let mut instr = Instr::new(op, 0, loc);
        instr.set_target(Some(target));
        self.unit().seq.instrs.push(instr);
    }

    pub fn jump(&mut self, target: Target, loc: Loc) {
        self.emit_jump(Op::Pseudo(PseudoOpcode::Jump), target, loc);
    }

    /// A forward jump that needs no eval-breaker check (CPython 3.14 uses these to skip
    /// `else` branches and out of handlers).
    pub fn jump_no_interrupt(&mut self, target: Target, loc: Loc) {
        self.emit_jump(Op::Pseudo(PseudoOpcode::JumpNoInterrupt), target, loc);
    }

    pub fn new_label(&mut self) -> Target {
        self.unit().seq.new_label()
    }

    pub fn place(&mut self, label: Target) {
        self.unit().seq.place(label);
    }

    pub fn add_const(&mut self, value: Constant) -> u32 {
        self.unit().consts.add(value)
    }

    pub fn load_const(&mut self, value: Constant, loc: Loc) {
        let index = self.add_const(value);
        self.emit(Opcode::LoadConst, index, loc);
    }

    pub fn add_name(&mut self, name: &str) -> u32 {
        let mangled = self.mangle(name);
        self.unit().names.add(&mangled)
    }

    pub fn mangle<'n>(&self, name: &'n str) -> Cow<'n, str> {
        let unit = self.unit_ref();
        crate::symtable::mangle_in(self.table, unit.scope, unit.private.as_deref(), name)
    }

    // ----- names ---------------------------------------------------------------

    /// Load, store or delete a variable (CPython's `codegen_nameop`).
    pub fn nameop(&mut self, name: &str, ctx: ast::ExprContext, loc: Loc) -> Result<()> {
        use ast::ExprContext::*;
        if name == "__debug__" && ctx == Load {
            self.load_const(Constant::Bool(self.optimize == 0), loc);
            return Ok(());
        }
        let mangled = self.mangle(name);
        let names = &self.table.names;
        // Looked up by text once; the scope and the index tables then go by number.
        let id = names.id_of(&mangled);
        if let Some(op) = self.class_comprehension_global(&mangled, ctx) {
            let index = self.unit().names.add_interned(names, id, &mangled);
            let arg = if op == Opcode::LoadGlobal {
                index << 1
            } else {
                index
            };
            self.emit(op, arg, loc);
            return Ok(());
        }
        let kind = self.name_scope_interned(id, &mangled);
        let is_function = self.scope().is_function();
        let is_fast = is_function || self.is_hidden_fast(&mangled);
        let unit_kind = self.unit_ref().kind;
        enum Access {
            Fast,
            Deref,
            Global,
            Name,
        }
        let access = match kind {
            Some(NameScope::Free) | Some(NameScope::Cell) => Access::Deref,
            Some(NameScope::Local) if is_fast => Access::Fast,
            Some(NameScope::GlobalImplicit) if is_function => Access::Global,
            Some(NameScope::GlobalExplicit) => Access::Global,
            _ => Access::Name,
        };
        if ctx == Load && scope_can_see_class(self) {
            match access {
                Access::Global if kind == Some(NameScope::GlobalImplicit) => {
                    let classdict = self.deref_index("__classdict__");
                    self.emit(Opcode::LoadDeref, classdict, loc);
                    let index = self.unit().names.add_interned(names, id, &mangled);
                    self.emit(Opcode::LoadFromDictOrGlobals, index, loc);
                    return Ok(());
                }
                Access::Deref => {
                    let classdict = self.deref_index("__classdict__");
                    self.emit(Opcode::LoadDeref, classdict, loc);
                    let index = self.deref_index_as(&mangled, kind);
                    self.emit(Opcode::LoadFromDictOrDeref, index, loc);
                    return Ok(());
                }
                _ => {}
            }
        }
        match access {
            Access::Deref => {
                let index = self.deref_index_as(&mangled, kind);
                let op = match ctx {
                    Load if unit_kind == UnitKind::Class
                        && self.unit_ref().inlined_comps.is_empty() =>
                    {
                        self.emit0(Opcode::LoadLocals, loc);
                        Opcode::LoadFromDictOrDeref
                    }
                    Load => Opcode::LoadDeref,
                    Store => Opcode::StoreDeref,
                    Del => Opcode::DeleteDeref,
                };
                self.emit(op, index, loc);
            }
            Access::Fast => {
                let index = self.unit().varnames.add_interned(names, id, &mangled);
                let op = match ctx {
                    Load => Opcode::LoadFast,
                    Store => Opcode::StoreFast,
                    Del => Opcode::DeleteFast,
                };
                self.emit(op, index, loc);
            }
            Access::Global => {
                let index = self.unit().names.add_interned(names, id, &mangled);
                match ctx {
                    Load => self.emit(Opcode::LoadGlobal, index << 1, loc),
                    Store => self.emit(Opcode::StoreGlobal, index, loc),
                    Del => self.emit(Opcode::DeleteGlobal, index, loc),
                }
            }
            Access::Name => {
                let index = self.unit().names.add_interned(names, id, &mangled);
                let op = match ctx {
                    Load => Opcode::LoadName,
                    Store => Opcode::StoreName,
                    Del => Opcode::DeleteName,
                };
                self.emit(op, index, loc);
            }
        }
        Ok(())
    }

    /// Inside a comprehension inlined in a class body, names the comprehension sees as
    /// globals are globals (class variables stay invisible, as in CPython).
    fn class_comprehension_global(&self, name: &str, ctx: ast::ExprContext) -> Option<Opcode> {
        let unit = self.unit_ref();
        let comp = *unit.inlined_comps.last()?;
        if unit.kind != UnitKind::Class {
            return None;
        }
        match self.table.scope_of(comp, name) {
            Some(NameScope::GlobalImplicit | NameScope::GlobalExplicit) => Some(match ctx {
                ast::ExprContext::Load => Opcode::LoadGlobal,
                ast::ExprContext::Store => Opcode::StoreGlobal,
                ast::ExprContext::Del => Opcode::DeleteGlobal,
            }),
            _ => None,
        }
    }

    /// Index of a cell or free variable in "cell space" (cells first, then frees);
    /// `assemble` maps it to the final localsplus slot.
    pub fn deref_index(&mut self, name: &str) -> u32 {
        let unit = self.unit();
        if let Some(i) = unit.cellvars.get(name) {
            return i;
        }
        let ncells = unit.cellvars.len() as u32;
        ncells + unit.freevars.add(name)
    }

    /// The cell-space index a name resolved as `scope` is read through: a free name
    /// is the free variable even where a cell of the same name exists (a class body
    /// reading the enclosing `__class__` while holding its own `__class__` cell), as
    /// CPython's `codegen_nameop` picks the dict by scope.
    fn deref_index_as(&mut self, name: &str, scope: Option<NameScope>) -> u32 {
        if scope != Some(NameScope::Free) {
            return self.deref_index(name);
        }
        let unit = self.unit();
        unit.cellvars.len() as u32 + unit.freevars.add(name)
    }

    // ----- units ---------------------------------------------------------------

    /// Start a new code object for `scope` (CPython's `compiler_enter_scope`).
    pub fn enter_scope(&mut self, scope_id: ScopeId, kind: UnitKind, name: &str, firstlineno: u32) {
        let scope = &self.table.scopes[scope_id];
        use crate::symtable::flags::{DEF_COMP_CELL, DEF_FREE_CLASS};
        // Cells of inlined comprehensions (DEF_COMP_CELL) live in this code object; a
        // class passes on the free variables of its methods that it names itself.
        let mut cells: Vec<Name> = Vec::new();
        let mut frees: Vec<Name> = Vec::new();
        for (&id, symbol) in &scope.symbols {
            if symbol.scope == Some(NameScope::Cell) || symbol.flags & DEF_COMP_CELL != 0 {
                cells.push(self.table.name(id).clone());
            }
            if symbol.scope == Some(NameScope::Free)
                || (kind == UnitKind::Class && symbol.flags & DEF_FREE_CLASS != 0)
            {
                frees.push(self.table.name(id).clone());
            }
        }
        if kind == UnitKind::Class && scope.needs_class_closure {
            cells.push(Name::from("__class__"));
        }
        if kind == UnitKind::Class && scope.needs_classdict {
            cells.push(Name::from("__classdict__"));
        }
        if scope.has_conditional_annotations {
            cells.push(Name::from("__conditional_annotations__"));
        }
        cells.sort();
        frees.sort();
        let cellvars = IndexSet::of_shared(&cells);
        let freevars = IndexSet::of_shared(&frees);
        let mut varnames = IndexSet::with_capacity(TYPICAL_UNIT_NAMES.max(scope.params.len()));
        for &param in &scope.params {
            varnames.add_interned(&self.table.names, Some(param), self.table.name(param));
        }
        let private = match kind {
            UnitKind::Class => Some(Rc::from(name)),
            _ => self.units.last().and_then(|u| u.private.clone()),
        };
        let qualname = self.qualname_for(name, kind, scope_id);
        self.units.push(Unit {
            scope: scope_id,
            kind,
            name: name.to_string(),
            qualname,
            // Sized for a typical function, so that most units never regrow them.
            seq: InstrSeq::with_capacity(TYPICAL_UNIT_INSTRS),
            consts: ConstPool::with_capacity(TYPICAL_UNIT_NAMES),
            names: IndexSet::with_capacity(TYPICAL_UNIT_NAMES),
            varnames,
            cellvars,
            freevars,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            firstlineno,
            fblocks: Vec::new(),
            private,
            has_docstring: false,
            static_attributes: Vec::new(),
            inlined_comps: Vec::new(),
            comp_scopes: FastMap::default(),
            fast_hidden: FastMap::default(),
            deferred_annotations: Vec::new(),
            next_conditional_index: 0,
            in_conditional_block: 0,
        });
        // CPython puts a module's RESUME on line 0 but keeps its end line (1).
        let loc = if kind == UnitKind::Module {
            Loc {
                lineno: 0,
                end_lineno: firstlineno as i32,
                col: 0,
                end_col: 0,
            }
        } else {
            Loc {
                lineno: firstlineno as i32,
                end_lineno: firstlineno as i32,
                col: 0,
                end_col: 0,
            }
        };
        self.emit(Opcode::Resume, 0, loc);
    }

    /// `__qualname__` of a new unit (CPython's `compiler_set_qualname`).
    fn qualname_for(&self, name: &str, kind: UnitKind, scope_id: ScopeId) -> String {
        let Some(mut parent) = self.units.last() else {
            return name.to_string();
        };
        if parent.kind == UnitKind::Annotations {
            // A generic object's type-parameter function does not show in its name.
            match self.units.len().checked_sub(2).map(|i| &self.units[i]) {
                Some(grandparent) => parent = grandparent,
                None => return name.to_string(),
            }
        }
        if parent.kind == UnitKind::Module {
            return name.to_string();
        }
        let mangled = mangle(parent.private.as_deref(), name);
        let explicit_global = kind != UnitKind::Module
            && self.table.scope_of(parent.scope, &mangled) == Some(NameScope::GlobalExplicit);
        let _ = scope_id;
        if explicit_global {
            return name.to_string();
        }
        match parent.kind {
            UnitKind::Function
            | UnitKind::Lambda
            | UnitKind::Comprehension
            | UnitKind::Annotations => format!("{}.<locals>.{name}", parent.qualname),
            _ => format!("{}.{name}", parent.qualname),
        }
    }

    /// Finish the current unit and turn it into a code object.
    pub fn exit_scope(&mut self) -> Result<Rc<CodeObject>> {
        let unit = self.units.pop().ok_or_else(|| {
            CompileError::new(
                "compiler unit stack underflow".to_string(),
                Range::default(),
            )
        })?;
        let scope = &self.table.scopes[unit.scope];
        let is_method = scope.block_type == BlockType::Function
            && self
                .units
                .last()
                .is_some_and(|parent| self.table.scopes[parent.scope].kind == ScopeKind::Class);
        let mut code = crate::assemble::assemble(unit, scope, &self.filename, self.units.len())?;
        // CPython's `ste_method`: functions, lambdas and generator expressions written
        // directly in a class body (not annotation or type-parameter scopes).
        if is_method {
            code.flags |= adder_bytecode::CodeFlags::METHOD;
        }
        Ok(Rc::new(code))
    }
}

/// Annotation scopes inside classes read names from the class namespace first.
fn scope_can_see_class(compiler: &Compiler) -> bool {
    compiler.scope().can_see_class_scope
}

/// Compile a parsed module into its top-level code object.
pub fn compile_module<'a>(
    table: &'a SymbolTable,
    module: &'a ast::Mod,
    filename: &str,
    optimize: i32,
) -> Result<Rc<CodeObject>> {
    let mut compiler = Compiler::new(table, filename, optimize);
    compiler.enter_scope(0, UnitKind::Module, "<module>", 1);
    match module {
        ast::Mod::Module { body, .. } => {
            // The module's set-up code is located at its first statement (CPython's
            // `start_location`).
            let first_line = body.first().map_or(
                Loc {
                    lineno: 1,
                    end_lineno: 1,
                    col: 0,
                    end_col: 0,
                },
                |stmt| Loc::from_range(stmt.range()),
            );
            compiler.begin_annotated_body(first_line)?;
            compiler.module_body(body)?;
            compiler.finish_annotated_body(first_line)?;
        }
        ast::Mod::Interactive { body } => {
            compiler.interactive = true;
            compiler.stmts(body)?;
        }
        ast::Mod::Expression { body } => {
            compiler.expr(body)?;
            compiler.emit0(Opcode::ReturnValue, Loc::NONE);
            return compiler.exit_scope();
        }
        ast::Mod::FunctionType { .. } => {}
    }
    compiler.load_const(Constant::None, Loc::NONE);
    compiler.emit0(Opcode::ReturnValue, Loc::NONE);
    compiler.exit_scope()
}
