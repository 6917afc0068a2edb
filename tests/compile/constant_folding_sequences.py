# Constant folding as CPython 3.14's flow graph does it: repetition with the count on
# either side, slices of constant sequences, powers with negative exponents, and the
# cases it leaves to run time (negative counts, results over the size limits).
import dis


def show(source):
    code = compile(source, "<fold>", "eval")
    ops = [dis.opname[op] for op in code.co_code[::2] if dis.opname[op] != "CACHE"]
    print(f"{source!r:32} {code.co_consts!r:.60} {ops[1:-1]}")


for source in [
    "'x' * 11", "11 * 'x'", "3 * b'ab'", "2 * (1, 2)", "(1, 2) * 0",
    "'ab' * -1", "'' * -3", "() * -2", "'a' * 5000", "4096 * 'a'", "(1,) * 300",
    "3 * ((1, 2, 3),)", "400 * ((1, 2, 3),)", "'a' * 5000 + 'b'",
    "'hello'[:4]", "'hello'[::-1]", "'hello'[-2:]", "'hello'[1:100:2]",
    "(1, 2, 3)[:2]", "b'abc'[-2:]", "'hello'[::0]", "'hello'[1.5:]", "'abc'[True:]",
    "2 ** -2", "2 ** -1000 * 1j", "2.0 ** 3", "2 ** 0.5", "0 ** -1", "10 ** -2",
    "0 << 1000", "1 << 1000", "'%s' % 'x'",
]:
    show(source)

# A lambda's first constant is the first one its body adds, or None when it adds none.
for f in [lambda d: g(**d), lambda d: g(*d), lambda: {"a": 1}, lambda: (1, 2), lambda: 5]:
    print(f.__code__.co_consts)
