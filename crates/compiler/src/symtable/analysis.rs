//! Second symbol-table pass: resolve every name of every scope against its enclosing
//! scopes (CPython's `analyze_block`), make captured locals cells, and inline
//! comprehensions into their parents (PEP 709).

use std::collections::{HashMap, HashSet};

use super::flags::*;
use super::{NameScope, Scope, ScopeId, ScopeKind, SymbolTable};
use crate::error::CompileError;

/// Resolve every scope's names (CPython's `analyze_block`).
pub(super) fn analyze(table: &mut SymbolTable, top: ScopeId) -> Result<(), CompileError> {
    let mut free = HashSet::new();
    let mut global = HashSet::new();
    analyze_block(table, top, None, &mut free, &mut global)
}

fn analyze_block(
    table: &mut SymbolTable,
    id: ScopeId,
    bound: Option<&HashSet<String>>,
    free: &mut HashSet<String>,
    global: &mut HashSet<String>,
) -> Result<(), CompileError> {
    let kind = table.scopes[id].kind;
    let mut local = HashSet::new();
    let mut scopes: HashMap<String, NameScope> = HashMap::new();
    let mut new_global = HashSet::new();
    let mut new_bound = HashSet::new();
    let mut new_free = HashSet::new();
    if kind == ScopeKind::Class {
        new_global.extend(global.iter().cloned());
        if let Some(b) = bound {
            new_bound.extend(b.iter().cloned());
        }
    }
    let names: Vec<(String, u32)> = table.scopes[id]
        .symbol_order
        .iter()
        .map(|n| (n.clone(), table.scopes[id].flags_of(n)))
        .collect();
    for (name, flags) in &names {
        analyze_name(
            &mut table.scopes[id],
            &mut scopes,
            name,
            *flags,
            bound,
            &mut local,
            free,
            global,
        )?;
    }
    if kind != ScopeKind::Class {
        if kind == ScopeKind::Function {
            new_bound.extend(local.iter().cloned());
        }
        if let Some(b) = bound {
            new_bound.extend(b.iter().cloned());
        }
        new_global.extend(global.iter().cloned());
    } else {
        for implicit in ["__class__", "__classdict__", "__conditional_annotations__"] {
            new_bound.insert(implicit.to_string());
        }
    }
    let children = table.scopes[id].children.clone();
    for &child in &children {
        let mut child_free = HashSet::new();
        let mut child_global = new_global.clone();
        analyze_block(
            table,
            child,
            Some(&new_bound),
            &mut child_free,
            &mut child_global,
        )?;
        if can_inline(table, id, child, &children) {
            inline_comprehension(table, id, child, &mut scopes, &mut child_free);
        }
        new_free.extend(child_free);
    }
    match kind {
        ScopeKind::Function => {
            for (name, scope) in scopes.iter_mut() {
                if *scope == NameScope::Local && new_free.remove(name) {
                    *scope = NameScope::Cell;
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
    for name in &new_free {
        if let Some(flags) = scope.symbols.get_mut(name) {
            if kind == ScopeKind::Class && *flags & DEF_BOUND != 0 {
                *flags |= DEF_FREE_CLASS;
            }
            continue;
        }
        if bound.is_some_and(|b| !b.contains(name)) || bound.is_none() {
            continue;
        }
        scope.symbol_order.push(name.clone());
        scope.symbols.insert(name.clone(), 0);
        scopes.insert(name.clone(), NameScope::Free);
    }
    scope.scopes = scopes;
    free.extend(new_free);
    Ok(())
}

/// Names a scope or its descendants use without binding them: candidates for free
/// variables of the enclosing scope.
fn unbound_names_in_subtree(table: &SymbolTable, id: ScopeId, out: &mut HashSet<String>) {
    let scope = &table.scopes[id];
    out.extend(
        scope
            .symbol_order
            .iter()
            .filter(|n| {
                let f = scope.flags_of(n);
                f & DEF_BOUND == 0 || f & DEF_NONLOCAL != 0
            })
            .cloned(),
    );
    for &child in &scope.children {
        unbound_names_in_subtree(table, child, out);
    }
}

/// PEP 709: list/set/dict comprehensions run inline. adder keeps them as functions
/// where inlining would need cell juggling (a nested scope inside, or another nested
/// scope that may capture one of the comprehension's variables); those compile
/// correctly, only differently from CPython.
fn can_inline(table: &SymbolTable, parent: ScopeId, comp: ScopeId, siblings: &[ScopeId]) -> bool {
    let c = &table.scopes[comp];
    if !c.is_comprehension || c.is_generator || c.is_coroutine {
        return false;
    }
    if c.children.iter().any(|&g| !table.scopes[g].comp_inlined) {
        return false;
    }
    // Only a function's locals can be captured by other nested scopes.
    if table.scopes[parent].kind != ScopeKind::Function {
        return true;
    }
    let mut others = HashSet::new();
    for &s in siblings
        .iter()
        .filter(|&&s| s != comp && !table.scopes[s].comp_inlined)
    {
        unbound_names_in_subtree(table, s, &mut others);
    }
    !comp_locals(c).any(|name| others.contains(name))
}

/// Names a comprehension binds itself (its iteration variables).
pub fn comp_locals(comp: &Scope) -> impl Iterator<Item = &String> {
    comp.symbol_order.iter().filter(|n| {
        let f = comp.flags_of(n);
        f & DEF_LOCAL != 0 && f & DEF_NONLOCAL == 0 && f & DEF_PARAM == 0
    })
}

/// Merge an inlined comprehension's names into its parent (CPython's
/// `inline_comprehension`).
fn inline_comprehension(
    table: &mut SymbolTable,
    parent: ScopeId,
    comp: ScopeId,
    scopes: &mut HashMap<String, NameScope>,
    comp_free: &mut HashSet<String>,
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
    let parent_is_function = table.scopes[parent].kind == ScopeKind::Function;
    for (name, flags, scope) in names {
        if flags & DEF_PARAM != 0 {
            continue;
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
                if existing & DEF_BOUND != 0 && parent_is_function {
                    comp_free.remove(&name);
                }
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn analyze_name(
    scope: &mut Scope,
    scopes: &mut HashMap<String, NameScope>,
    name: &str,
    flags: u32,
    bound: Option<&HashSet<String>>,
    local: &mut HashSet<String>,
    free: &mut HashSet<String>,
    global: &mut HashSet<String>,
) -> Result<(), CompileError> {
    let at = scope.declarations.get(name).copied().unwrap_or_default();
    if flags & DEF_GLOBAL != 0 {
        if flags & DEF_NONLOCAL != 0 {
            return Err(CompileError::new(
                format!("name '{name}' is nonlocal and global"),
                at,
            ));
        }
        scopes.insert(name.to_string(), NameScope::GlobalExplicit);
        global.insert(name.to_string());
        return Ok(());
    }
    if flags & DEF_NONLOCAL != 0 {
        if !bound.is_some_and(|b| b.contains(name)) {
            return Err(CompileError::new(
                format!("no binding for nonlocal '{name}' found"),
                at,
            ));
        }
        scopes.insert(name.to_string(), NameScope::Free);
        free.insert(name.to_string());
        return Ok(());
    }
    if flags & DEF_BOUND != 0 {
        scopes.insert(name.to_string(), NameScope::Local);
        local.insert(name.to_string());
        global.remove(name);
        return Ok(());
    }
    if bound.is_some_and(|b| b.contains(name)) {
        scopes.insert(name.to_string(), NameScope::Free);
        free.insert(name.to_string());
        return Ok(());
    }
    scopes.insert(name.to_string(), NameScope::GlobalImplicit);
    Ok(())
}
