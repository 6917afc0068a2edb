//! `_ast` node objects → Rust AST (CPython's `obj2ast`), for `compile(tree, ...)`.
//!
//! The reader follows CPython's order and messages: a node's position attributes are
//! read before its kind is checked (so `3` in a statement list is "required field
//! "lineno" missing from stmt"), fields in declaration order, a missing required field
//! is a TypeError, a None one a ValueError, lists must be lists. The statement kinds
//! are here, expressions and patterns in `from_object_expr.rs`.

use std::rc::Rc;

use adder_syntax::ast::*;

use super::AstClasses;
use crate::error::PyResult;
use crate::object::Payload;
use crate::value::Value;
use crate::vm::Vm;

/// Deepest tree read before RecursionError. CPython's limit is its C stack (8 MB
/// reads 20,000 nested expressions, not 50,000); the compiler accepts 30,000.
const MAX_DEPTH: usize = 30_000;

/// One conversion of a tree of node objects.
pub(super) struct Reader<'v> {
    pub(super) vm: &'v mut Vm,
    classes: Rc<AstClasses>,
    depth: usize,
}

/// The `Mod` for `compile(tree, filename, mode)`: `mode` names the node kind the
/// tree's root must be (`Module` for 'exec', ...).
pub(crate) fn object_to_mod(vm: &mut Vm, tree: &Value, expected: &str) -> PyResult<Mod> {
    let classes = super::classes(vm)?;
    let mut reader = Reader {
        vm,
        classes,
        depth: 0,
    };
    if !reader.is_node_of(tree, expected) {
        let got = reader.vm.type_name(tree);
        return Err(reader
            .vm
            .type_error(format!("expected {expected} node, got {got}")));
    }
    let module = reader.module(tree, expected)?;
    super::validate::module(reader.vm, &module)?;
    Ok(module)
}

