//! Generators and comprehensions: `yield`, `yield from`, `await`, the StopIteration
//! guard around generator bodies, and comprehensions compiled as nested functions
//! (CPython's `codegen_comprehension` for the non-inlined case).

use adder_bytecode::{Constant, Opcode, PseudoOpcode};
use adder_syntax::ast::{self, Expr};

use super::{Compiler, Result, UnitKind};
use crate::error::CompileError;
use crate::ir::{Instr, Loc, Op};

/// `RESUME` arguments after a suspension point.
const RESUME_AFTER_YIELD: u32 = 1;
const RESUME_AFTER_YIELD_FROM: u32 = 2;
const RESUME_AFTER_AWAIT: u32 = 3;
const INTRINSIC_STOPITERATION_ERROR: u32 = 3;
const INTRINSIC_ASYNC_GEN_WRAP: u32 = 4;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum ComprehensionKind {
    Generator,
    List,
    Set,
    Dict,
}

impl<'a> Compiler<'a> {
    /// `YIELD_VALUE` (wrapped for async generators) and the `RESUME` after it.
    pub fn emit_yield(&mut self, loc: Loc) {
        let scope = self.scope();
        if scope.is_generator && scope.is_coroutine {
            self.emit(Opcode::CallIntrinsic1, INTRINSIC_ASYNC_GEN_WRAP, loc);
        }
        self.emit(Opcode::YieldValue, 0, loc);
        self.emit(Opcode::Resume, RESUME_AFTER_YIELD, loc);
    }

    /// Delegate to the iterator on the stack until it is exhausted (`SEND` loop);
    /// returns the label of the `SEND` (which `END_ASYNC_FOR` refers to).
    pub fn add_yield_from(&mut self, loc: Loc, is_await: bool) -> crate::ir::Target {
        let send = self.new_label();
        let fail = self.new_label();
        let exit = self.new_label();
        self.place(send);
        self.emit_jump(Op::Real(Opcode::Send), exit, loc);
        self.emit_jump(Op::Pseudo(PseudoOpcode::SetupFinally), fail, loc);
        self.emit(Opcode::YieldValue, 1, loc);
        self.emit_pseudo(PseudoOpcode::PopBlock, 0, Loc::NONE);
        let resume = if is_await {
            RESUME_AFTER_AWAIT
        } else {
            RESUME_AFTER_YIELD_FROM
        };
        self.emit(Opcode::Resume, resume, loc);
        self.jump_no_interrupt(send, loc);
        self.place(fail);
        self.emit0(Opcode::CleanupThrow, loc);
        self.place(exit);
        self.emit0(Opcode::EndSend, loc);
        send
    }

    pub fn yield_expr(&mut self, value: Option<&'a Expr>, range: ast::Range) -> Result<()> {
        if !self.scope().is_function() {
            return Err(CompileError::new(
                "'yield' outside function".to_string(),
                range,
            ));
        }
        let loc = Loc::from_range(range);
        match value {
            Some(v) => self.expr(v)?,
            None => self.load_const(Constant::None, loc),
        }
        self.emit_yield(loc);
        Ok(())
    }

    pub fn yield_from_expr(&mut self, value: &'a Expr, range: ast::Range) -> Result<()> {
        let scope = self.scope();
        if !scope.is_function() {
            return Err(CompileError::new(
                "'yield from' outside function".to_string(),
                range,
            ));
        }
        if scope.is_coroutine {
            return Err(CompileError::new(
                "'yield from' inside async function".to_string(),
                range,
            ));
        }
        let loc = Loc::from_range(range);
        self.expr(value)?;
        self.emit0(Opcode::GetYieldFromIter, loc);
        self.load_const(Constant::None, loc);
        self.add_yield_from(loc, false);
        Ok(())
    }

    pub fn await_expr(&mut self, value: &'a Expr, range: ast::Range) -> Result<()> {
        let scope = self.scope();
        if !scope.is_function() {
            return Err(CompileError::new(
                "'await' outside function".to_string(),
                range,
            ));
        }
        if !scope.is_coroutine {
            return Err(CompileError::new(
                "'await' outside async function".to_string(),
                range,
            ));
        }
        let loc = Loc::from_range(range);
        self.expr(value)?;
        self.await_top(0, loc);
        Ok(())
    }

