# Parsed nodes keep their positions as unboxed ints beside the fields: reading,
# writing ints of every size and other values, deleting, the __dict__ order, copy
# and compile must all behave exactly as with a dict.
import ast, copy, gc

t = ast.parse("def f(a, *, b=2):\n    return a + b  # c\nx = [y for y in z if y]\n")
f = t.body[0]
ret = f.body[0]
print(ret.lineno, ret.col_offset, ret.end_lineno, ret.end_col_offset)
print(ret.value.left.col_offset, ret.value.right.end_col_offset)
print(list(vars(ret.value)))
ret.lineno = 7
ret.col_offset = -3
print(ret.lineno, ret.col_offset, "__dict__" in dir(ret))
ret.end_lineno = 2**70
print(ret.end_lineno, vars(ret))
b = ret.value
b.col_offset = "text"
print(b.col_offset, list(vars(b)))
n = t.body[1].targets[0]
n.end_col_offset = True
print(n.end_col_offset, type(n.end_col_offset).__name__, vars(n))
c = t.body[1].value
del c.end_lineno
print(hasattr(c, "end_lineno"), list(vars(c)))
g = t.body[1].value.generators[0]
print(g._fields, hasattr(g, "lineno"), list(vars(g)))
g.lineno = 5
print(g.lineno, list(vars(g)))
a = f.args.kwonlyargs[0]
print(a.arg, a.lineno, a.col_offset, a.end_col_offset, f.args.kw_defaults[0].value)
d = copy.deepcopy(ast.parse("k = 1").body[0])
print(d.lineno, d.end_col_offset, d.value.col_offset, ast.dump(d, include_attributes=True))
m = ast.parse("w = 1\nv = 2")
m.body[1].lineno = 1
m.body[1].end_lineno = 1
print(compile(m, "<p>", "exec").co_firstlineno, ast.dump(m.body[1], include_attributes=True))
for node in ast.walk(ast.parse("if p:\n    q(r)\nelse:\n    s[t] = u.v")):
    if hasattr(node, "lineno"):
        print(type(node).__name__, node.lineno, node.col_offset, node.end_lineno, node.end_col_offset)
big = ast.parse("def h(p, q, r, s):\n    for i in j:\n        pass\n    else:\n        k()\n")
h = big.body[0]
h.returns = ast.Name("T", ast.Load())
print(ast.dump(h.returns), h.type_params, h.end_lineno, list(vars(h))[:3])
loop = h.body[0]
loop.orelse = []
print(ast.dump(loop))
print(gc.is_tracked(loop), gc.collect() >= 0)
