//! The AST as CPython's `_ast` sees it: every node kind's class name and `_fields` in
//! order, walked in post-order into a [`TreeSink`]. This is the one description of the
//! node kinds: `ast.dump` (through `tree::AstValue`) and the VM's `_ast` node objects
//! are both built from it, so they cannot disagree.
//!
//! A sink receives the leaves and builds bottom-up like a stack machine: a node's field
//! values (and a list's items) are pushed first, then `node`/`list` says how many of
//! the last values it takes. No intermediate tree is allocated, which is what makes
//! `ast.parse` cheap.

use crate::ast::*;

/// A node kind: the `_ast` class name and its `_fields`, in CPython's order.
#[derive(Debug)]
pub struct NodeShape {
    pub name: &'static str,
    pub fields: &'static [&'static str],
}

/// What a walk produces: see the module comment.
pub trait TreeSink<'a> {
    /// An identifier or string field.
    fn str(&mut self, s: &'a str);
    /// An int field (`level`, `simple`, `is_async`, `conversion`, `lineno`).
    fn int(&mut self, n: i64);
    /// `Constant.value` and `MatchSingleton.value`.
    fn constant(&mut self, c: &'a Constant);
    /// None: an absent optional field, or a None item of a list (`kw_defaults`).
    fn absent(&mut self);
    /// The last `len` values become a list.
    fn list(&mut self, len: usize);
    /// The last `shape.fields.len()` values become the fields of a node, with its
    /// position (`_attributes`) when it has one.
    fn node(&mut self, shape: &'static NodeShape, range: Option<Range>);
}

/// Walk `m` into `sink`. Expressions nested deeper than `max_depth` are not walked
/// (an absent value stands for each): the result is then `false`, and the caller
/// raises what CPython raises for a tree it cannot handle. The walk recurses once per
/// nesting level, so `max_depth` also bounds its stack use.
pub fn walk_mod<'a, S: TreeSink<'a>>(m: &'a Mod, sink: &mut S, max_depth: usize) -> bool {
    let mut walk = Walk {
        sink,
        depth: 0,
        max_depth,
        too_deep: false,
    };
    walk.module(m);
    !walk.too_deep
}

struct Walk<'s, S> {
    sink: &'s mut S,
    depth: usize,
    max_depth: usize,
    too_deep: bool,
}

/// Push a node's fields (`"name" => pushing expression`, in `_fields` order), then
/// the node. `if COND => "A" else "B"` picks between two kinds with the same fields.
macro_rules! node {
    ($walk:expr, $range:expr, $name:literal $(; $field:literal => $value:expr)* $(;)?) => {{
        static SHAPE: NodeShape = NodeShape { name: $name, fields: &[$($field),*] };
        $($value;)*
        $walk.sink.node(&SHAPE, $range)
    }};
    ($walk:expr, $range:expr, if $cond:expr => $yes:literal else $no:literal
        $(; $field:literal => $value:expr)* $(;)?) => {{
        static YES: NodeShape = NodeShape { name: $yes, fields: &[$($field),*] };
        static NO: NodeShape = NodeShape { name: $no, fields: &[$($field),*] };
        let shape = if $cond { &YES } else { &NO };
        $($value;)*
        $walk.sink.node(shape, $range)
    }};
}

/// A field-less node without position (`Load()`, `Add()`...) by class name.
macro_rules! plain {
    ($walk:expr, $($variant:path => $name:literal),* $(,)?; $value:expr) => {{
        let shape: &'static NodeShape = match $value {
            $($variant => {
                static SHAPE: NodeShape = NodeShape { name: $name, fields: &[] };
                &SHAPE
            })*
        };
        $walk.sink.node(shape, None)
    }};
}

