//! Second symbol-table pass: resolve every name of every scope against its enclosing
//! scopes (CPython's `analyze_block`), make captured locals cells, and inline
//! comprehensions into their parents (PEP 709).

use std::rc::Rc;

use crate::fast_hash::FastSet;

use super::flags::*;
use super::name_set::NameSet;
use super::{NameId, NameScope, Names, Scope, ScopeId, ScopeKind, Symbol, SymbolTable};
use crate::error::CompileError;

/// Names a class body provides to the scopes nested in it as cells.
const IMPLICIT_CLASS_CELLS: [&str; 3] =
    ["__class__", "__classdict__", "__conditional_annotations__"];

/// A set of names handed down to nested scopes. Each scope may change its own copy (a
/// `global` declaration hides an outer binding), but few do: the set is shared and
/// copied on the first change.
type SharedNames = Rc<FastSet<NameId>>;

/// Resolve every scope's names (CPython's `analyze_block`).
pub(super) fn analyze(table: &mut SymbolTable, top: ScopeId) -> Result<(), CompileError> {
    let mut free = NameSet::default();
    analyze_block(table, top, None, &mut free, SharedNames::default(), None)
}

/// Resolve the names of scope `id`. `bound` holds the names bound by enclosing function
/// scopes (None at module level) and `global` the names declared global in them: both
/// this scope's own copies. `class_entry` is the class whose namespace an
/// annotation-like scope can see.
fn analyze_block(
    table: &mut SymbolTable,
    id: ScopeId,
    mut bound: Option<SharedNames>,
    free: &mut NameSet,
    mut global: SharedNames,
    class_entry: Option<ScopeId>,
) -> Result<(), CompileError> {
    let kind = table.scopes[id].kind;
    // What the nested scopes see is only gathered when there are any.
    let has_children = !table.scopes[id].children.is_empty();
    // A class's children see the globals and bindings from before the class body
    // (its own `global` declarations take names out of `bound` below).
    let new_global = (kind == ScopeKind::Class).then(|| global.clone());
    let class_bound = if kind == ScopeKind::Class && has_children {
        bound.clone()
    } else {
        None
    };
    let mut new_bound = FastSet::default();
    // Taken out while their names are resolved (resolving reads the declarations), so
    // that the names need not be copied and each symbol is looked up once; an error
    // drops the table.
    let names = std::mem::take(&mut table.scopes[id].symbol_order);
    let mut symbols = std::mem::take(&mut table.scopes[id].symbols);
    for &name in &names {
        let Some(symbol) = symbols.get_mut(&name) else {
            continue;
        };
        let flags = symbol.flags;
        let class_flags = class_entry.map(|c| table.scopes[c].flags_of(name));
        let resolved = resolve_name(
            &table.scopes[id],
            &table.names,
            name,
            flags,
            &mut bound,
            class_flags,
        )?;
        symbol.scope = Some(resolved);
        match resolved {
            NameScope::Local => {
                // A function's locals are bound for the scopes nested in it.
                if kind == ScopeKind::Function && has_children {
                    new_bound.insert(name);
                }
                if has_children && global.contains(&name) {
                    Rc::make_mut(&mut global).remove(&name);
                }
            }
            NameScope::Free => {
                free.insert(&table.names, name);
            }
            NameScope::GlobalExplicit
                if flags & DEF_GLOBAL != 0 && has_children && !global.contains(&name) =>
            {
                Rc::make_mut(&mut global).insert(name);
            }
            _ => {}
        }
    }
    table.scopes[id].symbol_order = names;
    table.scopes[id].symbols = symbols;
    let mut new_free = NameSet::default();
    // Names that are cells inside an inlined comprehension: cells here too.
    let mut inlined_cells = FastSet::default();
    if has_children {
        if kind == ScopeKind::Class {
            if let Some(b) = &class_bound {
                new_bound.extend(b.iter().copied());
            }
            for implicit in IMPLICIT_CLASS_CELLS {
                new_bound.insert(table.names.intern(implicit));
            }
        } else if let Some(b) = &bound {
            new_bound.extend(b.iter().copied());
        }
        let new_global = new_global.unwrap_or(global);
        let new_bound = Rc::new(new_bound);
        let parent_sees_class = table.scopes[id].can_see_class_scope;
        for index in 0..table.scopes[id].children.len() {
            let child = table.scopes[id].children[index];
            let mut child_free = NameSet::copy_of(&new_free);
            let child_class_entry = if !table.scopes[child].can_see_class_scope {
                None
            } else if kind == ScopeKind::Class {
                Some(id)
            } else {
                class_entry
            };
            analyze_block(
                table,
                child,
                Some(new_bound.clone()),
                &mut child_free,
                new_global.clone(),
                child_class_entry,
            )?;
            // PEP 709: every list/set/dict comprehension runs inline, except in the
            // annotation scopes of a class.
            let c = &table.scopes[child];
            if c.is_comprehension && !c.is_generator && !parent_sees_class {
                inline_comprehension(table, id, child, &mut child_free, &mut inlined_cells);
            }
            new_free.extend(&child_free);
        }
        splice_inlined_children(table, id);
    }
    match kind {
        ScopeKind::Function if !new_free.is_empty() || !inlined_cells.is_empty() => {
            let names = &table.names;
            for (&name, symbol) in table.scopes[id].symbols.iter_mut() {
                if symbol.scope == Some(NameScope::Local)
                    && (new_free.contains(names, name) || inlined_cells.contains(&name))
                {
                    symbol.scope = Some(NameScope::Cell);
                    new_free.remove(names, name);
                }
            }
        }
        ScopeKind::Class if !new_free.is_empty() => {
            let [class, classdict, conditional] =
                IMPLICIT_CLASS_CELLS.map(|cell| remove_named(&mut new_free, &table.names, cell));
            let scope = &mut table.scopes[id];
            scope.needs_class_closure |= class;
            scope.needs_classdict |= classdict;
            scope.has_conditional_annotations |= conditional;
        }
        _ => {}
    }
    // Names free in children but not mentioned here pass through this scope.
    let scope = &mut table.scopes[id];
    for name in &inlined_cells {
        if let Some(symbol) = scope.symbols.get_mut(name) {
            symbol.flags |= DEF_COMP_CELL;
        }
    }
    let sees_class_names = kind == ScopeKind::Class || scope.can_see_class_scope;
    // In CPython's set order (for the same string hashes), as `update_symbols` adds them.
    for name in new_free.iter() {
        if let Some(symbol) = scope.symbols.get_mut(&name) {
            // CPython's `update_symbols`: a method's free variable that the class also
            // names is marked, and the class passes it through as a free variable.
            if sees_class_names {
                symbol.flags |= DEF_FREE_CLASS;
            }
            continue;
        }
        if bound.as_ref().is_none_or(|b| !b.contains(&name)) {
            continue;
        }
        scope.symbol_order.push(name);
        let symbol = Symbol {
            flags: 0,
            scope: Some(NameScope::Free),
        };
        scope.symbols.insert(name, symbol);
    }
    free.extend(&new_free);
    Ok(())
}

