//! Rewrites of fast-local loads and stores, as CPython 3.14's flow graph does them:
//! `LOAD_FAST_CHECK` where a local may be unbound (`add_checks_for_loads_of_uninitialized_variables`),
//! the `LOAD_FAST_LOAD_FAST`-style superinstructions (`insert_superinstructions`), and
//! `LOAD_FAST_BORROW` where the frame's reference provably outlives the stack's
//! (`optimize_load_fast`).

use adder_bytecode::Opcode;

use crate::flowgraph::{remove_redundant_nops, Cfg};
use crate::ir::{Instr, Op};
use crate::stackdepth::popped_pushed;

/// Locals tracked across blocks; later ones are checked one block at a time.
const TRACKED_LOCALS: u32 = 64;

/// Turn `LOAD_FAST` into `LOAD_FAST_CHECK` wherever the local may be unbound:
/// non-parameters at entry, after `del`, and across exception edges.
pub fn add_checks_for_uninitialized(cfg: &mut Cfg, nlocals: u32, nparams: u32) {
    if nlocals == 0 {
        return;
    }
    if nlocals > TRACKED_LOCALS {
        scan_many_locals(cfg);
    }
    let tracked = nlocals.min(TRACKED_LOCALS);
    let mut unsafe_masks = vec![0u64; cfg.blocks.len()];
    let mut on_stack = vec![false; cfg.blocks.len()];
    let mut stack = Vec::with_capacity(cfg.blocks.len());
    // The entry block starts with the non-parameters unbound. It is first in the layout,
    // so the walk over every block below scans it with that mask: pushing it as well
    // (as CPython does) would only scan it a second time to the same effect, since the
    // result is the least fixed point whatever the order of scans.
    unsafe_masks[cfg.entry] = (nparams..tracked).fold(0, |m, i| m | (1 << i));
    cfg.for_each_block(|cfg, b| {
        // A block queued by one before it is scanned here with all it was given so
        // far: that queue entry is spent (and skipped when it comes up).
        on_stack[b] = false;
        scan_block(cfg, b, &mut unsafe_masks, &mut on_stack, &mut stack);
    });
    while let Some(b) = stack.pop() {
        if !on_stack[b] {
            continue;
        }
        on_stack[b] = false;
        scan_block(cfg, b, &mut unsafe_masks, &mut on_stack, &mut stack);
    }
}

fn maybe_push(
    b: usize,
    mask: u64,
    masks: &mut [u64],
    on_stack: &mut [bool],
    stack: &mut Vec<usize>,
) {
    let both = masks[b] | mask;
    if masks[b] != both {
        masks[b] = both;
        if !on_stack[b] {
            on_stack[b] = true;
            stack.push(b);
        }
    }
}

fn scan_block(
    cfg: &mut Cfg,
    b: usize,
    masks: &mut [u64],
    on_stack: &mut [bool],
    stack: &mut Vec<usize>,
) {
    let mut unsafe_mask = masks[b];
    // What the handler was last given: giving it the same again changes nothing.
    let mut handed: Option<(usize, u64)> = None;
    for instr in &mut cfg.blocks[b].instrs {
        if let Some(h) = instr.handler() {
            if handed != Some((h, unsafe_mask)) {
                maybe_push(h, unsafe_mask, masks, on_stack, stack);
                handed = Some((h, unsafe_mask));
            }
        }
        if instr.arg >= TRACKED_LOCALS {
            continue;
        }
        let bit = 1u64 << instr.arg;
        match instr.op {
            Op::Real(Opcode::DeleteFast | Opcode::LoadFastAndClear)
            | Op::Pseudo(adder_bytecode::PseudoOpcode::StoreFastMaybeNull) => unsafe_mask |= bit,
            Op::Real(Opcode::StoreFast | Opcode::LoadFastCheck) => unsafe_mask &= !bit,
            Op::Real(Opcode::LoadFast) => {
                if unsafe_mask & bit != 0 {
                    instr.op = Op::Real(Opcode::LoadFastCheck);
                }
                unsafe_mask &= !bit;
            }
            _ => {}
        }
    }
    let block = &cfg.blocks[b];
    let next = block.next.filter(|_| block.has_fallthrough());
    let target = block
        .last()
        .filter(|l| l.op.is_jump())
        .and_then(|l| l.target());
    if let Some(n) = next {
        maybe_push(n, unsafe_mask, masks, on_stack, stack);
    }
    if let Some(t) = target {
        maybe_push(t, unsafe_mask, masks, on_stack, stack);
    }
}

/// Locals beyond the 64th: only stores earlier in the same block count as initializing.
fn scan_many_locals(cfg: &mut Cfg) {
    let mut defined: Vec<u32> = Vec::new();
    cfg.for_each_block(|cfg, b| {
        defined.clear();
        for instr in &mut cfg.blocks[b].instrs {
            if instr.arg < TRACKED_LOCALS {
                continue;
            }
            let local = instr.arg;
            match instr.op {
                Op::Real(Opcode::LoadFast) if !defined.contains(&local) => {
                    instr.op = Op::Real(Opcode::LoadFastCheck);
                    defined.push(local);
                }
                Op::Real(Opcode::StoreFast) if !defined.contains(&local) => defined.push(local),
                Op::Real(Opcode::DeleteFast | Opcode::LoadFastAndClear)
                | Op::Pseudo(adder_bytecode::PseudoOpcode::StoreFastMaybeNull) => {
                    defined.retain(|l| *l != local)
                }
                _ => {}
            }
        }
    });
}

