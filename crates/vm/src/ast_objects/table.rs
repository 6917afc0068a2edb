//! The table of `_ast` node classes: CPython 3.14's `Parser/Python.asdl` as the
//! `_ast` module exposes it, one class a line.
//!
//! `NAME:BASE:FIELDS:ATTRIBUTES`, fields and attributes separated by spaces. A field
//! is `name=type`: `str`, `int`, `object` or a node class, ending in `*` for a list
//! (defaults to `[]`) or `?` for an optional value (defaults to None); an attribute
//! ending in `?` is optional. Bases come before the classes that derive from them.
//! Generated from the reference's `_ast` classes (`_fields`, `_attributes`,
//! `_field_types`, class-level None defaults).

pub(crate) const NODE_TABLE: &str = "\
alias:AST:name=str asname=str?:lineno col_offset end_lineno? end_col_offset?\n\
arg:AST:arg=str annotation=expr? type_comment=str?:lineno col_offset end_lineno? end_col_offset?\n\
arguments:AST:posonlyargs=arg* args=arg* vararg=arg? kwonlyargs=arg* kw_defaults=expr* kwarg=arg? defaults=expr*:\n\
boolop:AST::\n\
And:boolop::\n\
Or:boolop::\n\
cmpop:AST::\n\
Eq:cmpop::\n\
Gt:cmpop::\n\
GtE:cmpop::\n\
In:cmpop::\n\
Is:cmpop::\n\
IsNot:cmpop::\n\
Lt:cmpop::\n\
LtE:cmpop::\n\
NotEq:cmpop::\n\
NotIn:cmpop::\n\
comprehension:AST:target=expr iter=expr ifs=expr* is_async=int:\n\
excepthandler:AST::lineno col_offset end_lineno? end_col_offset?\n\
ExceptHandler:excepthandler:type=expr? name=str? body=stmt*:lineno col_offset end_lineno? end_col_offset?\n\
expr:AST::lineno col_offset end_lineno? end_col_offset?\n\
Attribute:expr:value=expr attr=str ctx=expr_context:lineno col_offset end_lineno? end_col_offset?\n\
Await:expr:value=expr:lineno col_offset end_lineno? end_col_offset?\n\
BinOp:expr:left=expr op=operator right=expr:lineno col_offset end_lineno? end_col_offset?\n\
BoolOp:expr:op=boolop values=expr*:lineno col_offset end_lineno? end_col_offset?\n\
Call:expr:func=expr args=expr* keywords=keyword*:lineno col_offset end_lineno? end_col_offset?\n\
Compare:expr:left=expr ops=cmpop* comparators=expr*:lineno col_offset end_lineno? end_col_offset?\n\
Constant:expr:value=object kind=str?:lineno col_offset end_lineno? end_col_offset?\n\
Dict:expr:keys=expr* values=expr*:lineno col_offset end_lineno? end_col_offset?\n\
DictComp:expr:key=expr value=expr generators=comprehension*:lineno col_offset end_lineno? end_col_offset?\n\
FormattedValue:expr:value=expr conversion=int format_spec=expr?:lineno col_offset end_lineno? end_col_offset?\n\
GeneratorExp:expr:elt=expr generators=comprehension*:lineno col_offset end_lineno? end_col_offset?\n\
IfExp:expr:test=expr body=expr orelse=expr:lineno col_offset end_lineno? end_col_offset?\n\
Interpolation:expr:value=expr str=object conversion=int format_spec=expr?:lineno col_offset end_lineno? end_col_offset?\n\
JoinedStr:expr:values=expr*:lineno col_offset end_lineno? end_col_offset?\n\
Lambda:expr:args=arguments body=expr:lineno col_offset end_lineno? end_col_offset?\n\
List:expr:elts=expr* ctx=expr_context:lineno col_offset end_lineno? end_col_offset?\n\
ListComp:expr:elt=expr generators=comprehension*:lineno col_offset end_lineno? end_col_offset?\n\
Name:expr:id=str ctx=expr_context:lineno col_offset end_lineno? end_col_offset?\n\
NamedExpr:expr:target=expr value=expr:lineno col_offset end_lineno? end_col_offset?\n\
Set:expr:elts=expr*:lineno col_offset end_lineno? end_col_offset?\n\
SetComp:expr:elt=expr generators=comprehension*:lineno col_offset end_lineno? end_col_offset?\n\
Slice:expr:lower=expr? upper=expr? step=expr?:lineno col_offset end_lineno? end_col_offset?\n\
Starred:expr:value=expr ctx=expr_context:lineno col_offset end_lineno? end_col_offset?\n\
Subscript:expr:value=expr slice=expr ctx=expr_context:lineno col_offset end_lineno? end_col_offset?\n\
TemplateStr:expr:values=expr*:lineno col_offset end_lineno? end_col_offset?\n\
Tuple:expr:elts=expr* ctx=expr_context:lineno col_offset end_lineno? end_col_offset?\n\
UnaryOp:expr:op=unaryop operand=expr:lineno col_offset end_lineno? end_col_offset?\n\
Yield:expr:value=expr?:lineno col_offset end_lineno? end_col_offset?\n\
YieldFrom:expr:value=expr:lineno col_offset end_lineno? end_col_offset?\n\
expr_context:AST::\n\
Del:expr_context::\n\
Load:expr_context::\n\
Store:expr_context::\n\
keyword:AST:arg=str? value=expr:lineno col_offset end_lineno? end_col_offset?\n\
match_case:AST:pattern=pattern guard=expr? body=stmt*:\n\
mod:AST::\n\
Expression:mod:body=expr:\n\
FunctionType:mod:argtypes=expr* returns=expr:\n\
Interactive:mod:body=stmt*:\n\
Module:mod:body=stmt* type_ignores=type_ignore*:\n\
operator:AST::\n\
Add:operator::\n\
BitAnd:operator::\n\
BitOr:operator::\n\
BitXor:operator::\n\
Div:operator::\n\
FloorDiv:operator::\n\
LShift:operator::\n\
MatMult:operator::\n\
Mod:operator::\n\
Mult:operator::\n\
Pow:operator::\n\
RShift:operator::\n\
Sub:operator::\n\
pattern:AST::lineno col_offset end_lineno end_col_offset\n\
MatchAs:pattern:pattern=pattern? name=str?:lineno col_offset end_lineno end_col_offset\n\
MatchClass:pattern:cls=expr patterns=pattern* kwd_attrs=str* kwd_patterns=pattern*:lineno col_offset end_lineno end_col_offset\n\
MatchMapping:pattern:keys=expr* patterns=pattern* rest=str?:lineno col_offset end_lineno end_col_offset\n\
MatchOr:pattern:patterns=pattern*:lineno col_offset end_lineno end_col_offset\n\
MatchSequence:pattern:patterns=pattern*:lineno col_offset end_lineno end_col_offset\n\
MatchSingleton:pattern:value=object:lineno col_offset end_lineno end_col_offset\n\
MatchStar:pattern:name=str?:lineno col_offset end_lineno end_col_offset\n\
MatchValue:pattern:value=expr:lineno col_offset end_lineno end_col_offset\n\
stmt:AST::lineno col_offset end_lineno? end_col_offset?\n\
AnnAssign:stmt:target=expr annotation=expr value=expr? simple=int:lineno col_offset end_lineno? end_col_offset?\n\
Assert:stmt:test=expr msg=expr?:lineno col_offset end_lineno? end_col_offset?\n\
Assign:stmt:targets=expr* value=expr type_comment=str?:lineno col_offset end_lineno? end_col_offset?\n\
AsyncFor:stmt:target=expr iter=expr body=stmt* orelse=stmt* type_comment=str?:lineno col_offset end_lineno? end_col_offset?\n\
AsyncFunctionDef:stmt:name=str args=arguments body=stmt* decorator_list=expr* returns=expr? type_comment=str? type_params=type_param*:lineno col_offset end_lineno? end_col_offset?\n\
AsyncWith:stmt:items=withitem* body=stmt* type_comment=str?:lineno col_offset end_lineno? end_col_offset?\n\
AugAssign:stmt:target=expr op=operator value=expr:lineno col_offset end_lineno? end_col_offset?\n\
Break:stmt::lineno col_offset end_lineno? end_col_offset?\n\
ClassDef:stmt:name=str bases=expr* keywords=keyword* body=stmt* decorator_list=expr* type_params=type_param*:lineno col_offset end_lineno? end_col_offset?\n\
Continue:stmt::lineno col_offset end_lineno? end_col_offset?\n\
Delete:stmt:targets=expr*:lineno col_offset end_lineno? end_col_offset?\n\
Expr:stmt:value=expr:lineno col_offset end_lineno? end_col_offset?\n\
For:stmt:target=expr iter=expr body=stmt* orelse=stmt* type_comment=str?:lineno col_offset end_lineno? end_col_offset?\n\
FunctionDef:stmt:name=str args=arguments body=stmt* decorator_list=expr* returns=expr? type_comment=str? type_params=type_param*:lineno col_offset end_lineno? end_col_offset?\n\
Global:stmt:names=str*:lineno col_offset end_lineno? end_col_offset?\n\
If:stmt:test=expr body=stmt* orelse=stmt*:lineno col_offset end_lineno? end_col_offset?\n\
Import:stmt:names=alias*:lineno col_offset end_lineno? end_col_offset?\n\
ImportFrom:stmt:module=str? names=alias* level=int?:lineno col_offset end_lineno? end_col_offset?\n\
Match:stmt:subject=expr cases=match_case*:lineno col_offset end_lineno? end_col_offset?\n\
Nonlocal:stmt:names=str*:lineno col_offset end_lineno? end_col_offset?\n\
Pass:stmt::lineno col_offset end_lineno? end_col_offset?\n\
Raise:stmt:exc=expr? cause=expr?:lineno col_offset end_lineno? end_col_offset?\n\
Return:stmt:value=expr?:lineno col_offset end_lineno? end_col_offset?\n\
Try:stmt:body=stmt* handlers=excepthandler* orelse=stmt* finalbody=stmt*:lineno col_offset end_lineno? end_col_offset?\n\
TryStar:stmt:body=stmt* handlers=excepthandler* orelse=stmt* finalbody=stmt*:lineno col_offset end_lineno? end_col_offset?\n\
TypeAlias:stmt:name=expr type_params=type_param* value=expr:lineno col_offset end_lineno? end_col_offset?\n\
While:stmt:test=expr body=stmt* orelse=stmt*:lineno col_offset end_lineno? end_col_offset?\n\
With:stmt:items=withitem* body=stmt* type_comment=str?:lineno col_offset end_lineno? end_col_offset?\n\
type_ignore:AST::\n\
TypeIgnore:type_ignore:lineno=int tag=str:\n\
type_param:AST::lineno col_offset end_lineno end_col_offset\n\
ParamSpec:type_param:name=str default_value=expr?:lineno col_offset end_lineno end_col_offset\n\
TypeVar:type_param:name=str bound=expr? default_value=expr?:lineno col_offset end_lineno end_col_offset\n\
TypeVarTuple:type_param:name=str default_value=expr?:lineno col_offset end_lineno end_col_offset\n\
unaryop:AST::\n\
Invert:unaryop::\n\
Not:unaryop::\n\
UAdd:unaryop::\n\
USub:unaryop::\n\
withitem:AST:context_expr=expr optional_vars=expr?:\n\
";
