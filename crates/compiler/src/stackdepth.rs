//! Stack effects of instructions and the maximum stack depth of a flow graph
//! (CPython's `_PyCfg_Stackdepth`). The effects are those `dis.stack_effect` reports
//! for CPython 3.14.

use adder_bytecode::{Opcode, PseudoOpcode};

use crate::error::CompileError;
use crate::flowgraph::Cfg;
use crate::ir::{Instr, Op};

/// Net stack effect of `instr`; `jump` selects the effect when the jump is taken.
pub fn stack_effect(op: Op, arg: u32, jump: bool) -> i32 {
    let n = arg as i32;
    match op {
        Op::Pseudo(p) => match p {
            PseudoOpcode::SetupCleanup => if jump { 2 } else { 0 },
            PseudoOpcode::SetupFinally | PseudoOpcode::SetupWith => i32::from(jump),
            PseudoOpcode::LoadClosure => 1,
            PseudoOpcode::StoreFastMaybeNull => -1,
            _ => 0,
        },
        Op::Real(op) => {
            use Opcode::*;
            match op {
                BinarySlice => -2,
                BuildTemplate | CleanupThrow | EndFor | EndSend | ExitInitCheck | FormatWithSpec
                | InterpreterExit | PopExcept | PopIter | PopTop | BinaryOp | CallIntrinsic2
                | CompareOp | ContainsOp | DeleteAttr | DictMerge | DictUpdate | ImportName | IsOp
                | ListAppend | ListExtend | PopJumpIfFalse | PopJumpIfNone | PopJumpIfNotNone
                | PopJumpIfTrue | Reraise | SetAdd | SetFunctionAttribute | SetUpdate | StoreDeref
                | StoreFast | StoreGlobal | StoreName => -1,
                CallFunctionEx => -3,
                DeleteSubscr | StoreAttr | MapAdd | MatchClass | EndAsyncFor | StoreFastStoreFast => -2,
                StoreSlice => -4,
                StoreSubscr => -3,
                GetAnext | GetLen | LoadBuildClass | LoadLocals | MatchKeys | MatchMapping
                | MatchSequence | PushExcInfo | PushNull | ReturnGenerator | WithExceptStart
                | LoadCommonConstant | LoadConst | LoadDeref | LoadFast | LoadFastAndClear
                | LoadFastBorrow | LoadFastCheck | LoadName | LoadSmallInt | LoadSpecial | Copy
                | ForIter | ImportFrom => 1,
                LoadFastLoadFast | LoadFastBorrowLoadFastBorrow => 2,
                BuildInterpolation => -1 - (n & 1),
                BuildList | BuildSet | BuildSlice | BuildString | BuildTuple => 1 - n,
                BuildMap => 1 - 2 * n,
                Call => -1 - n,
                CallKw => -2 - n,
                LoadAttr => n & 1,
                LoadGlobal => 1 + (n & 1),
                LoadSuperAttr => -2 + (n & 1),
                RaiseVarargs => -n,
                UnpackEx => (n & 0xff) + (n >> 8),
                UnpackSequence => n - 1,
                _ => 0,
            }
        }
    }
}

/// The deepest the value stack gets, following every path from the entry block; sets each
/// reachable block's `start_depth`. Generators start with the sent value on the stack.
pub fn max_stack_depth(cfg: &mut Cfg, is_generator: bool) -> Result<u32, CompileError> {
    for block in &mut cfg.blocks {
        block.start_depth = -1;
    }
    let mut todo: Vec<usize> = Vec::new();
    let mut max_depth = 0;
    let entry = cfg.entry;
    push_block(cfg, &mut todo, entry, i32::from(is_generator));
    while let Some(b) = todo.pop() {
        let mut depth = cfg.blocks[b].start_depth;
        let mut falls_through = true;
        let instrs: Vec<Instr> = cfg.blocks[b].instrs.clone();
        for instr in &instrs {
            let new_depth = depth + stack_effect(instr.op, instr.arg, false);
            if new_depth < 0 {
                return Err(CompileError::new(
                    "compiler: stack underflow (internal error)".to_string(),
                    Default::default(),
                ));
            }
            max_depth = max_depth.max(new_depth);
            if instr.op.has_target() {
                let target_depth = depth + stack_effect(instr.op, instr.arg, true);
                max_depth = max_depth.max(target_depth);
                if let Some(t) = instr.target {
                    push_block(cfg, &mut todo, t, target_depth);
                }
            }
            depth = new_depth;
            if instr.op.is_unconditional_jump() || instr.op.is_scope_exit() {
                falls_through = false;
                break;
            }
        }
        if falls_through {
            if let Some(next) = cfg.blocks[b].next {
                push_block(cfg, &mut todo, next, depth);
            }
        }
    }
    Ok(max_depth as u32)
}

fn push_block(cfg: &mut Cfg, todo: &mut Vec<usize>, block: usize, depth: i32) {
    let b = &mut cfg.blocks[block];
    if b.start_depth < depth && b.start_depth < 100 {
        b.start_depth = depth;
        todo.push(block);
    }
}
