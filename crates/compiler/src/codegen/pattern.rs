//! The `match` statement (CPython's `codegen_match` and `codegen_pattern_*`): each case
//! matches against a copy of the subject; captured values pile up on the stack and are
//! stored only once the whole pattern matched; failures jump to "fail_pop" labels that
//! pop however many values were pushed so far.

use adder_bytecode::{Constant, Opcode};
use adder_syntax::ast::{self, Expr, ExprContext, Pattern};

use super::expr::NB_SUBSCR;
use super::{Compiler, Result};
use crate::error::CompileError;
use crate::ir::{Loc, Op, Target};

/// `COMPARE_OP` argument for `==` and `>=` (operator << 5 | outcome mask).
const COMPARE_EQ: u32 = (2 << 5) | 8;
const COMPARE_GE: u32 = (5 << 5) | 4 | 8;
const NB_SUBTRACT: u32 = 10;

/// State while compiling one case's pattern (CPython's `pattern_context`).
#[derive(Default, Clone)]
struct PatternContext {
    /// Names captured so far, in stack order.
    stores: Vec<String>,
    allow_irrefutable: bool,
    /// `fail_pop[n]` pops `n` values then fails.
    fail_pop: Vec<Target>,
    /// Values on top of the stack that must survive sub-pattern matches.
    on_top: usize,
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(
        p,
        Pattern::MatchAs {
            pattern: None,
            name: None,
            ..
        }
    )
}

fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchStar { name: None, .. })
}

fn error(msg: impl Into<String>, range: ast::Range) -> CompileError {
    CompileError::new(msg.into(), range)
}

impl<'a> Compiler<'a> {
    pub fn match_stmt(&mut self, subject: &'a Expr, cases: &'a [ast::MatchCase]) -> Result<()> {
        self.expr(subject)?;
        let end = self.new_label();
        let Some(last) = cases.last() else {
            return Ok(());
        };
        let has_default = is_wildcard(&last.pattern) && cases.len() > 1;
        let refutable_cases = cases.len() - usize::from(has_default);
        for (i, case) in cases[..refutable_cases].iter().enumerate() {
            let ploc = Loc::from_range(case.pattern.range());
            let not_last = i + 1 != refutable_cases;
            if not_last {
                self.emit(Opcode::Copy, 1, ploc);
            }
            let mut pc = PatternContext {
                allow_irrefutable: case.guard.is_some() || i + 1 == cases.len(),
                ..PatternContext::default()
            };
            self.pattern(&case.pattern, &mut pc)?;
            for name in pc.stores.clone() {
                self.nameop(&name, ExprContext::Store, ploc)?;
            }
            if let Some(guard) = &case.guard {
                self.ensure_fail_pop(&mut pc, 0);
                self.jump_if(guard, pc.fail_pop[0], false)?;
            }
            if not_last {
                self.emit0(Opcode::PopTop, Loc::NEXT);
            }
            self.stmts(&case.body)?;
            self.jump(end, Loc::NONE);
            self.emit_and_reset_fail_pop(&mut pc, ploc);
        }
        if has_default {
            let ploc = Loc::from_range(last.pattern.range());
            if cases.len() == 1 {
                self.emit0(Opcode::PopTop, ploc);
            } else {
                self.emit0(Opcode::Nop, ploc);
            }
            if let Some(guard) = &last.guard {
                self.jump_if(guard, end, false)?;
            }
            self.stmts(&last.body)?;
        }
        self.place(end);
        Ok(())
    }

    /// Patterns allow signed numbers and complex literals (`-1`, `1+2j`); CPython's AST
    /// optimizer folds them into constants before code generation.
    fn folded_number(&self, expr: &Expr) -> Option<Constant> {
        match expr {
            Expr::Constant { value, .. } => Some(self.constant(value)),
            Expr::UnaryOp {
                op: ast::UnaryOp::USub,
                operand,
                ..
            } => crate::constfold::unary(
                crate::constfold::Unary::Negative,
                &self.folded_number(operand)?,
            ),
            Expr::BinOp {
                left, op, right, ..
            } => {
                let arg = super::expr::binary_op_arg(*op, false);
                crate::constfold::binary(
                    arg,
                    &self.folded_number(left)?,
                    &self.folded_number(right)?,
                )
            }
            _ => None,
        }
    }

