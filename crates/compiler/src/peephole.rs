//! Peephole optimizations on the flow graph (CPython's `optimize_basic_block`,
//! `optimize_cfg` and `remove_unused_consts`): constant tuples, small-int loads,
//! `TO_BOOL` elision, `LOAD_GLOBAL` + `PUSH_NULL` fusion, jump threading.

use std::rc::Rc;

use adder_bytecode::{Constant, Opcode, PseudoOpcode};

use crate::constfold::{self, Unary};
use crate::flowgraph::{self, Cfg};
use crate::ir::{Instr, Op};

/// Fewest constant elements for which a list/set display loads a constant tuple/frozenset.
const MIN_CONST_SEQUENCE_SIZE: usize = 3;
const INTRINSIC_UNARY_POSITIVE: u32 = 5;

/// `LOAD_SMALL_INT` covers 0..=255.
fn small_int(c: &Constant) -> Option<u32> {
    match c {
        Constant::Int(i) => u32::try_from(i).ok().filter(|v| *v < 256),
        _ => None,
    }
}

/// Index of `value` in `consts`, appending it if new.
fn const_index(consts: &mut Vec<Constant>, value: Constant) -> u32 {
    if let Some(i) = consts.iter().position(|c| c.same_as(&value)) {
        return i as u32;
    }
    consts.push(value);
    (consts.len() - 1) as u32
}

fn truthiness(c: &Constant) -> bool {
    match c {
        Constant::None => false,
        Constant::Bool(b) => *b,
        Constant::Ellipsis | Constant::Code(_) | Constant::Slice(_) => true,
        Constant::Int(i) => *i != adder_numeric::BigInt::ZERO,
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) | Constant::FrozenSet(t) => !t.is_empty(),
    }
}

/// The constant an instruction loads, if it is a constant load.
fn loaded_const(instr: &Instr, consts: &[Constant]) -> Option<Constant> {
    match instr.op {
        Op::Real(Opcode::LoadConst) => consts.get(instr.arg as usize).cloned(),
        Op::Real(Opcode::LoadSmallInt) => Some(Constant::Int(instr.arg.into())),
        _ => None,
    }
}

/// Make `instr` load `value` (as `LOAD_SMALL_INT` when it can).
fn set_load(instr: &mut Instr, value: Constant, consts: &mut Vec<Constant>) {
    match small_int(&value) {
        Some(n) => instr.set(Opcode::LoadSmallInt, n),
        None => {
            let index = const_index(consts, value);
            instr.set(Opcode::LoadConst, index);
        }
    }
}

/// Indexes of the `n` constant loads right before `i` (skipping NOPs), oldest first.
fn const_operands(instrs: &[Instr], i: usize, n: usize, consts: &[Constant]) -> Option<(Vec<usize>, Vec<Constant>)> {
    let mut positions = Vec::with_capacity(n);
    let mut values = Vec::with_capacity(n);
    let mut j = i;
    while positions.len() < n {
        j = j.checked_sub(1)?;
        if instrs[j].op.is(Opcode::Nop) {
            continue;
        }
        values.push(loaded_const(&instrs[j], consts)?);
        positions.push(j);
    }
    positions.reverse();
    values.reverse();
    Some((positions, values))
}

/// Replace operand loads and the operation at `i` by a load of `value`.
fn replace_with_load(cfg: &mut Cfg, b: usize, positions: &[usize], i: usize, value: Constant, consts: &mut Vec<Constant>) {
    for &p in positions {
        cfg.blocks[b].instrs[p].nop();
    }
    set_load(&mut cfg.blocks[b].instrs[i], value, consts);
}

fn fold_unary(cfg: &mut Cfg, b: usize, i: usize, op: Unary, consts: &mut Vec<Constant>) {
    let Some((positions, values)) = const_operands(&cfg.blocks[b].instrs, i, 1, consts) else { return };
    if let Some(result) = constfold::unary(op, &values[0]) {
        replace_with_load(cfg, b, &positions, i, result, consts);
    }
}

fn fold_binary(cfg: &mut Cfg, b: usize, i: usize, consts: &mut Vec<Constant>) {
    let Some((positions, values)) = const_operands(&cfg.blocks[b].instrs, i, 2, consts) else { return };
    let op = cfg.blocks[b].instrs[i].arg;
    if let Some(result) = constfold::binary(op, &values[0], &values[1]) {
        replace_with_load(cfg, b, &positions, i, result, consts);
    }
}

