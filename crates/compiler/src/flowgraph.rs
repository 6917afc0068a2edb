//! The control-flow graph and its optimizations (CPython's `Python/flowgraph.c`):
//! basic blocks built from the codegen sequence, exception-handler labelling, jump
//! threading, dead-code and NOP removal, line-number propagation, cold-block placement
//! and jump normalization. Peephole rewrites of single blocks live in `peephole.rs`.

use adder_bytecode::{Opcode, PseudoOpcode};

use crate::ir::{Instr, InstrSeq, Loc, Op};

/// `RESUME` argument at function start, and the flag set on a `RESUME` that follows a
/// yield inside exactly one exception handler block.
const RESUME_AT_FUNC_START: u32 = 0;
const RESUME_OPARG_DEPTH1_MASK: u32 = 4;

#[derive(Clone, Debug, Default)]
pub struct Block {
    pub instrs: Vec<Instr>,
    /// The block laid out after this one (fall-through successor).
    pub next: Option<usize>,
    /// Some jump or handler targets this block.
    pub is_target: bool,
    pub except_handler: bool,
    pub preserve_lasti: bool,
    pub predecessors: u32,
    pub start_depth: i32,
    /// The block may hold a block push (`SETUP_*`): set where blocks are built and
    /// on copies of such blocks (a block that lost its pushes may keep it).
    pub has_block_push: bool,
    /// The handler of the instruction compaction last removed from each array slot at
    /// or past the end of `instrs`. CPython compacts blocks in place, so an instruction
    /// appended later (`NOT_TAKEN`, a threaded jump) inherits the stale handler of
    /// whatever occupied its slot before; this reproduces that. Slots below `instrs.len()`
    /// are not kept up to date: only a slot at the end is ever read.
    slot_handlers: Vec<Option<u32>>,
}

impl Block {
    /// Keep the first `kept` instructions, remembering the handlers of those dropped as
    /// their slots' stale contents.
    pub fn truncate_keeping_slots(&mut self, kept: usize) {
        let before = self.instrs.len();
        if kept >= before {
            return;
        }
        // Slots past the end of `slot_handlers` read as "no handler": when no stale
        // handler is recorded from `kept` on and none is dropped, nothing changes.
        // That is most code (no `try`), and saves allocating the record.
        if self.slot_handlers.len() <= kept
            && self.instrs[kept..].iter().all(|i| i.handler().is_none())
        {
            self.instrs.truncate(kept);
            return;
        }
        if self.slot_handlers.len() < before {
            self.slot_handlers.resize(before, None);
        }
        for (slot, instr) in self.slot_handlers[kept..before]
            .iter_mut()
            .zip(&self.instrs[kept..])
        {
            *slot = instr.handler().and_then(|h| u32::try_from(h).ok());
        }
        self.instrs.truncate(kept);
    }

    /// The handler a newly appended instruction picks up from its slot.
    pub fn next_slot_handler(&self) -> Option<usize> {
        self.slot_handlers
            .get(self.instrs.len())
            .copied()
            .flatten()
            .map(|h| h as usize)
    }

    pub fn last(&self) -> Option<&Instr> {
        self.instrs.last()
    }

    /// Control can flow from the end of this block into `next`.
    pub fn has_fallthrough(&self) -> bool {
        self.last()
            .is_none_or(|i| !(i.op.is_scope_exit() || i.op.is_unconditional_jump()))
    }

    fn exits_scope(&self) -> bool {
        self.last().is_some_and(|i| i.op.is_scope_exit())
    }
}

#[derive(Debug, Default)]
pub struct Cfg {
    pub blocks: Vec<Block>,
    pub entry: usize,
    /// The code has block pushes or pops (`SETUP_*`, `POP_BLOCK`), found while the
    /// blocks are built: without them there is no handler to label.
    pub has_block_ops: bool,
    /// The code has `JUMP_IF_FALSE`/`JUMP_IF_TRUE` (jumps that keep the tested value).
    /// Only codegen makes them, so without any from it there is nothing to convert.
    pub has_value_jumps: bool,
}

