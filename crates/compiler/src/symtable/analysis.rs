//! Second symbol-table pass: resolve every name of every scope against its enclosing
//! scopes (CPython's `analyze_block`), make captured locals cells, and inline
//! comprehensions into their parents (PEP 709).

use crate::fast_hash::{FastMap, FastSet};

use super::flags::*;
use super::name_set::NameSet;
use super::{NameScope, Scope, ScopeId, ScopeKind, SymbolTable};
use crate::error::CompileError;

/// Names a class body provides to the scopes nested in it as cells.
const IMPLICIT_CLASS_CELLS: [&str; 3] =
    ["__class__", "__classdict__", "__conditional_annotations__"];

/// Resolve every scope's names (CPython's `analyze_block`).
pub(super) fn analyze(table: &mut SymbolTable, top: ScopeId) -> Result<(), CompileError> {
    let mut free = NameSet::default();
    let mut global = FastSet::default();
    analyze_block(table, top, None, &mut free, &mut global, None)
}

/// Resolve the names of scope `id`. `bound` holds the names bound by enclosing function
/// scopes (None at module level); it is this scope's own copy, as a `global`
/// declaration here hides an outer binding from the scopes nested inside.
/// `class_entry` is the class whose namespace an annotation-like scope can see.
fn analyze_block(
    table: &mut SymbolTable,
    id: ScopeId,
    mut bound: Option<FastSet<String>>,
    free: &mut NameSet,
    global: &mut FastSet<String>,
    class_entry: Option<ScopeId>,
) -> Result<(), CompileError> {
    let kind = table.scopes[id].kind;
    let mut scopes: FastMap<String, NameScope> = FastMap::default();
    let mut new_global = FastSet::default();
    let mut new_bound = FastSet::default();
    let mut new_free = NameSet::default();
    if kind == ScopeKind::Class {
        new_global.extend(global.iter().cloned());
        if let Some(b) = &bound {
            new_bound.extend(b.iter().cloned());
        }
    }
    // Taken out while its names are resolved (resolving reads flags and declarations,
    // never the order), so that the names need not be copied; an error drops the table.
    let names = std::mem::take(&mut table.scopes[id].symbol_order);
    for name in &names {
        let flags = table.scopes[id].flags_of(name);
        let class_flags = class_entry.map(|c| table.scopes[c].flags_of(name));
        let resolved = resolve_name(&table.scopes[id], name, flags, bound.as_mut(), class_flags)?;
        match resolved {
            NameScope::Local => {
                // A function's locals are bound for the scopes nested in it.
                if kind == ScopeKind::Function {
                    new_bound.insert(name.clone());
                }
                global.remove(name);
            }
            NameScope::Free => {
                free.insert(name);
            }
            NameScope::GlobalExplicit if flags & DEF_GLOBAL != 0 => {
                global.insert(name.clone());
            }
            _ => {}
        }
        scopes.insert(name.clone(), resolved);
    }
    table.scopes[id].symbol_order = names;
    if kind != ScopeKind::Class {
        if let Some(b) = &bound {
            new_bound.extend(b.iter().cloned());
        }
        new_global.extend(global.iter().cloned());
    } else {
        for implicit in IMPLICIT_CLASS_CELLS {
            new_bound.insert(implicit.to_string());
        }
    }
    let children = table.scopes[id].children.clone();
    let parent_sees_class = table.scopes[id].can_see_class_scope;
    // Names that are cells inside an inlined comprehension: cells here too.
    let mut inlined_cells = FastSet::default();
    for &child in &children {
        let mut child_free = NameSet::copy_of(&new_free);
        let mut child_global = new_global.clone();
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
            &mut child_global,
            child_class_entry,
        )?;
        // PEP 709: every list/set/dict comprehension runs inline, except in the
        // annotation scopes of a class.
        let c = &table.scopes[child];
        if c.is_comprehension && !c.is_generator && !parent_sees_class {
            inline_comprehension(
                table,
                id,
                child,
                &mut scopes,
                &mut child_free,
                &mut inlined_cells,
            );
        }
        new_free.extend(&child_free);
    }
    splice_inlined_children(table, id);
    match kind {
        ScopeKind::Function => {
            for (name, scope) in scopes.iter_mut() {
                if *scope == NameScope::Local
                    && (new_free.contains(name) || inlined_cells.contains(name))
                {
                    *scope = NameScope::Cell;
                    new_free.remove(name);
                }
            }
        }
        ScopeKind::Class => {
            if new_free.remove("__class__") {
                table.scopes[id].needs_class_closure = true;
            }
            if new_free.remove("__classdict__") {
                table.scopes[id].needs_classdict = true;
            }
            if new_free.remove("__conditional_annotations__") {
                table.scopes[id].has_conditional_annotations = true;
            }
        }
        ScopeKind::Module => {}
    }
    // Names free in children but not mentioned here pass through this scope.
    let scope = &mut table.scopes[id];
    for name in &inlined_cells {
        if let Some(flags) = scope.symbols.get_mut(name) {
            *flags |= DEF_COMP_CELL;
        }
    }
    let sees_class_names = kind == ScopeKind::Class || scope.can_see_class_scope;
    // In CPython's set order (for the same string hashes), as `update_symbols` adds them.
    for name in new_free.iter() {
        if let Some(flags) = scope.symbols.get_mut(name) {
            // CPython's `update_symbols`: a method's free variable that the class also
            // names is marked, and the class passes it through as a free variable.
            if sees_class_names {
                *flags |= DEF_FREE_CLASS;
            }
            continue;
        }
        if bound.as_ref().is_some_and(|b| !b.contains(name)) || bound.is_none() {
            continue;
        }
        scope.symbol_order.push(name.clone());
        scope.symbols.insert(name.clone(), 0);
        scopes.insert(name.clone(), NameScope::Free);
    }
    scope.scopes = scopes;
    free.extend(&new_free);
    Ok(())
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
    scopes: &mut FastMap<String, NameScope>,
    comp_free: &mut NameSet,
    inlined_cells: &mut FastSet<String>,
) {
    table.scopes[comp].comp_inlined = true;
    let names: Vec<(String, u32, Option<NameScope>)> = table.scopes[comp]
        .symbol_order
        .iter()
        .map(|n| {
            (
                n.clone(),
                table.scopes[comp].flags_of(n),
                table.scopes[comp].scope_of(n),
            )
        })
        .collect();
    let parent_is_class = table.scopes[parent].kind == ScopeKind::Class;
    for (name, flags, mut scope) in names {
        if flags & DEF_PARAM != 0 {
            continue;
        }
        if scope == Some(NameScope::Cell) || flags & DEF_COMP_CELL != 0 {
            inlined_cells.insert(name.clone());
        }
        // The implicit class cells are never free through a class scope (CPython's
        // `drop_class_free`): the class body sees them as globals.
        if parent_is_class
            && IMPLICIT_CLASS_CELLS.contains(&name.as_str())
            && scope == Some(NameScope::Free)
        {
            scope = Some(NameScope::GlobalImplicit);
            comp_free.remove(&name);
            let c = &mut table.scopes[comp];
            c.symbols.remove(&name);
            c.symbol_order.retain(|n| *n != name);
        }
        let p = &mut table.scopes[parent];
        match p.symbols.get(&name).copied() {
            None => {
                p.symbol_order.push(name.clone());
                p.symbols.insert(name.clone(), flags);
                if let Some(scope) = scope {
                    scopes.insert(name, scope);
                }
            }
            Some(existing) => {
                // A use of an outer variable inside the comprehension counts as a use
                // in the scope that now runs it.
                if scope == Some(NameScope::Free) {
                    p.symbols.insert(name.clone(), existing | (flags & USE));
                }
                if existing & DEF_BOUND != 0
                    && !parent_is_class
                    && !is_free_in_any_child(table, comp, &name)
                {
                    comp_free.remove(&name);
                }
            }
        }
    }
}

