# The _ast module: flags, class hierarchy, _fields, _attributes, __match_args__,
# constructor defaults and errors, pattern matching on nodes.
import _ast

print(_ast.PyCF_ONLY_AST, _ast.PyCF_TYPE_COMMENTS, _ast.PyCF_ALLOW_TOP_LEVEL_AWAIT,
      _ast.PyCF_OPTIMIZED_AST)
for name in ["Module", "FunctionDef", "Name", "arguments", "arg", "keyword", "alias",
             "withitem", "match_case", "comprehension", "ExceptHandler", "MatchAs",
             "TypeVar", "TypeIgnore", "Load", "Add", "Eq", "Not", "And", "Constant"]:
    cls = getattr(_ast, name)
    print(name, cls.__base__.__name__, cls.__module__, cls._fields, cls._attributes,
          cls.__match_args__)
print(issubclass(_ast.Name, _ast.expr), issubclass(_ast.expr, _ast.AST))
print(_ast.FunctionDef.returns, _ast.expr.end_lineno, _ast.Constant.kind)
n = _ast.Name("y")
print(n.id, type(n.ctx).__name__)
node = _ast.BinOp(_ast.Constant(1), _ast.Add(), right=_ast.Constant(2), lineno=3)
print(node.left.value, type(node.op).__name__, node.right.value, node.lineno)
print(_ast.List().elts, _ast.arguments().args, _ast.Module().type_ignores)
try:
    _ast.Name("a", "b", "c")
except TypeError as e:
    print("TypeError:", e)
try:
    _ast.Pass(1)
except TypeError as e:
    print("TypeError:", e)
tree = compile("x = a + 1\n", "<m>", "exec", _ast.PyCF_ONLY_AST)
match tree.body[0]:
    case _ast.Assign(targets=[_ast.Name(id=target)], value=_ast.BinOp(op=_ast.Add(), right=_ast.Constant(value=v))):
        print("matched", target, v)
try:
    compile("x = (", "<m>", "exec", _ast.PyCF_ONLY_AST)
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.lineno, e.offset)
print(type(tree.body[0].targets[0].ctx).__name__, type(tree.body[0].value.left.ctx).__name__)
