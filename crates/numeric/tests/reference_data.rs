//! Compares adder-numeric with CPython 3.14 on the cases `tests/data/gen.py` generated
//! with the reference interpreter (see that script for the line format).

mod support;

use adder_numeric::complex::{self, Complex};
use adder_numeric::{
    float_format, float_hex, float_ops, float_parse, hash, int, int_float, int_format,
    int_format_spec, int_parse, BigInt, NumResult,
};
use support::{float_arg, int_arg, run_file, show, show_float, unescape, Outcome};

/// Address passed for NaN hashes (the data has no NaN hashes: they depend on identity).
const NO_ADDRESS: usize = 0;

fn int_case(op: &str, args: &[&str]) -> Option<Outcome> {
    let a = || int_arg(args[0]);
    let b = || int_arg(args[1]);
    let ok = |text: String| -> NumResult<String> { Ok(text) };
    Some(match op {
        "divmod" => show(int::divmod(&a(), &b()).map(|(q, r)| format!("{q} {r}"))),
        "truediv" => show(int_float::true_div(&a(), &b()).map(show_float)),
        "and" => show(ok(int::bit_and(&a(), &b()).to_string())),
        "or" => show(ok(int::bit_or(&a(), &b()).to_string())),
        "xor" => show(ok(int::bit_xor(&a(), &b()).to_string())),
        "invert" => show(ok(int::invert(&a()).to_string())),
        "shl" => show(int::shl(&a(), &b()).map(|v| v.to_string())),
        "shr" => show(int::shr(&a(), &b()).map(|v| v.to_string())),
        "bit_length" => show(ok(int::bit_length(&a()).to_string())),
        "bit_count" => show(ok(int::bit_count(&a()).to_string())),
        "to_float" => show(int_float::to_f64(&a()).map(show_float)),
        "hash" => show(ok(hash::hash_bigint(&a()).to_string())),
        "str" => show(int_format::to_decimal_string(&a(), 4300)),
        "str20" => show(int_format::to_decimal_string(&a(), 4300).map(|s| s[..20].to_string())),
        "bin" => show(ok(int_format::to_prefixed_string(
            &a(),
            int_format::Radix::Binary,
        ))),
        "oct" => show(ok(int_format::to_prefixed_string(
            &a(),
            int_format::Radix::Octal,
        ))),
        "hex" => show(ok(int_format::to_prefixed_string(
            &a(),
            int_format::Radix::Hex,
        ))),
        "pow" => {
            let exp = b();
            match u64::try_from(&exp) {
                Ok(small) => show(int::pow(&a(), &small.into()).map(|v| v.to_string())),
                Err(_) => show(int::pow_negative_exponent(&a(), &exp).map(show_float)),
            }
        }
        "powmod" => show(int::pow_mod(&a(), &b(), &int_arg(args[2])).map(|v| v.to_string())),
        _ => return None,
    })
}

fn float_case(op: &str, args: &[&str]) -> Option<Outcome> {
    let x = || float_arg(args[0]);
    let y = || float_arg(args[1]);
    let int_text = |r: NumResult<BigInt>| show(r.map(|v| v.to_string()));
    Some(match op {
        "repr" => show(Ok(adder_numeric::float_repr(x()))),
        "divmod" => show(
            float_ops::divmod(x(), y())
                .map(|(q, r)| format!("{} {}", show_float(q), show_float(r))),
        ),
        "mod" => show(float_ops::modulo(x(), y()).map(show_float)),
        "truediv" => show(float_ops::true_div(x(), y()).map(show_float)),
        "pow" => show(float_ops::pow(x(), y()).and_then(|r| match r {
            float_ops::FloatPow::Real(v) => Ok(show_float(v)),
            float_ops::FloatPow::NeedsComplex => {
                let power = complex::pow(Complex::new(x(), 0.0), Complex::new(y(), 0.0));
                power.map(|z| format!("c {}", show_complex(z)))
            }
        })),
        "round" => int_text(float_ops::round_to_int(x())),
        "round_n" => {
            show(float_ops::round_digits(x(), int_arg(args[1]).try_into().unwrap()).map(show_float))
        }
        "to_int" => int_text(int_float::from_f64(x())),
        "floor" => int_text(float_ops::floor_to_int(x())),
        "ceil" => int_text(float_ops::ceil_to_int(x())),
        "ratio" => show(float_ops::as_integer_ratio(x()).map(|(n, d)| format!("{n} {d}"))),
        "hash" => show(Ok(hash::hash_float(x(), NO_ADDRESS).to_string())),
        _ => return None,
    })
}

