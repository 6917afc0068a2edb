//! PEP 695/696 generics (CPython's `codegen_type_params` and the generic branches of
//! `codegen_function`, `codegen_class` and `codegen_typealias`).
//!
//! A generic object is built inside a "<generic parameters of NAME>" function that is
//! called at once: it creates each TypeVar/ParamSpec/TypeVarTuple (bounds, constraints
//! and defaults as lazily evaluated functions), binds it as a local (a cell when the
//! object's code uses it), and returns the function, class or alias built with them.

use std::rc::Rc;

use adder_bytecode::{Constant, Opcode};
use adder_syntax::ast::{self, Expr, ExprContext};

use super::{Compiler, Result, UnitKind};
use crate::error::CompileError;
use crate::intrinsics::*;
use crate::ir::Loc;

/// `SET_FUNCTION_ATTRIBUTE` flag for positional defaults.
const MAKE_DEFAULTS: u32 = 1;

/// The name a type parameter binds.
pub(crate) fn type_param_name(tp: &ast::TypeParam) -> &str {
    match tp {
        ast::TypeParam::TypeVar { name, .. }
        | ast::TypeParam::ParamSpec { name, .. }
        | ast::TypeParam::TypeVarTuple { name, .. } => name,
    }
}

impl<'a> Compiler<'a> {
    /// Start the "<generic parameters of NAME>" unit of a generic object; `argcount`
    /// values (a function's defaults) are passed to it.
    pub fn enter_type_params_scope(
        &mut self,
        owner: &str,
        type_params: &'a Vec<ast::TypeParam>,
        firstlineno: u32,
        argcount: u32,
        range: ast::Range,
    ) -> Result<()> {
        let scope = self
            .table
            .scope_for(type_params)
            .ok_or_else(|| CompileError::new("no scope for type parameters".into(), range))?;
        let name = format!("<generic parameters of {owner}>");
        self.enter_scope(scope, UnitKind::Annotations, &name, firstlineno);
        self.unit().argcount = argcount;
        Ok(())
    }

    /// Finish the type-parameters unit (its last value is returned) and call it.
    /// `args` values are already on the stack below the function.
    pub fn call_type_params_scope(&mut self, args: u32, loc: Loc) -> Result<()> {
        self.emit0(Opcode::ReturnValue, Loc::NONE);
        let code = self.exit_scope()?;
        self.make_closure(code, 0, loc)?;
        if args > 0 {
            self.emit(Opcode::Swap, args + 1, loc);
            self.emit(Opcode::Call, args - 1, loc);
        } else {
            self.emit0(Opcode::PushNull, loc);
            self.emit(Opcode::Call, 0, loc);
        }
        Ok(())
    }

    /// Create and bind every type parameter, then leave them as a tuple.
    pub fn type_params(&mut self, type_params: &'a [ast::TypeParam]) -> Result<()> {
        let mut seen_default = false;
        for tp in type_params {
            let loc = Loc::from_range(tp.range());
            let name = type_param_name(tp);
            self.load_const(Constant::Str(name.into()), loc);
            let (default, default_key, starred_default) = match tp {
                ast::TypeParam::TypeVar {
                    bound,
                    default_value,
                    ..
                } => {
                    match bound.as_deref() {
                        Some(bound) => {
                            self.lazy_type_expr(bound, name, tp_key(tp), false)?;
                            let intrinsic = if matches!(bound, Expr::Tuple { .. }) {
                                INTRINSIC_TYPEVAR_WITH_CONSTRAINTS
                            } else {
                                INTRINSIC_TYPEVAR_WITH_BOUND
                            };
                            self.emit(Opcode::CallIntrinsic2, intrinsic, loc);
                        }
                        None => self.emit(Opcode::CallIntrinsic1, INTRINSIC_TYPEVAR, loc),
                    }
                    (default_value, tp_key(tp) + 1, false)
                }
                ast::TypeParam::ParamSpec { default_value, .. } => {
                    self.emit(Opcode::CallIntrinsic1, INTRINSIC_PARAMSPEC, loc);
                    (default_value, tp_key(tp), false)
                }
                ast::TypeParam::TypeVarTuple { default_value, .. } => {
                    self.emit(Opcode::CallIntrinsic1, INTRINSIC_TYPEVARTUPLE, loc);
                    (default_value, tp_key(tp), true)
                }
            };
            match default.as_deref() {
                Some(default) => {
                    seen_default = true;
                    self.lazy_type_expr(default, name, default_key, starred_default)?;
                    self.emit(Opcode::CallIntrinsic2, INTRINSIC_SET_TYPEPARAM_DEFAULT, loc);
                }
                None if seen_default => {
                    return Err(CompileError::new(
                        format!(
                            "non-default type parameter '{name}' follows default type parameter"
                        ),
                        tp.range(),
                    ));
                }
                None => {}
            }
            self.emit(Opcode::Copy, 1, loc);
            self.nameop(name, ExprContext::Store, loc)?;
        }
        let first = type_params
            .first()
            .map_or(Loc::NONE, |tp| Loc::from_range(tp.range()));
        self.emit(Opcode::BuildTuple, type_params.len() as u32, first);
        Ok(())
    }

    /// A bound, constraint tuple or default as a function of the annotation format
    /// (CPython's `codegen_type_param_bound_or_default`); a TypeVarTuple's `*default`
    /// unpacks its single element.
    fn lazy_type_expr(
        &mut self,
        expr: &'a Expr,
        name: &str,
        key: usize,
        allow_starred: bool,
    ) -> Result<()> {
        let loc = Loc::from_range(expr.range());
        let defaults = Constant::Tuple(Rc::from([Constant::Int(1.into())]));
        self.load_const(defaults, loc);
        let scope = self.table.scope_for_key(key).ok_or_else(|| {
            CompileError::new("no scope for a type parameter".into(), expr.range())
        })?;
        self.enter_lazy_scope(scope, name, loc);
        match expr {
            Expr::Starred { value, .. } if allow_starred => {
                self.expr(value)?;
                self.emit(Opcode::UnpackSequence, 1, loc);
            }
            _ => self.expr(expr)?,
        }
        self.emit0(Opcode::ReturnValue, loc);
        let code = self.exit_scope()?;
        self.make_closure(code, MAKE_DEFAULTS, loc)
    }
}

/// The symbol-table key of a type parameter's bound (its default uses key + 1 for a
/// TypeVar), as `symtable::builder::type_params` records them.
fn tp_key(tp: &ast::TypeParam) -> usize {
    crate::symtable::node_key(tp)
}