    /// A generator or coroutine body turns a leaking StopIteration into RuntimeError:
    /// the whole body is covered by a handler calling `INTRINSIC_STOPITERATION_ERROR`.
    pub fn wrap_in_stopiteration_handler(&mut self) {
        let handler = self.new_label();
        let mut setup = Instr::new(Op::Pseudo(PseudoOpcode::SetupCleanup), 0, Loc::NONE);
        setup.set_target(Some(handler));
        let seq = &mut self.unit().seq;
        seq.instrs.insert(0, setup);
        for pos in seq.labels.iter_mut().flatten() {
            *pos += 1;
        }
        self.load_const(Constant::None, Loc::NONE);
        self.emit0(Opcode::ReturnValue, Loc::NONE);
        self.place(handler);
        self.emit(
            Opcode::CallIntrinsic1,
            INTRINSIC_STOPITERATION_ERROR,
            Loc::NONE,
        );
        self.emit(Opcode::Reraise, 1, Loc::NONE);
    }

    pub fn comprehension(&mut self, expr: &'a Expr) -> Result<()> {
        let (kind, name, generators, elt, value, range) = match expr {
            Expr::GeneratorExp {
                elt,
                generators,
                range,
            } => (
                ComprehensionKind::Generator,
                "<genexpr>",
                generators,
                &**elt,
                None,
                *range,
            ),
            Expr::ListComp {
                elt,
                generators,
                range,
            } => (
                ComprehensionKind::List,
                "<listcomp>",
                generators,
                &**elt,
                None,
                *range,
            ),
            Expr::SetComp {
                elt,
                generators,
                range,
            } => (
                ComprehensionKind::Set,
                "<setcomp>",
                generators,
                &**elt,
                None,
                *range,
            ),
            Expr::DictComp {
                key,
                value,
                generators,
                range,
            } => (
                ComprehensionKind::Dict,
                "<dictcomp>",
                generators,
                &**key,
                Some(&**value),
                *range,
            ),
            _ => return Ok(()),
        };
        let Some(outermost) = generators.first() else {
            return Ok(());
        };
        let loc = Loc::from_range(range);
        let scope = self.table.scope_for(expr).ok_or_else(|| {
            CompileError::new(
                "compiler: no symbol table entry for comprehension".to_string(),
                range,
            )
        })?;
        if self.table.scopes[scope].comp_inlined {
            return self.inlined_comprehension(scope, kind, generators, elt, value, loc);
        }
        let key = crate::symtable::node_key(expr);
        let awaited = self.table.scopes[scope].is_coroutine && kind != ComprehensionKind::Generator;
        if let Some(code) = self.genexpr_code.get(&key).cloned() {
            return self.call_comprehension(code, outermost, awaited, loc);
        }
        self.enter_scope(scope, UnitKind::Comprehension, name, range.lineno);
        self.unit().argcount = 1;
        let build = match kind {
            ComprehensionKind::List => Some(Opcode::BuildList),
            ComprehensionKind::Set => Some(Opcode::BuildSet),
            ComprehensionKind::Dict => Some(Opcode::BuildMap),
            ComprehensionKind::Generator => None,
        };
        if let Some(op) = build {
            self.emit(op, 0, loc);
        }
        self.comprehension_generator(generators, 0, 0, elt, value, kind, false, loc)?;
        if kind == ComprehensionKind::Generator {
            self.wrap_in_stopiteration_handler();
        } else {
            self.emit0(Opcode::ReturnValue, loc);
        }
        let code = self.exit_scope()?;
        self.genexpr_code.insert(key, code.clone());
        self.call_comprehension(code, outermost, awaited, loc)
    }

    /// Make the comprehension's function and call it on the outermost iterator (an
    /// async iterator for `async for`); an asynchronous list/set/dict comprehension's
    /// call returns a coroutine, awaited here.
    fn call_comprehension(
        &mut self,
        code: std::rc::Rc<adder_bytecode::CodeObject>,
        outermost: &'a ast::Comprehension,
        awaited: bool,
        loc: Loc,
    ) -> Result<()> {
        self.make_closure(code, 0, loc)?;
        self.outermost_iter(outermost)?;
        self.emit(Opcode::Call, 0, loc);
        if awaited {
            self.await_top(0, loc);
        }
        Ok(())
    }

