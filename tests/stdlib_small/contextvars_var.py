# _contextvars.ContextVar: get with and without defaults, set, reset.
import _contextvars as cv

v = cv.ContextVar("v", default=1)
w = cv.ContextVar("w")
print(v.name, v.get(), v.get(5))
try:
    w.get()
except LookupError as e:
    print("LookupError", type(e).__name__, e.args[0] is w)
print(w.get(None), w.get("d"))
t = v.set(10)
print(v.get(), t.var is v, t.old_value is cv.Token.MISSING, repr(t.old_value))
t2 = v.set(20)
print(v.get(), t2.old_value)
v.reset(t2)
print(v.get())
v.reset(t)
print(v.get())
print(cv.ContextVar("k", default=None).get())
print(repr(v).startswith("<ContextVar name='v' default=1 at 0x"), repr(v).endswith(">"))
print(repr(w).startswith("<ContextVar name='w' at 0x"))
print(cv.ContextVar[int], cv.Token[str])
print(type(v).__module__, type(v).__name__, type(t).__name__)
print(cv.ContextVar("n", default=[]).get() == [])
x = cv.ContextVar("kw", default="dflt")
try:
    cv.ContextVar(name="kw")
except TypeError as e:
    print("TypeError:", e)
print(x.name, x.get())
print(hash(v) == hash(v), v == v, v != w)
