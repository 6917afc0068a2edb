//! Expressions back to source text, as CPython's `Python/ast_unparse.c` writes them:
//! what `from __future__ import annotations` stores instead of evaluating an
//! annotation (`def f(x: list[int])` gives `{'x': 'list[int]'}`).
//!
//! The output is CPython's exactly: minimal parentheses by operator precedence,
//! constants by `repr` (infinities as `1e309`), f-strings and t-strings re-quoted as a
//! whole. Recursion follows the expression's nesting, which the parser has already
//! bounded.

use adder_syntax::ast::{
    Arg, Arguments, BoolOp, CmpOp, Comprehension, Constant, Expr, Keyword, Operator, UnaryOp,
};
use adder_syntax::constant_repr;
use adder_syntax::repr::{bytes_repr, complex_repr, float_repr, str_repr, str_repr_code_points};

/// Binding strength, weakest first (CPython's `PR_*` levels).
mod level {
    pub const TUPLE: u8 = 0;
    /// `x if c else y`, `lambda`.
    pub const TEST: u8 = 1;
    pub const OR: u8 = 2;
    pub const AND: u8 = 3;
    pub const NOT: u8 = 4;
    pub const CMP: u8 = 5;
    /// `|`; every binary operator from here up.
    pub const EXPR: u8 = 6;
    pub const BXOR: u8 = 7;
    pub const BAND: u8 = 8;
    pub const SHIFT: u8 = 9;
    pub const ARITH: u8 = 10;
    pub const TERM: u8 = 11;
    /// Unary `+`, `-`, `~`.
    pub const FACTOR: u8 = 12;
    pub const POWER: u8 = 13;
    pub const AWAIT: u8 = 14;
    pub const ATOM: u8 = 15;
}

/// The source text of an annotation (CPython's `_PyAST_ExprAsUnicode`).
pub fn unparse_expr(e: &Expr) -> String {
    let mut w = Writer::default();
    w.expr(e, level::TEST);
    w.out
}

#[derive(Default)]
struct Writer {
    out: String,
}