/// Fuse adjacent fast-local loads/stores on the same line with small indexes, then drop
/// the NOPs that leaves. Only blocks with a fusion are cleaned: the others have no
/// redundant NOP left by the passes before, and a fusion never changes the first
/// instruction or any line of a block, which is all that cleaning the block before it
/// looks at.
pub fn insert_superinstructions(cfg: &mut Cfg) {
    cfg.for_each_block(|cfg, b| {
        let instrs = &mut cfg.blocks[b].instrs;
        let mut fused = false;
        for i in 0..instrs.len().saturating_sub(1) {
            let super_op = match (instrs[i].op, instrs[i + 1].op) {
                (Op::Real(Opcode::LoadFast), Op::Real(Opcode::LoadFast)) => {
                    Opcode::LoadFastLoadFast
                }
                (Op::Real(Opcode::StoreFast), Op::Real(Opcode::LoadFast)) => {
                    Opcode::StoreFastLoadFast
                }
                (Op::Real(Opcode::StoreFast), Op::Real(Opcode::StoreFast)) => {
                    Opcode::StoreFastStoreFast
                }
                _ => continue,
            };
            let (first, second) = (instrs[i], instrs[i + 1]);
            let (line1, line2) = (first.loc.lineno, second.loc.lineno);
            if (line1 >= 0 && line2 >= 0 && line1 != line2) || first.arg >= 16 || second.arg >= 16 {
                continue;
            }
            instrs[i].set(super_op, (first.arg << 4) | second.arg);
            instrs[i + 1].nop();
            fused = true;
        }
        if fused {
            remove_redundant_nops(cfg, b);
        }
    });
}

/// A value on the abstract stack: which instruction produced it (`None`: an earlier
/// block) and which local it is a borrowed view of, if any.
#[derive(Clone, Copy)]
struct Ref {
    instr: Option<usize>,
    local: Option<u32>,
}

const SUPPORT_KILLED: u8 = 1;
const STORED_AS_LOCAL: u8 = 2;
const REF_UNCONSUMED: u8 = 4;

fn kill_local(flags: &mut [u8], refs: &[Ref], local: u32) {
    for r in refs {
        if r.local == Some(local) {
            if let Some(i) = r.instr {
                flags[i] |= SUPPORT_KILLED;
            }
        }
    }
}

fn store_local(flags: &mut [u8], refs: &[Ref], local: u32, stored: Ref) {
    kill_local(flags, refs, local);
    if let Some(i) = stored.instr {
        flags[i] |= STORED_AS_LOCAL;
    }
}

/// Blocks reachable by normal control flow are visited once each (handlers are not:
/// their loads stay strong). Needs `start_depth` from the stack-depth pass.
pub fn optimize_load_fast(cfg: &mut Cfg) {
    let mut visited = vec![false; cfg.blocks.len()];
    let mut todo = cfg.work_list(cfg.entry);
    visited[cfg.entry] = true;
    // Buffers reused from block to block.
    let mut flags: Vec<u8> = Vec::new();
    let mut refs: Vec<Ref> = Vec::new();
    let mut successors: Vec<usize> = Vec::new();
    while let Some(b) = todo.pop() {
        let count = cfg.blocks[b].instrs.len();
        flags.clear();
        flags.resize(count, 0);
        let depth = cfg.blocks[b].start_depth.max(0) as usize;
        refs.clear();
        refs.resize(
            depth,
            Ref {
                instr: None,
                local: None,
            },
        );
        successors.clear();
        for (i, instr) in cfg.blocks[b].instrs.iter().enumerate() {
            simulate(instr, i, &mut refs, &mut flags, &mut successors);
        }
        // Like CPython, an empty block does not pass control on to its successor here.
        let block = &cfg.blocks[b];
        if let (Some(last), Some(next)) = (block.last(), block.next) {
            if !(last.op.is_unconditional_jump() || last.op.is_scope_exit()) {
                successors.push(next);
            }
        }
        for r in &refs {
            if let Some(i) = r.instr {
                flags[i] |= REF_UNCONSUMED;
            }
        }
        for (instr, flag) in cfg.blocks[b].instrs.iter_mut().zip(&flags) {
            if *flag == 0 {
                match instr.op {
                    Op::Real(Opcode::LoadFast) => instr.op = Op::Real(Opcode::LoadFastBorrow),
                    Op::Real(Opcode::LoadFastLoadFast) => {
                        instr.op = Op::Real(Opcode::LoadFastBorrowLoadFastBorrow)
                    }
                    _ => {}
                }
            }
        }
        for &s in &successors {
            if !visited[s] {
                visited[s] = true;
                todo.push(s);
            }
        }
    }
}

