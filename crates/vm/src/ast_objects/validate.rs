//! The checks CPython's `PyAST_Validate` (`Python/ast.c`) makes on a tree built from
//! node objects before compiling it: expression contexts, empty bodies and lists,
//! operand counts, reserved identifiers, position ranges. Walks the syntax crate's
//! generic tree, so each rule is written once for every node kind it concerns.

use adder_syntax::ast::{Constant, Mod, Range};
use adder_syntax::tree::AstValue;

use crate::error::PyResult;
use crate::vm::Vm;

/// Node kinds whose `body` may not be empty.
const NON_EMPTY_BODIES: &[&str] = &[
    "FunctionDef",
    "AsyncFunctionDef",
    "ClassDef",
    "For",
    "AsyncFor",
    "While",
    "If",
    "With",
    "AsyncWith",
    "Try",
    "TryStar",
    "ExceptHandler",
    "match_case",
];

/// Other list fields that may not be empty: (node kind, field).
const NON_EMPTY_LISTS: &[(&str, &str)] = &[
    ("Delete", "targets"),
    ("Assign", "targets"),
    ("With", "items"),
    ("AsyncWith", "items"),
    ("Match", "cases"),
    ("Import", "names"),
    ("ImportFrom", "names"),
    ("Global", "names"),
    ("Nonlocal", "names"),
];

/// Fields holding assignment targets, and the context their expressions must have.
const TARGET_FIELDS: &[(&str, &str, &str)] = &[
    ("Assign", "targets", "Store"),
    ("AugAssign", "target", "Store"),
    ("AnnAssign", "target", "Store"),
    ("For", "target", "Store"),
    ("AsyncFor", "target", "Store"),
    ("comprehension", "target", "Store"),
    ("withitem", "optional_vars", "Store"),
    ("NamedExpr", "target", "Store"),
    ("TypeAlias", "name", "Store"),
    ("Delete", "targets", "Del"),
];

/// Check `module` as CPython checks a tree given to `compile()`.
pub(super) fn module(vm: &Vm, module: &Mod) -> PyResult<()> {
    let tree = adder_syntax::tree::mod_tree(module);
    check(&tree, "Load").map_err(|message| vm.value_error(message))
}

