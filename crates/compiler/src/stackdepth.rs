//! Stack effects of instructions and the maximum stack depth of a flow graph
//! (CPython's `_PyCfg_Stackdepth`). The effects are those `dis.stack_effect` reports
//! for CPython 3.14.

use adder_bytecode::{Opcode, PseudoOpcode};

use crate::error::CompileError;
use crate::flowgraph::Cfg;
use crate::ir::Op;

/// How many values an instruction pops and pushes (on the non-jump path), as CPython's
/// `_PyOpcode_num_popped` / `_PyOpcode_num_pushed` for 3.14.
///
/// Looked up for every instruction by several passes: opcodes whose effect does not
/// depend on the argument (most) come from a table instead of the `match`.
#[inline]
pub fn popped_pushed(op: Opcode, arg: u32) -> (i32, i32) {
    match FIXED_EFFECTS[op as usize] {
        ARG_DEPENDENT => effect_rule(op, arg),
        (popped, pushed) => (i32::from(popped), i32::from(pushed)),
    }
}

/// A [`FIXED_EFFECTS`] entry whose effect depends on the argument.
const ARG_DEPENDENT: (i8, i8) = (-1, -1);

/// [`effect_rule`] of every opcode whose effect is the same for argument 0 and for an
/// argument with any single bit set (the rules combine the argument's bits linearly, so
/// that finds every argument-dependent one); [`ARG_DEPENDENT`] for the others.
const FIXED_EFFECTS: [(i8, i8); 256] = {
    let mut table = [ARG_DEPENDENT; 256];
    let mut byte = 0;
    while byte < 256 {
        if let Some(op) = Opcode::from_u8(byte as u8) {
            let base = effect_rule(op, 0);
            let mut fixed = base.0 <= i8::MAX as i32 && base.1 <= i8::MAX as i32;
            let mut bit = 0;
            // Bits past 29 would overflow the rules' `i32` arithmetic; no opcode
            // treats them differently from the lower ones.
            while bit < 30 {
                let other = effect_rule(op, 1 << bit);
                fixed &= other.0 == base.0 && other.1 == base.1;
                bit += 1;
            }
            if fixed {
                table[byte] = (base.0 as i8, base.1 as i8);
            }
        }
        byte += 1;
    }
    table
};

/// The effect rules themselves.
const fn effect_rule(op: Opcode, arg: u32) -> (i32, i32) {
    use Opcode::*;
    let n = arg as i32;
    match op {
        BinaryOp | CompareOp | ContainsOp | IsOp | CallIntrinsic2 | FormatWithSpec | ImportName
        | BuildTemplate => (2, 1),
        BinarySlice | MatchClass => (3, 1),
        StoreSlice => (4, 0),
        StoreSubscr => (3, 0),
        DeleteSubscr | StoreAttr | EndAsyncFor => (2, 0),
        StoreFastStoreFast => (2, 0),
        UnaryInvert
        | UnaryNegative
        | UnaryNot
        | ToBool
        | CallIntrinsic1
        | MakeFunction
        | ReturnValue
        | YieldValue
        | GetIter
        | FormatSimple
        | ConvertValue
        | GetAwaitable
        | GetAiter
        | GetYieldFromIter
        | LoadFromDictOrDeref
        | LoadFromDictOrGlobals
        | StoreFastLoadFast => (1, 1),
        PopTop | StoreName | StoreGlobal | StoreDeref | StoreFast | DeleteAttr | PopJumpIfFalse
        | PopJumpIfTrue | PopJumpIfNone | PopJumpIfNotNone | EndFor | PopIter | PopExcept
        | ExitInitCheck | InterpreterExit => (1, 0),
        PushNull | LoadConst | LoadSmallInt | LoadName | LoadDeref | LoadCommonConstant
        | LoadBuildClass | LoadLocals | LoadFast | LoadFastBorrow | LoadFastCheck
        | LoadFastAndClear | ReturnGenerator => (0, 1),
        LoadFastLoadFast | LoadFastBorrowLoadFastBorrow => (0, 2),
        LoadGlobal => (0, 1 + (n & 1)),
        LoadAttr => (1, 1 + (n & 1)),
        LoadSuperAttr => (3, 1 + (n & 1)),
        LoadSpecial => (1, 2),
        BuildList | BuildTuple | BuildSet | BuildString | BuildSlice => (n, 1),
        BuildMap => (2 * n, 1),
        BuildInterpolation => (2 + (n & 1), 1),
        Call => (2 + n, 1),
        CallKw => (3 + n, 1),
        CallFunctionEx => (4, 1),
        SetFunctionAttribute | EndSend => (2, 1),
        RaiseVarargs => (n, 0),
        Reraise => (1 + n, n),
        UnpackSequence => (1, n),
        UnpackEx => (1, (n & 0xff) + (n >> 8) + 1),
        ImportFrom | GetLen | MatchMapping | MatchSequence | GetAnext | ForIter => (1, 2),
        MatchKeys => (2, 3),
        Copy => (n, n + 1),
        Swap => (n, n),
        ListAppend | ListExtend | SetAdd | SetUpdate | DictMerge | DictUpdate => (n + 1, n),
        MapAdd => (n + 2, n),
        PushExcInfo => (1, 2),
        CheckExcMatch | CheckEgMatch => (2, 2),
        WithExceptStart => (5, 6),
        Send => (2, 2),
        CleanupThrow => (3, 2),
        _ => (0, 0),
    }
}