impl Cfg {
    /// Split the codegen sequence into basic blocks and resolve labels to blocks.
    pub fn from_sequence(mut seq: InstrSeq) -> Cfg {
        // One backward walk resolves "the next instruction's location" (the next one is
        // already resolved), finds the labels something jumps to, and finds where
        // terminators end a block.
        let mut targeted = vec![false; seq.labels.len()];
        // Codegen makes about a label per jump: a good first guess at the count.
        let mut after_terminators = Vec::with_capacity(seq.labels.len());
        let mut next_loc = Loc::NONE;
        let mut has_block_ops = false;
        let mut has_value_jumps = false;
        for (i, instr) in seq.instrs.iter_mut().enumerate().rev() {
            if instr.loc.is_next() {
                instr.loc = next_loc;
            }
            next_loc = instr.loc;
            if let Op::Pseudo(op) = instr.op {
                has_block_ops |= matches!(
                    op,
                    PseudoOpcode::SetupCleanup
                        | PseudoOpcode::SetupFinally
                        | PseudoOpcode::SetupWith
                        | PseudoOpcode::PopBlock
                );
                has_value_jumps |=
                    matches!(op, PseudoOpcode::JumpIfFalse | PseudoOpcode::JumpIfTrue);
            }
            if let Some(t) = instr.target().filter(|_| instr.op.has_target()) {
                if let Some(flag) = targeted.get_mut(t) {
                    *flag = true;
                }
            }
            if instr.op.is_terminator() {
                after_terminators.push(i + 1);
            }
        }
        after_terminators.reverse();
        // Only labels something jumps to start a block (as CPython's
        // `_PyCfg_FromInstructionSequence`): unused labels do not split code.
        // (position, label) of every targeted label, in position order.
        let mut placed: Vec<(usize, usize)> = seq
            .labels
            .iter()
            .enumerate()
            .filter(|(label, _)| targeted[*label])
            .filter_map(|(label, pos)| pos.map(|p| (p, label)))
            .collect();
        placed.sort_unstable();
        let (bounds, label_block) = split_points(&seq, &placed, &after_terminators);
        // Room for the blocks later passes add (exit copies, cold-path jumps,
        // backward conditional jumps): a few in most code.
        const LATER_BLOCKS: usize = 4;
        let mut cfg = Cfg {
            blocks: Vec::with_capacity(bounds.len() + LATER_BLOCKS),
            entry: 0,
            has_block_ops,
            has_value_jumps,
        };
        let last = bounds.len().saturating_sub(1);
        for (id, bound) in bounds.iter().enumerate() {
            let mut instrs = seq
                .instrs
                .get(bound.start..bound.end)
                .unwrap_or_default()
                .to_vec();
            // Labels become blocks as the instructions are copied.
            let mut has_block_push = false;
            for instr in &mut instrs {
                if let Some(label) = instr.target() {
                    instr.set_target(label_block.get(label).copied().filter(|b| *b != usize::MAX));
                    has_block_push |= instr.op.is_block_push();
                }
            }
            cfg.blocks.push(Block {
                instrs,
                next: (id < last).then_some(id + 1),
                is_target: bound.is_target,
                has_block_push,
                ..Block::default()
            });
        }
        cfg
    }

    /// A new empty block laid out right after `after`.
    pub fn append_after(&mut self, after: usize) -> usize {
        let id = self.blocks.len();
        let next = self.blocks[after].next;
        self.blocks.push(Block {
            next,
            ..Block::default()
        });
        self.blocks[after].next = Some(id);
        id
    }

    /// A work list of blocks to visit, holding `first`, with room for every block so
    /// that walks that visit each block once never grow it.
    pub fn work_list(&self, first: usize) -> Vec<usize> {
        let mut list = Vec::with_capacity(self.blocks.len());
        list.push(first);
        list
    }

    /// Block indexes in layout order.
    pub fn order(&self) -> Vec<usize> {
        let mut order = Vec::with_capacity(self.blocks.len());
        let mut b = Some(self.entry);
        while let Some(id) = b {
            order.push(id);
            b = self.blocks[id].next;
        }
        order
    }

    /// Visit the blocks in layout order without building the order. `visit` may change
    /// blocks and lay out new ones right after the block it visits: those are not
    /// visited, as with a snapshot of the order taken before.
    pub fn for_each_block(&mut self, mut visit: impl FnMut(&mut Cfg, usize)) {
        let mut cursor = Some(self.entry);
        while let Some(b) = cursor {
            let next = self.blocks[b].next;
            visit(self, b);
            cursor = next;
        }
    }

    /// The instructions of block `b` that may have a jump target, for walks that only
    /// follow targets. Jumps end blocks, so in a block without block pushes only the
    /// last instruction may have one. (Valid until [`normalize_jumps`] puts a
    /// `NOT_TAKEN` after conditional jumps.)
    pub fn jumps_of(&self, b: usize) -> &[Instr] {
        let instrs = &self.blocks[b].instrs;
        if self.blocks[b].has_block_push {
            instrs
        } else {
            &instrs[instrs.len().saturating_sub(1)..]
        }
    }

