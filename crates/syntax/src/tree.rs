//! The AST as a generic tree of named nodes, fields and leaves, in CPython's field
//! order: what `ast.dump` formats and what the VM turns into `_ast` node objects.
//! One description of every node kind, so the two cannot disagree.

use crate::ast::*;

/// A node, a list or a leaf of the tree.
#[derive(Debug)]
pub enum AstValue<'a> {
    /// An AST node: its class name, its `_fields` in order with their values, and
    /// its position (`_attributes`) when it has one.
    Node {
        name: &'static str,
        fields: Vec<(&'static str, AstValue<'a>)>,
        range: Option<Range>,
    },
    List(Vec<AstValue<'a>>),
    /// An identifier or string field.
    Str(&'a str),
    /// An int field (`level`, `simple`, `is_async`, `conversion`, `lineno`).
    Int(i64),
    /// `Constant.value` and `MatchSingleton.value`.
    Constant(&'a Constant),
    /// None: an absent optional field, or a None item of a list (`kw_defaults`).
    Absent,
}

fn node<'a>(
    name: &'static str,
    fields: Vec<(&'static str, AstValue<'a>)>,
    range: Option<Range>,
) -> AstValue<'a> {
    AstValue::Node {
        name,
        fields,
        range,
    }
}

fn plain<'a>(name: &'static str) -> AstValue<'a> {
    node(name, Vec::new(), None)
}

fn list<'a, T>(items: &'a [T], f: impl Fn(&'a T) -> AstValue<'a>) -> AstValue<'a> {
    AstValue::List(items.iter().map(f).collect())
}

fn opt_expr(e: &Option<Box<Expr>>) -> AstValue<'_> {
    e.as_deref().map_or(AstValue::Absent, expr_value)
}

fn opt_str(s: &Option<String>) -> AstValue<'_> {
    s.as_deref().map_or(AstValue::Absent, AstValue::Str)
}

fn string(s: &str) -> AstValue<'_> {
    AstValue::Str(s)
}

fn int<'a>(n: i64) -> AstValue<'a> {
    AstValue::Int(n)
}

fn strs(items: &[String]) -> AstValue<'_> {
    list(items, |s| string(s))
}

/// Deepest expression nesting converted; deeper subtrees become `Absent` and mark the
/// conversion as failed (see `mod_tree_checked`). The parser caps each operator chain
/// at 20,000 links but chains nested in parentheses multiply, and this recursion must
/// not overflow the stack. As the compiler's limit: CPython also refuses (with
/// RecursionError) trees it cannot compile.
const MAX_EXPR_DEPTH: usize = 30_000;

thread_local! {
    /// Current expression nesting of the conversion on this thread.
    static EXPR_DEPTH: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    /// Whether the conversion in progress met an expression nested too deeply.
    static TOO_DEEP: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The tree of `m`, or `None` when its expressions nest deeper than
/// `MAX_EXPR_DEPTH` (where CPython raises RecursionError).
pub fn mod_tree_checked(m: &Mod) -> Option<AstValue<'_>> {
    TOO_DEEP.with(|flag| flag.set(false));
    let tree = mod_tree(m);
    if TOO_DEEP.with(|flag| flag.replace(false)) {
        None
    } else {
        Some(tree)
    }
}

/// The tree of `m`. Expressions nested deeper than `MAX_EXPR_DEPTH` are cut off
/// (as `Absent`): use `mod_tree_checked` to learn about that.
pub fn mod_tree(m: &Mod) -> AstValue<'_> {
    match m {
        Mod::Module { body, type_ignores } => node(
            "Module",
            vec![
                ("body", stmts(body)),
                ("type_ignores", list(type_ignores, type_ignore_value)),
            ],
            None,
        ),
        Mod::Interactive { body } => node("Interactive", vec![("body", stmts(body))], None),
        Mod::Expression { body } => node("Expression", vec![("body", expr_value(body))], None),
        Mod::FunctionType { argtypes, returns } => node(
            "FunctionType",
            vec![
                ("argtypes", exprs(argtypes)),
                ("returns", expr_value(returns)),
            ],
            None,
        ),
    }
}

