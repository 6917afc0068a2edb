# Chained exceptions (__cause__, __context__, suppressed context), notes, and
# exception groups through the traceback module.
import sys
import traceback


def inner():
    raise KeyError("inner")


def outer():
    try:
        inner()
    except KeyError as e:
        raise ValueError("outer") from e


def context():
    try:
        inner()
    except KeyError:
        1 / 0


def suppressed():
    try:
        inner()
    except KeyError:
        raise TypeError("no context") from None


for func in (outer, context, suppressed):
    try:
        func()
    except Exception:
        traceback.print_exc(file=sys.stdout)
        print("-" * 20)

try:
    e = ValueError("with notes")
    e.add_note("first note")
    e.add_note("second\nnote")
    raise e
except ValueError:
    traceback.print_exc(file=sys.stdout)


def group():
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])


try:
    group()
except ExceptionGroup:
    traceback.print_exc(file=sys.stdout)
