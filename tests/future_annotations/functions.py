from __future__ import annotations
# Function annotations are strings, computed by __annotate__ when first read.


def f(a: int, b: list[Undefined] = [], *args: *Ts, c: "x" | None, **kw: int) -> Missing:
    pass


print(f.__annotations__)
print(f.__annotate__(1) == f.__annotations__)
print(f.__annotations__ is f.__annotations__)


def plain(a, b=1):
    pass


print(plain.__annotations__, plain.__annotate__)


async def coro(x: await_thing) -> AsyncIterator[int]:
    pass


print(coro.__annotations__)
print((lambda x: x).__annotations__)


class K:
    def method(self, other: K, __p: __Private) -> K:
        pass

    @staticmethod
    def static(x: Self) -> None:
        pass


print(K.method.__annotations__)
print(K.static.__annotations__)


def generic[T: Bound](x: T, *ys: T) -> list[T]:
    pass


print(generic.__annotations__, generic.__type_params__)


def nested():
    def inner(x: Local) -> Outer:
        pass

    return inner


print(nested().__annotations__)
