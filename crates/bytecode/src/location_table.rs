//! A code object's source positions in CPython 3.14's `co_linetable` format (see
//! CPython's `Objects/locations.md`): the assembler writes it, everything that needs a
//! position (tracebacks, `f_lineno`, `co_positions()`, `co_lines()`, `dis`) reads it.
//!
//! Why this form rather than one `SourceLocation` per code unit: a position costs one to
//! a few bytes instead of 32, so compiled code stays small (the standard library's
//! two million code units needed 64 MB of positions) and `co_linetable` is the stored
//! bytes. Reading a position scans the table from the start, as CPython does: positions
//! are only needed when something asks for them, never while code runs.
//!
//! Each entry covers 1–8 code units: a first byte `1 kkkk nnn` (kind `k`, `n + 1` units)
//! and kind-specific fields. Lines are deltas from the previous entry's line, the first
//! from `co_firstlineno`, so moving `co_firstlineno` moves every position with it.

use crate::location::SourceLocation;

/// Longest run of code units one entry may cover.
const MAX_ENTRY_UNITS: usize = 8;
/// Entry kinds 0–9 are the short form: same line, the column divided by 8 in the kind.
const SHORT_FORM_MAX: u8 = 9;
/// Kinds 10–12: one line, 0–2 lines after the previous one, columns in a byte each.
const ONE_LINE_FORM: u8 = 10;
const ONE_LINE_FORM_MAX: u8 = 12;
const NO_COLUMNS: u8 = 13;
const LONG_FORM: u8 = 14;
const NO_LOCATION: u8 = 15;
/// Marks the first byte of an entry.
const ENTRY_START: u8 = 0x80;

/// A position as the assembler tracks it (CPython's ints): line, end line, column and
/// end column, each negative for "none"; a negative line means no position at all.
/// Plain integers rather than [`SourceLocation`]'s options: the assembler compares and
/// writes one per run of instructions, and these compare as two words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub lineno: i32,
    pub end_lineno: i32,
    pub col: i32,
    pub end_col: i32,
}

impl Position {
    pub const NONE: Position = Position {
        lineno: -1,
        end_lineno: -1,
        col: -1,
        end_col: -1,
    };
}

/// Builds a table from the positions of consecutive instructions. Instructions with
/// equal positions share entries, as CPython's assembler merges them.
#[derive(Debug)]
pub struct LocationTableWriter {
    out: Vec<u8>,
    previous_line: i64,
    /// The position not yet written and how many code units it covers.
    pending: Position,
    pending_units: usize,
}

impl LocationTableWriter {
    /// A writer for code starting at `firstlineno`, sized for `instructions`
    /// instructions (most entries take two bytes).
    pub fn new(firstlineno: u32, instructions: usize) -> LocationTableWriter {
        LocationTableWriter {
            out: Vec::with_capacity(2 * instructions),
            previous_line: i64::from(firstlineno),
            pending: Position::NONE,
            pending_units: 0,
        }
    }

    /// `units` more code units at `position`. Called once per instruction: runs with
    /// one position are merged here.
    #[inline]
    pub fn push(&mut self, position: Position, units: usize) {
        if units == 0 {
            return;
        }
        // Every position without a line is the same "no position".
        let position = if position.lineno < 0 {
            Position::NONE
        } else {
            position
        };
        if self.pending != position {
            // Writes nothing before the first run.
            self.flush();
            self.pending = position;
        }
        self.pending_units += units;
    }

    /// The finished `co_linetable` bytes.
    pub fn finish(mut self) -> Vec<u8> {
        self.flush();
        self.out
    }

    fn flush(&mut self) {
        let mut left = self.pending_units;
        while left > 0 {
            let units = left.min(MAX_ENTRY_UNITS);
            // Fields borrowed one by one: the pending position is read in place.
            write_entry(&mut self.out, &mut self.previous_line, &self.pending, units);
            left -= units;
        }
        self.pending_units = 0;
    }
}

