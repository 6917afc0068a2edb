//! `_ast` node objects → Rust AST for expressions, patterns, operators and constants
//! (the rest of CPython's `obj2ast`; statements are in `from_object.rs`).

use adder_syntax::ast::*;

use super::from_object::Reader;
use crate::error::PyResult;
use crate::object::Payload;
use crate::value::Value;

impl Reader<'_> {
    pub(super) fn exprs(&mut self, obj: &Value, name: &str, owner: &str) -> PyResult<Vec<Expr>> {
        self.each(obj, name, owner, Self::expr)
    }

    pub(super) fn expr_field(
        &mut self,
        obj: &Value,
        name: &str,
        owner: &str,
    ) -> PyResult<Box<Expr>> {
        let v = self.required(obj, name, owner)?;
        Ok(Box::new(self.expr(&v)?))
    }

    pub(super) fn opt_expr_field(
        &mut self,
        obj: &Value,
        name: &str,
    ) -> PyResult<Option<Box<Expr>>> {
        match self.optional(obj, name)? {
            Some(v) => Ok(Some(Box::new(self.expr(&v)?))),
            None => Ok(None),
        }
    }

    pub(super) fn expr(&mut self, obj: &Value) -> PyResult<Expr> {
        self.enter()?;
        let expr = self.expr_inner(obj);
        self.leave();
        expr
    }

    fn expr_inner(&mut self, o: &Value) -> PyResult<Expr> {
        let range = self.range(o, "expr")?;
        let k = self.kind(o, "expr")?;
        Ok(match k {
            "BoolOp" => Expr::BoolOp {
                op: match self.field_kind(o, "op", k, "boolop")? {
                    "And" => BoolOp::And,
                    _ => BoolOp::Or,
                },
                values: self.exprs(o, "values", k)?,
                range,
            },
            "NamedExpr" => Expr::NamedExpr {
                target: self.expr_field(o, "target", k)?,
                value: self.expr_field(o, "value", k)?,
                range,
            },
            "BinOp" => Expr::BinOp {
                left: self.expr_field(o, "left", k)?,
                op: self.operator_field(o, k)?,
                right: self.expr_field(o, "right", k)?,
                range,
            },
            "UnaryOp" => Expr::UnaryOp {
                op: match self.field_kind(o, "op", k, "unaryop")? {
                    "Invert" => UnaryOp::Invert,
                    "Not" => UnaryOp::Not,
                    "UAdd" => UnaryOp::UAdd,
                    _ => UnaryOp::USub,
                },
                operand: self.expr_field(o, "operand", k)?,
                range,
            },
            "Lambda" => Expr::Lambda {
                args: Box::new(self.arguments_field(o, "args", k)?),
                body: self.expr_field(o, "body", k)?,
                range,
            },
            "IfExp" => Expr::IfExp {
                test: self.expr_field(o, "test", k)?,
                body: self.expr_field(o, "body", k)?,
                orelse: self.expr_field(o, "orelse", k)?,
                range,
            },
            "Dict" => Expr::Dict {
                keys: self.each(o, "keys", k, |r, v| {
                    if v.is_none() {
                        Ok(None)
                    } else {
                        r.expr(v).map(Some)
                    }
                })?,
                values: self.exprs(o, "values", k)?,
                range,
            },
            "Set" => Expr::Set {
                elts: self.exprs(o, "elts", k)?,
                range,
            },
            "ListComp" | "SetComp" | "GeneratorExp" => {
                let elt = self.expr_field(o, "elt", k)?;
                let generators = self.each(o, "generators", k, Self::comprehension)?;
                match k {
                    "ListComp" => Expr::ListComp {
                        elt,
                        generators,
                        range,
                    },
                    "SetComp" => Expr::SetComp {
                        elt,
                        generators,
                        range,
                    },
                    _ => Expr::GeneratorExp {
                        elt,
                        generators,
                        range,
                    },
                }
            }
            "DictComp" => Expr::DictComp {
                key: self.expr_field(o, "key", k)?,
                value: self.expr_field(o, "value", k)?,
                generators: self.each(o, "generators", k, Self::comprehension)?,
                range,
            },
            "Await" => Expr::Await {
                value: self.expr_field(o, "value", k)?,
                range,
            },
            "Yield" => Expr::Yield {
                value: self.opt_expr_field(o, "value")?,
                range,
            },
            "YieldFrom" => Expr::YieldFrom {
                value: self.expr_field(o, "value", k)?,
                range,
            },
            "Compare" => Expr::Compare {
                left: self.expr_field(o, "left", k)?,
                ops: self.each(o, "ops", k, Self::cmpop)?,
                comparators: self.exprs(o, "comparators", k)?,
                range,
            },
            "Call" => Expr::Call {
                func: self.expr_field(o, "func", k)?,
                args: self.exprs(o, "args", k)?,
                keywords: self.each(o, "keywords", k, Self::keyword)?,
                range,
            },
            "FormattedValue" => Expr::FormattedValue {
                value: self.expr_field(o, "value", k)?,
                conversion: self.int_field(o, "conversion", k)? as i32,
                format_spec: self.opt_expr_field(o, "format_spec")?,
                range,
            },
            "Interpolation" => Expr::Interpolation {
                value: self.expr_field(o, "value", k)?,
                str: {
                    let v = self.required(o, "str", k)?;
                    self.constant(&v)?;
                    match v.as_obj().and_then(|s| s.as_str()) {
                        Some(s) => s.as_str().to_string(),
                        None => String::new(),
                    }
                },
                conversion: self.int_field(o, "conversion", k)? as i32,
                format_spec: self.opt_expr_field(o, "format_spec")?,
                range,
            },
            "JoinedStr" => Expr::JoinedStr {
                values: self.exprs(o, "values", k)?,
                range,
            },
            "TemplateStr" => Expr::TemplateStr {
                values: self.exprs(o, "values", k)?,
                range,
            },
            "Constant" => {
                let v = self.present(o, "value", k)?;
                Expr::Constant {
                    value: self.constant(&v)?,
                    kind: self.opt_string(o, "kind")?,
                    range,
                }
            }
            "Attribute" => Expr::Attribute {
                value: self.expr_field(o, "value", k)?,
                attr: self.identifier_field(o, "attr", k)?,
                ctx: self.ctx(o, k)?,
                range,
            },
            "Subscript" => Expr::Subscript {
                value: self.expr_field(o, "value", k)?,
                slice: self.expr_field(o, "slice", k)?,
                ctx: self.ctx(o, k)?,
                range,
            },
            "Starred" => Expr::Starred {
                value: self.expr_field(o, "value", k)?,
                ctx: self.ctx(o, k)?,
                range,
            },
            "Name" => Expr::Name {
                id: self.identifier_field(o, "id", k)?,
                ctx: self.ctx(o, k)?,
                range,
            },
            "List" | "Tuple" => {
                let elts = self.exprs(o, "elts", k)?;
                let ctx = self.ctx(o, k)?;
                if k == "List" {
                    Expr::List { elts, ctx, range }
                } else {
                    Expr::Tuple { elts, ctx, range }
                }
            }
            _ => Expr::Slice {
                lower: self.opt_expr_field(o, "lower")?,
                upper: self.opt_expr_field(o, "upper")?,
                step: self.opt_expr_field(o, "step")?,
                range,
            },
        })
    }

    fn comprehension(&mut self, o: &Value) -> PyResult<Comprehension> {
        let k = "comprehension";
        Ok(Comprehension {
            target: *self.expr_field(o, "target", k)?,
            iter: *self.expr_field(o, "iter", k)?,
            ifs: self.exprs(o, "ifs", k)?,
            is_async: self.int_field(o, "is_async", k)? != 0,
        })
    }

    /// The constructor of a field holding a field-less node (`op`, `ctx`).
    fn field_kind(
        &mut self,
        o: &Value,
        name: &str,
        owner: &str,
        sum: &str,
    ) -> PyResult<&'static str> {
        let v = self.present(o, name, owner)?;
        self.kind(&v, sum)
    }

    fn ctx(&mut self, o: &Value, owner: &str) -> PyResult<ExprContext> {
        Ok(match self.field_kind(o, "ctx", owner, "expr_context")? {
            "Load" => ExprContext::Load,
            "Store" => ExprContext::Store,
            _ => ExprContext::Del,
        })
    }

    pub(super) fn operator_field(&mut self, o: &Value, owner: &str) -> PyResult<Operator> {
        Ok(match self.field_kind(o, "op", owner, "operator")? {
            "Add" => Operator::Add,
            "Sub" => Operator::Sub,
            "Mult" => Operator::Mult,
            "MatMult" => Operator::MatMult,
            "Div" => Operator::Div,
            "Mod" => Operator::Mod,
            "Pow" => Operator::Pow,
            "LShift" => Operator::LShift,
            "RShift" => Operator::RShift,
            "BitOr" => Operator::BitOr,
            "BitXor" => Operator::BitXor,
            "BitAnd" => Operator::BitAnd,
            _ => Operator::FloorDiv,
        })
    }

    fn cmpop(&mut self, v: &Value) -> PyResult<CmpOp> {
        Ok(match self.kind(v, "cmpop")? {
            "Eq" => CmpOp::Eq,
            "NotEq" => CmpOp::NotEq,
            "Lt" => CmpOp::Lt,
            "LtE" => CmpOp::LtE,
            "Gt" => CmpOp::Gt,
            "GtE" => CmpOp::GtE,
            "Is" => CmpOp::Is,
            "IsNot" => CmpOp::IsNot,
            "In" => CmpOp::In,
            _ => CmpOp::NotIn,
        })
    }

    /// A `Constant.value`: an object of exactly one of the types CPython's
    /// `validate_constant` accepts (subclass instances are refused, as there).
    /// Tuples and frozensets, which only trees built in Python hold, are read item
    /// by item, a frozenset in its iteration order; their nesting counts toward the
    /// tree's depth limit.
    fn constant(&mut self, v: &Value) -> PyResult<Constant> {
        let vm = &*self.vm;
        let types = vm.types();
        let class = vm.type_of(v);
        let exact = |t: &crate::object::ObjRef| std::rc::Rc::ptr_eq(&class, t);
        let constant = match (v, v.payload()) {
            (Value::None, _) => Constant::None,
            (Value::Bool(b), _) => Constant::Bool(*b),
            (Value::Int(n), _) => Constant::Int((*n).into()),
            (Value::Float(f), _) => Constant::Float(*f),
            _ if v.is(&types.ellipsis) => Constant::Ellipsis,
            (_, Some(Payload::Str(s))) if exact(&types.str_) && s.has_surrogates() => {
                Constant::SurrogateStr(s.code_points().collect())
            }
            (_, Some(Payload::Str(s))) if exact(&types.str_) => {
                Constant::Str(s.as_str().to_string())
            }
            (_, Some(Payload::Bytes(b))) if exact(&types.bytes) => Constant::Bytes(b.to_vec()),
            (_, Some(Payload::Int(i))) if exact(&types.int) => Constant::Int(i.clone()),
            (_, Some(Payload::Float(f))) if exact(&types.float) => Constant::Float(*f),
            (_, Some(Payload::Complex(z))) if exact(&types.complex) => Constant::Complex {
                real: z.re,
                imag: z.im,
            },
            (_, Some(Payload::Tuple(items))) if exact(&types.tuple) => {
                Constant::Tuple(self.constants(items)?)
            }
            (_, Some(Payload::Set(set))) if exact(&types.frozenset) => {
                Constant::FrozenSet(self.constants(&set.borrow().keys())?)
            }
            _ => {
                let type_name = vm.type_name(v);
                let error = vm.type_error(format!("got an invalid type in Constant: {type_name}"));
                return Err(error);
            }
        };
        Ok(constant)
    }

    /// The items of a tuple or frozenset constant, one nesting level deeper.
    fn constants(&mut self, items: &[Value]) -> PyResult<Vec<Constant>> {
        self.enter()?;
        let result = items.iter().map(|item| self.constant(item)).collect();
        self.leave();
        result
    }

    pub(super) fn pattern_field(
        &mut self,
        o: &Value,
        name: &str,
        owner: &str,
    ) -> PyResult<Pattern> {
        let v = self.required(o, name, owner)?;
        self.pattern(&v)
    }

    fn pattern(&mut self, o: &Value) -> PyResult<Pattern> {
        self.enter()?;
        let pattern = self.pattern_inner(o);
        self.leave();
        pattern
    }

    fn patterns(&mut self, o: &Value, name: &str, owner: &str) -> PyResult<Vec<Pattern>> {
        self.each(o, name, owner, Self::pattern)
    }

    fn pattern_inner(&mut self, o: &Value) -> PyResult<Pattern> {
        let range = self.range(o, "pattern")?;
        let k = self.kind(o, "pattern")?;
        Ok(match k {
            "MatchValue" => Pattern::MatchValue {
                value: self.expr_field(o, "value", k)?,
                range,
            },
            "MatchSingleton" => {
                let v = self.present(o, "value", k)?;
                Pattern::MatchSingleton {
                    value: self.constant(&v)?,
                    range,
                }
            }
            "MatchSequence" => Pattern::MatchSequence {
                patterns: self.patterns(o, "patterns", k)?,
                range,
            },
            "MatchMapping" => Pattern::MatchMapping {
                keys: self.exprs(o, "keys", k)?,
                patterns: self.patterns(o, "patterns", k)?,
                rest: self.opt_identifier(o, "rest")?,
                range,
            },
            "MatchClass" => Pattern::MatchClass {
                cls: self.expr_field(o, "cls", k)?,
                patterns: self.patterns(o, "patterns", k)?,
                kwd_attrs: self.each(o, "kwd_attrs", k, Self::identifier)?,
                kwd_patterns: self.patterns(o, "kwd_patterns", k)?,
                range,
            },
            "MatchStar" => Pattern::MatchStar {
                name: self.opt_identifier(o, "name")?,
                range,
            },
            "MatchAs" => {
                let pattern = match self.optional(o, "pattern")? {
                    Some(p) => Some(Box::new(self.pattern(&p)?)),
                    None => None,
                };
                Pattern::MatchAs {
                    pattern,
                    name: self.opt_identifier(o, "name")?,
                    range,
                }
            }
            _ => Pattern::MatchOr {
                patterns: self.patterns(o, "patterns", k)?,
                range,
            },
        })
    }
}
