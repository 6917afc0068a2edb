# compile(..., PyCF_ONLY_AST) gives _ast node objects: walk one and print it.
import _ast

SOURCE = """\
import os.path as p
from . import x
def f(a, /, b=1, *c, d, e=2, **g) -> int:
    '''doc'''
    return [i * 2 for i in range(a) if i]
class C(Base, metaclass=M):
    y: int = 3
async def g():
    async with a as b, c:
        await z
    async for q in r:
        yield q
try:
    pass
except* (E, F) as e:
    raise
finally:
    del x[1:2, ::3]
match v:
    case [1, *rest] | {"k": _, **kw} if kw:
        pass
    case Point(x=0, y=None) as pt:
        pass
type Alias[T: int, *Ts, **P = ()] = list[T]
s = f"{v!r:>{width}} {1+2=}" + t"{name}" + b"\\x00" + 1j + 1.5 + ... + (lambda *a, **k: a)
global G
x = -y if not z else ~w
while (n := n - 1) > 0: break
"""

def show(node, depth=0):
    pad = "  " * depth
    if isinstance(node, _ast.AST):
        position = tuple(getattr(node, a, None) for a in node._attributes)
        print(f"{pad}{type(node).__name__}{position if position else ''}")
        for field in node._fields:
            value = getattr(node, field)
            if value is None or value == []:
                continue
            print(f"{pad} .{field}:")
            show(value, depth + 1)
    elif isinstance(node, list):
        for item in node:
            show(item, depth)
    else:
        print(f"{pad}{node!r}")

show(compile(SOURCE, "<walk>", "exec", _ast.PyCF_ONLY_AST))
show(compile("a + b * c", "<walk>", "eval", _ast.PyCF_ONLY_AST))
show(compile("x = 1\n", "<walk>", "single", _ast.PyCF_ONLY_AST))
show(compile("(int, *str) -> None", "<walk>", "func_type", _ast.PyCF_ONLY_AST))
