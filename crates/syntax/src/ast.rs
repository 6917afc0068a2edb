//! The abstract syntax tree, mirroring CPython 3.14's `ast` module node for node.
//!
//! Sum types (`ast.stmt`, `ast.expr`, ...) are enums whose struct-like variants carry
//! exactly CPython's field names in CPython's order; product types (`ast.arguments`,
//! `ast.keyword`, ...) are structs. Every node that CPython gives positions carries a
//! [`Range`]. Field names that are Rust keywords use raw identifiers (`r#type`).

use adder_numeric::BigInt;

/// Source span of a node as CPython reports it: 1-based lines, 0-based columns
/// counted in UTF-8 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Range {
    pub lineno: u32,
    pub col_offset: u32,
    pub end_lineno: u32,
    pub end_col_offset: u32,
}

/// `ast.mod`: the root of a parse, one variant per `compile()` mode.
#[derive(Debug, Clone, PartialEq)]
pub enum Mod {
    Module {
        body: Vec<Stmt>,
        type_ignores: Vec<TypeIgnore>,
    },
    Interactive {
        body: Vec<Stmt>,
    },
    Expression {
        body: Box<Expr>,
    },
    FunctionType {
        argtypes: Vec<Expr>,
        returns: Box<Expr>,
    },
}

/// `ast.stmt`.
#[derive(Debug, Clone, PartialEq)]
pub enum Stmt {
    FunctionDef {
        name: String,
        args: Box<Arguments>,
        body: Vec<Stmt>,
        decorator_list: Vec<Expr>,
        returns: Option<Box<Expr>>,
        type_comment: Option<String>,
        type_params: Vec<TypeParam>,
        range: Range,
    },
    AsyncFunctionDef {
        name: String,
        args: Box<Arguments>,
        body: Vec<Stmt>,
        decorator_list: Vec<Expr>,
        returns: Option<Box<Expr>>,
        type_comment: Option<String>,
        type_params: Vec<TypeParam>,
        range: Range,
    },
    ClassDef {
        name: String,
        bases: Vec<Expr>,
        keywords: Vec<Keyword>,
        body: Vec<Stmt>,
        decorator_list: Vec<Expr>,
        type_params: Vec<TypeParam>,
        range: Range,
    },
    Return {
        value: Option<Box<Expr>>,
        range: Range,
    },
    Delete {
        targets: Vec<Expr>,
        range: Range,
    },
    Assign {
        targets: Vec<Expr>,
        value: Box<Expr>,
        type_comment: Option<String>,
        range: Range,
    },
    TypeAlias {
        name: Box<Expr>,
        type_params: Vec<TypeParam>,
        value: Box<Expr>,
        range: Range,
    },
    AugAssign {
        target: Box<Expr>,
        op: Operator,
        value: Box<Expr>,
        range: Range,
    },
    AnnAssign {
        target: Box<Expr>,
        annotation: Box<Expr>,
        value: Option<Box<Expr>>,
        /// CPython's `simple` (an int there): the target is a bare, unparenthesized name.
        simple: bool,
        range: Range,
    },
    For {
        target: Box<Expr>,
        iter: Box<Expr>,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
        type_comment: Option<String>,
        range: Range,
    },
    AsyncFor {
        target: Box<Expr>,
        iter: Box<Expr>,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
        type_comment: Option<String>,
        range: Range,
    },
    While {
        test: Box<Expr>,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
        range: Range,
    },
    If {
        test: Box<Expr>,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
        range: Range,
    },
    With {
        items: Vec<WithItem>,
        body: Vec<Stmt>,
        type_comment: Option<String>,
        range: Range,
    },
    AsyncWith {
        items: Vec<WithItem>,
        body: Vec<Stmt>,
        type_comment: Option<String>,
        range: Range,
    },
    Match {
        subject: Box<Expr>,
        cases: Vec<MatchCase>,
        range: Range,
    },
    Raise {
        exc: Option<Box<Expr>>,
        cause: Option<Box<Expr>>,
        range: Range,
    },
    Try {
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
        range: Range,
    },
    TryStar {
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
        range: Range,
    },
    Assert {
        test: Box<Expr>,
        msg: Option<Box<Expr>>,
        range: Range,
    },
    Import {
        names: Vec<Alias>,
        range: Range,
    },
    ImportFrom {
        module: Option<String>,
        names: Vec<Alias>,
        /// Number of leading dots (CPython types it `int | None`; the parser always sets it).
        level: u32,
        range: Range,
    },
    Global {
        names: Vec<String>,
        range: Range,
    },
    Nonlocal {
        names: Vec<String>,
        range: Range,
    },
    Expr {
        value: Box<Expr>,
        range: Range,
    },
    Pass {
        range: Range,
    },
    Break {
        range: Range,
    },
    Continue {
        range: Range,
    },
}

