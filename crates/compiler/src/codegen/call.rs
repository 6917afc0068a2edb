//! Calls (CPython's `codegen_call` and helpers): `f(args)` with `PUSH_NULL`,
//! `obj.method(args)` loading the method unbound, zero-argument and two-argument
//! `super()` attribute loads, keyword calls, and `*args`/`**kwargs` via
//! `CALL_FUNCTION_EX`.

use adder_bytecode::{Constant, Opcode};
use adder_syntax::ast::{self, Expr, ExprContext};

use super::expr::STACK_USE_GUIDELINE;
use super::{Compiler, Result};
use crate::error::CompileError;
use crate::ir::Loc;
use crate::symtable::NameScope;

impl<'a> Compiler<'a> {
    pub fn call(
        &mut self,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [ast::Keyword],
        loc: Loc,
    ) -> Result<()> {
        if self.method_call(func, args, keywords, loc)? {
            return Ok(());
        }
        crate::warnings::check_caller(func);
        self.expr(func)?;
        let end = self.new_label();
        self.maybe_optimize_builtin_call(func, args, keywords, end)?;
        self.emit0(Opcode::PushNull, Loc::from_range(func.range()));
        self.call_helper(0, args, keywords, loc)?;
        self.place(end);
        Ok(())
    }

    /// `obj.method(args)` loads the method unbound with `LOAD_ATTR` (low bit set), so that
    /// no bound-method object is made (CPython's `maybe_optimize_method_call`).
    fn method_call(
        &mut self,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [ast::Keyword],
        loc: Loc,
    ) -> Result<bool> {
        let Expr::Attribute {
            value,
            attr,
            ctx: ExprContext::Load,
            ..
        } = func
        else {
            return Ok(false);
        };
        if args.iter().any(|a| matches!(a, Expr::Starred { .. }))
            || keywords.iter().any(|k| k.arg.is_none())
            || args.len() + keywords.len() >= STACK_USE_GUIDELINE
            || self.is_import_originated(value)
        {
            return Ok(false);
        }
        let attr_loc = Loc::from_range(func.range()).at_attribute(func.range(), attr);
        if self.can_optimize_super_call(value, attr) {
            self.load_super_attr(value, attr, true, attr_loc)?;
        } else {
            self.expr(value)?;
            let index = self.add_name(attr);
            self.emit(Opcode::LoadAttr, (index << 1) | 1, attr_loc);
        }
        for a in args {
            self.expr(a)?;
        }
        let call_loc = loc.at_attribute(func.range(), attr);
        self.keyword_call_tail(args.len() as u32, keywords, call_loc)?;
        Ok(true)
    }

    /// `super().attr` / `super(C, self).attr` compile to `LOAD_SUPER_ATTR` unless `super`
    /// may be shadowed (CPython's `can_optimize_super_call`).
    pub fn can_optimize_super_call(&self, object: &Expr, attr: &str) -> bool {
        let Expr::Call {
            func,
            args,
            keywords,
            ..
        } = object
        else {
            return false;
        };
        let Expr::Name { id, .. } = func.as_ref() else {
            return false;
        };
        if id != "super" || attr == "__class__" || !keywords.is_empty() {
            return false;
        }
        let global_implicit = matches!(self.name_scope(id), None | Some(NameScope::GlobalImplicit));
        if !global_implicit || self.table.symbol(0, id).is_some() {
            return false;
        }
        match args.len() {
            2 => !args.iter().any(|a| matches!(a, Expr::Starred { .. })),
            0 => {
                let unit = self.unit_ref();
                (unit.argcount > 0 || unit.posonlyargcount > 0)
                    && self.name_scope("__class__") == Some(NameScope::Free)
            }
            _ => false,
        }
    }

    /// Load `super`, its two arguments (explicit or `__class__` and the first
    /// parameter) and `LOAD_SUPER_ATTR` (CPython's `load_args_for_super`).
    pub fn load_super_attr(
        &mut self,
        object: &'a Expr,
        attr: &str,
        method: bool,
        loc: Loc,
    ) -> Result<()> {
        let Expr::Call { func, args, .. } = object else {
            return Ok(());
        };
        self.nameop("super", ExprContext::Load, Loc::from_range(func.range()))?;
        let call_loc = Loc::from_range(object.range());
        let two_args = args.len() == 2;
        if two_args {
            self.expr(&args[0])?;
            self.expr(&args[1])?;
        } else {
            self.nameop("__class__", ExprContext::Load, call_loc)?;
            let table = self.table;
            let first = table.scopes[self.unit_ref().scope]
                .params
                .first()
                .map_or("", |&param| table.name(param));
            self.nameop(first, ExprContext::Load, call_loc)?;
        }
        let index = self.add_name(attr);
        let arg = (index << 2) | u32::from(method) | if two_args { 2 } else { 0 };
        self.emit(Opcode::LoadSuperAttr, arg, loc);
        self.emit0(Opcode::Nop, loc);
        Ok(())
    }

    /// Whether `expr` names a module imported at module level (CPython 3.14 then loads
    /// `module.attr` plainly instead of as a method).
    fn is_import_originated(&self, expr: &Expr) -> bool {
        let Expr::Name { id, .. } = expr else {
            return false;
        };
        self.table.flags_of(0, id) & crate::symtable::flags::DEF_IMPORT != 0
    }