    /// The first non-empty block at or after `b` in layout order.
    pub fn skip_empty(&self, mut b: usize) -> usize {
        while self.blocks[b].instrs.is_empty() {
            match self.blocks[b].next {
                Some(n) => b = n,
                None => break,
            }
        }
        b
    }
}

/// Where one block's instructions lie in the codegen sequence.
struct BlockBounds {
    start: usize,
    end: usize,
    is_target: bool,
}

/// Cut the sequence into blocks: before every targeted label (`placed`, in position
/// order) and after every terminator (`after_terminators`: the positions right after
/// them, in order). Returns the blocks in layout order (block `i` is laid out `i`-th)
/// and, for each label, its block (`usize::MAX` for none).
fn split_points(
    seq: &InstrSeq,
    placed: &[(usize, usize)],
    after_terminators: &[usize],
) -> (Vec<BlockBounds>, Vec<usize>) {
    let mut label_block = vec![usize::MAX; seq.labels.len()];
    let mut bounds = Vec::with_capacity(placed.len() + after_terminators.len() + 1);
    bounds.push(BlockBounds {
        start: 0,
        end: 0,
        is_target: false,
    });
    let count = seq.instrs.len();
    let mut next_placed = 0;
    let mut next_terminator = 0;
    // Only positions with a label or right after a terminator can start a block.
    loop {
        let label_at = placed.get(next_placed).map_or(count, |(p, _)| *p);
        let terminator_end = after_terminators.get(next_terminator).copied();
        let i = terminator_end
            .map_or(label_at, |t| t.min(label_at))
            .min(count);
        let after_terminator = terminator_end == Some(i);
        if after_terminator {
            next_terminator += 1;
        }
        let first_placed = next_placed;
        while placed.get(next_placed).is_some_and(|(p, _)| *p == i) {
            next_placed += 1;
        }
        let labels = &placed[first_placed..next_placed];
        let current = bounds.len() - 1;
        let block_has_code = i > bounds[current].start;
        let split = if i == count {
            !labels.is_empty()
        } else if !labels.is_empty() {
            block_has_code || bounds[current].is_target
        } else {
            block_has_code && after_terminator
        };
        if split || i == count {
            bounds[current].end = i;
        }
        if split {
            bounds.push(BlockBounds {
                start: i,
                end: i,
                is_target: false,
            });
        }
        if !labels.is_empty() {
            let current = bounds.len() - 1;
            bounds[current].is_target = true;
            for &(_, label) in labels {
                label_block[label] = current;
            }
        }
        if i == count {
            return (bounds, label_block);
        }
    }
}

/// Mark handler blocks and record, for every instruction, the handler covering it
/// (CPython's `mark_except_handlers` + `label_exception_targets`).
pub fn label_exception_targets(cfg: &mut Cfg) {
    // Without block pushes and pops, no instruction is covered by a handler (codegen
    // leaves none set) and there is nothing to rewrite.
    if !cfg.has_block_ops {
        return;
    }
    // Block pushes and pops are pseudo-instructions: only those are looked at here.
    for b in 0..cfg.blocks.len() {
        for i in 0..cfg.blocks[b].instrs.len() {
            let instr = &cfg.blocks[b].instrs[i];
            let Op::Pseudo(op) = instr.op else { continue };
            let Some(t) = instr.target().filter(|_| instr.op.is_block_push()) else {
                continue;
            };
            cfg.blocks[t].except_handler = true;
            if matches!(op, PseudoOpcode::SetupWith | PseudoOpcode::SetupCleanup) {
                cfg.blocks[t].preserve_lasti = true;
            }
        }
    }
    let mut stacks: Vec<Option<Vec<usize>>> = vec![None; cfg.blocks.len()];
    // Visits are tracked apart from the blocks so that instructions are updated in place.
    let mut visited = vec![false; cfg.blocks.len()];
    let mut todo = cfg.work_list(cfg.entry);
    stacks[cfg.entry] = Some(Vec::new());
    visited[cfg.entry] = true;
    while let Some(b) = todo.pop() {
        let mut stack = stacks[b].take().unwrap_or_default();
        let mut last_yield_depth: Option<usize> = None;
        for instr in &mut cfg.blocks[b].instrs {
            if instr.op.is_block_push() {
                if let Some(t) = instr.target() {
                    enter(t, &stack, &mut visited, &mut stacks, &mut todo);
                    stack.push(t);
                }
            } else if instr.op.is_pseudo(PseudoOpcode::PopBlock) {
                stack.pop();
                instr.op = Op::Real(Opcode::Nop);
            } else if instr.op.is_jump() {
                instr.set_handler(stack.last().copied());
                if let Some(t) = instr.target() {
                    enter(t, &stack, &mut visited, &mut stacks, &mut todo);
                }
            } else {
                if instr.op.is(Opcode::YieldValue) {
                    last_yield_depth = Some(stack.len());
                } else if instr.op.is(Opcode::Resume) && instr.arg != RESUME_AT_FUNC_START {
                    // A RESUME after a yield inside exactly one try records that.
                    if last_yield_depth == Some(1) {
                        instr.arg |= RESUME_OPARG_DEPTH1_MASK;
                    }
                    last_yield_depth = None;
                }
                instr.set_handler(stack.last().copied());
            }
        }
        let block = &cfg.blocks[b];
        if let Some(next) = block.next.filter(|_| block.has_fallthrough()) {
            if !visited[next] {
                visited[next] = true;
                stacks[next] = Some(stack);
                todo.push(next);
            }
        }
    }
}

