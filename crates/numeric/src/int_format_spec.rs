//! `format(int, spec)`: the integer presentation types `b c d o x X n` (and none),
//! with float types (`e f g %`) delegated to float formatting, as CPython does.

use crate::error::{NumError, NumResult};
use crate::float_format::format_float_with;
use crate::format_spec::{parse_format_spec, unknown_code, Align, FormatSpec};
use crate::int_format::{magnitude_decimal, magnitude_in_radix, Radix};
use crate::number_layout::{render, NumberParts};
use crate::BigInt;

/// `format(value, spec)` for an int; `type_name` names the type in error messages
/// (`bool` for `True`); `max_str_digits` is `sys.get_int_max_str_digits()`.
pub fn format_int(
    value: &BigInt,
    spec: &str,
    type_name: &str,
    max_str_digits: usize,
) -> NumResult<String> {
    let parsed = parse_format_spec(spec, Align::Right, type_name)?;
    format_int_with(value, &parsed, type_name, max_str_digits)
}

/// Formats `value` under an already parsed spec.
pub fn format_int_with(
    value: &BigInt,
    spec: &FormatSpec,
    type_name: &str,
    max_str_digits: usize,
) -> NumResult<String> {
    let kind = spec.kind.unwrap_or('d');
    match kind {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let as_float = crate::int_float::to_f64(value)?;
            return format_float_with(as_float, spec, type_name);
        }
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        other => return Err(unknown_code(other, type_name)),
    }
    if spec.precision.is_some() {
        return Err(NumError::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_negative_zero {
        return Err(NumError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    let negative = value.sign() == dashu_int::Sign::Negative;
    let (prefix, digits, group_size) = match kind {
        'c' => return format_char(value, spec),
        'b' => ("0b", magnitude_in_radix(value, Radix::Binary, false), 4),
        'o' => ("0o", magnitude_in_radix(value, Radix::Octal, false), 4),
        'x' => ("0x", magnitude_in_radix(value, Radix::Hex, false), 4),
        'X' => ("0X", magnitude_in_radix(value, Radix::Hex, true), 4),
        _ => ("", magnitude_decimal(value, max_str_digits)?, 3),
    };
    let parts = NumberParts {
        negative,
        prefix: if spec.alternate { prefix } else { "" },
        int_digits: digits,
        fraction: None,
        suffix: String::new(),
        group_size,
    };
    Ok(render(&parts, spec))
}

/// The `c` type: the code point, padded like a number.
fn format_char(value: &BigInt, spec: &FormatSpec) -> NumResult<String> {
    if spec.sign.is_some() {
        return Err(NumError::value(
            "Sign not allowed with integer format specifier 'c'",
        ));
    }
    if spec.alternate {
        return Err(NumError::value(
            "Alternate form (#) not allowed with integer format specifier 'c'",
        ));
    }
    let out_of_range = || NumError::overflow("%c arg not in range(0x110000)");
    let code = i64::try_from(value)
        .map_err(|_| NumError::overflow("Python int too large to convert to C long"))?;
    let code = u32::try_from(code).map_err(|_| out_of_range())?;
    let character = char::from_u32(code).ok_or_else(out_of_range)?;
    let parts = NumberParts {
        negative: false,
        prefix: "",
        int_digits: character.to_string(),
        fraction: None,
        suffix: String::new(),
        group_size: 3,
    };
    Ok(render(&parts, spec))
}

#[cfg(test)]
mod tests {
    use super::format_int;
    use crate::BigInt;

    #[test]
    fn formats_match_cpython() {
        // Strings printed by the reference interpreter.
        let cases = [
            (1234, "08,d", "0,001,234"),
            (1234, "010_x", "0_0000_04d2"),
            (123456789, "_x", "75b_cd15"),
            (255, "#_b", "0b1111_1111"),
            (-255, "#010x", "-0x00000ff"),
            (255, "#X", "0XFF"),
            (1, "07,d", "000,001"),
            (1234, "0=10,", "00,001,234"),
            (1234, "*=10,", "*****1,234"),
            (65, "0>3c", "00A"),
            (12345678, "011,", "012,345,678"),
            (2, ",.0%", "200%"),
            (-12, " ^10", "   -12    "),
        ];
        for (value, spec, expected) in cases {
            let text = format_int(&BigInt::from(value), spec, "int", 4300).unwrap();
            assert_eq!(text, expected, "{spec}");
        }
        let error = |value: i64, spec: &str| {
            format_int(&BigInt::from(value), spec, "int", 4300)
                .unwrap_err()
                .message()
                .into_owned()
        };
        assert_eq!(
            error(1, ".2d"),
            "Precision not allowed in integer format specifier"
        );
        assert_eq!(
            error(1, "+c"),
            "Sign not allowed with integer format specifier 'c'"
        );
        assert_eq!(error(-1, "c"), "%c arg not in range(0x110000)");
        assert_eq!(error(1, ",c"), "Cannot specify ',' with 'c'.");
        assert_eq!(
            error(1, "xx"),
            "Invalid format specifier 'xx' for object of type 'int'"
        );
        assert_eq!(error(1, ",,"), "Cannot specify ',' with ','.");
    }
}
