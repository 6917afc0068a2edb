//! The compiler's SyntaxWarnings (CPython 3.14's `_PyCompile_Warn` calls in
//! `codegen.c` and the PEP 765 check of `ast_preprocess.c`), recorded as values
//! through `adder_syntax::warnings` for the caller to emit: "is" with a literal,
//! calling or subscripting a literal that cannot be, an assertion on a tuple, and
//! `return`/`break`/`continue` leaving a `finally` block.

use adder_syntax::ast::{CmpOp, Constant, ExceptHandler, Expr, Mod, Range, Stmt};
use adder_syntax::warnings::{self, CompileWarning};
use adder_syntax::{SyntaxError, SyntaxErrorKind};

/// Statement nesting the `finally` check follows; deeper trees (only buildable as
/// AST objects) are left to codegen's own nesting limit.
const MAX_STATEMENT_DEPTH: usize = 1000;

/// Record `message` at `range`. When it becomes an error CPython raises it at the
/// node's byte columns, without source text (it reads the line from the file).
fn warn(message: String, range: Range) {
    warnings::record(CompileWarning::from_error(SyntaxError {
        kind: SyntaxErrorKind::SyntaxError,
        msg: message,
        lineno: range.lineno,
        offset: one_based(range.col_offset),
        end_lineno: range.end_lineno,
        end_offset: one_based(range.end_col_offset),
        text: None,
    }));
}

/// A 0-based column as a SyntaxError's 1-based offset; positions from AST objects
/// given to `compile()` may be any size, so it saturates instead of overflowing.
fn one_based(col_offset: u32) -> i32 {
    i32::try_from(col_offset)
        .unwrap_or(i32::MAX)
        .saturating_add(1)
}

/// The type a literal expression certainly evaluates to (CPython's `infer_type`),
/// by its `tp_name`.
fn inferred_type(e: &Expr) -> Option<&'static str> {
    Some(match e {
        Expr::Tuple { .. } => "tuple",
        Expr::List { .. } | Expr::ListComp { .. } => "list",
        Expr::Dict { .. } | Expr::DictComp { .. } => "dict",
        Expr::Set { .. } | Expr::SetComp { .. } => "set",
        Expr::GeneratorExp { .. } => "generator",
        Expr::Lambda { .. } => "function",
        Expr::JoinedStr { .. } | Expr::FormattedValue { .. } => "str",
        Expr::TemplateStr { .. } => "string.templatelib.Template",
        Expr::Interpolation { .. } => "string.templatelib.Interpolation",
        Expr::Constant { value, .. } => constant_type(value),
        _ => return None,
    })
}

fn constant_type(value: &Constant) -> &'static str {
    match value {
        Constant::None => "NoneType",
        Constant::Bool(_) => "bool",
        Constant::Ellipsis => "ellipsis",
        Constant::Int(_) => "int",
        Constant::Float(_) => "float",
        Constant::Complex { .. } => "complex",
        Constant::Str(_) | Constant::SurrogateStr(_) => "str",
        Constant::Bytes(_) => "bytes",
        Constant::Tuple(_) => "tuple",
        Constant::FrozenSet(_) => "frozenset",
    }
}

/// Whether `e` may stand beside `is`: anything but a literal, or a named
/// singleton. A tuple of plain constants counts as a literal (CPython's
/// `check_is_arg`, which sees the tuple the optimizer will fold).
fn fine_beside_is(e: &Expr) -> bool {
    match e {
        Expr::Tuple { elts, .. } => !elts.iter().all(|e| matches!(e, Expr::Constant { .. })),
        Expr::Constant { value, .. } => matches!(
            value,
            Constant::None | Constant::Bool(_) | Constant::Ellipsis
        ),
        _ => true,
    }
}

/// `x is 1`: the first `is`/`is not` of a comparison chain with a literal operand.
pub(crate) fn check_compare(left: &Expr, ops: &[CmpOp], comparators: &[Expr], range: Range) {
    let operands = std::iter::once(left).chain(comparators);
    for ((op, a), b) in ops.iter().zip(operands.clone()).zip(operands.skip(1)) {
        let (is, suggestion) = match op {
            CmpOp::Is => ("is", "=="),
            CmpOp::IsNot => ("is not", "!="),
            _ => continue,
        };
        let literal = if fine_beside_is(a) { b } else { a };
        if fine_beside_is(a) && fine_beside_is(b) {
            continue;
        }
        let name = inferred_type(literal).unwrap_or("object");
        warn(
            format!("\"{is}\" with '{name}' literal. Did you mean \"{suggestion}\"?"),
            range,
        );
        return;
    }
}

