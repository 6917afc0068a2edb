# with statements: __enter__/__exit__ order, as-targets, nesting, return/break inside
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress

with CM("a") as x:
    print("body", x)

with CM("outer") as o, CM("inner") as i:
    print("both", o, i)

def f():
    with CM("ret"):
        return "returned"
print(f())

for n in range(3):
    with CM("loop%d" % n):
        if n == 1:
            break
        continue

with CM("sup", suppress=True):
    raise KeyError("k")
print("after suppressed")

try:
    with CM("nosup"):
        raise ValueError("v")
except ValueError as e:
    print("propagated", repr(e))

with CM("tuple") as (a):
    print(a)

class Target:
    pass
t = Target()
with CM("attr") as t.value:
    print(t.value)
