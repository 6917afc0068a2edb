# Frames of fast calls stay visible to tracebacks, sys._getframe and f_lineno;
# errors inside specialised instructions point at the right line.
import sys
import traceback


def inner(x):
    frame = sys._getframe()
    return frame.f_code.co_name, frame.f_back.f_code.co_name, frame.f_lineno


def outer():
    return inner(1)


print(outer())


def fails(seq, i):
    return seq[i] + 1


def caller():
    return fails([1, 2], 5)


try:
    caller()
except IndexError:
    tb = traceback.format_exc().splitlines()
    print(len(tb), tb[-1])
    print([line.strip() for line in tb if line.strip().startswith("return")])


def unbound():
    if False:
        y = 1
    return y


try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError", e)


def missing():
    return not_defined_anywhere


try:
    missing()
except NameError as e:
    print("NameError", e)


def locals_seen(a, b=5):
    c = a + b
    return sorted(locals().items())


print(locals_seen(1), locals_seen(2, 3))


def counter():
    n = 0
    while n < 3:
        n += 1
        yield sys._getframe().f_lineno
    

print(list(counter()))