fn type_ignore_value(t: &TypeIgnore) -> AstValue<'_> {
    let TypeIgnore::TypeIgnore { lineno, tag } = t;
    node(
        "TypeIgnore",
        vec![("lineno", int(*lineno as i64)), ("tag", string(tag))],
        None,
    )
}

fn stmts(body: &[Stmt]) -> AstValue<'_> {
    list(body, stmt_value)
}

fn exprs(items: &[Expr]) -> AstValue<'_> {
    list(items, expr_value)
}

fn stmt_value(s: &Stmt) -> AstValue<'_> {
    let r = Some(s.range());
    match s {
        Stmt::FunctionDef {
            name,
            args,
            body,
            decorator_list,
            returns,
            type_comment,
            type_params,
            ..
        }
        | Stmt::AsyncFunctionDef {
            name,
            args,
            body,
            decorator_list,
            returns,
            type_comment,
            type_params,
            ..
        } => node(
            if matches!(s, Stmt::FunctionDef { .. }) {
                "FunctionDef"
            } else {
                "AsyncFunctionDef"
            },
            vec![
                ("name", string(name)),
                ("args", arguments_value(args)),
                ("body", stmts(body)),
                ("decorator_list", exprs(decorator_list)),
                ("returns", opt_expr(returns)),
                ("type_comment", opt_str(type_comment)),
                ("type_params", list(type_params, type_param_value)),
            ],
            r,
        ),
        Stmt::ClassDef {
            name,
            bases,
            keywords,
            body,
            decorator_list,
            type_params,
            ..
        } => node(
            "ClassDef",
            vec![
                ("name", string(name)),
                ("bases", exprs(bases)),
                ("keywords", list(keywords, keyword_value)),
                ("body", stmts(body)),
                ("decorator_list", exprs(decorator_list)),
                ("type_params", list(type_params, type_param_value)),
            ],
            r,
        ),
        Stmt::Return { value, .. } => node("Return", vec![("value", opt_expr(value))], r),
        Stmt::Delete { targets, .. } => node("Delete", vec![("targets", exprs(targets))], r),
        Stmt::Assign {
            targets,
            value,
            type_comment,
            ..
        } => node(
            "Assign",
            vec![
                ("targets", exprs(targets)),
                ("value", expr_value(value)),
                ("type_comment", opt_str(type_comment)),
            ],
            r,
        ),
        Stmt::TypeAlias {
            name,
            type_params,
            value,
            ..
        } => node(
            "TypeAlias",
            vec![
                ("name", expr_value(name)),
                ("type_params", list(type_params, type_param_value)),
                ("value", expr_value(value)),
            ],
            r,
        ),
        Stmt::AugAssign {
            target, op, value, ..
        } => node(
            "AugAssign",
            vec![
                ("target", expr_value(target)),
                ("op", plain(operator_name(*op))),
                ("value", expr_value(value)),
            ],
            r,
        ),
        Stmt::AnnAssign {
            target,
            annotation,
            value,
            simple,
            ..
        } => node(
            "AnnAssign",
            vec![
                ("target", expr_value(target)),
                ("annotation", expr_value(annotation)),
                ("value", opt_expr(value)),
                ("simple", int(i64::from(*simple))),
            ],
            r,
        ),
        Stmt::For {
            target,
            iter,
            body,
            orelse,
            type_comment,
            ..
        }
        | Stmt::AsyncFor {
            target,
            iter,
            body,
            orelse,
            type_comment,
            ..
        } => node(
            if matches!(s, Stmt::For { .. }) {
                "For"
            } else {
                "AsyncFor"
            },
            vec![
                ("target", expr_value(target)),
                ("iter", expr_value(iter)),
                ("body", stmts(body)),
                ("orelse", stmts(orelse)),
                ("type_comment", opt_str(type_comment)),
            ],
            r,
        ),
        Stmt::While {
            test, body, orelse, ..
        }
        | Stmt::If {
            test, body, orelse, ..
        } => node(
            if matches!(s, Stmt::While { .. }) {
                "While"
            } else {
                "If"
            },
            vec![
                ("test", expr_value(test)),
                ("body", stmts(body)),
                ("orelse", stmts(orelse)),
            ],
            r,
        ),
        Stmt::With {
            items,
            body,
            type_comment,
            ..
        }
        | Stmt::AsyncWith {
            items,
            body,
            type_comment,
            ..
        } => node(
            if matches!(s, Stmt::With { .. }) {
                "With"
            } else {
                "AsyncWith"
            },
            vec![
                ("items", list(items, withitem_value)),
                ("body", stmts(body)),
                ("type_comment", opt_str(type_comment)),
            ],
            r,
        ),
        Stmt::Match { subject, cases, .. } => node(
            "Match",
            vec![
                ("subject", expr_value(subject)),
                ("cases", list(cases, match_case_value)),
            ],
            r,
        ),
        Stmt::Raise { exc, cause, .. } => node(
            "Raise",
            vec![("exc", opt_expr(exc)), ("cause", opt_expr(cause))],
            r,
        ),
        Stmt::Try {
            body,
            handlers,
            orelse,
            finalbody,
            ..
        }
        | Stmt::TryStar {
            body,
            handlers,
            orelse,
            finalbody,
            ..
        } => node(
            if matches!(s, Stmt::Try { .. }) {
                "Try"
            } else {
                "TryStar"
            },
            vec![
                ("body", stmts(body)),
                ("handlers", list(handlers, handler_value)),
                ("orelse", stmts(orelse)),
                ("finalbody", stmts(finalbody)),
            ],
            r,
        ),
        Stmt::Assert { test, msg, .. } => node(
            "Assert",
            vec![("test", expr_value(test)), ("msg", opt_expr(msg))],
            r,
        ),
        Stmt::Import { names, .. } => node("Import", vec![("names", list(names, alias_value))], r),
        Stmt::ImportFrom {
            module,
            names,
            level,
            ..
        } => node(
            "ImportFrom",
            vec![
                ("module", opt_str(module)),
                ("names", list(names, alias_value)),
                ("level", int(*level as i64)),
            ],
            r,
        ),
        Stmt::Global { names, .. } => node("Global", vec![("names", strs(names))], r),
        Stmt::Nonlocal { names, .. } => node("Nonlocal", vec![("names", strs(names))], r),
        Stmt::Expr { value, .. } => node("Expr", vec![("value", expr_value(value))], r),
        Stmt::Pass { .. } => node("Pass", Vec::new(), r),
        Stmt::Break { .. } => node("Break", Vec::new(), r),
        Stmt::Continue { .. } => node("Continue", Vec::new(), r),
    }
}

