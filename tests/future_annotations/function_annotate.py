# __annotations__ and __annotate__ of functions (PEP 649): computed lazily, once.
calls = []


def note(x):
    calls.append(x)
    return x


def f(a: note(int), b: note(str) = "") -> note(None):
    pass


print(calls)
print(f.__annotations__, calls)
print(f.__annotations__ is f.__annotations__, calls)
print(type(f.__annotate__).__name__, f.__annotate__.__name__)
print(f.__annotate__(1), len(calls))
try:
    f.__annotate__(2)
    print("format 2 ok")
except NotImplementedError:
    print("format 2: NotImplementedError")


def g(x: Undefined):
    pass


print("defined")
for attempt in range(2):
    try:
        g.__annotations__
    except NameError as e:
        print("NameError:", e)


def h():
    pass


print(h.__annotations__, h.__annotate__)
h.__annotations__ = {"x": 1}
print(h.__annotations__, h.__annotate__)
h.__annotate__ = lambda format: {"y": format}
print(h.__annotations__)
h.__annotate__ = None
print(h.__annotations__)
for bad in [3, "s"]:
    try:
        h.__annotate__ = bad
    except TypeError as e:
        print("TypeError:", e)
    try:
        h.__annotations__ = bad
    except TypeError as e:
        print("TypeError:", e)


def k():
    pass


k.__annotate__ = lambda format: [1]
try:
    k.__annotations__
except TypeError as e:
    print("TypeError:", e)