/// Queue block `t` with a copy of the handler stack, the first time it is reached.
fn enter(
    t: usize,
    stack: &[usize],
    visited: &mut [bool],
    stacks: &mut [Option<Vec<usize>>],
    todo: &mut Vec<usize>,
) {
    if !visited[t] {
        visited[t] = true;
        stacks[t] = Some(stack.to_vec());
        todo.push(t);
    }
}

/// Count predecessors of blocks reachable from the entry (others get 0).
pub fn mark_reachable(cfg: &mut Cfg) {
    // Counted in an array of its own so that the walk reads instructions in place. A
    // block is queued when its count first leaves zero (the entry starts at one).
    let mut predecessors = vec![0u32; cfg.blocks.len()];
    predecessors[cfg.entry] = 1;
    let mut todo = cfg.work_list(cfg.entry);
    while let Some(b) = todo.pop() {
        let block = &cfg.blocks[b];
        let fallthrough = block.next.filter(|_| block.has_fallthrough());
        // The target field first: most instructions have none.
        let targets = cfg
            .jumps_of(b)
            .iter()
            .filter_map(|i| i.target().filter(|_| i.op.has_target()));
        for t in fallthrough.into_iter().chain(targets) {
            predecessors[t] += 1;
            if predecessors[t] == 1 {
                todo.push(t);
            }
        }
    }
    for (block, count) in cfg.blocks.iter_mut().zip(predecessors) {
        block.predecessors = count;
    }
}

/// Empty the blocks no control flow reaches. Like CPython, empty blocks stay in the
/// layout chain (passes look through them where CPython does, and `optimize_load_fast`
/// stops at them as CPython's does).
pub fn remove_unreachable(cfg: &mut Cfg) {
    mark_reachable(cfg);
    for block in &mut cfg.blocks {
        if block.predecessors == 0 {
            block.instrs.clear();
            block.except_handler = false;
        }
    }
}

/// Drop NOPs that carry no line information of their own (CPython's
/// `remove_redundant_nops`); returns how many were removed.
pub fn remove_redundant_nops(cfg: &mut Cfg, b: usize) -> usize {
    let instrs = &cfg.blocks[b].instrs;
    // Most blocks have no NOP in most passes; everything before the first one is kept.
    let Some(first_nop) = instrs.iter().position(|i| i.op.is(Opcode::Nop)) else {
        return 0;
    };
    // Only a NOP at the end of the block looks past it.
    let next_line = if instrs.last().is_some_and(|i| i.op.is(Opcode::Nop)) {
        next_block_line(cfg, b)
    } else {
        None
    };
    let block = &mut cfg.blocks[b];
    // Compacted in place: the instruction kept goes to `kept`, never past `src`, so
    // the look-ahead at `src + 1` still sees the original instruction.
    let instrs = &mut block.instrs;
    let before = instrs.len();
    let mut kept = first_nop;
    let mut prev_line = first_nop
        .checked_sub(1)
        .map_or(-1, |p| instrs[p].loc.lineno);
    let mut pending_loc: Option<Loc> = None;
    for src in first_nop..before {
        let mut instr = instrs[src];
        if let Some(loc) = pending_loc.take() {
            instr.loc = loc;
        }
        let line = instr.loc.lineno;
        if instr.op.is(Opcode::Nop) {
            if line < 0 || prev_line == line {
                continue;
            }
            if let Some(next) = instrs.get(src + 1) {
                if next.loc.lineno == line {
                    continue;
                }
                if next.loc.lineno < 0 {
                    pending_loc = Some(instr.loc);
                    continue;
                }
            } else if next_line == Some(line) {
                continue;
            }
        }
        prev_line = line;
        instrs[kept] = instr;
        kept += 1;
    }
    block.truncate_keeping_slots(kept);
    before - kept
}

