//! Code generation for expressions (CPython's `codegen_visit_expr`), including
//! conditional jumps on expressions (`codegen_jump_if`) and calls.

use adder_bytecode::{Constant, Opcode, PseudoOpcode};
use adder_syntax::ast::{self, CmpOp, Expr, ExprContext, Operator};

use super::{Compiler, Result};
use crate::error::CompileError;
use crate::intrinsics::{INTRINSIC_LIST_TO_TUPLE, INTRINSIC_UNARY_POSITIVE};
use crate::ir::{Loc, Op, Target};

/// `BINARY_OP` argument for subscription.
pub const NB_SUBSCR: u32 = 26;
/// CPython's `_PY_STACK_USE_GUIDELINE`: beyond this many items, build collections
/// incrementally instead of pushing everything first.
pub const STACK_USE_GUIDELINE: usize = 30;

/// `BINARY_OP` argument (`NB_*`) for an operator; in-place variants are 13 higher.
pub fn binary_op_arg(op: Operator, inplace: bool) -> u32 {
    let base = match op {
        Operator::Add => 0,
        Operator::BitAnd => 1,
        Operator::FloorDiv => 2,
        Operator::LShift => 3,
        Operator::MatMult => 4,
        Operator::Mult => 5,
        Operator::Mod => 6,
        Operator::BitOr => 7,
        Operator::Pow => 8,
        Operator::RShift => 9,
        Operator::Sub => 10,
        Operator::Div => 11,
        Operator::BitXor => 12,
    };
    if inplace {
        base + 13
    } else {
        base
    }
}

/// `CONVERT_VALUE` code of an f-string conversion (`!s`, `!r`, `!a`; -1 for none).
fn conversion_code(conversion: i32) -> u32 {
    match u8::try_from(conversion).ok() {
        Some(b's') => 1,
        Some(b'r') => 2,
        Some(b'a') => 3,
        _ => 0,
    }
}

/// The operation a comparison compiles to, with its argument.
fn compare_op(op: CmpOp) -> (Opcode, u32) {
    // COMPARE_OP arguments: (operator << 5) | mask of outcomes that make it true.
    const LESS: u32 = 2;
    const GREATER: u32 = 4;
    const EQUAL: u32 = 8;
    const UNORDERED: u32 = 1;
    match op {
        CmpOp::Lt => (Opcode::CompareOp, LESS),
        CmpOp::LtE => (Opcode::CompareOp, (1 << 5) | LESS | EQUAL),
        CmpOp::Eq => (Opcode::CompareOp, (2 << 5) | EQUAL),
        CmpOp::NotEq => (Opcode::CompareOp, (3 << 5) | UNORDERED | LESS | GREATER),
        CmpOp::Gt => (Opcode::CompareOp, (4 << 5) | GREATER),
        CmpOp::GtE => (Opcode::CompareOp, (5 << 5) | GREATER | EQUAL),
        CmpOp::Is => (Opcode::IsOp, 0),
        CmpOp::IsNot => (Opcode::IsOp, 1),
        CmpOp::In => (Opcode::ContainsOp, 0),
        CmpOp::NotIn => (Opcode::ContainsOp, 1),
    }
}

impl<'a> Compiler<'a> {
    /// The bytecode constant for an AST constant.
    pub fn constant(&self, value: &ast::Constant) -> Constant {
        match value {
            ast::Constant::None => Constant::None,
            ast::Constant::Bool(b) => Constant::Bool(*b),
            ast::Constant::Ellipsis => Constant::Ellipsis,
            ast::Constant::Int(i) => Constant::Int(i.clone()),
            ast::Constant::Float(f) => Constant::Float(*f),
            ast::Constant::Complex { real, imag } => Constant::Complex {
                real: *real,
                imag: *imag,
            },
            ast::Constant::Str(s) => Constant::Str(s.as_str().into()),
            ast::Constant::SurrogateStr(points) => Constant::SurrogateStr(points.as_slice().into()),
            ast::Constant::Bytes(b) => Constant::Bytes(b.as_slice().into()),
            ast::Constant::Tuple(items) => {
                Constant::Tuple(items.iter().map(|item| self.constant(item)).collect())
            }
            ast::Constant::FrozenSet(items) => {
                Constant::FrozenSet(items.iter().map(|item| self.constant(item)).collect())
            }
        }
    }

