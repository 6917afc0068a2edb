//! Code objects: the contract between the compiler and the VM.
//!
//! The instruction set is CPython 3.14's (see `opcode.rs`, generated from the reference):
//! a code object's `code` is a sequence of 16-bit code units, each an opcode byte and an
//! argument byte, with `EXTENDED_ARG` prefixes for larger arguments and the same number
//! of inline cache units after each instruction as CPython, so that offsets, `co_code`
//! and `dis` output line up with CPython's.

pub mod code;
pub mod constant;
pub mod dis;
pub mod exception_table;
pub mod frozenset_order;
pub mod line_table;
pub mod location;
pub mod location_table;
pub mod marshal;
pub mod opcode;
pub mod repr;
pub mod set_table;
pub mod str_hash;
pub mod validate;

pub use code::{CodeFlags, CodeObject, CodeUnit, LocalKind};
pub use constant::Constant;
pub use exception_table::ExceptionTableEntry;
pub use location::SourceLocation;
pub use opcode::{Opcode, PseudoOpcode};