fn ctx_value<'a>(ctx: ExprContext) -> AstValue<'a> {
    plain(match ctx {
        ExprContext::Load => "Load",
        ExprContext::Store => "Store",
        ExprContext::Del => "Del",
    })
}

fn operator_name(op: Operator) -> &'static str {
    match op {
        Operator::Add => "Add",
        Operator::Sub => "Sub",
        Operator::Mult => "Mult",
        Operator::MatMult => "MatMult",
        Operator::Div => "Div",
        Operator::Mod => "Mod",
        Operator::Pow => "Pow",
        Operator::LShift => "LShift",
        Operator::RShift => "RShift",
        Operator::BitOr => "BitOr",
        Operator::BitXor => "BitXor",
        Operator::BitAnd => "BitAnd",
        Operator::FloorDiv => "FloorDiv",
    }
}

fn cmpop_name(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "Eq",
        CmpOp::NotEq => "NotEq",
        CmpOp::Lt => "Lt",
        CmpOp::LtE => "LtE",
        CmpOp::Gt => "Gt",
        CmpOp::GtE => "GtE",
        CmpOp::Is => "Is",
        CmpOp::IsNot => "IsNot",
        CmpOp::In => "In",
        CmpOp::NotIn => "NotIn",
    }
}

/// `repr()` of a constant value.
fn expr_value(e: &Expr) -> AstValue<'_> {
    let depth = EXPR_DEPTH.with(|d| d.get());
    if depth >= MAX_EXPR_DEPTH {
        TOO_DEEP.with(|flag| flag.set(true));
        return AstValue::Absent;
    }
    EXPR_DEPTH.with(|d| d.set(depth + 1));
    let value = expr_value_inner(e);
    EXPR_DEPTH.with(|d| d.set(depth));
    value
}

