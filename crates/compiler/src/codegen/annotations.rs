//! PEP 649/749 annotations (CPython 3.14): annotations are not evaluated where they
//! appear but by an `__annotate__(format)` function. Functions get one through
//! `SET_FUNCTION_ATTRIBUTE 16`; modules store theirs as `__annotate__` (code placed at
//! the top of the module), classes as `__annotate_func__`. Module annotations, and class
//! annotations inside `if`/`for`/... bodies, only count if their statement ran: their
//! indexes are recorded in the `__conditional_annotations__` set.
//!
//! Under `from __future__ import annotations` each annotation is its source text
//! (`unparse.rs`), and modules and classes fill `__annotations__` as they run.

use adder_bytecode::{Constant, Opcode, PseudoOpcode};
use adder_syntax::ast::{self, Expr, ExprContext, Stmt};

use super::{Compiler, Result, UnitKind};
use crate::intrinsics::INTRINSIC_TYPEALIAS;
use crate::ir::{Instr, Loc, Op};
use crate::symtable::ScopeId;
use crate::unparse::unparse_expr;

/// `SET_FUNCTION_ATTRIBUTE` flags for `__annotate__` and defaults.
pub const MAKE_ANNOTATE: u32 = 16;
const MAKE_DEFAULTS: u32 = 1;
/// `__annotate__` formats above this raise NotImplementedError (VALUE_WITH_FAKE_GLOBALS).
const FORMAT_VALUE_WITH_FAKE_GLOBALS: u32 = 2;
/// `COMPARE_OP` argument for `>`.
const COMPARE_GT: u32 = (4 << 5) | 4;
/// `LOAD_COMMON_CONSTANT` argument for `NotImplementedError`.
const CONSTANT_NOTIMPLEMENTEDERROR: u32 = 1;
const CONDITIONAL_ANNOTATIONS: &str = "__conditional_annotations__";

impl<'a> Compiler<'a> {
    /// Start an `__annotate__` unit with its format check (CPython's
    /// `codegen_setup_annotations_scope`).
    fn enter_annotation_scope(&mut self, scope: ScopeId, loc: Loc) {
        self.enter_lazy_scope(scope, "__annotate__", loc);
    }

    /// Start a unit called with a format argument (annotations, type alias values),
    /// which refuses formats it cannot produce.
    pub fn enter_lazy_scope(&mut self, scope: ScopeId, name: &str, loc: Loc) {
        self.enter_scope(scope, UnitKind::Function, name, loc.lineno.max(0) as u32);
        let unit = self.unit();
        unit.argcount = 1;
        unit.posonlyargcount = 1;
        let body = self.new_label();
        self.emit(Opcode::LoadFast, 0, loc);
        self.load_const(Constant::Int(FORMAT_VALUE_WITH_FAKE_GLOBALS.into()), loc);
        self.emit(Opcode::CompareOp, COMPARE_GT, loc);
        self.emit_jump(Op::Real(Opcode::PopJumpIfFalse), body, loc);
        self.emit(
            Opcode::LoadCommonConstant,
            CONSTANT_NOTIMPLEMENTEDERROR,
            loc,
        );
        self.emit(Opcode::RaiseVarargs, 1, loc);
        self.place(body);
    }

    /// Compile a function's `__annotate__` if it has annotations; returns the
    /// `SET_FUNCTION_ATTRIBUTE` flag to add (CPython's `codegen_annotations`).
    pub fn function_annotations(
        &mut self,
        args: &'a ast::Arguments,
        returns: Option<&'a Expr>,
        loc: Loc,
    ) -> Result<u32> {
        let Some(scope) = self.table.scope_for(args) else {
            return Ok(0);
        };
        if !self.table.scopes[scope].annotations_used {
            return Ok(0);
        }
        self.enter_annotation_scope(scope, loc);
        let mut count = 0;
        let positional = args.args.iter().chain(&args.posonlyargs);
        let named = positional
            .chain(args.vararg.as_deref())
            .chain(&args.kwonlyargs)
            .chain(args.kwarg.as_deref())
            .filter_map(|a| a.annotation.as_deref().map(|ann| (a.arg.as_str(), ann)));
        for (name, annotation) in named.chain(returns.map(|r| ("return", r))) {
            let mangled = self.mangle(name);
            self.load_const(Constant::Str(mangled.into()), loc);
            match annotation {
                _ if self.table.future_annotations => self.annotation_string(annotation),
                Expr::Starred { value, .. } => {
                    self.expr(value)?;
                    self.emit(Opcode::UnpackSequence, 1, loc);
                }
                _ => self.expr(annotation)?,
            }
            count += 1;
        }
        self.emit(Opcode::BuildMap, count, loc);
        self.emit0(Opcode::ReturnValue, loc);
        let code = self.exit_scope()?;
        self.make_closure(code, 0, loc)?;
        Ok(MAKE_ANNOTATE)
    }