/// Whether a scope nested in `id` uses `name` as a free variable.
fn is_free_in_any_child(table: &SymbolTable, id: ScopeId, name: &str) -> bool {
    table.scopes[id]
        .children
        .iter()
        .any(|&c| table.scopes[c].scope_of(name) == Some(NameScope::Free))
}

/// Where `name` lives in `scope`, given its flags there (CPython's `analyze_name`).
/// `class_flags` are the name's flags in the class an annotation scope can see.
fn resolve_name(
    scope: &Scope,
    name: &str,
    flags: u32,
    bound: Option<&mut FastSet<String>>,
    class_flags: Option<u32>,
) -> Result<NameScope, CompileError> {
    // Where the name was declared, for the errors only.
    let at = || scope.declarations.get(name).copied().unwrap_or_default();
    if flags & DEF_GLOBAL != 0 {
        if flags & DEF_NONLOCAL != 0 {
            return Err(CompileError::new(
                format!("name '{name}' is nonlocal and global"),
                at(),
            ));
        }
        if let Some(b) = bound {
            b.remove(name);
        }
        return Ok(NameScope::GlobalExplicit);
    }
    let is_bound_outside = bound.as_ref().is_some_and(|b| b.contains(name));
    if flags & DEF_NONLOCAL != 0 {
        if !is_bound_outside {
            return Err(CompileError::new(
                format!("no binding for nonlocal '{name}' found"),
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
