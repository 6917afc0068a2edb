//! Exception tables (CPython 3.11+): zero-cost `try`. An entry maps a range of code units
//! to the handler that runs when an exception is raised inside it.

/// Instructions in `start..end` (code-unit indexes) are covered: on an exception the VM
/// pops the value stack down to `depth`, pushes `lasti` (the raising offset) if asked,
/// pushes the exception, and jumps to `target`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionTableEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub lasti: bool,
}

/// The handler covering code unit `offset`, if any. Entries are sorted and disjoint.
pub fn find_handler(table: &[ExceptionTableEntry], offset: u32) -> Option<&ExceptionTableEntry> {
    let idx = table.partition_point(|e| e.end <= offset);
    table.get(idx).filter(|e| e.start <= offset)
}