/// Check `v`, an expression (or list of them) where context `ctx` is expected.
fn check(v: &AstValue, ctx: &'static str) -> Result<(), String> {
    match v {
        AstValue::List(items) => items.iter().try_for_each(|item| check(item, ctx)),
        AstValue::Node {
            name,
            fields,
            range,
        } => {
            if let Some(r) = range {
                check_range(r)?;
            }
            check_node(name, fields, ctx)?;
            for (field, value) in fields {
                check(value, child_context(name, field, ctx))?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// The context expected of the expressions in `field` of a `name` node found where
/// `ctx` is expected: targets are stored (or deleted), the elements of a stored tuple
/// are stored, everything else is loaded.
fn child_context(name: &str, field: &str, ctx: &'static str) -> &'static str {
    if let Some((_, _, target)) = TARGET_FIELDS
        .iter()
        .find(|(node, f, _)| *node == name && *f == field)
    {
        return target;
    }
    match (name, field) {
        ("List" | "Tuple", "elts") | ("Starred", "value") => ctx,
        _ => "Load",
    }
}

fn field<'t, 'a>(
    fields: &'t [(&'static str, AstValue<'a>)],
    name: &str,
) -> Option<&'t AstValue<'a>> {
    fields.iter().find(|(f, _)| *f == name).map(|(_, v)| v)
}

fn list_len(fields: &[(&'static str, AstValue)], name: &str) -> usize {
    match field(fields, name) {
        Some(AstValue::List(items)) => items.len(),
        _ => 0,
    }
}

fn node_name(v: Option<&AstValue>) -> &'static str {
    match v {
        Some(AstValue::Node { name, .. }) => name,
        _ => "",
    }
}

fn check_node(name: &str, fields: &[(&'static str, AstValue)], ctx: &str) -> Result<(), String> {
    if NON_EMPTY_BODIES.contains(&name) && list_len(fields, "body") == 0 {
        return Err(format!("empty body on {name}"));
    }
    for (node, list) in NON_EMPTY_LISTS {
        if *node == name && list_len(fields, list) == 0 {
            return Err(format!("empty {list} on {name}"));
        }
    }
    if let Some(actual) = field(fields, "ctx").map(Some).map(node_name) {
        if actual != ctx {
            return Err(format!(
                "expression must have {ctx} context but has {actual} instead"
            ));
        }
    } else if ctx != "Load" && is_expression(name) {
        return Err(format!(
            "expression which can't be assigned to in {ctx} context"
        ));
    }
    match name {
        "Name" => {
            if let Some(AstValue::Str(id @ ("None" | "True" | "False"))) = field(fields, "id") {
                return Err(format!("identifier field can't represent '{id}' constant"));
            }
        }
        "Try" | "TryStar" => {
            let handlers = list_len(fields, "handlers");
            if handlers == 0 && list_len(fields, "finalbody") == 0 {
                return Err(format!("{name} has neither except handlers nor finalbody"));
            }
            if handlers == 0 && list_len(fields, "orelse") != 0 {
                return Err(format!("{name} has orelse but no except handlers"));
            }
        }
        "Compare" => {
            let comparators = list_len(fields, "comparators");
            if comparators == 0 {
                return Err("Compare with no comparators".into());
            }
            if comparators != list_len(fields, "ops") {
                return Err("Compare has a different number of comparators and operands".into());
            }
        }
        "MatchSingleton"
            if !matches!(
                field(fields, "value"),
                Some(AstValue::Constant(Constant::None | Constant::Bool(_)))
            ) =>
        {
            return Err("MatchSingleton can only contain True, False and None".into());
        }
        "MatchValue" => check_literal_pattern(field(fields, "value"))?,
        "BoolOp" if list_len(fields, "values") < 2 => {
            return Err("BoolOp with less than 2 values".into());
        }
        "Dict" if list_len(fields, "keys") != list_len(fields, "values") => {
            return Err("Dict doesn't have the same number of keys as values".into());
        }
        "ListComp" | "SetComp" | "DictComp" | "GeneratorExp"
            if list_len(fields, "generators") == 0 =>
        {
            return Err("comprehension with no generators".into());
        }
        "arguments" => {
            let positional = list_len(fields, "posonlyargs") + list_len(fields, "args");
            if list_len(fields, "defaults") > positional {
                return Err("more positional defaults than args on arguments".into());
            }
            if list_len(fields, "kw_defaults") != list_len(fields, "kwonlyargs") {
                return Err(
                    "length of kwonlyargs is not the same as kw_defaults on arguments".into(),
                );
            }
        }
        _ => {}
    }
    Ok(())
}

/// A `MatchValue` constant must be a number, str or bytes: None, True and False
/// belong in `MatchSingleton`, and Ellipsis, tuples and frozensets match nothing.
/// (The other expression kinds CPython's `validate_pattern_match_value` refuses
/// are not checked here.)
fn check_literal_pattern(value: Option<&AstValue>) -> Result<(), String> {
    let Some(AstValue::Node {
        name: "Constant",
        fields,
        ..
    }) = value
    else {
        return Ok(());
    };
    match field(fields, "value") {
        Some(AstValue::Constant(
            Constant::Int(_)
            | Constant::Float(_)
            | Constant::Complex { .. }
            | Constant::Str(_)
            | Constant::SurrogateStr(_)
            | Constant::Bytes(_),
        )) => Ok(()),
        _ => Err("unexpected constant inside of a literal pattern".into()),
    }
}

/// Whether node kind `name` is an expression (the kinds with positions that are not
/// statements or other node families).
fn is_expression(name: &str) -> bool {
    super::classes::node_specs().any(|spec| spec.name == name && spec.base == "expr")
}

/// CPython's position checks (`validate_positions`).
fn check_range(r: &Range) -> Result<(), String> {
    if r.lineno > r.end_lineno {
        return Err(format!(
            "AST node line range ({}, {}) is not valid",
            r.lineno, r.end_lineno
        ));
    }
    if r.lineno == r.end_lineno && r.col_offset > r.end_col_offset {
        return Err(format!(
            "line {}, column {}-{} is not a valid range",
            r.lineno, r.col_offset, r.end_col_offset
        ));
    }
    Ok(())
}
