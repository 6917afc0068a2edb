# __context__, __cause__, __traceback__ and __suppress_context__ accept only the
# types CPython's setters allow, so the traceback printer never meets anything else.
def show(label, f):
    try:
        f()
        print(label, "ok")
    except TypeError as e:
        print(label, "TypeError:", e)

e = ValueError("x")
for attr, value in [("__context__", 5), ("__context__", "s"), ("__context__", KeyError()),
                    ("__context__", None), ("__cause__", 7), ("__cause__", ValueError),
                    ("__cause__", KeyError("c")), ("__cause__", None),
                    ("__traceback__", 5), ("__traceback__", None),
                    ("__suppress_context__", 1), ("__suppress_context__", None),
                    ("__suppress_context__", True)]:
    show(f"{attr}={value!r}", lambda: setattr(e, attr, value))
print(e.__context__, e.__cause__, e.__traceback__, e.__suppress_context__)
try:
    raise ValueError("y")
except ValueError as caught:
    show("tb from other", lambda: setattr(e, "__traceback__", caught.__traceback__))
print(e.__traceback__ is not None)
e.__cause__ = KeyError("c")
print(e.__suppress_context__)
try:
    try:
        raise KeyError("inner")
    except KeyError as k:
        k.__context__ = 5
except TypeError as t:
    print("in handler:", t)