/// `(1, 2)(3)`: calling a literal that cannot be called (CPython's `check_caller`).
pub(crate) fn check_caller(func: &Expr) {
    let callable_kind = matches!(
        func,
        Expr::Constant { .. }
            | Expr::Tuple { .. }
            | Expr::List { .. }
            | Expr::ListComp { .. }
            | Expr::Dict { .. }
            | Expr::DictComp { .. }
            | Expr::Set { .. }
            | Expr::SetComp { .. }
            | Expr::GeneratorExp { .. }
            | Expr::JoinedStr { .. }
            | Expr::TemplateStr { .. }
            | Expr::FormattedValue { .. }
            | Expr::Interpolation { .. }
    );
    if let (true, Some(name)) = (callable_kind, inferred_type(func)) {
        warn(
            format!("'{name}' object is not callable; perhaps you missed a comma?"),
            func.range(),
        );
    }
}

/// `1[0]`, `"a"["b"]`: subscripting (for a load) a literal that cannot be, or a
/// sequence literal with an index that cannot be one (CPython's
/// `check_subscripter` and `check_index`).
pub(crate) fn check_subscript(value: &Expr, slice: &Expr) {
    let unsubscriptable = match value {
        Expr::Constant { value, .. } => matches!(
            value,
            Constant::None
                | Constant::Ellipsis
                | Constant::Int(_)
                | Constant::Bool(_)
                | Constant::Float(_)
                | Constant::Complex { .. }
                | Constant::FrozenSet(_)
        ),
        Expr::Set { .. }
        | Expr::SetComp { .. }
        | Expr::GeneratorExp { .. }
        | Expr::TemplateStr { .. }
        | Expr::Interpolation { .. }
        | Expr::Lambda { .. } => true,
        _ => false,
    };
    let Some(name) = inferred_type(value) else {
        return;
    };
    if unsubscriptable {
        warn(
            format!("'{name}' object is not subscriptable; perhaps you missed a comma?"),
            value.range(),
        );
    }
    let index_type = match inferred_type(slice) {
        Some("int" | "bool") | None => return,
        Some(index_type) => index_type,
    };
    let sequence = match value {
        Expr::Constant { value, .. } => matches!(
            value,
            Constant::Str(_) | Constant::SurrogateStr(_) | Constant::Bytes(_) | Constant::Tuple(_)
        ),
        Expr::Tuple { .. }
        | Expr::List { .. }
        | Expr::ListComp { .. }
        | Expr::JoinedStr { .. }
        | Expr::FormattedValue { .. }
        | Expr::Interpolation { .. } => true,
        _ => false,
    };
    if sequence {
        warn(
            format!(
                "{name} indices must be integers or slices, not {index_type}; perhaps you missed a comma?"
            ),
            value.range(),
        );
    }
}

/// `assert (x, "message")`: a non-empty tuple is always true.
pub(crate) fn check_assert(test: &Expr, range: Range) {
    if matches!(test, Expr::Tuple { elts, .. } if !elts.is_empty()) {
        warn(
            "assertion is always true, perhaps remove parentheses?".to_string(),
            range,
        );
    }
}

/// PEP 765: `return`, `break` or `continue` that would leave a `finally` block.
/// As in CPython 3.14, a loop or function inside the `finally` block ends the
/// check (a class body does not), and the whole module is checked before codegen.
pub(crate) fn check_finally_control_flow(module: &Mod) {
    if let Mod::Module { body, .. } | Mod::Interactive { body } = module {
        finally_flow(body, false, 0);
    }
}

fn finally_flow(body: &[Stmt], in_finally: bool, depth: usize) {
    if depth > MAX_STATEMENT_DEPTH {
        return;
    }
    let nested = |body: &[Stmt], in_finally: bool| finally_flow(body, in_finally, depth + 1);
    for stmt in body {
        match stmt {
            Stmt::Return { range, .. } if in_finally => warn_leaving_finally("return", *range),
            Stmt::Break { range } if in_finally => warn_leaving_finally("break", *range),
            Stmt::Continue { range } if in_finally => warn_leaving_finally("continue", *range),
            Stmt::FunctionDef { body, .. } | Stmt::AsyncFunctionDef { body, .. } => {
                nested(body, false)
            }
            Stmt::ClassDef { body, .. } => nested(body, in_finally),
            Stmt::For { body, orelse, .. }
            | Stmt::AsyncFor { body, orelse, .. }
            | Stmt::While { body, orelse, .. } => {
                nested(body, false);
                nested(orelse, in_finally);
            }
            Stmt::If { body, orelse, .. } => {
                nested(body, in_finally);
                nested(orelse, in_finally);
            }
            Stmt::With { body, .. } | Stmt::AsyncWith { body, .. } => nested(body, in_finally),
            Stmt::Match { cases, .. } => {
                for case in cases {
                    nested(&case.body, in_finally);
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
                nested(body, in_finally);
                for ExceptHandler::ExceptHandler { body, .. } in handlers {
                    nested(body, in_finally);
                }
                nested(orelse, in_finally);
                nested(finalbody, true);
            }
            _ => {}
        }
    }
}

fn warn_leaving_finally(keyword: &str, range: Range) {
    warn(format!("'{keyword}' in a 'finally' block"), range);
}
