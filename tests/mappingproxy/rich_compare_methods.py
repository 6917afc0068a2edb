# The six rich-comparison methods of mappingproxy and FrameLocalsProxy: operators,
# direct calls, and NotImplemented for FrameLocalsProxy orderings.
import sys
import types

NAMES = ["__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"]


def attempt(f, *args):
    try:
        return f(*args)
    except TypeError as e:
        return "TypeError: " + str(e)


m = types.MappingProxyType({"a": 1})
print(m == {"a": 1}, m != {"a": 2}, m == m, m != types.MappingProxyType({"a": 1}))
for name in NAMES:
    method = getattr(m, name)
    print("mappingproxy", name, attempt(method, 1), attempt(method, m), attempt(method, {}))
for op in ("<", "<=", ">", ">="):
    print(op, attempt(eval, "m " + op + " {}", {"m": m}))


def frame_locals():
    x = 1
    return sys._getframe().f_locals


p = frame_locals()
q = frame_locals()
print(p == p, p == q, p != q, p == {"x": 1}, {"x": 1} == p, p != {"x": 2})
for name in NAMES:
    method = getattr(p, name)
    print("FrameLocalsProxy", name, attempt(method, p), attempt(method, 1), attempt(method, {"x": 1}))
for op in ("<", "<=", ">", ">="):
    print(op, attempt(eval, "p " + op + " p", {"p": p}))
print(type(m).__eq__(m, {"a": 1}), type(p).__ne__(p, q))
