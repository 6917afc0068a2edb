//! From one compiled unit to a `CodeObject` (CPython's `optimize_and_assemble` +
//! `Python/assemble.c`): run the flow-graph passes, lay out the fast locals, add the
//! prologue, compute the stack size, encode instructions with `EXTENDED_ARG` prefixes and
//! inline caches, and build the location and exception tables.

use std::rc::Rc;

use adder_bytecode::location_table::{LocationTableWriter, Position};
use adder_bytecode::{CodeFlags, CodeObject, CodeUnit, ExceptionTableEntry, LocalKind, Opcode};

use crate::codegen::Unit;
use crate::error::CompileError;
use crate::fastlocals;
use crate::flowgraph::{self, Cfg};
use crate::ir::{Instr, Loc, Op};
use crate::peephole;
use crate::stackdepth::max_stack_depth;
use crate::symtable::{BlockType, Scope};

/// Code units from a `SEND` to its `END_SEND` in the usual layout (`SEND` and its cache,
/// `YIELD_VALUE`, `RESUME`, `JUMP_BACKWARD_NO_INTERRUPT`): CPython's `END_SEND_OFFSET`.
const END_SEND_OFFSET: usize = 5;

/// Where each name of the unit lives in the frame's fast slots.
struct Layout {
    names: Vec<Rc<str>>,
    kinds: Vec<LocalKind>,
    /// Cell-space index (cells, then frees) → localsplus index.
    deref_slots: Vec<u32>,
    /// localsplus indexes of cells, in cell order, for `MAKE_CELL`.
    cell_slots: Vec<u32>,
    nfrees: u32,
}

fn layout(unit: &Unit, scope: &Scope) -> Layout {
    let mut names: Vec<Rc<str>> = Vec::new();
    let mut kinds = Vec::new();
    let nargs = (unit.argcount + unit.kwonlyargcount) as usize;
    for (i, name) in unit.varnames.items.iter().enumerate() {
        let mut kind = LocalKind::LOCAL;
        if unit.fast_hidden.contains_key(name.as_ref()) {
            kind |= LocalKind::HIDDEN;
        }
        if i < nargs + usize::from(scope.has_varargs) + usize::from(scope.has_varkeywords) {
            kind |= LocalKind::ARGUMENT;
            if scope.has_varargs && i == nargs {
                kind |= LocalKind::ARG_VAR;
            }
            let varkw_index = nargs + usize::from(scope.has_varargs);
            if scope.has_varkeywords && i == varkw_index {
                kind |= LocalKind::ARG_VARKW;
            }
        }
        // Annotation scopes call their parameter `.format` internally, `format` outside.
        let shown = if scope.block_type == BlockType::Annotation
            && scope.name == "__annotate__"
            && name.as_ref() == ".format"
        {
            Rc::from("format")
        } else {
            name.clone()
        };
        names.push(shown);
        kinds.push(LocalKind(kind));
    }
    let mut deref_slots = Vec::new();
    let mut cell_slots = Vec::new();
    for cell in &unit.cellvars.items {
        let slot = match unit.varnames.get(cell) {
            Some(i) => {
                kinds[i as usize].0 |= LocalKind::CELL;
                i
            }
            None => {
                names.push(cell.clone());
                kinds.push(LocalKind(LocalKind::CELL));
                (names.len() - 1) as u32
            }
        };
        deref_slots.push(slot);
        cell_slots.push(slot);
    }
    for free in &unit.freevars.items {
        names.push(free.clone());
        kinds.push(LocalKind(LocalKind::FREE));
        deref_slots.push((names.len() - 1) as u32);
    }
    Layout {
        names,
        kinds,
        deref_slots,
        cell_slots,
        nfrees: unit.freevars.len() as u32,
    }
}

fn code_flags(unit: &Unit, scope: &Scope, nesting: usize) -> u32 {
    let mut flags = 0;
    if scope.is_function() {
        flags |= CodeFlags::OPTIMIZED | CodeFlags::NEWLOCALS;
        if scope.nested {
            flags |= CodeFlags::NESTED;
        }
        if scope.is_generator && !scope.is_coroutine {
            flags |= CodeFlags::GENERATOR;
        } else if scope.is_generator && scope.is_coroutine {
            flags |= CodeFlags::ASYNC_GENERATOR;
        } else if scope.is_coroutine {
            flags |= CodeFlags::COROUTINE;
        }
        if scope.has_varargs {
            flags |= CodeFlags::VARARGS;
        }
        if scope.has_varkeywords {
            flags |= CodeFlags::VARKEYWORDS;
        }
    }
    if unit.has_docstring {
        flags |= CodeFlags::HAS_DOCSTRING;
    }
    let _ = nesting;
    flags
}

