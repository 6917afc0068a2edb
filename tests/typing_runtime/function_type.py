# types.FunctionType(code, globals, name, argdefs, closure, kwdefaults).
import types
def f(a, b=2, *, c=3):
    "doc of f"
    return a + b + c
g = types.FunctionType(f.__code__, globals(), 'g', (5,), None, {'c': 10})
print(g.__name__, g.__qualname__, g.__doc__, g.__defaults__, g.__kwdefaults__, g(1))
h = types.FunctionType(f.__code__, {'__name__': 'mod'})
print(h.__name__, h.__module__, h.__defaults__, h(1, 2, c=0))
def outer():
    v = 7
    def inner():
        return v
    return inner
inner = outer()
k = types.FunctionType(inner.__code__, globals(), closure=inner.__closure__)
print(k())
for args, kw in [((1, {}), {}), ((f.__code__, []), {}), ((f.__code__, {}, 3), {}),
                 ((f.__code__, {}, None, [1]), {}), ((inner.__code__, {}), {}),
                 ((inner.__code__, {}, None, None, ()), {}),
                 ((inner.__code__, {}, None, None, (1,)), {}),
                 ((f.__code__,), {}), ((f.__code__, {}), {'bogus': 1})]:
    try:
        types.FunctionType(*args, **kw)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
