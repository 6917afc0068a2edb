# A generator suspended inside `except` keeps its handled exception to itself, and
# sees its own again when resumed; with none of its own it sees the caller's.
import sys


def inside_handler():
    try:
        raise KeyError("inner")
    except KeyError:
        yield repr(sys.exception())
        yield repr(sys.exception())
    yield repr(sys.exception())


def plain():
    yield repr(sys.exception())


it = inside_handler()
print(next(it))
print("caller sees:", repr(sys.exception()))
try:
    raise ValueError("outer")
except ValueError as e:
    print("context:", repr(e.__context__))
    print("resumed:", next(it))
    print("plain sees caller's:", next(plain()))
    print("still handling:", repr(sys.exception()))
print("after handler:", next(it), repr(sys.exception()))
