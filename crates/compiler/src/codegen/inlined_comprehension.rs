//! List, set and dict comprehensions compiled in place (PEP 709; CPython's
//! `push_inlined_comprehension_state` / `pop_inlined_comprehension_state`).
//!
//! The comprehension's code runs in the enclosing code object. While it is compiled,
//! each name whose scope inside the comprehension differs from its scope outside is
//! resolved the comprehension's way (a temporary override), and each name it binds is
//! saved on the stack before and restored after, so the enclosing variable of the same
//! name is untouched, also when the comprehension raises. A name the comprehension's
//! own closures capture gets a fresh cell for the duration.

use adder_bytecode::{Opcode, PseudoOpcode};
use adder_syntax::ast::{self, Expr};

use super::generator::ComprehensionKind;
use super::{Compiler, Result};
use crate::ir::{Loc, Op, Target};
use crate::symtable::flags::{DEF_LOCAL, DEF_NONLOCAL};
use crate::symtable::{Name, NameId, NameScope, ScopeId};

/// What `push_state` changed, for `pop_state` to undo.
struct InlinedState {
    /// Names saved on the stack, in push order.
    pushed: Vec<NameId>,
    /// Overridden names with the override they replaced.
    replaced_scopes: Vec<(Name, Option<NameScope>)>,
    /// Names made fast locals of a module or class body for the duration.
    made_fast: Vec<Name>,
    /// Exception handler restoring the saved names (when any were pushed).
    cleanup: Option<Target>,
}

impl<'a> Compiler<'a> {
    /// Where `name` lives in the code being compiled: the symbol table's answer, unless
    /// an inlined comprehension being compiled sees it differently.
    pub fn name_scope(&self, name: &str) -> Option<NameScope> {
        self.name_scope_interned(self.table.names.id_of(name), name)
    }

    /// As `name_scope`, for a name whose symbol-table number is known (`None`: a name
    /// the symbol table never saw).
    pub fn name_scope_interned(&self, id: Option<NameId>, name: &str) -> Option<NameScope> {
        let unit = self.unit_ref();
        // Overrides exist only while an inlined comprehension is compiled.
        let overridden = if unit.comp_scopes.is_empty() {
            None
        } else {
            unit.comp_scopes.get(name)
        };
        match overridden {
            Some(&scope) => Some(scope),
            None => self.table.scopes[unit.scope].scope_of(id?),
        }
    }

    /// A name compiled as a fast local although its scope is not a function (it is
    /// bound by an inlined comprehension of a module or class body).
    pub fn is_hidden_fast(&self, name: &str) -> bool {
        let hidden = &self.unit_ref().fast_hidden;
        !hidden.is_empty() && hidden.get(name) == Some(&true)
    }

    /// Compile an inlined comprehension: the outermost iterable is evaluated here, the
    /// loop runs in place, and the result is left on the stack.
    pub(super) fn inlined_comprehension(
        &mut self,
        scope: ScopeId,
        kind: ComprehensionKind,
        generators: &'a [ast::Comprehension],
        elt: &'a Expr,
        value: Option<&'a Expr>,
        loc: Loc,
    ) -> Result<()> {
        let Some(outermost) = generators.first() else {
            return Ok(());
        };
        self.outermost_iter(outermost)?;
        let state = self.push_state(scope, loc);
        let build = match kind {
            ComprehensionKind::Set => Opcode::BuildSet,
            ComprehensionKind::Dict => Opcode::BuildMap,
            _ => Opcode::BuildList,
        };
        self.emit(build, 0, loc);
        self.emit(Opcode::Swap, 2, loc);
        let result = self.comprehension_generator(generators, 0, 0, elt, value, kind, true, loc);
        self.pop_state(state, loc);
        result
    }