/// The line of the first instruction after block `b` that has one or is not a NOP (-1
/// when none has); `None` at the end of the code.
fn next_block_line(cfg: &Cfg, b: usize) -> Option<i32> {
    let mut next = cfg.blocks[b].next;
    while let Some(n) = next {
        if !cfg.blocks[n].instrs.is_empty() {
            break;
        }
        next = cfg.blocks[n].next;
    }
    next.map(|n| {
        cfg.blocks[n]
            .instrs
            .iter()
            .find(|i| !i.op.is(Opcode::Nop) || i.loc.has_line())
            .map_or(-1, |i| i.loc.lineno)
    })
}

/// Replace jumps to the next non-empty block by NOPs.
fn remove_redundant_jumps(cfg: &mut Cfg) -> bool {
    let mut changed = false;
    cfg.for_each_block(|cfg, b| {
        let Some(last) = cfg.blocks[b].last().copied() else {
            return;
        };
        if !last.op.is_unconditional_jump() {
            return;
        }
        let next = cfg.blocks[b].next.map(|n| cfg.skip_empty(n));
        let target = last.target().map(|t| cfg.skip_empty(t));
        if target.is_some() && target == next {
            if let Some(l) = cfg.blocks[b].instrs.last_mut() {
                l.nop();
            }
            changed = true;
        }
    });
    changed
}

/// Repeat NOP and jump removal until nothing changes. `cleaned`: every block went
/// through NOP removal since its code last changed (emptied blocks aside).
///
/// NOP removal in a block is idempotent but for its last NOP, which looks at the line
/// the next non-empty block starts with. So once every block is clean, only a block
/// ending with a NOP can lose more: after an emptied block (the next line may change)
/// or a jump made a NOP (it ends the block). A second round is needed only when jumps
/// changed or a block was emptied (a block keeps the line its code starts with unless
/// NOP removal empties it), and looks at those blocks alone.
pub fn remove_redundant_nops_and_jumps(cfg: &mut Cfg, cleaned: bool) {
    let mut only_ending_with_nop = cleaned;
    loop {
        let mut emptied = false;
        cfg.for_each_block(|cfg, b| {
            if only_ending_with_nop && !cfg.blocks[b].last().is_some_and(|i| i.op.is(Opcode::Nop)) {
                return;
            }
            emptied |= remove_redundant_nops(cfg, b) > 0 && cfg.blocks[b].instrs.is_empty();
        });
        if !remove_redundant_jumps(cfg) && !emptied {
            break;
        }
        only_ending_with_nop = true;
    }
}

/// A block ending with an unconditional jump to a small exit block, or to a block
/// without line numbers that does not fall through, takes a copy of that block instead
/// (CPython's `inline_small_or_no_lineno_blocks`).
pub fn inline_small_exit_blocks(cfg: &mut Cfg) -> bool {
    const MAX_COPY_SIZE: usize = 4;
    let mut changed = false;
    cfg.for_each_block(|cfg, b| {
        let Some(last) = cfg.blocks[b].last().copied() else {
            return;
        };
        if !last.op.is_unconditional_jump() {
            return;
        }
        let Some(target) = last.target() else {
            return;
        };
        let target_block = &cfg.blocks[target];
        let small_exit = target_block.exits_scope() && target_block.instrs.len() <= MAX_COPY_SIZE;
        let no_lineno_no_fallthrough = target_block.instrs.iter().all(|i| !i.loc.has_line())
            && !target_block.has_fallthrough();
        if small_exit || no_lineno_no_fallthrough {
            let copy = target_block.instrs.clone();
            let copied_push = target_block.has_block_push;
            if let Some(l) = cfg.blocks[b].instrs.last_mut() {
                l.nop();
            }
            cfg.blocks[b].instrs.extend(copy);
            cfg.blocks[b].has_block_push |= copied_push;
            if no_lineno_no_fallthrough && last.op.is_pseudo(PseudoOpcode::Jump) {
                // Keep the eval-breaker check of the jump we replaced.
                if let Some(l) = cfg.blocks[b].instrs.last_mut() {
                    if l.op.is_unconditional_jump() {
                        l.op = Op::Pseudo(PseudoOpcode::Jump);
                    }
                }
            }
            changed = true;
        }
    });
    changed
}

