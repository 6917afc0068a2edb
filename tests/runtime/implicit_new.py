# A class body's `__new__` function becomes a static method in the class dict (as
# CPython's type_new does), and static methods are callable: enum's
# _simple_enum (used by pstats.SortKey) relies on both.
class A:
    def __new__(cls, *args):
        return object.__new__(cls)

    def __init_subclass__(cls):
        pass


print(type(A.__dict__["__new__"]).__name__, type(A.__dict__["__init_subclass__"]).__name__)
print(type(A()).__name__, A.__new__ is A.__dict__["__new__"].__func__)
s = staticmethod(len)
print(callable(s), s([1, 2, 3]), s.__call__("abcd"))


class B(A):
    pass


print(B.__dict__.get("__new__"), type(B()).__name__)

import pstats

print(pstats.SortKey.CALLS, pstats.SortKey("ncalls") is pstats.SortKey.CALLS)
print(sorted(m.value for m in pstats.SortKey)[:3])