/// Net stack effect of an instruction; `jump` selects the effect when the jump is taken.
pub fn stack_effect(op: Op, arg: u32, jump: bool) -> i32 {
    match op {
        Op::Pseudo(p) => match p {
            PseudoOpcode::SetupCleanup if jump => 2,
            PseudoOpcode::SetupFinally | PseudoOpcode::SetupWith => i32::from(jump),
            PseudoOpcode::LoadClosure => 1,
            PseudoOpcode::StoreFastMaybeNull => -1,
            _ => 0,
        },
        Op::Real(op) => {
            let (popped, pushed) = popped_pushed(op, arg);
            pushed - popped
        }
    }
}

/// The deepest the value stack gets, following every path from the entry block; sets each
/// reachable block's `start_depth` (CPython's `calculate_stackdepth`).
pub fn max_stack_depth(cfg: &mut Cfg) -> Result<u32, CompileError> {
    // Start depths are kept apart while walking so that instructions are read in place.
    let mut start_depths = vec![-1; cfg.blocks.len()];
    let mut todo: Vec<usize> = Vec::with_capacity(cfg.blocks.len());
    let mut max_depth = 0;
    push_block(&mut start_depths, &mut todo, cfg.entry, 0);
    while let Some(b) = todo.pop() {
        let block = &cfg.blocks[b];
        let mut depth = start_depths[b];
        // Jumps and scope exits end blocks: only the last instruction may stop the flow.
        for instr in &block.instrs {
            let new_depth = depth + stack_effect(instr.op, instr.arg, false);
            if new_depth < 0 {
                return Err(CompileError::new(
                    "compiler: stack underflow (internal error)".to_string(),
                    Default::default(),
                ));
            }
            max_depth = max_depth.max(depth);
            if let Some(t) = instr.target() {
                if instr.op.has_target() && !instr.op.is(Opcode::EndAsyncFor) {
                    let target_depth = depth + stack_effect(instr.op, instr.arg, true);
                    push_block(&mut start_depths, &mut todo, t, target_depth);
                }
            }
            depth = new_depth;
        }
        if block.has_fallthrough() {
            if let Some(next) = block.next {
                push_block(&mut start_depths, &mut todo, next, depth);
            }
        }
    }
    for (block, depth) in cfg.blocks.iter_mut().zip(start_depths) {
        block.start_depth = depth;
    }
    Ok(max_depth as u32)
}

fn push_block(start_depths: &mut [i32], todo: &mut Vec<usize>, block: usize, depth: i32) {
    let start = &mut start_depths[block];
    if *start < depth && *start < 100 {
        *start = depth;
        todo.push(block);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table gives what the rules give, for every opcode and assorted arguments.
    #[test]
    fn fixed_effects_agree_with_the_rules() {
        let args = [
            0,
            1,
            2,
            3,
            7,
            255,
            256,
            257,
            0x1234,
            0xffff,
            0x10000,
            u32::MAX,
        ];
        for byte in 0..=255u8 {
            let Some(op) = Opcode::from_u8(byte) else {
                continue;
            };
            for arg in args {
                assert_eq!(
                    popped_pushed(op, arg),
                    effect_rule(op, arg),
                    "{}",
                    op.name()
                );
            }
        }
    }

    /// `stack_effects.txt` holds `dis.stack_effect` of every real opcode for a few
    /// arguments, generated by `tests/data/gen_expected.sh` with the reference.
    #[test]
    fn stack_effects_match_the_reference() {
        let table = include_str!("../tests/data/stack_effects.txt");
        for line in table.lines() {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let [opcode, arg, expected] = fields[..] else {
                continue;
            };
            let (Ok(opcode), Ok(arg), Ok(expected)) = (
                opcode.parse::<u8>(),
                arg.parse::<u32>(),
                expected.parse::<i32>(),
            ) else {
                continue;
            };
            let Some(op) = Opcode::from_u8(opcode) else {
                continue;
            };
            assert_eq!(
                stack_effect(Op::Real(op), arg, false),
                expected,
                "{} {arg}",
                op.name()
            );
        }
    }
}
