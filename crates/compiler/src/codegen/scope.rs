//! Functions, lambdas and classes: compiling their bodies as new units and building the
//! function object (defaults, closure) in the enclosing code.

use std::rc::Rc;

use adder_bytecode::{CodeObject, Constant, Opcode};
use adder_syntax::ast::{self, Expr, ExprContext, Stmt};

use super::stmt::docstring;
use super::{Compiler, Result, UnitKind};
use crate::error::CompileError;
use crate::intrinsics::{INTRINSIC_SET_FUNCTION_TYPE_PARAMS, INTRINSIC_SUBSCRIPT_GENERIC};
use crate::ir::Loc;

/// `SET_FUNCTION_ATTRIBUTE` flags.
const MAKE_DEFAULTS: u32 = 1;
const MAKE_KWDEFAULTS: u32 = 2;
const MAKE_CLOSURE: u32 = 8;
/// Hidden locals of a generic class's type-parameters function.
const TYPE_PARAMS: &str = ".type_params";
const GENERIC_BASE: &str = ".generic_base";

impl<'a> Compiler<'a> {
    fn decorators(&mut self, decorators: &'a [Expr]) -> Result<()> {
        decorators.iter().try_for_each(|d| self.expr(d))
    }

    /// Each decorator was pushed before the function; `CALL 0` with the function in the
    /// `self_or_null` slot calls `decorator(function)`.
    fn apply_decorators(&mut self, decorators: &'a [Expr]) {
        for d in decorators.iter().rev() {
            self.emit(Opcode::Call, 0, Loc::from_range(d.range()));
        }
    }

    /// Push defaults and keyword-only defaults; returns the `SET_FUNCTION_ATTRIBUTE` flags.
    fn default_arguments(&mut self, args: &'a ast::Arguments, loc: Loc) -> Result<u32> {
        let mut flags = 0;
        if !args.defaults.is_empty() {
            for d in &args.defaults {
                self.expr(d)?;
            }
            self.emit(Opcode::BuildTuple, args.defaults.len() as u32, loc);
            flags |= MAKE_DEFAULTS;
        }
        let mut count = 0;
        for (arg, default) in args.kwonlyargs.iter().zip(&args.kw_defaults) {
            if let Some(default) = default {
                let name = self.mangle(&arg.arg);
                self.load_const(Constant::Str(name.as_ref().into()), loc);
                self.expr(default)?;
                count += 1;
            }
        }
        if count > 0 {
            self.emit(Opcode::BuildMap, count, loc);
            flags |= MAKE_KWDEFAULTS;
        }
        Ok(flags)
    }

    fn set_arg_counts(&mut self, args: &ast::Arguments) {
        let unit = self.unit();
        unit.posonlyargcount = args.posonlyargs.len() as u32;
        unit.argcount = (args.posonlyargs.len() + args.args.len()) as u32;
        unit.kwonlyargcount = args.kwonlyargs.len() as u32;
    }

    pub fn function_def(&mut self, stmt: &'a Stmt) -> Result<()> {
        let (Stmt::FunctionDef {
            name,
            args,
            body,
            decorator_list,
            returns,
            type_params,
            range,
            ..
        }
        | Stmt::AsyncFunctionDef {
            name,
            args,
            body,
            decorator_list,
            returns,
            type_params,
            range,
            ..
        }) = stmt
        else {
            return Ok(());
        };
        let loc = Loc::from_range(*range);
        self.decorators(decorator_list)?;
        let firstlineno = decorator_list
            .first()
            .map_or(range.lineno, |d| d.range().lineno);
        let mut flags = self.default_arguments(args, loc)?;
        let generic = !type_params.is_empty();
        // The defaults become the arguments of the type-parameters function.
        let passed = (flags & MAKE_DEFAULTS != 0) as u32 + (flags & MAKE_KWDEFAULTS != 0) as u32;
        if generic {
            if passed == 2 {
                self.emit(Opcode::Swap, 2, loc);
            }
            self.enter_type_params_scope(name, type_params, firstlineno, passed, *range)?;
            self.type_params(type_params)?;
            for i in 0..passed {
                self.emit(Opcode::LoadFast, i, loc);
            }
        }
        flags |= self.function_annotations(args, returns.as_deref(), loc)?;
        let scope = self
            .table
            .scope_for(stmt)
            .ok_or_else(|| missing_scope(*range))?;
        self.enter_scope(scope, UnitKind::Function, name, firstlineno);
        let mut rest: &'a [Stmt] = body;
        if let Some(doc) = docstring(body) {
            if self.optimize < 2 {
                self.add_const(Constant::Str(doc.into()));
                self.unit().has_docstring = true;
            }
            rest = &body[1..];
        }
        self.set_arg_counts(args);
        self.stmts(rest)?;
        self.finish_function_body();
        let code = self.exit_scope()?;
        self.make_closure(code, flags, loc)?;
        if generic {
            self.emit(Opcode::Swap, 2, loc);
            self.emit(
                Opcode::CallIntrinsic2,
                INTRINSIC_SET_FUNCTION_TYPE_PARAMS,
                loc,
            );
            self.call_type_params_scope(passed, loc)?;
        }
        self.apply_decorators(decorator_list);
        self.nameop(name, ExprContext::Store, loc)
    }