    /// Override the scopes the comprehension sees differently, then save the names it
    /// binds (the outermost iterator stays on top).
    fn push_state(&mut self, comp: ScopeId, loc: Loc) -> InlinedState {
        let table = self.table;
        let comp_scope = &table.scopes[comp];
        let function_like = self.scope().is_function();
        let mut state = InlinedState {
            pushed: Vec::new(),
            replaced_scopes: Vec::new(),
            made_fast: Vec::new(),
            cleanup: None,
        };
        self.unit().inlined_comps.push(comp);
        for &id in &comp_scope.symbol_order {
            let name = table.name(id);
            let inner = comp_scope.scope_of(id);
            let outer = self.name_scope(name);
            // A name free inside is resolved as outside; a cell inside that is free
            // outside stays a free variable (both are *_DEREF).
            let differs = inner != outer
                && inner != Some(NameScope::Free)
                && !(inner == Some(NameScope::Cell) && outer == Some(NameScope::Free));
            if differs {
                if let Some(inner) = inner {
                    let unit = self.unit();
                    let previous = unit.comp_scopes.insert(name.clone(), inner);
                    state.replaced_scopes.push((name.clone(), previous));
                }
            }
            if binds_locally(comp_scope.flags_of(id)) && !function_like {
                let unit = self.unit();
                if unit.fast_hidden.insert(name.clone(), true) != Some(true) {
                    state.made_fast.push(name.clone());
                }
            }
        }
        for &id in &comp_scope.symbol_order {
            if !binds_locally(comp_scope.flags_of(id)) {
                continue;
            }
            let name = table.name(id);
            let index = self
                .unit()
                .varnames
                .add_interned(&table.names, Some(id), name);
            self.emit(Opcode::LoadFastAndClear, index, loc);
            if comp_scope.scope_of(id) == Some(NameScope::Cell) {
                let cell = self.deref_index(name);
                self.emit(Opcode::MakeCell, cell, loc);
            }
            state.pushed.push(id);
        }
        if !state.pushed.is_empty() {
            self.emit(Opcode::Swap, state.pushed.len() as u32 + 1, loc);
            let cleanup = self.new_label();
            self.emit_jump(Op::Pseudo(PseudoOpcode::SetupFinally), cleanup, loc);
            state.cleanup = Some(cleanup);
        }
        state
    }

    /// Restore the saved names (on the normal path and, re-raising, on the exception
    /// path) and undo the scope overrides.
    fn pop_state(&mut self, state: InlinedState, loc: Loc) {
        if let Some(cleanup) = state.cleanup {
            let end = self.new_label();
            self.emit_pseudo(PseudoOpcode::PopBlock, 0, Loc::NONE);
            self.jump_no_interrupt(end, Loc::NONE);
            self.place(cleanup);
            // Discard the incomplete result beneath the exception.
            self.emit(Opcode::Swap, 2, Loc::NONE);
            self.emit0(Opcode::PopTop, Loc::NONE);
            self.restore_saved_names(&state.pushed, loc);
            self.emit(Opcode::Reraise, 0, Loc::NONE);
            self.place(end);
            self.restore_saved_names(&state.pushed, loc);
        }
        let unit = self.unit();
        unit.inlined_comps.pop();
        for (name, previous) in state.replaced_scopes.into_iter().rev() {
            match previous {
                Some(scope) => unit.comp_scopes.insert(name, scope),
                None => unit.comp_scopes.remove(&*name),
            };
        }
        // Still listed (as no longer fast), so the slot is marked hidden.
        for name in state.made_fast {
            unit.fast_hidden.insert(name, false);
        }
    }

    /// Put the saved outer values back (the result stays on top).
    fn restore_saved_names(&mut self, pushed: &[NameId], loc: Loc) {
        self.emit(Opcode::Swap, pushed.len() as u32 + 1, loc);
        let table = self.table;
        for &id in pushed.iter().rev() {
            let index = self
                .unit()
                .varnames
                .add_interned(&table.names, Some(id), table.name(id));
            self.emit_pseudo(PseudoOpcode::StoreFastMaybeNull, index, loc);
        }
    }
}

/// Names an inlined comprehension binds itself and so must isolate from the enclosing
/// scope (an assignment expression to a `nonlocal` name binds the outer one).
fn binds_locally(flags: u32) -> bool {
    flags & DEF_LOCAL != 0 && flags & DEF_NONLOCAL == 0
}