impl Writer {
    fn push(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn open_if(&mut self, cond: bool) {
        if cond {
            self.out.push('(');
        }
    }

    fn close_if(&mut self, cond: bool) {
        if cond {
            self.out.push(')');
        }
    }

    /// `items` separated by `", "`, each at level `TEST`.
    fn comma_list(&mut self, items: &[Expr]) {
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.push(", ");
            }
            self.expr(item, level::TEST);
        }
    }

    fn expr(&mut self, e: &Expr, lvl: u8) {
        match e {
            Expr::BoolOp { op, values, .. } => {
                let (text, pr) = match op {
                    BoolOp::And => (" and ", level::AND),
                    BoolOp::Or => (" or ", level::OR),
                };
                self.open_if(lvl > pr);
                for (i, v) in values.iter().enumerate() {
                    if i > 0 {
                        self.push(text);
                    }
                    self.expr(v, pr + 1);
                }
                self.close_if(lvl > pr);
            }
            Expr::BinOp {
                left, op, right, ..
            } => self.binop(left, *op, right, lvl),
            Expr::UnaryOp { op, operand, .. } => {
                let (text, pr) = match op {
                    UnaryOp::Invert => ("~", level::FACTOR),
                    UnaryOp::Not => ("not ", level::NOT),
                    UnaryOp::UAdd => ("+", level::FACTOR),
                    UnaryOp::USub => ("-", level::FACTOR),
                };
                self.open_if(lvl > pr);
                self.push(text);
                self.expr(operand, pr);
                self.close_if(lvl > pr);
            }
            Expr::Lambda { args, body, .. } => {
                self.open_if(lvl > level::TEST);
                let positional = args.args.len() + args.posonlyargs.len();
                self.push(if positional > 0 { "lambda " } else { "lambda" });
                self.arguments(args);
                self.push(": ");
                self.expr(body, level::TEST);
                self.close_if(lvl > level::TEST);
            }
            Expr::IfExp {
                test, body, orelse, ..
            } => {
                self.open_if(lvl > level::TEST);
                self.expr(body, level::TEST + 1);
                self.push(" if ");
                self.expr(test, level::TEST + 1);
                self.push(" else ");
                self.expr(orelse, level::TEST);
                self.close_if(lvl > level::TEST);
            }
            Expr::Dict { keys, values, .. } => {
                self.push("{");
                for (i, (key, value)) in keys.iter().zip(values).enumerate() {
                    if i > 0 {
                        self.push(", ");
                    }
                    match key {
                        Some(k) => {
                            self.expr(k, level::TEST);
                            self.push(": ");
                            self.expr(value, level::TEST);
                        }
                        None => {
                            self.push("**");
                            self.expr(value, level::EXPR);
                        }
                    }
                }
                self.push("}");
            }
            Expr::Set { elts, .. } => {
                self.push("{");
                self.comma_list(elts);
                self.push("}");
            }
            Expr::ListComp {
                elt, generators, ..
            } => self.comprehension("[", elt, None, generators, "]"),
            Expr::SetComp {
                elt, generators, ..
            } => self.comprehension("{", elt, None, generators, "}"),
            Expr::DictComp {
                key,
                value,
                generators,
                ..
            } => self.comprehension("{", key, Some(value), generators, "}"),
            Expr::GeneratorExp {
                elt, generators, ..
            } => self.comprehension("(", elt, None, generators, ")"),
            Expr::Await { value, .. } => {
                self.open_if(lvl > level::AWAIT);
                self.push("await ");
                self.expr(value, level::ATOM);
                self.close_if(lvl > level::AWAIT);
            }
            Expr::Yield { value, .. } => match value {
                None => self.push("(yield)"),
                Some(v) => {
                    self.push("(yield ");
                    self.expr(v, level::TEST);
                    self.push(")");
                }
            },
            Expr::YieldFrom { value, .. } => {
                self.push("(yield from ");
                self.expr(value, level::TEST);
                self.push(")");
            }
            Expr::Compare {
                left,
                ops,
                comparators,
                ..
            } => {
                self.open_if(lvl > level::CMP);
                self.expr(left, level::CMP + 1);
                for (op, right) in ops.iter().zip(comparators) {
                    self.push(cmp_text(*op));
                    self.expr(right, level::CMP + 1);
                }
                self.close_if(lvl > level::CMP);
            }
            Expr::Call {
                func,
                args,
                keywords,
                ..
            } => self.call(func, args, keywords),
            Expr::Constant { value, kind, .. } => {
                if kind.as_deref() == Some("u") {
                    self.push("u");
                }
                self.push(&constant_text(value));
            }
            Expr::JoinedStr { values, .. } => self.quoted_string("f", values),
            Expr::TemplateStr { values, .. } => self.quoted_string("t", values),
            Expr::FormattedValue {
                value,
                conversion,
                format_spec,
                ..
            }
            | Expr::Interpolation {
                value,
                conversion,
                format_spec,
                ..
            } => self.replacement_field(value, *conversion, format_spec.as_deref()),
            Expr::Attribute { value, attr, .. } => {
                self.expr(value, level::ATOM);
                let int_literal = matches!(
                    value.as_ref(),
                    Expr::Constant {
                        value: Constant::Int(_),
                        ..
                    }
                );
                self.push(if int_literal { " ." } else { "." });
                self.push(attr);
            }
            Expr::Subscript { value, slice, .. } => {
                self.expr(value, level::ATOM);
                self.push("[");
                self.expr(slice, level::TUPLE);
                self.push("]");
            }
            Expr::Starred { value, .. } => {
                self.push("*");
                self.expr(value, level::EXPR);
            }
            Expr::Slice {
                lower, upper, step, ..
            } => {
                if let Some(lower) = lower {
                    self.expr(lower, level::TEST);
                }
                self.push(":");
                if let Some(upper) = upper {
                    self.expr(upper, level::TEST);
                }
                if let Some(step) = step {
                    self.push(":");
                    self.expr(step, level::TEST);
                }
            }
            Expr::Name { id, .. } => self.push(id),
            Expr::List { elts, .. } => {
                self.push("[");
                self.comma_list(elts);
                self.push("]");
            }
            Expr::Tuple { elts, .. } => {
                if elts.is_empty() {
                    self.push("()");
                    return;
                }
                self.open_if(lvl > level::TUPLE);
                self.comma_list(elts);
                if elts.len() == 1 {
                    self.push(",");
                }
                self.close_if(lvl > level::TUPLE);
            }
            Expr::NamedExpr { target, value, .. } => {
                self.open_if(lvl > level::TUPLE);
                self.expr(target, level::ATOM);
                self.push(":=");
                self.expr(value, level::ATOM);
                self.close_if(lvl > level::TUPLE);
            }
        }
    }

    fn binop(&mut self, left: &Expr, op: Operator, right: &Expr, lvl: u8) {
        let (text, pr) = match op {
            Operator::Add => (" + ", level::ARITH),
            Operator::Sub => (" - ", level::ARITH),
            Operator::Mult => (" * ", level::TERM),
            Operator::MatMult => (" @ ", level::TERM),
            Operator::Div => (" / ", level::TERM),
            Operator::Mod => (" % ", level::TERM),
            Operator::LShift => (" << ", level::SHIFT),
            Operator::RShift => (" >> ", level::SHIFT),
            Operator::BitOr => (" | ", level::EXPR),
            Operator::BitXor => (" ^ ", level::BXOR),
            Operator::BitAnd => (" & ", level::BAND),
            Operator::FloorDiv => (" // ", level::TERM),
            Operator::Pow => (" ** ", level::POWER),
        };
        // `**` groups to the right, the others to the left.
        let right_assoc = u8::from(op == Operator::Pow);
        self.open_if(lvl > pr);
        self.expr(left, pr + right_assoc);
        self.push(text);
        self.expr(right, pr + 1 - right_assoc);
        self.close_if(lvl > pr);
    }

    fn arg(&mut self, arg: &Arg) {
        self.push(&arg.arg);
        if let Some(annotation) = &arg.annotation {
            self.push(": ");
            self.expr(annotation, level::TEST);
        }
    }

    /// A parameter list (of a lambda): defaults, `/`, `*`, `**`.
    fn arguments(&mut self, args: &Arguments) {
        let mut first = true;
        let mut separator = |w: &mut Writer| {
            if !first {
                w.push(", ");
            }
            first = false;
        };
        let positional: Vec<&Arg> = args.posonlyargs.iter().chain(&args.args).collect();
        let first_default = positional.len().saturating_sub(args.defaults.len());
        for (i, arg) in positional.iter().enumerate() {
            separator(self);
            self.arg(arg);
            if let Some(default) = i
                .checked_sub(first_default)
                .and_then(|d| args.defaults.get(d))
            {
                self.push("=");
                self.expr(default, level::TEST);
            }
            if i + 1 == args.posonlyargs.len() {
                self.push(", /");
            }
        }
        if args.vararg.is_some() || !args.kwonlyargs.is_empty() {
            separator(self);
            self.push("*");
            if let Some(vararg) = &args.vararg {
                self.arg(vararg);
            }
        }
        for (i, arg) in args.kwonlyargs.iter().enumerate() {
            separator(self);
            self.arg(arg);
            if let Some(Some(default)) = args.kw_defaults.get(i) {
                self.push("=");
                self.expr(default, level::TEST);
            }
        }
        if let Some(kwarg) = &args.kwarg {
            separator(self);
            self.push("**");
            self.arg(kwarg);
        }
    }

    fn comprehension(
        &mut self,
        open: &str,
        elt: &Expr,
        value: Option<&Expr>,
        generators: &[Comprehension],
        close: &str,
    ) {
        self.push(open);
        self.expr(elt, level::TEST);
        if let Some(value) = value {
            self.push(": ");
            self.expr(value, level::TEST);
        }
        for generator in generators {
            self.push(if generator.is_async {
                " async for "
            } else {
                " for "
            });
            self.expr(&generator.target, level::TUPLE);
            self.push(" in ");
            self.expr(&generator.iter, level::TEST + 1);
            for condition in &generator.ifs {
                self.push(" if ");
                self.expr(condition, level::TEST + 1);
            }
        }
        self.push(close);
    }

    fn call(&mut self, func: &Expr, args: &[Expr], keywords: &[Keyword]) {
        self.expr(func, level::ATOM);
        // A lone generator expression argument keeps only its own parentheses.
        if let ([generator @ Expr::GeneratorExp { .. }], []) = (args, keywords) {
            self.expr(generator, level::TEST);
            return;
        }
        self.push("(");
        self.comma_list(args);
        for (i, keyword) in keywords.iter().enumerate() {
            if i > 0 || !args.is_empty() {
                self.push(", ");
            }
            match &keyword.arg {
                Some(name) => {
                    self.push(name);
                    self.push("=");
                }
                None => self.push("**"),
            }
            self.expr(&keyword.value, level::TEST);
        }
        self.push(")");
    }

    /// An f-string or t-string: its parts written out, then quoted as one `repr`.
    fn quoted_string(&mut self, prefix: &str, values: &[Expr]) {
        let body = string_body(values);
        self.push(prefix);
        self.push(&str_repr(&body));
    }

    /// `{value!r:spec}` in an f-string or t-string.
    fn replacement_field(&mut self, value: &Expr, conversion: i32, spec: Option<&Expr>) {
        // Above `TEST`, so that a lambda's `:` is parenthesized.
        let mut inner = Writer::default();
        inner.expr(value, level::TEST + 1);
        self.push(if inner.out.starts_with('{') {
            "{ "
        } else {
            "{"
        });
        self.push(&inner.out);
        if let Some(c) = u32::try_from(conversion).ok().and_then(char::from_u32) {
            if matches!(c, 'a' | 'r' | 's') {
                self.out.push('!');
                self.out.push(c);
            }
        }
        if let Some(spec) = spec {
            self.push(":");
            self.string_part(spec);
        }
        self.push("}");
    }

    /// One part of an f-string body: literal text (braces doubled), a nested format
    /// spec, or a replacement field.
    fn string_part(&mut self, part: &Expr) {
        match part {
            Expr::Constant { value, .. } => {
                let text = match value {
                    Constant::Str(s) => s.clone(),
                    other => constant_text(other),
                };
                self.push(&text.replace('{', "{{").replace('}', "}}"));
            }
            Expr::JoinedStr { values, .. } | Expr::TemplateStr { values, .. } => {
                self.push(&string_body(values));
            }
            other => self.expr(other, level::TEST),
        }
    }
}

