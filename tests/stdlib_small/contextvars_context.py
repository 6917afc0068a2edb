# _contextvars.Context: run, copy, the mapping interface, copy_context.
import _contextvars as cv

v = cv.ContextVar("v", default=1)
w = cv.ContextVar("w")
ctx = cv.copy_context()
print(type(ctx).__name__, type(ctx).__module__, len(ctx), v in ctx)

def f(a, b=0):
    v.set(a + b)
    return v.get(), len(cv.copy_context())

print(ctx.run(f, 3, b=4))
print(v.get(), ctx[v], ctx.get(v), ctx.get(w), ctx.get(w, 9))
print(list(ctx) == [v], list(ctx.keys()) == [v], list(ctx.values()), list(ctx.items()) == [(v, 7)])
try:
    ctx[w]
except KeyError as e:
    print("KeyError", e.args[0] is w)
for bad in ("x", 1, None):
    try:
        ctx[bad]
    except TypeError as e:
        print("TypeError:", e)
try:
    "x" in ctx
except TypeError as e:
    print("TypeError:", e)

def reenter():
    ctx.run(print, "no")

try:
    ctx.run(reenter)
except RuntimeError as e:
    msg = str(e)
    print("RuntimeError", msg.startswith("cannot enter context: <_contextvars.Context object at 0x"),
          msg.endswith("is already entered"))
print(ctx.run(lambda: "entered again after an error"))

c2 = ctx.copy()
print(c2 == ctx, c2 is ctx, cv.Context() == cv.Context(), len(cv.Context()))
c2.run(v.set, 100)
print(c2[v], ctx[v], c2 == ctx, c2 != ctx)
try:
    cv.Context(1)
except TypeError as e:
    print("TypeError:", e)
try:
    ctx.run(lambda: 1 / 0)
except ZeroDivisionError:
    print("exception passes through run; current restored:", v.get())

def nested():
    inner = cv.copy_context()
    return inner.run(lambda: (v.set("inner"), v.get())[1]), v.get()

print(ctx.run(nested))
fresh = cv.Context()
print(fresh.run(v.get), fresh.run(w.get, "none"))
