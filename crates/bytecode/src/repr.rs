//! Python `repr()` of compile-time constants, as `dis` prints them in its argument column.
//!
//! Only what constants need: str, bytes, int, float, complex, tuple, frozenset, slice and
//! code objects. Code objects are shown with the address of the `CodeObject` itself, which
//! differs from CPython's object ids (tests normalise `at 0x...`).

use adder_syntax::repr::{bytes_repr, complex_repr, float_repr, str_repr, str_repr_code_points};

use crate::code::CodeObject;
use crate::constant::Constant;

/// `repr(value)` for a constant.
pub fn constant_repr(value: &Constant) -> String {
    match value {
        Constant::None => "None".to_string(),
        Constant::Bool(true) => "True".to_string(),
        Constant::Bool(false) => "False".to_string(),
        Constant::Ellipsis => "Ellipsis".to_string(),
        Constant::Int(i) => i.to_string(),
        Constant::Float(f) => float_repr(*f),
        Constant::Complex { real, imag } => complex_repr(*real, *imag),
        Constant::Str(s) => str_repr(s),
        Constant::SurrogateStr(points) => str_repr_code_points(points.iter().copied()),
        Constant::Bytes(b) => bytes_repr(b),
        Constant::Tuple(items) => match items.len() {
            1 => format!("({},)", constant_repr(&items[0])),
            _ => format!("({})", join_reprs(items)),
        },
        Constant::FrozenSet(items) if items.is_empty() => "frozenset()".to_string(),
        Constant::FrozenSet(items) => format!(
            "frozenset({{{}}})",
            join_reprs(&crate::frozenset_order::iteration_order(items))
        ),
        Constant::Code(code) => code_repr(code),
        Constant::Slice(parts) => format!("slice({})", join_reprs(&parts[..])),
    }
}

fn join_reprs(items: &[Constant]) -> String {
    items
        .iter()
        .map(constant_repr)
        .collect::<Vec<_>>()
        .join(", ")
}

/// `<code object NAME at 0x..., file "F", line N>`.
pub fn code_repr(code: &CodeObject) -> String {
    format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        code.name, code as *const CodeObject as usize, code.filename, code.firstlineno
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected strings printed by the reference interpreter (`repr(...)`).
    #[test]
    fn reprs_match_the_reference() {
        assert_eq!(complex_repr(0.0, 1.0), "1j");
        assert_eq!(complex_repr(1.0, -2.5), "(1-2.5j)");
        assert_eq!(complex_repr(-0.0, 0.0), "(-0+0j)");
        assert_eq!(complex_repr(0.0, 1e16), "1e+16j");
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("a\n\x00'\""), "'a\\n\\x00\\'\"'");
        assert_eq!(str_repr("\u{200b}\u{ad}\u{e9}"), "'\\u200b\\xad\u{e9}'");
        assert_eq!(bytes_repr(b"x\xff'"), "b\"x\\xff'\"");
    }
}