    pub fn expr(&mut self, expr: &'a Expr) -> Result<()> {
        let range = expr.range();
        self.enter_nested(range)?;
        let result = self.expr_inner(expr);
        self.leave_nested();
        result
    }

    fn expr_inner(&mut self, expr: &'a Expr) -> Result<()> {
        let range = expr.range();
        let loc = Loc::from_range(range);
        match expr {
            Expr::Constant { value, .. } => {
                let c = self.constant(value);
                self.load_const(c, loc);
            }
            Expr::Name { id, ctx, .. } => self.nameop(id, *ctx, loc)?,
            Expr::BinOp {
                left, op, right, ..
            } if *op == Operator::Mod && self.percent_format(left, right, loc)? => {}
            Expr::BinOp {
                left, op, right, ..
            } => {
                self.expr(left)?;
                self.expr(right)?;
                self.emit(Opcode::BinaryOp, binary_op_arg(*op, false), loc);
            }
            Expr::UnaryOp { op, operand, .. } => {
                self.expr(operand)?;
                match op {
                    ast::UnaryOp::Not => {
                        self.emit0(Opcode::ToBool, loc);
                        self.emit0(Opcode::UnaryNot, loc);
                    }
                    ast::UnaryOp::USub => self.emit0(Opcode::UnaryNegative, loc),
                    ast::UnaryOp::Invert => self.emit0(Opcode::UnaryInvert, loc),
                    ast::UnaryOp::UAdd => {
                        self.emit(Opcode::CallIntrinsic1, INTRINSIC_UNARY_POSITIVE, loc)
                    }
                }
            }
            Expr::BoolOp { op, values, .. } => {
                let end = self.new_label();
                let jump = match op {
                    ast::BoolOp::And => PseudoOpcode::JumpIfFalse,
                    ast::BoolOp::Or => PseudoOpcode::JumpIfTrue,
                };
                let (last, init) = values.split_last().ok_or_else(|| {
                    CompileError::new("empty boolean operation".to_string(), range)
                })?;
                for value in init {
                    self.expr(value)?;
                    self.emit_jump(Op::Pseudo(jump), end, loc);
                    self.emit0(Opcode::PopTop, loc);
                }
                self.expr(last)?;
                self.place(end);
            }
            Expr::Compare {
                left,
                ops,
                comparators,
                ..
            } => {
                crate::warnings::check_compare(left, ops, comparators, range);
                self.compare(left, ops, comparators, loc)?
            }
            Expr::IfExp {
                test, body, orelse, ..
            } => {
                let end = self.new_label();
                let next = self.new_label();
                self.jump_if(test, next, false)?;
                self.expr(body)?;
                self.jump_no_interrupt(end, Loc::NONE);
                self.place(next);
                self.expr(orelse)?;
                self.place(end);
            }
            Expr::NamedExpr { target, value, .. } => {
                self.expr(value)?;
                self.emit(Opcode::Copy, 1, loc);
                self.expr(target)?;
            }
            Expr::Call {
                func,
                args,
                keywords,
                ..
            } => self.call(func, args, keywords, loc)?,
            Expr::Attribute {
                value,
                attr,
                ctx: ExprContext::Load,
                ..
            } if self.can_optimize_super_call(value, attr) => {
                self.load_super_attr(value, attr, false, loc)?;
            }
            Expr::Attribute {
                value, attr, ctx, ..
            } => {
                self.expr(value)?;
                let index = self.add_name(attr);
                let loc = loc.at_attribute(range, attr);
                match ctx {
                    ExprContext::Load => self.emit(Opcode::LoadAttr, index << 1, loc),
                    ExprContext::Store => {
                        self.record_static_attribute(value, attr);
                        self.emit(Opcode::StoreAttr, index, loc)
                    }
                    ExprContext::Del => self.emit(Opcode::DeleteAttr, index, loc),
                }
            }
            Expr::Subscript {
                value, slice, ctx, ..
            } => self.subscript(value, slice, *ctx, loc)?,
            Expr::Slice {
                lower, upper, step, ..
            } => {
                if let Some(c) = self.constant_slice(expr) {
                    self.load_const(c, loc);
                } else {
                    let mut n = 2;
                    self.optional_or_none(lower.as_deref(), loc)?;
                    self.optional_or_none(upper.as_deref(), loc)?;
                    if let Some(step) = step {
                        self.expr(step)?;
                        n = 3;
                    }
                    self.emit(Opcode::BuildSlice, n, loc);
                }
            }
            Expr::List { elts, ctx, .. } | Expr::Tuple { elts, ctx, .. } => {
                let is_tuple = matches!(expr, Expr::Tuple { .. });
                match ctx {
                    ExprContext::Store => self.assignment_unpack(elts, loc)?,
                    ExprContext::Del => {
                        for e in elts {
                            self.expr(e)?;
                        }
                    }
                    ExprContext::Load => self.starunpack(
                        elts,
                        Opcode::BuildList,
                        Opcode::ListAppend,
                        Opcode::ListExtend,
                        is_tuple,
                        loc,
                    )?,
                }
            }
            Expr::Set { elts, .. } => self.starunpack(
                elts,
                Opcode::BuildSet,
                Opcode::SetAdd,
                Opcode::SetUpdate,
                false,
                loc,
            )?,
            Expr::Dict { keys, values, .. } => self.dict(keys, values, loc)?,
            Expr::Starred { ctx, .. } => {
                let msg = if *ctx == ExprContext::Store {
                    "starred assignment target must be in a list or tuple"
                } else {
                    "can't use starred expression here"
                };
                return Err(CompileError::new(msg.to_string(), range));
            }
            Expr::JoinedStr { values, .. } => self.joined_str(values, loc)?,
            Expr::FormattedValue {
                value,
                conversion,
                format_spec,
                ..
            } => self.formatted_value(value, *conversion, format_spec.as_deref(), loc)?,
            Expr::Lambda { .. } => self.lambda(expr)?,
            Expr::ListComp { .. }
            | Expr::SetComp { .. }
            | Expr::DictComp { .. }
            | Expr::GeneratorExp { .. } => self.comprehension(expr)?,
            Expr::Yield { value, .. } => self.yield_expr(value.as_deref(), range)?,
            Expr::YieldFrom { value, .. } => self.yield_from_expr(value, range)?,
            Expr::Await { value, .. } => self.await_expr(value, range)?,
            Expr::TemplateStr { values, .. } => self.template_str(values, loc)?,
            Expr::Interpolation {
                value,
                str,
                conversion,
                format_spec,
                ..
            } => self.interpolation(value, str, *conversion, format_spec.as_deref(), loc)?,
        }
        Ok(())
    }