fn expr_value_inner(e: &Expr) -> AstValue<'_> {
    let r = Some(e.range());
    match e {
        Expr::BoolOp { op, values, .. } => node(
            "BoolOp",
            vec![
                ("op", plain(if *op == BoolOp::And { "And" } else { "Or" })),
                ("values", exprs(values)),
            ],
            r,
        ),
        Expr::NamedExpr { target, value, .. } => node(
            "NamedExpr",
            vec![("target", expr_value(target)), ("value", expr_value(value))],
            r,
        ),
        Expr::BinOp {
            left, op, right, ..
        } => node(
            "BinOp",
            vec![
                ("left", expr_value(left)),
                ("op", plain(operator_name(*op))),
                ("right", expr_value(right)),
            ],
            r,
        ),
        Expr::UnaryOp { op, operand, .. } => node(
            "UnaryOp",
            vec![
                (
                    "op",
                    plain(match op {
                        UnaryOp::Invert => "Invert",
                        UnaryOp::Not => "Not",
                        UnaryOp::UAdd => "UAdd",
                        UnaryOp::USub => "USub",
                    }),
                ),
                ("operand", expr_value(operand)),
            ],
            r,
        ),
        Expr::Lambda { args, body, .. } => node(
            "Lambda",
            vec![("args", arguments_value(args)), ("body", expr_value(body))],
            r,
        ),
        Expr::IfExp {
            test, body, orelse, ..
        } => node(
            "IfExp",
            vec![
                ("test", expr_value(test)),
                ("body", expr_value(body)),
                ("orelse", expr_value(orelse)),
            ],
            r,
        ),
        Expr::Dict { keys, values, .. } => node(
            "Dict",
            vec![
                (
                    "keys",
                    list(keys, |k| k.as_ref().map_or(AstValue::Absent, expr_value)),
                ),
                ("values", exprs(values)),
            ],
            r,
        ),
        Expr::Set { elts, .. } => node("Set", vec![("elts", exprs(elts))], r),
        Expr::ListComp {
            elt, generators, ..
        }
        | Expr::SetComp {
            elt, generators, ..
        }
        | Expr::GeneratorExp {
            elt, generators, ..
        } => node(
            match e {
                Expr::ListComp { .. } => "ListComp",
                Expr::SetComp { .. } => "SetComp",
                _ => "GeneratorExp",
            },
            vec![
                ("elt", expr_value(elt)),
                ("generators", list(generators, comprehension_value)),
            ],
            r,
        ),
        Expr::DictComp {
            key,
            value,
            generators,
            ..
        } => node(
            "DictComp",
            vec![
                ("key", expr_value(key)),
                ("value", expr_value(value)),
                ("generators", list(generators, comprehension_value)),
            ],
            r,
        ),
        Expr::Await { value, .. } => node("Await", vec![("value", expr_value(value))], r),
        Expr::Yield { value, .. } => node("Yield", vec![("value", opt_expr(value))], r),
        Expr::YieldFrom { value, .. } => node("YieldFrom", vec![("value", expr_value(value))], r),
        Expr::Compare {
            left,
            ops,
            comparators,
            ..
        } => node(
            "Compare",
            vec![
                ("left", expr_value(left)),
                ("ops", list(ops, |op| plain(cmpop_name(*op)))),
                ("comparators", exprs(comparators)),
            ],
            r,
        ),
        Expr::Call {
            func,
            args,
            keywords,
            ..
        } => node(
            "Call",
            vec![
                ("func", expr_value(func)),
                ("args", exprs(args)),
                ("keywords", list(keywords, keyword_value)),
            ],
            r,
        ),
        Expr::FormattedValue {
            value,
            conversion,
            format_spec,
            ..
        } => node(
            "FormattedValue",
            vec![
                ("value", expr_value(value)),
                ("conversion", int(i64::from(*conversion))),
                ("format_spec", opt_expr(format_spec)),
            ],
            r,
        ),
        Expr::Interpolation {
            value,
            str,
            conversion,
            format_spec,
            ..
        } => node(
            "Interpolation",
            vec![
                ("value", expr_value(value)),
                ("str", string(str)),
                ("conversion", int(i64::from(*conversion))),
                ("format_spec", opt_expr(format_spec)),
            ],
            r,
        ),
        Expr::JoinedStr { values, .. } => node("JoinedStr", vec![("values", exprs(values))], r),
        Expr::TemplateStr { values, .. } => node("TemplateStr", vec![("values", exprs(values))], r),
        Expr::Constant { value, kind, .. } => node(
            "Constant",
            vec![
                ("value", AstValue::Constant(value)),
                ("kind", opt_str(kind)),
            ],
            r,
        ),
        Expr::Attribute {
            value, attr, ctx, ..
        } => node(
            "Attribute",
            vec![
                ("value", expr_value(value)),
                ("attr", string(attr)),
                ("ctx", ctx_value(*ctx)),
            ],
            r,
        ),
        Expr::Subscript {
            value, slice, ctx, ..
        } => node(
            "Subscript",
            vec![
                ("value", expr_value(value)),
                ("slice", expr_value(slice)),
                ("ctx", ctx_value(*ctx)),
            ],
            r,
        ),
        Expr::Starred { value, ctx, .. } => node(
            "Starred",
            vec![("value", expr_value(value)), ("ctx", ctx_value(*ctx))],
            r,
        ),
        Expr::Name { id, ctx, .. } => node(
            "Name",
            vec![("id", string(id)), ("ctx", ctx_value(*ctx))],
            r,
        ),
        Expr::List { elts, ctx, .. } => node(
            "List",
            vec![("elts", exprs(elts)), ("ctx", ctx_value(*ctx))],
            r,
        ),
        Expr::Tuple { elts, ctx, .. } => node(
            "Tuple",
            vec![("elts", exprs(elts)), ("ctx", ctx_value(*ctx))],
            r,
        ),
        Expr::Slice {
            lower, upper, step, ..
        } => node(
            "Slice",
            vec![
                ("lower", opt_expr(lower)),
                ("upper", opt_expr(upper)),
                ("step", opt_expr(step)),
            ],
            r,
        ),
    }
}

