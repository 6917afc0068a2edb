# A plain exception caught by except* is wrapped in an ExceptionGroup("", [exc]).
try:
    raise ValueError("naked")
except* ValueError as e:
    print(type(e).__name__, repr(e.message), e.exceptions)
    print("leaf is original", type(e.exceptions[0]).__name__)

# An unmatched naked exception propagates unwrapped.
try:
    try:
        raise KeyError("k")
    except* ValueError:
        print("never")
except KeyError as e:
    print("still naked", repr(e))

# sys.exception() inside the clause is the matched group.
import sys
try:
    raise TypeError("t")
except* TypeError:
    ex = sys.exception()
    print(type(ex).__name__, ex.exceptions)
print(sys.exception())

# Matching by base class.
try:
    raise ZeroDivisionError("zero")
except* ArithmeticError as e:
    print("arith", e.exceptions)

# A naked exception re-raised with bare raise stays naked.
try:
    try:
        raise ValueError("again")
    except* ValueError:
        raise
except ValueError as e:
    print("re-raised naked", repr(e))
except ExceptionGroup as e:
    print("wrapped?", e)
