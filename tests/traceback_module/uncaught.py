# The stdlib traceback module and the interpreter's own report of an uncaught
# exception must agree: print one with traceback.print_exc, then let it escape.
import sys
import traceback


def compute(values):
    return sum(values) / (len(values) - 2) + values[10]


try:
    compute([1, 2])
except ZeroDivisionError:
    traceback.print_exc()

sys.stderr.flush()
compute([1, 2, 3])