/// Run the flow-graph pipeline on `unit` and encode the result.
pub fn assemble(
    mut unit: Unit,
    scope: &Scope,
    filename: &Rc<str>,
    nesting: usize,
) -> Result<CodeObject, CompileError> {
    let seq = std::mem::take(&mut unit.seq);
    let mut cfg = Cfg::from_sequence(seq);
    flowgraph::label_exception_targets(&mut cfg);
    let mut consts = std::mem::take(&mut unit.consts);
    peephole::optimize_cfg(&mut cfg, &mut consts);
    let consts = peephole::remove_unused_consts(&mut cfg, consts);
    let nparams = unit.argcount
        + unit.kwonlyargcount
        + u32::from(scope.has_varargs)
        + u32::from(scope.has_varkeywords);
    fastlocals::add_checks_for_uninitialized(&mut cfg, unit.varnames.len() as u32, nparams);
    fastlocals::insert_superinstructions(&mut cfg);
    flowgraph::push_cold_blocks_to_end(&mut cfg);
    flowgraph::mark_reachable(&mut cfg);
    flowgraph::resolve_line_numbers(&mut cfg);
    flowgraph::convert_pseudo_conditional_jumps(&mut cfg);
    let stacksize = max_stack_depth(&mut cfg)?;
    let layout = layout(&unit, scope);
    let flags = code_flags(&unit, scope, nesting);
    flowgraph::convert_pseudo_ops(&mut cfg, &layout.deref_slots);
    insert_prologue(&mut cfg, &layout, flags, unit.firstlineno);
    flowgraph::remove_redundant_nops_and_jumps(&mut cfg, false);
    flowgraph::normalize_jumps(&mut cfg);
    fastlocals::optimize_load_fast(&mut cfg);
    let (code, linetable, exception_table) = encode(&mut cfg, unit.firstlineno);
    Ok(CodeObject {
        code,
        consts,
        names: unit.names.items,
        localsplus_names: layout.names,
        localsplus_kinds: layout.kinds,
        argcount: unit.argcount,
        posonlyargcount: unit.posonlyargcount,
        kwonlyargcount: unit.kwonlyargcount,
        flags,
        stacksize,
        name: unit.name.as_str().into(),
        qualname: unit.qualname.as_str().into(),
        filename: filename.clone(),
        firstlineno: unit.firstlineno,
        linetable,
        exception_table,
    })
}

/// `COPY_FREE_VARS`, `MAKE_CELL`s and, for generators, `RETURN_GENERATOR; POP_TOP`
/// before the body (CPython's `insert_prefix_instructions`).
fn insert_prologue(cfg: &mut Cfg, layout: &Layout, flags: u32, firstlineno: u32) {
    let mut prologue = Vec::new();
    if layout.nfrees > 0 {
        prologue.push(Instr::new(
            Op::Real(Opcode::CopyFreeVars),
            layout.nfrees,
            Loc::NONE,
        ));
    }
    let mut cell_slots = layout.cell_slots.clone();
    cell_slots.sort_unstable();
    for &slot in &cell_slots {
        prologue.push(Instr::new(Op::Real(Opcode::MakeCell), slot, Loc::NONE));
    }
    if flags & (CodeFlags::GENERATOR | CodeFlags::COROUTINE | CodeFlags::ASYNC_GENERATOR) != 0 {
        let line = firstlineno as i32;
        let loc = Loc {
            lineno: line,
            end_lineno: line,
            col: -1,
            end_col: -1,
        };
        prologue.push(Instr::new(Op::Real(Opcode::ReturnGenerator), 0, loc));
        prologue.push(Instr::new(Op::Real(Opcode::PopTop), 0, loc));
    }
    if !prologue.is_empty() {
        let entry = cfg.entry;
        cfg.blocks[entry].instrs.splice(0..0, prologue);
    }
}

/// Code units each opcode takes without `EXTENDED_ARG` prefixes: itself and its inline
/// caches. A table because sizes are looked up for every instruction several times
/// while jumps are resolved, and the `match` behind `cache_entries` is an indirect
/// branch each time.
const OPCODE_UNITS: [u8; 256] = {
    let mut table = [1u8; 256];
    let mut byte = 0;
    while byte < 256 {
        if let Some(op) = Opcode::from_u8(byte as u8) {
            table[byte] = 1 + op.cache_entries() as u8;
        }
        byte += 1;
    }
    table
};

/// Code units an instruction takes: `EXTENDED_ARG` prefixes, itself, its caches
/// (none for a pseudo-instruction: none is left when encoding).
fn instr_size(instr: &Instr) -> usize {
    let Op::Real(op) = instr.op else { return 0 };
    usize::from(OPCODE_UNITS[op as usize]) + prefix_units(instr.arg)
}

/// `EXTENDED_ARG` prefixes an argument needs.
fn prefix_units(arg: u32) -> usize {
    match arg {
        0..=0xff => 0,
        0x100..=0xffff => 1,
        0x1_0000..=0xff_ffff => 2,
        _ => 3,
    }
}

/// The location table's form of a location (the same integers).
fn position(loc: Loc) -> Position {
    Position {
        lineno: loc.lineno,
        end_lineno: loc.end_lineno,
        col: loc.col,
        end_col: loc.end_col,
    }
}

