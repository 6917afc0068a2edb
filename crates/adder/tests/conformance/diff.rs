//! A small unified line diff, enough to show why an output differs from the
//! reference without pulling in a diff crate.

use std::fmt::Write;

/// Unchanged lines shown around each change.
const CONTEXT: usize = 3;

/// Above this many cells (old lines × new lines) the changed middle is shown
/// as a whole block replaced, instead of paying for a quadratic alignment.
const ALIGNMENT_CELL_LIMIT: usize = 1 << 20;

/// Diff lines printed before the rest is summarised in one line.
const MAX_OUTPUT_LINES: usize = 120;

#[derive(Clone, Copy, PartialEq)]
enum Op {
    Same,
    Removed,
    Added,
}

/// The unified diff from `expected` to `actual`, lines marked `-` and `+`.
/// A line without a final newline is followed by `\ No newline at end of file`.
pub fn unified(expected: &str, actual: &str) -> String {
    let old: Vec<&str> = expected.split_inclusive('\n').collect();
    let new: Vec<&str> = actual.split_inclusive('\n').collect();
    let script = edit_script(&old, &new);
    let mut lines = Vec::new();
    for (start, end) in hunks(&script) {
        let (old_start, new_start) = positions_before(&script[..start]);
        let (old_len, new_len) = positions_before(&script[start..end]);
        // As in `diff -u`, an empty side is numbered by the line before it.
        lines.push(format!(
            "@@ -{},{old_len} +{},{new_len} @@",
            old_start + usize::from(old_len > 0),
            new_start + usize::from(new_len > 0)
        ));
        for &(op, line) in &script[start..end] {
            let marker = match op {
                Op::Same => ' ',
                Op::Removed => '-',
                Op::Added => '+',
            };
            lines.push(format!(
                "{marker}{}",
                line.strip_suffix('\n').unwrap_or(line)
            ));
            if !line.ends_with('\n') {
                lines.push("\\ No newline at end of file".to_string());
            }
        }
    }
    let mut text = String::new();
    for line in lines.iter().take(MAX_OUTPUT_LINES) {
        let _ = writeln!(text, "{line}");
    }
    if lines.len() > MAX_OUTPUT_LINES {
        let _ = writeln!(
            text,
            "... {} more diff lines",
            lines.len() - MAX_OUTPUT_LINES
        );
    }
    text
}

/// Counts of old and new lines covered by `ops`.
fn positions_before(ops: &[(Op, &str)]) -> (usize, usize) {
    let old = ops.iter().filter(|(op, _)| *op != Op::Added).count();
    let new = ops.iter().filter(|(op, _)| *op != Op::Removed).count();
    (old, new)
}

/// Ranges of `script` to print: each change with its context, merging changes
/// whose contexts touch.
fn hunks(script: &[(Op, &str)]) -> Vec<(usize, usize)> {
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for (index, _) in script
        .iter()
        .enumerate()
        .filter(|(_, (op, _))| *op != Op::Same)
    {
        let start = index.saturating_sub(CONTEXT);
        let end = (index + 1 + CONTEXT).min(script.len());
        match ranges.last_mut() {
            Some(last) if last.1 >= start => last.1 = end,
            _ => ranges.push((start, end)),
        }
    }
    ranges
}

/// Aligns `old` with `new` along a longest common subsequence of lines.
fn edit_script<'a>(old: &[&'a str], new: &[&'a str]) -> Vec<(Op, &'a str)> {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let (old_rest, new_rest) = (&old[prefix..], &new[prefix..]);
    let suffix = old_rest
        .iter()
        .rev()
        .zip(new_rest.iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let old_middle = &old_rest[..old_rest.len() - suffix];
    let new_middle = &new_rest[..new_rest.len() - suffix];

    let mut script: Vec<(Op, &str)> = old[..prefix].iter().map(|line| (Op::Same, *line)).collect();
    script.extend(align_middle(old_middle, new_middle));
    script.extend(
        old_rest[old_rest.len() - suffix..]
            .iter()
            .map(|line| (Op::Same, *line)),
    );
    script
}

/// The classic dynamic-programming alignment, or a plain replacement when the
/// table would be too large.
fn align_middle<'a>(old: &[&'a str], new: &[&'a str]) -> Vec<(Op, &'a str)> {
    let width = new.len() + 1;
    if (old.len() + 1).saturating_mul(width) > ALIGNMENT_CELL_LIMIT {
        let removed = old.iter().map(|line| (Op::Removed, *line));
        return removed
            .chain(new.iter().map(|line| (Op::Added, *line)))
            .collect();
    }
    // common[i * width + j]: length of the longest common subsequence of old[i..] and new[j..].
    let mut common = vec![0u32; (old.len() + 1) * width];
    for i in (0..old.len()).rev() {
        for j in (0..new.len()).rev() {
            common[i * width + j] = if old[i] == new[j] {
                common[(i + 1) * width + j + 1] + 1
            } else {
                common[(i + 1) * width + j].max(common[i * width + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut script = Vec::with_capacity(old.len() + new.len());
    while i < old.len() || j < new.len() {
        if i < old.len() && j < new.len() && old[i] == new[j] {
            script.push((Op::Same, old[i]));
            i += 1;
            j += 1;
        } else if i < old.len()
            && (j == new.len() || common[(i + 1) * width + j] >= common[i * width + j + 1])
        {
            script.push((Op::Removed, old[i]));
            i += 1;
        } else {
            script.push((Op::Added, new[j]));
            j += 1;
        }
    }
    script
}
