# _contextvars.Token: used-once, wrong variable, wrong context, context manager.
import _contextvars as cv

v = cv.ContextVar("v", default=1)
w = cv.ContextVar("w")
t = v.set(2)
t2 = v.set(3)
v.reset(t2)
try:
    v.reset(t2)
except RuntimeError as e:
    msg = str(e)
    print("RuntimeError", msg.startswith("<Token used var=<ContextVar name='v' default=1 at 0x"),
          msg.endswith("has already been used once"))
try:
    w.reset(t)
except ValueError as e:
    print("ValueError", str(e).endswith("was created by a different ContextVar"))
try:
    v.reset(5)
except TypeError as e:
    print("TypeError:", e)
r = repr(t)
print(r.startswith("<Token var=<ContextVar name='v' default=1 at 0x"))
v.reset(t)
print(v.get(), repr(t).startswith("<Token used var="))

ctx = cv.copy_context()
tok = ctx.run(v.set, 99)
print(ctx[v], v.get())
try:
    v.reset(tok)
except ValueError as e:
    print("ValueError", str(e).endswith("was created in a different Context"))
ctx.run(v.reset, tok)
print(ctx.get(v, "unset"))

with w.set("in") as tk:
    print(w.get(), tk.var is w, tk.old_value is cv.Token.MISSING)
print(w.get("out"))
with v.set(5):
    with v.set(6):
        print(v.get())
    print(v.get())
print(v.get())
try:
    cv.Token()
except RuntimeError as e:
    print("RuntimeError:", e)
print(repr(cv.Token.MISSING), type(cv.Token.MISSING).__name__)