fn comprehension_value(c: &Comprehension) -> AstValue<'_> {
    node(
        "comprehension",
        vec![
            ("target", expr_value(&c.target)),
            ("iter", expr_value(&c.iter)),
            ("ifs", exprs(&c.ifs)),
            ("is_async", int(i64::from(c.is_async))),
        ],
        None,
    )
}

fn handler_value(h: &ExceptHandler) -> AstValue<'_> {
    let ExceptHandler::ExceptHandler {
        r#type,
        name,
        body,
        range,
    } = h;
    node(
        "ExceptHandler",
        vec![
            ("type", opt_expr(r#type)),
            ("name", opt_str(name)),
            ("body", stmts(body)),
        ],
        Some(*range),
    )
}

fn arguments_value(a: &Arguments) -> AstValue<'_> {
    node(
        "arguments",
        vec![
            ("posonlyargs", list(&a.posonlyargs, arg_value)),
            ("args", list(&a.args, arg_value)),
            (
                "vararg",
                a.vararg.as_deref().map_or(AstValue::Absent, arg_value),
            ),
            ("kwonlyargs", list(&a.kwonlyargs, arg_value)),
            (
                "kw_defaults",
                list(&a.kw_defaults, |d| {
                    d.as_ref().map_or(AstValue::Absent, expr_value)
                }),
            ),
            (
                "kwarg",
                a.kwarg.as_deref().map_or(AstValue::Absent, arg_value),
            ),
            ("defaults", exprs(&a.defaults)),
        ],
        None,
    )
}

