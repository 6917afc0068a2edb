//! The text of an uncaught exception's traceback, byte for byte as CPython 3.14
//! prints it without colours.
//!
//! CPython 3.14 prints uncaught exceptions through `Lib/traceback.py`
//! (`StackSummary.format`, `StackSummary.format_frame_summary`), so that file is the
//! specification followed here: the `File "...", line N, in name` header, the
//! dedented source lines of the failing instruction, the caret line under them
//! (`~` around, `^` on the operator, brackets or call), the rules that hide carets
//! when they would underline the whole line, the `...<N lines>...` abbreviation of
//! long instructions, and the `[Previous line repeated N more times]` collapse of
//! recursion.
//!
//! Python measures columns in code points and terminal cells, while positions
//! arrive as UTF-8 byte offsets, so most helpers here work on `Vec<char>` lines and
//! reproduce the `str` methods CPython applies (`splitlines`, `strip`, `isspace`,
//! `textwrap.dedent`), whose notions of line breaks and whitespace are wider than
//! Rust's.

use adder_syntax::ast::{Expr, Mod, Range, Stmt};

/// The comparison with the reference's output over the fixtures in tests/traceback_data.
#[cfg(test)]
#[path = "../tests/traceback_data/run_fixtures.rs"]
mod fixture_tests;

/// First line of every printed traceback that has stack entries.
pub const TRACEBACK_HEADER: &str = "Traceback (most recent call last):\n";
/// Printed between an exception and the one raised `from` it.
pub const CAUSE_SEPARATOR: &str =
    "\nThe above exception was the direct cause of the following exception:\n\n";
/// Printed between an exception and one raised while handling it.
pub const CONTEXT_SEPARATOR: &str =
    "\nDuring handling of the above exception, another exception occurred:\n\n";

/// How many identical consecutive entries are printed before the rest are counted
/// (`traceback._RECURSIVE_CUTOFF`).
const RECURSIVE_CUTOFF: usize = 3;
/// Indentation of source and caret lines under an entry's header.
const SOURCE_INDENT: &str = "    ";
/// Caret for the whole instruction when it has no anchors.
const PLAIN_CARET: char = '^';
/// Carets around the anchors, and between them (`~~~^^^~~~`).
const OUTSIDE_ANCHORS: char = '~';
const INSIDE_ANCHORS: char = '^';

/// What CPython's FrameSummary holds for one traceback entry. Columns are UTF-8 byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrameSummary {
    pub filename: String,
    pub lineno: Option<u32>,
    pub end_lineno: Option<u32>,
    pub colno: Option<u32>,
    pub end_colno: Option<u32>,
    pub name: String,
}

/// The "  File ..., line N, in name\n    source\n    ~~~^^^\n" block for each entry, in order,
/// with runs of identical entries collapsed as CPython does. `source_line(filename, lineno)`
/// returns the raw text of that line (without newline) when the file can be read.
pub fn format_stack(
    entries: &[FrameSummary],
    source_line: &mut dyn FnMut(&str, u32) -> Option<String>,
) -> String {
    let mut out = String::new();
    let mut previous: Option<(&str, u32, &str)> = None;
    let mut repeats = 0;
    for entry in entries {
        let key = entry
            .lineno
            .map(|lineno| (entry.filename.as_str(), lineno, entry.name.as_str()));
        // An entry without a line number never continues a run, as in CPython.
        if key.is_none() || key != previous {
            push_repeat_note(&mut out, repeats);
            previous = key;
            repeats = 0;
        }
        repeats += 1;
        if repeats <= RECURSIVE_CUTOFF {
            out.push_str(&format_entry(entry, source_line));
        }
    }
    push_repeat_note(&mut out, repeats);
    out
}

/// The last line of an exception's report: `Name: message`, or just `Name` when the
/// message (the exception's `str()`) is empty. Ends with a newline.
pub fn format_exception_line(qualified_type_name: &str, message: &str) -> String {
    if message.is_empty() {
        format!("{qualified_type_name}\n")
    } else {
        format!("{qualified_type_name}: {message}\n")
    }
}