    fn keyword_call_tail(
        &mut self,
        positional: u32,
        keywords: &'a [ast::Keyword],
        loc: Loc,
    ) -> Result<()> {
        self.validate_keywords(keywords)?;
        if keywords.is_empty() {
            self.emit(Opcode::Call, positional, loc);
            return Ok(());
        }
        for k in keywords {
            self.expr(&k.value)?;
        }
        let names: Vec<Constant> = keywords
            .iter()
            .map(|k| Constant::Str(k.arg.as_deref().unwrap_or("").into()))
            .collect();
        self.load_const(Constant::Tuple(names.into()), loc);
        self.emit(Opcode::CallKw, positional + keywords.len() as u32, loc);
        Ok(())
    }

    fn validate_keywords(&self, keywords: &[ast::Keyword]) -> Result<()> {
        for (i, k) in keywords.iter().enumerate() {
            let Some(name) = &k.arg else { continue };
            if keywords[i + 1..]
                .iter()
                .any(|other| other.arg.as_deref() == Some(name))
            {
                let dup = keywords[i + 1..]
                    .iter()
                    .find(|o| o.arg.as_deref() == Some(name));
                let range = dup.map_or(k.range, |d| d.range);
                return Err(CompileError::new(
                    format!("keyword argument repeated: {name}"),
                    range,
                ));
            }
        }
        Ok(())
    }

    /// Arguments and the call itself; `pushed` positional values are already on the
    /// stack (CPython's `codegen_call_helper`).
    pub fn call_helper(
        &mut self,
        pushed: u32,
        args: &'a [Expr],
        keywords: &'a [ast::Keyword],
        loc: Loc,
    ) -> Result<()> {
        self.call_helper_injected(pushed, args, None, keywords, loc)
    }

    /// `call_helper` with the variable `injected` loaded as an extra positional argument
    /// after `args` (a generic class's `Generic[...]` base).
    pub fn call_helper_injected(
        &mut self,
        pushed: u32,
        args: &'a [Expr],
        injected: Option<&str>,
        keywords: &'a [ast::Keyword],
        loc: Loc,
    ) -> Result<()> {
        self.validate_keywords(keywords)?;
        let extra = injected.is_some() as u32;
        let needs_ex = args.len() + keywords.len() * 2 > STACK_USE_GUIDELINE
            || args.iter().any(|a| matches!(a, Expr::Starred { .. }))
            || keywords.iter().any(|k| k.arg.is_none());
        if !needs_ex {
            for a in args {
                self.expr(a)?;
            }
            if let Some(name) = injected {
                self.nameop(name, ast::ExprContext::Load, loc)?;
            }
            return self.keyword_call_tail(pushed + args.len() as u32 + extra, keywords, loc);
        }
        match args {
            [Expr::Starred { value, .. }] if pushed == 0 && injected.is_none() => {
                self.expr(value)?
            }
            _ => self.starunpack_pushed(
                args,
                pushed,
                injected,
                Opcode::BuildList,
                Opcode::ListAppend,
                Opcode::ListExtend,
                true,
                loc,
            )?,
        }
        if keywords.is_empty() {
            self.emit0(Opcode::PushNull, loc);
        } else {
            let mut have_dict = false;
            let mut seen = 0;
            for (i, k) in keywords.iter().enumerate() {
                if k.arg.is_none() {
                    if seen > 0 {
                        self.subkwargs(&keywords[i - seen..i], loc)?;
                        if have_dict {
                            self.emit(Opcode::DictMerge, 1, loc);
                        }
                        have_dict = true;
                        seen = 0;
                    }
                    if !have_dict {
                        self.emit(Opcode::BuildMap, 0, loc);
                        have_dict = true;
                    }
                    self.expr(&k.value)?;
                    self.emit(Opcode::DictMerge, 1, loc);
                } else {
                    seen += 1;
                }
            }
            if seen > 0 {
                self.subkwargs(&keywords[keywords.len() - seen..], loc)?;
                if have_dict {
                    self.emit(Opcode::DictMerge, 1, loc);
                }
            }
        }
        self.emit0(Opcode::CallFunctionEx, loc);
        Ok(())
    }

    /// Keyword arguments as a dict; built item by item when there are many, with the
    /// `BUILD_MAP 0`/`MAP_ADD` taking the line of what precedes them (no location of
    /// their own, as CPython's `codegen_subkwargs`).
    fn subkwargs(&mut self, keywords: &'a [ast::Keyword], loc: Loc) -> Result<()> {
        let n = keywords.len();
        let big = n * 2 > STACK_USE_GUIDELINE;
        if big {
            self.emit(Opcode::BuildMap, 0, Loc::NONE);
        }
        for k in keywords {
            self.load_const(Constant::Str(k.arg.as_deref().unwrap_or("").into()), loc);
            self.expr(&k.value)?;
            if big {
                self.emit(Opcode::MapAdd, 1, Loc::NONE);
            }
        }
        if !big {
            self.emit(Opcode::BuildMap, n as u32, loc);
        }
        Ok(())
    }
}
