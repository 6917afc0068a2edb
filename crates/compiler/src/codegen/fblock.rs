//! Frame blocks: the stack of enclosing loops, `try` bodies, handlers and `with`
//! blocks that `break`, `continue` and `return` must unwind (CPython's `fblockinfo`).

use adder_bytecode::{Opcode, PseudoOpcode};
use adder_syntax::ast::{self, Stmt};

use super::{Compiler, Result};
use crate::error::CompileError;
use crate::ir::{Loc, Target};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FBlockKind {
    WhileLoop,
    ForLoop,
    AsyncForLoop,
    TryExcept,
    FinallyTry,
    FinallyEnd,
    With,
    AsyncWith,
    HandlerCleanup,
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
}

/// One enclosing block. `finally_body` is the `finally` statements to replay when
/// unwinding through a `try`; `handler_name` is the `as` name of an except handler.
#[derive(Clone, Copy, Debug)]
pub struct FBlock<'a> {
    pub kind: FBlockKind,
    pub block: Target,
    pub exit: Option<Target>,
    pub loc: Loc,
    pub finally_body: Option<&'a [Stmt]>,
    pub handler_name: Option<&'a str>,
}

impl<'a> FBlock<'a> {
    pub fn new(kind: FBlockKind, block: Target, exit: Option<Target>, loc: Loc) -> FBlock<'a> {
        FBlock {
            kind,
            block,
            exit,
            loc,
            finally_body: None,
            handler_name: None,
        }
    }
}

/// Most blocks a unit may nest (CPython's `CO_MAXBLOCKS`).
const MAX_BLOCKS: usize = 20;

impl<'a> Compiler<'a> {
    pub fn push_fblock(&mut self, fblock: FBlock<'a>, range: ast::Range) -> Result<()> {
        if self.unit().fblocks.len() >= MAX_BLOCKS {
            return Err(CompileError::new(
                "too many statically nested blocks".to_string(),
                range,
            ));
        }
        self.unit().fblocks.push(fblock);
        Ok(())
    }

    pub fn pop_fblock(&mut self) {
        self.unit().fblocks.pop();
    }

    /// Emit the code leaving one block (CPython's `codegen_unwind_fblock`).
    /// `preserve_tos`: a value (the return value) sits on top of the stack and must survive.
    pub fn unwind_fblock(
        &mut self,
        fblock: &FBlock<'a>,
        loc: &mut Loc,
        preserve_tos: bool,
    ) -> Result<()> {
        use FBlockKind::*;
        match fblock.kind {
            WhileLoop | ExceptionHandler | ExceptionGroupHandler => {}
            ForLoop | AsyncForLoop => {
                if preserve_tos {
                    self.emit(Opcode::Swap, 2, *loc);
                }
                self.emit0(Opcode::PopTop, *loc);
            }
            TryExcept => self.emit_pseudo(PseudoOpcode::PopBlock, 0, *loc),
            FinallyTry => {
                self.emit_pseudo(PseudoOpcode::PopBlock, 0, *loc);
                if preserve_tos {
                    let block = self.new_label();
                    self.push_fblock(
                        FBlock::new(PopValue, block, None, Loc::NONE),
                        ast::Range::default(),
                    )?;
                }
                if let Some(body) = fblock.finally_body {
                    self.stmts(body)?;
                }
                if preserve_tos {
                    self.pop_fblock();
                }
                *loc = Loc::NONE;
            }
            FinallyEnd => {
                if preserve_tos {
                    self.emit(Opcode::Swap, 2, *loc);
                }
                self.emit0(Opcode::PopTop, *loc);
                if preserve_tos {
                    self.emit(Opcode::Swap, 2, *loc);
                }
                self.emit_pseudo(PseudoOpcode::PopBlock, 0, *loc);
                self.emit0(Opcode::PopExcept, *loc);
            }
            With | AsyncWith => {
                *loc = fblock.loc;
                self.emit_pseudo(PseudoOpcode::PopBlock, 0, *loc);
                if preserve_tos {
                    self.emit(Opcode::Swap, 3, *loc);
                    self.emit(Opcode::Swap, 2, *loc);
                }
                self.call_exit_with_nones(*loc);
                if fblock.kind == AsyncWith {
                    self.await_top(2, *loc);
                }
                self.emit0(Opcode::PopTop, *loc);
                *loc = Loc::NONE;
            }
            HandlerCleanup => {
                if fblock.handler_name.is_some() {
                    self.emit_pseudo(PseudoOpcode::PopBlock, 0, *loc);
                }
                if preserve_tos {
                    self.emit(Opcode::Swap, 2, *loc);
                }
                self.emit_pseudo(PseudoOpcode::PopBlock, 0, *loc);
                self.emit0(Opcode::PopExcept, *loc);
                if let Some(name) = fblock.handler_name {
                    self.load_const(adder_bytecode::Constant::None, *loc);
                    self.nameop(name, ast::ExprContext::Store, *loc)?;
                    self.nameop(name, ast::ExprContext::Del, *loc)?;
                }
            }
            PopValue => {
                if preserve_tos {
                    self.emit(Opcode::Swap, 2, *loc);
                }
                self.emit0(Opcode::PopTop, *loc);
            }
        }
        Ok(())
    }

    /// Unwind every block up to (not including) the innermost loop, if `stop_at_loop`;
    /// returns that loop. CPython's `codegen_unwind_fblock_stack`.
    pub fn unwind_fblock_stack(
        &mut self,
        loc: &mut Loc,
        preserve_tos: bool,
        stop_at_loop: bool,
        range: ast::Range,
    ) -> Result<Option<FBlock<'a>>> {
        let Some(top) = self.unit().fblocks.last().copied() else {
            return Ok(None);
        };
        if top.kind == FBlockKind::ExceptionGroupHandler {
            return Err(CompileError::new(
                "'break', 'continue' and 'return' cannot appear in an except* block".to_string(),
                range,
            ));
        }
        if stop_at_loop
            && matches!(
                top.kind,
                FBlockKind::WhileLoop | FBlockKind::ForLoop | FBlockKind::AsyncForLoop
            )
        {
            return Ok(Some(top));
        }
        self.pop_fblock();
        self.unwind_fblock(&top, loc, preserve_tos)?;
        let result = self.unwind_fblock_stack(loc, preserve_tos, stop_at_loop, range);
        self.unit().fblocks.push(top);
        result
    }

    /// `__exit__(None, None, None)` for a `with` block left normally or by a jump.
    pub fn call_exit_with_nones(&mut self, loc: Loc) {
        self.load_const(adder_bytecode::Constant::None, loc);
        self.load_const(adder_bytecode::Constant::None, loc);
        self.load_const(adder_bytecode::Constant::None, loc);
        self.emit(Opcode::Call, 3, loc);
    }
}