fn push_repeat_note(out: &mut String, repeats: usize) {
    if repeats > RECURSIVE_CUTOFF {
        let more = repeats - RECURSIVE_CUTOFF;
        let plural = if more > 1 { "s" } else { "" };
        out.push_str(&format!(
            "  [Previous line repeated {more} more time{plural}]\n"
        ));
    }
}

/// One entry: its header, then its source lines and carets when the source is known.
fn format_entry(
    entry: &FrameSummary,
    source_line: &mut dyn FnMut(&str, u32) -> Option<String>,
) -> String {
    // Each interactive input gets its own pseudo-file `<stdin-N>`; all print as `<stdin>`.
    let shown_filename = if entry.filename.starts_with("<stdin-") && entry.filename.ends_with('>') {
        "<stdin>"
    } else {
        entry.filename.as_str()
    };
    let shown_lineno = entry
        .lineno
        .map_or_else(|| "None".to_string(), |lineno| lineno.to_string());
    let mut out = format!(
        "  File \"{shown_filename}\", line {shown_lineno}, in {}\n",
        entry.name
    );
    let Some(lineno) = entry.lineno else {
        return out;
    };
    let end_lineno = entry.end_lineno.unwrap_or(lineno);
    // Unreadable and blank lines are alike: empty once stripped (FrameSummary._set_lines).
    let joined: String = (lineno..=end_lineno)
        .map(|n| {
            let line = source_line(&entry.filename, n).unwrap_or_default();
            format!("{}\n", py_rstrip(&line))
        })
        .collect();
    let source_text = if joined.is_empty() {
        "\n".to_string()
    } else {
        joined
    };
    let dedented = dedent(&source_text);
    if py_strip(&dedented).is_empty() {
        return out;
    }
    match (entry.colno, entry.end_colno) {
        (Some(colno), Some(end_colno)) => {
            let span = Span {
                line_count: (end_lineno - lineno) as usize + 1,
                colno: colno as usize,
                end_colno: end_colno as usize,
            };
            if let Some(block) = format_source_with_carets(&source_text, &dedented, &span) {
                out.push_str(&block);
            }
        }
        _ => {
            // Without columns only the first line is shown, stripped.
            let first = source_text.split('\n').next().unwrap_or_default();
            out.push_str(&indent_lines(py_strip(first), SOURCE_INDENT, false));
            out.push('\n');
        }
    }
    out
}

/// Where the failing instruction is in the entry's lines: byte columns on the first
/// and last of `line_count` lines.
struct Span {
    line_count: usize,
    colno: usize,
    end_colno: usize,
}

/// The source lines of one entry with the caret lines under them, indented. `None`
/// only when the lines split differently from what the positions promise (form
/// feeds and other Python line breaks inside a line), where CPython's own formatter
/// fails.
fn format_source_with_carets(original: &str, dedented: &str, span: &Span) -> Option<String> {
    let original_lines = py_splitlines(original);
    let first_line = original_lines.first()?;
    let last_line = original_lines.get(span.line_count - 1)?;
    let start_in_original = byte_to_char_offset(first_line.chars(), span.colno);
    let end_in_original = byte_to_char_offset(last_line.chars(), span.end_colno);

    let all_lines: Vec<Vec<char>> = py_splitlines(dedented)
        .into_iter()
        .take(span.line_count)
        .map(|line| line.chars().collect())
        .collect();
    let dedent_width = first_line
        .chars()
        .count()
        .checked_sub(all_lines.first()?.len())?;
    let start = start_in_original.saturating_sub(dedent_width);
    let end = end_in_original.saturating_sub(dedent_width);
    let last = all_lines.len() - 1;

    let segment = instruction_segment(&all_lines, start, end);
    let anchors = caret_anchors(&segment).and_then(|anchors| anchors.on_lines(&all_lines, start));
    let layout = CaretLayout {
        lines: &all_lines,
        show: should_show_carets(start, end, &all_lines, anchors.is_some()),
        display_start: display_width(&all_lines[0], start),
        display_end: display_width(&all_lines[last], end),
        anchors,
    };

    let mut block = String::new();
    let shown = layout.significant_lines();
    for (i, &lineno) in shown.iter().enumerate() {
        if i > 0 {
            let gap = lineno - shown[i - 1];
            if gap == 2 {
                layout.push_line(&mut block, lineno - 1);
            } else if gap > 2 {
                block.push_str(&format!("...<{} lines>...\n", gap - 1));
            }
        }
        layout.push_line(&mut block, lineno);
    }
    Some(indent_lines(&dedent(&block), SOURCE_INDENT, true))
}

