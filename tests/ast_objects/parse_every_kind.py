# ast.parse builds every node kind straight from the parser's tree: each node's
# __dict__ (keys in _fields order, then positions), shared field-less nodes, interned
# identifiers, fresh lists per node, and nodes independent of each other.
import ast, gc, sys

SOURCE = '''
from __future__ import annotations
import os.path as p, sys
from . import x as y
@dec(1)
async def f[T: int = str, *Ts, **P](a, /, b: int = 1, *args, c, d=2, **kw) -> T:
    global g
    nonlocal h
    async for i in aiter(): await i
    async with a as (b, c), d: pass
    return (yield), (yield from z)
class C(B, metaclass=M):
    x: int = 1
    def g(self): del self.a, self[0]
type Alias[K] = dict[K, int]
for i, j in enumerate(range(3)): continue
else: pass
while not x: break
if a and b or c: pass
elif -a < b <= c is not d in e not in f: pass
try:
    raise E from None
except* (A, B) as e: pass
else: pass
finally: pass
try: pass
except Exception: pass
with open(f) as fh: assert fh, "msg"
x = lambda a=1, *, b: a if b else ~a
x += 1; x -= 1; x *= 1; x @= m; x /= 1; x %= 1; x **= 1
x <<= 1; x >>= 1; x |= 1; x ^= 1; x &= 1; x //= 1
d = {1: 2, **e}; s = {1, *t}; l = [*u, 2]
c = [i for i in x if i] + list({i for i in y}) + list(i for i in z async for j in w)
m = {k: v for k, v in items}
f"a{b!r:>{width}}c"; t"{d=}"
x[1:2:3], x[::], ...; b'bytes', 1.5, 2j, 10**100, True, None
(n := 10)
match p:
    case [1, 2, *rest]: pass
    case {"k": v, **kw}: pass
    case Point(x=0, y=1) | Point(1, 2): pass
    case None | True: pass
    case str() as s if s: pass
    case _: pass
'''

tree = ast.parse(SOURCE, type_comments=True)
kinds = {}
for node in ast.walk(tree):
    name = type(node).__name__
    if name not in kinds:
        kinds[name] = list(vars(node))
for name in sorted(kinds):
    print(name, kinds[name])

# Field-less nodes are shared: one Load() for the whole process.
loads = [n.ctx for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)]
print(len(loads) > 10, all(c is ast.Load() for c in loads))
ops = [n.op for n in ast.walk(tree) if isinstance(n, ast.AugAssign)]
print([type(o).__name__ for o in ops], ops[0] is ast.parse("q += 1").body[0].op)

# Identifiers are interned: the same str object across nodes and trees.
names = [n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id == "x"]
print(len(names), all(a is names[0] for a in names), names[0] is sys.intern("x"))

# Nodes of one kind share nothing mutable.
a, b = ast.parse("x = 1\ny = 2").body
a.targets.append(ast.Name("z"))
del a.lineno
a.extra = True
print(len(a.targets), len(b.targets), hasattr(a, "lineno"), b.lineno, hasattr(b, "extra"))
print(vars(b))
e1, e2 = ast.parse("f()\ng()").body
print(e1.value.args is e2.value.args, e1.value.keywords == e2.value.keywords == [])
print(gc.is_tracked(e1), gc.is_tracked(vars(e1)), gc.is_tracked(ast.Load()))

# Positions are plain ints.
n = tree.body[-1]
print(type(n).__name__, n.lineno, n.col_offset, n.end_lineno, n.end_col_offset)
print(ast.get_source_segment(SOURCE, tree.body[4].body[0]))

# Round trips: the tree compiles, and compiling it to an AST again gives the same dump.
again = compile(tree, "<every>", "exec", ast.PyCF_ONLY_AST)
print(ast.dump(again, include_attributes=True) == ast.dump(tree, include_attributes=True))
code = compile(ast.parse("print(sum(i * i for i in range(5)))"), "<sum>", "exec")
exec(code)
for mode, src in [("eval", "a + b"), ("single", "x = 1"), ("func_type", "(int, str) -> bool")]:
    print(mode, ast.dump(ast.parse(src, mode=mode)))
print(ast.dump(ast.parse("x = 1  # type: ignore[attr]\n", type_comments=True)))