    /// The implicit `return None`, or for generators and coroutines the StopIteration
    /// guard (which includes it).
    fn finish_function_body(&mut self) {
        let scope = self.scope();
        if scope.is_generator || scope.is_coroutine {
            self.wrap_in_stopiteration_handler();
        } else {
            self.load_const(Constant::None, Loc::NONE);
            self.emit0(Opcode::ReturnValue, Loc::NONE);
        }
    }

    pub fn lambda(&mut self, expr: &'a Expr) -> Result<()> {
        let Expr::Lambda { args, body, range } = expr else {
            return Ok(());
        };
        let loc = Loc::from_range(*range);
        let flags = self.default_arguments(args, loc)?;
        let scope = self
            .table
            .scope_for(expr)
            .ok_or_else(|| missing_scope(*range))?;
        self.enter_scope(scope, UnitKind::Lambda, "<lambda>", range.lineno);
        self.set_arg_counts(args);
        self.expr(body)?;
        if self.scope().is_generator {
            // CPython returns the body's value (the last `yield`'s result) and adds no
            // StopIteration guard to generator lambdas.
            self.emit0(Opcode::ReturnValue, Loc::NONE);
        } else {
            self.emit0(Opcode::ReturnValue, Loc::from_range(body.range()));
        }
        // CPython ends every unit with an unreachable `return None`, whose None joins
        // the constants: it stays (as the first constant always does) when the body
        // added none of its own.
        self.add_const(Constant::None);
        let code = self.exit_scope()?;
        self.make_closure(code, flags, loc)
    }