impl<'a, S: TreeSink<'a>> Walk<'_, S> {
    fn list<T>(&mut self, items: &'a [T], mut f: impl FnMut(&mut Self, &'a T)) {
        for item in items {
            f(self, item);
        }
        self.sink.list(items.len());
    }

    fn opt_expr(&mut self, e: &'a Option<Box<Expr>>) {
        match e {
            Some(e) => self.expr(e),
            None => self.sink.absent(),
        }
    }

    fn opt_str(&mut self, s: &'a Option<String>) {
        match s {
            Some(s) => self.sink.str(s),
            None => self.sink.absent(),
        }
    }

    fn strs(&mut self, items: &'a [String]) {
        self.list(items, |w, s| w.sink.str(s));
    }

    fn stmts(&mut self, body: &'a [Stmt]) {
        for (i, item) in body.iter().enumerate() {
            if let Some(next) = body.get(i + 1) {
                prefetch_first_stmt_field(next);
            }
            self.stmt(item);
        }
        self.sink.list(body.len());
    }

    fn exprs(&mut self, items: &'a [Expr]) {
        for (i, item) in items.iter().enumerate() {
            if let Some(next) = items.get(i + 1) {
                prefetch_first_field(next);
            }
            self.expr(item);
        }
        self.sink.list(items.len());
    }

    /// Walk `item`, one level deeper, unless that passes `max_depth`.
    fn nested<T>(&mut self, item: &'a T, walk: fn(&mut Self, &'a T)) {
        if self.depth >= self.max_depth {
            self.too_deep = true;
            return self.sink.absent();
        }
        self.depth += 1;
        walk(self, item);
        self.depth -= 1;
    }

    fn module(&mut self, m: &'a Mod) {
        match m {
            Mod::Module { body, type_ignores } => node!(self, None, "Module";
                "body" => self.stmts(body);
                "type_ignores" => self.list(type_ignores, Self::type_ignore)),
            Mod::Interactive { body } => node!(self, None, "Interactive";
                "body" => self.stmts(body)),
            Mod::Expression { body } => node!(self, None, "Expression";
                "body" => self.expr(body)),
            Mod::FunctionType { argtypes, returns } => node!(self, None, "FunctionType";
                "argtypes" => self.exprs(argtypes);
                "returns" => self.expr(returns)),
        }
    }

    fn type_ignore(&mut self, t: &'a TypeIgnore) {
        let TypeIgnore::TypeIgnore { lineno, tag } = t;
        node!(self, None, "TypeIgnore";
            "lineno" => self.sink.int(i64::from(*lineno));
            "tag" => self.sink.str(tag))
    }

    fn stmt(&mut self, s: &'a Stmt) {
        self.nested(s, Self::stmt_inner);
    }

    fn stmt_inner(&mut self, s: &'a Stmt) {
        prefetch_later_stmt_fields(s);
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
            } => node!(self, r,
                if matches!(s, Stmt::FunctionDef { .. }) => "FunctionDef" else "AsyncFunctionDef";
                "name" => self.sink.str(name);
                "args" => self.arguments(args);
                "body" => self.stmts(body);
                "decorator_list" => self.exprs(decorator_list);
                "returns" => self.opt_expr(returns);
                "type_comment" => self.opt_str(type_comment);
                "type_params" => self.list(type_params, Self::type_param)),
            Stmt::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
                type_params,
                ..
            } => node!(self, r, "ClassDef";
                "name" => self.sink.str(name);
                "bases" => self.exprs(bases);
                "keywords" => self.list(keywords, Self::keyword);
                "body" => self.stmts(body);
                "decorator_list" => self.exprs(decorator_list);
                "type_params" => self.list(type_params, Self::type_param)),
            Stmt::Return { value, .. } => node!(self, r, "Return";
                "value" => self.opt_expr(value)),
            Stmt::Delete { targets, .. } => node!(self, r, "Delete";
                "targets" => self.exprs(targets)),
            Stmt::Assign {
                targets,
                value,
                type_comment,
                ..
            } => node!(self, r, "Assign";
                "targets" => self.exprs(targets);
                "value" => self.expr(value);
                "type_comment" => self.opt_str(type_comment)),
            Stmt::TypeAlias {
                name,
                type_params,
                value,
                ..
            } => node!(self, r, "TypeAlias";
                "name" => self.expr(name);
                "type_params" => self.list(type_params, Self::type_param);
                "value" => self.expr(value)),
            Stmt::AugAssign {
                target, op, value, ..
            } => node!(self, r, "AugAssign";
                "target" => self.expr(target);
                "op" => self.operator(*op);
                "value" => self.expr(value)),
            Stmt::AnnAssign {
                target,
                annotation,
                value,
                simple,
                ..
            } => node!(self, r, "AnnAssign";
                "target" => self.expr(target);
                "annotation" => self.expr(annotation);
                "value" => self.opt_expr(value);
                "simple" => self.sink.int(i64::from(*simple))),
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
            } => node!(self, r, if matches!(s, Stmt::For { .. }) => "For" else "AsyncFor";
                "target" => self.expr(target);
                "iter" => self.expr(iter);
                "body" => self.stmts(body);
                "orelse" => self.stmts(orelse);
                "type_comment" => self.opt_str(type_comment)),
            Stmt::While {
                test, body, orelse, ..
            }
            | Stmt::If {
                test, body, orelse, ..
            } => node!(self, r, if matches!(s, Stmt::While { .. }) => "While" else "If";
                "test" => self.expr(test);
                "body" => self.stmts(body);
                "orelse" => self.stmts(orelse)),
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
            } => node!(self, r, if matches!(s, Stmt::With { .. }) => "With" else "AsyncWith";
                "items" => self.list(items, Self::withitem);
                "body" => self.stmts(body);
                "type_comment" => self.opt_str(type_comment)),
            Stmt::Match { subject, cases, .. } => node!(self, r, "Match";
                "subject" => self.expr(subject);
                "cases" => self.list(cases, Self::match_case)),
            Stmt::Raise { exc, cause, .. } => node!(self, r, "Raise";
                "exc" => self.opt_expr(exc);
                "cause" => self.opt_expr(cause)),
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
            } => node!(self, r, if matches!(s, Stmt::Try { .. }) => "Try" else "TryStar";
                "body" => self.stmts(body);
                "handlers" => self.list(handlers, Self::handler);
                "orelse" => self.stmts(orelse);
                "finalbody" => self.stmts(finalbody)),
            Stmt::Assert { test, msg, .. } => node!(self, r, "Assert";
                "test" => self.expr(test);
                "msg" => self.opt_expr(msg)),
            Stmt::Import { names, .. } => node!(self, r, "Import";
                "names" => self.list(names, Self::alias)),
            Stmt::ImportFrom {
                module,
                names,
                level,
                ..
            } => node!(self, r, "ImportFrom";
                "module" => self.opt_str(module);
                "names" => self.list(names, Self::alias);
                "level" => self.sink.int(i64::from(*level))),
            Stmt::Global { names, .. } => node!(self, r, "Global";
                "names" => self.strs(names)),
            Stmt::Nonlocal { names, .. } => node!(self, r, "Nonlocal";
                "names" => self.strs(names)),
            Stmt::Expr { value, .. } => node!(self, r, "Expr";
                "value" => self.expr(value)),
            Stmt::Pass { .. } => node!(self, r, "Pass"),
            Stmt::Break { .. } => node!(self, r, "Break"),
            Stmt::Continue { .. } => node!(self, r, "Continue"),
        }
    }

    fn ctx(&mut self, ctx: ExprContext) {
        plain!(self,
            ExprContext::Load => "Load",
            ExprContext::Store => "Store",
            ExprContext::Del => "Del";
            ctx)
    }

    fn operator(&mut self, op: Operator) {
        plain!(self,
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
            Operator::FloorDiv => "FloorDiv";
            op)
    }

    fn cmpop(&mut self, op: &CmpOp) {
        plain!(self,
            CmpOp::Eq => "Eq",
            CmpOp::NotEq => "NotEq",
            CmpOp::Lt => "Lt",
            CmpOp::LtE => "LtE",
            CmpOp::Gt => "Gt",
            CmpOp::GtE => "GtE",
            CmpOp::Is => "Is",
            CmpOp::IsNot => "IsNot",
            CmpOp::In => "In",
            CmpOp::NotIn => "NotIn";
            op)
    }

    fn expr(&mut self, e: &'a Expr) {
        self.nested(e, Self::expr_inner);
    }

    fn opt_item(&mut self, e: &'a Option<Expr>) {
        match e {
            Some(e) => self.expr(e),
            None => self.sink.absent(),
        }
    }

    fn expr_inner(&mut self, e: &'a Expr) {
        prefetch_later_fields(e);
        let r = Some(e.range());
        match e {
            Expr::BoolOp { op, values, .. } => node!(self, r, "BoolOp";
                "op" => plain!(self, BoolOp::And => "And", BoolOp::Or => "Or"; op);
                "values" => self.exprs(values)),
            Expr::NamedExpr { target, value, .. } => node!(self, r, "NamedExpr";
                "target" => self.expr(target);
                "value" => self.expr(value)),
            Expr::BinOp {
                left, op, right, ..
            } => node!(self, r, "BinOp";
                "left" => self.expr(left);
                "op" => self.operator(*op);
                "right" => self.expr(right)),
            Expr::UnaryOp { op, operand, .. } => node!(self, r, "UnaryOp";
                "op" => plain!(self,
                    UnaryOp::Invert => "Invert",
                    UnaryOp::Not => "Not",
                    UnaryOp::UAdd => "UAdd",
                    UnaryOp::USub => "USub";
                    op);
                "operand" => self.expr(operand)),
            Expr::Lambda { args, body, .. } => node!(self, r, "Lambda";
                "args" => self.arguments(args);
                "body" => self.expr(body)),
            Expr::IfExp {
                test, body, orelse, ..
            } => node!(self, r, "IfExp";
                "test" => self.expr(test);
                "body" => self.expr(body);
                "orelse" => self.expr(orelse)),
            Expr::Dict { keys, values, .. } => node!(self, r, "Dict";
                "keys" => self.list(keys, Self::opt_item);
                "values" => self.exprs(values)),
            Expr::Set { elts, .. } => node!(self, r, "Set"; "elts" => self.exprs(elts)),
            Expr::ListComp {
                elt, generators, ..
            } => node!(self, r, "ListComp";
                "elt" => self.expr(elt);
                "generators" => self.list(generators, Self::comprehension)),
            Expr::SetComp {
                elt, generators, ..
            } => node!(self, r, "SetComp";
                "elt" => self.expr(elt);
                "generators" => self.list(generators, Self::comprehension)),
            Expr::GeneratorExp {
                elt, generators, ..
            } => node!(self, r, "GeneratorExp";
                "elt" => self.expr(elt);
                "generators" => self.list(generators, Self::comprehension)),
            Expr::DictComp {
                key,
                value,
                generators,
                ..
            } => node!(self, r, "DictComp";
                "key" => self.expr(key);
                "value" => self.expr(value);
                "generators" => self.list(generators, Self::comprehension)),
            Expr::Await { value, .. } => node!(self, r, "Await"; "value" => self.expr(value)),
            Expr::Yield { value, .. } => node!(self, r, "Yield"; "value" => self.opt_expr(value)),
            Expr::YieldFrom { value, .. } => node!(self, r, "YieldFrom";
                "value" => self.expr(value)),
            Expr::Compare {
                left,
                ops,
                comparators,
                ..
            } => node!(self, r, "Compare";
                "left" => self.expr(left);
                "ops" => self.list(ops, Self::cmpop);
                "comparators" => self.exprs(comparators)),
            Expr::Call {
                func,
                args,
                keywords,
                ..
            } => node!(self, r, "Call";
                "func" => self.expr(func);
                "args" => self.exprs(args);
                "keywords" => self.list(keywords, Self::keyword)),
            Expr::FormattedValue {
                value,
                conversion,
                format_spec,
                ..
            } => node!(self, r, "FormattedValue";
                "value" => self.expr(value);
                "conversion" => self.sink.int(i64::from(*conversion));
                "format_spec" => self.opt_expr(format_spec)),
            Expr::Interpolation {
                value,
                str,
                conversion,
                format_spec,
                ..
            } => node!(self, r, "Interpolation";
                "value" => self.expr(value);
                "str" => self.sink.str(str);
                "conversion" => self.sink.int(i64::from(*conversion));
                "format_spec" => self.opt_expr(format_spec)),
            Expr::JoinedStr { values, .. } => node!(self, r, "JoinedStr";
                "values" => self.exprs(values)),
            Expr::TemplateStr { values, .. } => node!(self, r, "TemplateStr";
                "values" => self.exprs(values)),
            Expr::Constant { value, kind, .. } => node!(self, r, "Constant";
                "value" => self.sink.constant(value);
                "kind" => self.opt_str(kind)),
            Expr::Attribute {
                value, attr, ctx, ..
            } => node!(self, r, "Attribute";
                "value" => self.expr(value);
                "attr" => self.sink.str(attr);
                "ctx" => self.ctx(*ctx)),
            Expr::Subscript {
                value, slice, ctx, ..
            } => node!(self, r, "Subscript";
                "value" => self.expr(value);
                "slice" => self.expr(slice);
                "ctx" => self.ctx(*ctx)),
            Expr::Starred { value, ctx, .. } => node!(self, r, "Starred";
                "value" => self.expr(value);
                "ctx" => self.ctx(*ctx)),
            Expr::Name { id, ctx, .. } => node!(self, r, "Name";
                "id" => self.sink.str(id);
                "ctx" => self.ctx(*ctx)),
            Expr::List { elts, ctx, .. } => node!(self, r, "List";
                "elts" => self.exprs(elts);
                "ctx" => self.ctx(*ctx)),
            Expr::Tuple { elts, ctx, .. } => node!(self, r, "Tuple";
                "elts" => self.exprs(elts);
                "ctx" => self.ctx(*ctx)),
            Expr::Slice {
                lower, upper, step, ..
            } => node!(self, r, "Slice";
                "lower" => self.opt_expr(lower);
                "upper" => self.opt_expr(upper);
                "step" => self.opt_expr(step)),
        }
    }

    fn comprehension(&mut self, c: &'a Comprehension) {
        node!(self, None, "comprehension";
            "target" => self.expr(&c.target);
            "iter" => self.expr(&c.iter);
            "ifs" => self.exprs(&c.ifs);
            "is_async" => self.sink.int(i64::from(c.is_async)))
    }

    fn handler(&mut self, h: &'a ExceptHandler) {
        let ExceptHandler::ExceptHandler {
            r#type,
            name,
            body,
            range,
        } = h;
        node!(self, Some(*range), "ExceptHandler";
            "type" => self.opt_expr(r#type);
            "name" => self.opt_str(name);
            "body" => self.stmts(body))
    }

    fn arguments(&mut self, a: &'a Arguments) {
        node!(self, None, "arguments";
            "posonlyargs" => self.list(&a.posonlyargs, Self::arg);
            "args" => self.list(&a.args, Self::arg);
            "vararg" => self.opt_arg(&a.vararg);
            "kwonlyargs" => self.list(&a.kwonlyargs, Self::arg);
            "kw_defaults" => self.list(&a.kw_defaults, Self::opt_item);
            "kwarg" => self.opt_arg(&a.kwarg);
            "defaults" => self.exprs(&a.defaults))
    }

    fn opt_arg(&mut self, a: &'a Option<Box<Arg>>) {
        match a {
            Some(a) => self.arg(a),
            None => self.sink.absent(),
        }
    }

    fn arg(&mut self, a: &'a Arg) {
        node!(self, Some(a.range), "arg";
            "arg" => self.sink.str(&a.arg);
            "annotation" => self.opt_expr(&a.annotation);
            "type_comment" => self.opt_str(&a.type_comment))
    }

    fn keyword(&mut self, k: &'a Keyword) {
        node!(self, Some(k.range), "keyword";
            "arg" => self.opt_str(&k.arg);
            "value" => self.expr(&k.value))
    }

    fn alias(&mut self, a: &'a Alias) {
        node!(self, Some(a.range), "alias";
            "name" => self.sink.str(&a.name);
            "asname" => self.opt_str(&a.asname))
    }

    fn withitem(&mut self, w: &'a WithItem) {
        node!(self, None, "withitem";
            "context_expr" => self.expr(&w.context_expr);
            "optional_vars" => self.opt_expr(&w.optional_vars))
    }

    fn match_case(&mut self, c: &'a MatchCase) {
        node!(self, None, "match_case";
            "pattern" => self.pattern(&c.pattern);
            "guard" => self.opt_expr(&c.guard);
            "body" => self.stmts(&c.body))
    }

    fn pattern(&mut self, p: &'a Pattern) {
        self.nested(p, Self::pattern_inner);
    }

    fn pattern_inner(&mut self, p: &'a Pattern) {
        let r = Some(p.range());
        match p {
            Pattern::MatchValue { value, .. } => node!(self, r, "MatchValue";
                "value" => self.expr(value)),
            Pattern::MatchSingleton { value, .. } => node!(self, r, "MatchSingleton";
                "value" => self.sink.constant(value)),
            Pattern::MatchSequence { patterns, .. } => node!(self, r, "MatchSequence";
                "patterns" => self.list(patterns, Self::pattern)),
            Pattern::MatchMapping {
                keys,
                patterns,
                rest,
                ..
            } => node!(self, r, "MatchMapping";
                "keys" => self.exprs(keys);
                "patterns" => self.list(patterns, Self::pattern);
                "rest" => self.opt_str(rest)),
            Pattern::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
                ..
            } => node!(self, r, "MatchClass";
                "cls" => self.expr(cls);
                "patterns" => self.list(patterns, Self::pattern);
                "kwd_attrs" => self.strs(kwd_attrs);
                "kwd_patterns" => self.list(kwd_patterns, Self::pattern)),
            Pattern::MatchStar { name, .. } => node!(self, r, "MatchStar";
                "name" => self.opt_str(name)),
            Pattern::MatchAs { pattern, name, .. } => node!(self, r, "MatchAs";
                "pattern" => match pattern {
                    Some(p) => self.pattern(p),
                    None => self.sink.absent(),
                };
                "name" => self.opt_str(name)),
            Pattern::MatchOr { patterns, .. } => node!(self, r, "MatchOr";
                "patterns" => self.list(patterns, Self::pattern)),
        }
    }

    fn type_param(&mut self, t: &'a TypeParam) {
        let r = Some(t.range());
        match t {
            TypeParam::TypeVar {
                name,
                bound,
                default_value,
                ..
            } => node!(self, r, "TypeVar";
                "name" => self.sink.str(name);
                "bound" => self.opt_expr(bound);
                "default_value" => self.opt_expr(default_value)),
            TypeParam::ParamSpec {
                name,
                default_value,
                ..
            } => node!(self, r, "ParamSpec";
                "name" => self.sink.str(name);
                "default_value" => self.opt_expr(default_value)),
            TypeParam::TypeVarTuple {
                name,
                default_value,
                ..
            } => node!(self, r, "TypeVarTuple";
                "name" => self.sink.str(name);
                "default_value" => self.opt_expr(default_value)),
        }
    }
}

