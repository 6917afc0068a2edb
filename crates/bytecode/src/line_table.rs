//! A code object's position and exception tables in CPython 3.14's byte formats
//! (`co_linetable`, `co_exceptiontable`, see CPython's `Objects/locations.md` and
//! `InternalDocs/exception_handling.md`), and the line ranges `co_lines()` reports.
//!
//! adder keeps one `SourceLocation` per code unit and a list of exception-table
//! entries; these functions derive CPython's compact encodings from them, so that
//! introspection shows the same bytes CPython would.

use crate::code::CodeObject;
use crate::location::SourceLocation;

/// Longest run of code units one location-table entry may cover.
const MAX_ENTRY_UNITS: usize = 8;
/// The location-table entry kinds (bits 3-6 of an entry's first byte); kinds 0-9 are
/// the short form, the column divided by 8.
const ONE_LINE_FORM: u8 = 10;
const NO_COLUMNS: u8 = 13;
const LONG_FORM: u8 = 14;
const NO_LOCATION: u8 = 15;

/// `co_linetable`: runs of code units with the same location, each in the smallest of
/// CPython's entry forms, lines as deltas from the previous entry's line.
pub fn encode_linetable(code: &CodeObject) -> Vec<u8> {
    let mut out = Vec::new();
    let mut previous_line = code.firstlineno as i64;
    let mut start = 0;
    while start < code.locations.len() {
        let location = code.locations[start];
        let run = code.locations[start..]
            .iter()
            .take_while(|l| **l == location)
            .count();
        let mut left = run;
        while left > 0 {
            let units = left.min(MAX_ENTRY_UNITS);
            write_entry(&mut out, &location, units, &mut previous_line);
            left -= units;
        }
        start += run;
    }
    out
}

/// One entry covering `units` code units (CPython's `write_location_info_entry`).
fn write_entry(out: &mut Vec<u8>, loc: &SourceLocation, units: usize, previous_line: &mut i64) {
    let first_byte = |code: u8| 0x80 | (code << 3) | (units as u8 - 1);
    let Some(line) = loc.lineno else {
        out.push(first_byte(NO_LOCATION));
        return;
    };
    let line = line as i64;
    let line_delta = line - *previous_line;
    *previous_line = line;
    let end_line = loc.end_lineno.map_or(-1, |l| l as i64);
    match (loc.col_offset, loc.end_col_offset) {
        (Some(col), Some(end_col)) if end_line == line => {
            let (col, end_col) = (col as i64, end_col as i64);
            if line_delta == 0 && col < 80 && (0..16).contains(&(end_col - col)) {
                out.push(first_byte((col >> 3) as u8));
                out.push((((col & 7) << 4) | (end_col - col)) as u8);
                return;
            }
            if (0..3).contains(&line_delta) && col < 128 && end_col < 128 {
                out.push(first_byte(ONE_LINE_FORM + line_delta as u8));
                out.push(col as u8);
                out.push(end_col as u8);
                return;
            }
        }
        (Some(_), Some(_)) => {}
        _ if end_line == line || end_line == -1 => {
            out.push(first_byte(NO_COLUMNS));
            write_signed_varint(out, line_delta);
            return;
        }
        _ => {}
    }
    out.push(first_byte(LONG_FORM));
    write_signed_varint(out, line_delta);
    write_varint(out, (end_line.max(line) - line) as u64);
    write_varint(out, loc.col_offset.map_or(0, |c| c as u64 + 1));
    write_varint(out, loc.end_col_offset.map_or(0, |c| c as u64 + 1));
}

/// Little-endian groups of 6 bits, bit 6 set on all but the last.
fn write_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 64 {
        out.push(0x40 | (value & 0x3f) as u8);
        value >>= 6;
    }
    out.push(value as u8);
}

/// The sign in the lowest bit, then the magnitude.
fn write_signed_varint(out: &mut Vec<u8>, value: i64) {
    let encoded = if value < 0 {
        (value.unsigned_abs() << 1) | 1
    } else {
        (value as u64) << 1
    };
    write_varint(out, encoded);
}

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
    for (index, location) in code.locations.iter().enumerate() {
        let offset = 2 * index as u32;
        match ranges.last_mut() {
            Some(last) if last.2 == location.lineno => last.1 = offset + 2,
            _ => ranges.push((offset, offset + 2, location.lineno)),
        }
    }
    ranges
}
