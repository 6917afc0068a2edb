//! First symbol-table pass: walk the AST, open a scope for every function, class,
//! lambda, comprehension and lazily evaluated annotation or alias value, and record how
//! each scope binds and uses names (CPython's `symtable_visit_*`).

use adder_syntax::ast::{self, Expr, Stmt};

use super::flags::*;
use super::future;
use super::{
    mangle, mangle_in, node_key, BlockType, Scope, ScopeId, ScopeKind, Symbol, SymbolTable,
};
use crate::error::CompileError;

mod type_params;
use type_params::GenericOwner;

/// Walk `module`, creating its scopes; returns the table and the module scope's id.
pub(super) fn collect(module: &ast::Mod) -> Result<(SymbolTable, ScopeId), CompileError> {
    let mut builder = Builder {
        table: SymbolTable::default(),
        stack: Vec::new(),
        class_names: Vec::new(),
        comp_iter_target: false,
        comp_iter_expr: 0,
        in_unevaluated_annotation: false,
        future: future::parse(module)?,
        depth: 0,
    };
    let top = builder.push(ScopeKind::Module, "top", 0, 0);
    match module {
        ast::Mod::Module { body, .. } | ast::Mod::Interactive { body } => builder.stmts(body)?,
        ast::Mod::Expression { body } => builder.expr(body)?,
        ast::Mod::FunctionType { .. } => {}
    }
    builder.stack.pop();
    builder.table.future_annotations = builder.future.annotations;
    Ok((builder.table, top))
}

struct Builder {
    table: SymbolTable,
    stack: Vec<ScopeId>,
    /// Enclosing class names, for mangling (`None` entries for non-class scopes).
    class_names: Vec<Option<String>>,
    /// Visiting a comprehension's iteration target: names get `DEF_COMP_ITER`.
    comp_iter_target: bool,
    /// Depth of comprehension iterables being visited, where `:=` is not allowed.
    comp_iter_expr: u32,
    /// Visiting an annotation inside a function body, which is never evaluated: its
    /// names are not recorded.
    in_unevaluated_annotation: bool,
    /// The module's future imports. Under `from __future__ import annotations`,
    /// annotations become strings, so their scopes are not children of the scope they
    /// annotate.
    future: future::Future,
    /// Current expression nesting, bounded by `MAX_COMPILE_DEPTH`: the parser caps
    /// each operator chain, but chains nested in parentheses multiply, and this
    /// recursion must give RecursionError before it overflows the Rust stack.
    depth: usize,
}

impl Builder {
    fn push(&mut self, kind: ScopeKind, name: &str, key: usize, lineno: u32) -> ScopeId {
        let id = self.table.scopes.len();
        let mut scope = Scope::new(kind, name, lineno);
        if let Some(&parent) = self.stack.last() {
            let parent_scope = &self.table.scopes[parent];
            scope.nested = parent_scope.kind == ScopeKind::Function || parent_scope.nested;
            if kind != ScopeKind::Class {
                scope.mangled_names = parent_scope.mangled_names.clone();
            }
            self.table.scopes[parent].children.push(id);
        }
        self.table.scopes.push(scope);
        self.table.by_node.insert(key, id);
        self.stack.push(id);
        self.class_names.push(if kind == ScopeKind::Class {
            Some(name.to_string())
        } else {
            None
        });
        id
    }

    fn pop(&mut self) {
        self.stack.pop();
        self.class_names.pop();
    }

    fn current_id(&self) -> ScopeId {
        self.stack.last().copied().unwrap_or(0)
    }

    fn current(&mut self) -> &mut Scope {
        let id = self.current_id();
        &mut self.table.scopes[id]
    }

    fn class_name(&self) -> Option<&str> {
        self.class_names
            .iter()
            .rev()
            .flatten()
            .next()
            .map(|s| s.as_str())
    }