    fn optional_or_none(&mut self, expr: Option<&'a Expr>, loc: Loc) -> Result<()> {
        match expr {
            Some(e) => self.expr(e),
            None => {
                self.load_const(Constant::None, loc);
                Ok(())
            }
        }
    }

    /// `x[a:b:c]` with only constant parts is a constant slice object (CPython 3.14).
    fn constant_slice(&self, expr: &Expr) -> Option<Constant> {
        let Expr::Slice {
            lower, upper, step, ..
        } = expr
        else {
            return None;
        };
        let part = |e: &Option<Box<Expr>>| match e.as_deref() {
            None => Some(Constant::None),
            Some(Expr::Constant { value, .. }) => Some(self.constant(value)),
            Some(_) => None,
        };
        Some(Constant::Slice(std::rc::Rc::new([
            part(lower)?,
            part(upper)?,
            part(step)?,
        ])))
    }

    /// `x[a:b]` compiles to BINARY_SLICE / STORE_SLICE unless the slice is constant.
    pub fn is_two_element_slice(&self, slice: &Expr) -> bool {
        matches!(slice, Expr::Slice { step: None, .. }) && self.constant_slice(slice).is_none()
    }

    pub fn slice_two_parts(&mut self, slice: &'a Expr) -> Result<()> {
        if let Expr::Slice { lower, upper, .. } = slice {
            let loc = Loc::from_range(slice.range());
            self.optional_or_none(lower.as_deref(), loc)?;
            self.optional_or_none(upper.as_deref(), loc)?;
        }
        Ok(())
    }

    fn subscript(
        &mut self,
        value: &'a Expr,
        slice: &'a Expr,
        ctx: ExprContext,
        loc: Loc,
    ) -> Result<()> {
        if ctx == ExprContext::Load {
            crate::warnings::check_subscript(value, slice);
        }
        self.expr(value)?;
        if ctx != ExprContext::Del && self.is_two_element_slice(slice) {
            self.slice_two_parts(slice)?;
            let op = if ctx == ExprContext::Load {
                Opcode::BinarySlice
            } else {
                Opcode::StoreSlice
            };
            self.emit0(op, loc);
            return Ok(());
        }
        self.expr(slice)?;
        match ctx {
            ExprContext::Load => self.emit(Opcode::BinaryOp, NB_SUBSCR, loc),
            ExprContext::Store => self.emit0(Opcode::StoreSubscr, loc),
            ExprContext::Del => self.emit0(Opcode::DeleteSubscr, loc),
        }
        Ok(())
    }

