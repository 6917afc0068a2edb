# lambdas: defaults, keyword-only parameters, closures, varargs
add = lambda a, b=10: a + b
print(add(1), add(1, 2), add(b=5, a=1))
kw = lambda *, key="k", **rest: (key, sorted(rest))
print(kw(), kw(key="x", z=1, y=2))
va = lambda *args, sep="-": sep.join(map(str, args))
print(va(1, 2, 3), va(4, sep="+"))
posonly = lambda a, /, b: (a, b)
print(posonly(1, b=2))
try:
    posonly(a=1, b=2)
except TypeError as e:
    print("TypeError:", e)
adders = [lambda x, n=n: x + n for n in range(3)]
print([f(10) for f in adders])
late = [lambda x: x + n for n in range(3)]
print([f(10) for f in late])
print((lambda: "immediately")())
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
print(add.__name__, add.__defaults__, kw.__kwdefaults__)
try:
    add()
except TypeError as e:
    print("TypeError:", e)
compose = lambda f, g: lambda x: f(g(x))
print(compose(str, abs)(-5))
