//! The format-spec mini-language parser shared by `format(int, spec)`,
//! `format(float, spec)` and (for the VM) `format(str, spec)`:
//! `[[fill]align][sign]["z"]["#"]["0"][width][grouping]["." [precision][grouping]][type]`,
//! with CPython 3.14's error messages.

use crate::error::{NumError, NumResult};

/// Where padding goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// `<`
    Left,
    /// `>`
    Right,
    /// `^`
    Center,
    /// `=`: padding between the sign (and prefix) and the digits.
    AfterSign,
}

/// What to write before a non-negative number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sign {
    /// `-` (the default): nothing.
    Minus,
    /// `+`
    Plus,
    /// ` `
    Space,
}

/// A parsed format spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatSpec {
    pub fill: char,
    pub align: Option<Align>,
    /// `None` when no sign was written (which means [`Sign::Minus`]).
    pub sign: Option<Sign>,
    /// `z`: turn negative zero results into positive zero.
    pub no_negative_zero: bool,
    /// `#`
    pub alternate: bool,
    pub width: Option<usize>,
    /// `,` or `_` between groups of integer digits.
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    /// `,` or `_` between groups of fraction digits (new in 3.14).
    pub fraction_grouping: Option<char>,
    /// The presentation type, if any.
    pub kind: Option<char>,
}

fn align_of(c: char) -> Option<Align> {
    match c {
        '<' => Some(Align::Left),
        '>' => Some(Align::Right),
        '^' => Some(Align::Center),
        '=' => Some(Align::AfterSign),
        _ => None,
    }
}

/// Reads a run of decimal digits at `pos`; `None` for no digits, an error on overflow.
fn read_number(chars: &[char], pos: &mut usize) -> NumResult<Option<usize>> {
    let start = *pos;
    let mut value: usize = 0;
    while let Some(digit) = chars.get(*pos).and_then(|c| c.to_digit(10)) {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(digit as usize))
            .filter(|&v| v <= isize::MAX as usize)
            .ok_or_else(|| NumError::value("Too many decimal digits in format string"))?;
        *pos += 1;
    }
    Ok((*pos > start).then_some(value))
}

/// Reads an optional `,`/`_` grouping character, rejecting a second one.
fn read_grouping(chars: &[char], pos: &mut usize) -> NumResult<Option<char>> {
    let Some(&first) = chars.get(*pos).filter(|c| matches!(c, ',' | '_')) else {
        return Ok(None);
    };
    *pos += 1;
    if let Some(&second) = chars.get(*pos).filter(|c| matches!(c, ',' | '_')) {
        return Err(NumError::value(if second == first {
            format!("Cannot specify '{first}' with '{first}'.")
        } else {
            "Cannot specify both ',' and '_'.".to_string()
        }));
    }
    Ok(Some(first))
}

/// Parses `spec` for an object of type `type_name` (used in error messages).
/// `default_align` is `>` for numbers and `<` for strings: it decides whether a
/// leading `0` also means `=` alignment.
pub fn parse_format_spec(
    spec: &str,
    default_align: Align,
    type_name: &str,
) -> NumResult<FormatSpec> {
    let chars: Vec<char> = spec.chars().collect();
    let mut pos = 0;
    let mut fill = ' ';
    let mut fill_given = false;
    let mut align = None;
    if let Some(a) = chars.get(1).copied().and_then(align_of) {
        fill = chars[0];
        fill_given = true;
        align = Some(a);
        pos = 2;
    } else if let Some(a) = chars.first().copied().and_then(align_of) {
        align = Some(a);
        pos = 1;
    }
    let sign = match chars.get(pos) {
        Some('+') => Some(Sign::Plus),
        Some(' ') => Some(Sign::Space),
        Some('-') => Some(Sign::Minus),
        _ => None,
    };
    pos += usize::from(sign.is_some());
    let no_negative_zero = chars.get(pos) == Some(&'z');
    pos += usize::from(no_negative_zero);
    let alternate = chars.get(pos) == Some(&'#');
    pos += usize::from(alternate);
    if !fill_given && chars.get(pos) == Some(&'0') {
        fill = '0';
        if align.is_none() && default_align == Align::Right {
            align = Some(Align::AfterSign);
        }
        pos += 1;
    }
    let width = read_number(&chars, &mut pos)?;
    let grouping = read_grouping(&chars, &mut pos)?;
    let mut precision = None;
    let mut fraction_grouping = None;
    if chars.get(pos) == Some(&'.') {
        pos += 1;
        precision = read_number(&chars, &mut pos)?;
        fraction_grouping = read_grouping(&chars, &mut pos)?;
        if precision.is_none() && fraction_grouping.is_none() {
            return Err(NumError::value("Format specifier missing precision"));
        }
    }
    let rest = &chars[pos..];
    if rest.len() > 1 {
        return Err(NumError::value(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        )));
    }
    let kind = rest.first().copied();
    // Integer grouping is refused with most types, fraction grouping only with `n`.
    if let Some(separator) = grouping {
        let allowed = match kind {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
            Some('b' | 'o' | 'x' | 'X') => separator == '_',
            _ => false,
        };
        if !allowed {
            let shown = kind.unwrap_or(' ');
            return Err(NumError::value(format!(
                "Cannot specify '{separator}' with '{shown}'."
            )));
        }
    }
    if let (Some(separator), Some('n')) = (fraction_grouping, kind) {
        return Err(NumError::value(format!(
            "Cannot specify '{separator}' with 'n'."
        )));
    }
    Ok(FormatSpec {
        fill,
        align,
        sign,
        no_negative_zero,
        alternate,
        width,
        grouping,
        precision,
        fraction_grouping,
        kind,
    })
}

/// "Unknown format code 'q' for object of type 'int'".
pub(crate) fn unknown_code(code: char, type_name: &str) -> NumError {
    NumError::value(format!(
        "Unknown format code '{code}' for object of type '{type_name}'"
    ))
}
