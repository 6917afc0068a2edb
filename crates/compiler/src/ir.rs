//! The compiler's intermediate instructions: real or pseudo opcodes with a full-width
//! argument, an optional jump target, a source location, and (after exception analysis)
//! the handler block covering them. Codegen produces them in a flat sequence with labels;
//! the flow graph groups them into basic blocks.

use adder_bytecode::{Opcode, PseudoOpcode};
use adder_syntax::ast::Range;

/// An opcode before assembly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Real(Opcode),
    Pseudo(PseudoOpcode),
}

impl Op {
    pub fn is(self, op: Opcode) -> bool {
        self == Op::Real(op)
    }

    pub fn is_pseudo(self, op: PseudoOpcode) -> bool {
        self == Op::Pseudo(op)
    }

    /// Instructions with a jump target (block pushes included, as CPython's HAS_TARGET).
    pub fn has_target(self) -> bool {
        match self {
            Op::Real(op) => op.has_jump(),
            Op::Pseudo(p) => matches!(
                p,
                PseudoOpcode::Jump
                    | PseudoOpcode::JumpIfFalse
                    | PseudoOpcode::JumpIfTrue
                    | PseudoOpcode::JumpNoInterrupt
                    | PseudoOpcode::SetupCleanup
                    | PseudoOpcode::SetupFinally
                    | PseudoOpcode::SetupWith
            ),
        }
    }

    /// `SETUP_FINALLY`, `SETUP_CLEANUP`, `SETUP_WITH`.
    pub fn is_block_push(self) -> bool {
        matches!(
            self,
            Op::Pseudo(
                PseudoOpcode::SetupCleanup | PseudoOpcode::SetupFinally | PseudoOpcode::SetupWith
            )
        )
    }

    /// Jumps (not block pushes).
    pub fn is_jump(self) -> bool {
        self.has_target() && !self.is_block_push()
    }

    pub fn is_unconditional_jump(self) -> bool {
        matches!(
            self,
            Op::Pseudo(PseudoOpcode::Jump | PseudoOpcode::JumpNoInterrupt)
                | Op::Real(
                    Opcode::JumpForward | Opcode::JumpBackward | Opcode::JumpBackwardNoInterrupt
                )
        )
    }

    /// Instructions after which control never falls through.
    pub fn is_scope_exit(self) -> bool {
        matches!(
            self,
            Op::Real(Opcode::ReturnValue | Opcode::RaiseVarargs | Opcode::Reraise)
        )
    }

    pub fn is_terminator(self) -> bool {
        self.is_jump() || self.is_scope_exit()
    }
}

/// A source location with CPython's "no location" convention (line -1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Loc {
    pub lineno: i32,
    pub end_lineno: i32,
    pub col: i32,
    pub end_col: i32,
}

impl Loc {
    pub const NONE: Loc = Loc {
        lineno: -1,
        end_lineno: -1,
        col: -1,
        end_col: -1,
    };
    /// "The location of the next instruction" (CPython's `NEXT_LOCATION`), resolved
    /// when the flow graph is built.
    pub const NEXT: Loc = Loc {
        lineno: -2,
        end_lineno: -2,
        col: -2,
        end_col: -2,
    };

    pub fn from_range(range: Range) -> Loc {
        Loc {
            lineno: range.lineno as i32,
            end_lineno: range.end_lineno as i32,
            col: range.col_offset as i32,
            end_col: range.end_col_offset as i32,
        }
    }

    /// For an attribute spanning lines (`obj\n    .attr`), start the location at the
    /// attribute name (CPython's `update_start_location_to_match_attr`).
    pub fn at_attribute(self, attribute: Range, name: &str) -> Loc {
        let end_line = attribute.end_lineno as i32;
        if self.lineno == end_line {
            return self;
        }
        let mut loc = self;
        loc.lineno = end_line;
        let len = name.chars().count() as i32;
        let end_col = attribute.end_col_offset as i32;
        if len <= end_col {
            loc.col = end_col - len;
        } else {
            loc.col = -1;
            loc.end_col = -1;
        }
        loc.end_lineno = loc.lineno.max(loc.end_lineno);
        if loc.lineno == loc.end_lineno {
            loc.end_col = loc.col.max(loc.end_col);
        }
        loc
    }

    pub fn has_line(self) -> bool {
        self.lineno >= 0
    }

    pub fn is_next(self) -> bool {
        self.lineno == -2
    }
}

/// A jump target before blocks exist (codegen) or a block index (flow graph).
pub type Target = usize;

/// No jump target / no handler, in the compact fields of [`Instr`].
const NO_BLOCK: u32 = u32::MAX;

/// One instruction. Jump target and handler are stored as `u32` (with [`NO_BLOCK`] for
/// none) so that an instruction is 32 bytes: the flow-graph passes copy and scan
/// instructions constantly, and the smaller they are the less memory those passes
/// touch. Read and write them through the accessors.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Instr {
    pub op: Op,
    pub arg: u32,
    target: u32,
    pub loc: Loc,
    /// The exception handler block covering this instruction (flow graph only).
    handler: u32,
}

// The layout the comment above promises.
const _: () = assert!(std::mem::size_of::<Instr>() == 32);

/// A block index as stored; no code has anywhere near 2^32 blocks or labels.
fn pack(block: Option<usize>) -> u32 {
    block.map_or(NO_BLOCK, |b| u32::try_from(b).unwrap_or(NO_BLOCK))
}

fn unpack(field: u32) -> Option<usize> {
    (field != NO_BLOCK).then_some(field as usize)
}

impl Instr {
    pub fn new(op: Op, arg: u32, loc: Loc) -> Instr {
        Instr {
            op,
            arg,
            target: NO_BLOCK,
            loc,
            handler: NO_BLOCK,
        }
    }

    /// The jump target: a label during codegen, a block in the flow graph.
    pub fn target(&self) -> Option<Target> {
        unpack(self.target)
    }

    pub fn set_target(&mut self, target: Option<Target>) {
        self.target = pack(target);
    }

    /// The exception handler block covering this instruction (flow graph only).
    pub fn handler(&self) -> Option<usize> {
        unpack(self.handler)
    }

    pub fn set_handler(&mut self, handler: Option<usize>) {
        self.handler = pack(handler);
    }

    pub fn set(&mut self, op: Opcode, arg: u32) {
        self.op = Op::Real(op);
        self.arg = arg;
    }

    pub fn nop(&mut self) {
        self.op = Op::Real(Opcode::Nop);
        self.arg = 0;
        self.target = NO_BLOCK;
    }
}

/// Codegen output: instructions in order, and where each label was placed.
#[derive(Debug, Default)]
pub struct InstrSeq {
    pub instrs: Vec<Instr>,
    /// `labels[id]` is the index of the instruction the label points at.
    pub labels: Vec<Option<usize>>,
}

impl InstrSeq {
    /// Room for `capacity` instructions (and a label per eight of them).
    pub fn with_capacity(capacity: usize) -> InstrSeq {
        InstrSeq {
            instrs: Vec::with_capacity(capacity),
            labels: Vec::with_capacity(capacity / 8),
        }
    }

    pub fn new_label(&mut self) -> Target {
        self.labels.push(None);
        self.labels.len() - 1
    }

    pub fn place(&mut self, label: Target) {
        if let Some(slot) = self.labels.get_mut(label) {
            *slot = Some(self.instrs.len());
        }
    }
}
