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
    analyze_block(table, top, None, &mut free, &mut global, None)
}

/// Resolve the names of scope `id`. `bound` holds the names bound by enclosing function
/// scopes (None at module level); it is this scope's own copy, as a `global`
/// declaration here hides an outer binding from the scopes nested inside.
/// `class_entry` is the class whose namespace an annotation-like scope can see.
fn analyze_block(
    table: &mut SymbolTable,
    id: ScopeId,
    mut bound: Option<HashSet<String>>,
    free: &mut HashSet<String>,
    global: &mut HashSet<String>,
    class_entry: Option<ScopeId>,
) -> Result<(), CompileError> {
    let kind = table.scopes[id].kind;
    let mut local = HashSet::new();
    let mut scopes: HashMap<String, NameScope> = HashMap::new();
    let mut new_global = HashSet::new();
    let mut new_bound = HashSet::new();
    let mut new_free = HashSet::new();
    if kind == ScopeKind::Class {
        new_global.extend(global.iter().cloned());
        if let Some(b) = &bound {
            new_bound.extend(b.iter().cloned());
        }
    }
    let names: Vec<(String, u32)> = table.scopes[id]
        .symbol_order
        .iter()
        .map(|n| (n.clone(), table.scopes[id].flags_of(n)))
        .collect();
    for (name, flags) in &names {
        let class_flags = class_entry.map(|c| table.scopes[c].flags_of(name));
        let resolved = resolve_name(&table.scopes[id], name, *flags, bound.as_mut(), class_flags)?;
        match resolved {
            NameScope::Local => {
                local.insert(name.clone());
                global.remove(name);
            }
            NameScope::Free => {
                free.insert(name.clone());
            }
            NameScope::GlobalExplicit if flags & DEF_GLOBAL != 0 => {
                global.insert(name.clone());
            }
            _ => {}
        }
        scopes.insert(name.clone(), resolved);
    }
    if kind != ScopeKind::Class {
        if kind == ScopeKind::Function {
            new_bound.extend(local.iter().cloned());
        }
        if let Some(b) = &bound {
            new_bound.extend(b.iter().cloned());
        }
        new_global.extend(global.iter().cloned());
    } else {
        for implicit in ["__class__", "__classdict__", "__conditional_annotations__"] {
            new_bound.insert(implicit.to_string());
        }
    }
    let children = table.scopes[id].children.clone();
    let parent_sees_class = table.scopes[id].can_see_class_scope;
    for &child in &children {
        let mut child_free = new_free.clone();
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
        if !parent_sees_class && can_inline(table, id, child, &children) {
            inline_comprehension(table, id, child, &mut scopes, &mut child_free);
        }
        new_free.extend(child_free);
    }
    splice_inlined_children(table, id);
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
    let sees_class_names = kind == ScopeKind::Class || scope.can_see_class_scope;
    // A fixed order (CPython uses its set's iteration order, which depends on string
    // hashes): the same source must always give the same symbol table.
    let mut passing_through: Vec<&String> = new_free.iter().collect();
    passing_through.sort_unstable();
    for name in passing_through {
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
    free.extend(new_free);
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
    if !c.is_comprehension || c.is_generator {
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
    let parent_is_class = table.scopes[parent].kind == ScopeKind::Class;
    for (name, flags, mut scope) in names {
        if flags & DEF_PARAM != 0 {
            continue;
        }
        // `__class__` is never free through a class scope.
        if parent_is_class && name == "__class__" && scope == Some(NameScope::Free) {
            scope = Some(NameScope::GlobalImplicit);
            comp_free.remove(&name);
            let c = &mut table.scopes[comp];
            c.symbols.remove(&name);
            c.symbol_order.retain(|n| n != "__class__");
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
    bound: Option<&mut HashSet<String>>,
    class_flags: Option<u32>,
) -> Result<NameScope, CompileError> {
    let at = scope.declarations.get(name).copied().unwrap_or_default();
    if flags & DEF_GLOBAL != 0 {
        if flags & DEF_NONLOCAL != 0 {
            return Err(CompileError::new(
                format!("name '{name}' is nonlocal and global"),
                at,
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
                at,
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
