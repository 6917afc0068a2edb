# `-m symtable` on this file: module, class, function, lambda, comprehension and
# annotation scopes; local/global/free/cell names; imports, parameters, annotations.
import os, os.path as osp
from collections import OrderedDict as OD

counter: int = 0
total = 0


def outer(a, /, b=1, *args, c, d=2, **kw) -> int:
    global total
    cell = a + b
    squares = [i * i for i in range(cell)]
    pairs = {k: v for k, v in kw.items() if k}

    def inner(x):
        nonlocal cell
        cell += x
        return cell + b

    gen = (j for j in args if j > c)
    total += len(squares)
    return lambda q: q + a + inner(q) + sum(gen)


class Base:
    attr: str = "x"
    __private = 1

    def method(self, other: "Base") -> None:
        super().method(other)
        return __class__

    @staticmethod
    def helper(*items):
        return [x for x in items if x]


try:
    import missing_module
except ImportError as exc:
    err = exc
finally:
    done = True

with open(__file__) as handle:
    first = handle.readline()

while total < 0:
    total += 1
else:
    pass

[y := 5 for _ in range(2)]
print(osp, OD, err, done, first, y)
