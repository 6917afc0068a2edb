# compile() of ast node objects: parse → compile → exec round trips in every mode.
import ast

src = """
def f(a, b=2, *args, c, d=4, **kw):
    return a + b + sum(args) + c + d + len(kw)
class C:
    x: int = 3
    def m(self):
        return [i * 2 for i in range(self.x) if i]
try:
    raise ValueError('v')
except ValueError as e:
    print('caught', e)
finally:
    print('fin')
match (1, 2):
    case (1, y):
        print('y', y)
    case {'k': v, **rest}:
        pass
    case C(x=3) | [*_]:
        pass
print(f(1, c=3), C().m(), {k: v for k, v in [(1, 2)]}, f'{1+1:>4}|{"s"!r}')
lam = lambda *a, **k: (a, k)
print(lam(1, x=2), 2 ** 10, not 0, -3, ~4, 1 < 2 <= 3, 1 if 0 else 2)
async def co():
    async with x as y:
        await y
    async for z in y:
        yield z
def g():
    global G
    G = yield from range(2)
del lam
import sys as s2
from posix import getcwd as p2
with open(__file__) as fh, open(__file__):
    pass
while False:
    break
else:
    print('while-else')
for i in range(3):
    if i == 1:
        continue
    assert i != 5, 'no'
print(b'x' + bytes(1), ..., None, True, 1.5, 2j, (1,), [1], {1}, x[1:2:3] if (x := [1, 2, 3]) else 0)
type Alias[T] = list[T]
def gen[T: int, *Ts, **P](a: T) -> T: return a
print(Alias.__type_params__, gen(5))
"""
tree = ast.parse(src)
exec(compile(tree, "<ast>", "exec"))
print(eval(compile(ast.parse("1 + 2 * 3", mode="eval"), "<e>", "eval")))
exec(compile(ast.parse("40 + 2", mode="single"), "<s>", "single"))
code = compile(ast.parse("x = 1\ny = x + 1"), "named.py", "exec")
print(code.co_filename, code.co_names)
print(compile(tree, "<ast>", "exec", flags=ast.PyCF_ONLY_AST) is tree)
print(type(compile("1", "<x>", "eval", ast.PyCF_ONLY_AST)).__name__)
print(ast.parse("x", feature_version=(3, 12)).body[0].value.id)
for bad in ["f()", "1+x", "[1, 2"]:
    try:
        ast.literal_eval(bad)
    except (ValueError, SyntaxError) as e:
        print(type(e).__name__)
print(ast.literal_eval("[1, -2.5, {'a': (3, 4j)}, {1, 2}, None, b'x', 1+2j]"))