    /// `type Name[params] = value`: a `TypeAliasType` built from the name, the type
    /// parameters (None when not generic) and a function evaluating the value lazily
    /// (CPython's `codegen_typealias`); a generic alias is built inside its
    /// type-parameters function.
    pub fn type_alias(
        &mut self,
        stmt: &'a Stmt,
        name: &str,
        type_params: &'a Vec<ast::TypeParam>,
        value: &'a Expr,
        loc: Loc,
    ) -> Result<()> {
        let generic = !type_params.is_empty();
        if generic {
            let firstlineno = loc.lineno.max(0) as u32;
            self.enter_type_params_scope(name, type_params, firstlineno, 0, stmt.range())?;
            self.load_const(Constant::Str(name.into()), loc);
            self.type_params(type_params)?;
        } else {
            self.load_const(Constant::Str(name.into()), loc);
            self.load_const(Constant::None, loc);
        }
        self.type_alias_body(stmt, name, value, loc)?;
        if generic {
            self.call_type_params_scope(0, loc)?;
        }
        self.nameop(name, ExprContext::Store, loc)
    }

    /// The lazily evaluated value and the `TypeAliasType` itself (CPython's
    /// `codegen_typealias_body`).
    fn type_alias_body(
        &mut self,
        stmt: &'a Stmt,
        name: &str,
        value: &'a Expr,
        loc: Loc,
    ) -> Result<()> {
        let Some(scope) = self.table.scope_for(stmt) else {
            return Ok(());
        };
        let defaults = Constant::Tuple(std::rc::Rc::from([Constant::Int(1.into())]));
        self.load_const(defaults, loc);
        self.enter_lazy_scope(scope, name, loc);
        self.expr(value)?;
        self.emit0(Opcode::ReturnValue, loc);
        let code = self.exit_scope()?;
        self.make_closure(code, MAKE_DEFAULTS, loc)?;
        self.emit(Opcode::BuildTuple, 3, loc);
        self.emit(Opcode::CallIntrinsic1, INTRINSIC_TYPEALIAS, loc);
        Ok(())
    }

    /// `x: T [= v]` in a module or class: remember it for `__annotate__`, and record
    /// that it ran when it is conditional.
    pub fn defer_annotation(&mut self, stmt: &'a Stmt, loc: Loc) -> Result<()> {
        if self.table.future_annotations {
            return self.store_annotation_string(stmt, loc);
        }
        let kind = self.unit_ref().kind;
        let conditional = kind == UnitKind::Module || self.unit_ref().in_conditional_block > 0;
        let index = conditional.then(|| {
            let unit = self.unit();
            unit.next_conditional_index += 1;
            unit.next_conditional_index - 1
        });
        self.unit().deferred_annotations.push((stmt, index));
        if let Some(index) = index {
            if kind == UnitKind::Class {
                let cell = self.deref_index(CONDITIONAL_ANNOTATIONS);
                self.emit(Opcode::LoadDeref, cell, loc);
            } else {
                let name = self.unit().names.add(CONDITIONAL_ANNOTATIONS);
                self.emit(Opcode::LoadName, name, loc);
            }
            self.load_const(Constant::Int(index.into()), loc);
            self.emit(Opcode::SetAdd, 1, loc);
            self.emit0(Opcode::PopTop, loc);
        }
        Ok(())
    }

    /// `x: T` under `from __future__ import annotations`: `__annotations__['x'] = 'T'`
    /// right away, the annotation as its source text (CPython's `codegen_annassign`).
    fn store_annotation_string(&mut self, stmt: &'a Stmt, loc: Loc) -> Result<()> {
        let Stmt::AnnAssign {
            target, annotation, ..
        } = stmt
        else {
            return Ok(());
        };
        let Expr::Name { id, .. } = target.as_ref() else {
            return Ok(());
        };
        self.annotation_string(annotation);
        let annotations = self.unit().names.add("__annotations__");
        self.emit(Opcode::LoadName, annotations, loc);
        let mangled = self.mangle(id);
        self.load_const(Constant::Str(mangled.into()), loc);
        self.emit0(Opcode::StoreSubscr, loc);
        Ok(())
    }

