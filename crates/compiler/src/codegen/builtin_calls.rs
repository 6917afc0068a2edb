//! `all(genexpr)`, `any(genexpr)` and `tuple(genexpr)` run the generator inline when the
//! name still refers to the builtin at run time (CPython 3.14's
//! `maybe_optimize_function_call`); otherwise the normal call follows.

use adder_bytecode::{Constant, Opcode};
use adder_syntax::ast::{self, Expr};

use super::{Compiler, Result};
use crate::intrinsics::INTRINSIC_LIST_TO_TUPLE;
use crate::ir::{Loc, Op, Target};

/// `LOAD_COMMON_CONSTANT` arguments for the builtins.
const CONSTANT_BUILTIN_TUPLE: u32 = 2;
const CONSTANT_BUILTIN_ALL: u32 = 3;
const CONSTANT_BUILTIN_ANY: u32 = 4;
/// `IS_OP` argument for `is`.
const IS: u32 = 0;

impl<'a> Compiler<'a> {
    /// With the function already on the stack, emit the inline fast path (jumping to
    /// `end` with the result) for the builtins CPython special-cases.
    pub fn maybe_optimize_builtin_call(
        &mut self,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [ast::Keyword],
        end: Target,
    ) -> Result<()> {
        let Expr::Name { id, range, .. } = func else {
            return Ok(());
        };
        let [generator @ Expr::GeneratorExp { .. }] = args else {
            return Ok(());
        };
        if !keywords.is_empty() {
            return Ok(());
        }
        let (constant, result_if_exhausted, continue_jump) = match id.as_str() {
            "all" => (CONSTANT_BUILTIN_ALL, Some(true), Opcode::PopJumpIfTrue),
            "any" => (CONSTANT_BUILTIN_ANY, Some(false), Opcode::PopJumpIfFalse),
            "tuple" => (CONSTANT_BUILTIN_TUPLE, None, Opcode::PopJumpIfFalse),
            _ => return Ok(()),
        };
        let loc = Loc::from_range(*range);
        let skip = self.new_label();
        self.emit(Opcode::Copy, 1, loc);
        self.emit(Opcode::LoadCommonConstant, constant, loc);
        self.emit(Opcode::IsOp, IS, loc);
        self.emit_jump(Op::Real(Opcode::PopJumpIfFalse), skip, loc);
        self.emit0(Opcode::PopTop, loc);
        if result_if_exhausted.is_none() {
            self.emit(Opcode::BuildList, 0, loc);
        }
        self.expr(generator)?;
        let top = self.new_label();
        let cleanup = self.new_label();
        self.place(top);
        self.emit_jump(Op::Real(Opcode::ForIter), cleanup, loc);
        match result_if_exhausted {
            None => {
                self.emit(Opcode::ListAppend, 2, loc);
                self.jump(top, loc);
            }
            Some(_) => {
                self.emit0(Opcode::ToBool, loc);
                self.emit_jump(Op::Real(continue_jump), top, loc);
            }
        }
        self.emit0(Opcode::PopIter, Loc::NONE);
        if let Some(exhausted) = result_if_exhausted {
            self.load_const(Constant::Bool(!exhausted), loc);
        }
        self.jump(end, loc);
        self.place(cleanup);
        self.emit0(Opcode::EndFor, Loc::NONE);
        self.emit0(Opcode::PopIter, Loc::NONE);
        match result_if_exhausted {
            None => self.emit(Opcode::CallIntrinsic1, INTRINSIC_LIST_TO_TUPLE, loc),
            Some(exhausted) => self.load_const(Constant::Bool(exhausted), loc),
        }
        self.jump(end, loc);
        self.place(skip);
        Ok(())
    }
}