/// The text of the instruction itself: from `start` on the first line to `end` on
/// the last, lines joined by `\n` (Python slicing, so out-of-range ends clamp).
fn instruction_segment(all_lines: &[Vec<char>], start: usize, end: usize) -> String {
    let joined: Vec<char> = all_lines.join(&'\n');
    let last_len = all_lines.last().map_or(0, Vec::len);
    let stop = (joined.len() + end)
        .saturating_sub(last_len)
        .min(joined.len());
    let from = start.min(stop);
    joined[from..stop].iter().collect()
}

/// CPython's `_should_show_carets`: carets are left out when they would only
/// underline a whole `return f(...)` or `name = f(...)` statement, or the whole line.
fn should_show_carets(
    start: usize,
    end: usize,
    all_lines: &[Vec<char>],
    has_anchors: bool,
) -> bool {
    let source = join_lines(all_lines);
    if let Ok(Mod::Module { body, .. }) =
        adder_syntax::parse(&source, adder_syntax::Mode::Exec, "<unknown>")
    {
        let Some(statement) = body.first() else {
            return false;
        };
        let whole_line_call = match statement {
            Stmt::Return {
                value: Some(value), ..
            } => match value.as_ref() {
                Expr::Call { func, range, .. } if matches!(func.as_ref(), Expr::Name { .. }) => {
                    Some(*range)
                }
                _ => None,
            },
            Stmt::Assign { targets, value, .. } => match (targets.as_slice(), value.as_ref()) {
                ([Expr::Name { .. }], Expr::Call { range, .. }) => Some(*range),
                _ => None,
            },
            _ => None,
        };
        // CPython compares the node's byte columns with character offsets here.
        let spans_everything = |range: Range| {
            range.lineno == 1
                && range.end_lineno as usize == all_lines.len()
                && range.col_offset as usize == start
                && range.end_col_offset as usize == end
        };
        if whole_line_call.is_some_and(spans_everything) {
            return false;
        }
    }
    if has_anchors {
        return true;
    }
    let before = &all_lines[0][..start.min(all_lines[0].len())];
    let last = &all_lines[all_lines.len() - 1];
    let after = &last[end.min(last.len())..];
    before.iter().any(|&c| !is_py_space(c)) || after.iter().any(|&c| !is_py_space(c))
}

/// Everything needed to draw the caret line under each shown source line.
struct CaretLayout<'a> {
    lines: &'a [Vec<char>],
    show: bool,
    /// Terminal column where the instruction starts on the first line.
    display_start: usize,
    /// Terminal column where the instruction ends on the last line.
    display_end: usize,
    anchors: Option<Anchors>,
}