    fn compare(
        &mut self,
        left: &'a Expr,
        ops: &[CmpOp],
        comparators: &'a [Expr],
        loc: Loc,
    ) -> Result<()> {
        self.expr(left)?;
        let n = ops.len();
        if n == 0 || comparators.len() != n {
            return Ok(());
        }
        if n == 1 {
            self.expr(&comparators[0])?;
            let (op, arg) = compare_op(ops[0]);
            self.emit(op, arg, loc);
            return Ok(());
        }
        let cleanup = self.new_label();
        for i in 0..n - 1 {
            self.expr(&comparators[i])?;
            self.emit(Opcode::Swap, 2, loc);
            self.emit(Opcode::Copy, 2, loc);
            let (op, arg) = compare_op(ops[i]);
            self.emit(op, arg, loc);
            self.emit_jump(Op::Pseudo(PseudoOpcode::JumpIfFalse), cleanup, loc);
            self.emit0(Opcode::PopTop, loc);
        }
        self.expr(&comparators[n - 1])?;
        let (op, arg) = compare_op(ops[n - 1]);
        self.emit(op, arg, loc);
        let end = self.new_label();
        self.jump_no_interrupt(end, Loc::NONE);
        self.place(cleanup);
        self.emit(Opcode::Swap, 2, loc);
        self.emit0(Opcode::PopTop, loc);
        self.place(end);
        Ok(())
    }

    /// Jump to `target` if `expr` is true (`cond`) or false (CPython's `codegen_jump_if`).
    pub fn jump_if(&mut self, expr: &'a Expr, target: Target, cond: bool) -> Result<()> {
        let range = expr.range();
        self.enter_nested(range)?;
        let result = self.jump_if_inner(expr, target, cond);
        self.leave_nested();
        result
    }

    fn jump_if_inner(&mut self, expr: &'a Expr, target: Target, cond: bool) -> Result<()> {
        let loc = Loc::from_range(expr.range());
        match expr {
            Expr::UnaryOp {
                op: ast::UnaryOp::Not,
                operand,
                ..
            } => {
                return self.jump_if(operand, target, !cond);
            }
            Expr::BoolOp { op, values, .. } if !values.is_empty() => {
                let cond2 = *op == ast::BoolOp::Or;
                let next2 = if cond2 != cond {
                    self.new_label()
                } else {
                    target
                };
                let (last, init) = values.split_last().unwrap_or((&values[0], &[]));
                for value in init {
                    self.jump_if(value, next2, cond2)?;
                }
                self.jump_if(last, target, cond)?;
                if next2 != target {
                    self.place(next2);
                }
                return Ok(());
            }
            Expr::IfExp {
                test, body, orelse, ..
            } => {
                let end = self.new_label();
                let next2 = self.new_label();
                self.jump_if(test, next2, false)?;
                self.jump_if(body, target, cond)?;
                self.jump_no_interrupt(end, Loc::NONE);
                self.place(next2);
                self.jump_if(orelse, target, cond)?;
                self.place(end);
                return Ok(());
            }
            Expr::Compare {
                left,
                ops,
                comparators,
                ..
            } if ops.len() > 1 && comparators.len() == ops.len() => {
                crate::warnings::check_compare(left, ops, comparators, expr.range());
                let n = ops.len() - 1;
                let cleanup = self.new_label();
                self.expr(left)?;
                for i in 0..n {
                    self.expr(&comparators[i])?;
                    self.emit(Opcode::Swap, 2, loc);
                    self.emit(Opcode::Copy, 2, loc);
                    let (op, arg) = compare_op(ops[i]);
                    self.emit(op, arg, loc);
                    self.emit0(Opcode::ToBool, loc);
                    self.emit_jump(Op::Real(Opcode::PopJumpIfFalse), cleanup, loc);
                }
                self.expr(&comparators[n])?;
                let (op, arg) = compare_op(ops[n]);
                self.emit(op, arg, loc);
                self.emit0(Opcode::ToBool, loc);
                let jump = if cond {
                    Opcode::PopJumpIfTrue
                } else {
                    Opcode::PopJumpIfFalse
                };
                self.emit_jump(Op::Real(jump), target, loc);
                let end = self.new_label();
                self.jump_no_interrupt(end, loc);
                self.place(cleanup);
                self.emit0(Opcode::PopTop, loc);
                if !cond {
                    self.jump_no_interrupt(target, Loc::NONE);
                }
                self.place(end);
                return Ok(());
            }
            _ => {}
        }
        self.expr(expr)?;
        self.emit0(Opcode::ToBool, loc);
        let jump = if cond {
            Opcode::PopJumpIfTrue
        } else {
            Opcode::PopJumpIfFalse
        };
        self.emit_jump(Op::Real(jump), target, loc);
        Ok(())
    }

