//! Bytecode validation: the facts the VM's evaluation loop relies on instead of
//! checking them on every instruction.
//!
//! A code object that passes runs with an unchecked fetch (`ip` always indexes a
//! code unit), unchecked fast-local access and unchecked constant access. Code
//! objects come from adder's compiler, its cache files (which may be damaged or
//! forged) and `compile()`; rather than refuse a bad one, [`sanitize`] turns each
//! faulty instruction into CACHE units, which raise SystemError when executed, so a
//! forged cache file can only fail with a Python exception, never read out of bounds.
//!
//! The guarantees, for code units counted from 0 to `len`:
//! - every unit's opcode byte is an [`Opcode`];
//! - walking instructions from 0 (an instruction is its EXTENDED_ARG prefixes, its
//!   opcode and its inline cache units) ends exactly at `len`, and the last
//!   instruction cannot fall through (return, raise or unconditional jump), so the
//!   unit after any instruction that may fall through exists;
//! - every jump target and exception handler starts an instruction of that walk, and
//!   a FOR_ITER's target is an END_FOR (the loop skips it on exhaustion);
//! - fast-local, cell, constant and name indexes are in range.

use crate::code::{CodeObject, CodeUnit};
use crate::exception_table::ExceptionTableEntry;
use crate::opcode::Opcode;

/// What an instruction's argument must index to be in range.
#[derive(Clone, Copy)]
enum Operand {
    Unchecked,
    Const,
    Local,
    /// Two fast-local indexes, one per nibble (the superinstructions).
    LocalPair,
    /// A `co_names` index above this many flag bits (LOAD_GLOBAL and LOAD_ATTR keep a
    /// flag in the low bit, LOAD_SUPER_ATTR two).
    Name(u8),
}

impl Operand {
    const fn of(op: Opcode) -> Operand {
        match op {
            Opcode::LoadFastLoadFast
            | Opcode::LoadFastBorrowLoadFastBorrow
            | Opcode::StoreFastLoadFast
            | Opcode::StoreFastStoreFast => Operand::LocalPair,
            Opcode::LoadConst => Operand::Const,
            _ if op.has_local() || op.has_free() => Operand::Local,
            Opcode::LoadGlobal | Opcode::LoadAttr => Operand::Name(1),
            Opcode::LoadSuperAttr | Opcode::InstrumentedLoadSuperAttr => Operand::Name(2),
            _ if op.has_name() => Operand::Name(0),
            _ => Operand::Unchecked,
        }
    }
}

/// Which way a jump the VM follows counts its argument from the unit after the
/// instruction's caches.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Jump {
    None,
    Forward,
    Backward,
}

impl Jump {
    /// END_ASYNC_FOR's argument is ignored by the VM, so it is not checked.
    const fn of(op: Opcode) -> Jump {
        match op {
            Opcode::JumpBackward | Opcode::JumpBackwardNoInterrupt => Jump::Backward,
            Opcode::ForIter
            | Opcode::JumpForward
            | Opcode::PopJumpIfFalse
            | Opcode::PopJumpIfNone
            | Opcode::PopJumpIfNotNone
            | Opcode::PopJumpIfTrue
            | Opcode::Send => Jump::Forward,
            _ => Jump::None,
        }
    }
}

/// What validation needs to know about an opcode byte.
#[derive(Clone, Copy)]
struct Decoded {
    op: Opcode,
    caches: u8,
    operand: Operand,
    jump: Jump,
}

/// Each byte's decoding (`None` for unassigned bytes): validation decodes every unit
/// of every code object made, so a table rather than matches.
const DECODE: [Option<Decoded>; 256] = {
    let mut table = [None; 256];
    let mut byte = 0;
    while byte < 256 {
        if let Some(op) = Opcode::from_u8(byte as u8) {
            table[byte] = Some(Decoded {
                op,
                caches: op.cache_entries() as u8,
                operand: Operand::of(op),
                jump: Jump::of(op),
            });
        }
        byte += 1;
    }
    table
};

/// CACHE's decoding, for bytes that are not opcodes.
const STRAY: Decoded = Decoded {
    op: Opcode::Cache,
    caches: 0,
    operand: Operand::Unchecked,
    jump: Jump::None,
};

/// One instruction of the linear walk.
struct Instruction {
    /// Index of its first unit (its first EXTENDED_ARG prefix, if any).
    start: usize,
    /// Index of its opcode unit.
    op_at: usize,
    op: Opcode,
    operand: Operand,
    jump: Jump,
    /// The argument with the prefixes' bytes folded in.
    arg: u32,
    /// Index just past its last cache unit (may exceed `len` when truncated).
    end: usize,
}

/// The instructions of `units` in order (an opcode byte that is not an opcode is read
/// as CACHE), walked without allocating: validation runs for every code object made.
struct Walk<'a> {
    units: &'a [CodeUnit],
    at: usize,
}

impl Iterator for Walk<'_> {
    type Item = Instruction;

    fn next(&mut self) -> Option<Instruction> {
        let start = self.at;
        let mut arg = 0u32;
        loop {
            let unit = *self.units.get(self.at)?;
            arg = (arg << 8) | unit.arg as u32;
            let decoded = DECODE[unit.op as usize].unwrap_or(STRAY);
            if decoded.op != Opcode::ExtendedArg || self.at + 1 == self.units.len() {
                let op_at = self.at;
                let end = op_at + 1 + decoded.caches as usize;
                self.at = end;
                return Some(Instruction {
                    start,
                    op_at,
                    op: decoded.op,
                    operand: decoded.operand,
                    jump: decoded.jump,
                    arg,
                    end,
                });
            }
            self.at += 1;
        }
    }
}