impl CaretLayout<'_> {
    /// The first and last line, and the lines around each anchor; the others are
    /// abbreviated.
    fn significant_lines(&self) -> Vec<usize> {
        let count = self.lines.len();
        let mut shown = vec![0, count - 1];
        if let Some(anchors) = &self.anchors {
            for around in [anchors.left_line, anchors.right_line] {
                shown.extend((around.saturating_sub(1)..=around + 1).filter(|&l| l < count));
            }
        }
        shown.sort_unstable();
        shown.dedup();
        shown
    }

    fn push_line(&self, block: &mut String, lineno: usize) {
        let line = &self.lines[lineno];
        block.extend(line.iter());
        block.push('\n');
        if !self.show {
            return;
        }
        let leading_spaces = line.iter().take_while(|&&c| is_py_space(c)).count();
        let width = if lineno == self.lines.len() - 1 {
            self.display_end
        } else {
            display_width(line, line.len())
        };
        for col in 0..width {
            let caret = if col < leading_spaces || (lineno == 0 && col < self.display_start) {
                ' '
            } else {
                match &self.anchors {
                    Some(anchors) if anchors.covers(lineno, col) => INSIDE_ANCHORS,
                    Some(_) => OUTSIDE_ANCHORS,
                    None => PLAIN_CARET,
                }
            };
            block.push(caret);
        }
        block.push('\n');
    }
}

/// The part of an instruction to mark differently: a binary operator, or the
/// brackets of a subscript or call, from the left position (included) to the right
/// one (excluded). Lines index the instruction's lines; columns count characters
/// of the instruction, or terminal cells of the line once placed [`Anchors::on_lines`].
struct Anchors {
    left_line: usize,
    left_col: usize,
    right_line: usize,
    right_col: usize,
}

impl Anchors {
    /// Moves anchors found in the instruction's text onto the entry's lines: the
    /// instruction starts `start` characters into the first line.
    fn on_lines(&self, all_lines: &[Vec<char>], start: usize) -> Option<Anchors> {
        let shift = |line: usize| if line == 0 { start } else { 0 };
        let left_col = self.left_col + shift(self.left_line);
        let right_col = self.right_col + shift(self.right_line);
        Some(Anchors {
            left_line: self.left_line,
            left_col: display_width(all_lines.get(self.left_line)?, left_col),
            right_line: self.right_line,
            right_col: display_width(all_lines.get(self.right_line)?, right_col),
        })
    }

    fn covers(&self, lineno: usize, col: usize) -> bool {
        let after_left =
            lineno > self.left_line || (lineno == self.left_line && col >= self.left_col);
        let before_right =
            lineno < self.right_line || (lineno == self.right_line && col < self.right_col);
        after_left && before_right
    }
}

/// CPython's `_extract_caret_anchors_from_line_segment`: parses the instruction as a
/// parenthesized expression and finds the operator of a binary operation or the
/// opening bracket and end of a subscript or call.
fn caret_anchors(segment: &str) -> Option<Anchors> {
    let wrapped = format!("(\n{segment}\n)");
    let Ok(Mod::Module { body, .. }) =
        adder_syntax::parse(&wrapped, adder_syntax::Mode::Exec, "<unknown>")
    else {
        return None;
    };
    let [Stmt::Expr { value, .. }] = body.as_slice() else {
        return None;
    };
    let text = SegmentText {
        lines: py_splitlines(segment)
            .into_iter()
            .map(|line| line.chars().collect())
            .collect(),
    };
    match value.as_ref() {
        Expr::BinOp { left, right, .. } => text.binary_operator(&left.range(), &right.range()),
        Expr::Subscript {
            value: container,
            range,
            ..
        } => text.brackets(&container.range(), range, '['),
        Expr::Call { func, range, .. } => text.brackets(&func.range(), range, '('),
        _ => None,
    }
}

/// The instruction's lines, with the cursor moves of CPython's anchor search. Every
/// move that CPython would fail on (an assertion or index error, which it
/// suppresses) is `None`.
struct SegmentText {
    lines: Vec<Vec<char>>,
}

