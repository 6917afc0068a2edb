# ExceptionGroup / BaseExceptionGroup: construction rules, split, subgroup, derive
def attempt(label, fn):
    try:
        r = fn()
        print(label, type(r).__name__, repr(r), "|", r)
    except (TypeError, ValueError) as e:
        print(label, type(e).__name__ + ":", e)
attempt("all exceptions", lambda: BaseExceptionGroup("m", [ValueError(1)]))
attempt("base inside", lambda: BaseExceptionGroup("m", [KeyboardInterrupt()]))
attempt("nest base", lambda: ExceptionGroup("m", [KeyboardInterrupt()]))
attempt("tuple", lambda: ExceptionGroup("two", (ValueError(1), TypeError(2))))
attempt("bad message", lambda: ExceptionGroup(1, [ValueError(1)]))
attempt("not sequence", lambda: ExceptionGroup("m", 5))
attempt("empty", lambda: ExceptionGroup("m", []))
attempt("not exception", lambda: ExceptionGroup("m", [ValueError(), 1]))
attempt("one arg", lambda: ExceptionGroup("m"))
class MyGroup(ExceptionGroup):
    pass
attempt("subclass nest", lambda: MyGroup("m", [KeyboardInterrupt()]))
print([c.__name__ for c in ExceptionGroup.__mro__])
print(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, Exception))

eg = ExceptionGroup("top", [
    ValueError("v1"),
    TypeError("t1"),
    ExceptionGroup("nested", [ValueError("v2"), KeyError("k")]),
])
print(eg.message, eg.exceptions[:2], eg.args[0])
match, rest = eg.split(ValueError)
print("split match:", repr(match))
print("split rest:", repr(rest))
print("subgroup:", repr(eg.subgroup((TypeError, KeyError))))
print("predicate:", repr(eg.subgroup(lambda e: "2" in str(e))))
print("whole:", eg.subgroup(ExceptionGroup) is eg, eg.split(Exception)[1])
print("none:", eg.subgroup(OSError), eg.split(OSError)[0])
d = eg.derive([ZeroDivisionError()])
print(type(d).__name__, repr(d), d.__traceback__)
eg.add_note("a note")
print(eg.split(TypeError)[0].__notes__)
attempt("bad condition", lambda: eg.split(42))
attempt("class not exception", lambda: eg.subgroup(int))
try:
    raise ExceptionGroup("raised", [OSError("disk")])
except ExceptionGroup as caught:
    print("caught", caught, type(caught.exceptions[0]).__name__)