fn walk(units: &[CodeUnit]) -> Walk<'_> {
    Walk { units, at: 0 }
}

/// Instructions after which execution never continues at the next unit.
fn never_falls_through(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::ReturnValue
            | Opcode::RaiseVarargs
            | Opcode::Reraise
            | Opcode::JumpForward
            | Opcode::JumpBackward
            | Opcode::JumpBackwardNoInterrupt
            | Opcode::Cache
    )
}

/// Where a jump instruction the VM follows goes, or `None` when it would leave the
/// code; `Some(None)` for instructions that do not jump (or whose jump argument the VM
/// ignores, as END_ASYNC_FOR's).
fn jump_target(instruction: &Instruction) -> Option<Option<usize>> {
    let after = instruction.end;
    let arg = instruction.arg as usize;
    Some(Some(match instruction.jump {
        Jump::Backward => after.checked_sub(arg)?,
        Jump::Forward => after.checked_add(arg)?,
        Jump::None => return Some(None),
    }))
}

/// Whether the instruction's local, cell, constant or name index is in range.
fn operand_in_range(code: &CodeObject, instruction: &Instruction) -> bool {
    let arg = instruction.arg as usize;
    let nlocals = code.nlocalsplus();
    match instruction.operand {
        Operand::Unchecked => true,
        Operand::Const => arg < code.consts.len(),
        Operand::Local => arg < nlocals,
        Operand::LocalPair => arg >> 4 < nlocals && arg & 15 < nlocals,
        Operand::Name(flag_bits) => arg >> flag_bits < code.names.len(),
    }
}

/// Which unit indexes (up to and including `len`) start an instruction of the walk.
fn instruction_starts(units: &[CodeUnit]) -> Vec<bool> {
    let mut starts = vec![false; units.len() + 1];
    for instruction in walk(units) {
        starts[instruction.start] = true;
    }
    starts
}

/// Whether a target starts an instruction (`starts` from [`instruction_starts`]),
/// and for a FOR_ITER (`for_iter`) is an END_FOR with a unit after it.
fn target_ok(code: &CodeObject, starts: &[bool], target: usize, for_iter: bool) -> bool {
    let len = code.code.len();
    let starts_instruction = target < len && starts[target];
    starts_instruction
        && (!for_iter || (code.code[target].op == Opcode::EndFor as u8 && target + 1 < len))
}

/// Whether `instruction` breaks a guarantee that needs no other instruction: a bad
/// opcode byte, running past the end or falling off it, an operand out of range.
#[inline]
fn is_locally_faulty(code: &CodeObject, instruction: &Instruction) -> bool {
    let len = code.code.len();
    let falls_off = instruction.end >= len && !never_falls_through(instruction.op);
    let not_an_opcode = is_stray(&code.code[instruction.op_at]);
    falls_off || not_an_opcode || instruction.end > len || !operand_in_range(code, instruction)
}

/// Whether `instruction` breaks a guarantee (`starts` from [`instruction_starts`]).
fn is_faulty(code: &CodeObject, starts: &[bool], instruction: &Instruction) -> bool {
    is_locally_faulty(code, instruction)
        || match jump_target(instruction) {
            None => true,
            Some(None) => false,
            Some(Some(target)) => {
                !target_ok(code, starts, target, instruction.op == Opcode::ForIter)
            }
        }
}

/// Whether a unit's byte (a cache unit's included) is not an opcode.
fn is_stray(unit: &CodeUnit) -> bool {
    DECODE[unit.op as usize].is_none()
}

/// Whether every guarantee already holds: the common case (compiled code), checked in
/// one walk that remembers jump targets and checks them once all starts are known.
fn is_sound(code: &CodeObject) -> bool {
    let len = code.code.len();
    if len == 0 {
        return false;
    }
    let mut starts = vec![false; len + 1];
    let mut targets = Vec::new();
    for instruction in walk(&code.code) {
        starts[instruction.start] = true;
        if is_locally_faulty(code, &instruction)
            || code.code[instruction.op_at + 1..instruction.end]
                .iter()
                .any(is_stray)
        {
            return false;
        }
        match jump_target(&instruction) {
            None => return false,
            Some(None) => {}
            Some(Some(target)) => targets.push((target, instruction.op == Opcode::ForIter)),
        }
    }
    targets
        .into_iter()
        .all(|(target, for_iter)| target_ok(code, &starts, target, for_iter))
        && code
            .exception_table
            .iter()
            .all(|e| target_ok(code, &starts, e.target as usize, false))
}

/// `code`'s units and exception table with every guarantee above made true, or
/// `None` when they already hold. Faulty instructions (with their prefixes and cache
/// units) and any other byte that is not an opcode become CACHE units: the other
/// instructions keep their offsets, and CACHE never falls through. Exception handlers
/// whose target does not start an instruction are dropped; empty code becomes one
/// CACHE unit.
pub fn sanitize(code: &CodeObject) -> Option<(Vec<CodeUnit>, Vec<ExceptionTableEntry>)> {
    if is_sound(code) {
        return None;
    }
    let len = code.code.len();
    let starts = instruction_starts(&code.code);
    let cache = CodeUnit::new(Opcode::Cache, 0);
    let mut units = code.code.clone();
    for instruction in walk(&code.code).filter(|i| is_faulty(code, &starts, i)) {
        units[instruction.start..instruction.end.min(len)].fill(cache);
    }
    for unit in units.iter_mut() {
        if is_stray(unit) {
            *unit = cache;
        }
    }
    if units.is_empty() {
        units.push(cache);
    }
    let handlers = code
        .exception_table
        .iter()
        .filter(|e| target_ok(code, &starts, e.target as usize, false))
        .cloned()
        .collect();
    Some((units, handlers))
}

#[cfg(test)]
mod tests;
