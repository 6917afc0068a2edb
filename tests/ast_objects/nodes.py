# Node classes and constructors: fields, defaults, errors, identity of shared nodes.
import ast, sys

print(ast.Return().__dict__, sorted(ast.arguments().__dict__.items()))
print(ast.Constant(1).__dict__, ast.Name('x').__dict__, ast.Name(id='y', ctx=ast.Store()).__dict__)
print(ast.FunctionDef('f').__dict__ if False else sorted(ast.ClassDef('C').__dict__))
for args, kwargs in [(('x', ast.Load(), 3), {}), (('x',), {'id': 'y'}), ((), {'id': 'z', 'ctx': 1})]:
    try:
        n = ast.Name(*args, **kwargs)
        print(n.__dict__)
    except TypeError as e:
        print("TypeError", e)
print(ast.Name._fields, ast.Name.__match_args__, ast.Name._attributes)
print(ast.arguments._attributes, ast.AST._fields, ast.expr._attributes)
print(ast.Name._field_types, ast.Load._field_types)
print(ast.FunctionDef._field_types)
print(ast.ImportFrom._field_types, ast.Constant._field_types)
print(ast.Name.__mro__, ast.Name.__module__, ast.Add.__base__, ast.stmt.__base__)
print(ast.Name.end_lineno, ast.Return.value, ast.arg.type_comment, hasattr(ast.Name, 'id'))
print(ast.Load() is ast.Load(), isinstance(ast.Load(), ast.expr_context))
a = ast.parse("abc\nabc\nx.attr\ny.attr")
b = ast.parse("abc+1")
print(a.body[0].value.ctx is b.body[0].value.left.ctx)
print(a.body[0].value.id is a.body[1].value.id, a.body[0].value.id is sys.intern('abc'))
print(a.body[2].value.attr is a.body[3].value.attr)
print(a.body[0].value.__dict__, a.body[0].__dict__.keys())
print(list(ast.iter_fields(a.body[2].value)))
n = ast.Name('x')
n.custom = 1
print(n.__dict__, n == ast.Name('x'), n != n)
match ast.parse("f(1)").body[0].value:
    case ast.Call(ast.Name(fn), [ast.Constant(arg)]):
        print("matched", fn, arg)
print(ast.dump(ast.parse("x = f(1, *a, k=2)")))
print(ast.dump(ast.parse("x: int = 1", type_comments=True), indent=2, include_attributes=True))
print(ast.dump(ast.parse("def f(): pass"), show_empty=True))
print(ast.dump(ast.parse("import a.b as c, d"), annotate_fields=False))
print(ast.copy_location(ast.Name('y'), ast.parse('zz').body[0].value).col_offset)
class Up(ast.NodeTransformer):
    def visit_Constant(self, node):
        return ast.Constant(node.value * 10)
t2 = ast.fix_missing_locations(Up().visit(ast.parse("print(1 + 2)")))
exec(compile(t2, "<t2>", "exec"))
class V(ast.NodeVisitor):
    def visit_Name(self, node):
        print("name", node.id)
V().visit(ast.parse("a + b * c"))
