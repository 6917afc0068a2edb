# Exceptions raised inside except* bodies are collected with the unhandled rest.
def describe(e, depth=0):
    pad = "  " * depth
    if isinstance(e, BaseExceptionGroup):
        print(f"{pad}{type(e).__name__}({e.message!r}) [{len(e.exceptions)}]")
        for sub in e.exceptions:
            describe(sub, depth + 1)
    else:
        print(f"{pad}{e!r} context={e.__context__!r}")

# One clause raises a new exception: it propagates alone (no rest).
try:
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError:
        raise RuntimeError("from handler")
except RuntimeError as e:
    describe(e)
    print("context type", type(e.__context__).__name__)

# New exception plus an unhandled rest: a new anonymous group of both.
try:
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise RuntimeError("new")
except ExceptionGroup as e:
    describe(e)

# Two clauses raise: both collected.
try:
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("k")
    except* TypeError:
        raise IndexError("i")
except ExceptionGroup as e:
    describe(e)

# Bare raise in a clause re-raises that part as part of the original group.
try:
    try:
        raise ExceptionGroup("orig", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError:
        raise
    except* TypeError:
        pass
except ExceptionGroup as e:
    describe(e)

# raise e (the matched group) counts as new exception.
try:
    try:
        raise ExceptionGroup("orig", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise e
except ExceptionGroup as e:
    describe(e)

# raise ... from inside a clause
try:
    try:
        raise ExceptionGroup("orig", [ValueError(1)])
    except* ValueError as e:
        raise RuntimeError("chained") from e
except RuntimeError as e:
    print(repr(e), "cause", type(e.__cause__).__name__, e.__cause__.exceptions)