    /// Push an annotation's source text, located at the annotation.
    fn annotation_string(&mut self, annotation: &Expr) {
        let text = unparse_expr(annotation);
        self.load_const(
            Constant::Str(text.into()),
            Loc::from_range(annotation.range()),
        );
    }

    /// At the start of a module or class body: the set of conditional annotations that
    /// ran, and (modules) the placeholder where `__annotate__` will be defined; under
    /// `from __future__ import annotations`, the `__annotations__` dict instead.
    pub fn begin_annotated_body(&mut self, loc: Loc) -> Result<()> {
        let scope = &self.table.scopes[self.unit_ref().scope];
        let is_module = self.unit_ref().kind == UnitKind::Module;
        let future = self.table.future_annotations;
        let annotated = scope.annotation_block.is_some();
        if is_module && annotated && !future {
            self.emit_pseudo(PseudoOpcode::AnnotationsPlaceholder, 0, loc);
        }
        if scope.has_conditional_annotations {
            self.emit(Opcode::BuildSet, 0, loc);
            if is_module {
                self.nameop(CONDITIONAL_ANNOTATIONS, ExprContext::Store, loc)?;
            } else {
                let cell = self.deref_index(CONDITIONAL_ANNOTATIONS);
                self.emit(Opcode::StoreDeref, cell, loc);
            }
        }
        if future && annotated {
            self.emit0(Opcode::SetupAnnotations, loc);
        }
        Ok(())
    }

    /// After a module or class body: compile `__annotate__` from the deferred
    /// annotations (CPython's `codegen_process_deferred_annotations`). A module's goes
    /// where its placeholder is.
    pub fn finish_annotated_body(&mut self, loc: Loc) -> Result<()> {
        let deferred = std::mem::take(&mut self.unit().deferred_annotations);
        let kind = self.unit_ref().kind;
        let placeholder = self
            .unit_ref()
            .seq
            .instrs
            .iter()
            .position(|i| i.op.is_pseudo(PseudoOpcode::AnnotationsPlaceholder));
        let Some(block) = self.table.scopes[self.unit_ref().scope].annotation_block else {
            return Ok(());
        };
        if deferred.is_empty() {
            if let Some(p) = placeholder {
                self.unit().seq.instrs[p].op = Op::Real(Opcode::Nop);
                self.unit().seq.instrs[p].loc = Loc::NONE;
            }
            return Ok(());
        }
        let start = self.unit_ref().seq.instrs.len();
        self.enter_annotation_scope(block, loc);
        self.emit(Opcode::BuildMap, 0, loc);
        for (stmt, index) in deferred {
            let Stmt::AnnAssign {
                target, annotation, ..
            } = stmt
            else {
                continue;
            };
            let Expr::Name { id, .. } = target.as_ref() else {
                continue;
            };
            let sloc = Loc::from_range(stmt.range());
            let not_set = self.new_label();
            if let Some(index) = index {
                self.load_const(Constant::Int(index.into()), sloc);
                if kind == UnitKind::Class {
                    let cell = self.deref_index(CONDITIONAL_ANNOTATIONS);
                    self.emit(Opcode::LoadDeref, cell, sloc);
                } else {
                    let name = self.unit().names.add(CONDITIONAL_ANNOTATIONS);
                    self.emit(Opcode::LoadGlobal, name << 1, sloc);
                }
                self.emit(Opcode::ContainsOp, 0, sloc);
                self.emit_jump(Op::Real(Opcode::PopJumpIfFalse), not_set, sloc);
            }
            self.expr(annotation)?;
            self.emit(Opcode::Copy, 2, sloc);
            let mangled = self.mangle(id);
            self.load_const(Constant::Str(mangled.into()), sloc);
            self.emit0(Opcode::StoreSubscr, loc);
            self.place(not_set);
        }
        self.emit0(Opcode::ReturnValue, loc);
        let code = self.exit_scope()?;
        self.make_closure(code, 0, loc)?;
        let name = if kind == UnitKind::Class {
            "__annotate_func__"
        } else {
            "__annotate__"
        };
        self.nameop(name, ExprContext::Store, loc)?;
        if let Some(p) = placeholder {
            let seq = &mut self.unit().seq;
            let tail: Vec<Instr> = seq.instrs.split_off(start);
            let added = tail.len();
            seq.instrs.splice(p..=p, tail);
            for pos in seq.labels.iter_mut().flatten() {
                if *pos > p {
                    *pos += added - 1;
                }
            }
        }
        Ok(())
    }
}
