//! `ast.dump(node, include_attributes=..., indent=...)` as CPython 3.14 prints it
//! (the output of `python -m ast`): None-valued optional fields and empty lists are
//! omitted, nodes with at most three simple fields stay on one line.

use crate::ast::*;
use crate::repr::{bytes_repr, complex_repr, float_repr, str_repr, str_repr_code_points};
use crate::tree::{mod_tree, AstValue};

/// Dump a module (or any root) like `ast.dump`.
pub fn ast_dump(module: &Mod, include_attributes: bool, indent: Option<usize>) -> String {
    let value = mod_tree(module);
    let indent = indent.map(|n| " ".repeat(n));
    let mut out = String::new();
    format_value(&value, 0, include_attributes, indent.as_deref(), &mut out);
    out
}

/// Formats `v` into `out`; returns whether it was "simple" (CPython's flag).
fn format_value(
    v: &AstValue,
    level: usize,
    attrs: bool,
    indent: Option<&str>,
    out: &mut String,
) -> bool {
    let level = level + 1;
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
                allsimple &= format_value(fv, level, attrs, indent, &mut s);
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
                return args.is_empty();
            }
            out.push_str(name);
            out.push('(');
            out.push_str(&prefix);
            out.push_str(&args.join(&sep));
            out.push(')');
            false
        }
        AstValue::List(items) => {
            if items.is_empty() {
                out.push_str("[]");
                return true;
            }
            out.push('[');
            out.push_str(&prefix);
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(&sep);
                }
                format_value(item, level, attrs, indent, out);
            }
            out.push(']');
            false
        }
        AstValue::Str(s) => {
            out.push_str(&str_repr(s));
            true
        }
        AstValue::Int(n) => {
            out.push_str(&n.to_string());
            true
        }
        AstValue::Constant(c) => {
            out.push_str(&constant_repr(c));
            true
        }
        AstValue::Absent => {
            out.push_str("None");
            true
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
    }
}
