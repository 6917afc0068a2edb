//! `ast.dump(node, include_attributes=..., indent=...)` as CPython 3.14 prints it
//! (the output of `python -m ast`): None-valued optional fields and empty lists are
//! omitted, nodes with at most three simple fields stay on one line.

use crate::ast::*;
use crate::repr::{bytes_repr, complex_repr, float_repr, str_repr, str_repr_code_points};
use crate::tree::{mod_tree, mod_tree_checked, AstValue};

/// Deepest nesting of `ast.dump`'s recursive `_format` that `python -m ast` reaches
/// under the default recursion limit (1000, less the frames below it); one level
/// deeper raises RecursionError. Measured on the reference: `-` * 989 + `a` dumps,
/// `-` * 990 + `a` does not.
const CPYTHON_DUMP_DEPTH: usize = 994;

/// Dump a module (or any root) like `ast.dump`. The recursion follows the tree's
/// depth: for untrusted input use [`ast_dump_checked`].
pub fn ast_dump(module: &Mod, include_attributes: bool, indent: Option<usize>) -> String {
    dump_with_limit(module, include_attributes, indent, usize::MAX).unwrap_or_default()
}

/// `python -m ast`'s dump, or `None` where CPython's `ast.dump` raises RecursionError
/// (a tree nested deeper than `CPYTHON_DUMP_DEPTH`). Also keeps deep trees from
/// overflowing the Rust stack and from the quadratic indentation of their dump.
pub fn ast_dump_checked(
    module: &Mod,
    include_attributes: bool,
    indent: Option<usize>,
) -> Option<String> {
    dump_with_limit(module, include_attributes, indent, CPYTHON_DUMP_DEPTH)
}

fn dump_with_limit(
    module: &Mod,
    include_attributes: bool,
    indent: Option<usize>,
    max_depth: usize,
) -> Option<String> {
    let value = if max_depth == usize::MAX {
        mod_tree(module)
    } else {
        mod_tree_checked(module)?
    };
    let indent = indent.map(|n| " ".repeat(n));
    let mut out = String::new();
    let dumper = Dumper {
        attrs: include_attributes,
        indent: indent.as_deref(),
        max_depth,
    };
    dumper.format_value(&value, 0, &mut out)?;
    Some(out)
}

struct Dumper<'a> {
    attrs: bool,
    indent: Option<&'a str>,
    max_depth: usize,
}

impl Dumper<'_> {
    /// Formats `v` into `out`; returns whether it was "simple" (CPython's flag), or
    /// `None` past `max_depth`.
    fn format_value(&self, v: &AstValue, level: usize, out: &mut String) -> Option<bool> {
        let level = level + 1;
        if level > self.max_depth {
            return None;
        }
        let (attrs, indent) = (self.attrs, self.indent);
        let (prefix, sep) = match indent {
            Some(ind) => (
                format!("\n{}", ind.repeat(level)),
                format!(",\n{}", ind.repeat(level)),
            ),
            None => (String::new(), ", ".to_string()),
        };
        match v {
            AstValue::Node {
                name,
                fields,
                range,
            } => {
                let mut args: Vec<String> = Vec::new();
                let mut allsimple = true;
                for (fname, fv) in fields {
                    match fv {
                        AstValue::Absent => continue,
                        AstValue::List(items) if items.is_empty() => continue,
                        _ => {}
                    }
                    let mut s = String::new();
                    allsimple &= self.format_value(fv, level, &mut s)?;
                    args.push(format!("{fname}={s}"));
                }
                if attrs {
                    if let Some(r) = range {
                        args.push(format!("lineno={}", r.lineno));
                        args.push(format!("col_offset={}", r.col_offset));
                        args.push(format!("end_lineno={}", r.end_lineno));
                        args.push(format!("end_col_offset={}", r.end_col_offset));
                    }
                }
                if allsimple && args.len() <= 3 {
                    out.push_str(name);
                    out.push('(');
                    out.push_str(&args.join(", "));
                    out.push(')');
                    return Some(args.is_empty());
                }
                out.push_str(name);
                out.push('(');
                out.push_str(&prefix);
                out.push_str(&args.join(&sep));
                out.push(')');
                Some(false)
            }
            AstValue::List(items) => {
                if items.is_empty() {
                    out.push_str("[]");
                    return Some(true);
                }
                out.push('[');
                out.push_str(&prefix);
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(&sep);
                    }
                    self.format_value(item, level, out)?;
                }
                out.push(']');
                Some(false)
            }
            AstValue::Str(s) => {
                out.push_str(&str_repr(s));
                Some(true)
            }
            AstValue::Int(n) => {
                out.push_str(&n.to_string());
                Some(true)
            }
            AstValue::Constant(c) => {
                out.push_str(&constant_repr(c));
                Some(true)
            }
            AstValue::Absent => {
                out.push_str("None");
                Some(true)
            }
        }
    }
}

pub fn constant_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".to_string(),
        Constant::Bool(true) => "True".to_string(),
        Constant::Bool(false) => "False".to_string(),
        Constant::Ellipsis => "Ellipsis".to_string(),
        Constant::Int(i) => i.to_string(),
        Constant::Float(f) => float_repr(*f),
        Constant::Complex { real, imag } => complex_repr(*real, *imag),
        Constant::Str(s) => str_repr(s),
        Constant::SurrogateStr(cps) => str_repr_code_points(cps.iter().copied()),
        Constant::Bytes(b) => bytes_repr(b),
        Constant::Tuple(items) if items.len() == 1 => format!("({},)", items_repr(items)),
        Constant::Tuple(items) => format!("({})", items_repr(items)),
        Constant::FrozenSet(items) if items.is_empty() => "frozenset()".to_string(),
        Constant::FrozenSet(items) => format!("frozenset({{{}}})", items_repr(items)),
    }
}

/// The comma-separated reprs of a container constant's items.
fn items_repr(items: &[Constant]) -> String {
    items
        .iter()
        .map(constant_repr)
        .collect::<Vec<_>>()
        .join(", ")
}
