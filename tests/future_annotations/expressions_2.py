from __future__ import annotations
# Annotations under the future import are stored as source text (ast_unparse.c).
def g(a: x[*a], b: x[()], c: x[1:2, *a], d: f"{{a}}", e: f'{x:{y}.{z}}', f: f"{x!a}", g: "a'b\"c", h: f"{'\n'}", i: f"{x:>10}", j: f"""{x}
""", k: x[a, b:c], l: (a, *b), m: a[b](c=1, *d, **e), n: 1.5, o: 10**20, p: 0xff, q: 1j, r: x.y if z else (lambda: 0), s: (lambda: 0) if z else y, t: [a for b in c for d in e], u: {a, b}, v: {}, w: (), x: (a,), y: a @ b, z: a // b % c << d >> e & f ^ g | h): pass
print(g.__annotations__)
def h(a: f"{x!r:{y}}", b: t"{x}", c: t"a{{b}}", e: 3 .bit_length(), f: (1).real, g: 1.0 .real, h: True .real, i: x[a:b:c], j: x[:b], k: x[a:], l: a not in b, m: not (a and b), n: (not a) + b, o: -a ** -b, p: +a) -> "x": pass
print(h.__annotations__)