/// `ast.expr`.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    BoolOp {
        op: BoolOp,
        values: Vec<Expr>,
        range: Range,
    },
    NamedExpr {
        target: Box<Expr>,
        value: Box<Expr>,
        range: Range,
    },
    BinOp {
        left: Box<Expr>,
        op: Operator,
        right: Box<Expr>,
        range: Range,
    },
    UnaryOp {
        op: UnaryOp,
        operand: Box<Expr>,
        range: Range,
    },
    Lambda {
        args: Box<Arguments>,
        body: Box<Expr>,
        range: Range,
    },
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
        range: Range,
    },
    /// `keys[i]` is `None` for a `**mapping` entry.
    Dict {
        keys: Vec<Option<Expr>>,
        values: Vec<Expr>,
        range: Range,
    },
    Set {
        elts: Vec<Expr>,
        range: Range,
    },
    ListComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
        range: Range,
    },
    SetComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
        range: Range,
    },
    DictComp {
        key: Box<Expr>,
        value: Box<Expr>,
        generators: Vec<Comprehension>,
        range: Range,
    },
    GeneratorExp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
        range: Range,
    },
    Await {
        value: Box<Expr>,
        range: Range,
    },
    Yield {
        value: Option<Box<Expr>>,
        range: Range,
    },
    YieldFrom {
        value: Box<Expr>,
        range: Range,
    },
    Compare {
        left: Box<Expr>,
        ops: Vec<CmpOp>,
        comparators: Vec<Expr>,
        range: Range,
    },
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        keywords: Vec<Keyword>,
        range: Range,
    },
    /// `conversion` is -1 (none) or the code point of `s`, `r` or `a`.
    FormattedValue {
        value: Box<Expr>,
        conversion: i32,
        format_spec: Option<Box<Expr>>,
        range: Range,
    },
    /// A t-string replacement field; `str` is the expression's source text.
    Interpolation {
        value: Box<Expr>,
        str: String,
        conversion: i32,
        format_spec: Option<Box<Expr>>,
        range: Range,
    },
    JoinedStr {
        values: Vec<Expr>,
        range: Range,
    },
    TemplateStr {
        values: Vec<Expr>,
        range: Range,
    },
    /// `kind` is `Some("u")` for a `u"..."` string, else `None`.
    Constant {
        value: Constant,
        kind: Option<String>,
        range: Range,
    },
    Attribute {
        value: Box<Expr>,
        attr: String,
        ctx: ExprContext,
        range: Range,
    },
    Subscript {
        value: Box<Expr>,
        slice: Box<Expr>,
        ctx: ExprContext,
        range: Range,
    },
    Starred {
        value: Box<Expr>,
        ctx: ExprContext,
        range: Range,
    },
    Name {
        id: String,
        ctx: ExprContext,
        range: Range,
    },
    List {
        elts: Vec<Expr>,
        ctx: ExprContext,
        range: Range,
    },
    Tuple {
        elts: Vec<Expr>,
        ctx: ExprContext,
        range: Range,
    },
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
        range: Range,
    },
}

/// The value of an `ast.Constant` (and of `ast.MatchSingleton`).
#[derive(Debug, Clone, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    Ellipsis,
    Int(BigInt),
    Float(f64),
    Complex {
        real: f64,
        imag: f64,
    },
    Str(String),
    /// A str literal holding lone surrogates (`"\ud800"`), which a Rust `String`
    /// cannot represent: its code points, in order.
    SurrogateStr(Vec<u32>),
    Bytes(Vec<u8>),
    /// A tuple of constants. The parser never makes one; it comes only from a
    /// `Constant` node built in Python (`compile(ast.Constant((1, 2)))`), which
    /// CPython compiles as the folded tuple constant it would have produced.
    Tuple(Vec<Constant>),
    /// A frozenset of constants, from Python-built trees only, as [`Constant::Tuple`]:
    /// elements in the set's iteration order, so that rebuilding it keeps that order.
    FrozenSet(Vec<Constant>),
}

/// `ast.expr_context`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExprContext {
    Load,
    Store,
    Del,
}

/// `ast.boolop`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BoolOp {
    And,
    Or,
}

/// `ast.operator`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Operator {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDiv,
}

