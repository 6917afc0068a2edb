//! Decimal digits of a finite float and CPython's layout of them (`format_float_short`
//! in Python/pystrtod.c): the one place that decides where the decimal point, the
//! exponent and padding zeros go, shared by `repr`, `str`, `format()` and `%`-formatting.

/// A non-negative finite decimal: `0.d1 d2 d3 ... × 10**decpt`.
/// `digits` are ASCII, never empty, without trailing zeros (zero is `"0"`, decpt 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Decimal {
    pub digits: Vec<u8>,
    pub decpt: i32,
}

impl Decimal {
    /// Builds from ASCII digits with the decimal point after `int_len` of them,
    /// normalising away leading and trailing zeros (in place: formatting floats is hot
    /// enough in some programs that a second copy of the digits shows).
    fn from_digits(mut digits: Vec<u8>, int_len: i32) -> Decimal {
        let leading = digits.iter().take_while(|&&d| d == b'0').count();
        let trailing = digits[leading..]
            .iter()
            .rev()
            .take_while(|&&d| d == b'0')
            .count();
        if leading + trailing >= digits.len() {
            return Decimal {
                digits: vec![b'0'],
                decpt: 1,
            };
        }
        digits.truncate(digits.len() - trailing);
        digits.drain(..leading);
        Decimal {
            digits,
            decpt: int_len - leading as i32,
        }
    }

    /// Parses Rust's scientific output (`"1.25e-7"`, `"3e5"`), sign already absent.
    fn from_scientific(text: &str) -> Decimal {
        let (mantissa, exponent) = text.split_once('e').unwrap_or((text, "0"));
        let exponent: i32 = exponent.parse().unwrap_or(0);
        let int_len = mantissa.find('.').unwrap_or(mantissa.len()) as i32;
        let all: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
        Decimal::from_digits(all, int_len + exponent)
    }

    /// Parses Rust's positional output (`"123.4500"`), sign already absent.
    fn from_positional(text: &str) -> Decimal {
        let int_len = text.find('.').unwrap_or(text.len()) as i32;
        let all: Vec<u8> = text.bytes().filter(u8::is_ascii_digit).collect();
        Decimal::from_digits(all, int_len)
    }
}

/// The shortest digits that round-trip to `x` (Python's `repr`); the sign is ignored.
pub(crate) fn shortest(x: f64) -> Decimal {
    let mut buffer = zmij::Buffer::new();
    let text = buffer.format_finite(x.abs());
    if text.contains('e') {
        Decimal::from_scientific(text)
    } else {
        Decimal::from_positional(text)
    }
}

/// `x` correctly rounded (half-even on the exact binary value) to `count >= 1`
/// significant digits; the sign is ignored.
pub(crate) fn significant(x: f64, count: usize) -> Decimal {
    let text = format!("{:.*e}", count.saturating_sub(1), x.abs());
    Decimal::from_scientific(&text)
}

/// `x` correctly rounded to `frac_digits` digits after the decimal point; sign ignored.
pub(crate) fn fixed(x: f64, frac_digits: usize) -> Decimal {
    let text = format!("{:.*}", frac_digits, x.abs());
    Decimal::from_positional(&text)
}

/// Which of CPython's float presentations to lay out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// `'e'`: always an exponent, `precision` digits after the point.
    Exponent(usize),
    /// `'f'`: never an exponent, `precision` digits after the point.
    Fixed(usize),
    /// `'g'`: `precision` significant digits, exponent when it is < -4 or >= precision.
    General(usize),
    /// `repr()`: shortest digits, exponent when it is < -4 or >= 16.
    Repr,
}

/// Flags that modify the layout, as CPython's `Py_DTSF_*` flags.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct LayoutFlags {
    /// `#`: keep the decimal point (and, for `g`, trailing zeros).
    pub alternate: bool,
    /// Add `.0` to integral values written without exponent (`repr`, `str`, `format(x, '.3')`).
    pub add_dot_0: bool,
    /// Write `E`, `INF`, `NAN`.
    pub upper: bool,
}

/// Digits for `x` (finite) in the given style.
pub(crate) fn digits_for(x: f64, style: Style) -> Decimal {
    match style {
        Style::Exponent(precision) => significant(x, precision.saturating_add(1)),
        Style::Fixed(precision) => fixed(x, precision),
        Style::General(precision) => significant(x, precision.max(1)),
        Style::Repr => shortest(x),
    }
}

/// Lays out `decimal` without sign, as CPython's `format_float_short` does.
pub(crate) fn layout(decimal: &Decimal, style: Style, flags: LayoutFlags) -> String {
    let digit_count = decimal.digits.len() as i64;
    let mut decpt = i64::from(decimal.decpt);
    let mut use_exponent = false;
    // Digits to show, as an index into the (virtually zero-extended) digit string.
    let mut shown_end = digit_count;
    match style {
        Style::Exponent(precision) => {
            use_exponent = true;
            shown_end = precision as i64 + 1;
        }
        Style::Fixed(precision) => shown_end = decpt + precision as i64,
        Style::General(precision) => {
            let precision = precision.max(1) as i64;
            let limit = if flags.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            if decpt <= -4 || decpt > limit {
                use_exponent = true;
            }
            if flags.alternate {
                shown_end = precision;
            }
        }
        Style::Repr => use_exponent = decpt <= -4 || decpt > 16,
    }
    let mut exponent = 0;
    if use_exponent {
        exponent = decpt - 1;
        decpt = 1;
    }
    let shown_start = if decpt <= 0 { decpt - 1 } else { 0 };
    shown_end = if !use_exponent && flags.add_dot_0 {
        shown_end.max(decpt + 1)
    } else {
        shown_end.max(decpt)
    };
    shown_end = shown_end.max(digit_count);

    let digit_at = |i: i64| -> char {
        if (0..digit_count).contains(&i) {
            char::from(decimal.digits[i as usize])
        } else {
            '0'
        }
    };
    let mut out = String::with_capacity((shown_end - shown_start) as usize + 8);
    for i in shown_start..decpt {
        out.push(digit_at(i));
    }
    if decpt < shown_end || flags.alternate {
        out.push('.');
    }
    for i in decpt.max(shown_start)..shown_end {
        out.push(digit_at(i));
    }
    if use_exponent {
        out.push(if flags.upper { 'E' } else { 'e' });
        out.push(if exponent < 0 { '-' } else { '+' });
        let magnitude = exponent.unsigned_abs();
        if magnitude < 10 {
            out.push('0');
        }
        out.push_str(&magnitude.to_string());
    }
    out
}

/// Formats a finite or non-finite float without its sign, for the given style.
pub(crate) fn format_unsigned(x: f64, style: Style, flags: LayoutFlags) -> String {
    if x.is_nan() {
        return if flags.upper { "NAN" } else { "nan" }.to_string();
    }
    if x.is_infinite() {
        return if flags.upper { "INF" } else { "inf" }.to_string();
    }
    layout(&digits_for(x, style), style, flags)
}