/// Asks for the memory a walk of `e` reads first (its first field held behind a
/// pointer), while the walk is still busy with the item before it. The tree is
/// read once, after a parse that allocated it all over the heap: nearly every
/// node's first read misses the cache otherwise (measured: over half of the walk's
/// own time was that wait).
#[inline]
fn prefetch_first_field(e: &Expr) {
    match e {
        Expr::Name { id, .. } => prefetch(id.as_ptr()),
        Expr::Attribute { value, .. }
        | Expr::Subscript { value, .. }
        | Expr::Starred { value, .. }
        | Expr::Await { value, .. } => prefetch(&**value),
        Expr::Call { func, .. } => prefetch(&**func),
        Expr::BinOp { left, .. } | Expr::Compare { left, .. } => prefetch(&**left),
        Expr::Constant {
            value: Constant::Str(text),
            ..
        } => prefetch(text.as_ptr()),
        Expr::Tuple { elts, .. } | Expr::List { elts, .. } => prefetch(elts.as_ptr()),
        _ => {}
    }
}

/// Asks for the fields of `e` that its walk reaches after the first, so that
/// their cache misses overlap the walk of the first (see [`prefetch_first_field`]).
#[inline]
fn prefetch_later_fields(e: &Expr) {
    match e {
        Expr::BinOp { right, .. } => prefetch(&**right),
        Expr::Compare { comparators, .. } => prefetch(comparators.as_ptr()),
        Expr::Call { args, keywords, .. } => {
            prefetch(args.as_ptr());
            prefetch(keywords.as_ptr());
        }
        Expr::Attribute { attr, .. } => prefetch(attr.as_ptr()),
        Expr::Subscript { slice, .. } => prefetch(&**slice),
        Expr::IfExp { body, orelse, .. } => {
            prefetch(&**body);
            prefetch(&**orelse);
        }
        Expr::Dict { values, .. } => prefetch(values.as_ptr()),
        _ => {}
    }
}