    fn add_def(&mut self, name: &str, flag: u32, range: ast::Range) -> Result<(), CompileError> {
        let id = self.current_id();
        if flag & DEF_TYPE_PARAM != 0 && self.table.scopes[id].mangled_names.is_some() {
            let type_param = self.table.names.intern(name);
            if let Some(names) = &mut self.table.scopes[id].mangled_names {
                names.insert(type_param);
            }
        }
        let mangled = mangle_in(&self.table, id, self.class_name(), name);
        let name_id = self.table.names.intern(&mangled);
        let in_comp_iter = self.comp_iter_target;
        let comp_iter = if in_comp_iter { DEF_COMP_ITER } else { 0 };
        let scope = &mut self.table.scopes[id];
        match scope.symbols.get_mut(&name_id) {
            Some(symbol) => {
                let old = symbol.flags;
                if in_comp_iter && old & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                    return Err(CompileError::new(
                        format!(
                            "comprehension inner loop cannot rebind assignment expression target '{name}'"
                        ),
                        range,
                    ));
                }
                if flag & DEF_PARAM != 0 && old & DEF_PARAM != 0 {
                    return Err(CompileError::new(
                        format!("duplicate argument '{name}' in function definition"),
                        range,
                    ));
                }
                symbol.flags |= flag | comp_iter;
            }
            None => {
                scope.symbol_order.push(name_id);
                scope
                    .symbols
                    .insert(name_id, Symbol::with_flags(flag | comp_iter));
            }
        }
        if flag & DEF_PARAM != 0 {
            scope.params.push(name_id);
        }
        Ok(())
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result<(), CompileError> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn exprs(&mut self, exprs: &[Expr]) -> Result<(), CompileError> {
        exprs.iter().try_for_each(|e| self.expr(e))
    }

    fn stmt(&mut self, stmt: &Stmt) -> Result<(), CompileError> {
        // Annotations in these statements' bodies may not run (`__conditional_annotations__`).
        let conditional = matches!(
            stmt,
            Stmt::If { .. }
                | Stmt::For { .. }
                | Stmt::AsyncFor { .. }
                | Stmt::While { .. }
                | Stmt::Try { .. }
                | Stmt::TryStar { .. }
                | Stmt::With { .. }
                | Stmt::AsyncWith { .. }
                | Stmt::Match { .. }
        );
        if conditional {
            self.current().in_conditional_block += 1;
        }
        // On an error the build is abandoned, possibly with a nested scope still
        // current (a class body that failed): restore only on success.
        self.stmt_inner(stmt)?;
        if conditional {
            self.current().in_conditional_block -= 1;
        }
        Ok(())
    }