impl SegmentText {
    fn binary_operator(&self, left: &Range, right: &Range) -> Option<Anchors> {
        let (line, col) = self.end_of(left, true)?;
        let (line, col) = self.advance_until(line, col, |c| !is_py_space(c) && c != ')')?;
        let chars = self.lines.get(line)?;
        let mut right_col = col + 1;
        // A two-character operator, unless that character already starts the right operand.
        let right_line = (right.lineno as usize).checked_sub(2)?;
        if let Some(&next) = chars.get(right_col) {
            let before_right =
                right_line > line || right_col < self.char_col(right_line, right.col_offset)?;
            if before_right && !is_py_space(next) && next != '\\' && next != '#' {
                right_col += 1;
            }
        }
        Some(Anchors {
            left_line: line,
            left_col: col,
            right_line: line,
            right_col,
        })
    }

    fn brackets(&self, inner: &Range, whole: &Range, open: char) -> Option<Anchors> {
        let (line, col) = self.end_of(inner, true)?;
        let (left_line, left_col) = self.advance_until(line, col, |c| c == open)?;
        let (right_line, right_col) = self.end_of(whole, false)?;
        Some(Anchors {
            left_line,
            left_col,
            right_line,
            right_col,
        })
    }

    fn line_len(&self, line: usize) -> usize {
        self.lines.get(line).map_or(0, Vec::len)
    }

    /// The character column of a byte column on a segment line.
    fn char_col(&self, line: usize, byte_col: u32) -> Option<usize> {
        let chars = self.lines.get(line)?.iter().copied();
        Some(byte_to_char_offset(chars, byte_col as usize))
    }

    /// Where a node ends, as (segment line, character column). The parsed text has
    /// an extra `(` line before the segment, hence the `- 2` from 1-based lines.
    /// `valid` moves a position past the end of a line to the next real character.
    fn end_of(&self, range: &Range, valid: bool) -> Option<(usize, usize)> {
        let line = (range.end_lineno as usize).checked_sub(2)?;
        let col = self.char_col(line, range.end_col_offset)?;
        if valid {
            self.next_valid(line, col)
        } else {
            Some((line, col))
        }
    }

    /// The position itself if it is a character, else the first character of the
    /// next non-empty line.
    fn next_valid(&self, mut line: usize, mut col: usize) -> Option<(usize, usize)> {
        while line < self.lines.len() && col >= self.line_len(line) {
            col = 0;
            line += 1;
        }
        (line < self.lines.len()).then_some((line, col))
    }

    /// Moves forward to the first character satisfying `stop`, skipping the rest of
    /// a line at a comment or a line continuation.
    fn advance_until(
        &self,
        mut line: usize,
        mut col: usize,
        stop: impl Fn(char) -> bool,
    ) -> Option<(usize, usize)> {
        loop {
            let ch = *self.lines.get(line)?.get(col)?;
            if ch == '\\' || ch == '#' {
                (line, col) = self.next_valid(line + 1, 0)?;
            } else if stop(ch) {
                return Some((line, col));
            } else {
                (line, col) = self.next_valid(line, col + 1)?;
            }
        }
    }
}

// ---- Python string semantics -------------------------------------------------

/// `str.isspace` for one character: Rust's White_Space plus the ASCII information
/// separators U+001C..U+001F, which Python also counts.
fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

fn py_strip(text: &str) -> &str {
    text.trim_matches(is_py_space)
}

fn py_rstrip(text: &str) -> &str {
    text.trim_end_matches(is_py_space)
}

/// `str.isspace`: non-empty and all whitespace.
fn is_blank(text: &str) -> bool {
    !text.is_empty() && text.chars().all(is_py_space)
}

/// Whether `c` ends a line for `str.splitlines`.
fn is_py_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\u{b}'
            | '\u{c}'
            | '\u{1c}'
            | '\u{1d}'
            | '\u{1e}'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// `str.splitlines(keepends=True)`: each piece keeps its line break (`\r\n` is one).
fn py_splitlines_keepends(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if !is_py_line_break(c) {
            continue;
        }
        let mut end = at + c.len_utf8();
        if c == '\r' && chars.peek().is_some_and(|&(_, next)| next == '\n') {
            chars.next();
            end += 1;
        }
        pieces.push(&text[start..end]);
        start = end;
    }
    if start < text.len() {
        pieces.push(&text[start..]);
    }
    pieces
}

