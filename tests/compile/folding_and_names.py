# Compile-time details visible from Python: complex folding with signed zeros (C99
# mixed-mode rules), bool operands folded as ints, NaN constants never merged, big
# constant tuples iterated, `for y in [x]` in comprehensions, private names in
# imports inside a class, and where a failing assert's RAISE_VARARGS points.
def complex_consts():
    return 0 - 0j, 2.0 - 0j, -0.0 - 0j, (-0.0) + 0j, 1j * 2, 2 * 1j, 0j * -1.0


def bool_consts():
    return +False, -True, +True, True + True, False * 3, True & False, True | False, True ^ True, 3 - True


def nans():
    return 1e300 * 1e300 * 0, -1e300 * 1e300 * 0, 1e300 * 1e300 * 0


def big_tuple_loop():
    total = []
    for word in ('a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9',
                 'b0', 'b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7', 'b8', 'b9',
                 'c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9', 'd0'):
        total.append(word)
    return len(total)


print(complex_consts(), complex_consts.__code__.co_consts)
print(bool_consts(), bool_consts.__code__.co_consts)
values = nans()
print(values, len(nans.__code__.co_consts))
print(big_tuple_loop(), [c for c in big_tuple_loop.__code__.co_consts if isinstance(c, tuple)][0][-3:])

pairs = {i: j * j for i in range(4) for j in [i + 1]}
print(pairs, [y for x in range(3) for y in (x * 10,) if y], list(z for x in [1] for z in [x, x]))


class Importer:
    def load():
        import __future__ as __f
        from __phony_module import __name as __a
        import __phony.sub
        return __f, __a

print(Importer.load.__code__.co_names, Importer.load.__code__.co_varnames)
try:
    Importer.load()
except ImportError as e:
    print(type(e).__name__, e)


def check(x):
    assert (x is None
            or x > 0)


try:
    check(-1)
except AssertionError as e:
    tb = e.__traceback__.tb_next
    print("assert line", tb.tb_lineno - check.__code__.co_firstlineno)


def many_keywords(**kw):
    return len(kw)


print(many_keywords(a1=1, a2=2, a3=3, a4=4, a5=5, a6=6, a7=7, a8=8, a9=9, a10=10,
                    a11=11, a12=12, a13=13, a14=14, a15=15, a16=16))
