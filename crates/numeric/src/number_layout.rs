//! Padding, signs and digit grouping for formatted numbers (CPython's
//! `calc_number_widths`/`fill_number`), shared by int and float formatting.

use crate::format_spec::{Align, FormatSpec, Sign};

/// A number split the way the padding rules need it.
pub(crate) struct NumberParts {
    pub negative: bool,
    /// `0x`, `0b`, `0o` (or empty).
    pub prefix: &'static str,
    /// Digits before the decimal point (may be empty, e.g. for `inf`).
    pub int_digits: String,
    /// Digits after the decimal point, if there is a point.
    pub fraction: Option<String>,
    /// Everything after: exponent, `%`, or `inf`/`nan`.
    pub suffix: String,
    /// Digits per group: 3 for decimal, 4 for `_` in bin/oct/hex.
    pub group_size: usize,
}

/// `digits` with `separator` every `size` digits from the right, left-padded with
/// zeros (and separators) to at least `min_width` characters, never starting with a
/// separator.
fn group_integer(digits: &str, size: usize, separator: Option<char>, min_width: usize) -> String {
    let mut reversed: Vec<char> = Vec::with_capacity(digits.len() * 2);
    let mut in_group = 0;
    let mut push = |c: char, reversed: &mut Vec<char>| {
        if let Some(sep) = separator {
            if in_group == size {
                reversed.push(sep);
                in_group = 0;
            }
        }
        reversed.push(c);
        in_group += 1;
    };
    for c in digits.chars().rev() {
        push(c, &mut reversed);
    }
    while reversed.len() < min_width {
        push('0', &mut reversed);
    }
    reversed.iter().rev().collect()
}

/// Fraction digits with `separator` after every 3 digits from the left.
fn group_fraction(digits: &str, separator: Option<char>) -> String {
    let Some(sep) = separator else {
        return digits.to_string();
    };
    let mut out = String::with_capacity(digits.len() * 2);
    for (index, c) in digits.chars().enumerate() {
        if index > 0 && index % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// The sign a number shows: `-` when negative, else what the spec's sign option asks.
pub(crate) fn sign_text(negative: bool, sign: Option<Sign>) -> &'static str {
    match (negative, sign) {
        (true, _) => "-",
        (false, Some(Sign::Plus)) => "+",
        (false, Some(Sign::Space)) => " ",
        (false, _) => "",
    }
}

/// Lays out `parts` under `spec`: sign, grouping, zero padding and alignment.
pub(crate) fn render(parts: &NumberParts, spec: &FormatSpec) -> String {
    let sign = sign_text(parts.negative, spec.sign);
    let mut after_digits = String::new();
    if let Some(fraction) = &parts.fraction {
        after_digits.push('.');
        after_digits.push_str(&group_fraction(fraction, spec.fraction_grouping));
    }
    after_digits.push_str(&parts.suffix);
    let width = spec.width.unwrap_or(0);
    let align = spec.align.unwrap_or(Align::Right);
    let fixed_len = sign.len() + parts.prefix.len() + after_digits.chars().count();
    let digits_min_width = if spec.fill == '0' && align == Align::AfterSign {
        width.saturating_sub(fixed_len)
    } else {
        0
    };
    // `inf` and `nan` have no digits: CPython pads them with plain zeros.
    let separator = spec.grouping.filter(|_| !parts.int_digits.is_empty());
    let digits = group_integer(
        &parts.int_digits,
        parts.group_size,
        separator,
        digits_min_width,
    );
    let length = fixed_len + digits.chars().count();
    let padding = width.saturating_sub(length);
    let fill = |n: usize| std::iter::repeat_n(spec.fill, n).collect::<String>();
    let (left, middle, right) = match align {
        Align::Left => (0, 0, padding),
        Align::Right => (padding, 0, 0),
        Align::Center => (padding / 2, 0, padding - padding / 2),
        Align::AfterSign => (0, padding, 0),
    };
    format!(
        "{}{sign}{}{}{digits}{after_digits}{}",
        fill(left),
        parts.prefix,
        fill(middle),
        fill(right)
    )
}