/// Lists and sets of constants load a constant tuple/frozenset: directly when only
/// iterated or tested with `in`, else extended into an empty list/set
/// (CPython's `optimize_lists_and_sets`).
fn fold_list_or_set(cfg: &mut Cfg, b: usize, i: usize, consts: &mut Vec<Constant>) {
    let instr = cfg.blocks[b].instrs[i];
    let n = instr.arg as usize;
    let is_set = instr.op.is(Opcode::BuildSet);
    let next = cfg.blocks[b].instrs.get(i + 1).map(|n| n.op);
    let consumed_directly = matches!(next, Some(Op::Real(Opcode::GetIter | Opcode::ContainsOp)));
    if n == 0 || (n < MIN_CONST_SEQUENCE_SIZE && !consumed_directly) {
        return;
    }
    let Some((positions, values)) = const_operands(&cfg.blocks[b].instrs, i, n, consts) else { return };
    let value = if is_set { Constant::FrozenSet(Rc::from(values)) } else { Constant::Tuple(Rc::from(values)) };
    let index = const_index(consts, value);
    for &p in &positions {
        cfg.blocks[b].instrs[p].nop();
    }
    if consumed_directly {
        cfg.blocks[b].instrs[i].set(Opcode::LoadConst, index);
        return;
    }
    let (build, extend) = if is_set { (Opcode::BuildSet, Opcode::SetUpdate) } else { (Opcode::BuildList, Opcode::ListExtend) };
    let instrs = &mut cfg.blocks[b].instrs;
    instrs[i - 2].set(build, 0);
    instrs[i - 1].set(Opcode::LoadConst, index);
    instrs[i].set(extend, 1);
}

/// One pass of rewrites inside block `b`.
fn optimize_block(cfg: &mut Cfg, b: usize, consts: &mut Vec<Constant>) {
    let len = cfg.blocks[b].instrs.len();
    let mut i = 0;
    while i < len {
        let instr = cfg.blocks[b].instrs[i];
        let next_op = cfg.blocks[b].instrs.get(i + 1).map(|n| n.op);
        match instr.op {
            Op::Real(Opcode::LoadConst) => {
                let value = consts.get(instr.arg as usize).cloned();
                match (next_op, value) {
                    (Some(Op::Real(Opcode::ToBool)), Some(v)) => {
                        // A constant's truth value is known: load the bool instead.
                        let index = const_index(consts, Constant::Bool(truthiness(&v)));
                        cfg.blocks[b].instrs[i].nop();
                        cfg.blocks[b].instrs[i + 1].set(Opcode::LoadConst, index);
                    }
                    (Some(Op::Real(jump @ (Opcode::PopJumpIfFalse | Opcode::PopJumpIfTrue))), Some(v)) => {
                        let jumps = truthiness(&v) == (jump == Opcode::PopJumpIfTrue);
                        cfg.blocks[b].instrs[i].nop();
                        let next = &mut cfg.blocks[b].instrs[i + 1];
                        if jumps {
                            next.op = Op::Pseudo(PseudoOpcode::Jump);
                        } else {
                            next.nop();
                        }
                    }
                    (_, Some(v)) => {
                        if let Some(n) = small_int(&v) {
                            cfg.blocks[b].instrs[i].set(Opcode::LoadSmallInt, n);
                        }
                    }
                    _ => {}
                }
            }
            Op::Real(Opcode::BuildTuple) => fold_tuple(cfg, b, i, consts),
            Op::Real(Opcode::BuildList | Opcode::BuildSet) => fold_list_or_set(cfg, b, i, consts),
            Op::Real(Opcode::BinaryOp) => fold_binary(cfg, b, i, consts),
            Op::Real(Opcode::UnaryNegative) => fold_unary(cfg, b, i, Unary::Negative, consts),
            Op::Real(Opcode::UnaryInvert) => fold_unary(cfg, b, i, Unary::Invert, consts),
            Op::Real(Opcode::UnaryNot) => {
                if next_op == Some(Op::Real(Opcode::ToBool)) {
                    cfg.blocks[b].instrs[i + 1].nop();
                }
                fold_unary(cfg, b, i, Unary::Not, consts)
            }
            Op::Real(Opcode::CallIntrinsic1) if instr.arg == INTRINSIC_UNARY_POSITIVE => {
                fold_unary(cfg, b, i, Unary::Positive, consts)
            }
            Op::Real(Opcode::LoadGlobal) if next_op == Some(Op::Real(Opcode::PushNull)) && instr.arg & 1 == 0 => {
                cfg.blocks[b].instrs[i].arg |= 1;
                cfg.blocks[b].instrs[i + 1].nop();
            }
            Op::Real(Opcode::CompareOp) if next_op == Some(Op::Real(Opcode::ToBool)) => {
                cfg.blocks[b].instrs[i].arg |= 16;
                cfg.blocks[b].instrs[i + 1].nop();
            }
            Op::Real(Opcode::ContainsOp | Opcode::IsOp | Opcode::ToBool)
                if next_op == Some(Op::Real(Opcode::ToBool)) =>
            {
                cfg.blocks[b].instrs[i + 1].nop();
            }
            Op::Real(Opcode::Swap) if instr.arg == 1 => cfg.blocks[b].instrs[i].nop(),
            _ if instr.op.is_jump() => thread_jump(cfg, b, i),
            _ => {}
        }
        i += 1;
    }
}

