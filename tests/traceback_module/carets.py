# Caret lines for many expression shapes, printed by traceback.print_exc and
# compared with the reference: binary operators, subscripts, calls, attribute
# chains, multi-line expressions, comprehensions, generators (ASCII only:
# non-ASCII lines need unicodedata, which adder lacks).
import sys
import traceback


def run(func):
    try:
        func()
    except Exception:
        traceback.print_exc(file=sys.stdout)


data = {"a": [1, 2, 3]}
run(lambda: data["a"][1] + data["b"])
run(lambda: 1 + 2 * (3 // 0))
run(lambda: "ab" * 2 + "cd" + 3)


def multi():
    return (
        1 +
        int("x")
    )


run(multi)


def comp():
    return [1 / x for x in range(-1, 2)]


run(comp)


def gen():
    yield from (int(v) for v in ["1", "y"])


run(lambda: list(gen()))


class Obj:
    @property
    def prop(self):
        return self.missing


run(lambda: Obj().prop.other)
run(lambda: max(1, key=3))
run(lambda: dict(a=1)["b"]["c"])
