# 3.14's repr of ast nodes: nested nodes past two levels as Name(...), long lists as
# [first, ..., last].
import ast

t = ast.parse("def f(a, b=1):\n    return [x for x in y if x]\nz = {1: (2, 3)}\n")
print(repr(t))
print(repr(t.body[0]))
print(repr(ast.parse("a.b.c.d.e.f(g)")))
print(repr(ast.parse("a;b;c;d")))
print(repr(ast.Name("q")))
print(repr(ast.Constant(value=[1, 2, 3])))
print(repr(ast.Module(body=[ast.Pass()] * 5)))
print(repr(ast.List(elts=[ast.Name('a'), 1, 'x'])))
print(repr(ast.AST()))
n = ast.Name('x')
n.extra = 5
print(repr(n))
class Sub(ast.Name):
    pass
print(repr(Sub('x')))
print(repr(ast.Load()), repr(ast.arguments()))
print(repr(ast.Constant(1, kind=None)), repr(ast.MatchSingleton(None)))
print(repr(ast.Tuple(elts=[ast.Constant(i) for i in range(4)])))
print(repr(ast.Constant(value=(1, [2]))))
print(repr(ast.List(elts=[[ast.Load()], (1,)])))
d = ast.Name('x')
del d.ctx
try:
    print(repr(d))
except AttributeError as e:
    print("AttributeError", e)
print(str(ast.parse("1").body[0]))
