# traceback.format_exc / print_exc / format_exception / print_exception: the
# stdlib's rendering (source lines from linecache, `~~~^^^` carets) must equal
# CPython's byte for byte.
import sys
import traceback


def divide(a, b):
    return a / b


def index(xs, i):
    return xs[i] + divide(1, 0)


def attr(obj):
    return obj.missing.other


def call_chain():
    data = {"k": [1, 2]}
    return data["k"][5]


for func in (lambda: index([1], 0), lambda: attr(3), call_chain,
             lambda: divide(1, 0) if True else None):
    try:
        func()
    except Exception:
        print(traceback.format_exc())
        traceback.print_exc(file=sys.stdout)

try:
    call_chain()
except IndexError as e:
    print("".join(traceback.format_exception(e)))
    print(traceback.format_exception_only(e))
    traceback.print_exception(e, file=sys.stdout, limit=1)
    print(traceback.format_exception(type(e), e, e.__traceback__, chain=False)[-1])
    print(traceback.format_tb(e.__traceback__))