/// `JUMP_IF_FALSE`/`JUMP_IF_TRUE` (keep the value) become `COPY 1; TO_BOOL; POP_JUMP_IF_*`.
pub fn convert_pseudo_conditional_jumps(cfg: &mut Cfg) {
    if !cfg.has_value_jumps {
        return;
    }
    for block in &mut cfg.blocks {
        let mut i = 0;
        while i < block.instrs.len() {
            let instr = block.instrs[i];
            let real = match instr.op {
                Op::Pseudo(PseudoOpcode::JumpIfFalse) => Opcode::PopJumpIfFalse,
                Op::Pseudo(PseudoOpcode::JumpIfTrue) => Opcode::PopJumpIfTrue,
                _ => {
                    i += 1;
                    continue;
                }
            };
            let mut copy = Instr::new(Op::Real(Opcode::Copy), 1, instr.loc);
            copy.set_handler(instr.handler());
            let mut to_bool = copy;
            to_bool.op = Op::Real(Opcode::ToBool);
            to_bool.arg = 0;
            block.instrs[i].op = Op::Real(real);
            block.instrs.insert(i, to_bool);
            block.instrs.insert(i, copy);
            i += 3;
        }
    }
}

/// Blocks reachable from `roots` by normal control flow (fall-through and jumps, not
/// handlers), not entering `stop` blocks.
fn flood(cfg: &Cfg, roots: &[usize], stop: &[bool]) -> Vec<bool> {
    let mut seen = vec![false; cfg.blocks.len()];
    let mut todo: Vec<usize> = Vec::with_capacity(cfg.blocks.len());
    todo.extend_from_slice(roots);
    for &r in roots {
        seen[r] = true;
    }
    while let Some(b) = todo.pop() {
        let block = &cfg.blocks[b];
        let fallthrough = block.next.filter(|_| block.has_fallthrough());
        let jumps = cfg
            .jumps_of(b)
            .iter()
            .filter_map(|i| i.target().filter(|_| i.op.is_jump()));
        for s in fallthrough.into_iter().chain(jumps) {
            if !seen[s] && !stop[s] {
                seen[s] = true;
                todo.push(s);
            }
        }
    }
    seen
}

/// Code reached only through exception handlers ("cold") moves to the end, behind the
/// normal path (CPython's `mark_cold` + `push_cold_blocks_to_end`).
pub fn push_cold_blocks_to_end(cfg: &mut Cfg) {
    // Only code reached from a handler can be cold; most code has no handler.
    if !cfg.blocks.iter().any(|b| b.except_handler) {
        return;
    }
    let order = cfg.order();
    if order.len() < 2 {
        return;
    }
    let nothing = vec![false; cfg.blocks.len()];
    let warm = flood(cfg, &[cfg.entry], &nothing);
    let handlers: Vec<usize> = order
        .iter()
        .copied()
        .filter(|&b| cfg.blocks[b].except_handler)
        .collect();
    let cold = flood(cfg, &handlers, &warm);
    let mut cold: Vec<bool> = cold.iter().zip(&warm).map(|(c, w)| *c && !w).collect();
    // A cold block falling through into a warm one needs an explicit jump.
    for &b in &order {
        let Some(next) = cfg.blocks[b].next else {
            continue;
        };
        if cold[b] && cfg.blocks[b].has_fallthrough() && warm[next] {
            let jump_block = cfg.append_after(b);
            let mut jump = Instr::new(Op::Pseudo(PseudoOpcode::JumpNoInterrupt), 0, Loc::NONE);
            jump.set_target(Some(next));
            cfg.blocks[jump_block].instrs.push(jump);
            cfg.blocks[next].is_target = true;
            cold.push(true);
        }
    }
    let order = cfg.order();
    if !order.iter().any(|&b| cold[b]) {
        return;
    }
    let (warm_blocks, cold_blocks): (Vec<usize>, Vec<usize>) =
        order.into_iter().partition(|&b| !cold[b]);
    let all: Vec<usize> = warm_blocks.into_iter().chain(cold_blocks).collect();
    for pair in all.windows(2) {
        cfg.blocks[pair[0]].next = Some(pair[1]);
    }
    if let Some(&last) = all.last() {
        cfg.blocks[last].next = None;
    }
    remove_redundant_nops_and_jumps(cfg, false);
}

