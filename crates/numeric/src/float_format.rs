//! `format(float, spec)` (and the float side of `format(int, 'e')` etc.): the
//! presentation types `e E f F g G n %` and none, precision, `#`, `z`, signs,
//! grouping of integer and fraction digits, fill and alignment.

use crate::error::{NumError, NumResult};
use crate::float_decimal::{format_unsigned, LayoutFlags, Style};
use crate::format_spec::{parse_format_spec, unknown_code, Align, FormatSpec};
use crate::number_layout::{render, sign_text, NumberParts};

/// Precision used when a type is given without one.
const DEFAULT_PRECISION: usize = 6;

/// `format(x, spec)` for a float; `type_name` names the type in error messages.
pub fn format_float(x: f64, spec: &str, type_name: &str) -> NumResult<String> {
    let parsed = parse_format_spec(spec, Align::Right, type_name)?;
    format_float_with(x, &parsed, type_name)
}

/// Formats `x` under an already parsed spec (also used for ints with float types and
/// by `%`-formatting).
pub fn format_float_with(x: f64, spec: &FormatSpec, type_name: &str) -> NumResult<String> {
    let precision = spec.precision;
    // CPython keeps precisions in a C int.
    if precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(NumError::value("precision too big"));
    }
    let mut value = x;
    let mut suffix = "";
    let mut flags = LayoutFlags {
        alternate: spec.alternate,
        ..LayoutFlags::default()
    };
    let style = match spec.kind {
        None => {
            flags.add_dot_0 = true;
            match precision {
                None => Style::Repr,
                Some(p) => Style::General(p),
            }
        }
        Some('e' | 'E') => Style::Exponent(precision.unwrap_or(DEFAULT_PRECISION)),
        Some('f' | 'F') => Style::Fixed(precision.unwrap_or(DEFAULT_PRECISION)),
        Some('g' | 'G' | 'n') => Style::General(precision.unwrap_or(DEFAULT_PRECISION)),
        Some('%') => {
            value *= 100.0;
            suffix = "%";
            Style::Fixed(precision.unwrap_or(DEFAULT_PRECISION))
        }
        Some(other) => return Err(unknown_code(other, type_name)),
    };
    flags.upper = matches!(spec.kind, Some('E' | 'F' | 'G'));
    let (negative, text) = signed_text(value, style, flags, spec.no_negative_zero);
    if spec.width.is_none() && spec.grouping.is_none() && spec.fraction_grouping.is_none() {
        // Nothing to pad or group (`f"{x:.3f}"`, `%.4f`, `repr`-like specs): the text
        // is complete once signed, without splitting it into digit runs.
        let sign = sign_text(negative, spec.sign);
        let mut out = String::with_capacity(sign.len() + text.len() + suffix.len());
        out.push_str(sign);
        out.push_str(&text);
        out.push_str(suffix);
        return Ok(out);
    }
    Ok(render(&split_number(&text, negative, suffix), spec))
}

/// `value` laid out in `style`, split for padding; `no_negative_zero` is the `z` flag
/// (a negative value that rounds to zero loses its sign). Shared with complex parts.
pub(crate) fn float_parts(
    value: f64,
    style: Style,
    flags: LayoutFlags,
    no_negative_zero: bool,
    suffix: &str,
) -> NumberParts {
    let (negative, text) = signed_text(value, style, flags, no_negative_zero);
    split_number(&text, negative, suffix)
}

/// Whether `value` laid out in `style` shows a minus sign, and its text without sign.
fn signed_text(
    value: f64,
    style: Style,
    flags: LayoutFlags,
    no_negative_zero: bool,
) -> (bool, String) {
    let text = format_unsigned(value, style, flags);
    let mut negative = value.is_sign_negative() && !value.is_nan();
    if negative
        && no_negative_zero
        && value.is_finite()
        && text.bytes().all(|b| !(b'1'..=b'9').contains(&b))
    {
        negative = false;
    }
    (negative, text)
}

/// Splits laid-out float text into the digit runs the padding rules group.
fn split_number(text: &str, negative: bool, suffix: &str) -> NumberParts {
    let int_len = text.bytes().take_while(u8::is_ascii_digit).count();
    let (int_digits, rest) = text.split_at(int_len);
    let (fraction, rest) = match rest.strip_prefix('.') {
        Some(after_point) => {
            let frac_len = after_point.bytes().take_while(u8::is_ascii_digit).count();
            let (fraction, rest) = after_point.split_at(frac_len);
            (Some(fraction.to_string()), rest)
        }
        None => (None, rest),
    };
    NumberParts {
        negative,
        prefix: "",
        int_digits: int_digits.to_string(),
        fraction,
        suffix: format!("{rest}{suffix}"),
        group_size: 3,
    }
}

#[cfg(test)]
mod tests {
    use super::format_float;

    #[test]
    fn formats_match_cpython() {
        // Strings printed by the reference interpreter.
        let cases = [
            (1234.5, ".,e", "1.234,500e+03"),
            (12345.678, "._f", "12345.678_000"),
            (1234.5, "010,.3f", "01,234.500"),
            (-1234.5, "=+015,.2f", "-000,001,234.50"),
            (1.0, "n", "1"),
            (1e16, ".3", "1e+16"),
            (1.0, ".0", "1e+00"),
            (123.0, ".2", "1.2e+02"),
            (1.5, "#.0f", "2."),
            (-0.0, "z.1f", "0.0"),
            (f64::NAN, "010f", "0000000nan"),
            (f64::NEG_INFINITY, "=+10", "-      inf"),
            (1.5, "%", "150.000000%"),
            (100.0, "#g", "100.000"),
            (1e100, "#.0e", "1.e+100"),
            (12.5, "^+#012.3g", "000+12.50000"),
            (1234.5, ",.2%", "123,450.00%"),
            (123456789.0, ",", "123,456,789.0"),
            (-2.5, ".3f", "-2.500"),
            (2.5, "+.1e", "+2.5e+00"),
            (2.5, " g", " 2.5"),
            (-0.0001, "z.2%", "-0.01%"),
            (-0.00001, "z.2%", "0.00%"),
            (f64::NAN, "+", "+nan"),
        ];
        for (value, spec, expected) in cases {
            assert_eq!(
                format_float(value, spec, "float").unwrap(),
                expected,
                "{spec}"
            );
        }
        assert_eq!(
            format_float(1.5, "d", "float").unwrap_err().message(),
            "Unknown format code 'd' for object of type 'float'"
        );
    }
}