/// `LOAD_CONST a; LOAD_CONST b; BUILD_TUPLE 2` becomes `LOAD_CONST (a, b)`.
fn fold_tuple(cfg: &mut Cfg, b: usize, i: usize, consts: &mut Vec<Constant>) {
    let n = cfg.blocks[b].instrs[i].arg as usize;
    let next = cfg.blocks[b].instrs.get(i + 1).copied();
    if let Some(next) = next.filter(|x| x.op.is(Opcode::UnpackSequence) && x.arg as usize == n) {
        // `a, b = b, a`: no tuple needed, just reorder the stack.
        match n {
            1 => {
                cfg.blocks[b].instrs[i].nop();
                cfg.blocks[b].instrs[i + 1].nop();
                return;
            }
            2 | 3 => {
                cfg.blocks[b].instrs[i].nop();
                cfg.blocks[b].instrs[i + 1].set(Opcode::Swap, next.arg);
                return;
            }
            _ => {}
        }
    }
    let Some((positions, values)) = const_operands(&cfg.blocks[b].instrs, i, n, consts) else { return };
    replace_with_load(cfg, b, &positions, i, Constant::Tuple(Rc::from(values)), consts);
}

/// A jump to an unconditional jump goes straight to the final target (same line only).
fn thread_jump(cfg: &mut Cfg, b: usize, i: usize) {
    let instr = cfg.blocks[b].instrs[i];
    let Some(target) = instr.target else { return };
    let Some(first) = cfg.blocks[target].instrs.first().copied() else { return };
    let same_line = instr.loc.lineno == first.loc.lineno || first.loc.lineno == -1;
    let threadable = match instr.op {
        Op::Pseudo(PseudoOpcode::Jump | PseudoOpcode::JumpIfFalse | PseudoOpcode::JumpIfTrue)
        | Op::Real(Opcode::PopJumpIfFalse | Opcode::PopJumpIfTrue | Opcode::PopJumpIfNone | Opcode::PopJumpIfNotNone) => {
            first.op.is_pseudo(PseudoOpcode::Jump)
        }
        _ => false,
    };
    if threadable && same_line && first.target != instr.target && first.target.is_some() {
        cfg.blocks[b].instrs[i].target = first.target;
    }
}

/// The optimization loop of CPython's `optimize_cfg`.
pub fn optimize_cfg(cfg: &mut Cfg, consts: &mut Vec<Constant>) {
    for b in cfg.order() {
        optimize_block(cfg, b, consts);
    }
    flowgraph::inline_small_exit_blocks(cfg);
    flowgraph::remove_unreachable(cfg);
    flowgraph::remove_redundant_nops_and_jumps(cfg);
    for b in cfg.order() {
        optimize_block(cfg, b, consts);
    }
    flowgraph::remove_unreachable(cfg);
    flowgraph::remove_redundant_nops_and_jumps(cfg);
}

/// Drop constants no instruction loads, keeping index 0 (it may be the docstring), and
/// renumber `LOAD_CONST`s.
pub fn remove_unused_consts(cfg: &mut Cfg, consts: &mut Vec<Constant>) {
    if consts.is_empty() {
        return;
    }
    let mut used = vec![false; consts.len()];
    used[0] = true;
    for block in &cfg.blocks {
        for instr in &block.instrs {
            if instr.op.is(Opcode::LoadConst) {
                if let Some(u) = used.get_mut(instr.arg as usize) {
                    *u = true;
                }
            }
        }
    }
    let mut new_index = vec![0u32; consts.len()];
    let mut kept = Vec::new();
    for (i, c) in consts.iter().enumerate() {
        if used[i] {
            new_index[i] = kept.len() as u32;
            kept.push(c.clone());
        }
    }
    for block in &mut cfg.blocks {
        for instr in &mut block.instrs {
            if instr.op.is(Opcode::LoadConst) {
                instr.arg = new_index.get(instr.arg as usize).copied().unwrap_or(0);
            }
        }
    }
    *consts = kept;
}
