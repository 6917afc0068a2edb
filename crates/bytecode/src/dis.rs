//! A disassembler printing exactly what `python3.14 -m dis FILE` prints (CPython's
//! `Lib/dis.py` layout): line-number column, jump-target labels, opcode names, arguments
//! with their meaning, the exception table, then nested code objects recursively.
//! Cache entries are hidden, as `dis` does by default.

use std::fmt::Write;

use crate::code::CodeObject;
use crate::constant::Constant;
use crate::exception_table::ExceptionTableEntry;
use crate::opcode::{Opcode, BINARY_OPS, COMPARE_OPS, INTRINSIC_1, INTRINSIC_2, SPECIAL_METHODS};
use crate::repr::{code_repr, constant_repr};

/// Width of the opcode-name column (`dis._OPNAME_WIDTH`).
const OPNAME_WIDTH: usize = 20;
/// Width of the argument column (`dis._OPARG_WIDTH`).
const OPARG_WIDTH: usize = 5;
/// What the line column shows for instructions without a line (`dis._NO_LINENO`).
const NO_LINENO: &str = "  --";
/// `SET_FUNCTION_ATTRIBUTE` flag names, bit 0 first.
const FUNCTION_ATTR_FLAGS: [&str; 5] = [
    "defaults",
    "kwdefaults",
    "annotations",
    "closure",
    "annotate",
];
/// `LOAD_COMMON_CONSTANT` values as `dis` shows them: types by name, functions by repr.
const COMMON_CONSTANTS: [&str; 5] = [
    "AssertionError",
    "NotImplementedError",
    "tuple",
    "<built-in function all>",
    "<built-in function any>",
];

/// One decoded instruction (an `EXTENDED_ARG` prefix is an instruction of its own).
struct Decoded {
    /// Code-unit index of the instruction.
    index: usize,
    op: Option<Opcode>,
    raw_op: u8,
    /// The full argument (with `EXTENDED_ARG` prefixes), `None` for argument-less ops.
    arg: Option<u32>,
}

impl Decoded {
    /// Code-unit index a jump instruction goes to.
    fn jump_target(&self) -> Option<usize> {
        let op = self.op?;
        if !op.has_jump() {
            return None;
        }
        let arg = self.arg? as usize;
        let after = self.index + 1 + op.cache_entries();
        if op.is_backward_jump() {
            after.checked_sub(arg)
        } else {
            Some(after + arg)
        }
    }
}

fn decode(code: &CodeObject) -> Vec<Decoded> {
    let mut out = Vec::new();
    let mut extended: u32 = 0;
    let mut index = 0;
    while index < code.code.len() {
        let unit = code.code[index];
        let op = Opcode::from_u8(unit.op);
        let has_arg = op.is_some_and(|o| o.has_arg());
        let arg = has_arg.then(|| u32::from(unit.arg) | extended);
        extended = match (op, arg) {
            (Some(Opcode::ExtendedArg), Some(a)) => a << 8,
            _ => 0,
        };
        out.push(Decoded {
            index,
            op,
            raw_op: unit.op,
            arg,
        });
        index += 1 + op.map_or(0, |o| o.cache_entries());
    }
    out
}

/// The code-unit indexes where a new line starts (`dis.findlinestarts`): wherever the
/// line differs from the previous unit's.
fn line_starts(code: &CodeObject) -> Vec<(usize, Option<u32>)> {
    let mut starts = Vec::new();
    let mut last: Option<Option<u32>> = None;
    let mut index = 0;
    for (units, loc) in code.location_runs() {
        if last != Some(loc.lineno) {
            starts.push((index, loc.lineno));
            last = Some(loc.lineno);
        }
        index += units;
    }
    starts
}

/// Sorted label positions (code-unit indexes): jump targets and exception-table bounds.
fn label_positions(instrs: &[Decoded], table: &[ExceptionTableEntry]) -> Vec<usize> {
    let mut labels: Vec<usize> = instrs.iter().filter_map(Decoded::jump_target).collect();
    for e in table {
        labels.extend([e.start as usize, e.end as usize, e.target as usize]);
    }
    labels.sort_unstable();
    labels.dedup();
    labels
}

fn label_of(labels: &[usize], index: usize) -> Option<usize> {
    labels.binary_search(&index).ok().map(|i| i + 1)
}

/// Per-code-object context for resolving arguments to their meaning.
struct Resolver<'a> {
    code: &'a CodeObject,
    labels: &'a [usize],
}