    /// The outermost iterable, evaluated in the enclosing scope, and its iterator.
    pub(super) fn outermost_iter(&mut self, outermost: &'a ast::Comprehension) -> Result<()> {
        self.expr(&outermost.iter)?;
        let op = if outermost.is_async {
            Opcode::GetAiter
        } else {
            Opcode::GetIter
        };
        self.emit0(op, Loc::from_range(outermost.iter.range()));
        Ok(())
    }

    /// One `for ... in ... if ...` level; the innermost adds the element.
    /// `iter_on_stack`: the outermost iterator was pushed by the caller (inlined form).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn comprehension_generator(
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
        if generator.is_async {
            return self.async_comprehension_generator(
                generators,
                index,
                depth,
                elt,
                value,
                kind,
                iter_on_stack,
                loc,
            );
        }
        let start = self.new_label();
        let if_cleanup = self.new_label();
        let anchor = self.new_label();
        // `for y in [f(x)]` after the first level assigns the one value without a
        // loop (CPython's fast path for the temporary-variable idiom).
        let mut has_loop = true;
        match (index, iter_on_stack) {
            (0, true) => {}
            (0, false) => self.emit(Opcode::LoadFast, 0, loc),
            _ => match single_plain_element(&generator.iter) {
                Some(only) => {
                    self.expr(only)?;
                    has_loop = false;
                }
                None => {
                    self.expr(&generator.iter)?;
                    self.emit0(Opcode::GetIter, Loc::from_range(generator.iter.range()));
                }
            },
        }
        let depth = if has_loop {
            self.place(start);
            self.emit_jump(
                Op::Real(Opcode::ForIter),
                anchor,
                Loc::from_range(generator.iter.range()),
            );
            depth + 1
        } else {
            depth
        };
        self.expr(&generator.target)?;
        for condition in &generator.ifs {
            self.jump_if(condition, if_cleanup, false)?;
        }
        let elt_loc = self.comprehension_body(generators, index, depth, elt, value, kind, loc)?;
        self.place(if_cleanup);
        if has_loop {
            self.jump(start, elt_loc);
            self.place(anchor);
            self.emit0(Opcode::EndFor, Loc::NONE);
            self.emit0(Opcode::PopIter, Loc::NONE);
        }
        Ok(())
    }

    /// What follows one level's target and conditions: the next level, or at the
    /// innermost the element added to the result (yielded by a generator expression).
    /// Returns the location of the jump back to the level's start.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn comprehension_body(
        &mut self,
        generators: &'a [ast::Comprehension],
        index: usize,
        depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: ComprehensionKind,
        loc: Loc,
    ) -> Result<Loc> {
        let mut elt_loc = Loc::from_range(elt.range());
        if index + 1 < generators.len() {
            self.comprehension_generator(
                generators,
                index + 1,
                depth,
                elt,
                value,
                kind,
                false,
                loc,
            )?;
        } else {
            self.expr(elt)?;
            match kind {
                ComprehensionKind::Generator => {
                    self.emit_yield(elt_loc);
                    self.emit0(Opcode::PopTop, elt_loc);
                }
                ComprehensionKind::List => self.emit(Opcode::ListAppend, depth + 1, elt_loc),
                ComprehensionKind::Set => self.emit(Opcode::SetAdd, depth + 1, elt_loc),
                ComprehensionKind::Dict => {
                    if let Some(v) = value {
                        self.expr(v)?;
                        let vloc = Loc::from_range(v.range());
                        elt_loc = Loc {
                            end_lineno: vloc.end_lineno,
                            end_col: vloc.end_col,
                            ..elt_loc
                        };
                    }
                    self.emit(Opcode::MapAdd, depth + 1, elt_loc);
                }
            }
        }
        Ok(elt_loc)
    }
}

/// The element of a one-element list or tuple display that is not starred.
fn single_plain_element(iter: &Expr) -> Option<&Expr> {
    let elements = match iter {
        Expr::List { elts, .. } | Expr::Tuple { elts, .. } => elts,
        _ => return None,
    };
    match elements.as_slice() {
        [only] if !matches!(only, Expr::Starred { .. }) => Some(only),
        _ => None,
    }
}