/// Remove the name `text` from `set`; whether it was there.
fn remove_named(set: &mut NameSet, names: &Names, text: &str) -> bool {
    names
        .id_of(text)
        .is_some_and(|name| set.remove(names, name))
}

/// Replace each inlined comprehension in `id`'s children by its own children, as
/// CPython does after inlining.
fn splice_inlined_children(table: &mut SymbolTable, id: ScopeId) {
    let children = std::mem::take(&mut table.scopes[id].children);
    let spliced = children
        .into_iter()
        .flat_map(|child| {
            if table.scopes[child].comp_inlined {
                table.scopes[child].children.clone()
            } else {
                vec![child]
            }
        })
        .collect();
    table.scopes[id].children = spliced;
}

/// Merge an inlined comprehension's names into its parent (CPython's
/// `inline_comprehension`).
fn inline_comprehension(
    table: &mut SymbolTable,
    parent: ScopeId,
    comp: ScopeId,
    comp_free: &mut NameSet,
    inlined_cells: &mut FastSet<NameId>,
) {
    table.scopes[comp].comp_inlined = true;
    let names: Vec<(NameId, u32, Option<NameScope>)> = table.scopes[comp]
        .symbol_order
        .iter()
        .map(|&n| {
            let symbol = table.scopes[comp].symbols.get(&n);
            (
                n,
                symbol.map_or(0, |s| s.flags),
                symbol.and_then(|s| s.scope),
            )
        })
        .collect();
    let parent_is_class = table.scopes[parent].kind == ScopeKind::Class;
    for (name, flags, mut scope) in names {
        if flags & DEF_PARAM != 0 {
            continue;
        }
        if scope == Some(NameScope::Cell) || flags & DEF_COMP_CELL != 0 {
            inlined_cells.insert(name);
        }
        // The implicit class cells are never free through a class scope (CPython's
        // `drop_class_free`): the class body sees them as globals.
        if parent_is_class
            && scope == Some(NameScope::Free)
            && IMPLICIT_CLASS_CELLS.contains(&&**table.names.text(name))
        {
            scope = Some(NameScope::GlobalImplicit);
            comp_free.remove(&table.names, name);
            let c = &mut table.scopes[comp];
            c.symbols.remove(&name);
            c.symbol_order.retain(|&n| n != name);
        }
        let p = &mut table.scopes[parent];
        match p.symbols.get_mut(&name) {
            None => {
                p.symbol_order.push(name);
                p.symbols.insert(name, Symbol { flags, scope });
            }
            Some(symbol) => {
                let existing = symbol.flags;
                // A use of an outer variable inside the comprehension counts as a use
                // in the scope that now runs it.
                if scope == Some(NameScope::Free) {
                    symbol.flags |= flags & USE;
                }
                if existing & DEF_BOUND != 0
                    && !parent_is_class
                    && !is_free_in_any_child(table, comp, name)
                {
                    comp_free.remove(&table.names, name);
                }
            }
        }
    }
}

