//! Peephole optimizations on the flow graph, in CPython 3.14's order (`optimize_cfg`,
//! `optimize_load_const`, `optimize_basic_block`, `swaptimize`, `remove_unused_consts`):
//! constant folding, small-int loads, `TO_BOOL` elision, `LOAD_GLOBAL` + `PUSH_NULL`
//! fusion, jump threading, SWAP minimisation.

use std::rc::Rc;

use adder_bytecode::{Constant, Opcode, PseudoOpcode};

use crate::const_pool::ConstPool;
use crate::constfold::{self, Unary};
use crate::flowgraph::{self, Cfg};
use crate::intrinsics::{INTRINSIC_LIST_TO_TUPLE, INTRINSIC_UNARY_POSITIVE};
use crate::ir::{Instr, Loc, Op};

/// Fewest constant elements for which a list/set display loads a constant tuple/frozenset.
const MIN_CONST_SEQUENCE_SIZE: usize = 3;
/// Most operands folded at once (CPython's `_PY_STACK_USE_GUIDELINE`).
const MAX_FOLDED_OPERANDS: usize = 30;

/// `LOAD_SMALL_INT` covers 0..=255.
fn small_int(c: &Constant) -> Option<u32> {
    match c {
        Constant::Int(i) => u32::try_from(i).ok().filter(|v| *v < 256),
        _ => None,
    }
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
        Constant::SurrogateStr(points) => !points.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) | Constant::FrozenSet(t) => !t.is_empty(),
    }
}

/// The constant an instruction loads, if it is a constant load.
fn loaded_const(instr: &Instr, consts: &ConstPool) -> Option<Constant> {
    match instr.op {
        Op::Real(Opcode::LoadConst) => consts.get(instr.arg as usize).cloned(),
        Op::Real(Opcode::LoadSmallInt) => Some(Constant::Int(instr.arg.into())),
        _ => None,
    }
}

/// Make `instr` load `value` (as `LOAD_SMALL_INT` when it can).
fn set_load(instr: &mut Instr, value: Constant, consts: &mut ConstPool) {
    match small_int(&value) {
        Some(n) => instr.set(Opcode::LoadSmallInt, n),
        None => {
            let index = consts.add(value);
            instr.set(Opcode::LoadConst, index);
        }
    }
}

