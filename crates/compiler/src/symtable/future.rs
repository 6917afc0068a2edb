//! `from __future__ import ...` (CPython's `Python/future.c`): which features a module
//! turns on, and the errors for unknown features. Future imports count only at the top
//! of a module (after the docstring); where the valid ones end is remembered so that
//! the symbol-table builder can reject a later one.

use adder_syntax::ast::{self, Expr, Stmt};

use crate::error::CompileError;

/// Features the language still recognises; all but `annotations` are no-ops now.
const KNOWN_FEATURES: [&str; 10] = [
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

/// What a module's future imports say.
#[derive(Default)]
pub(super) struct Future {
    /// `from __future__ import annotations`: annotations are kept as strings.
    pub annotations: bool,
    /// Line and column of the last valid future import (CPython's `ff_location`).
    last_import: Option<(u32, u32)>,
}

impl Future {
    /// Whether a future import at `range` comes after the valid ones (an error).
    pub fn is_late(&self, range: ast::Range) -> bool {
        match self.last_import {
            None => true,
            Some(at) => (range.lineno, range.col_offset) > at,
        }
    }
}

/// Whether `stmt` is `from __future__ import ...`.
pub(super) fn is_future_import(stmt: &Stmt) -> bool {
    matches!(stmt, Stmt::ImportFrom { module: Some(m), level: 0, .. } if m == "__future__")
}

/// Read the future imports at the top of `module` (CPython's `future_parse`): those
/// that follow the docstring and each other. Checking stops at the first statement on
/// a later line than a non-future statement.
pub(super) fn parse(module: &ast::Mod) -> Result<Future, CompileError> {
    let mut future = Future::default();
    let (ast::Mod::Module { body, .. } | ast::Mod::Interactive { body }) = module else {
        return Ok(future);
    };
    let skip = usize::from(body.first().is_some_and(is_docstring));
    let mut done = false;
    let mut previous_line = 0;
    for stmt in &body[skip..] {
        let range = stmt.range();
        if done && range.lineno > previous_line {
            break;
        }
        previous_line = range.lineno;
        let Stmt::ImportFrom { names, .. } = stmt else {
            done = true;
            continue;
        };
        if !is_future_import(stmt) {
            done = true;
            continue;
        }
        if done {
            return Err(late_import(range));
        }
        for alias in names {
            check_feature(alias)?;
            future.annotations |= alias.name == "annotations";
        }
        future.last_import = Some((range.lineno, range.col_offset));
    }
    Ok(future)
}

/// The error for a future import after other statements.
pub(super) fn late_import(range: ast::Range) -> CompileError {
    CompileError::new(
        "from __future__ imports must occur at the beginning of the file".to_string(),
        range,
    )
}

fn check_feature(alias: &ast::Alias) -> Result<(), CompileError> {
    if KNOWN_FEATURES.contains(&alias.name.as_str()) {
        return Ok(());
    }
    let msg = if alias.name == "braces" {
        "not a chance".to_string()
    } else {
        format!("future feature {} is not defined", alias.name)
    };
    Err(CompileError::new(msg, alias.range))
}

/// A string constant as a module's first statement (CPython's `_PyAST_GetDocString`).
fn is_docstring(stmt: &Stmt) -> bool {
    matches!(
        stmt,
        Stmt::Expr { value, .. } if matches!(
            value.as_ref(),
            Expr::Constant { value: ast::Constant::Str(_), .. }
        )
    )
}
