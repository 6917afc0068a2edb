# Messages name native types of stdlib modules by their tp_name ('collections.deque'),
# built-in and Python classes by __name__; read-only descriptors say so as CPython.
import collections, io, itertools, re, types

class Mine:
    pass

def attempt(label, action):
    try:
        action()
    except Exception as e:
        print(label, type(e).__name__, e)

for o in (collections.deque(), itertools.count(), io.StringIO(), re.compile("x"), Mine(), [1]):
    attempt("sub", lambda: o["k"])
    attempt("len", lambda: len(itertools.count()) if isinstance(o, list) else len(o))
    attempt("add", lambda: o + 1)
    attempt("attr", lambda: o.nope)
    attempt("call", lambda: o())
    attempt("settype", lambda: setattr(type(o), "x", 1))
    attempt("hash", lambda: hash(collections.deque()))
    attempt("iter", lambda: iter(re.compile("x")))

attempt("int.__mro__", lambda: setattr(int, "__mro__", ()))
attempt("del int.__name__", lambda: delattr(int, "__name__"))
attempt("function.__dict__", lambda: setattr(types.FunctionType, "__dict__", {}))

def f():
    pass

for target, name in [(f, "__globals__"), (f, "__closure__"), (f, "__builtins__"),
                     (range(3), "start"), (slice(1), "stop"), (property(), "fget"),
                     (staticmethod(f), "__func__"), ((1).__add__, "__self__"),
                     (int.real, "__objclass__"), (list[int], "__origin__"),
                     (int | str, "__args__"), (1, "x"),
                     (itertools.count(), "x"), (1.5, "real"), (True, "imag")]:
    attempt("set " + name, lambda: setattr(target, name, None))
    attempt("del " + name, lambda: delattr(target, name))
print(type(property.__dict__["fget"]).__name__, type(property.__dict__["__name__"]).__name__)
print(type(types.MethodType.__dict__["__func__"]).__name__)