/// One entry covering `units` code units, in the smallest form that holds it
/// (CPython's `write_location_info_entry`); `previous_line` moves to its line.
///
/// Kept out of line: inlined into `flush`'s loop, the compiler hoists every field's
/// set-up in front of it, which costs more than the call for the usual single entry.
#[inline(never)]
fn write_entry(out: &mut Vec<u8>, previous_line: &mut i64, loc: &Position, units: usize) {
    let first_byte = |kind: u8| ENTRY_START | (kind << 3) | (units as u8 - 1);
    if loc.lineno < 0 {
        out.push(first_byte(NO_LOCATION));
        return;
    }
    let line = i64::from(loc.lineno);
    let line_delta = line - *previous_line;
    *previous_line = line;
    // Any negative field reads as "none".
    let end_line = i64::from(loc.end_lineno);
    let (col, end_col) = (i64::from(loc.col), i64::from(loc.end_col));
    let has_columns = col >= 0 && end_col >= 0;
    if has_columns && end_line == line {
        if line_delta == 0 && col < 80 && (0..16).contains(&(end_col - col)) {
            // The usual entry: its bytes appended at once, one capacity check.
            out.extend_from_slice(&[
                first_byte((col >> 3) as u8),
                (((col & 7) << 4) | (end_col - col)) as u8,
            ]);
            return;
        }
        if (0..3).contains(&line_delta) && col < 128 && end_col < 128 {
            out.extend_from_slice(&[
                first_byte(ONE_LINE_FORM + line_delta as u8),
                col as u8,
                end_col as u8,
            ]);
            return;
        }
    } else if !has_columns && (end_line == line || end_line < 0) {
        out.push(first_byte(NO_COLUMNS));
        write_signed_varint(out, line_delta);
        return;
    }
    out.push(first_byte(LONG_FORM));
    write_signed_varint(out, line_delta);
    write_varint(out, (end_line.max(line) - line) as u64);
    write_varint(out, if col < 0 { 0 } else { col as u64 + 1 });
    write_varint(out, if end_col < 0 { 0 } else { end_col as u64 + 1 });
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

/// The entries of a table as `(code units, position)`, in order. A malformed table
/// (only possible from damaged cache files) ends at the first entry that does not parse.
pub struct LocationRuns<'a> {
    bytes: &'a [u8],
    position: usize,
    line: i64,
}

impl<'a> LocationRuns<'a> {
    pub fn new(table: &'a [u8], firstlineno: u32) -> LocationRuns<'a> {
        LocationRuns {
            bytes: table,
            position: 0,
            line: i64::from(firstlineno),
        }
    }

    /// Whether every byte of the table was read as part of a well-formed entry.
    pub fn at_end(&self) -> bool {
        self.position == self.bytes.len()
    }

    fn byte(&mut self) -> Option<u8> {
        let byte = *self.bytes.get(self.position)?;
        // A new entry's first byte never appears inside an entry.
        if byte & ENTRY_START != 0 {
            return None;
        }
        self.position += 1;
        Some(byte)
    }

    fn varint(&mut self) -> Option<u64> {
        let mut value = 0u64;
        let mut shift = 0;
        loop {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x3f).checked_shl(shift)?;
            if byte & 0x40 == 0 {
                return Some(value);
            }
            shift += 6;
            if shift >= 64 {
                return None;
            }
        }
    }

    fn signed_varint(&mut self) -> Option<i64> {
        let raw = self.varint()?;
        let magnitude = i64::try_from(raw >> 1).ok()?;
        Some(if raw & 1 == 1 { -magnitude } else { magnitude })
    }

    /// Moves the current line by `delta`; the entry's line as a position field.
    fn advance_line(&mut self, delta: i64) -> Option<u32> {
        self.line = self.line.saturating_add(delta);
        u32::try_from(self.line).ok()
    }