impl Reader<'_> {
    /// Whether `v` is an instance of node class `name`.
    fn is_node_of(&self, v: &Value, name: &str) -> bool {
        self.classes
            .by_name
            .get(name)
            .is_some_and(|cls| self.vm.is_instance(v, cls))
    }

    /// The constructor of sum type `sum` that `v` is an instance of.
    pub(super) fn kind(&mut self, v: &Value, sum: &str) -> PyResult<&'static str> {
        let found = self.classes.constructors.get(sum).and_then(|kinds| {
            kinds
                .iter()
                .find(|(_, cls)| self.vm.is_instance(v, cls))
                .map(|(name, _)| *name)
        });
        match found {
            Some(name) => Ok(name),
            None => {
                let shown = self.vm.repr(v)?;
                Err(self
                    .vm
                    .type_error(format!("expected some sort of {sum}, but got {shown}")))
            }
        }
    }

    /// Count one more level of nesting, failing as CPython does when too deep.
    pub(super) fn enter(&mut self) -> PyResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.vm.error(
                &self.vm.types().exc.recursion_error.clone(),
                "maximum recursion depth exceeded during compilation",
            ));
        }
        Ok(())
    }

    pub(super) fn leave(&mut self) {
        self.depth -= 1;
    }

    /// `obj.name`, or None when it is absent.
    pub(super) fn attr(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        let key = self.vm.intern(name);
        self.vm.get_optional_attr(obj, &key)
    }

    /// A field that must be present (it may still be None).
    pub(super) fn present(&mut self, obj: &Value, name: &str, owner: &str) -> PyResult<Value> {
        match self.attr(obj, name)? {
            Some(v) => Ok(v),
            None => Err(self
                .vm
                .type_error(format!("required field \"{name}\" missing from {owner}"))),
        }
    }

    /// A required field: present and not None.
    pub(super) fn required(&mut self, obj: &Value, name: &str, owner: &str) -> PyResult<Value> {
        let v = self.present(obj, name, owner)?;
        if v.is_none() {
            return Err(self
                .vm
                .value_error(format!("field '{name}' is required for {owner}")));
        }
        Ok(v)
    }

    /// An optional field: None when absent or None.
    pub(super) fn optional(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(self.attr(obj, name)?.filter(|v| !v.is_none()))
    }

    /// A list field's items; an absent list field is empty, as CPython (3.13+) reads
    /// it (a node built or edited in Python may leave out `args`, `decorator_list`...).
    pub(super) fn list(&mut self, obj: &Value, name: &str, owner: &str) -> PyResult<Vec<Value>> {
        let Some(v) = self.attr(obj, name)? else {
            return Ok(Vec::new());
        };
        match v.payload() {
            Some(Payload::List(items)) => Ok(items.borrow().clone()),
            _ => {
                let type_name = self.vm.type_name(&v);
                Err(self.vm.type_error(format!(
                    "{owner} field \"{name}\" must be a list, not a {type_name}"
                )))
            }
        }
    }

    /// Each item of a list field, converted.
    pub(super) fn each<T>(
        &mut self,
        obj: &Value,
        name: &str,
        owner: &str,
        mut convert: impl FnMut(&mut Self, &Value) -> PyResult<T>,
    ) -> PyResult<Vec<T>> {
        let items = self.list(obj, name, owner)?;
        items.iter().map(|item| convert(self, item)).collect()
    }

    /// An `identifier` value: exactly a `str` (CPython refuses str subclasses).
    pub(super) fn identifier(&mut self, v: &Value) -> PyResult<String> {
        let str_type = &self.vm.types().str_;
        let exact = v.as_obj().filter(|o| {
            o.class
                .try_borrow()
                .is_ok_and(|c| c.as_ref().is_some_and(|c| std::rc::Rc::ptr_eq(c, str_type)))
        });
        match exact.and_then(|o| o.as_str()) {
            Some(s) => Ok(s.as_str().to_string()),
            None => Err(self.vm.type_error("AST identifier must be of type str")),
        }
    }

    pub(super) fn identifier_field(
        &mut self,
        obj: &Value,
        name: &str,
        owner: &str,
    ) -> PyResult<String> {
        let v = self.required(obj, name, owner)?;
        self.identifier(&v)
    }

    pub(super) fn opt_identifier(&mut self, obj: &Value, name: &str) -> PyResult<Option<String>> {
        match self.optional(obj, name)? {
            Some(v) => self.identifier(&v).map(Some),
            None => Ok(None),
        }
    }

    /// An optional `string` field (`type_comment`, `kind`).
    pub(super) fn opt_string(&mut self, obj: &Value, name: &str) -> PyResult<Option<String>> {
        match self.optional(obj, name)? {
            Some(v) => match v.as_obj().and_then(|o| o.as_str()) {
                Some(s) => Ok(Some(s.as_str().to_string())),
                None => Err(self.vm.type_error("AST string must be of type str")),
            },
            None => Ok(None),
        }
    }

    /// An `int` value (a C int in CPython).
    pub(super) fn int(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(n) if i32::try_from(*n).is_ok() => Ok(*n),
            Value::Bool(b) => Ok(i64::from(*b)),
            Value::Int(_) => Err(self
                .vm
                .overflow_error("Python int too large to convert to C int")),
            _ if v.payload().is_some_and(|p| matches!(p, Payload::Int(_))) => Err(self
                .vm
                .overflow_error("Python int too large to convert to C int")),
            _ => {
                let shown = self.vm.repr(v)?;
                Err(self
                    .vm
                    .value_error(format!("invalid integer value: {shown}")))
            }
        }
    }

    pub(super) fn int_field(&mut self, obj: &Value, name: &str, owner: &str) -> PyResult<i64> {
        let v = self.required(obj, name, owner)?;
        self.int(&v)
    }

    /// A position attribute as the parser stores it; None for an absent optional one.
    fn position(
        &mut self,
        obj: &Value,
        name: &str,
        sum: &str,
        required: bool,
    ) -> PyResult<Option<u32>> {
        let v = if required {
            Some(self.required(obj, name, sum)?)
        } else {
            self.optional(obj, name)?
        };
        match v {
            // Negative or huge positions are kept in range; the validator rejects the
            // combinations CPython rejects.
            Some(v) => Ok(Some(self.int(&v)?.clamp(0, i64::from(u32::MAX)) as u32)),
            None => Ok(None),
        }
    }

    /// The four position attributes of a node of sum type `sum` (the end ones are
    /// optional for most kinds, defaulting to the start).
    pub(super) fn range(&mut self, obj: &Value, sum: &str) -> PyResult<Range> {
        let ends_required = self.classes.ends_required.contains(&sum);
        let lineno = self.position(obj, "lineno", sum, true)?.unwrap_or(0);
        let col_offset = self.position(obj, "col_offset", sum, true)?.unwrap_or(0);
        let end_lineno = self
            .position(obj, "end_lineno", sum, ends_required)?
            .unwrap_or(lineno);
        let end_col_offset = self
            .position(obj, "end_col_offset", sum, ends_required)?
            .unwrap_or(col_offset);
        Ok(Range {
            lineno,
            col_offset,
            end_lineno,
            end_col_offset,
        })
    }

    fn module(&mut self, obj: &Value, kind: &str) -> PyResult<Mod> {
        Ok(match kind {
            "Module" => Mod::Module {
                body: self.stmts(obj, "body", kind)?,
                type_ignores: self.each(obj, "type_ignores", kind, Self::type_ignore)?,
            },
            "Interactive" => Mod::Interactive {
                body: self.stmts(obj, "body", kind)?,
            },
            "Expression" => Mod::Expression {
                body: self.expr_field(obj, "body", kind)?,
            },
            _ => Mod::FunctionType {
                argtypes: self.exprs(obj, "argtypes", kind)?,
                returns: self.expr_field(obj, "returns", kind)?,
            },
        })
    }

    fn type_ignore(&mut self, obj: &Value) -> PyResult<TypeIgnore> {
        let kind = self.kind(obj, "type_ignore")?;
        let lineno = self.int_field(obj, "lineno", kind)?;
        let tag = match self
            .required(obj, "tag", kind)?
            .as_obj()
            .and_then(|o| o.as_str())
        {
            Some(s) => s.as_str().to_string(),
            None => return Err(self.vm.type_error("AST string must be of type str")),
        };
        Ok(TypeIgnore::TypeIgnore {
            lineno: lineno.clamp(0, i64::from(u32::MAX)) as u32,
            tag,
        })
    }

    pub(super) fn stmts(&mut self, obj: &Value, name: &str, owner: &str) -> PyResult<Vec<Stmt>> {
        self.each(obj, name, owner, Self::stmt)
    }

    fn stmt(&mut self, obj: &Value) -> PyResult<Stmt> {
        self.enter()?;
        let stmt = self.stmt_inner(obj);
        self.leave();
        stmt
    }

    fn stmt_inner(&mut self, o: &Value) -> PyResult<Stmt> {
        let range = self.range(o, "stmt")?;
        let k = self.kind(o, "stmt")?;
        Ok(match k {
            "FunctionDef" | "AsyncFunctionDef" => {
                let name = self.identifier_field(o, "name", k)?;
                let args = Box::new(self.arguments_field(o, "args", k)?);
                let body = self.stmts(o, "body", k)?;
                let decorator_list = self.exprs(o, "decorator_list", k)?;
                let returns = self.opt_expr_field(o, "returns")?;
                let type_comment = self.opt_string(o, "type_comment")?;
                let type_params = self.each(o, "type_params", k, Self::type_param)?;
                if k == "FunctionDef" {
                    Stmt::FunctionDef {
                        name,
                        args,
                        body,
                        decorator_list,
                        returns,
                        type_comment,
                        type_params,
                        range,
                    }
                } else {
                    Stmt::AsyncFunctionDef {
                        name,
                        args,
                        body,
                        decorator_list,
                        returns,
                        type_comment,
                        type_params,
                        range,
                    }
                }
            }
            "ClassDef" => Stmt::ClassDef {
                name: self.identifier_field(o, "name", k)?,
                bases: self.exprs(o, "bases", k)?,
                keywords: self.each(o, "keywords", k, Self::keyword)?,
                body: self.stmts(o, "body", k)?,
                decorator_list: self.exprs(o, "decorator_list", k)?,
                type_params: self.each(o, "type_params", k, Self::type_param)?,
                range,
            },
            "Return" => Stmt::Return {
                value: self.opt_expr_field(o, "value")?,
                range,
            },
            "Delete" => Stmt::Delete {
                targets: self.exprs(o, "targets", k)?,
                range,
            },
            "Assign" => Stmt::Assign {
                targets: self.exprs(o, "targets", k)?,
                value: self.expr_field(o, "value", k)?,
                type_comment: self.opt_string(o, "type_comment")?,
                range,
            },
            "TypeAlias" => Stmt::TypeAlias {
                name: self.expr_field(o, "name", k)?,
                type_params: self.each(o, "type_params", k, Self::type_param)?,
                value: self.expr_field(o, "value", k)?,
                range,
            },
            "AugAssign" => Stmt::AugAssign {
                target: self.expr_field(o, "target", k)?,
                op: self.operator_field(o, k)?,
                value: self.expr_field(o, "value", k)?,
                range,
            },
            "AnnAssign" => Stmt::AnnAssign {
                target: self.expr_field(o, "target", k)?,
                annotation: self.expr_field(o, "annotation", k)?,
                value: self.opt_expr_field(o, "value")?,
                simple: self.int_field(o, "simple", k)? != 0,
                range,
            },
            "For" | "AsyncFor" => {
                let target = self.expr_field(o, "target", k)?;
                let iter = self.expr_field(o, "iter", k)?;
                let body = self.stmts(o, "body", k)?;
                let orelse = self.stmts(o, "orelse", k)?;
                let type_comment = self.opt_string(o, "type_comment")?;
                if k == "For" {
                    Stmt::For {
                        target,
                        iter,
                        body,
                        orelse,
                        type_comment,
                        range,
                    }
                } else {
                    Stmt::AsyncFor {
                        target,
                        iter,
                        body,
                        orelse,
                        type_comment,
                        range,
                    }
                }
            }
            "While" => Stmt::While {
                test: self.expr_field(o, "test", k)?,
                body: self.stmts(o, "body", k)?,
                orelse: self.stmts(o, "orelse", k)?,
                range,
            },
            "If" => Stmt::If {
                test: self.expr_field(o, "test", k)?,
                body: self.stmts(o, "body", k)?,
                orelse: self.stmts(o, "orelse", k)?,
                range,
            },
            "With" | "AsyncWith" => {
                let items = self.each(o, "items", k, Self::with_item)?;
                let body = self.stmts(o, "body", k)?;
                let type_comment = self.opt_string(o, "type_comment")?;
                if k == "With" {
                    Stmt::With {
                        items,
                        body,
                        type_comment,
                        range,
                    }
                } else {
                    Stmt::AsyncWith {
                        items,
                        body,
                        type_comment,
                        range,
                    }
                }
            }
            "Match" => Stmt::Match {
                subject: self.expr_field(o, "subject", k)?,
                cases: self.each(o, "cases", k, Self::match_case)?,
                range,
            },
            "Raise" => Stmt::Raise {
                exc: self.opt_expr_field(o, "exc")?,
                cause: self.opt_expr_field(o, "cause")?,
                range,
            },
            "Try" | "TryStar" => {
                let body = self.stmts(o, "body", k)?;
                let handlers = self.each(o, "handlers", k, Self::handler)?;
                let orelse = self.stmts(o, "orelse", k)?;
                let finalbody = self.stmts(o, "finalbody", k)?;
                if k == "Try" {
                    Stmt::Try {
                        body,
                        handlers,
                        orelse,
                        finalbody,
                        range,
                    }
                } else {
                    Stmt::TryStar {
                        body,
                        handlers,
                        orelse,
                        finalbody,
                        range,
                    }
                }
            }
            "Assert" => Stmt::Assert {
                test: self.expr_field(o, "test", k)?,
                msg: self.opt_expr_field(o, "msg")?,
                range,
            },
            "Import" => Stmt::Import {
                names: self.each(o, "names", k, Self::alias)?,
                range,
            },
            "ImportFrom" => {
                let module = self.opt_identifier(o, "module")?;
                let names = self.each(o, "names", k, Self::alias)?;
                let level = match self.optional(o, "level")? {
                    Some(v) => self.int(&v)?,
                    None => 0,
                };
                if level < 0 {
                    return Err(self.vm.value_error("Negative ImportFrom level"));
                }
                Stmt::ImportFrom {
                    module,
                    names,
                    level: level as u32,
                    range,
                }
            }
            "Global" | "Nonlocal" => {
                let names = self.each(o, "names", k, Self::identifier)?;
                if k == "Global" {
                    Stmt::Global { names, range }
                } else {
                    Stmt::Nonlocal { names, range }
                }
            }
            "Expr" => Stmt::Expr {
                value: self.expr_field(o, "value", k)?,
                range,
            },
            "Pass" => Stmt::Pass { range },
            "Break" => Stmt::Break { range },
            _ => Stmt::Continue { range },
        })
    }

    fn handler(&mut self, o: &Value) -> PyResult<ExceptHandler> {
        let range = self.range(o, "excepthandler")?;
        let k = self.kind(o, "excepthandler")?;
        Ok(ExceptHandler::ExceptHandler {
            r#type: self.opt_expr_field(o, "type")?,
            name: self.opt_identifier(o, "name")?,
            body: self.stmts(o, "body", k)?,
            range,
        })
    }

    fn with_item(&mut self, o: &Value) -> PyResult<WithItem> {
        Ok(WithItem {
            context_expr: *self.expr_field(o, "context_expr", "withitem")?,
            optional_vars: self.opt_expr_field(o, "optional_vars")?,
        })
    }

    fn match_case(&mut self, o: &Value) -> PyResult<MatchCase> {
        Ok(MatchCase {
            pattern: self.pattern_field(o, "pattern", "match_case")?,
            guard: self.opt_expr_field(o, "guard")?,
            body: self.stmts(o, "body", "match_case")?,
        })
    }

    fn alias(&mut self, o: &Value) -> PyResult<Alias> {
        let range = self.range(o, "alias")?;
        Ok(Alias {
            name: self.identifier_field(o, "name", "alias")?,
            asname: self.opt_identifier(o, "asname")?,
            range,
        })
    }

    pub(super) fn keyword(&mut self, o: &Value) -> PyResult<Keyword> {
        let range = self.range(o, "keyword")?;
        Ok(Keyword {
            arg: self.opt_identifier(o, "arg")?,
            value: *self.expr_field(o, "value", "keyword")?,
            range,
        })
    }

    fn arg(&mut self, o: &Value) -> PyResult<Arg> {
        let range = self.range(o, "arg")?;
        Ok(Arg {
            arg: self.identifier_field(o, "arg", "arg")?,
            annotation: self.opt_expr_field(o, "annotation")?,
            type_comment: self.opt_string(o, "type_comment")?,
            range,
        })
    }

    fn opt_arg(&mut self, o: &Value, name: &str) -> PyResult<Option<Box<Arg>>> {
        match self.optional(o, name)? {
            Some(v) => Ok(Some(Box::new(self.arg(&v)?))),
            None => Ok(None),
        }
    }

    pub(super) fn arguments_field(
        &mut self,
        obj: &Value,
        name: &str,
        owner: &str,
    ) -> PyResult<Arguments> {
        let o = self.required(obj, name, owner)?;
        let k = "arguments";
        Ok(Arguments {
            posonlyargs: self.each(&o, "posonlyargs", k, Self::arg)?,
            args: self.each(&o, "args", k, Self::arg)?,
            vararg: self.opt_arg(&o, "vararg")?,
            kwonlyargs: self.each(&o, "kwonlyargs", k, Self::arg)?,
            kw_defaults: self.each(&o, "kw_defaults", k, |r, v| {
                if v.is_none() {
                    Ok(None)
                } else {
                    r.expr(v).map(Some)
                }
            })?,
            kwarg: self.opt_arg(&o, "kwarg")?,
            defaults: self.exprs(&o, "defaults", k)?,
        })
    }

    fn type_param(&mut self, o: &Value) -> PyResult<TypeParam> {
        let range = self.range(o, "type_param")?;
        let k = self.kind(o, "type_param")?;
        let name = self.identifier_field(o, "name", k)?;
        Ok(match k {
            "TypeVar" => TypeParam::TypeVar {
                name,
                bound: self.opt_expr_field(o, "bound")?,
                default_value: self.opt_expr_field(o, "default_value")?,
                range,
            },
            "ParamSpec" => TypeParam::ParamSpec {
                name,
                default_value: self.opt_expr_field(o, "default_value")?,
                range,
            },
            _ => TypeParam::TypeVarTuple {
                name,
                default_value: self.opt_expr_field(o, "default_value")?,
                range,
            },
        })
    }
}
