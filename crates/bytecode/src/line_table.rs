//! A code object's exception table in CPython 3.14's byte format (`co_exceptiontable`,
//! see CPython's `InternalDocs/exception_handling.md`), and the line ranges `co_lines()`
//! reports. (`co_linetable` is stored as is: see `location_table`.)
//!
//! adder keeps a list of exception-table entries; the encoding here derives CPython's
//! bytes from it, so that introspection shows the same bytes CPython would.

use crate::code::CodeObject;

/// `co_exceptiontable`: per entry its start, length, handler and `depth << 1 | lasti`
/// in code units, each as a big-endian varint of 6-bit groups (bit 6 continues), the
/// first byte of an entry marked with bit 7.
pub fn encode_exception_table(code: &CodeObject) -> Vec<u8> {
    let mut out = Vec::new();
    for entry in &code.exception_table {
        let depth_lasti = (entry.depth << 1) | u32::from(entry.lasti);
        let fields = [
            entry.start,
            entry.end.saturating_sub(entry.start),
            entry.target,
            depth_lasti,
        ];
        for (index, value) in fields.into_iter().enumerate() {
            let first = out.len();
            write_exception_varint(&mut out, value);
            if index == 0 {
                out[first] |= 0x80;
            }
        }
    }
    out
}

fn write_exception_varint(out: &mut Vec<u8>, value: u32) {
    for shift in [24, 18, 12, 6] {
        if value >= 1 << shift {
            out.push(0x40 | ((value >> shift) & 0x3f) as u8);
        }
    }
    out.push((value & 0x3f) as u8);
}

/// `co_lines()`: `(start, end, line)` byte-offset ranges, consecutive code units with
/// the same line merged into one range (`None` for code without a line).
pub fn line_ranges(code: &CodeObject) -> Vec<(u32, u32, Option<u32>)> {
    let mut ranges: Vec<(u32, u32, Option<u32>)> = Vec::new();
    let mut offset = 0u32;
    for (units, location) in code.location_runs() {
        let end = offset.saturating_add(2 * units as u32);
        match ranges.last_mut() {
            Some(last) if last.2 == location.lineno => last.1 = end,
            _ => ranges.push((offset, end, location.lineno)),
        }
        offset = end;
    }
    ranges
}
