# Nested groups: except* matches leaves and keeps the tree shape.
def tree(e, depth=0):
    pad = "  " * depth
    if isinstance(e, BaseExceptionGroup):
        print(f"{pad}{type(e).__name__}({e.message!r})")
        for sub in e.exceptions:
            tree(sub, depth + 1)
    else:
        print(f"{pad}{e!r}")

eg = ExceptionGroup("top", [
    ValueError("a"),
    ExceptionGroup("mid", [TypeError("b"), ValueError("c"), ExceptionGroup("deep", [ValueError("d")])]),
    KeyError("e"),
])

try:
    raise eg
except* ValueError as e:
    print("values:")
    tree(e)
except* TypeError as e:
    print("types:")
    tree(e)
except* KeyError as e:
    print("keys:")
    tree(e)

# The matched part shares traceback, cause, context and notes with the original.
orig = ExceptionGroup("with notes", [ValueError(1), TypeError(2)])
orig.add_note("a note")
try:
    try:
        raise orig from KeyError("cause")
    except* ValueError as e:
        print("notes", e.__notes__, "cause", repr(e.__cause__))
        print("same tb", e.__traceback__ is orig.__traceback__)
except ExceptionGroup as rest:
    print("rest notes", rest.__notes__, repr(rest.__cause__))
    print("rest is orig", rest is orig)

# Everything handled: the original is not re-raised at all.
try:
    raise ExceptionGroup("all", [ValueError(1), ValueError(2)])
except* ValueError as e:
    print("all values", len(e.exceptions))
print("after")

# BaseExceptionGroup with a BaseException leaf.
try:
    try:
        raise BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError(1)])
    except* ValueError as e:
        print("value part", type(e).__name__, e.exceptions)
except BaseExceptionGroup as rest:
    print("rest", type(rest).__name__, rest.exceptions)