    /// Build a list/tuple/set from elements that may include `*iterables`
    /// (CPython's `starunpack_helper`).
    fn starunpack(
        &mut self,
        elts: &'a [Expr],
        build: Opcode,
        add: Opcode,
        extend: Opcode,
        tuple: bool,
        loc: Loc,
    ) -> Result<()> {
        self.starunpack_pushed(elts, 0, None, build, add, extend, tuple, loc)
    }

    #[allow(clippy::too_many_arguments)]
    pub fn starunpack_pushed(
        &mut self,
        elts: &'a [Expr],
        pushed: u32,
        injected: Option<&str>,
        build: Opcode,
        add: Opcode,
        extend: Opcode,
        tuple: bool,
        loc: Loc,
    ) -> Result<()> {
        let n = elts.len();
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let seen_star = elts.iter().any(|e| matches!(e, Expr::Starred { .. }));
        if !seen_star && !big {
            for e in elts {
                self.expr(e)?;
            }
            if let Some(name) = injected {
                self.nameop(name, ExprContext::Load, loc)?;
            }
            let op = if tuple { Opcode::BuildTuple } else { build };
            self.emit(op, (n + injected.is_some() as usize) as u32 + pushed, loc);
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit(build, pushed, loc);
            built = true;
        }
        for (i, e) in elts.iter().enumerate() {
            if let Expr::Starred { value, .. } = e {
                if !built {
                    self.emit(build, i as u32 + pushed, loc);
                    built = true;
                }
                self.expr(value)?;
                self.emit(extend, 1, loc);
            } else {
                self.expr(e)?;
                if built {
                    self.emit(add, 1, loc);
                }
            }
        }
        if let Some(name) = injected {
            self.nameop(name, ExprContext::Load, loc)?;
            self.emit(add, 1, loc);
        }
        if tuple {
            self.emit(Opcode::CallIntrinsic1, INTRINSIC_LIST_TO_TUPLE, loc);
        }
        Ok(())
    }

    /// `a, *b, c = value`: unpack then store each target.
    fn assignment_unpack(&mut self, elts: &'a [Expr], loc: Loc) -> Result<()> {
        let n = elts.len();
        let mut seen_star = false;
        for (i, e) in elts.iter().enumerate() {
            if matches!(e, Expr::Starred { .. }) {
                if seen_star {
                    return Err(CompileError::new(
                        "multiple starred expressions in assignment".to_string(),
                        e.range(),
                    ));
                }
                if i >= 256 || n - i > (i32::MAX >> 8) as usize {
                    return Err(CompileError::new(
                        "too many expressions in star-unpacking assignment".to_string(),
                        e.range(),
                    ));
                }
                self.emit(Opcode::UnpackEx, (i + ((n - i - 1) << 8)) as u32, loc);
                seen_star = true;
            }
        }
        if !seen_star {
            self.emit(Opcode::UnpackSequence, n as u32, loc);
        }
        for e in elts {
            match e {
                Expr::Starred { value, .. } => self.expr(value)?,
                _ => self.expr(e)?,
            }
        }
        Ok(())
    }