    pub fn class_def(&mut self, stmt: &'a Stmt) -> Result<()> {
        let Stmt::ClassDef {
            name,
            bases,
            keywords,
            body,
            decorator_list,
            type_params,
            range,
        } = stmt
        else {
            return Ok(());
        };
        let loc = Loc::from_range(*range);
        self.decorators(decorator_list)?;
        let firstlineno = decorator_list
            .first()
            .map_or(range.lineno, |d| d.range().lineno);
        let generic = !type_params.is_empty();
        if generic {
            self.enter_type_params_scope(name, type_params, firstlineno, 0, *range)?;
            // The class's type parameters are its private names (`class C[__T]`).
            self.unit().private = Some(std::rc::Rc::from(name.as_str()));
            self.type_params(type_params)?;
            self.nameop(TYPE_PARAMS, ExprContext::Store, loc)?;
        }
        let scope = self
            .table
            .scope_for(stmt)
            .ok_or_else(|| missing_scope(*range))?;
        self.enter_scope(scope, UnitKind::Class, name, firstlineno);
        // The class-body prologue is attributed to the first line (decorators included).
        let outer_loc = loc;
        let line = firstlineno as i32;
        let loc = Loc {
            lineno: line,
            end_lineno: line,
            col: 0,
            end_col: 0,
        };
        self.nameop("__name__", ExprContext::Load, loc)?;
        self.nameop("__module__", ExprContext::Store, loc)?;
        let qualname = self.unit_ref().qualname.clone();
        self.load_const(Constant::Str(qualname.as_str().into()), loc);
        self.nameop("__qualname__", ExprContext::Store, loc)?;
        self.load_const(Constant::Int(firstlineno.into()), loc);
        self.nameop("__firstlineno__", ExprContext::Store, loc)?;
        if generic {
            self.nameop(TYPE_PARAMS, ExprContext::Load, loc)?;
            self.nameop("__type_params__", ExprContext::Store, loc)?;
        }
        if self.scope().needs_classdict {
            self.emit0(Opcode::LoadLocals, loc);
            let index = self.deref_index("__classdict__");
            self.emit(Opcode::StoreDeref, index, loc);
        }
        self.begin_annotated_body(loc)?;
        let mut rest: &'a [Stmt] = body;
        if let (Some(doc), Some(first)) = (docstring(body), body.first()) {
            if self.optimize < 2 {
                let doc_loc = Loc::from_range(first.range());
                self.load_const(Constant::Str(doc.into()), doc_loc);
                self.nameop("__doc__", ExprContext::Store, doc_loc)?;
            }
            rest = &body[1..];
        }
        self.stmts(rest)?;
        self.finish_annotated_body(loc)?;
        let mut attributes = std::mem::take(&mut self.unit().static_attributes);
        attributes.sort();
        attributes.dedup();
        let names: Vec<Constant> = attributes
            .iter()
            .map(|a| Constant::Str(a.as_str().into()))
            .collect();
        self.load_const(Constant::Tuple(names.into()), Loc::NONE);
        self.nameop("__static_attributes__", ExprContext::Store, Loc::NONE)?;
        if self.scope().needs_classdict {
            let index = self.deref_index("__classdict__");
            self.emit_pseudo(adder_bytecode::PseudoOpcode::LoadClosure, index, Loc::NONE);
            self.nameop("__classdictcell__", ExprContext::Store, Loc::NONE)?;
        }
        if self.scope().needs_class_closure {
            let index = self.deref_index("__class__");
            self.emit_pseudo(adder_bytecode::PseudoOpcode::LoadClosure, index, Loc::NONE);
            self.emit(Opcode::Copy, 1, Loc::NONE);
            self.nameop("__classcell__", ExprContext::Store, Loc::NONE)?;
        } else {
            self.load_const(Constant::None, Loc::NONE);
        }
        self.emit0(Opcode::ReturnValue, Loc::NONE);
        let code = self.exit_scope()?;
        let loc = outer_loc;
        self.emit0(Opcode::LoadBuildClass, loc);
        self.emit0(Opcode::PushNull, loc);
        self.make_closure(code, 0, loc)?;
        self.load_const(Constant::Str(name.as_str().into()), loc);
        if generic {
            // `typing.Generic[*params]` becomes the last base.
            self.nameop(TYPE_PARAMS, ExprContext::Load, loc)?;
            self.emit(Opcode::CallIntrinsic1, INTRINSIC_SUBSCRIPT_GENERIC, loc);
            self.nameop(GENERIC_BASE, ExprContext::Store, loc)?;
            self.call_helper_injected(2, bases, Some(GENERIC_BASE), keywords, loc)?;
            self.call_type_params_scope(0, loc)?;
        } else {
            self.call_helper(2, bases, keywords, loc)?;
        }
        self.apply_decorators(decorator_list);
        self.nameop(name, ExprContext::Store, loc)
    }

    /// Remember `self.x = ...` for `__static_attributes__` of the nearest class enclosing
    /// the current code (CPython's `compiler_add_static_attribute_to_class`: the object
    /// must be literally named `self`).
    pub fn record_static_attribute(&mut self, object: &Expr, attr: &str) {
        if !matches!(object, Expr::Name { id, .. } if id == "self") {
            return;
        }
        let parents = self.units.len().saturating_sub(1);
        if let Some(class) = self.units[..parents]
            .iter_mut()
            .rev()
            .find(|u| u.kind == UnitKind::Class)
        {
            class.static_attributes.push(attr.to_string());
        }
    }

    /// Build a function object from a compiled code object (CPython's
    /// `codegen_make_closure`): closure cells, then the attributes in `flags`.
    pub fn make_closure(&mut self, code: Rc<CodeObject>, flags: u32, loc: Loc) -> Result<()> {
        let mut flags = flags;
        let frees = code.freevars();
        if !frees.is_empty() {
            for name in &frees {
                let index = self.deref_index(name);
                self.emit_pseudo(adder_bytecode::PseudoOpcode::LoadClosure, index, loc);
            }
            self.emit(Opcode::BuildTuple, frees.len() as u32, loc);
            flags |= MAKE_CLOSURE;
        }
        self.load_const(Constant::Code(code), loc);
        self.emit0(Opcode::MakeFunction, loc);
        for bit in [MAKE_CLOSURE, 4, 16, MAKE_KWDEFAULTS, MAKE_DEFAULTS] {
            if flags & bit != 0 {
                self.emit(Opcode::SetFunctionAttribute, bit, loc);
            }
        }
        Ok(())
    }
}

fn missing_scope(range: ast::Range) -> CompileError {
    CompileError::new(
        "compiler: no symbol table entry for this scope".to_string(),
        range,
    )
}
