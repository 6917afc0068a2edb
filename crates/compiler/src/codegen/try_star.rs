//! `try: ... except* ...` (PEP 654; CPython's `codegen_try_star_except` and
//! `codegen_try_star_finally`).
//!
//! The handler keeps `[orig, results, rest]` on the stack: `CHECK_EG_MATCH` splits
//! `rest` into the part a clause matches and the part left for later clauses; whatever
//! a clause body raises is appended to `results`; at the end the unhandled rest is
//! appended too, and `INTRINSIC_PREP_RERAISE_STAR` builds the exception to re-raise
//! (or `None` when everything was handled).

use adder_bytecode::{Constant, Opcode, PseudoOpcode};
use adder_syntax::ast::{self, ExprContext, Stmt};

use super::fblock::{FBlock, FBlockKind};
use super::{Compiler, Result};
use crate::intrinsics::INTRINSIC_PREP_RERAISE_STAR;
use crate::ir::{Loc, Op, Target};

impl<'a> Compiler<'a> {
    /// `try ... except* ... [else] [finally]`: a `finally` wraps the except* part
    /// exactly as for a plain `try`.
    pub fn try_star(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
        range: ast::Range,
    ) -> Result<()> {
        if finalbody.is_empty() {
            return self.try_star_except(body, handlers, orelse, range);
        }
        self.try_finally_with(finalbody, range, |c| {
            if handlers.is_empty() {
                c.stmts(body)
            } else {
                c.try_star_except(body, handlers, orelse, range)
            }
        })
    }

    /// The `try`/`except*`/`else` part.
    fn try_star_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [Stmt],
        range: ast::Range,
    ) -> Result<()> {
        let loc = Loc::from_range(range);
        let body_label = self.new_label();
        let except = self.new_label();
        let orelse_label = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        let reraise_star = self.new_label();
        self.emit_jump(Op::Pseudo(PseudoOpcode::SetupFinally), except, loc);
        self.place(body_label);
        self.push_fblock(
            FBlock::new(FBlockKind::TryExcept, body_label, None, loc),
            range,
        )?;
        self.stmts(body)?;
        self.pop_fblock();
        self.emit_pseudo(PseudoOpcode::PopBlock, 0, Loc::NONE);
        self.jump_no_interrupt(orelse_label, Loc::NONE);
        self.place(except);
        self.emit_jump(Op::Pseudo(PseudoOpcode::SetupCleanup), cleanup, Loc::NONE);
        self.emit0(Opcode::PushExcInfo, Loc::NONE);
        self.push_fblock(
            FBlock::new(FBlockKind::ExceptionGroupHandler, except, None, loc),
            range,
        )?;
        for (index, handler) in handlers.iter().enumerate() {
            self.except_star_clause(handler, index == 0)?;
            if index + 1 == handlers.len() {
                self.emit(Opcode::ListAppend, 1, Loc::NONE);
                self.jump_no_interrupt(reraise_star, Loc::NONE);
            }
        }
        self.pop_fblock();
        self.reraise_star_tail(reraise_star, end);
        self.place(cleanup);
        self.pop_except_and_reraise(Loc::NONE);
        self.place(orelse_label);
        self.stmts(orelse)?;
        self.place(end);
        Ok(())
    }

    /// One `except* T [as name]:` clause; falls through to the label that continues
    /// with `[orig, results, rest]` on the stack.
    fn except_star_clause(&mut self, handler: &'a ast::ExceptHandler, first: bool) -> Result<()> {
        let ast::ExceptHandler::ExceptHandler {
            r#type,
            name,
            body,
            range,
        } = handler;
        let hloc = Loc::from_range(*range);
        let next_except = self.new_label();
        let except_with_error = self.new_label();
        let no_match = self.new_label();
        if first {
            self.emit(Opcode::BuildList, 0, hloc);
            self.emit(Opcode::Copy, 2, hloc);
        }
        if let Some(t) = r#type {
            self.expr(t)?;
            self.emit0(Opcode::CheckEgMatch, hloc);
            self.emit(Opcode::Copy, 1, hloc);
            self.emit_jump(Op::Real(Opcode::PopJumpIfNone), no_match, hloc);
        }
        let cleanup_end = self.new_label();
        let cleanup_body = self.new_label();
        match name {
            Some(name) => self.nameop(name, ExprContext::Store, hloc)?,
            None => self.emit0(Opcode::PopTop, hloc),
        }
        self.emit_jump(Op::Pseudo(PseudoOpcode::SetupCleanup), cleanup_end, hloc);
        self.place(cleanup_body);
        let mut fb = FBlock::new(FBlockKind::HandlerCleanup, cleanup_body, None, hloc);
        fb.handler_name = name.as_deref();
        self.push_fblock(fb, *range)?;
        self.stmts(body)?;
        self.pop_fblock();
        self.emit_pseudo(PseudoOpcode::PopBlock, 0, Loc::NONE);
        self.clear_handler_name(name.as_deref())?;
        self.jump_no_interrupt(next_except, Loc::NONE);
        // The clause body raised: add that exception to the results.
        self.place(cleanup_end);
        self.clear_handler_name(name.as_deref())?;
        self.emit(Opcode::ListAppend, 3, Loc::NONE);
        self.emit0(Opcode::PopTop, Loc::NONE);
        self.jump_no_interrupt(except_with_error, Loc::NONE);
        self.place(next_except);
        self.emit0(Opcode::Nop, Loc::NONE);
        self.jump_no_interrupt(except_with_error, Loc::NONE);
        self.place(no_match);
        self.emit0(Opcode::PopTop, hloc);
        self.place(except_with_error);
        Ok(())
    }

    /// `name = None; del name` after an `as name` clause body.
    fn clear_handler_name(&mut self, name: Option<&str>) -> Result<()> {
        if let Some(name) = name {
            self.load_const(Constant::None, Loc::NONE);
            self.nameop(name, ExprContext::Store, Loc::NONE)?;
            self.nameop(name, ExprContext::Del, Loc::NONE)?;
        }
        Ok(())
    }

    /// `[orig, results]` → re-raise what `PREP_RERAISE_STAR` returns, or leave the
    /// handler when it is `None`.
    fn reraise_star_tail(&mut self, reraise_star: Target, end: Target) {
        let reraise = self.new_label();
        self.place(reraise_star);
        self.emit(
            Opcode::CallIntrinsic2,
            INTRINSIC_PREP_RERAISE_STAR,
            Loc::NONE,
        );
        self.emit(Opcode::Copy, 1, Loc::NONE);
        self.emit_jump(Op::Real(Opcode::PopJumpIfNotNone), reraise, Loc::NONE);
        self.emit0(Opcode::PopTop, Loc::NONE);
        self.emit_pseudo(PseudoOpcode::PopBlock, 0, Loc::NONE);
        self.emit0(Opcode::PopExcept, Loc::NONE);
        self.jump_no_interrupt(end, Loc::NONE);
        self.place(reraise);
        self.emit_pseudo(PseudoOpcode::PopBlock, 0, Loc::NONE);
        self.emit(Opcode::Swap, 2, Loc::NONE);
        self.emit0(Opcode::PopExcept, Loc::NONE);
        self.emit(Opcode::Reraise, 0, Loc::NONE);
    }
}