    fn dict(&mut self, keys: &'a [Option<Expr>], values: &'a [Expr], loc: Loc) -> Result<()> {
        let n = values.len().min(keys.len());
        let mut have_dict = false;
        let mut elements = 0;
        for i in 0..n {
            if keys[i].is_none() {
                if elements > 0 {
                    self.subdict(keys, values, i - elements, i, loc)?;
                    if have_dict {
                        self.emit(Opcode::DictUpdate, 1, loc);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit(Opcode::BuildMap, 0, loc);
                    have_dict = true;
                }
                self.expr(&values[i])?;
                self.emit(Opcode::DictUpdate, 1, loc);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.subdict(keys, values, i - elements, i + 1, loc)?;
                if have_dict {
                    self.emit(Opcode::DictUpdate, 1, loc);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.subdict(keys, values, n - elements, n, loc)?;
            if have_dict {
                self.emit(Opcode::DictUpdate, 1, loc);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(Opcode::BuildMap, 0, loc);
        }
        Ok(())
    }

    fn subdict(
        &mut self,
        keys: &'a [Option<Expr>],
        values: &'a [Expr],
        begin: usize,
        end: usize,
        loc: Loc,
    ) -> Result<()> {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        if big {
            self.emit(Opcode::BuildMap, 0, loc);
        }
        for i in begin..end {
            if let Some(k) = &keys[i] {
                self.expr(k)?;
            }
            self.expr(&values[i])?;
            if big {
                self.emit(Opcode::MapAdd, 1, loc);
            }
        }
        if !big {
            self.emit(Opcode::BuildMap, n as u32, loc);
        }
        Ok(())
    }

    fn joined_str(&mut self, values: &'a [Expr], loc: Loc) -> Result<()> {
        if values.len() > STACK_USE_GUIDELINE {
            self.load_const(Constant::Str("".into()), loc);
            let join = self.add_name("join");
            self.emit(Opcode::LoadAttr, (join << 1) | 1, loc);
            self.emit(Opcode::BuildList, 0, loc);
            for v in values {
                self.expr(v)?;
                self.emit(Opcode::ListAppend, 1, loc);
            }
            self.emit(Opcode::Call, 1, loc);
            return Ok(());
        }
        for v in values {
            self.expr(v)?;
        }
        match values.len() {
            0 => self.load_const(Constant::Str("".into()), loc),
            1 => {}
            n => self.emit(Opcode::BuildString, n as u32, loc),
        }
        Ok(())
    }

    /// `t"..."`: a tuple of the literal parts (one more than the interpolations), a
    /// tuple of interpolations, `BUILD_TEMPLATE` (CPython's `codegen_template_str`).
    fn template_str(&mut self, values: &'a [Expr], loc: Loc) -> Result<()> {
        let mut last_was_interpolation = true;
        let mut strings = 0;
        for v in values {
            if matches!(v, Expr::Interpolation { .. }) {
                if last_was_interpolation {
                    self.load_const(Constant::Str("".into()), loc);
                    strings += 1;
                }
                last_was_interpolation = true;
            } else {
                self.expr(v)?;
                strings += 1;
                last_was_interpolation = false;
            }
        }
        if last_was_interpolation {
            self.load_const(Constant::Str("".into()), loc);
            strings += 1;
        }
        self.emit(Opcode::BuildTuple, strings, loc);
        let mut interpolations = 0;
        for v in values
            .iter()
            .filter(|v| matches!(v, Expr::Interpolation { .. }))
        {
            self.expr(v)?;
            interpolations += 1;
        }
        self.emit(Opcode::BuildTuple, interpolations, loc);
        self.emit0(Opcode::BuildTemplate, loc);
        Ok(())
    }

    /// One `{value!conv:spec}` of a t-string: value, source text, optional spec;
    /// the argument packs "has spec" and the conversion (CPython's `codegen_interpolation`).
    fn interpolation(
        &mut self,
        value: &'a Expr,
        text: &str,
        conversion: i32,
        spec: Option<&'a Expr>,
        loc: Loc,
    ) -> Result<()> {
        self.expr(value)?;
        self.load_const(Constant::Str(text.into()), loc);
        let mut arg = 2;
        if let Some(spec) = spec {
            arg += 1;
            self.expr(spec)?;
        }
        arg |= conversion_code(conversion) << 2;
        self.emit(Opcode::BuildInterpolation, arg, loc);
        Ok(())
    }

    fn formatted_value(
        &mut self,
        value: &'a Expr,
        conversion: i32,
        spec: Option<&'a Expr>,
        loc: Loc,
    ) -> Result<()> {
        self.expr(value)?;
        let convert = conversion_code(conversion);
        if convert != 0 {
            self.emit(Opcode::ConvertValue, convert, loc);
        }
        match spec {
            Some(spec) => {
                self.expr(spec)?;
                self.emit0(Opcode::FormatWithSpec, loc);
            }
            None => self.emit0(Opcode::FormatSimple, loc),
        }
        Ok(())
    }
}