/// The unquoted text of an f-string's or t-string's parts.
fn string_body(values: &[Expr]) -> String {
    let mut body = Writer::default();
    for part in values {
        body.string_part(part);
    }
    body.out
}

fn cmp_text(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => " == ",
        CmpOp::NotEq => " != ",
        CmpOp::Lt => " < ",
        CmpOp::LtE => " <= ",
        CmpOp::Gt => " > ",
        CmpOp::GtE => " >= ",
        CmpOp::Is => " is ",
        CmpOp::IsNot => " is not ",
        CmpOp::In => " in ",
        CmpOp::NotIn => " not in ",
    }
}

/// `repr` of a literal, with infinities written as `1e309` so the text reads back.
fn constant_text(value: &Constant) -> String {
    let infinite = |text: String| text.replace("inf", "1e309");
    match value {
        Constant::None => "None".into(),
        Constant::Bool(true) => "True".into(),
        Constant::Bool(false) => "False".into(),
        Constant::Ellipsis => "...".into(),
        Constant::Int(i) => i.to_string(),
        Constant::Float(f) => infinite(float_repr(*f)),
        Constant::Complex { real, imag } => infinite(complex_repr(*real, *imag)),
        Constant::Str(s) => str_repr(s),
        Constant::SurrogateStr(cps) => str_repr_code_points(cps.iter().copied()),
        Constant::Bytes(b) => bytes_repr(b),
        Constant::Tuple(items) => {
            let texts: Vec<String> = items.iter().map(constant_text).collect();
            match texts.as_slice() {
                [only] => format!("({only},)"),
                _ => format!("({})", texts.join(", ")),
            }
        }
        // CPython writes a frozenset with its plain `repr`: infinities stay `inf`.
        Constant::FrozenSet(_) => constant_repr(value),
    }
}

