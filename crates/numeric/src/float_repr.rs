//! `repr(float)` and `str(float)`: the shortest string that round-trips, in CPython's
//! layout (`1e+16`, `1e-05`, `1.5`, `10.0`, `inf`, `nan`, `-0.0`).

use crate::float_decimal::{format_unsigned, LayoutFlags, Style};

/// Python's `repr(x)` (and `str(x)`, which is the same for floats).
pub fn float_repr(x: f64) -> String {
    let flags = LayoutFlags {
        add_dot_0: true,
        ..LayoutFlags::default()
    };
    let body = format_unsigned(x, Style::Repr, flags);
    if x.is_sign_negative() && !x.is_nan() {
        format!("-{body}")
    } else {
        body
    }
}

#[cfg(test)]
mod tests {
    use super::float_repr;

    #[test]
    fn layouts_match_cpython() {
        // Expected strings printed by the reference interpreter.
        let cases = [
            (1.0, "1.0"),
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (1.5e300, "1.5e+300"),
            (5e-324, "5e-324"),
            (-0.0, "-0.0"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (123456.789, "123456.789"),
            (12345678901234567.0, "1.2345678901234568e+16"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
        ];
        for (value, expected) in cases {
            assert_eq!(float_repr(value), expected);
        }
    }
}
