//! Code generation for statements (CPython's `codegen_visit_stmt` and friends).

use std::borrow::Cow;

use adder_bytecode::{Constant, Opcode, PseudoOpcode};
use adder_syntax::ast::{self, Expr, ExprContext, Stmt};

use super::fblock::{FBlock, FBlockKind};
use super::{Compiler, Result, UnitKind};
use crate::error::CompileError;
use crate::intrinsics::{INTRINSIC_IMPORT_STAR, INTRINSIC_PRINT};
use crate::ir::{Loc, Op};

/// `LOAD_COMMON_CONSTANT` argument for `AssertionError`.
const CONSTANT_ASSERTIONERROR: u32 = 0;

/// The docstring of a body: a leading string-constant expression statement, with its
/// indentation cleaned as CPython 3.13+ stores it.
pub fn docstring(body: &[Stmt]) -> Option<String> {
    match body.first() {
        Some(Stmt::Expr { value, .. }) => match value.as_ref() {
            Expr::Constant {
                value: ast::Constant::Str(s),
                ..
            } => Some(clean_doc(s)),
            _ => None,
        },
        _ => None,
    }
}

/// CPython's `_PyCompile_CleanDoc`: expand tabs, strip the first line's leading spaces
/// and the common indentation of the following lines. The lines are found and measured
/// once (the indentation is ASCII spaces), and copied once.
fn clean_doc(doc: &str) -> String {
    let doc = expand_tabs(doc);
    let (first, rest) = match doc.find('\n') {
        Some(end) => doc.split_at(end + 1),
        None => (&*doc, ""),
    };
    let first = first.trim_start_matches(' ');
    // Each following line and its indentation; the margin is the least indentation of
    // the lines with text.
    let lines: Vec<(&str, usize)> = rest
        .split_inclusive('\n')
        .map(|line| (line, leading_spaces(line)))
        .collect();
    let margin = lines
        .iter()
        .filter(|(line, indent)| {
            line.as_bytes()
                .get(*indent)
                .is_some_and(|&after| after != b'\n')
        })
        .map(|&(_, indent)| indent)
        .min()
        .unwrap_or(0);
    let mut out = String::with_capacity(first.len() + rest.len());
    out.push_str(first);
    if margin == 0 {
        out.push_str(rest);
        return out;
    }
    for (line, indent) in lines {
        out.push_str(&line[indent.min(margin)..]);
    }
    out
}

/// The number of spaces `line` starts with.
fn leading_spaces(line: &str) -> usize {
    line.as_bytes().iter().take_while(|&&b| b == b' ').count()
}