impl Resolver<'_> {
    fn name(&self, index: u32) -> String {
        self.code
            .names
            .get(index as usize)
            .map_or_else(String::new, |n| n.to_string())
    }

    fn local(&self, index: u32) -> String {
        self.code
            .localsplus_names
            .get(index as usize)
            .map_or_else(String::new, |n| n.to_string())
    }

    /// The parenthesised meaning of `arg` (`dis.ArgResolver.get_argval_argrepr`).
    fn argrepr(&self, instr: &Decoded, op: Opcode, arg: u32) -> String {
        let with_null = |name: String, suffix: &str| {
            if arg & 1 == 1 && !name.is_empty() {
                format!("{name} + {suffix}")
            } else {
                name
            }
        };
        match op {
            Opcode::LoadConst => self
                .code
                .consts
                .get(arg as usize)
                .map(constant_repr)
                .unwrap_or_default(),
            Opcode::LoadGlobal => with_null(self.name(arg >> 1), "NULL"),
            Opcode::LoadAttr => with_null(self.name(arg >> 1), "NULL|self"),
            Opcode::LoadSuperAttr => with_null(self.name(arg >> 2), "NULL|self"),
            _ if op.has_name() => self.name(arg),
            _ if op.has_jump() => {
                let label = instr
                    .jump_target()
                    .and_then(|t| label_of(self.labels, t))
                    .unwrap_or(0);
                let preposition = if op == Opcode::EndAsyncFor {
                    "from"
                } else {
                    "to"
                };
                format!("{preposition} L{label}")
            }
            Opcode::LoadFastLoadFast
            | Opcode::LoadFastBorrowLoadFastBorrow
            | Opcode::StoreFastLoadFast
            | Opcode::StoreFastStoreFast => {
                format!("{}, {}", self.local(arg >> 4), self.local(arg & 15))
            }
            _ if op.has_local() || op.has_free() => self.local(arg),
            Opcode::CompareOp => {
                let symbol = COMPARE_OPS.get((arg >> 5) as usize).copied().unwrap_or("?");
                if arg & 16 != 0 {
                    format!("bool({symbol})")
                } else {
                    symbol.to_string()
                }
            }
            Opcode::ConvertValue => ["", "str", "repr", "ascii"]
                .get(arg as usize)
                .copied()
                .unwrap_or("")
                .to_string(),
            Opcode::SetFunctionAttribute => FUNCTION_ATTR_FLAGS
                .iter()
                .enumerate()
                .filter(|(bit, _)| arg & (1 << bit) != 0)
                .map(|(_, name)| *name)
                .collect::<Vec<_>>()
                .join(", "),
            Opcode::BinaryOp => lookup(BINARY_OPS.iter().map(|(_, s)| *s), arg),
            Opcode::CallIntrinsic1 => lookup(INTRINSIC_1.iter().copied(), arg),
            Opcode::CallIntrinsic2 => lookup(INTRINSIC_2.iter().copied(), arg),
            Opcode::LoadCommonConstant => lookup(COMMON_CONSTANTS.iter().copied(), arg),
            Opcode::LoadSpecial => lookup(SPECIAL_METHODS.iter().copied(), arg),
            Opcode::IsOp => if arg != 0 { "is not" } else { "is" }.to_string(),
            Opcode::ContainsOp => if arg != 0 { "not in" } else { "in" }.to_string(),
            _ => String::new(),
        }
    }
}

fn lookup<'a>(mut table: impl Iterator<Item = &'a str>, arg: u32) -> String {
    table.nth(arg as usize).unwrap_or("").to_string()
}

/// Width of the line column (`dis._get_lineno_width`); 0 omits the column.
fn lineno_width(starts: &[(usize, Option<u32>)]) -> usize {
    let Some(max_line) = starts
        .iter()
        .filter_map(|(_, l)| *l)
        .filter(|l| *l != 0)
        .max()
    else {
        return 0;
    };
    let width = max_line.to_string().len().max(3);
    if width < NO_LINENO.len() && starts.iter().any(|(_, l)| l.is_none()) {
        NO_LINENO.len()
    } else {
        width
    }
}

/// Disassemble `code` and, recursively, the code objects among its constants.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    disassemble_into(code, &mut out);
    out
}

fn disassemble_into(code: &CodeObject, out: &mut String) {
    disassemble_one(code, out);
    for constant in &code.consts {
        if let Constant::Code(inner) = constant {
            let _ = writeln!(out);
            let _ = writeln!(out, "Disassembly of {}:", code_repr(inner));
            disassemble_into(inner, out);
        }
    }
}

/// One code object, without the nested ones (`dis.disassemble`).
fn disassemble_one(code: &CodeObject, out: &mut String) {
    let instrs = decode(code);
    let starts = line_starts(code);
    let labels = label_positions(&instrs, &code.exception_table);
    let line_width = lineno_width(&starts);
    let label_width = 4 + labels.len().to_string().len();
    let resolver = Resolver {
        code,
        labels: &labels,
    };
    for instr in &instrs {
        let start = starts.iter().find(|(i, _)| *i == instr.index);
        let mut fields: Vec<String> = Vec::new();
        if line_width > 0 {
            if start.is_some() && instr.index > 0 {
                out.push('\n');
            }
            fields.push(match start {
                Some((_, Some(line))) => format!("{line:>line_width$}"),
                Some((_, None)) => format!("{NO_LINENO:>line_width$}"),
                None => " ".repeat(line_width),
            });
        }
        fields.push(match label_of(&labels, instr.index) {
            Some(label) => format!("{:>label_width$}", format!("L{label}:")),
            None => " ".repeat(label_width),
        });
        fields.push("   ".to_string());
        let name = match instr.op {
            Some(op) => op.name().to_string(),
            None => format!("<{}>", instr.raw_op),
        };
        fields.push(format!("{name:<OPNAME_WIDTH$}"));
        if let (Some(op), Some(arg)) = (instr.op, instr.arg) {
            let excess = name.len().saturating_sub(OPNAME_WIDTH);
            let width = OPARG_WIDTH.saturating_sub(excess);
            fields.push(format!("{arg:>width$}"));
            let meaning = resolver.argrepr(instr, op, arg);
            if !meaning.is_empty() {
                fields.push(format!("({meaning})"));
            }
        }
        let line = fields.join(" ");
        let _ = writeln!(out, "{}", line.trim_end());
    }
    if !code.exception_table.is_empty() {
        let _ = writeln!(out, "ExceptionTable:");
        for e in &code.exception_table {
            let label = |i: u32| label_of(&labels, i as usize).unwrap_or(0);
            let lasti = if e.lasti { " lasti" } else { "" };
            let _ = writeln!(
                out,
                "  L{} to L{} -> L{} [{}]{lasti}",
                label(e.start),
                label(e.end),
                label(e.target),
                e.depth
            );
        }
    }
}
