//! PEP 695/696 type parameters in the symbol table (CPython's
//! `symtable_enter_type_param_block` and `symtable_visit_type_param`): a generic
//! function, class or type alias gets a "type parameters" scope around it that binds
//! each parameter; every bound, constraint tuple and default is evaluated lazily by a
//! "type variable" scope of its own.

use adder_syntax::ast::{self, Expr};

use super::super::flags::*;
use super::super::{node_key, BlockType, ScopeKind};
use super::Builder;
use crate::codegen::type_param_name;
use crate::error::CompileError;

/// What a generic statement needs its type-parameters scope to bind besides the
/// parameters themselves.
pub(in crate::symtable) struct GenericOwner {
    /// A class stores `.type_params` and `.generic_base` there.
    pub is_class: bool,
    /// A function's positional / keyword-only defaults are passed in as parameters
    /// (CPython declares `.defaults` for every generic function, used or not).
    pub has_defaults: bool,
    pub has_kwdefaults: bool,
}

impl Builder {
    /// Open the type-parameters scope of `owner_name` (keyed by its parameter list, as
    /// the code generator looks it up) and visit the parameters in it. The caller
    /// visits the generic object inside and then pops this scope.
    pub(in crate::symtable) fn enter_type_params(
        &mut self,
        owner_name: &str,
        type_params: &Vec<ast::TypeParam>,
        owner: GenericOwner,
        range: ast::Range,
    ) -> Result<(), CompileError> {
        let in_class = self.current().kind == ScopeKind::Class;
        self.push(
            ScopeKind::Function,
            owner_name,
            node_key(type_params),
            range.lineno,
        );
        self.current().block_type = BlockType::TypeParameters;
        if in_class {
            self.current().can_see_class_scope = true;
            self.add_def("__classdict__", USE, range)?;
        }
        if owner.is_class {
            // The class's type parameters are private names of the class, but nothing
            // else here is (CPython's `st_private` with `ste_mangled_names`).
            if let Some(private) = self.class_names.last_mut() {
                *private = Some(owner_name.to_string());
            }
            self.current().mangled_names = Some(Default::default());
            for hidden in [".type_params", ".generic_base"] {
                self.add_def(hidden, DEF_LOCAL, range)?;
                self.add_def(hidden, USE, range)?;
            }
        }
        if owner.has_defaults {
            self.add_def(".defaults", DEF_PARAM, range)?;
        }
        if owner.has_kwdefaults {
            self.add_def(".kwdefaults", DEF_PARAM, range)?;
        }
        type_params.iter().try_for_each(|tp| self.type_param(tp))
    }

    fn type_param(&mut self, tp: &ast::TypeParam) -> Result<(), CompileError> {
        let key = node_key(tp);
        let name = type_param_name(tp);
        if name == "__classdict__" {
            return Err(CompileError::new(
                "reserved name '__classdict__' cannot be used for type parameter".to_string(),
                tp.range(),
            ));
        }
        if self.table.flags_of(self.current_id(), name) & DEF_TYPE_PARAM != 0 {
            return Err(CompileError::new(
                format!("duplicate type parameter '{name}'"),
                tp.range(),
            ));
        }
        match tp {
            ast::TypeParam::TypeVar {
                name,
                bound,
                default_value,
                range,
            } => {
                self.add_def(name, DEF_TYPE_PARAM | DEF_LOCAL, *range)?;
                self.lazy_type_expr(name, bound.as_deref(), key)?;
                // A second key for the default: the bound's is the parameter's address.
                self.lazy_type_expr(name, default_value.as_deref(), key + 1)
            }
            ast::TypeParam::ParamSpec {
                name,
                default_value,
                range,
            }
            | ast::TypeParam::TypeVarTuple {
                name,
                default_value,
                range,
            } => {
                self.add_def(name, DEF_TYPE_PARAM | DEF_LOCAL, *range)?;
                self.lazy_type_expr(name, default_value.as_deref(), key)
            }
        }
    }

    /// A bound, constraints or default: its own scope named after the parameter,
    /// seeing the class namespace when the type parameters do.
    fn lazy_type_expr(
        &mut self,
        name: &str,
        expr: Option<&Expr>,
        key: usize,
    ) -> Result<(), CompileError> {
        let Some(expr) = expr else {
            return Ok(());
        };
        let range = expr.range();
        let sees_class = self.current().can_see_class_scope;
        self.push(ScopeKind::Function, name, key, range.lineno);
        self.current().block_type = BlockType::TypeVariable;
        self.add_def(".format", DEF_PARAM, range)?;
        self.add_def(".format", USE, range)?;
        if sees_class {
            self.current().can_see_class_scope = true;
            self.add_def("__classdict__", USE, range)?;
        }
        self.expr(expr)?;
        self.pop();
        Ok(())
    }
}

impl super::super::SymbolTable {
    /// The scope recorded under a raw key: a TypeVar's default is keyed one past its
    /// parameter's address, which no node has.
    pub fn scope_for_key(&self, key: usize) -> Option<super::super::ScopeId> {
        self.by_node.get(&key).copied()
    }
}