/// `ast.unaryop`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    Invert,
    Not,
    UAdd,
    USub,
}

/// `ast.cmpop`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

/// `ast.comprehension`: one `for ... in ... if ...` clause.
#[derive(Debug, Clone, PartialEq)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    /// CPython's `is_async` (an int there).
    pub is_async: bool,
}

/// `ast.excepthandler`.
#[derive(Debug, Clone, PartialEq)]
pub enum ExceptHandler {
    ExceptHandler {
        r#type: Option<Box<Expr>>,
        name: Option<String>,
        body: Vec<Stmt>,
        range: Range,
    },
}

/// `ast.arguments`: a parameter list.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Arguments {
    pub posonlyargs: Vec<Arg>,
    pub args: Vec<Arg>,
    pub vararg: Option<Box<Arg>>,
    pub kwonlyargs: Vec<Arg>,
    /// One entry per `kwonlyargs`; `None` where that parameter has no default.
    pub kw_defaults: Vec<Option<Expr>>,
    pub kwarg: Option<Box<Arg>>,
    /// Defaults of the last `defaults.len()` positional parameters.
    pub defaults: Vec<Expr>,
}

/// `ast.arg`: one parameter.
#[derive(Debug, Clone, PartialEq)]
pub struct Arg {
    pub arg: String,
    pub annotation: Option<Box<Expr>>,
    pub type_comment: Option<String>,
    pub range: Range,
}

/// `ast.keyword`: `arg=value` in a call or class header; `arg` is `None` for `**value`.
#[derive(Debug, Clone, PartialEq)]
pub struct Keyword {
    pub arg: Option<String>,
    pub value: Expr,
    pub range: Range,
}

/// `ast.alias`: `name [as asname]` in an import.
#[derive(Debug, Clone, PartialEq)]
pub struct Alias {
    pub name: String,
    pub asname: Option<String>,
    pub range: Range,
}

/// `ast.withitem`.
#[derive(Debug, Clone, PartialEq)]
pub struct WithItem {
    pub context_expr: Expr,
    pub optional_vars: Option<Box<Expr>>,
}

/// `ast.match_case`.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchCase {
    pub pattern: Pattern,
    pub guard: Option<Box<Expr>>,
    pub body: Vec<Stmt>,
}

/// `ast.pattern`.
#[derive(Debug, Clone, PartialEq)]
pub enum Pattern {
    MatchValue {
        value: Box<Expr>,
        range: Range,
    },
    /// `value` is `Constant::None` or `Constant::Bool`.
    MatchSingleton {
        value: Constant,
        range: Range,
    },
    MatchSequence {
        patterns: Vec<Pattern>,
        range: Range,
    },
    MatchMapping {
        keys: Vec<Expr>,
        patterns: Vec<Pattern>,
        rest: Option<String>,
        range: Range,
    },
    MatchClass {
        cls: Box<Expr>,
        patterns: Vec<Pattern>,
        kwd_attrs: Vec<String>,
        kwd_patterns: Vec<Pattern>,
        range: Range,
    },
    MatchStar {
        name: Option<String>,
        range: Range,
    },
    MatchAs {
        pattern: Option<Box<Pattern>>,
        name: Option<String>,
        range: Range,
    },
    MatchOr {
        patterns: Vec<Pattern>,
        range: Range,
    },
}

/// `ast.type_ignore`.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeIgnore {
    TypeIgnore { lineno: u32, tag: String },
}

/// `ast.type_param`.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeParam {
    TypeVar {
        name: String,
        bound: Option<Box<Expr>>,
        default_value: Option<Box<Expr>>,
        range: Range,
    },
    ParamSpec {
        name: String,
        default_value: Option<Box<Expr>>,
        range: Range,
    },
    TypeVarTuple {
        name: String,
        default_value: Option<Box<Expr>>,
        range: Range,
    },
}

