//! The table of `_ast` node classes: CPython 3.14's `Parser/Python.asdl` as the
//! `_ast` module exposes it, one class a line.
//!
//! `NAME:BASE:FIELDS:ATTRIBUTES`, fields and attributes separated by spaces; a field
//! ending in `*` is a list (defaults to `[]`), one ending in `?` is optional
//! (defaults to None). Bases come before the classes that derive from them.
//! Written from the reference's `_ast` classes (`_fields`, `_attributes`,
//! `_field_types`).

pub(crate) const NODE_TABLE: &str = "\
alias:AST:name asname?:lineno col_offset end_lineno? end_col_offset?\n\
arg:AST:arg annotation? type_comment?:lineno col_offset end_lineno? end_col_offset?\n\
arguments:AST:posonlyargs* args* vararg? kwonlyargs* kw_defaults* kwarg? defaults*:\n\
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
comprehension:AST:target iter ifs* is_async:\n\
excepthandler:AST::lineno col_offset end_lineno? end_col_offset?\n\
ExceptHandler:excepthandler:type? name? body*:lineno col_offset end_lineno? end_col_offset?\n\
expr:AST::lineno col_offset end_lineno? end_col_offset?\n\
Attribute:expr:value attr ctx:lineno col_offset end_lineno? end_col_offset?\n\
Await:expr:value:lineno col_offset end_lineno? end_col_offset?\n\
BinOp:expr:left op right:lineno col_offset end_lineno? end_col_offset?\n\
BoolOp:expr:op values*:lineno col_offset end_lineno? end_col_offset?\n\
Call:expr:func args* keywords*:lineno col_offset end_lineno? end_col_offset?\n\
Compare:expr:left ops* comparators*:lineno col_offset end_lineno? end_col_offset?\n\
Constant:expr:value kind?:lineno col_offset end_lineno? end_col_offset?\n\
Dict:expr:keys* values*:lineno col_offset end_lineno? end_col_offset?\n\
DictComp:expr:key value generators*:lineno col_offset end_lineno? end_col_offset?\n\
FormattedValue:expr:value conversion format_spec?:lineno col_offset end_lineno? end_col_offset?\n\
GeneratorExp:expr:elt generators*:lineno col_offset end_lineno? end_col_offset?\n\
IfExp:expr:test body orelse:lineno col_offset end_lineno? end_col_offset?\n\
Interpolation:expr:value str conversion format_spec?:lineno col_offset end_lineno? end_col_offset?\n\
JoinedStr:expr:values*:lineno col_offset end_lineno? end_col_offset?\n\
Lambda:expr:args body:lineno col_offset end_lineno? end_col_offset?\n\
List:expr:elts* ctx:lineno col_offset end_lineno? end_col_offset?\n\
ListComp:expr:elt generators*:lineno col_offset end_lineno? end_col_offset?\n\
Name:expr:id ctx:lineno col_offset end_lineno? end_col_offset?\n\
NamedExpr:expr:target value:lineno col_offset end_lineno? end_col_offset?\n\
Set:expr:elts*:lineno col_offset end_lineno? end_col_offset?\n\
SetComp:expr:elt generators*:lineno col_offset end_lineno? end_col_offset?\n\
Slice:expr:lower? upper? step?:lineno col_offset end_lineno? end_col_offset?\n\
Starred:expr:value ctx:lineno col_offset end_lineno? end_col_offset?\n\
Subscript:expr:value slice ctx:lineno col_offset end_lineno? end_col_offset?\n\
TemplateStr:expr:values*:lineno col_offset end_lineno? end_col_offset?\n\
Tuple:expr:elts* ctx:lineno col_offset end_lineno? end_col_offset?\n\
UnaryOp:expr:op operand:lineno col_offset end_lineno? end_col_offset?\n\
Yield:expr:value?:lineno col_offset end_lineno? end_col_offset?\n\
YieldFrom:expr:value:lineno col_offset end_lineno? end_col_offset?\n\
expr_context:AST::\n\
Del:expr_context::\n\
Load:expr_context::\n\
Store:expr_context::\n\
keyword:AST:arg? value:lineno col_offset end_lineno? end_col_offset?\n\
match_case:AST:pattern guard? body*:\n\
mod:AST::\n\
Expression:mod:body:\n\
FunctionType:mod:argtypes* returns:\n\
Interactive:mod:body*:\n\
Module:mod:body* type_ignores*:\n\
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
pattern:AST::lineno col_offset end_lineno? end_col_offset?\n\
MatchAs:pattern:pattern? name?:lineno col_offset end_lineno? end_col_offset?\n\
MatchClass:pattern:cls patterns* kwd_attrs* kwd_patterns*:lineno col_offset end_lineno? end_col_offset?\n\
MatchMapping:pattern:keys* patterns* rest?:lineno col_offset end_lineno? end_col_offset?\n\
MatchOr:pattern:patterns*:lineno col_offset end_lineno? end_col_offset?\n\
MatchSequence:pattern:patterns*:lineno col_offset end_lineno? end_col_offset?\n\
MatchSingleton:pattern:value:lineno col_offset end_lineno? end_col_offset?\n\
MatchStar:pattern:name?:lineno col_offset end_lineno? end_col_offset?\n\
MatchValue:pattern:value:lineno col_offset end_lineno? end_col_offset?\n\
stmt:AST::lineno col_offset end_lineno? end_col_offset?\n\
AnnAssign:stmt:target annotation value? simple:lineno col_offset end_lineno? end_col_offset?\n\
Assert:stmt:test msg?:lineno col_offset end_lineno? end_col_offset?\n\
Assign:stmt:targets* value type_comment?:lineno col_offset end_lineno? end_col_offset?\n\
AsyncFor:stmt:target iter body* orelse* type_comment?:lineno col_offset end_lineno? end_col_offset?\n\
AsyncFunctionDef:stmt:name args body* decorator_list* returns? type_comment? type_params*:lineno col_offset end_lineno? end_col_offset?\n\
AsyncWith:stmt:items* body* type_comment?:lineno col_offset end_lineno? end_col_offset?\n\
AugAssign:stmt:target op value:lineno col_offset end_lineno? end_col_offset?\n\
Break:stmt::lineno col_offset end_lineno? end_col_offset?\n\
ClassDef:stmt:name bases* keywords* body* decorator_list* type_params*:lineno col_offset end_lineno? end_col_offset?\n\
Continue:stmt::lineno col_offset end_lineno? end_col_offset?\n\
Delete:stmt:targets*:lineno col_offset end_lineno? end_col_offset?\n\
Expr:stmt:value:lineno col_offset end_lineno? end_col_offset?\n\
For:stmt:target iter body* orelse* type_comment?:lineno col_offset end_lineno? end_col_offset?\n\
FunctionDef:stmt:name args body* decorator_list* returns? type_comment? type_params*:lineno col_offset end_lineno? end_col_offset?\n\
Global:stmt:names*:lineno col_offset end_lineno? end_col_offset?\n\
If:stmt:test body* orelse*:lineno col_offset end_lineno? end_col_offset?\n\
Import:stmt:names*:lineno col_offset end_lineno? end_col_offset?\n\
ImportFrom:stmt:module? names* level?:lineno col_offset end_lineno? end_col_offset?\n\
Match:stmt:subject cases*:lineno col_offset end_lineno? end_col_offset?\n\
Nonlocal:stmt:names*:lineno col_offset end_lineno? end_col_offset?\n\
Pass:stmt::lineno col_offset end_lineno? end_col_offset?\n\
Raise:stmt:exc? cause?:lineno col_offset end_lineno? end_col_offset?\n\
Return:stmt:value?:lineno col_offset end_lineno? end_col_offset?\n\
Try:stmt:body* handlers* orelse* finalbody*:lineno col_offset end_lineno? end_col_offset?\n\
TryStar:stmt:body* handlers* orelse* finalbody*:lineno col_offset end_lineno? end_col_offset?\n\
TypeAlias:stmt:name type_params* value:lineno col_offset end_lineno? end_col_offset?\n\
While:stmt:test body* orelse*:lineno col_offset end_lineno? end_col_offset?\n\
With:stmt:items* body* type_comment?:lineno col_offset end_lineno? end_col_offset?\n\
type_ignore:AST::\n\
TypeIgnore:type_ignore:lineno tag:\n\
type_param:AST::lineno col_offset end_lineno? end_col_offset?\n\
ParamSpec:type_param:name default_value?:lineno col_offset end_lineno? end_col_offset?\n\
TypeVar:type_param:name bound? default_value?:lineno col_offset end_lineno? end_col_offset?\n\
TypeVarTuple:type_param:name default_value?:lineno col_offset end_lineno? end_col_offset?\n\
unaryop:AST::\n\
Invert:unaryop::\n\
Not:unaryop::\n\
UAdd:unaryop::\n\
USub:unaryop::\n\
withitem:AST:context_expr optional_vars?:\n\
";
