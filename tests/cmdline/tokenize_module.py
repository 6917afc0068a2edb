# Run as `adder -m tokenize tokenize_module.py`: the token stream as CPython prints it.
def f(a, /, b=2, *args, c, **kw) -> int:
    return [x ** 2 for x in range(a) if x % 2]


class C(Base, metaclass=M):
    x: int = 1

    async def g(self):
        async with lock as l:
            await l
        match self.v:
            case [1, *rest] | {"k": _}:
                pass
            case Point(x=0) if rest:
                pass


lambda *, k=1: k
print(f"{1 + 2!r:>{width}}", t"tmpl {x}", b"\x00", 1_000.5e3j, ...)
