from __future__ import annotations
# Annotations under the future import are stored as source text (ast_unparse.c).
def f(a: t"x{y!r:>{w}} {z=}", b: f"{x=}", c: f"{'a'}", d: 1e400, e: 2e400j, g: -1, h: 1 + 2, i: (1, 'a'), j: ..., k: None, l: True, m: b'x\n', n: u'uni', o: "it's", p: 'say "hi"', q: f"{ {1} }", r: f"{(lambda: 1)}", s: not a, t: a if b else c,  x: [*a, b], y: {**a, 'b': 1}, z: lambda a, /, b=1, *c, d, e=2, **f: 0): pass
print(f.__annotations__)
def g(a: x[1:2], b: x[::], c: x[a:b, c], d: x[(a, b)], f: 1 .real, g: (-1) ** 2, h: 2 ** -1, i: (a, b)[0], j: a < b < c, k: a is not b, l: (x for x in y if x), m: f(x for x in y), n: {x: y for x, y in z}, p: a and b or c and not d, q: (a or b) and c, r: -(-x), s: ~x ** 2, t: (~x) ** 2, u: a.b.c(d)(e)[f], v: (a + b) * c, w: a - (b - c), x: a ** b ** c, y: (a ** b) ** c, z: "\x00\u1234\U0001f600"): pass
print(g.__annotations__)
