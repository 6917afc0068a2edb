from __future__ import annotations
# Module and class annotations fill __annotations__ as the body runs.
import sys

x: list[int] = [1]
y: dict[str, int | None]
print(__annotations__)
print(sys.modules[__name__].__annotations__ is __annotations__)

if True:
    cond: Conditional = 1
else:
    never: Never

print(__annotations__)


class C:
    a: int
    b: "quoted" = 2
    __private: Secret
    c: Undefined.attr[1, 2]
    if False:
        d: NotRun
    print(sorted(locals()))


print(C.__annotations__)
print(C.b)


class D(C):
    e: list[C]


print(D.__annotations__, C.__annotations__)


class E:
    pass


print(E.__annotations__)

# Non-name targets store nothing; names in them are still evaluated without a value.
class Obj:
    pass


o = Obj()
o.attr: int = 5
items = [0]
items[0]: str = "s"
print(o.attr, items, __annotations__.keys())
try:
    undefined_obj.attr: int
except NameError as e:
    print("NameError:", e)


def f():
    local: NeverEvaluated = 1
    return local


print(f(), f.__annotations__)
