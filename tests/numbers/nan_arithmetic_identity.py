# A NaN produced by arithmetic, a float method, math, struct or a complex part is a
# new float object: containers compare items by identity first, so the same NaN
# object equals itself inside a list while two NaNs made separately do not.
import copy
import math
import pickle
import statistics
import struct

inf = float("inf")


def same_object_checks(label, make):
    x = make()
    y = make()
    print(label, [x] == [x], [x] == [y], x is x, x is y, x == x, x in [x], x in [y])
    print("  id", id(x) == id(x), id(x) == id(y), (x,) == (x,), {x: 1}.get(x), {x: 1}.get(y))
    print("  set", x in {x}, y in {x}, len({x, y}), len({x, x}), math.isnan(x))


same_object_checks("sub", lambda: inf - inf)
same_object_checks("add", lambda: inf + -inf)
same_object_checks("mul", lambda: inf * 0)
same_object_checks("mul_int", lambda: 0 * inf)
same_object_checks("div", lambda: inf / inf)
same_object_checks("mod", lambda: inf % 2.0)
same_object_checks("pow", lambda: float("nan") ** 2)
x0 = float("nan")
same_object_checks("neg", lambda: -x0)
same_object_checks("abs", lambda: abs(x0))
same_object_checks("round", lambda: round(x0, 2))
same_object_checks("fromhex", lambda: float.fromhex("nan"))
same_object_checks("fsum", lambda: math.fsum([1.0, x0]))
same_object_checks("sum", lambda: sum([inf, -inf]))
same_object_checks("fabs", lambda: math.fabs(x0))
same_object_checks("copysign", lambda: math.copysign(x0, -1.0))
same_object_checks("sqrt", lambda: math.sqrt(x0))
same_object_checks("degrees", lambda: math.degrees(x0))
same_object_checks("hypot", lambda: math.hypot(x0, 1.0))
same_object_checks("fmod", lambda: math.fmod(x0, 1.0))
same_object_checks("remainder", lambda: math.remainder(x0, 1.0))
same_object_checks("unpack", lambda: struct.unpack("d", struct.pack("d", x0))[0])
same_object_checks("unpack_f", lambda: struct.unpack("<f", struct.pack("<f", x0))[0])
same_object_checks("complex_real", lambda: complex(x0, 1.0).real)
same_object_checks("complex_imag", lambda: complex(1.0, x0).imag)
same_object_checks("complex_abs", lambda: abs(complex(x0, 1.0)))
same_object_checks("divmod", lambda: divmod(x0, 1.0)[0])
same_object_checks("memoryview", lambda: memoryview(struct.pack("d", x0)).cast("d")[0])

# One object: the module constant, and a name bound to one NaN.
print([math.nan] == [math.nan], math.nan is math.nan, math.nan is float("nan"))
print([float("nan")] == [float("nan")], [inf - inf] == [inf - inf])
x = inf - inf
print([x] == [x], x in [x], {x: 1}[x], x in {x}, [x, 1.0].index(x), [x, x].count(x))

# Methods that return the float itself keep its identity; new results do not.
print(x.real is x, x.conjugate() is x, +x is x, x.__float__() is x, float(x) is x)
print(-x is x, abs(x) is x, x.__round__(1) is x, x.imag)
print(math.fabs(x) is x, math.copysign(x, 1.0) is x, complex(x, 0).real is x)

# copy keeps floats as they are; pickle makes a new object (protocol 2: no framing).
print(copy.copy(x) is x, copy.deepcopy(x) is x, pickle.loads(pickle.dumps(x, 2)) is x)
lst = [x, x]
dup = copy.deepcopy(lst)
print(dup == lst, dup[0] is dup[1], dup[0] is x)
back = pickle.loads(pickle.dumps(lst, 2))
print(back == lst, back[0] is back[1], back == back)

# Ordering and statistics with NaN.
print(sorted([x, 1.0, 2.0]), sorted([1.0, x, 0.5]), min([x, 1.0]) is x, max([1.0, x]))
print(min(x, 1.0) is x, max(2.0, x), sorted([x])[0] is x)
print(math.isnan(statistics.mean([1.0, x])), math.isnan(statistics.fmean([x, 2.0])))
print(math.isnan(statistics.median([x])), statistics.median([x]) is x)

# Ordinary arithmetic results are unaffected.
a = 0.1 + 0.2
print(a, a * 3, 1.5 ** 2, 7.0 % 3, -a, abs(-a), [a] == [0.1 + 0.2], a is a)

# marshal writes a NaN object like any float, sharing a repeated one by reference.
import marshal
print(marshal.dumps(x), marshal.dumps([x, x]), marshal.dumps((inf - inf, 1.5)))
m = marshal.loads(marshal.dumps([x, x]))
print(m, m[0] is m[1], m == m, marshal.loads(marshal.dumps(x, 1)) is x)