fn arg_value(a: &Arg) -> AstValue<'_> {
    node(
        "arg",
        vec![
            ("arg", string(&a.arg)),
            ("annotation", opt_expr(&a.annotation)),
            ("type_comment", opt_str(&a.type_comment)),
        ],
        Some(a.range),
    )
}

fn keyword_value(k: &Keyword) -> AstValue<'_> {
    node(
        "keyword",
        vec![("arg", opt_str(&k.arg)), ("value", expr_value(&k.value))],
        Some(k.range),
    )
}

fn alias_value(a: &Alias) -> AstValue<'_> {
    node(
        "alias",
        vec![("name", string(&a.name)), ("asname", opt_str(&a.asname))],
        Some(a.range),
    )
}

fn withitem_value(w: &WithItem) -> AstValue<'_> {
    node(
        "withitem",
        vec![
            ("context_expr", expr_value(&w.context_expr)),
            ("optional_vars", opt_expr(&w.optional_vars)),
        ],
        None,
    )
}

fn match_case_value(c: &MatchCase) -> AstValue<'_> {
    node(
        "match_case",
        vec![
            ("pattern", pattern_value(&c.pattern)),
            ("guard", opt_expr(&c.guard)),
            ("body", stmts(&c.body)),
        ],
        None,
    )
}

fn pattern_value(p: &Pattern) -> AstValue<'_> {
    let r = Some(p.range());
    match p {
        Pattern::MatchValue { value, .. } => {
            node("MatchValue", vec![("value", expr_value(value))], r)
        }
        Pattern::MatchSingleton { value, .. } => node(
            "MatchSingleton",
            vec![("value", AstValue::Constant(value))],
            r,
        ),
        Pattern::MatchSequence { patterns, .. } => node(
            "MatchSequence",
            vec![("patterns", list(patterns, pattern_value))],
            r,
        ),
        Pattern::MatchMapping {
            keys,
            patterns,
            rest,
            ..
        } => node(
            "MatchMapping",
            vec![
                ("keys", exprs(keys)),
                ("patterns", list(patterns, pattern_value)),
                ("rest", opt_str(rest)),
            ],
            r,
        ),
        Pattern::MatchClass {
            cls,
            patterns,
            kwd_attrs,
            kwd_patterns,
            ..
        } => node(
            "MatchClass",
            vec![
                ("cls", expr_value(cls)),
                ("patterns", list(patterns, pattern_value)),
                ("kwd_attrs", strs(kwd_attrs)),
                ("kwd_patterns", list(kwd_patterns, pattern_value)),
            ],
            r,
        ),
        Pattern::MatchStar { name, .. } => node("MatchStar", vec![("name", opt_str(name))], r),
        Pattern::MatchAs { pattern, name, .. } => node(
            "MatchAs",
            vec![
                (
                    "pattern",
                    pattern.as_deref().map_or(AstValue::Absent, pattern_value),
                ),
                ("name", opt_str(name)),
            ],
            r,
        ),
        Pattern::MatchOr { patterns, .. } => node(
            "MatchOr",
            vec![("patterns", list(patterns, pattern_value))],
            r,
        ),
    }
}

fn type_param_value(t: &TypeParam) -> AstValue<'_> {
    let r = Some(t.range());
    match t {
        TypeParam::TypeVar {
            name,
            bound,
            default_value,
            ..
        } => node(
            "TypeVar",
            vec![
                ("name", string(name)),
                ("bound", opt_expr(bound)),
                ("default_value", opt_expr(default_value)),
            ],
            r,
        ),
        TypeParam::ParamSpec {
            name,
            default_value,
            ..
        } => node(
            "ParamSpec",
            vec![
                ("name", string(name)),
                ("default_value", opt_expr(default_value)),
            ],
            r,
        ),
        TypeParam::TypeVarTuple {
            name,
            default_value,
            ..
        } => node(
            "TypeVarTuple",
            vec![
                ("name", string(name)),
                ("default_value", opt_expr(default_value)),
            ],
            r,
        ),
    }
}