/// Abstract effect of one instruction on the stack of references.
fn simulate(
    instr: &Instr,
    i: usize,
    refs: &mut Vec<Ref>,
    flags: &mut [u8],
    successors: &mut Vec<usize>,
) {
    let produced = Ref {
        instr: Some(i),
        local: None,
    };
    let pop = |refs: &mut Vec<Ref>| {
        refs.pop().unwrap_or(Ref {
            instr: None,
            local: None,
        })
    };
    let arg = instr.arg;
    let Op::Real(op) = instr.op else {
        if let Some(t) = instr.target() {
            successors.push(t);
        }
        return;
    };
    match op {
        Opcode::LoadFast => refs.push(Ref {
            instr: Some(i),
            local: Some(arg),
        }),
        // CPython 3.14.10 (later than the first 3.14 releases) also counts `del x` as
        // killing `x`, and lets `FORMAT_SIMPLE` pass its input through (a str is
        // returned as is), so that the formatted value is still the loaded reference.
        Opcode::DeleteFast => kill_local(flags, refs, arg),
        Opcode::FormatSimple => {}
        Opcode::LoadFastAndClear => {
            kill_local(flags, refs, arg);
            refs.push(Ref {
                instr: Some(i),
                local: Some(arg),
            });
        }
        Opcode::LoadFastLoadFast => {
            refs.push(Ref {
                instr: Some(i),
                local: Some(arg >> 4),
            });
            refs.push(Ref {
                instr: Some(i),
                local: Some(arg & 15),
            });
        }
        Opcode::StoreFast => {
            let r = pop(refs);
            store_local(flags, refs, arg, r);
        }
        Opcode::StoreFastLoadFast => {
            let r = pop(refs);
            store_local(flags, refs, arg >> 4, r);
            refs.push(Ref {
                instr: Some(i),
                local: Some(arg & 15),
            });
        }
        Opcode::StoreFastStoreFast => {
            let r = pop(refs);
            store_local(flags, refs, arg >> 4, r);
            let r = pop(refs);
            store_local(flags, refs, arg & 15, r);
        }
        Opcode::Copy => {
            let r = refs
                .len()
                .checked_sub(arg as usize)
                .and_then(|idx| refs.get(idx))
                .copied();
            refs.push(r.unwrap_or(Ref {
                instr: None,
                local: None,
            }));
        }
        Opcode::Swap => {
            let len = refs.len();
            if let Some(other) = len.checked_sub(arg as usize) {
                refs.swap(other, len - 1);
            }
        }
        // Opcodes that leave their inputs on the stack. (CPython pushes the new refs
        // with the loop counter as their producing instruction; so do we.)
        Opcode::GetAnext
        | Opcode::GetLen
        | Opcode::GetYieldFromIter
        | Opcode::ImportFrom
        | Opcode::MatchKeys
        | Opcode::MatchMapping
        | Opcode::MatchSequence
        | Opcode::WithExceptStart => {
            let (popped, pushed) = popped_pushed(op, arg);
            for counter in 0..(pushed - popped).max(0) as usize {
                refs.push(Ref {
                    instr: Some(counter),
                    local: None,
                });
            }
        }
        Opcode::DictMerge
        | Opcode::DictUpdate
        | Opcode::ListAppend
        | Opcode::ListExtend
        | Opcode::MapAdd
        | Opcode::Reraise
        | Opcode::SetAdd
        | Opcode::SetUpdate => {
            let (popped, pushed) = popped_pushed(op, arg);
            refs.truncate(refs.len().saturating_sub((popped - pushed) as usize));
        }
        Opcode::EndSend | Opcode::SetFunctionAttribute => {
            let tos = pop(refs);
            pop(refs);
            refs.push(tos);
        }
        Opcode::LoadSpecial | Opcode::PushExcInfo => {
            let tos = pop(refs);
            refs.push(produced);
            refs.push(tos);
        }
        Opcode::CheckExcMatch => {
            pop(refs);
            refs.push(produced);
        }
        Opcode::ForIter => {
            if let Some(t) = instr.target() {
                successors.push(t);
            }
            refs.push(produced);
        }
        Opcode::LoadAttr | Opcode::LoadSuperAttr => {
            let object = pop(refs);
            if op == Opcode::LoadSuperAttr {
                pop(refs);
                pop(refs);
            }
            refs.push(produced);
            if arg & 1 != 0 {
                refs.push(object);
            }
        }
        Opcode::Send => {
            if let Some(t) = instr.target() {
                successors.push(t);
            }
            pop(refs);
            refs.push(produced);
        }
        _ => {
            let (popped, pushed) = popped_pushed(op, arg);
            if instr.op.has_target() {
                if let Some(t) = instr.target() {
                    successors.push(t);
                }
            }
            // As many pops (of nothing, once the stack is empty) and pushes.
            refs.truncate(refs.len().saturating_sub(popped as usize));
            refs.resize(refs.len() + pushed as usize, produced);
        }
    }
}