fn parse_case(op: &str, args: &[&str]) -> Option<Outcome> {
    let text = unescape(args[0]);
    let base: i64 = args[1].parse().unwrap();
    let repr = || unescape(args[2]);
    let parsed = int_parse::parse_int_str(&text, base, 4300, repr);
    Some(match op {
        "int" => show(parsed.map(|v| v.to_string())),
        "int20" => show(parsed.map(|v| v.to_string()[..20].to_string())),
        _ => return None,
    })
}

#[test]
fn int_ops_match_cpython() {
    run_file("int_ops.txt", int_case);
}

#[test]
fn float_ops_match_cpython() {
    run_file("float_ops.txt", float_case);
}

#[test]
fn int_parsing_matches_cpython() {
    run_file("parse.txt", parse_case);
}

fn show_complex(z: Complex) -> String {
    format!("{} {}", show_float(z.re), show_float(z.im))
}

fn complex_arg(args: &[&str], index: usize) -> Complex {
    let parts: Vec<&str> = args[index].split(' ').collect();
    Complex::new(float_arg(parts[0]), float_arg(parts[1]))
}

fn text_case(op: &str, args: &[&str]) -> Option<Outcome> {
    let text = || unescape(args[0]);
    Some(match op {
        "float" => {
            show(float_parse::parse_float_str(&text(), || unescape(args[1])).map(show_float))
        }
        "complex" => show(complex::parse_complex(&text(), || unescape(args[1])).map(show_complex)),
        "hex" => show(Ok(float_hex::float_hex(float_arg(args[0])))),
        "fromhex" => show(float_hex::float_fromhex(&text()).map(show_float)),
        _ => return None,
    })
}

fn complex_case(op: &str, args: &[&str]) -> Option<Outcome> {
    let a = || complex_arg(args, 0);
    let show_z = |r: NumResult<Complex>| show(r.map(show_complex));
    Some(match op {
        "repr" => show(Ok(complex::complex_repr(a()))),
        "mul" => show_z(Ok(complex::mul(a(), complex_arg(args, 1)))),
        "div" => show_z(complex::div(a(), complex_arg(args, 1))),
        "mul_real" => show_z(Ok(complex::mul_real(a(), float_arg(args[1])))),
        "div_by_real" => show_z(complex::div_by_real(a(), float_arg(args[1]))),
        "real_div" => show_z(complex::real_div(float_arg(args[0]), complex_arg(args, 1))),
        "abs" => show(complex::abs(a()).map(show_float)),
        "hash" => show(Ok(
            hash::hash_complex(a().re, a().im, NO_ADDRESS).to_string()
        )),
        "pow" => show_z(complex::pow(a(), complex_arg(args, 1))),
        _ => return None,
    })
}

#[test]
fn float_text_matches_cpython() {
    run_file("float_text.txt", text_case);
}

#[test]
fn complex_matches_cpython() {
    run_file("complex.txt", complex_case);
}

fn format_case(op: &str, args: &[&str]) -> Option<Outcome> {
    let spec = unescape(args[1]);
    Some(match op {
        "float" => show(float_format::format_float(
            float_arg(args[0]),
            &spec,
            "float",
        )),
        "int" => show(int_format_spec::format_int(
            &int_arg(args[0]),
            &spec,
            "int",
            4300,
        )),
        _ => return None,
    })
}

#[test]
fn formatting_matches_cpython() {
    run_file("format.txt", format_case);
}

/// int <-> float: exact comparison, and arithmetic through `float(int)` (which raises
/// OverflowError for ints beyond the float range), as the VM does it.
fn mixed_case(op: &str, args: &[&str]) -> Option<Outcome> {
    let x = float_arg(args[0]);
    let a = int_arg(args[1]);
    if op == "cmp" {
        let text = match int_float::compare(x, &a) {
            None => "nan",
            Some(std::cmp::Ordering::Less) => "lt",
            Some(std::cmp::Ordering::Equal) => "eq",
            Some(std::cmp::Ordering::Greater) => "gt",
        };
        return Some(show(Ok(text.to_string())));
    }
    let result = int_float::to_f64(&a).and_then(|af| match op {
        "add" => Ok(af + x),
        "sub" => Ok(x - af),
        "mul" => Ok(af * x),
        "div_fi" => float_ops::true_div(x, af),
        "div_if" => float_ops::true_div(af, x),
        "floordiv" => float_ops::floor_div(x, af),
        "mod" => float_ops::modulo(af, x),
        _ => Ok(f64::NAN),
    });
    Some(show(result.map(show_float)))
}

#[test]
fn mixed_int_float_matches_cpython() {
    run_file("mixed.txt", mixed_case);
}
