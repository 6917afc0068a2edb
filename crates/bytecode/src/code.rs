//! `CodeObject`: compiled bytecode plus everything needed to run and introspect it.

use std::rc::Rc;

use crate::constant::Constant;
use crate::exception_table::ExceptionTableEntry;
use crate::location::SourceLocation;
use crate::location_table::LocationRuns;
use crate::opcode::Opcode;

/// One 16-bit code unit: an opcode byte and its argument byte (or a cache slot).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
#[repr(C)]
pub struct CodeUnit {
    pub op: u8,
    pub arg: u8,
}

impl CodeUnit {
    pub fn new(op: Opcode, arg: u8) -> CodeUnit {
        CodeUnit { op: op as u8, arg }
    }
}

/// What a slot of the "fast locals plus" array holds (CPython's `co_localspluskinds`).
/// A name can be both an argument/local and a cell (a parameter captured by a closure).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct LocalKind(pub u8);

impl LocalKind {
    pub const ARG_VAR: u8 = 0x02;
    pub const ARG_VARKW: u8 = 0x04;
    pub const ARGUMENT: u8 = 0x08;
    pub const HIDDEN: u8 = 0x10;
    pub const LOCAL: u8 = 0x20;
    pub const CELL: u8 = 0x40;
    pub const FREE: u8 = 0x80;

    pub fn is(self, bits: u8) -> bool {
        self.0 & bits != 0
    }
}

/// `co_flags` bits, CPython's values.
pub struct CodeFlags;

impl CodeFlags {
    pub const OPTIMIZED: u32 = 0x0001;
    pub const NEWLOCALS: u32 = 0x0002;
    pub const VARARGS: u32 = 0x0004;
    pub const VARKEYWORDS: u32 = 0x0008;
    pub const NESTED: u32 = 0x0010;
    pub const GENERATOR: u32 = 0x0020;
    pub const NOFREE: u32 = 0x0040;
    pub const COROUTINE: u32 = 0x0080;
    pub const ITERABLE_COROUTINE: u32 = 0x0100;
    pub const ASYNC_GENERATOR: u32 = 0x0200;
    pub const HAS_DOCSTRING: u32 = 0x0400_0000;
    pub const METHOD: u32 = 0x0800_0000;
}

/// A compiled block (module, class body, function, lambda, comprehension...).
///
/// Layout of the frame's fast slots ("localsplus") follows CPython: `localsplus_names[i]`
/// with kind `localsplus_kinds[i]`; arguments first, then other locals, then cells that are
/// not arguments, then free variables (copied from the function's closure on entry).
#[derive(Clone, Debug)]
pub struct CodeObject {
    pub code: Vec<CodeUnit>,
    pub consts: Vec<Constant>,
    /// `co_names`: global, attribute and imported names.
    pub names: Vec<Rc<str>>,
    pub localsplus_names: Vec<Rc<str>>,
    pub localsplus_kinds: Vec<LocalKind>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub stacksize: u32,
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub filename: Rc<str>,
    pub firstlineno: u32,
    /// `co_linetable`: every code unit's source position, in CPython's format (see
    /// `location_table`); read through [`CodeObject::locations`] and friends.
    pub linetable: Vec<u8>,
    pub exception_table: Vec<ExceptionTableEntry>,
}

impl CodeObject {
    /// Number of fast slots (locals + cells + frees) a frame for this code needs.
    pub fn nlocalsplus(&self) -> usize {
        self.localsplus_names.len()
    }

    /// The position table's entries: `(code units, position)` in code order.
    pub fn location_runs(&self) -> LocationRuns<'_> {
        LocationRuns::new(&self.linetable, self.firstlineno)
    }

    /// Every code unit's position (cache units repeat their instruction's).
    pub fn locations(&self) -> impl Iterator<Item = SourceLocation> + '_ {
        self.location_runs()
            .flat_map(|(units, location)| std::iter::repeat_n(location, units))
    }

    /// The position of the code unit at `index` (a scan of the table, as CPython's
    /// `PyCode_Addr2Location`: only tracebacks and frame introspection ask).
    pub fn location_at(&self, index: usize) -> Option<SourceLocation> {
        let mut start = 0;
        for (units, location) in self.location_runs() {
            start += units;
            if index < start {
                return Some(location);
            }
        }
        None
    }

    /// The line of the instruction at code-unit index `index`, as tracebacks show it.
    pub fn line_at(&self, index: usize) -> Option<u32> {
        self.location_at(index).and_then(|l| l.lineno)
    }

    fn names_with(&self, bits: u8, exclude: u8) -> Vec<Rc<str>> {
        self.localsplus_names
            .iter()
            .zip(&self.localsplus_kinds)
            .filter(|(_, k)| k.is(bits) && !k.is(exclude))
            .map(|(n, _)| n.clone())
            .collect()
    }

    /// `co_varnames`: arguments and plain locals (including arguments that are also cells).
    pub fn varnames(&self) -> Vec<Rc<str>> {
        self.names_with(LocalKind::LOCAL | LocalKind::ARGUMENT, LocalKind::HIDDEN)
    }

    /// `co_cellvars`.
    pub fn cellvars(&self) -> Vec<Rc<str>> {
        self.names_with(LocalKind::CELL, 0)
    }

    /// `co_freevars`.
    pub fn freevars(&self) -> Vec<Rc<str>> {
        self.names_with(LocalKind::FREE, 0)
    }
}
