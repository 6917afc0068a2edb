//! One `async for` level of a comprehension (CPython's
//! `codegen_async_comprehension_generator`): each item is awaited from
//! `__anext__()`, and StopAsyncIteration ends the level through `END_ASYNC_FOR`.

use adder_bytecode::{Constant, Opcode, PseudoOpcode};
use adder_syntax::ast::{self, Expr};

use super::generator::ComprehensionKind;
use super::{Compiler, Result};
use crate::ir::{Loc, Op};

impl<'a> Compiler<'a> {
    /// `iter_on_stack`: the outermost async iterator was pushed by the caller
    /// (inlined form); otherwise the outermost one is the hidden argument `.0`.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn async_comprehension_generator(
        &mut self,
        generators: &'a [ast::Comprehension],
        index: usize,
        depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: ComprehensionKind,
        iter_on_stack: bool,
        loc: Loc,
    ) -> Result<()> {
        let Some(generator) = generators.get(index) else {
            return Ok(());
        };
        let start = self.new_label();
        let except = self.new_label();
        let if_cleanup = self.new_label();
        match (index, iter_on_stack) {
            (0, true) => {}
            (0, false) => self.emit(Opcode::LoadFast, 0, loc),
            _ => {
                self.expr(&generator.iter)?;
                self.emit0(Opcode::GetAiter, Loc::from_range(generator.iter.range()));
            }
        }
        self.place(start);
        self.emit_jump(Op::Pseudo(PseudoOpcode::SetupFinally), except, loc);
        self.emit0(Opcode::GetAnext, loc);
        self.load_const(Constant::None, loc);
        let send = self.add_yield_from(loc, true);
        self.emit_pseudo(PseudoOpcode::PopBlock, 0, loc);
        self.expr(&generator.target)?;
        for condition in &generator.ifs {
            self.jump_if(condition, if_cleanup, false)?;
        }
        let elt_loc =
            self.comprehension_body(generators, index, depth + 1, elt, value, kind, loc)?;
        self.place(if_cleanup);
        self.jump(start, elt_loc);
        self.place(except);
        self.emit_jump(Op::Real(Opcode::EndAsyncFor), send, loc);
        Ok(())
    }
}