type Encoded = (Vec<CodeUnit>, Vec<u8>, Vec<ExceptionTableEntry>);

/// Where each block starts, in code units, once jump arguments are final.
struct Offsets {
    block_offset: Vec<usize>,
    code_size: usize,
    instr_count: usize,
}

/// A jump found while laying out the code: its block, its index there, and the code
/// unit just after it.
struct JumpSite {
    block: usize,
    index: usize,
    end: usize,
}

/// Resolve jump offsets, growing `EXTENDED_ARG`s until stable. Jump arguments are
/// written into the flow graph's instructions, which are read in place: no flattened
/// copy is made. Each round walks the code once to lay it out and then visits only
/// the jumps; another round is needed only when a jump's argument outgrew its prefixes.
fn resolve_jumps(cfg: &mut Cfg) -> Offsets {
    let mut block_offset = vec![0usize; cfg.blocks.len()];
    let mut jumps: Vec<JumpSite> = Vec::with_capacity(cfg.blocks.len());
    loop {
        // Every block (empty ones included) starts where its first instruction would.
        let mut offset = 0;
        let mut instr_count = 0;
        jumps.clear();
        let mut cursor = Some(cfg.entry);
        while let Some(b) = cursor {
            block_offset[b] = offset;
            let block = &cfg.blocks[b];
            for (index, instr) in block.instrs.iter().enumerate() {
                offset += instr_size(instr);
                if instr.target().is_some() && instr.op.is_jump() {
                    jumps.push(JumpSite {
                        block: b,
                        index,
                        end: offset,
                    });
                }
            }
            instr_count += block.instrs.len();
            cursor = block.next;
        }
        let mut changed = false;
        for site in &jumps {
            let Some(instr) = cfg.blocks[site.block].instrs.get_mut(site.index) else {
                continue;
            };
            let Some(target) = instr.target().map(|t| block_offset[t]) else {
                continue;
            };
            let before = instr_size(instr);
            instr.arg = if instr.op.is(Opcode::EndAsyncFor) {
                // CPython: the target is the `SEND`, but the argument leads back to
                // where its `END_SEND` usually is (for `sys.monitoring`), wherever the
                // layout put it.
                site.end.saturating_sub(target + END_SEND_OFFSET) as u32
            } else {
                target.abs_diff(site.end) as u32
            };
            changed |= instr_size(instr) != before;
        }
        if !changed {
            return Offsets {
                block_offset,
                code_size: offset,
                instr_count,
            };
        }
    }
}

/// Emit the code units, the location table and the exception table.
fn encode(cfg: &mut Cfg, firstlineno: u32) -> Encoded {
    let Offsets {
        block_offset,
        code_size,
        instr_count,
    } = resolve_jumps(cfg);
    // Cache units stay zero; every other unit is written below.
    let mut code = vec![CodeUnit::default(); code_size];
    let mut positions = LocationTableWriter::new(firstlineno, instr_count);
    // (first unit, end unit, handler block) of each stretch one handler covers.
    let mut covered: Vec<(usize, usize, usize)> = Vec::new();
    let mut offset = 0;
    let mut cursor = Some(cfg.entry);
    while let Some(b) = cursor {
        for instr in &cfg.blocks[b].instrs {
            let Op::Real(op) = instr.op else { continue };
            let arg = instr.arg;
            let end = offset + instr_size(instr);
            let mut unit = offset;
            for shift in (1..=prefix_units(arg)).rev() {
                if let Some(slot) = code.get_mut(unit) {
                    *slot = CodeUnit::new(Opcode::ExtendedArg, (arg >> (8 * shift)) as u8);
                }
                unit += 1;
            }
            if let Some(slot) = code.get_mut(unit) {
                *slot = CodeUnit::new(op, arg as u8);
            }
            positions.push(position(instr.loc), end - offset);
            if let Some(handler) = instr.handler() {
                match covered.last_mut() {
                    Some(last) if last.2 == handler && last.1 == offset => last.1 = end,
                    _ => covered.push((offset, end, handler)),
                }
            }
            offset = end;
        }
        cursor = cfg.blocks[b].next;
    }
    let exception_table = exception_table(cfg, &covered, &block_offset);
    (code, positions.finish(), exception_table)
}

/// One entry per stretch of code a handler covers, with the handler's offset and the
/// stack depth to unwind to.
fn exception_table(
    cfg: &Cfg,
    covered: &[(usize, usize, usize)],
    block_offset: &[usize],
) -> Vec<ExceptionTableEntry> {
    covered
        .iter()
        .map(|&(start, end, handler)| {
            let block = &cfg.blocks[handler];
            let lasti = block.preserve_lasti;
            let depth = block.start_depth - 1 - i32::from(lasti);
            ExceptionTableEntry {
                start: start as u32,
                end: end as u32,
                target: block_offset[handler] as u32,
                depth: depth.max(0) as u32,
                lasti,
            }
        })
        .collect()
}