    fn entry_location(&mut self, kind: u8) -> Option<SourceLocation> {
        let on_one_line = |line: Option<u32>, col: u32, end_col: u32| SourceLocation {
            lineno: line,
            end_lineno: line,
            col_offset: Some(col),
            end_col_offset: Some(end_col),
        };
        Some(match kind {
            0..=SHORT_FORM_MAX => {
                let byte = u32::from(self.byte()?);
                let col = u32::from(kind) * 8 + (byte >> 4);
                on_one_line(self.advance_line(0), col, col + (byte & 0x0f))
            }
            ONE_LINE_FORM..=ONE_LINE_FORM_MAX => {
                let line = self.advance_line(i64::from(kind - ONE_LINE_FORM));
                let col = u32::from(self.byte()?);
                let end_col = u32::from(self.byte()?);
                on_one_line(line, col, end_col)
            }
            NO_COLUMNS => {
                let delta = self.signed_varint()?;
                let line = self.advance_line(delta);
                SourceLocation {
                    lineno: line,
                    end_lineno: line,
                    col_offset: None,
                    end_col_offset: None,
                }
            }
            LONG_FORM => {
                let delta = self.signed_varint()?;
                let line = self.advance_line(delta);
                let end_delta = i64::try_from(self.varint()?).ok()?;
                let end_line = u32::try_from(self.line.saturating_add(end_delta)).ok();
                let column = |raw: u64| raw.checked_sub(1).and_then(|c| u32::try_from(c).ok());
                let col = column(self.varint()?);
                let end_col = column(self.varint()?);
                SourceLocation {
                    lineno: line,
                    end_lineno: end_line,
                    col_offset: col,
                    end_col_offset: end_col,
                }
            }
            _ => SourceLocation::NONE,
        })
    }
}

impl Iterator for LocationRuns<'_> {
    type Item = (usize, SourceLocation);

    fn next(&mut self) -> Option<(usize, SourceLocation)> {
        let first = *self.bytes.get(self.position)?;
        if first & ENTRY_START == 0 {
            return None;
        }
        let start = self.position;
        self.position += 1;
        let kind = (first >> 3) & 0x0f;
        let units = usize::from(first & 7) + 1;
        match self.entry_location(kind) {
            Some(location) => Some((units, location)),
            None => {
                // Stay on the bad entry: `at_end` stays false, later calls stop here too.
                self.position = start;
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loc(line: i32, end_line: i32, col: i32, end_col: i32) -> Position {
        Position {
            lineno: line,
            end_lineno: end_line,
            col,
            end_col,
        }
    }

    /// The position a table reader reports for what was written as `p`.
    fn read_back(p: Position) -> SourceLocation {
        if p.lineno < 0 {
            return SourceLocation::NONE;
        }
        let field = |v: i32| u32::try_from(v).ok();
        SourceLocation {
            lineno: field(p.lineno),
            end_lineno: field(p.end_lineno),
            col_offset: field(p.col),
            end_col_offset: field(p.end_col),
        }
    }

    /// Every entry form survives writing and reading, runs longer than an entry split.
    #[test]
    fn round_trip_every_form() {
        let no_columns = loc(7, 7, -1, -1);
        let long_no_end_col = loc(3, 9, 4, -1);
        let positions = [
            (loc(5, 5, 4, 10), 3),
            (loc(5, 5, 90, 95), 1),
            (loc(6, 6, 100, 120), 2),
            (Position::NONE, 11),
            (no_columns, 1),
            (loc(2, 4, 300, 2), 1),
            (long_no_end_col, 1),
            (loc(1000, 1000, 0, 1), 17),
        ];
        let mut writer = LocationTableWriter::new(5, 8);
        for (location, units) in positions {
            writer.push(location, units);
        }
        let table = writer.finish();
        let mut runs = LocationRuns::new(&table, 5);
        let mut decoded = Vec::new();
        for (units, location) in runs.by_ref() {
            decoded.extend(std::iter::repeat_n(location, units));
        }
        assert!(runs.at_end());
        let expected: Vec<SourceLocation> = positions
            .iter()
            .flat_map(|(location, units)| std::iter::repeat_n(read_back(*location), *units))
            .collect();
        assert_eq!(decoded, expected);
    }

    /// A truncated or foreign table stops reading instead of failing.
    #[test]
    fn malformed_tables_stop() {
        let mut writer = LocationTableWriter::new(1, 1);
        writer.push(loc(300, 301, 2, 3), 1);
        let mut table = writer.finish();
        table.pop();
        let mut runs = LocationRuns::new(&table, 1);
        assert_eq!(runs.next(), None);
        assert!(!runs.at_end());
        let mut runs = LocationRuns::new(&[0x05, 0x80], 1);
        assert_eq!(runs.next(), None);
        assert!(!runs.at_end());
    }
}
