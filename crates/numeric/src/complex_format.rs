//! `format(complex, spec)`: each part laid out like a float (the imaginary part always
//! signed unless the real part is omitted), then `j`, parentheses for the bare form,
//! and padding of the whole (CPython's `format_complex_internal`).

use crate::complex::Complex;
use crate::error::{NumError, NumResult};
use crate::float_decimal::{LayoutFlags, Style};
use crate::float_format::float_parts;
use crate::format_spec::{parse_format_spec, unknown_code, Align, FormatSpec, Sign};
use crate::number_layout::render;

/// Precision used when a presentation type is given without one.
const DEFAULT_PRECISION: usize = 6;

/// `format(z, spec)`.
pub fn format_complex(z: Complex, spec: &str) -> NumResult<String> {
    let parsed = parse_format_spec(spec, Align::Right, "complex")?;
    // CPython rejects an unknown presentation type before looking at the layout.
    if let Some(other) = parsed
        .kind
        .filter(|k| !matches!(k, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n'))
    {
        return Err(unknown_code(other, "complex"));
    }
    if parsed.fill == '0' {
        return Err(NumError::value(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if parsed.align == Some(Align::AfterSign) {
        return Err(NumError::value(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    if parsed.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(NumError::value("precision too big"));
    }
    // The bare form is `str(z)`: parentheses unless the real part is a positive zero,
    // which is then left out.
    let bare = parsed.kind.is_none();
    let skip_real = bare && z.re == 0.0 && z.re.is_sign_positive();
    let parens = bare && !skip_real;
    let precision = parsed.precision;
    let style = match parsed.kind {
        None => precision.map_or(Style::Repr, Style::General),
        Some('e' | 'E') => Style::Exponent(precision.unwrap_or(DEFAULT_PRECISION)),
        Some('f' | 'F') => Style::Fixed(precision.unwrap_or(DEFAULT_PRECISION)),
        Some('g' | 'G' | 'n') => Style::General(precision.unwrap_or(DEFAULT_PRECISION)),
        Some(other) => return Err(unknown_code(other, "complex")),
    };
    let flags = LayoutFlags {
        alternate: parsed.alternate,
        add_dot_0: false,
        upper: matches!(parsed.kind, Some('E' | 'F' | 'G')),
    };
    let part = |value: f64, sign: Option<Sign>| {
        let parts = float_parts(value, style, flags, parsed.no_negative_zero, "");
        let unpadded = FormatSpec {
            fill: ' ',
            align: Some(Align::Left),
            sign,
            width: None,
            ..parsed.clone()
        };
        render(&parts, &unpadded)
    };
    let mut body = String::new();
    if parens {
        body.push('(');
    }
    if skip_real {
        body.push_str(&part(z.im, parsed.sign));
    } else {
        body.push_str(&part(z.re, parsed.sign));
        body.push_str(&part(z.im, Some(Sign::Plus)));
    }
    body.push('j');
    if parens {
        body.push(')');
    }
    pad(body, &parsed)
}

/// The whole number padded to the spec's width (right-aligned by default).
/// A width too large to allocate is CPython's MemoryError, not an abort.
fn pad(body: String, spec: &FormatSpec) -> Result<String, NumError> {
    let padding = spec.width.unwrap_or(0).saturating_sub(body.chars().count());
    if padding == 0 {
        return Ok(body);
    }
    let total = padding
        .checked_mul(spec.fill.len_utf8())
        .and_then(|p| p.checked_add(body.len()))
        .filter(|&t| t <= isize::MAX as usize)
        .ok_or(NumError::Memory)?;
    let mut out = String::new();
    out.try_reserve_exact(total).map_err(|_| NumError::Memory)?;
    let (left, right) = match spec.align.unwrap_or(Align::Right) {
        Align::Left => (0, padding),
        Align::Center => (padding / 2, padding - padding / 2),
        Align::Right | Align::AfterSign => (padding, 0),
    };
    out.extend(std::iter::repeat_n(spec.fill, left));
    out.push_str(&body);
    out.extend(std::iter::repeat_n(spec.fill, right));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_match_cpython() {
        // Strings printed by the reference interpreter.
        let cases = [
            ((1.0, 2.0), "", "(1+2j)"),
            ((0.0, 2.0), "g", "0+2j"),
            ((-0.0, -1.0), "^20", "      (-0-1j)       "),
            ((0.0, 0.0), "+", "+0j"),
            ((1.0, 2.0), "#", "(1.+2.j)"),
            ((1234567.5, -0.1), ",", "(1,234,567.5-0.1j)"),
            ((1234567.5, -0.1), "E", "1.234568E+06-1.000000E-01j"),
            ((f64::NAN, f64::INFINITY), "*>20.3e", "************nan+infj"),
            ((1.0, 2.0), ".0", "(1+2j)"),
        ];
        for ((re, im), spec, expected) in cases {
            assert_eq!(
                format_complex(Complex::new(re, im), spec).unwrap(),
                expected,
                "{spec}"
            );
        }
        assert!(format_complex(Complex::new(1.0, 2.0), "r").is_err());
        assert!(format_complex(Complex::new(1.0, 2.0), "010").is_err());
    }
}