    fn stmt_inner(&mut self, stmt: &Stmt) -> Result<(), CompileError> {
        match stmt {
            Stmt::FunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                type_params,
                range,
                ..
            }
            | Stmt::AsyncFunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                type_params,
                range,
                ..
            } => {
                self.add_def(name, DEF_LOCAL, *range)?;
                self.argument_defaults(args)?;
                self.exprs(decorator_list)?;
                if !type_params.is_empty() {
                    let owner = GenericOwner {
                        is_class: false,
                        has_defaults: true,
                        has_kwdefaults: args.kw_defaults.iter().any(Option::is_some),
                    };
                    self.enter_type_params(name, type_params, owner, *range)?;
                }
                self.function_annotations(args, returns.as_deref(), *range)?;
                self.push(ScopeKind::Function, name, node_key(stmt), range.lineno);
                if matches!(stmt, Stmt::AsyncFunctionDef { .. }) {
                    self.current().is_coroutine = true;
                }
                self.parameters(args)?;
                self.stmts(body)?;
                self.pop();
                if !type_params.is_empty() {
                    self.pop();
                }
            }
            Stmt::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
                type_params,
                range,
            } => {
                self.add_def(name, DEF_LOCAL, *range)?;
                self.exprs(decorator_list)?;
                let generic = !type_params.is_empty();
                if generic {
                    let owner = GenericOwner {
                        is_class: true,
                        has_defaults: false,
                        has_kwdefaults: false,
                    };
                    self.enter_type_params(name, type_params, owner, *range)?;
                }
                self.exprs(bases)?;
                keywords.iter().try_for_each(|k| self.expr(&k.value))?;
                self.push(ScopeKind::Class, name, node_key(stmt), range.lineno);
                if generic {
                    self.add_def("__type_params__", DEF_LOCAL, *range)?;
                    self.add_def(".type_params", USE, *range)?;
                }
                self.stmts(body)?;
                self.pop();
                if generic {
                    self.pop();
                }
            }
            Stmt::Return { value, .. } => {
                if let Some(v) = value {
                    self.expr(v)?;
                }
            }
            Stmt::Delete { targets, .. } => self.exprs(targets)?,
            Stmt::Assign { targets, value, .. } => {
                self.exprs(targets)?;
                self.expr(value)?;
            }
            Stmt::TypeAlias {
                name,
                type_params,
                value,
                range,
            } => {
                self.expr(name)?;
                // The value is evaluated lazily by a function of its own.
                let alias = match name.as_ref() {
                    Expr::Name { id, .. } => id.as_str(),
                    _ => "<alias>",
                };
                let generic = !type_params.is_empty();
                if generic {
                    let owner = GenericOwner {
                        is_class: false,
                        has_defaults: false,
                        has_kwdefaults: false,
                    };
                    self.enter_type_params(alias, type_params, owner, *range)?;
                }
                self.push_lazy_scope(alias, node_key(stmt), range.lineno, *range)?;
                self.current().block_type = BlockType::TypeAlias;
                self.expr(value)?;
                self.pop();
                if generic {
                    self.pop();
                }
            }
            Stmt::AugAssign { target, value, .. } => {
                self.expr(target)?;
                self.expr(value)?;
            }
            Stmt::AnnAssign {
                target,
                annotation,
                value,
                simple,
                range,
            } => {
                if let Expr::Name { id, .. } = target.as_ref() {
                    let mangled = mangle(self.class_name(), id).into_owned();
                    let mangled = self.table.names.intern(&mangled);
                    let flags_now = self.current().flags_of(mangled);
                    // At module level DEF_GLOBAL only records that some function declared
                    // the name global, which does not forbid annotating it here.
                    let at_module = self.current().kind == ScopeKind::Module;
                    if flags_now & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && *simple && !at_module {
                        let which = if flags_now & DEF_GLOBAL != 0 {
                            "global"
                        } else {
                            "nonlocal"
                        };
                        return Err(CompileError::new(
                            format!("annotated name '{id}' can't be {which}"),
                            *range,
                        ));
                    }
                    if *simple {
                        self.add_def(id, DEF_ANNOT | DEF_LOCAL, *range)?;
                    } else if value.is_some() {
                        self.add_def(id, DEF_LOCAL, *range)?;
                    }
                } else {
                    self.expr(target)?;
                }
                self.annotation(annotation)?;
                if let Some(v) = value {
                    self.expr(v)?;
                }
            }
            Stmt::For {
                target,
                iter,
                body,
                orelse,
                ..
            }
            | Stmt::AsyncFor {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                self.expr(target)?;
                self.expr(iter)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            Stmt::While {
                test, body, orelse, ..
            }
            | Stmt::If {
                test, body, orelse, ..
            } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            Stmt::With { items, body, .. } | Stmt::AsyncWith { items, body, .. } => {
                for item in items {
                    self.expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.expr(v)?;
                    }
                }
                self.stmts(body)?;
            }
            Stmt::Match { subject, cases, .. } => {
                self.expr(subject)?;
                for case in cases {
                    self.pattern(&case.pattern)?;
                    if let Some(g) = &case.guard {
                        self.expr(g)?;
                    }
                    self.stmts(&case.body)?;
                }
            }
            Stmt::Raise { exc, cause, .. } => {
                if let Some(e) = exc {
                    self.expr(e)?;
                }
                if let Some(c) = cause {
                    self.expr(c)?;
                }
            }
            Stmt::Try {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            }
            | Stmt::TryStar {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            } => {
                self.stmts(body)?;
                for ast::ExceptHandler::ExceptHandler {
                    r#type,
                    name,
                    body,
                    range,
                } in handlers
                {
                    if let Some(t) = r#type {
                        self.expr(t)?;
                    }
                    if let Some(n) = name {
                        self.add_def(n, DEF_LOCAL, *range)?;
                    }
                    self.stmts(body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)?;
            }
            Stmt::Assert { test, msg, .. } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
            Stmt::Import { names, range } | Stmt::ImportFrom { names, range, .. } => {
                for alias in names {
                    let bound = match &alias.asname {
                        Some(a) => a.as_str(),
                        None => alias.name.split('.').next().unwrap_or(&alias.name),
                    };
                    if bound != "*" {
                        self.add_def(bound, DEF_IMPORT, *range)?;
                    }
                }
                if future::is_future_import(stmt) && self.future.is_late(*range) {
                    return Err(future::late_import(*range));
                }
            }
            Stmt::Global { names, range } => self.declare(names, DEF_GLOBAL, *range)?,
            Stmt::Nonlocal { names, range } => self.declare(names, DEF_NONLOCAL, *range)?,
            Stmt::Expr { value, .. } => self.expr(value)?,
            Stmt::Pass { .. } | Stmt::Break { .. } | Stmt::Continue { .. } => {}
        }
        Ok(())
    }

    /// `global` / `nonlocal` statements, with CPython's ordering errors.
    fn declare(
        &mut self,
        names: &[String],
        flag: u32,
        range: ast::Range,
    ) -> Result<(), CompileError> {
        let keyword = if flag == DEF_GLOBAL {
            "global"
        } else {
            "nonlocal"
        };
        for name in names {
            let mangled = mangle(self.class_name(), name).into_owned();
            let mangled = self.table.names.intern(&mangled);
            let current = self.current().flags_of(mangled);
            if current & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                let msg = if current & DEF_PARAM != 0 {
                    format!("name '{name}' is parameter and {keyword}")
                } else if current & USE != 0 {
                    format!("name '{name}' is used prior to {keyword} declaration")
                } else if current & DEF_ANNOT != 0 {
                    format!("annotated name '{name}' can't be {keyword}")
                } else {
                    format!("name '{name}' is assigned to before {keyword} declaration")
                };
                return Err(CompileError::new(msg, range));
            }
            if flag == DEF_NONLOCAL && self.current().kind == ScopeKind::Module {
                return Err(CompileError::new(
                    "nonlocal declaration not allowed at module level".to_string(),
                    range,
                ));
            }
            self.add_def(name, flag, range)?;
            if flag == DEF_GLOBAL {
                // The module sees names declared global anywhere as explicit globals.
                let top = &mut self.table.scopes[0];
                match top.symbols.get_mut(&mangled) {
                    Some(symbol) => symbol.flags |= DEF_GLOBAL,
                    None => {
                        top.symbol_order.push(mangled);
                        top.symbols.insert(mangled, Symbol::with_flags(DEF_GLOBAL));
                    }
                }
            }
            self.current().declarations.insert(mangled, range);
        }
        Ok(())
    }

    /// Open an `__annotate__` scope under the current one (PEP 649): its parameter is
    /// `.format`, and inside a class it reads the class namespace via `__classdict__`.
    fn push_annotation_scope(
        &mut self,
        key: usize,
        lineno: u32,
        range: ast::Range,
    ) -> Result<ScopeId, CompileError> {
        let id = self.push_lazy_scope("__annotate__", key, lineno, range)?;
        self.current().block_type = BlockType::Annotation;
        if self.future.annotations {
            // CPython leaves these scopes out of the tree: their annotations are strings.
            if let Some(&parent) = self.stack.get(self.stack.len().wrapping_sub(2)) {
                self.table.scopes[parent].children.retain(|&c| c != id);
            }
        }
        Ok(id)
    }

    /// A scope evaluating something lazily when called with a format argument
    /// (annotations, type alias values): parameter `.format`, and inside a class it
    /// reads the class namespace via `__classdict__`.
    fn push_lazy_scope(
        &mut self,
        name: &str,
        key: usize,
        lineno: u32,
        range: ast::Range,
    ) -> Result<ScopeId, CompileError> {
        let parent = self.current();
        let in_class = (parent.kind == ScopeKind::Class || parent.can_see_class_scope)
            && !self.future.annotations;
        let id = self.push(ScopeKind::Function, name, key, lineno);
        self.add_def(".format", DEF_PARAM, range)?;
        self.add_def(".format", USE, range)?;
        if in_class {
            self.current().can_see_class_scope = true;
            self.add_def("__classdict__", USE, range)?;
        }
        Ok(id)
    }

    /// A function's parameter and return annotations live in their own scope.
    fn function_annotations(
        &mut self,
        args: &ast::Arguments,
        returns: Option<&Expr>,
        range: ast::Range,
    ) -> Result<(), CompileError> {
        self.push_annotation_scope(node_key(args), range.lineno, range)?;
        let annotations = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(args.vararg.as_deref())
            .chain(args.kwarg.as_deref())
            .chain(&args.kwonlyargs)
            .filter_map(|a| a.annotation.as_deref())
            .chain(returns);
        for annotation in annotations {
            self.current().annotations_used = true;
            self.expr(annotation)?;
        }
        self.pop();
        Ok(())
    }

    /// An annotated assignment's annotation: evaluated lazily by the scope's
    /// `__annotate__` in a module or class, never evaluated in a function, whose
    /// annotation scope stays empty (CPython's `symtable_visit_annotation`).
    fn annotation(&mut self, annotation: &Expr) -> Result<(), CompileError> {
        let range = annotation.range();
        let current_id = self.current_id();
        let scope = self.current();
        let unevaluated = scope.kind == ScopeKind::Function;
        let conditional = scope.kind == ScopeKind::Module
            || (scope.kind == ScopeKind::Class && scope.in_conditional_block > 0);
        if conditional && !scope.has_conditional_annotations {
            scope.has_conditional_annotations = true;
            self.add_def("__conditional_annotations__", USE, range)?;
        }
        match self.table.scopes[current_id].annotation_block {
            Some(block) => {
                self.stack.push(block);
                self.class_names.push(None);
            }
            None => {
                let key = usize::MAX - current_id;
                let block = self.push_annotation_scope(key, range.lineno, range)?;
                self.table.scopes[current_id].annotation_block = Some(block);
            }
        }
        self.in_unevaluated_annotation = unevaluated;
        let result = self.expr(annotation);
        self.in_unevaluated_annotation = false;
        self.pop();
        result
    }

    fn argument_defaults(&mut self, args: &ast::Arguments) -> Result<(), CompileError> {
        self.exprs(&args.defaults)?;
        args.kw_defaults
            .iter()
            .flatten()
            .try_for_each(|e| self.expr(e))
    }

    fn parameters(&mut self, args: &ast::Arguments) -> Result<(), CompileError> {
        for arg in args.posonlyargs.iter().chain(&args.args) {
            self.add_def(&arg.arg, DEF_PARAM, arg.range)?;
        }
        for arg in &args.kwonlyargs {
            self.add_def(&arg.arg, DEF_PARAM, arg.range)?;
        }
        if let Some(arg) = &args.vararg {
            self.add_def(&arg.arg, DEF_PARAM, arg.range)?;
            self.current().has_varargs = true;
        }
        if let Some(arg) = &args.kwarg {
            self.add_def(&arg.arg, DEF_PARAM, arg.range)?;
            self.current().has_varkeywords = true;
        }
        Ok(())
    }

    fn pattern(&mut self, pattern: &ast::Pattern) -> Result<(), CompileError> {
        use ast::Pattern::*;
        match pattern {
            MatchValue { value, .. } => self.expr(value),
            MatchSingleton { .. } => Ok(()),
            MatchSequence { patterns, .. } | MatchOr { patterns, .. } => {
                patterns.iter().try_for_each(|p| self.pattern(p))
            }
            MatchMapping {
                keys,
                patterns,
                rest,
                range,
            } => {
                self.exprs(keys)?;
                patterns.iter().try_for_each(|p| self.pattern(p))?;
                match rest {
                    Some(name) => self.add_def(name, DEF_LOCAL, *range),
                    None => Ok(()),
                }
            }
            MatchClass {
                cls,
                patterns,
                kwd_patterns,
                ..
            } => {
                self.expr(cls)?;
                patterns
                    .iter()
                    .chain(kwd_patterns)
                    .try_for_each(|p| self.pattern(p))
            }
            MatchStar { name, range } => match name {
                Some(n) => self.add_def(n, DEF_LOCAL, *range),
                None => Ok(()),
            },
            MatchAs {
                pattern,
                name,
                range,
            } => {
                if let Some(p) = pattern {
                    self.pattern(p)?;
                }
                match name {
                    Some(n) => self.add_def(n, DEF_LOCAL, *range),
                    None => Ok(()),
                }
            }
        }
    }

    fn expr(&mut self, expr: &Expr) -> Result<(), CompileError> {
        self.depth += 1;
        let result = if self.depth > crate::error::MAX_COMPILE_DEPTH {
            Err(CompileError::too_deep(expr.range()))
        } else {
            self.expr_inner(expr)
        };
        self.depth -= 1;
        result
    }

    fn expr_inner(&mut self, expr: &Expr) -> Result<(), CompileError> {
        match expr {
            Expr::BoolOp { values, .. } => self.exprs(values)?,
            Expr::NamedExpr { target, value, .. } => {
                if self.comp_iter_expr > 0 {
                    return Err(CompileError::new(
                        "assignment expression cannot be used in a comprehension iterable \
                         expression"
                            .to_string(),
                        expr.range(),
                    ));
                }
                if self.current().is_comprehension {
                    self.bind_named_expr_outside(target)?;
                }
                self.expr(value)?;
                self.expr(target)?;
            }
            Expr::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)?;
            }
            Expr::UnaryOp { operand, .. } => self.expr(operand)?,
            Expr::Lambda { args, body, range } => {
                self.argument_defaults(args)?;
                self.push(
                    ScopeKind::Function,
                    "<lambda>",
                    node_key(expr),
                    range.lineno,
                );
                self.current().is_lambda = true;
                self.parameters(args)?;
                self.expr(body)?;
                self.pop();
            }
            Expr::IfExp {
                test, body, orelse, ..
            } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            Expr::Dict { keys, values, .. } => {
                keys.iter().flatten().try_for_each(|k| self.expr(k))?;
                self.exprs(values)?;
            }
            Expr::Set { elts, .. } | Expr::List { elts, .. } | Expr::Tuple { elts, .. } => {
                self.exprs(elts)?
            }
            Expr::ListComp {
                elt,
                generators,
                range,
            } => self.comprehension(expr, "<listcomp>", generators, &[elt], *range)?,
            Expr::SetComp {
                elt,
                generators,
                range,
            } => self.comprehension(expr, "<setcomp>", generators, &[elt], *range)?,
            Expr::GeneratorExp {
                elt,
                generators,
                range,
            } => self.comprehension(expr, "<genexpr>", generators, &[elt], *range)?,
            Expr::DictComp {
                key,
                value,
                generators,
                range,
            } => self.comprehension(expr, "<dictcomp>", generators, &[value, key], *range)?,
            Expr::Await { value, .. } => {
                self.expr(value)?;
                // An `await` makes a comprehension asynchronous (CPython sets
                // `ste_coroutine`); in a function, `async def` already did.
                if self.current().is_comprehension {
                    self.current().is_coroutine = true;
                }
            }
            Expr::Yield { value, range } => {
                self.mark_generator(*range, "yield")?;
                if let Some(v) = value {
                    self.expr(v)?;
                }
            }
            Expr::YieldFrom { value, range } => {
                self.mark_generator(*range, "yield from")?;
                self.expr(value)?;
            }
            Expr::Compare {
                left, comparators, ..
            } => {
                self.expr(left)?;
                self.exprs(comparators)?;
            }
            Expr::Call {
                func,
                args,
                keywords,
                ..
            } => {
                self.expr(func)?;
                self.exprs(args)?;
                keywords.iter().try_for_each(|k| self.expr(&k.value))?;
            }
            Expr::FormattedValue {
                value, format_spec, ..
            }
            | Expr::Interpolation {
                value, format_spec, ..
            } => {
                self.expr(value)?;
                if let Some(s) = format_spec {
                    self.expr(s)?;
                }
            }
            Expr::JoinedStr { values, .. } | Expr::TemplateStr { values, .. } => {
                self.exprs(values)?
            }
            Expr::Constant { .. } => {}
            Expr::Attribute { value, .. } => self.expr(value)?,
            Expr::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
            }
            Expr::Starred { value, .. } => self.expr(value)?,
            Expr::Slice {
                lower, upper, step, ..
            } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.expr(part)?;
                }
            }
            Expr::Name { .. } if self.in_unevaluated_annotation => {}
            Expr::Name { id, ctx, range } => {
                let flag = match ctx {
                    ast::ExprContext::Load => USE,
                    _ => DEF_LOCAL,
                };
                self.add_def(id, flag, *range)?;
                let scope = self.current();
                if *ctx == ast::ExprContext::Load
                    && scope.kind == ScopeKind::Function
                    && id == "super"
                {
                    self.add_def("__class__", USE, *range)?;
                }
            }
        }
        Ok(())
    }

    fn mark_generator(&mut self, range: ast::Range, what: &str) -> Result<(), CompileError> {
        let scope = self.current();
        if scope.kind != ScopeKind::Function {
            return Err(CompileError::new(
                format!("'{what}' outside function"),
                range,
            ));
        }
        if scope.is_comprehension && scope.name != "<genexpr>" {
            let kind = match scope.name.as_str() {
                "<listcomp>" => "list comprehension",
                "<setcomp>" => "set comprehension",
                _ => "dict comprehension",
            };
            return Err(CompileError::new(format!("'yield' inside {kind}"), range));
        }
        scope.is_generator = true;
        Ok(())
    }

    /// `(x := value)` inside a comprehension binds in the nearest enclosing
    /// non-comprehension scope: the comprehension sees the name as nonlocal (global at
    /// module level) and that scope gets the binding (CPython's
    /// `symtable_extend_namedexpr_scope`).
    fn bind_named_expr_outside(&mut self, target: &Expr) -> Result<(), CompileError> {
        let Expr::Name { id, range, .. } = target else {
            return Ok(());
        };
        let mangled = mangle(self.class_name(), id).into_owned();
        let mangled = self.table.names.intern(&mangled);
        for &scope_id in self.stack.iter().rev() {
            let scope = &self.table.scopes[scope_id];
            let flags = scope.flags_of(mangled);
            if scope.is_comprehension {
                if flags & DEF_COMP_ITER != 0 && flags & DEF_LOCAL != 0 {
                    return Err(CompileError::new(
                        format!(
                            "assignment expression cannot rebind comprehension iteration \
                             variable '{id}'"
                        ),
                        *range,
                    ));
                }
                continue;
            }
            let (comp_flag, outer_flag) = match scope.block_type {
                BlockType::Function if flags & DEF_GLOBAL != 0 => (DEF_GLOBAL, DEF_LOCAL),
                BlockType::Function => (DEF_NONLOCAL, DEF_LOCAL),
                BlockType::Module => (DEF_GLOBAL, DEF_GLOBAL),
                _ => {
                    return Err(CompileError::new(
                        "assignment expression within a comprehension cannot be used in a \
                         class body"
                            .to_string(),
                        *range,
                    ))
                }
            };
            self.add_def(id, comp_flag, *range)?;
            self.current().declarations.insert(mangled, *range);
            let outer = &mut self.table.scopes[scope_id];
            match outer.symbols.get_mut(&mangled) {
                Some(symbol) => symbol.flags |= outer_flag,
                None => {
                    outer.symbol_order.push(mangled);
                    outer
                        .symbols
                        .insert(mangled, Symbol::with_flags(outer_flag));
                }
            }
            return Ok(());
        }
        Ok(())
    }

    /// Comprehensions get their own function scope; the first iterable is evaluated in
    /// the enclosing scope and passed in as the hidden parameter `.0`.
    fn comprehension(
        &mut self,
        node: &Expr,
        name: &str,
        generators: &[ast::Comprehension],
        elements: &[&Expr],
        range: ast::Range,
    ) -> Result<(), CompileError> {
        let Some(first) = generators.first() else {
            return Ok(());
        };
        self.comp_iter_expr += 1;
        let outer_iter = self.expr(&first.iter);
        self.comp_iter_expr -= 1;
        outer_iter?;
        self.push(ScopeKind::Function, name, node_key(node), range.lineno);
        self.current().is_comprehension = true;
        if name == "<genexpr>" {
            self.current().is_generator = true;
        }
        self.add_def(".0", DEF_PARAM, range)?;
        for (index, generator) in generators.iter().enumerate() {
            self.comp_iter_target = true;
            let target = self.expr(&generator.target);
            self.comp_iter_target = false;
            target?;
            if index > 0 {
                self.comp_iter_expr += 1;
                let iter = self.expr(&generator.iter);
                self.comp_iter_expr -= 1;
                iter?;
            }
            self.exprs(&generator.ifs)?;
            if generator.is_async {
                self.current().is_coroutine = true;
            }
        }
        elements.iter().try_for_each(|e| self.expr(e))?;
        let is_async = self.current().is_coroutine && name != "<genexpr>";
        self.pop();
        if is_async {
            // An asynchronous list/set/dict comprehension is awaited where it stands:
            // that scope must be an `async def` or a comprehension (then asynchronous too).
            let parent = self.current();
            let is_async_def = parent.kind == ScopeKind::Function && parent.is_coroutine;
            if !is_async_def && !parent.is_comprehension {
                return Err(CompileError::new(
                    "asynchronous comprehension outside of an asynchronous function".to_string(),
                    range,
                ));
            }
            parent.is_coroutine = true;
        }
        Ok(())
    }
}