/// `str.expandtabs()` with the default tab size of 8 (borrowed when there is no tab).
fn expand_tabs(text: &str) -> Cow<'_, str> {
    if !text.contains('\t') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut column = 0;
    for c in text.chars() {
        match c {
            '\t' => {
                let spaces = 8 - column % 8;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
            }
            '\n' | '\r' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    Cow::Owned(out)
}

impl<'a> Compiler<'a> {
    /// A module body: the docstring goes to `__doc__`.
    pub fn module_body(&mut self, body: &'a [Stmt]) -> Result<()> {
        let mut rest = body;
        if let (Some(doc), Some(first)) = (docstring(body), body.first()) {
            if self.optimize < 2 {
                let loc = Loc::from_range(first.range());
                self.load_const(Constant::Str(doc.into()), loc);
                self.nameop("__doc__", ExprContext::Store, loc)?;
            }
            rest = &body[1..];
        }
        self.stmts(rest)
    }

    pub fn stmts(&mut self, body: &'a [Stmt]) -> Result<()> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    pub fn stmt(&mut self, stmt: &'a Stmt) -> Result<()> {
        let range = stmt.range();
        self.enter_nested(range)?;
        // Annotations inside these statements only count if they run.
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
        self.unit().in_conditional_block += u32::from(conditional);
        // On an error the compile is abandoned and the unit stack may be left with a
        // nested unit on top (a class body that failed): restore only on success.
        self.stmt_inner(stmt)?;
        self.unit().in_conditional_block -= u32::from(conditional);
        self.leave_nested();
        Ok(())
    }

    fn stmt_inner(&mut self, stmt: &'a Stmt) -> Result<()> {
        let range = stmt.range();
        let loc = Loc::from_range(range);
        match stmt {
            Stmt::FunctionDef { .. } | Stmt::AsyncFunctionDef { .. } => self.function_def(stmt)?,
            Stmt::ClassDef { .. } => self.class_def(stmt)?,
            Stmt::Return { value, .. } => self.return_stmt(value.as_deref(), range)?,
            Stmt::Delete { targets, .. } => {
                for target in targets {
                    self.expr(target)?;
                }
            }
            Stmt::Assign { targets, value, .. } => {
                self.expr(value)?;
                for (i, target) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Opcode::Copy, 1, loc);
                    }
                    self.expr(target)?;
                }
            }
            Stmt::AugAssign {
                target, op, value, ..
            } => self.aug_assign(target, *op, value, loc)?,
            Stmt::AnnAssign { .. } => self.ann_assign(stmt, loc)?,
            Stmt::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => self.for_stmt(target, iter, body, orelse, range)?,
            Stmt::While {
                test, body, orelse, ..
            } => self.while_stmt(test, body, orelse, range)?,
            Stmt::If {
                test, body, orelse, ..
            } => {
                let end = self.new_label();
                let next = if orelse.is_empty() {
                    end
                } else {
                    self.new_label()
                };
                self.jump_if(test, next, false)?;
                self.stmts(body)?;
                if !orelse.is_empty() {
                    self.jump_no_interrupt(end, Loc::NONE);
                    self.place(next);
                    self.stmts(orelse)?;
                }
                self.place(end);
            }
            Stmt::Raise { exc, cause, .. } => {
                let mut n = 0;
                if let Some(exc) = exc {
                    self.expr(exc)?;
                    n += 1;
                    if let Some(cause) = cause {
                        self.expr(cause)?;
                        n += 1;
                    }
                }
                self.emit(Opcode::RaiseVarargs, n, loc);
            }
            Stmt::Try {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            } => {
                if finalbody.is_empty() {
                    self.try_except(body, handlers, orelse, range)?;
                } else {
                    self.try_finally(body, handlers, orelse, finalbody, range)?;
                }
            }
            Stmt::Assert { test, msg, .. } => {
                crate::warnings::check_assert(test, range);
                if self.optimize == 0 {
                    let end = self.new_label();
                    self.jump_if(test, end, true)?;
                    self.emit(Opcode::LoadCommonConstant, CONSTANT_ASSERTIONERROR, loc);
                    if let Some(msg) = msg {
                        self.expr(msg)?;
                        self.emit(Opcode::Call, 0, loc);
                    }
                    // At the test's position, as CPython.
                    self.emit(Opcode::RaiseVarargs, 1, Loc::from_range(test.range()));
                    self.place(end);
                }
            }
            Stmt::Import { names, .. } => self.import(names, loc)?,
            Stmt::ImportFrom {
                module,
                names,
                level,
                ..
            } => self.import_from(module.as_deref(), names, *level, loc)?,
            Stmt::Global { .. } | Stmt::Nonlocal { .. } => {}
            Stmt::Expr { value, .. } => self.expr_stmt(value, loc)?,
            Stmt::Pass { .. } => self.emit0(Opcode::Nop, loc),
            Stmt::Break { .. } => self.break_stmt(range)?,
            Stmt::Continue { .. } => self.continue_stmt(range)?,
            Stmt::With { items, body, .. } => self.with_stmt(items, body, 0, range, false)?,
            Stmt::AsyncWith { items, body, .. } => self.with_stmt(items, body, 0, range, true)?,
            Stmt::AsyncFor {
                target,
                iter,
                body,
                orelse,
                ..
            } => self.async_for_stmt(target, iter, body, orelse, range)?,
            Stmt::Match { subject, cases, .. } => self.match_stmt(subject, cases)?,
            Stmt::TypeAlias {
                name,
                type_params,
                value,
                ..
            } => {
                if let Expr::Name { id, .. } = name.as_ref() {
                    self.type_alias(stmt, id, type_params, value, loc)?;
                }
            }
            Stmt::TryStar {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            } => self.try_star(body, handlers, orelse, finalbody, range)?,
        }
        Ok(())
    }

    /// `target: annotation [= value]` (CPython's `codegen_annassign`): the assignment
    /// runs now; a simple name's annotation is deferred to `__annotate__` in modules and
    /// classes; other targets without a value still evaluate their object and index.
    fn ann_assign(&mut self, stmt: &'a Stmt, loc: Loc) -> Result<()> {
        let Stmt::AnnAssign {
            target,
            value,
            simple,
            ..
        } = stmt
        else {
            return Ok(());
        };
        if let Some(value) = value {
            self.expr(value)?;
            self.expr(target)?;
        }
        match target.as_ref() {
            Expr::Name { .. } => {
                let kind = self.unit_ref().kind;
                if *simple && matches!(kind, UnitKind::Module | UnitKind::Class) {
                    self.defer_annotation(stmt, loc)?;
                }
            }
            Expr::Attribute { value: object, .. } if value.is_none() => {
                self.check_ann_expr(object)?
            }
            Expr::Subscript {
                value: object,
                slice,
                ..
            } if value.is_none() => {
                self.check_ann_expr(object)?;
                self.check_ann_subscript(slice)?;
            }
            _ => {}
        }
        Ok(())
    }

    /// Evaluate and discard: names in un-assigned annotated targets must exist.
    fn check_ann_expr(&mut self, expr: &'a Expr) -> Result<()> {
        self.expr(expr)?;
        self.emit0(Opcode::PopTop, Loc::from_range(expr.range()));
        Ok(())
    }

    fn check_ann_subscript(&mut self, slice: &'a Expr) -> Result<()> {
        match slice {
            Expr::Slice {
                lower, upper, step, ..
            } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.check_ann_expr(part)?;
                }
                Ok(())
            }
            Expr::Tuple { elts, .. } => elts.iter().try_for_each(|e| self.check_ann_subscript(e)),
            _ => self.check_ann_expr(slice),
        }
    }

    fn expr_stmt(&mut self, value: &'a Expr, loc: Loc) -> Result<()> {
        if self.interactive && self.units.len() == 1 {
            self.expr(value)?;
            self.emit(Opcode::CallIntrinsic1, INTRINSIC_PRINT, loc);
            self.emit0(Opcode::PopTop, Loc::NONE);
            return Ok(());
        }
        if matches!(value, Expr::Constant { .. }) {
            self.emit0(Opcode::Nop, loc);
            return Ok(());
        }
        self.expr(value)?;
        self.emit0(Opcode::PopTop, Loc::NONE);
        Ok(())
    }

    fn return_stmt(&mut self, value: Option<&'a Expr>, range: ast::Range) -> Result<()> {
        let mut loc = Loc::from_range(range);
        if !self.scope().is_function() {
            return Err(CompileError::new(
                "'return' outside function".to_string(),
                range,
            ));
        }
        let scope = self.scope();
        if value.is_some() && scope.is_coroutine && scope.is_generator {
            return Err(CompileError::new(
                "'return' with value in async generator".to_string(),
                range,
            ));
        }
        let preserve_tos = value.is_some_and(|v| !matches!(v, Expr::Constant { .. }));
        match value {
            Some(v) if preserve_tos => self.expr(v)?,
            Some(v) => self.emit0(Opcode::Nop, Loc::from_range(v.range())),
            None => {}
        }
        if value.is_none_or(|v| v.range().lineno != range.lineno) {
            self.emit0(Opcode::Nop, loc);
        }
        self.unwind_fblock_stack(&mut loc, preserve_tos, false, range)?;
        match value {
            None => self.load_const(Constant::None, loc),
            Some(Expr::Constant { value, .. }) if !preserve_tos => {
                let c = self.constant(value);
                self.load_const(c, loc);
            }
            _ => {}
        }
        self.emit0(Opcode::ReturnValue, loc);
        Ok(())
    }

    fn break_stmt(&mut self, range: ast::Range) -> Result<()> {
        let mut loc = Loc::from_range(range);
        self.emit0(Opcode::Nop, loc);
        let Some(lp) = self.unwind_fblock_stack(&mut loc, false, true, range)? else {
            return Err(CompileError::new("'break' outside loop".to_string(), range));
        };
        self.unwind_fblock(&lp, &mut loc, false)?;
        if let Some(exit) = lp.exit {
            self.jump(exit, loc);
        }
        Ok(())
    }

    fn continue_stmt(&mut self, range: ast::Range) -> Result<()> {
        let mut loc = Loc::from_range(range);
        self.emit0(Opcode::Nop, loc);
        let Some(lp) = self.unwind_fblock_stack(&mut loc, false, true, range)? else {
            return Err(CompileError::new(
                "'continue' not properly in loop".to_string(),
                range,
            ));
        };
        self.jump(lp.block, loc);
        Ok(())
    }

    fn while_stmt(
        &mut self,
        test: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
        range: ast::Range,
    ) -> Result<()> {
        let top = self.new_label();
        let anchor = self.new_label();
        let end = self.new_label();
        self.place(top);
        self.push_fblock(
            FBlock::new(
                FBlockKind::WhileLoop,
                top,
                Some(end),
                Loc::from_range(range),
            ),
            range,
        )?;
        self.jump_if(test, anchor, false)?;
        self.stmts(body)?;
        self.jump(top, Loc::NONE);
        self.pop_fblock();
        self.place(anchor);
        self.stmts(orelse)?;
        self.place(end);
        Ok(())
    }

    fn for_stmt(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
        range: ast::Range,
    ) -> Result<()> {
        let start = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.push_fblock(
            FBlock::new(
                FBlockKind::ForLoop,
                start,
                Some(end),
                Loc::from_range(range),
            ),
            range,
        )?;
        self.expr(iter)?;
        let loc = Loc::from_range(iter.range());
        self.emit0(Opcode::GetIter, loc);
        self.place(start);
        self.emit_jump(Op::Real(Opcode::ForIter), cleanup, loc);
        // Line tracing of multi-line `for` headers; removed when redundant. (No label
        // here: CPython's body starts in the same block, which matters for later passes.)
        self.emit0(Opcode::Nop, Loc::from_range(target.range()));
        self.expr(target)?;
        self.stmts(body)?;
        self.jump(start, Loc::NONE);
        self.place(cleanup);
        self.emit0(Opcode::EndFor, Loc::NONE);
        self.emit0(Opcode::PopIter, Loc::NONE);
        self.pop_fblock();
        self.stmts(orelse)?;
        self.place(end);
        Ok(())
    }

    fn aug_assign(
        &mut self,
        target: &'a Expr,
        op: ast::Operator,
        value: &'a Expr,
        loc: Loc,
    ) -> Result<()> {
        let target_loc = Loc::from_range(target.range());
        match target {
            Expr::Attribute {
                value: object,
                attr,
                ..
            } => {
                self.expr(object)?;
                self.emit(Opcode::Copy, 1, target_loc);
                let index = self.add_name(attr);
                let attr_loc = target_loc.at_attribute(target.range(), attr);
                self.emit(Opcode::LoadAttr, index << 1, attr_loc);
            }
            Expr::Subscript {
                value: object,
                slice,
                ..
            } => {
                self.expr(object)?;
                if self.is_two_element_slice(slice) {
                    self.slice_two_parts(slice)?;
                    self.emit(Opcode::Copy, 3, target_loc);
                    self.emit(Opcode::Copy, 3, target_loc);
                    self.emit(Opcode::Copy, 3, target_loc);
                    self.emit0(Opcode::BinarySlice, target_loc);
                } else {
                    self.expr(slice)?;
                    self.emit(Opcode::Copy, 2, target_loc);
                    self.emit(Opcode::Copy, 2, target_loc);
                    self.emit(Opcode::BinaryOp, super::expr::NB_SUBSCR, target_loc);
                }
            }
            Expr::Name { id, .. } => self.nameop(id, ExprContext::Load, target_loc)?,
            _ => {
                return Err(CompileError::new(
                    "'expression' is an illegal expression for augmented assignment".to_string(),
                    target.range(),
                ))
            }
        }
        self.expr(value)?;
        self.emit(Opcode::BinaryOp, super::expr::binary_op_arg(op, true), loc);
        match target {
            Expr::Attribute { attr, .. } => {
                let attr_loc = target_loc.at_attribute(target.range(), attr);
                self.emit(Opcode::Swap, 2, attr_loc);
                let index = self.add_name(attr);
                self.emit(Opcode::StoreAttr, index, attr_loc);
            }
            Expr::Subscript { slice, .. } => {
                if self.is_two_element_slice(slice) {
                    self.emit(Opcode::Swap, 4, target_loc);
                    self.emit(Opcode::Swap, 3, target_loc);
                    self.emit(Opcode::Swap, 2, target_loc);
                    self.emit0(Opcode::StoreSlice, target_loc);
                } else {
                    self.emit(Opcode::Swap, 3, target_loc);
                    self.emit(Opcode::Swap, 2, target_loc);
                    self.emit0(Opcode::StoreSubscr, target_loc);
                }
            }
            Expr::Name { id, .. } => self.nameop(id, ExprContext::Store, target_loc)?,
            _ => {}
        }
        Ok(())
    }

    /// `async for` (CPython's `codegen_async_for`).
    fn async_for_stmt(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
        range: ast::Range,
    ) -> Result<()> {
        if !self.scope().is_coroutine {
            return Err(CompileError::new(
                "'async for' outside async function".to_string(),
                range,
            ));
        }
        let loc = Loc::from_range(range);
        let start = self.new_label();
        let except = self.new_label();
        let end = self.new_label();
        self.expr(iter)?;
        let iter_loc = Loc::from_range(iter.range());
        self.emit0(Opcode::GetAiter, iter_loc);
        self.place(start);
        self.push_fblock(
            FBlock::new(FBlockKind::AsyncForLoop, start, Some(end), loc),
            range,
        )?;
        self.emit_jump(Op::Pseudo(PseudoOpcode::SetupFinally), except, loc);
        self.emit0(Opcode::GetAnext, loc);
        self.load_const(Constant::None, loc);
        let send = self.add_yield_from(loc, true);
        self.emit_pseudo(PseudoOpcode::PopBlock, 0, loc);
        self.emit0(Opcode::NotTaken, loc);
        self.expr(target)?;
        self.stmts(body)?;
        self.jump(start, Loc::NONE);
        self.pop_fblock();
        self.place(except);
        self.emit_jump(Op::Real(Opcode::EndAsyncFor), send, iter_loc);
        self.stmts(orelse)?;
        self.place(end);
        Ok(())
    }

    /// `import a, b.c as d`: every instruction carries the statement's location, as
    /// CPython's `codegen_import` (`LOC(s)`), not the alias's.
    fn import(&mut self, names: &'a [ast::Alias], loc: Loc) -> Result<()> {
        for alias in names {
            self.load_const(Constant::Int(0.into()), loc);
            self.load_const(Constant::None, loc);
            // Module and imported names are mangled as CPython's ADDOP_NAME does (a
            // dotted name never is); the attributes of `import a.b as c` are not.
            let index = self.add_name(&alias.name);
            self.emit(Opcode::ImportName, index, loc);
            match &alias.asname {
                Some(asname) => {
                    let mut parts = alias.name.split('.').skip(1).peekable();
                    if parts.peek().is_some() {
                        while let Some(attr) = parts.next() {
                            let index = self.unit().names.add(attr);
                            self.emit(Opcode::ImportFrom, index, loc);
                            if parts.peek().is_some() {
                                self.emit(Opcode::Swap, 2, loc);
                                self.emit0(Opcode::PopTop, loc);
                            }
                        }
                        self.nameop(asname, ExprContext::Store, loc)?;
                        self.emit0(Opcode::PopTop, loc);
                    } else {
                        self.nameop(asname, ExprContext::Store, loc)?;
                    }
                }
                None => {
                    let first = alias.name.split('.').next().unwrap_or(&alias.name);
                    self.nameop(first, ExprContext::Store, loc)?;
                }
            }
        }
        Ok(())
    }

    fn import_from(
        &mut self,
        module: Option<&str>,
        names: &'a [ast::Alias],
        level: u32,
        loc: Loc,
    ) -> Result<()> {
        self.load_const(Constant::Int(level.into()), loc);
        let fromlist: Vec<Constant> = names
            .iter()
            .map(|a| Constant::Str(a.name.as_str().into()))
            .collect();
        self.load_const(Constant::Tuple(fromlist.into()), loc);
        let index = self.add_name(module.unwrap_or(""));
        self.emit(Opcode::ImportName, index, loc);
        for alias in names {
            if alias.name == "*" {
                if self.unit_ref().kind != UnitKind::Module {
                    return Err(CompileError::new(
                        "import * only allowed at module level".to_string(),
                        ast::Range {
                            lineno: loc.lineno as u32,
                            ..Default::default()
                        },
                    ));
                }
                self.emit(Opcode::CallIntrinsic1, INTRINSIC_IMPORT_STAR, loc);
                self.emit0(Opcode::PopTop, Loc::NONE);
                return Ok(());
            }
            let index = self.add_name(&alias.name);
            self.emit(Opcode::ImportFrom, index, loc);
            let store = alias.asname.as_deref().unwrap_or(&alias.name);
            self.nameop(store, ExprContext::Store, loc)?;
        }
        self.emit0(Opcode::PopTop, Loc::NONE);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::clean_doc;

    #[test]
    fn docstrings_are_cleaned_as_cpython_stores_them() {
        // Expected values from the reference: the `__doc__` of functions with these
        // docstrings.
        assert_eq!(
            clean_doc("  first\n    a\n      b\n    "),
            "first\na\n  b\n"
        );
        assert_eq!(clean_doc("x\n\tline\n  \n"), "x\nline\n\n");
        assert_eq!(clean_doc("only"), "only");
        assert_eq!(clean_doc("a\n b\n    \n   c  "), "a\nb\n   \n  c  ");
        assert_eq!(clean_doc("a\nb\n  c"), "a\nb\n  c");
    }
}