/// Whether a scope nested in `id` uses `name` as a free variable.
fn is_free_in_any_child(table: &SymbolTable, id: ScopeId, name: NameId) -> bool {
    table.scopes[id]
        .children
        .iter()
        .any(|&c| table.scopes[c].scope_of(name) == Some(NameScope::Free))
}

/// Where `name` lives in `scope`, given its flags there (CPython's `analyze_name`).
/// `class_flags` are the name's flags in the class an annotation scope can see.
fn resolve_name(
    scope: &Scope,
    names: &Names,
    name: NameId,
    flags: u32,
    bound: &mut Option<SharedNames>,
    class_flags: Option<u32>,
) -> Result<NameScope, CompileError> {
    // Where the name was declared and what it is called, for the errors only.
    let at = || scope.declarations.get(&name).copied().unwrap_or_default();
    let text = || names.text(name);
    if flags & DEF_GLOBAL != 0 {
        if flags & DEF_NONLOCAL != 0 {
            return Err(CompileError::new(
                format!("name '{}' is nonlocal and global", text()),
                at(),
            ));
        }
        if let Some(b) = bound.as_mut().filter(|b| b.contains(&name)) {
            Rc::make_mut(b).remove(&name);
        }
        return Ok(NameScope::GlobalExplicit);
    }
    let is_bound_outside = bound.as_ref().is_some_and(|b| b.contains(&name));
    if flags & DEF_NONLOCAL != 0 {
        if !is_bound_outside {
            return Err(CompileError::new(
                format!("no binding for nonlocal '{}' found", text()),
                at(),
            ));
        }
        return Ok(NameScope::Free);
    }
    if flags & DEF_BOUND != 0 {
        return Ok(NameScope::Local);
    }
    if let Some(class_flags) = class_flags {
        if class_flags & DEF_GLOBAL != 0 {
            return Ok(NameScope::GlobalExplicit);
        }
        if class_flags & DEF_BOUND != 0 && class_flags & DEF_NONLOCAL == 0 {
            return Ok(NameScope::GlobalImplicit);
        }
    }
    if is_bound_outside {
        return Ok(NameScope::Free);
    }
    Ok(NameScope::GlobalImplicit)
}