/// The `n` constant loads ending right before `i` (skipping NOPs), oldest first
/// (CPython's `get_const_loading_instrs`).
fn const_operands(
    instrs: &[Instr],
    i: usize,
    n: usize,
    consts: &ConstPool,
) -> Option<(Vec<usize>, Vec<Constant>)> {
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

/// Folded operands become location-less NOPs (CPython's `nop_out`).
fn nop_out(instrs: &mut [Instr], positions: &[usize]) {
    for &p in positions {
        instrs[p].nop();
        instrs[p].loc = Loc::NONE;
    }
}

fn fold_with(
    instrs: &mut [Instr],
    i: usize,
    n: usize,
    consts: &mut ConstPool,
    fold: impl FnOnce(&[Constant]) -> Option<Constant>,
) {
    let Some((positions, values)) = const_operands(instrs, i, n, consts) else {
        return;
    };
    if let Some(result) = fold(&values) {
        nop_out(instrs, &positions);
        set_load(&mut instrs[i], result, consts);
    }
}

/// `LOAD_CONST`-driven rewrites (CPython's `basicblock_optimize_load_const`).
fn optimize_load_const(instrs: &mut [Instr], consts: &mut ConstPool) {
    let mut current: Option<(Opcode, u32)> = None;
    for i in 0..instrs.len() {
        // Any other instruction only ends what came before (as `current` holding it
        // would: it is not a constant load).
        if !matches!(
            instrs[i].op,
            Op::Real(Opcode::LoadConst | Opcode::LoadSmallInt | Opcode::Copy)
        ) {
            current = None;
            continue;
        }
        if instrs[i].op.is(Opcode::LoadConst) {
            if let Some(n) = consts.get(instrs[i].arg as usize).and_then(small_int) {
                instrs[i].set(Opcode::LoadSmallInt, n);
            }
        }
        let is_copy_of_load_const = matches!(current, Some((Opcode::LoadConst, _)))
            && instrs[i].op.is(Opcode::Copy)
            && instrs[i].arg == 1;
        if !is_copy_of_load_const {
            current = match instrs[i].op {
                Op::Real(op) => Some((op, instrs[i].arg)),
                Op::Pseudo(_) => None,
            };
        }
        let Some((op @ (Opcode::LoadConst | Opcode::LoadSmallInt), arg)) = current else {
            continue;
        };
        // Only these followers are rewritten: the constant is not fetched otherwise.
        let Some(
            next @ (Op::Real(
                Opcode::PopJumpIfFalse | Opcode::PopJumpIfTrue | Opcode::IsOp | Opcode::ToBool,
            )
            | Op::Pseudo(PseudoOpcode::JumpIfFalse | PseudoOpcode::JumpIfTrue)),
        ) = instrs.get(i + 1).map(|n| n.op)
        else {
            continue;
        };
        let value = match op {
            Opcode::LoadConst => consts.get(arg as usize).cloned(),
            _ => Some(Constant::Int(arg.into())),
        };
        let Some(value) = value else { continue };
        match next {
            Op::Real(Opcode::PopJumpIfFalse | Opcode::PopJumpIfTrue)
            | Op::Pseudo(PseudoOpcode::JumpIfFalse | PseudoOpcode::JumpIfTrue) => {
                if matches!(next, Op::Real(_)) {
                    instrs[i].nop();
                }
                let jump_if_true = matches!(
                    next,
                    Op::Real(Opcode::PopJumpIfTrue) | Op::Pseudo(PseudoOpcode::JumpIfTrue)
                );
                if truthiness(&value) == jump_if_true {
                    instrs[i + 1].op = Op::Pseudo(PseudoOpcode::Jump);
                } else {
                    instrs[i + 1].nop();
                }
            }
            Op::Real(Opcode::IsOp) => {
                if !matches!(value, Constant::None) || instrs.len() <= i + 2 {
                    continue;
                }
                let mut jump = i + 2;
                if instrs[jump].op.is(Opcode::ToBool) {
                    instrs[jump].nop();
                    jump += 1;
                    if jump >= instrs.len() {
                        continue;
                    }
                }
                let mut invert = instrs[i + 1].arg != 0;
                match instrs[jump].op {
                    Op::Real(Opcode::PopJumpIfFalse) => invert = !invert,
                    Op::Real(Opcode::PopJumpIfTrue) => {}
                    _ => continue,
                }
                instrs[i].nop();
                instrs[i + 1].nop();
                instrs[jump].op = Op::Real(if invert {
                    Opcode::PopJumpIfNotNone
                } else {
                    Opcode::PopJumpIfNone
                });
            }
            Op::Real(Opcode::ToBool) => {
                let index = consts.add(Constant::Bool(truthiness(&value)));
                instrs[i].nop();
                instrs[i + 1].set(Opcode::LoadConst, index);
            }
            _ => {}
        }
    }
}

/// Lists and sets of constants load a constant tuple/frozenset: directly when only
/// iterated or tested with `in`, else extended into an empty list/set
/// (CPython's `optimize_lists_and_sets`).
fn optimize_list_or_set(instrs: &mut [Instr], i: usize, consts: &mut ConstPool) {
    let instr = instrs[i];
    let n = instr.arg as usize;
    let is_set = instr.op.is(Opcode::BuildSet);
    let next = instrs.get(i + 1).map(|n| n.op);
    let contains_or_iter = matches!(next, Some(Op::Real(Opcode::GetIter | Opcode::ContainsOp)));
    if n > MAX_FOLDED_OPERANDS || (n < MIN_CONST_SEQUENCE_SIZE && !contains_or_iter) {
        return;
    }
    let Some((positions, values)) = const_operands(instrs, i, n, consts) else {
        if contains_or_iter && !is_set {
            instrs[i].set(Opcode::BuildTuple, instr.arg);
        }
        return;
    };
    let value = if is_set {
        let values = adder_bytecode::frozenset_order::frozenset_order(&values).unwrap_or(values);
        Constant::FrozenSet(Rc::from(values))
    } else {
        Constant::Tuple(Rc::from(values))
    };
    let index = consts.add(value);
    nop_out(instrs, &positions);
    if contains_or_iter {
        instrs[i].set(Opcode::LoadConst, index);
        return;
    }
    let (build, extend) = if is_set {
        (Opcode::BuildSet, Opcode::SetUpdate)
    } else {
        (Opcode::BuildList, Opcode::ListExtend)
    };
    instrs[i - 2].loc = instr.loc;
    instrs[i - 2].set(build, 0);
    instrs[i - 1].set(Opcode::LoadConst, index);
    instrs[i].set(extend, 1);
}

/// `BUILD_LIST 0; (LOAD_CONST c; LIST_APPEND 1)*; CALL_INTRINSIC_1 LIST_TO_TUPLE`
/// becomes `LOAD_CONST (c, ...)` (CPython's `fold_constant_intrinsic_list_to_tuple`).
fn fold_list_to_tuple(instrs: &mut [Instr], i: usize, consts: &mut ConstPool) {
    let Some((positions, items)) = appended_constants(instrs, i, Opcode::BuildList, consts) else {
        return;
    };
    nop_out(instrs, &positions);
    set_load(&mut instrs[i], Constant::Tuple(Rc::from(items)), consts);
}

/// A list or set of many constants, built item by item (`BUILD_LIST 0; (LOAD_CONST c;
/// LIST_APPEND 1)*`, the last append at `i`) and only iterated or tested with `in`,
/// becomes one `LOAD_CONST` of a tuple or frozenset without a location of its own.
fn fold_appended_sequence(instrs: &mut [Instr], i: usize, consts: &mut ConstPool) {
    let is_set = instrs[i].op.is(Opcode::SetAdd);
    let build = if is_set {
        Opcode::BuildSet
    } else {
        Opcode::BuildList
    };
    let Some((positions, items)) = appended_constants(instrs, i + 1, build, consts) else {
        return;
    };
    let value = if is_set {
        let items = adder_bytecode::frozenset_order::frozenset_order(&items).unwrap_or(items);
        Constant::FrozenSet(Rc::from(items))
    } else {
        Constant::Tuple(Rc::from(items))
    };
    let others: Vec<usize> = positions.into_iter().filter(|&p| p != i).collect();
    nop_out(instrs, &others);
    set_load(&mut instrs[i], value, consts);
    instrs[i].loc = Loc::NONE;
}

/// The positions (last first) and values (in order) of `build 0` followed by constant
/// loads each appended with an `arg 1` add, ending right before `end` (NOPs skipped).
fn appended_constants(
    instrs: &[Instr],
    end: usize,
    build: Opcode,
    consts: &ConstPool,
) -> Option<(Vec<usize>, Vec<Constant>)> {
    let add = if build == Opcode::BuildSet {
        Opcode::SetAdd
    } else {
        Opcode::ListAppend
    };
    let mut expect_add = true;
    let mut items = Vec::new();
    let mut positions = Vec::new();
    for pos in (0..end).rev() {
        let instr = instrs[pos];
        if instr.op.is(Opcode::Nop) {
            continue;
        }
        if instr.op.is(build) && instr.arg == 0 {
            if !expect_add {
                return None;
            }
            positions.push(pos);
            items.reverse();
            return Some((positions, items));
        }
        if expect_add {
            if !(instr.op.is(add) && instr.arg == 1) {
                return None;
            }
        } else {
            items.push(loaded_const(&instr, consts)?);
        }
        positions.push(pos);
        expect_add = !expect_add;
    }
    None
}

/// Replace the jump at `i` (last in its block) by a NOP and append a jump straight to
/// `target`'s target (CPython's `jump_thread`); returns whether it did.
fn jump_thread(cfg: &mut Cfg, b: usize, i: usize, op: Op) -> bool {
    let instr = cfg.blocks[b].instrs[i];
    let Some(t) = instr.target() else {
        return false;
    };
    let Some(target) = cfg.blocks[t].instrs.first().copied() else {
        return false;
    };
    if instr.target() == target.target() || target.target().is_none() {
        return false;
    }
    cfg.blocks[b].instrs[i].nop();
    let mut jump = Instr::new(op, 0, target.loc);
    jump.set_target(target.target());
    jump.set_handler(cfg.blocks[b].next_slot_handler());
    cfg.blocks[b].instrs.push(jump);
    true
}

fn first_op_of_target(cfg: &Cfg, instr: &Instr) -> Option<Op> {
    instr
        .target()
        .and_then(|t| cfg.blocks[t].instrs.first())
        .map(|f| f.op)
}

/// The instructions [`optimize_block`] rewrites (or rewrites around): every opcode its
/// `match` names, and the pseudo-instructions. Most instructions are none of these and
/// are passed over before anything else about them is looked up.
fn may_optimize(op: Op) -> bool {
    match op {
        Op::Pseudo(_) => true,
        Op::Real(op) => matches!(
            op,
            Opcode::BuildTuple
                | Opcode::BuildList
                | Opcode::BuildSet
                | Opcode::StoreFast
                | Opcode::Swap
                | Opcode::LoadGlobal
                | Opcode::CompareOp
                | Opcode::ContainsOp
                | Opcode::IsOp
                | Opcode::ToBool
                | Opcode::UnaryNot
                | Opcode::UnaryInvert
                | Opcode::UnaryNegative
                | Opcode::CallIntrinsic1
                | Opcode::ListAppend
                | Opcode::SetAdd
                | Opcode::BinaryOp
                | Opcode::PopJumpIfNone
                | Opcode::PopJumpIfNotNone
                | Opcode::PopJumpIfFalse
                | Opcode::PopJumpIfTrue
        ),
    }
}

/// CPython's `optimize_basic_block`. (An opcode handled here must be listed in
/// [`may_optimize`].)
fn optimize_block(cfg: &mut Cfg, b: usize, consts: &mut ConstPool) {
    const JUMP: Op = Op::Pseudo(PseudoOpcode::Jump);
    const JUMP_NO_INTERRUPT: Op = Op::Pseudo(PseudoOpcode::JumpNoInterrupt);
    const JUMP_IF_FALSE: Op = Op::Pseudo(PseudoOpcode::JumpIfFalse);
    const JUMP_IF_TRUE: Op = Op::Pseudo(PseudoOpcode::JumpIfTrue);
    let mut i = 0;
    // Straight to each next instruction there may be something to do with.
    while let Some(skipped) = cfg.blocks[b].instrs[i.min(cfg.blocks[b].instrs.len())..]
        .iter()
        .position(|x| may_optimize(x.op))
    {
        i += skipped;
        let instr = cfg.blocks[b].instrs[i];
        let target_op = first_op_of_target(cfg, &instr);
        let next = cfg.blocks[b].instrs.get(i + 1).copied();
        let next_op = next.map(|n| n.op);
        let is_pop_jump = matches!(
            instr.op,
            Op::Real(
                Opcode::PopJumpIfNone
                    | Opcode::PopJumpIfNotNone
                    | Opcode::PopJumpIfFalse
                    | Opcode::PopJumpIfTrue
            )
        );
        if is_pop_jump && target_op == Some(JUMP) && jump_thread(cfg, b, i, instr.op) {
            continue;
        }
        let instrs = &mut cfg.blocks[b].instrs;
        match instr.op {
            Op::Real(Opcode::BuildTuple) => {
                let n = instr.arg;
                if let Some(next) = next.filter(|x| x.op.is(Opcode::UnpackSequence) && x.arg == n) {
                    match n {
                        1 => {
                            instrs[i].nop();
                            instrs[i + 1].nop();
                            i += 1;
                            continue;
                        }
                        2 | 3 => {
                            instrs[i].nop();
                            instrs[i + 1].op = Op::Real(Opcode::Swap);
                            instrs[i + 1].arg = next.arg;
                            i += 1;
                            continue;
                        }
                        _ => {}
                    }
                }
                if (n as usize) <= MAX_FOLDED_OPERANDS {
                    fold_with(instrs, i, n as usize, consts, |values| {
                        Some(Constant::Tuple(Rc::from(values)))
                    });
                }
            }
            Op::Real(Opcode::BuildList | Opcode::BuildSet) => {
                optimize_list_or_set(instrs, i, consts)
            }

            Op::Pseudo(PseudoOpcode::JumpIfFalse | PseudoOpcode::JumpIfTrue) => {
                let same = instr.op;
                let opposite = if same == JUMP_IF_FALSE {
                    JUMP_IF_TRUE
                } else {
                    JUMP_IF_FALSE
                };
                if target_op == Some(JUMP) || target_op == Some(same) {
                    jump_thread(cfg, b, i, same);
                    i += 1;
                    continue;
                }
                if target_op == Some(opposite) {
                    if let Some(t) = instr.target() {
                        let after = cfg.blocks[t].next;
                        cfg.blocks[b].instrs[i].set_target(after);
                        if let Some(a) = after {
                            cfg.blocks[a].is_target = true;
                        }
                    }
                    continue;
                }
            }
            Op::Pseudo(PseudoOpcode::Jump | PseudoOpcode::JumpNoInterrupt) => {
                if target_op == Some(JUMP) {
                    jump_thread(cfg, b, i, JUMP);
                    i += 1;
                    continue;
                }
                if target_op == Some(JUMP_NO_INTERRUPT) {
                    jump_thread(cfg, b, i, instr.op);
                    i += 1;
                    continue;
                }
            }
            Op::Real(Opcode::StoreFast) => {
                if let Some(n) = next {
                    if n.op == instr.op && n.arg == instr.arg && n.loc.lineno == instr.loc.lineno {
                        instrs[i].set(Opcode::PopTop, 0);
                    }
                }
            }
            Op::Real(Opcode::Swap) if instr.arg == 1 => instrs[i].nop(),
            Op::Real(Opcode::LoadGlobal)
                if next_op == Some(Op::Real(Opcode::PushNull)) && instr.arg & 1 == 0 =>
            {
                instrs[i].arg |= 1;
                instrs[i + 1].nop();
            }
            Op::Real(Opcode::CompareOp) if next_op == Some(Op::Real(Opcode::ToBool)) => {
                instrs[i].nop();
                instrs[i + 1].set(Opcode::CompareOp, instr.arg | 16);
                i += 1;
                continue;
            }
            Op::Real(op @ (Opcode::ContainsOp | Opcode::IsOp)) => match next_op {
                Some(Op::Real(Opcode::ToBool)) => {
                    instrs[i].nop();
                    instrs[i + 1].set(op, instr.arg);
                    i += 1;
                    continue;
                }
                Some(Op::Real(Opcode::UnaryNot)) => {
                    instrs[i].nop();
                    instrs[i + 1].set(op, instr.arg ^ 1);
                    i += 1;
                    continue;
                }
                _ => {}
            },
            Op::Real(Opcode::ToBool) if next_op == Some(Op::Real(Opcode::ToBool)) => {
                instrs[i].nop();
                i += 1;
                continue;
            }
            Op::Real(Opcode::UnaryNot) => match next_op {
                Some(Op::Real(Opcode::ToBool)) => {
                    instrs[i].nop();
                    instrs[i + 1].set(Opcode::UnaryNot, 0);
                    i += 1;
                    continue;
                }
                Some(Op::Real(Opcode::UnaryNot)) => {
                    instrs[i].nop();
                    instrs[i + 1].nop();
                    i += 1;
                    continue;
                }
                _ => fold_with(instrs, i, 1, consts, |v| {
                    constfold::unary(Unary::Not, &v[0])
                }),
            },
            Op::Real(Opcode::UnaryInvert) => fold_with(instrs, i, 1, consts, |v| {
                constfold::unary(Unary::Invert, &v[0])
            }),
            Op::Real(Opcode::UnaryNegative) => fold_with(instrs, i, 1, consts, |v| {
                constfold::unary(Unary::Negative, &v[0])
            }),
            Op::Real(Opcode::CallIntrinsic1) if instr.arg == INTRINSIC_LIST_TO_TUPLE => {
                // A list of constants becomes a constant tuple even when only iterated;
                // any other list is iterated as it is.
                fold_list_to_tuple(instrs, i, consts);
                let unfolded = instrs[i].op.is(Opcode::CallIntrinsic1);
                if unfolded && next_op == Some(Op::Real(Opcode::GetIter)) {
                    instrs[i].nop();
                }
            }
            Op::Real(Opcode::ListAppend | Opcode::SetAdd)
                if instr.arg == 1
                    && matches!(
                        next_op,
                        Some(Op::Real(Opcode::GetIter | Opcode::ContainsOp))
                    ) =>
            {
                fold_appended_sequence(instrs, i, consts);
            }
            Op::Real(Opcode::CallIntrinsic1) if instr.arg == INTRINSIC_UNARY_POSITIVE => {
                fold_with(instrs, i, 1, consts, |v| {
                    constfold::unary(Unary::Positive, &v[0])
                })
            }
            Op::Real(Opcode::BinaryOp) => fold_with(instrs, i, 2, consts, |v| {
                constfold::binary(instr.arg, &v[0], &v[1])
            }),
            _ => {}
        }
        i += 1;
    }
    let instrs = &mut cfg.blocks[b].instrs;
    let mut i = 0;
    while i < instrs.len() {
        if instrs[i].op.is(Opcode::Swap) {
            i = swaptimize(instrs, i);
            apply_static_swaps(instrs, i);
        }
        i += 1;
    }
}

/// Replace a run of SWAPs (and NOPs) starting at `start` by the fewest SWAPs with the
/// same effect; returns the index of the run's last instruction (CPython's `swaptimize`).
fn swaptimize(instrs: &mut [Instr], start: usize) -> usize {
    let mut depth = instrs[start].arg as usize;
    let mut len = 1;
    let mut more = false;
    while start + len < instrs.len() {
        let instr = instrs[start + len];
        if instr.op.is(Opcode::Swap) {
            depth = depth.max(instr.arg as usize);
            more = true;
        } else if !instr.op.is(Opcode::Nop) {
            break;
        }
        len += 1;
    }
    if !more {
        return start;
    }
    const VISITED: usize = usize::MAX;
    let mut stack: Vec<usize> = (0..depth).collect();
    for instr in &instrs[start..start + len] {
        if instr.op.is(Opcode::Swap) {
            let j = (instr.arg as usize).saturating_sub(1);
            stack.swap(0, j.min(depth - 1));
        }
    }
    // Emit the cycles of the permutation from the end of the run backwards.
    let mut current = start + len;
    for i in 0..depth {
        if stack[i] == VISITED || stack[i] == i {
            continue;
        }
        let mut j = i;
        loop {
            if j != 0 {
                current -= 1;
                instrs[current].set(Opcode::Swap, j as u32 + 1);
            }
            if stack[j] == VISITED {
                break;
            }
            let next_j = stack[j];
            stack[j] = VISITED;
            j = next_j;
        }
    }
    for instr in &mut instrs[start..current] {
        instr.nop();
    }
    start + len - 1
}

/// Instructions that only consume the top of the stack and may be reordered.
fn swappable(op: Op) -> bool {
    matches!(
        op,
        Op::Real(Opcode::StoreFast | Opcode::PopTop) | Op::Pseudo(PseudoOpcode::StoreFastMaybeNull)
    )
}

fn stores_to(instr: &Instr) -> Option<u32> {
    matches!(
        instr.op,
        Op::Real(Opcode::StoreFast) | Op::Pseudo(PseudoOpcode::StoreFastMaybeNull)
    )
    .then_some(instr.arg)
}

fn next_swappable(instrs: &[Instr], mut i: usize, lineno: Option<i32>) -> Option<usize> {
    loop {
        i += 1;
        let instr = instrs.get(i)?;
        if lineno.is_some_and(|l| l >= 0 && instr.loc.lineno != l) {
            return None;
        }
        if instr.op.is(Opcode::Nop) {
            continue;
        }
        return swappable(instr.op).then_some(i);
    }
}

/// `SWAP 2; POP_TOP; STORE_FAST x` becomes `NOP; STORE_FAST x; POP_TOP`: swap the
/// instructions instead of the values (CPython's `apply_static_swaps`).
fn apply_static_swaps(instrs: &mut [Instr], end: usize) {
    for i in (0..=end).rev() {
        let swap = instrs[i];
        if !swap.op.is(Opcode::Swap) {
            if swap.op.is(Opcode::Nop) || swappable(swap.op) {
                continue;
            }
            return;
        }
        let Some(j) = next_swappable(instrs, i, None) else {
            return;
        };
        let lineno = instrs[j].loc.lineno;
        let mut k = j;
        for _ in 1..swap.arg {
            match next_swappable(instrs, k, Some(lineno)) {
                Some(next) => k = next,
                None => return,
            }
        }
        let (store_j, store_k) = (stores_to(&instrs[j]), stores_to(&instrs[k]));
        if store_j.is_some() || store_k.is_some() {
            if store_j == store_k {
                return;
            }
            let clash = instrs[j + 1..k]
                .iter()
                .filter_map(stores_to)
                .any(|s| Some(s) == store_j || Some(s) == store_k);
            if clash {
                return;
            }
        }
        instrs[i].nop();
        instrs.swap(j, k);
    }
}

/// An instruction whose pushed value a following `POP_TOP` may drop with it.
fn pushes_droppable_value(instr: &Instr) -> bool {
    matches!(instr.op, Op::Real(Opcode::LoadConst | Opcode::LoadSmallInt))
        || (instr.op.is(Opcode::Copy) && instr.arg == 1)
}

/// `LOAD_CONST`/`LOAD_SMALL_INT` followed by `POP_TOP` (or `COPY 1; POP_TOP`) vanish.
fn remove_redundant_nops_and_pairs(cfg: &mut Cfg) {
    loop {
        let mut done = true;
        // The last instruction of the block before, when control falls from it into
        // the current block.
        let mut prev: Option<(usize, usize)> = None;
        cfg.for_each_block(|cfg, b| {
            flowgraph::remove_redundant_nops(cfg, b);
            if cfg.blocks[b].is_target {
                prev = None;
            }
            let count = cfg.blocks[b].instrs.len();
            if count == 0 {
                return;
            }
            if let Some((pb, pi)) = prev {
                if cfg.blocks[b].instrs[0].op.is(Opcode::PopTop)
                    && pushes_droppable_value(&cfg.blocks[pb].instrs[pi])
                {
                    cfg.blocks[pb].instrs[pi].nop();
                    cfg.blocks[b].instrs[0].nop();
                    done = false;
                }
            }
            let instrs = &mut cfg.blocks[b].instrs;
            for i in 1..count {
                if instrs[i].op.is(Opcode::PopTop) && pushes_droppable_value(&instrs[i - 1]) {
                    instrs[i - 1].nop();
                    instrs[i].nop();
                    done = false;
                }
            }
            prev = Some((b, count - 1));
            let block = &cfg.blocks[b];
            if block.last().is_some_and(|l| l.op.is_jump()) || !block.has_fallthrough() {
                prev = None;
            }
        });
        if done {
            break;
        }
    }
}

/// CPython's `optimize_cfg`.
pub fn optimize_cfg(cfg: &mut Cfg, consts: &mut ConstPool) {
    while flowgraph::inline_small_exit_blocks(cfg) {}
    // Counts predecessors for resolving line numbers too.
    flowgraph::remove_unreachable(cfg);
    flowgraph::resolve_line_numbers(cfg);
    cfg.for_each_block(|cfg, b| optimize_load_const(&mut cfg.blocks[b].instrs, consts));
    cfg.for_each_block(|cfg, b| optimize_block(cfg, b, consts));
    remove_redundant_nops_and_pairs(cfg);
    flowgraph::remove_unreachable(cfg);
    // Every block was cleaned of NOPs by the last round of pair removal.
    flowgraph::remove_redundant_nops_and_jumps(cfg, true);
}

/// Drop constants no instruction loads, keeping index 0 (it may be the docstring), and
/// renumber `LOAD_CONST`s.
pub fn remove_unused_consts(cfg: &mut Cfg, consts: ConstPool) -> Vec<Constant> {
    let consts = consts.into_vec();
    if consts.is_empty() {
        return consts;
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
    // Usually every constant is still loaded: then no index changes.
    if used.iter().all(|u| *u) {
        return consts;
    }
    let mut new_index = vec![0u32; consts.len()];
    let mut kept = Vec::new();
    for (i, c) in consts.into_iter().enumerate() {
        if used[i] {
            new_index[i] = kept.len() as u32;
            kept.push(c);
        }
    }
    for block in &mut cfg.blocks {
        for instr in &mut block.instrs {
            if instr.op.is(Opcode::LoadConst) {
                instr.arg = new_index.get(instr.arg as usize).copied().unwrap_or(0);
            }
        }
    }
    kept
}