impl Stmt {
    /// The statement's source span.
    pub fn range(&self) -> Range {
        match self {
            Stmt::FunctionDef { range, .. }
            | Stmt::AsyncFunctionDef { range, .. }
            | Stmt::ClassDef { range, .. }
            | Stmt::Return { range, .. }
            | Stmt::Delete { range, .. }
            | Stmt::Assign { range, .. }
            | Stmt::TypeAlias { range, .. }
            | Stmt::AugAssign { range, .. }
            | Stmt::AnnAssign { range, .. }
            | Stmt::For { range, .. }
            | Stmt::AsyncFor { range, .. }
            | Stmt::While { range, .. }
            | Stmt::If { range, .. }
            | Stmt::With { range, .. }
            | Stmt::AsyncWith { range, .. }
            | Stmt::Match { range, .. }
            | Stmt::Raise { range, .. }
            | Stmt::Try { range, .. }
            | Stmt::TryStar { range, .. }
            | Stmt::Assert { range, .. }
            | Stmt::Import { range, .. }
            | Stmt::ImportFrom { range, .. }
            | Stmt::Global { range, .. }
            | Stmt::Nonlocal { range, .. }
            | Stmt::Expr { range, .. }
            | Stmt::Pass { range }
            | Stmt::Break { range }
            | Stmt::Continue { range } => *range,
        }
    }
}

impl Expr {
    /// The expression's source span.
    pub fn range(&self) -> Range {
        match self {
            Expr::BoolOp { range, .. }
            | Expr::NamedExpr { range, .. }
            | Expr::BinOp { range, .. }
            | Expr::UnaryOp { range, .. }
            | Expr::Lambda { range, .. }
            | Expr::IfExp { range, .. }
            | Expr::Dict { range, .. }
            | Expr::Set { range, .. }
            | Expr::ListComp { range, .. }
            | Expr::SetComp { range, .. }
            | Expr::DictComp { range, .. }
            | Expr::GeneratorExp { range, .. }
            | Expr::Await { range, .. }
            | Expr::Yield { range, .. }
            | Expr::YieldFrom { range, .. }
            | Expr::Compare { range, .. }
            | Expr::Call { range, .. }
            | Expr::FormattedValue { range, .. }
            | Expr::Interpolation { range, .. }
            | Expr::JoinedStr { range, .. }
            | Expr::TemplateStr { range, .. }
            | Expr::Constant { range, .. }
            | Expr::Attribute { range, .. }
            | Expr::Subscript { range, .. }
            | Expr::Starred { range, .. }
            | Expr::Name { range, .. }
            | Expr::List { range, .. }
            | Expr::Tuple { range, .. }
            | Expr::Slice { range, .. } => *range,
        }
    }

    /// Mutable access to the span, for parser rules that widen a node (parentheses
    /// around a generator argument, decorators, ...).
    pub fn range_mut(&mut self) -> &mut Range {
        match self {
            Expr::BoolOp { range, .. }
            | Expr::NamedExpr { range, .. }
            | Expr::BinOp { range, .. }
            | Expr::UnaryOp { range, .. }
            | Expr::Lambda { range, .. }
            | Expr::IfExp { range, .. }
            | Expr::Dict { range, .. }
            | Expr::Set { range, .. }
            | Expr::ListComp { range, .. }
            | Expr::SetComp { range, .. }
            | Expr::DictComp { range, .. }
            | Expr::GeneratorExp { range, .. }
            | Expr::Await { range, .. }
            | Expr::Yield { range, .. }
            | Expr::YieldFrom { range, .. }
            | Expr::Compare { range, .. }
            | Expr::Call { range, .. }
            | Expr::FormattedValue { range, .. }
            | Expr::Interpolation { range, .. }
            | Expr::JoinedStr { range, .. }
            | Expr::TemplateStr { range, .. }
            | Expr::Constant { range, .. }
            | Expr::Attribute { range, .. }
            | Expr::Subscript { range, .. }
            | Expr::Starred { range, .. }
            | Expr::Name { range, .. }
            | Expr::List { range, .. }
            | Expr::Tuple { range, .. }
            | Expr::Slice { range, .. } => range,
        }
    }
}

impl Pattern {
    /// The pattern's source span.
    pub fn range(&self) -> Range {
        match self {
            Pattern::MatchValue { range, .. }
            | Pattern::MatchSingleton { range, .. }
            | Pattern::MatchSequence { range, .. }
            | Pattern::MatchMapping { range, .. }
            | Pattern::MatchClass { range, .. }
            | Pattern::MatchStar { range, .. }
            | Pattern::MatchAs { range, .. }
            | Pattern::MatchOr { range, .. } => *range,
        }
    }
}

impl ExceptHandler {
    /// The handler's source span.
    pub fn range(&self) -> Range {
        match self {
            ExceptHandler::ExceptHandler { range, .. } => *range,
        }
    }
}

impl TypeParam {
    /// The type parameter's source span.
    pub fn range(&self) -> Range {
        match self {
            TypeParam::TypeVar { range, .. }
            | TypeParam::ParamSpec { range, .. }
            | TypeParam::TypeVarTuple { range, .. } => *range,
        }
    }
}