/// `str.splitlines()`.
fn py_splitlines(text: &str) -> Vec<&str> {
    py_splitlines_keepends(text)
        .into_iter()
        .map(|piece| piece.trim_end_matches(is_py_line_break))
        .collect()
}

fn join_lines(lines: &[Vec<char>]) -> String {
    lines
        .iter()
        .map(|line| line.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// `textwrap.dedent`: removes the longest run of spaces and tabs that starts every
/// non-blank line (split on `\n` only) and empties whitespace-only lines.
fn dedent(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let non_blank = lines
        .iter()
        .filter(|line| !line.is_empty() && !is_blank(line));
    let lowest = non_blank.clone().min().copied().unwrap_or_default();
    let highest = non_blank.max().copied().unwrap_or_default();
    let margin = lowest
        .chars()
        .zip(highest.chars().map(Some).chain(std::iter::repeat(None)))
        .position(|(c, other)| other != Some(c) || (c != ' ' && c != '\t'))
        .unwrap_or(0);
    lines
        .iter()
        .map(|line| {
            if is_blank(line) {
                ""
            } else {
                // The margin is made of one-byte characters shared by every non-blank line.
                line.get(margin..).unwrap_or_default()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `textwrap.indent`: `prefix` before every line (`str.splitlines` lines), or, when
/// `all` is false, before every line that is not whitespace only.
fn indent_lines(text: &str, prefix: &str, all: bool) -> String {
    let mut out = String::new();
    for piece in py_splitlines_keepends(text) {
        if all || !is_blank(piece) {
            out.push_str(prefix);
        }
        out.push_str(piece);
    }
    out
}

/// `traceback._byte_offset_to_character_offset`: how many characters the first
/// `offset` bytes of `line` hold; a character cut in the middle still counts (Python
/// decodes its bytes to one U+FFFD).
fn byte_to_char_offset(line: impl IntoIterator<Item = char>, offset: usize) -> usize {
    let mut byte = 0;
    line.into_iter()
        .take_while(|c| {
            let starts_before = byte < offset;
            byte += c.len_utf8();
            starts_before
        })
        .count()
}

/// `traceback._display_width`: terminal cells taken by the first `offset` characters,
/// wide and fullwidth East Asian characters taking two. An ASCII line is `offset`
/// wide even past its end, as in CPython.
fn display_width(line: &[char], offset: usize) -> usize {
    if line.iter().all(char::is_ascii) {
        return offset;
    }
    line.iter()
        .take(offset)
        .map(|&c| if is_wide(c) { 2 } else { 1 })
        .sum()
}

fn is_wide(c: char) -> bool {
    let code = u32::from(c);
    WIDE_RANGES
        .binary_search_by(|&(first, last)| {
            if last < code {
                std::cmp::Ordering::Less
            } else if first > code {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Code point ranges whose `unicodedata.east_asian_width` is `W` or `F` in Unicode
/// 16.0 (CPython 3.14), generated with the reference interpreter:
/// `[(a, b) for runs of c with east_asian_width(chr(c)) in "WF"]`.
#[rustfmt::skip]
const WIDE_RANGES: &[(u32, u32)] = &[
    (0x1100, 0x115F), (0x231A, 0x231B), (0x2329, 0x232A), (0x23E9, 0x23EC),
    (0x23F0, 0x23F0), (0x23F3, 0x23F3), (0x25FD, 0x25FE), (0x2614, 0x2615),
    (0x2630, 0x2637), (0x2648, 0x2653), (0x267F, 0x267F), (0x268A, 0x268F),
    (0x2693, 0x2693), (0x26A1, 0x26A1), (0x26AA, 0x26AB), (0x26BD, 0x26BE),
    (0x26C4, 0x26C5), (0x26CE, 0x26CE), (0x26D4, 0x26D4), (0x26EA, 0x26EA),
    (0x26F2, 0x26F3), (0x26F5, 0x26F5), (0x26FA, 0x26FA), (0x26FD, 0x26FD),
    (0x2705, 0x2705), (0x270A, 0x270B), (0x2728, 0x2728), (0x274C, 0x274C),
    (0x274E, 0x274E), (0x2753, 0x2755), (0x2757, 0x2757), (0x2795, 0x2797),
    (0x27B0, 0x27B0), (0x27BF, 0x27BF), (0x2B1B, 0x2B1C), (0x2B50, 0x2B50),
    (0x2B55, 0x2B55), (0x2E80, 0x2E99), (0x2E9B, 0x2EF3), (0x2F00, 0x2FD5),
    (0x2FF0, 0x303E), (0x3041, 0x3096), (0x3099, 0x30FF), (0x3105, 0x312F),
    (0x3131, 0x318E), (0x3190, 0x31E5), (0x31EF, 0x321E), (0x3220, 0x3247),
    (0x3250, 0xA48C), (0xA490, 0xA4C6), (0xA960, 0xA97C), (0xAC00, 0xD7A3),
    (0xF900, 0xFAFF), (0xFE10, 0xFE19), (0xFE30, 0xFE52), (0xFE54, 0xFE66),
    (0xFE68, 0xFE6B), (0xFF01, 0xFF60), (0xFFE0, 0xFFE6), (0x16FE0, 0x16FE4),
    (0x16FF0, 0x16FF1), (0x17000, 0x187F7), (0x18800, 0x18CD5), (0x18CFF, 0x18D08),
    (0x1AFF0, 0x1AFF3), (0x1AFF5, 0x1AFFB), (0x1AFFD, 0x1AFFE), (0x1B000, 0x1B122),
    (0x1B132, 0x1B132), (0x1B150, 0x1B152), (0x1B155, 0x1B155), (0x1B164, 0x1B167),
    (0x1B170, 0x1B2FB), (0x1D300, 0x1D356), (0x1D360, 0x1D376), (0x1F004, 0x1F004),
    (0x1F0CF, 0x1F0CF), (0x1F18E, 0x1F18E), (0x1F191, 0x1F19A), (0x1F200, 0x1F202),
    (0x1F210, 0x1F23B), (0x1F240, 0x1F248), (0x1F250, 0x1F251), (0x1F260, 0x1F265),
    (0x1F300, 0x1F320), (0x1F32D, 0x1F335), (0x1F337, 0x1F37C), (0x1F37E, 0x1F393),
    (0x1F3A0, 0x1F3CA), (0x1F3CF, 0x1F3D3), (0x1F3E0, 0x1F3F0), (0x1F3F4, 0x1F3F4),
    (0x1F3F8, 0x1F43E), (0x1F440, 0x1F440), (0x1F442, 0x1F4FC), (0x1F4FF, 0x1F53D),
    (0x1F54B, 0x1F54E), (0x1F550, 0x1F567), (0x1F57A, 0x1F57A), (0x1F595, 0x1F596),
    (0x1F5A4, 0x1F5A4), (0x1F5FB, 0x1F64F), (0x1F680, 0x1F6C5), (0x1F6CC, 0x1F6CC),
    (0x1F6D0, 0x1F6D2), (0x1F6D5, 0x1F6D7), (0x1F6DC, 0x1F6DF), (0x1F6EB, 0x1F6EC),
    (0x1F6F4, 0x1F6FC), (0x1F7E0, 0x1F7EB), (0x1F7F0, 0x1F7F0), (0x1F90C, 0x1F93A),
    (0x1F93C, 0x1F945), (0x1F947, 0x1F9FF), (0x1FA70, 0x1FA7C), (0x1FA80, 0x1FA89),
    (0x1FA8F, 0x1FAC6), (0x1FACE, 0x1FADC), (0x1FADF, 0x1FAE9), (0x1FAF0, 0x1FAF8),
    (0x20000, 0x2FFFD), (0x30000, 0x3FFFD),
];
