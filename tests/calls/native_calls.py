# Calls of built-in functions and methods, which run in place on the caller's stack:
# results, argument errors and tracebacks as CPython.
import traceback

print(len([1, 2, 3]), len("abc"), len({}), isinstance(3, int), isinstance(3, (str, float)))
print(max(1, 2), max(2, 1), min(1, 2), min(2, 1), max(-1, -1), min(3, 3))
print(max(1.5, 2.5), min(1.5, 2.5), max(1, 2.5), min(2.5, 1), max(True, 0), min(False, 1))
nan = float("nan")
print(max(nan, 1.0), max(1.0, nan), min(nan, 1.0), min(1.0, nan))
print(max(0.0, -0.0), max(-0.0, 0.0), min(0.0, -0.0), min(-0.0, 0.0))
print(max(2 ** 70, 1), min(1, 2 ** 70), max("a", "b"), min([3, 1, 2]))
print(max(1, 2, key=lambda v: -v), min(1, 2, key=lambda v: -v))
l = []
for i in range(5):
    l.append(i)
print(l, l.pop(), "-".join(["a", "b"]), "x".upper())
m = l.append
m(9)
print(l)


def show(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)


show(lambda: len())
show(lambda: len(1, 2))
show(lambda: len(5))
show(lambda: len(x=1))
show(lambda: isinstance(1))
show(lambda: max())
show(lambda: max(1, 2, default=0))
show(lambda: max(1, 2, foo=0))
show(lambda: min(1, "a"))
show(lambda: l.append())
show(lambda: l.append(1, 2))
show(lambda: abs("x"))
show(lambda: hash([]))


def nested():
    return len(5)


try:
    nested()
except TypeError:
    traceback.print_exc()


class Sized:
    def __len__(self):
        return 7


print(len(Sized()), max(Sized(), Sized(), key=len) is not None)
for call in ("setattr(1)", "hasattr(1)", "globals(1)", "divmod(1)", "issubclass(1)",
             "setattr(1, 2, 3, 4)", "globals(x=1)", "isinstance(1, int, x=1)", "getattr(1)",
             "iter()", "iter(1, 2, 3)"):
    try:
        eval(call)
    except TypeError as e:
        print(call, "->", e)