/// Give instructions without a location the line of what precedes them
/// (CPython's `resolve_line_numbers`: `duplicate_exits_without_lineno` +
/// `propagate_line_numbers`). Needs current predecessor counts ([`mark_reachable`]).
pub fn resolve_line_numbers(cfg: &mut Cfg) {
    duplicate_exits_without_lineno(cfg);
    cfg.for_each_block(|cfg, b| {
        if cfg.blocks[b].instrs.is_empty() {
            return;
        }
        let mut prev = Loc::NONE;
        for instr in &mut cfg.blocks[b].instrs {
            if instr.loc.lineno == -1 {
                instr.loc = prev;
            } else {
                prev = instr.loc;
            }
        }
        let block = &cfg.blocks[b];
        let fallthrough = block.next.filter(|_| block.has_fallthrough());
        let jump_target = block
            .last()
            .filter(|l| l.op.is_jump())
            .and_then(|l| l.target());
        for successor in [fallthrough, jump_target].into_iter().flatten() {
            if cfg.blocks[successor].predecessors == 1 {
                if let Some(first) = cfg.blocks[successor].instrs.first_mut() {
                    if first.loc.lineno == -1 {
                        first.loc = prev;
                    }
                }
            }
        }
    });
}

/// Blocks that leave the scope or check the eval breaker need a line number of their own.
fn is_exit_or_eval_check_without_lineno(block: &Block) -> bool {
    // Most blocks have a line at their first instruction: that test goes first.
    if block.instrs.iter().any(|i| i.loc.has_line()) {
        return false;
    }
    let eval_break = block.instrs.iter().any(|i| {
        matches!(
            i.op,
            Op::Pseudo(PseudoOpcode::Jump)
                | Op::Real(
                    Opcode::JumpBackward
                        | Opcode::Call
                        | Opcode::CallKw
                        | Opcode::CallFunctionEx
                        | Opcode::Resume
                )
        )
    });
    block.exits_scope() || eval_break
}

/// An exit block without any line number that several blocks jump to is copied for
/// each, so that each copy can take its predecessor's line.
fn duplicate_exits_without_lineno(cfg: &mut Cfg) {
    let no_lineno_exit = is_exit_or_eval_check_without_lineno;
    // The copies made here are not visited, as with a snapshot of the order.
    let original = cfg.blocks.len();
    cfg.for_each_block(|cfg, b| {
        if b >= original {
            return;
        }
        let Some(last) = cfg.blocks[b].last().copied() else {
            return;
        };
        if !last.op.is_jump() {
            return;
        }
        let Some(target) = last.target().map(|t| cfg.skip_empty(t)) else {
            return;
        };
        if cfg.blocks[target].predecessors > 1 && no_lineno_exit(&cfg.blocks[target]) {
            let instrs = cfg.blocks[target].instrs.clone();
            let copy = cfg.append_after(target);
            cfg.blocks[copy].instrs = instrs;
            cfg.blocks[copy].has_block_push = cfg.blocks[target].has_block_push;
            cfg.blocks[copy].is_target = true;
            cfg.blocks[copy].predecessors = 1;
            cfg.blocks[target].predecessors -= 1;
            if let Some(first) = cfg.blocks[copy].instrs.first_mut() {
                first.loc = last.loc;
            }
            if let Some(l) = cfg.blocks[b].instrs.last_mut() {
                l.set_target(Some(copy));
            }
        }
    });
    // Exit blocks reached by falling through take the line of what precedes them.
    cfg.for_each_block(|cfg, b| {
        if !cfg.blocks[b].has_fallthrough() {
            return;
        }
        let (Some(next), Some(last_loc)) =
            (cfg.blocks[b].next, cfg.blocks[b].last().map(|i| i.loc))
        else {
            return;
        };
        if no_lineno_exit(&cfg.blocks[next]) {
            if let Some(first) = cfg.blocks[next].instrs.first_mut() {
                first.loc = last_loc;
            }
        }
    });
}

