import os, sys
x = 1 + 2 * 3
def f(a, b=2, *args, c, d=4, **kw) -> int:
    """doc"""
    return a if b else -c ** 2
class C(B, metaclass=M):
    @dec
    async def g(self):
        await x
        async with a as b, c:
            pass
        async for i in y:
            yield i
for i, j in enumerate(z):
    if i: continue
    elif j: break
    else: pass
while x < 3 <= y:
    x += 1
try:
    pass
except (A, B) as e:
    raise X from e
else:
    y = [i for i in range(3) if i]
finally:
    del a[0], b.c
with open(f) as (a, b):
    z = {1: 2, **d}
w = {1, 2}; v = {k: v for k, v in x}
lam = lambda x, *y, z=3: (x, y)
s = 'abc' "def"
b = b'x\x00'
t = f"a{b!r:>{c}} {d=}"
g = (x for x in y)
print(*a, **b, sep='')
a[1:2, ::3] = a.b.c
global q
assert x, "msg"
import a.b as c
from ..x import (y as z, w)
x: int = 5
(y): str
n = not a and b or c
k = ...
m = -1.5e10j