    fn ensure_fail_pop(&mut self, pc: &mut PatternContext, n: usize) {
        while pc.fail_pop.len() < n + 1 {
            let label = self.new_label();
            pc.fail_pop.push(label);
        }
    }

    /// Jump with `op` to the label popping everything pushed so far.
    fn jump_to_fail_pop(&mut self, pc: &mut PatternContext, op: Op, loc: Loc) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        self.emit_jump(op, pc.fail_pop[pops], loc);
    }

    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternContext, loc: Loc) {
        let labels = std::mem::take(&mut pc.fail_pop);
        for (n, label) in labels.iter().enumerate().rev() {
            self.place(*label);
            if n > 0 {
                self.emit0(Opcode::PopTop, loc);
            }
        }
    }

    /// Three-argument rotations of 3.10 as SWAPs.
    fn rotate(&mut self, count: usize, loc: Loc) {
        for n in (2..=count).rev() {
            self.emit(Opcode::Swap, n as u32, loc);
        }
    }

    fn store_capture(
        &mut self,
        name: Option<&str>,
        pc: &mut PatternContext,
        range: ast::Range,
    ) -> Result<()> {
        let loc = Loc::from_range(range);
        let Some(name) = name else {
            self.emit0(Opcode::PopTop, loc);
            return Ok(());
        };
        if pc.stores.iter().any(|s| s == name) {
            return Err(error(
                format!("multiple assignments to name '{name}' in pattern"),
                range,
            ));
        }
        self.rotate(pc.on_top + pc.stores.len() + 1, loc);
        pc.stores.push(name.to_string());
        Ok(())
    }

    fn subpattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> Result<()> {
        let saved = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(p, pc)?;
        pc.allow_irrefutable = saved;
        Ok(())
    }

    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> Result<()> {
        let range = p.range();
        self.enter_nested(range)?;
        let result = self.pattern_inner(p, pc);
        self.leave_nested();
        result
    }

    fn pattern_inner(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> Result<()> {
        let range = p.range();
        let loc = Loc::from_range(range);
        let fail_if_false = Op::Real(Opcode::PopJumpIfFalse);
        match p {
            Pattern::MatchValue { value, .. } => {
                if !matches!(
                    value.as_ref(),
                    Expr::Constant { .. }
                        | Expr::Attribute { .. }
                        | Expr::UnaryOp { .. }
                        | Expr::BinOp { .. }
                ) {
                    return Err(error(
                        "patterns may only match literals and attribute lookups",
                        range,
                    ));
                }
                match self.folded_number(value) {
                    Some(c) => self.load_const(c, Loc::from_range(value.range())),
                    None => self.expr(value)?,
                }
                self.emit(Opcode::CompareOp, COMPARE_EQ, loc);
                self.emit0(Opcode::ToBool, loc);
                self.jump_to_fail_pop(pc, fail_if_false, loc);
            }
            Pattern::MatchSingleton { value, .. } => {
                let c = self.constant(value);
                self.load_const(c, loc);
                self.emit(Opcode::IsOp, 0, loc);
                self.jump_to_fail_pop(pc, fail_if_false, loc);
            }
            Pattern::MatchSequence { patterns, .. } => {
                self.sequence_pattern(patterns, pc, range)?
            }
            Pattern::MatchMapping {
                keys,
                patterns,
                rest,
                ..
            } => self.mapping_pattern(keys, patterns, rest.as_deref(), pc, range)?,
            Pattern::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
                ..
            } => self.class_pattern(cls, patterns, kwd_attrs, kwd_patterns, pc, range)?,
            Pattern::MatchStar { name, .. } => self.store_capture(name.as_deref(), pc, range)?,
            Pattern::MatchAs { pattern, name, .. } => match pattern {
                None => {
                    if !pc.allow_irrefutable {
                        let msg = match name {
                            Some(n) => {
                                format!("name capture '{n}' makes remaining patterns unreachable")
                            }
                            None => "wildcard makes remaining patterns unreachable".to_string(),
                        };
                        return Err(error(msg, range));
                    }
                    self.store_capture(name.as_deref(), pc, range)?;
                }
                Some(inner) => {
                    pc.on_top += 1;
                    self.emit(Opcode::Copy, 1, loc);
                    self.pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.store_capture(name.as_deref(), pc, range)?;
                }
            },
            Pattern::MatchOr { patterns, .. } => self.or_pattern(patterns, pc, range)?,
        }
        Ok(())
    }

    fn sequence_pattern(
        &mut self,
        patterns: &'a [Pattern],
        pc: &mut PatternContext,
        range: ast::Range,
    ) -> Result<()> {
        let loc = Loc::from_range(range);
        let size = patterns.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, p) in patterns.iter().enumerate() {
            if matches!(p, Pattern::MatchStar { .. }) {
                if star.is_some() {
                    return Err(error("multiple starred names in sequence pattern", range));
                }
                star_wildcard = is_star_wildcard(p);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(p);
        }
        pc.on_top += 1;
        self.emit0(Opcode::MatchSequence, loc);
        self.jump_to_fail_pop(pc, Op::Real(Opcode::PopJumpIfFalse), loc);
        match star {
            None => {
                self.emit0(Opcode::GetLen, loc);
                self.load_const(Constant::Int(size.into()), loc);
                self.emit(Opcode::CompareOp, COMPARE_EQ, loc);
                self.jump_to_fail_pop(pc, Op::Real(Opcode::PopJumpIfFalse), loc);
            }
            Some(_) if size > 1 => {
                self.emit0(Opcode::GetLen, loc);
                self.load_const(Constant::Int((size - 1).into()), loc);
                self.emit(Opcode::CompareOp, COMPARE_GE, loc);
                self.jump_to_fail_pop(pc, Op::Real(Opcode::PopJumpIfFalse), loc);
            }
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit0(Opcode::PopTop, loc);
        } else if let (true, Some(star)) = (star_wildcard, star) {
            self.sequence_subscr(patterns, star, pc, loc)?;
        } else {
            self.sequence_unpack(patterns, pc, range)?;
        }
        Ok(())
    }

    fn sequence_unpack(
        &mut self,
        patterns: &'a [Pattern],
        pc: &mut PatternContext,
        range: ast::Range,
    ) -> Result<()> {
        let loc = Loc::from_range(range);
        let n = patterns.len();
        let mut seen_star = false;
        for (i, p) in patterns.iter().enumerate() {
            if matches!(p, Pattern::MatchStar { .. }) {
                if seen_star {
                    return Err(error(
                        "multiple starred expressions in sequence pattern",
                        range,
                    ));
                }
                if i >= 256 || n - i > (i32::MAX >> 8) as usize {
                    return Err(error(
                        "too many expressions in star-unpacking sequence pattern",
                        range,
                    ));
                }
                self.emit(Opcode::UnpackEx, (i + ((n - i - 1) << 8)) as u32, loc);
                seen_star = true;
            }
        }
        if !seen_star {
            self.emit(Opcode::UnpackSequence, n as u32, loc);
        }
        pc.on_top += n;
        for p in patterns {
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        Ok(())
    }

    /// `[first, *_, last]`: index the subject instead of unpacking it.
    fn sequence_subscr(
        &mut self,
        patterns: &'a [Pattern],
        star: usize,
        pc: &mut PatternContext,
        loc: Loc,
    ) -> Result<()> {
        pc.on_top += 1;
        let size = patterns.len();
        for (i, p) in patterns.iter().enumerate() {
            if is_wildcard(p) || i == star {
                continue;
            }
            self.emit(Opcode::Copy, 1, loc);
            if i < star {
                self.load_const(Constant::Int(i.into()), loc);
            } else {
                self.emit0(Opcode::GetLen, loc);
                self.load_const(Constant::Int((size - i).into()), loc);
                self.emit(Opcode::BinaryOp, NB_SUBTRACT, loc);
            }
            self.emit(Opcode::BinaryOp, NB_SUBSCR, loc);
            self.subpattern(p, pc)?;
        }
        pc.on_top -= 1;
        self.emit0(Opcode::PopTop, loc);
        Ok(())
    }

    fn mapping_pattern(
        &mut self,
        keys: &'a [Expr],
        patterns: &'a [Pattern],
        rest: Option<&str>,
        pc: &mut PatternContext,
        range: ast::Range,
    ) -> Result<()> {
        let loc = Loc::from_range(range);
        let size = keys.len();
        if size != patterns.len() {
            return Err(error(
                format!(
                    "keys ({size}) / patterns ({}) length mismatch in mapping pattern",
                    patterns.len()
                ),
                range,
            ));
        }
        pc.on_top += 1;
        self.emit0(Opcode::MatchMapping, loc);
        self.jump_to_fail_pop(pc, Op::Real(Opcode::PopJumpIfFalse), loc);
        if size == 0 && rest.is_none() {
            pc.on_top -= 1;
            self.emit0(Opcode::PopTop, loc);
            return Ok(());
        }
        if size > 0 {
            self.emit0(Opcode::GetLen, loc);
            self.load_const(Constant::Int(size.into()), loc);
            self.emit(Opcode::CompareOp, COMPARE_GE, loc);
            self.jump_to_fail_pop(pc, Op::Real(Opcode::PopJumpIfFalse), loc);
        }
        let mut seen: Vec<Constant> = Vec::new();
        for key in keys {
            match key {
                Expr::Constant { value, .. } => {
                    let c = self.constant(value);
                    if seen.iter().any(|s| s.same_as(&c)) {
                        let shown = adder_bytecode::repr::constant_repr(&c);
                        return Err(error(
                            format!("mapping pattern checks duplicate key ({shown})"),
                            range,
                        ));
                    }
                    seen.push(c);
                }
                Expr::UnaryOp { .. } | Expr::BinOp { .. } => {
                    if let Some(c) = self.folded_number(key) {
                        if seen.iter().any(|s| s.same_as(&c)) {
                            let shown = adder_bytecode::repr::constant_repr(&c);
                            return Err(error(
                                format!("mapping pattern checks duplicate key ({shown})"),
                                range,
                            ));
                        }
                        self.load_const(c.clone(), Loc::from_range(key.range()));
                        seen.push(c);
                        continue;
                    }
                }
                Expr::Attribute { .. } => {}
                _ => {
                    return Err(error(
                        "mapping pattern keys may only match literals and attribute lookups",
                        range,
                    ))
                }
            }
            self.expr(key)?;
        }
        self.emit(Opcode::BuildTuple, size as u32, loc);
        self.emit0(Opcode::MatchKeys, loc);
        pc.on_top += 2;
        self.emit(Opcode::Copy, 1, loc);
        self.load_const(Constant::None, loc);
        self.emit(Opcode::IsOp, 1, loc);
        self.jump_to_fail_pop(pc, Op::Real(Opcode::PopJumpIfFalse), loc);
        self.emit(Opcode::UnpackSequence, size as u32, loc);
        pc.on_top += size;
        pc.on_top -= 1;
        for p in patterns {
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        pc.on_top -= 2;
        match rest {
            Some(name) => {
                self.emit(Opcode::BuildMap, 0, loc);
                self.emit(Opcode::Swap, 3, loc);
                self.emit(Opcode::DictUpdate, 2, loc);
                self.emit(Opcode::UnpackSequence, size as u32, loc);
                for remaining in (1..=size).rev() {
                    self.emit(Opcode::Copy, 1 + remaining as u32, loc);
                    self.emit(Opcode::Swap, 2, loc);
                    self.emit0(Opcode::DeleteSubscr, loc);
                }
                self.store_capture(Some(name), pc, range)?;
            }
            None => {
                self.emit0(Opcode::PopTop, loc);
                self.emit0(Opcode::PopTop, loc);
            }
        }
        Ok(())
    }

    fn class_pattern(
        &mut self,
        cls: &'a Expr,
        patterns: &'a [Pattern],
        kwd_attrs: &'a [String],
        kwd_patterns: &'a [Pattern],
        pc: &mut PatternContext,
        range: ast::Range,
    ) -> Result<()> {
        let loc = Loc::from_range(range);
        let nargs = patterns.len();
        let nattrs = kwd_attrs.len();
        if nattrs != kwd_patterns.len() {
            return Err(error(
                format!(
                    "kwd_attrs ({nattrs}) / kwd_patterns ({}) length mismatch in class pattern",
                    kwd_patterns.len()
                ),
                range,
            ));
        }
        for (i, attr) in kwd_attrs.iter().enumerate() {
            if let Some(j) = kwd_attrs[i + 1..].iter().position(|o| o == attr) {
                let at = kwd_patterns.get(i + 1 + j).map_or(range, |p| p.range());
                return Err(error(
                    format!("attribute name repeated in class pattern: {attr}"),
                    at,
                ));
            }
        }
        self.expr(cls)?;
        let names: Vec<Constant> = kwd_attrs
            .iter()
            .map(|a| Constant::Str(a.as_str().into()))
            .collect();
        self.load_const(Constant::Tuple(names.into()), loc);
        self.emit(Opcode::MatchClass, nargs as u32, loc);
        self.emit(Opcode::Copy, 1, loc);
        self.load_const(Constant::None, loc);
        self.emit(Opcode::IsOp, 1, loc);
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, Op::Real(Opcode::PopJumpIfFalse), loc);
        self.emit(Opcode::UnpackSequence, (nargs + nattrs) as u32, loc);
        pc.on_top += nargs + nattrs;
        pc.on_top -= 1;
        for p in patterns.iter().chain(kwd_patterns) {
            pc.on_top -= 1;
            if is_wildcard(p) {
                self.emit0(Opcode::PopTop, loc);
                continue;
            }
            self.subpattern(p, pc)?;
        }
        Ok(())
    }

    fn or_pattern(
        &mut self,
        alternatives: &'a [Pattern],
        pc: &mut PatternContext,
        range: ast::Range,
    ) -> Result<()> {
        let loc = Loc::from_range(range);
        let end = self.new_label();
        let old = pc.clone();
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in alternatives.iter().enumerate() {
            let aloc = Loc::from_range(alt.range());
            pc.stores = Vec::new();
            pc.allow_irrefutable = i + 1 == alternatives.len() && old.allow_irrefutable;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit(Opcode::Copy, 1, aloc);
            self.pattern(alt, pc)?;
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctrl) if ctrl.len() != pc.stores.len() => {
                    return Err(error("alternative patterns bind different names", range));
                }
                Some(ctrl) => {
                    for icontrol in (0..ctrl.len()).rev() {
                        let name = &ctrl[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            return Err(error("alternative patterns bind different names", range));
                        };
                        if icontrol != istores {
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            pc.stores.splice(at..at, rotated);
                            for _ in 0..rotations {
                                self.rotate(icontrol + 1, aloc);
                            }
                        }
                    }
                }
            }
            self.jump(end, aloc);
            self.emit_and_reset_fail_pop(pc, aloc);
        }
        *pc = old;
        self.emit0(Opcode::PopTop, loc);
        self.jump_to_fail_pop(pc, Op::Pseudo(adder_bytecode::PseudoOpcode::Jump), loc);
        self.place(end);
        let control = control.unwrap_or_default();
        let nrots = control.len() + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.rotate(nrots, loc);
            if pc.stores.contains(&name) {
                return Err(error(
                    format!("multiple assignments to name '{name}' in pattern"),
                    range,
                ));
            }
            pc.stores.push(name);
        }
        self.emit0(Opcode::PopTop, loc);
        Ok(())
    }
}