/// `JUMP` becomes `JUMP_FORWARD`/`JUMP_BACKWARD`; a backward conditional jump becomes a
/// reversed forward jump over a `JUMP_BACKWARD`; conditional jumps get `NOT_TAKEN` on
/// their fall-through path (CPython's `normalize_jumps`).
pub fn normalize_jumps(cfg: &mut Cfg) {
    let order = cfg.order();
    let mut position = vec![usize::MAX; cfg.blocks.len()];
    for (i, &b) in order.iter().enumerate() {
        position[b] = i;
    }
    for &b in &order {
        let Some(last) = cfg.blocks[b].last().copied() else {
            continue;
        };
        if !last.op.is_jump() {
            continue;
        }
        let Some(target) = last.target() else {
            continue;
        };
        let forward = position.get(target).is_some_and(|&p| p > position[b]);
        let new_op = match last.op {
            Op::Pseudo(PseudoOpcode::Jump) => Some(if forward {
                Opcode::JumpForward
            } else {
                Opcode::JumpBackward
            }),
            Op::Pseudo(PseudoOpcode::JumpNoInterrupt) => Some(if forward {
                Opcode::JumpForward
            } else {
                Opcode::JumpBackwardNoInterrupt
            }),
            _ => None,
        };
        if let Some(op) = new_op {
            if let Some(l) = cfg.blocks[b].instrs.last_mut() {
                l.op = Op::Real(op);
            }
            continue;
        }
        let reversed = match last.op {
            Op::Real(Opcode::PopJumpIfFalse) => Opcode::PopJumpIfTrue,
            Op::Real(Opcode::PopJumpIfTrue) => Opcode::PopJumpIfFalse,
            Op::Real(Opcode::PopJumpIfNone) => Opcode::PopJumpIfNotNone,
            Op::Real(Opcode::PopJumpIfNotNone) => Opcode::PopJumpIfNone,
            _ => continue,
        };
        // NOT_TAKEN (on the fall-through path) carries the jump's location; its handler
        // is whatever its array slot held before (none in a fresh block).
        let mut not_taken = Instr::new(Op::Real(Opcode::NotTaken), 0, last.loc);
        if forward {
            not_taken.set_handler(cfg.blocks[b].next_slot_handler());
            cfg.blocks[b].instrs.push(not_taken);
            continue;
        }
        not_taken.set_handler(None);
        let after = cfg.blocks[b].next;
        let back = cfg.append_after(b);
        let mut jump = Instr::new(Op::Real(Opcode::JumpBackward), 0, last.loc);
        jump.set_target(Some(target));
        cfg.blocks[back].instrs.extend([not_taken, jump]);
        if let Some(a) = after {
            cfg.blocks[a].is_target = true;
        }
        if let Some(l) = cfg.blocks[b].instrs.last_mut() {
            l.op = Op::Real(reversed);
            l.set_target(after);
        }
    }
}

/// Pseudo-ops that survive optimization become real ones; block setups become NOPs
/// (CPython's `convert_pseudo_ops`; the caller removes the NOPs that carry no line of
/// their own). In the same walk, deref instructions get their final fast slot:
/// codegen numbers them in cell space, `deref_slots[i]` being the slot of cell `i`.
pub fn convert_pseudo_ops(cfg: &mut Cfg, deref_slots: &[u32]) {
    let to_slot = |instr: &mut Instr| {
        if let Some(&slot) = deref_slots.get(instr.arg as usize) {
            instr.arg = slot;
        }
    };
    for block in &mut cfg.blocks {
        for instr in &mut block.instrs {
            match instr.op {
                Op::Pseudo(
                    PseudoOpcode::SetupFinally
                    | PseudoOpcode::SetupCleanup
                    | PseudoOpcode::SetupWith,
                )
                | Op::Pseudo(PseudoOpcode::PopBlock) => instr.nop(),
                Op::Pseudo(PseudoOpcode::LoadClosure) => {
                    instr.op = Op::Real(Opcode::LoadFast);
                    to_slot(instr);
                }
                Op::Pseudo(PseudoOpcode::StoreFastMaybeNull) => {
                    instr.op = Op::Real(Opcode::StoreFast)
                }
                Op::Real(
                    Opcode::LoadDeref
                    | Opcode::StoreDeref
                    | Opcode::DeleteDeref
                    | Opcode::LoadFromDictOrDeref
                    | Opcode::MakeCell,
                ) => to_slot(instr),
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nop_with_handler(handler: Option<usize>) -> Instr {
        let mut instr = Instr::new(Op::Real(Opcode::Nop), 0, Loc::NONE);
        instr.set_handler(handler);
        instr
    }

    /// CPython compacts a block's array in place: an instruction appended later lands
    /// in a slot whose previous occupant's handler it inherits.
    #[test]
    fn appended_instructions_inherit_the_handler_left_in_their_slot() {
        let mut block = Block {
            instrs: vec![
                nop_with_handler(None),
                nop_with_handler(Some(3)),
                nop_with_handler(Some(5)),
            ],
            ..Block::default()
        };
        assert_eq!(block.next_slot_handler(), None);
        block.truncate_keeping_slots(1);
        assert_eq!(block.next_slot_handler(), Some(3));
        block.instrs.push(nop_with_handler(None));
        assert_eq!(block.next_slot_handler(), Some(5));
        block.instrs.push(nop_with_handler(None));
        assert_eq!(block.next_slot_handler(), None);
    }
}