#[cfg(test)]
mod tests {
    use super::unparse_expr;

    /// Parse `source` as an expression and unparse it.
    fn roundtrip(source: &str) -> String {
        match adder_syntax::parse(source, adder_syntax::Mode::Eval, "<test>") {
            Ok(adder_syntax::ast::Mod::Expression { body }) => unparse_expr(&body),
            other => panic!("{source}: {other:?}"),
        }
    }

    /// Expected texts come from the reference (`from __future__ import annotations`).
    #[test]
    fn precedence_and_literals() {
        let cases = [
            ("list[int]", "list[int]"),
            ("'a' | None", "'a' | None"),
            ("2 ** -1", "2 ** (-1)"),
            ("(-1) ** 2", "(-1) ** 2"),
            ("-(-x)", "--x"),
            ("a - (b - c)", "a - (b - c)"),
            ("(a ** b) ** c", "(a ** b) ** c"),
            ("a ** b ** c", "a ** b ** c"),
            ("not (a and b)", "not (a and b)"),
            ("(not a) + b", "(not a) + b"),
            ("x[(a, b)]", "x[a, b]"),
            ("x[*a]", "x[*a,]"),
            ("x[::]", "x[:]"),
            ("1 .real", "1 .real"),
            ("True .real", "True.real"),
            ("1e400", "1e309"),
            ("2e400j", "1e309j"),
            ("u'uni'", "u'uni'"),
            ("f(x for x in y)", "f(x for x in y)"),
            ("a[b](c=1, *d, **e)", "a[b](*d, c=1, **e)"),
            (
                "lambda a, /, b=1, *c, d, e=2, **f: 0",
                "lambda a, /, b=1, *c, d, e=2, **f: 0",
            ),
            ("x.y if z else (lambda: 0)", "x.y if z else lambda: 0"),
            ("(lambda: 0) if z else y", "(lambda: 0) if z else y"),
            ("f'{x=}'", "f'x={x!r}'"),
            ("f\"{'a'}\"", "f\"{'a'}\""),
            ("f'{ {1} }'", "f'{ {1}}'"),
            ("f'{x:{y}.{z}}'", "f'{x:{y}.{z}}'"),
            ("f'{{a}}'", "f'{{a}}'"),
            ("t'x{y!r:>{w}} {z=}'", "t'x{y!r:>{w}} z={z!r}'"),
        ];
        for (source, expected) in cases {
            assert_eq!(roundtrip(source), expected, "{source}");
        }
    }
}