/// [`prefetch_first_field`] for a statement.
#[inline]
fn prefetch_first_stmt_field(s: &Stmt) {
    match s {
        Stmt::Expr { value, .. }
        | Stmt::Return {
            value: Some(value), ..
        } => prefetch(&**value),
        Stmt::Assign { targets, .. } | Stmt::Delete { targets, .. } => prefetch(targets.as_ptr()),
        Stmt::AugAssign { target, .. }
        | Stmt::AnnAssign { target, .. }
        | Stmt::For { target, .. } => prefetch(&**target),
        Stmt::If { test, .. } | Stmt::While { test, .. } => prefetch(&**test),
        Stmt::FunctionDef { name, .. } | Stmt::ClassDef { name, .. } => prefetch(name.as_ptr()),
        Stmt::Import { names, .. } | Stmt::ImportFrom { names, .. } => prefetch(names.as_ptr()),
        Stmt::Try { body, .. } => prefetch(body.as_ptr()),
        Stmt::With { items, .. } => prefetch(items.as_ptr()),
        _ => {}
    }
}

/// [`prefetch_later_fields`] for a statement.
#[inline]
fn prefetch_later_stmt_fields(s: &Stmt) {
    match s {
        Stmt::Assign { value, .. } | Stmt::AugAssign { value, .. } => prefetch(&**value),
        Stmt::If { body, orelse, .. } | Stmt::While { body, orelse, .. } => {
            prefetch(body.as_ptr());
            prefetch(orelse.as_ptr());
        }
        Stmt::For { iter, body, .. } => {
            prefetch(&**iter);
            prefetch(body.as_ptr());
        }
        Stmt::FunctionDef { args, body, .. } => {
            prefetch(&**args);
            prefetch(body.as_ptr());
        }
        Stmt::ClassDef { bases, body, .. } => {
            prefetch(bases.as_ptr());
            prefetch(body.as_ptr());
        }
        Stmt::Try { handlers, .. } => prefetch(handlers.as_ptr()),
        Stmt::With { body, .. } => prefetch(body.as_ptr()),
        _ => {}
    }
}

/// A hint to load the cache line at `p`.
#[inline(always)]
fn prefetch<T>(p: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is only a hint: it never faults, whatever the address (an
    // empty vector's dangling pointer included), and changes no memory. SSE is part
    // of x86-64.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p.cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}
