//! `try` and `with` statements (CPython's `codegen_try_except`, `codegen_try_finally`,
//! `codegen_with`, `codegen_async_with`): protected regions set up with
//! `SETUP_FINALLY`/`SETUP_CLEANUP`/`SETUP_WITH` pseudo-ops (which become exception-table
//! entries), handlers entered with `PUSH_EXC_INFO` and left with `POP_EXCEPT`.

use adder_bytecode::{Constant, Opcode, PseudoOpcode};
use adder_syntax::ast::{self, ExprContext, Stmt};

use super::fblock::{FBlock, FBlockKind};
use super::{Compiler, Result};
use crate::error::CompileError;
use crate::ir::{Loc, Op};

/// `LOAD_SPECIAL` arguments.
const SPECIAL_ENTER: u32 = 0;
const SPECIAL_EXIT: u32 = 1;
const SPECIAL_AENTER: u32 = 2;
const SPECIAL_AEXIT: u32 = 3;

impl<'a> Compiler<'a> {
    /// `try: ... except ...: ... else: ...` (CPython's `codegen_try_except`).
    pub fn try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [Stmt],
        range: ast::Range,
    ) -> Result<()> {
        let loc = Loc::from_range(range);
        let body_label = self.new_label();
        let except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        self.emit_jump(Op::Pseudo(PseudoOpcode::SetupFinally), except, loc);
        self.place(body_label);
        self.push_fblock(
            FBlock::new(FBlockKind::TryExcept, body_label, None, loc),
            range,
        )?;
        self.stmts(body)?;
        self.pop_fblock();
        self.emit_pseudo(PseudoOpcode::PopBlock, 0, Loc::NONE);
        self.stmts(orelse)?;
        self.jump_no_interrupt(end, Loc::NONE);
        self.place(except);
        self.emit_jump(Op::Pseudo(PseudoOpcode::SetupCleanup), cleanup, Loc::NONE);
        self.emit0(Opcode::PushExcInfo, Loc::NONE);
        self.push_fblock(
            FBlock::new(FBlockKind::ExceptionHandler, except, None, Loc::NONE),
            range,
        )?;
        for (
            i,
            ast::ExceptHandler::ExceptHandler {
                r#type,
                name,
                body,
                range: hrange,
            },
        ) in handlers.iter().enumerate()
        {
            let hloc = Loc::from_range(*hrange);
            if r#type.is_none() && i + 1 < handlers.len() {
                return Err(CompileError::new(
                    "default 'except:' must be last".to_string(),
                    *hrange,
                ));
            }
            let next_except = self.new_label();
            if let Some(t) = r#type {
                self.expr(t)?;
                self.emit0(Opcode::CheckExcMatch, hloc);
                self.emit_jump(Op::Real(Opcode::PopJumpIfFalse), next_except, hloc);
            }
            if let Some(name) = name {
                let cleanup_end = self.new_label();
                let cleanup_body = self.new_label();
                self.nameop(name, ExprContext::Store, hloc)?;
                self.emit_jump(Op::Pseudo(PseudoOpcode::SetupCleanup), cleanup_end, hloc);
                self.place(cleanup_body);
                let mut fb = FBlock::new(FBlockKind::HandlerCleanup, cleanup_body, None, hloc);
                fb.handler_name = Some(name.as_str());
                self.push_fblock(fb, *hrange)?;
                self.stmts(body)?;
                self.pop_fblock();
                self.emit_pseudo(PseudoOpcode::PopBlock, 0, Loc::NONE);
                self.emit_pseudo(PseudoOpcode::PopBlock, 0, Loc::NONE);
                self.emit0(Opcode::PopExcept, Loc::NONE);
                self.load_const(Constant::None, Loc::NONE);
                self.nameop(name, ExprContext::Store, Loc::NONE)?;
                self.nameop(name, ExprContext::Del, Loc::NONE)?;
                self.jump_no_interrupt(end, Loc::NONE);
                self.place(cleanup_end);
                self.load_const(Constant::None, Loc::NONE);
                self.nameop(name, ExprContext::Store, Loc::NONE)?;
                self.nameop(name, ExprContext::Del, Loc::NONE)?;
                self.emit(Opcode::Reraise, 1, Loc::NONE);
            } else {
                let cleanup_body = self.new_label();
                self.emit0(Opcode::PopTop, hloc);
                self.place(cleanup_body);
                self.push_fblock(
                    FBlock::new(FBlockKind::HandlerCleanup, cleanup_body, None, hloc),
                    *hrange,
                )?;
                self.stmts(body)?;
                self.pop_fblock();
                self.emit_pseudo(PseudoOpcode::PopBlock, 0, Loc::NONE);
                self.emit0(Opcode::PopExcept, Loc::NONE);
                self.jump_no_interrupt(end, Loc::NONE);
            }
            self.place(next_except);
        }
        self.pop_fblock();
        self.emit(Opcode::Reraise, 0, Loc::NONE);
        self.place(cleanup);
        self.pop_except_and_reraise(Loc::NONE);
        self.place(end);
        Ok(())
    }

    /// `COPY 3; POP_EXCEPT; RERAISE 1`: restore the previous exception and re-raise.
    pub fn pop_except_and_reraise(&mut self, loc: Loc) {
        self.emit(Opcode::Copy, 3, loc);
        self.emit0(Opcode::PopExcept, loc);
        self.emit(Opcode::Reraise, 1, loc);
    }

    /// `try: ... finally: ...` (CPython's `codegen_try_finally`).
    pub fn try_finally(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
        range: ast::Range,
    ) -> Result<()> {
        self.try_finally_with(finalbody, range, |c| {
            if handlers.is_empty() {
                c.stmts(body)
            } else {
                c.try_except(body, handlers, orelse, range)
            }
        })
    }

    /// The `finally` frame shared by `try` and `try`/`except*`: `protected` emits what
    /// the `finally` body guards (CPython's `codegen_try_finally` and
    /// `codegen_try_star_finally` differ only there).
    pub fn try_finally_with(
        &mut self,
        finalbody: &'a [Stmt],
        range: ast::Range,
        protected: impl FnOnce(&mut Self) -> Result<()>,
    ) -> Result<()> {
        let loc = Loc::from_range(range);
        let body_label = self.new_label();
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.emit_jump(Op::Pseudo(PseudoOpcode::SetupFinally), end, loc);
        self.place(body_label);
        let mut fb = FBlock::new(FBlockKind::FinallyTry, body_label, Some(end), loc);
        fb.finally_body = Some(finalbody);
        self.push_fblock(fb, range)?;
        protected(self)?;
        self.emit_pseudo(PseudoOpcode::PopBlock, 0, Loc::NONE);
        self.pop_fblock();
        self.stmts(finalbody)?;
        self.jump_no_interrupt(exit, Loc::NONE);
        self.place(end);
        self.emit_jump(Op::Pseudo(PseudoOpcode::SetupCleanup), cleanup, Loc::NONE);
        self.emit0(Opcode::PushExcInfo, Loc::NONE);
        self.push_fblock(
            FBlock::new(FBlockKind::FinallyEnd, end, None, Loc::NONE),
            range,
        )?;
        self.stmts(finalbody)?;
        self.pop_fblock();
        self.emit(Opcode::Reraise, 0, Loc::NONE);
        self.place(cleanup);
        self.pop_except_and_reraise(Loc::NONE);
        self.place(exit);
        Ok(())
    }

    /// `with a as x, b: ...` and `async with` (CPython's `codegen_with` /
    /// `codegen_async_with`), one item per recursion level.
    pub fn with_stmt(
        &mut self,
        items: &'a [ast::WithItem],
        body: &'a [Stmt],
        pos: usize,
        range: ast::Range,
        is_async: bool,
    ) -> Result<()> {
        let Some(item) = items.get(pos) else {
            return self.stmts(body);
        };
        if is_async && !self.scope().is_coroutine {
            return Err(CompileError::new(
                "'async with' outside async function".to_string(),
                range,
            ));
        }
        // CPython attributes the whole protocol to the item's context expression.
        let loc = Loc::from_range(item.context_expr.range());
        let block = self.new_label();
        let final_label = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        let (enter, exit_method) = if is_async {
            (SPECIAL_AENTER, SPECIAL_AEXIT)
        } else {
            (SPECIAL_ENTER, SPECIAL_EXIT)
        };
        self.expr(&item.context_expr)?;
        // [mgr] -> [bound __exit__ (2 slots), __enter__() result]
        self.emit(Opcode::Copy, 1, loc);
        self.emit(Opcode::LoadSpecial, exit_method, loc);
        self.emit(Opcode::Swap, 2, loc);
        self.emit(Opcode::Swap, 3, loc);
        self.emit(Opcode::LoadSpecial, enter, loc);
        self.emit(Opcode::Call, 0, loc);
        if is_async {
            self.await_top(1, loc);
        }
        self.emit_jump(Op::Pseudo(PseudoOpcode::SetupWith), final_label, loc);
        self.place(block);
        let kind = if is_async {
            FBlockKind::AsyncWith
        } else {
            FBlockKind::With
        };
        self.push_fblock(FBlock::new(kind, block, Some(final_label), loc), range)?;
        match &item.optional_vars {
            Some(target) => self.expr(target)?,
            None => self.emit0(Opcode::PopTop, loc),
        }
        self.with_stmt(items, body, pos + 1, range, is_async)?;
        self.pop_fblock();
        // CPython marks the sync exit path artificial, the async one with the statement.
        self.emit_pseudo(
            PseudoOpcode::PopBlock,
            0,
            if is_async { loc } else { Loc::NONE },
        );
        self.call_exit_with_nones(loc);
        if is_async {
            self.await_top(2, loc);
        }
        self.emit0(Opcode::PopTop, loc);
        self.jump(exit, loc);
        self.place(final_label);
        self.emit_jump(Op::Pseudo(PseudoOpcode::SetupCleanup), cleanup, loc);
        self.emit0(Opcode::PushExcInfo, loc);
        self.emit0(Opcode::WithExceptStart, loc);
        if is_async {
            self.await_top(2, loc);
        }
        self.with_except_finish(cleanup);
        self.place(exit);
        Ok(())
    }

    /// Await the value on top of the stack (`GET_AWAITABLE where; LOAD_CONST None; SEND...`).
    pub fn await_top(&mut self, location_kind: u32, loc: Loc) {
        self.emit(Opcode::GetAwaitable, location_kind, loc);
        self.load_const(Constant::None, loc);
        self.add_yield_from(loc, true);
    }

    /// After `__exit__` ran for an exception: swallow it if the result is true, else
    /// re-raise (CPython's `codegen_with_except_finish`).
    fn with_except_finish(&mut self, cleanup: crate::ir::Target) {
        let suppress = self.new_label();
        self.emit0(Opcode::ToBool, Loc::NONE);
        self.emit_jump(Op::Real(Opcode::PopJumpIfTrue), suppress, Loc::NONE);
        self.emit(Opcode::Reraise, 2, Loc::NONE);
        self.place(suppress);
        self.emit0(Opcode::PopTop, Loc::NONE);
        self.emit_pseudo(PseudoOpcode::PopBlock, 0, Loc::NONE);
        self.emit0(Opcode::PopExcept, Loc::NONE);
        self.emit0(Opcode::PopTop, Loc::NONE);
        self.emit0(Opcode::PopTop, Loc::NONE);
        self.emit0(Opcode::PopTop, Loc::NONE);
        let exit = self.new_label();
        self.jump_no_interrupt(exit, Loc::NONE);
        self.place(cleanup);
        self.pop_except_and_reraise(Loc::NONE);
        self.place(exit);
    }
}
