# contextlib: contextmanager, suppress, closing, ExitStack, redirect_stdout, nullcontext.
import contextlib
import io

@contextlib.contextmanager
def tag(name):
    print("enter", name)
    try:
        yield name.upper()
    finally:
        print("exit", name)

with tag("a") as t:
    print("inside", t)

try:
    with tag("b"):
        raise KeyError("k")
except KeyError as e:
    print("caught", e)

with contextlib.suppress(ZeroDivisionError):
    1 / 0
print("suppressed")

class Res:
    def close(self):
        print("closed")

with contextlib.closing(Res()):
    pass

with contextlib.ExitStack() as stack:
    for n in ("x", "y"):
        stack.enter_context(tag(n))
    stack.callback(print, "callback")

buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("hidden")
print(repr(buf.getvalue()))
with contextlib.nullcontext(5) as v:
    print(v)

@tag("deco")
def decorated():
    print("body")

decorated()
