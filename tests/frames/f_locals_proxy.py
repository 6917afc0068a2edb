# frame.f_locals in functions: a write-through FrameLocalsProxy (PEP 667).
import sys

def basic():
    x = 1
    y = "two"
    p = sys._getframe().f_locals
    print(type(p).__name__, type(p).__module__)
    print(sorted(p.keys()), len(p), "x" in p, "nope" in p)
    p["x"] = 10
    print("x after write:", x)
    p["extra"] = 5
    print("extra" in p, p["extra"], sorted(p))
    print(p.get("y"), p.get("missing"), p.get("missing", 0))
    print(p.setdefault("y", 0), p.setdefault("z", 3), p["z"])
    print(p.pop("extra"), p.pop("gone", "dflt"))
    print(sorted(p.items(), key=str)[:3])
    print(p == dict(p), p != {}, p == sys._getframe().f_locals)
    print(isinstance(p.copy(), dict), sorted(p | {"w": 1}))
    print(sorted({"v": 0} | p))

basic()

def cells():
    a = 1
    def inner():
        return a
    p = sys._getframe().f_locals
    p["a"] = 42
    print("cell write:", a, inner())
    return inner

inner = cells()

def free_vars():
    b = 1
    def g():
        nonlocal b
        q = sys._getframe().f_locals
        print("free:", q["b"])
        q["b"] = 7
        return b
    print(g(), b)

free_vars()

def unbound():
    p = sys._getframe().f_locals
    print("late" in p, len(p))
    late = 3
    print("late" in p, p["late"])
    try:
        p["never"]
    except KeyError as e:
        print("KeyError", e)
    never = None

unbound()

def errors():
    x = 1
    p = sys._getframe().f_locals
    for call in [lambda: p.pop("x"), lambda: p.pop("zz"), lambda: p.get(),
                 lambda: p.pop(), lambda: p[[]], lambda: hash(p),
                 lambda: p.update(3), lambda: p | 3, lambda: p.keys(1)]:
        try:
            print(call())
        except Exception as e:
            print(type(e).__name__, e)
    try:
        del p["x"]
    except ValueError as e:
        print("del:", e)

errors()

def updates():
    m = 0
    p = sys._getframe().f_locals
    p.update({"m": 1, "n": 2})
    print(m, p["n"])
    p |= {"m": 5}
    print(m)
    print(list(reversed(p))[:2], list(iter(p))[:2])

updates()
