# Generator attributes and errors: gi_running, names, exhaustion, send before start.
def counter(limit):
    n = 0
    while n < limit:
        yield n
        n += 1


c = counter(2)
print(c.__name__, c.__qualname__, c.gi_running)
print(next(c), next(c))
try:
    next(c)
except StopIteration as e:
    print("StopIteration", e.value)
try:
    next(c)
except StopIteration:
    print("still exhausted")

fresh = counter(3)
try:
    fresh.send(5)
except TypeError as e:
    print("TypeError:", e)


def returns_value():
    yield 1
    return "done"


r = returns_value()
next(r)
try:
    next(r)
except StopIteration as e:
    print("return value:", e.value, e.args)


def closer():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")


x = closer()
print(next(x))
x.close()
print("closed; next ->", next(x, "default"))


def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        print("ignoring exit")
    yield 2


bad = ignores_exit()
next(bad)
try:
    bad.close()
except RuntimeError as e:
    print("RuntimeError:", e)
