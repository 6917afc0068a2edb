# Containers compare by identity before equality: the same NaN object is found and
# equal to itself inside a container, two NaN objects are not.
import copy
import math

x = float('nan')
print([x] == [x], x in [x], (x,) == (x,), x in (x,))
print([float('nan')] == [float('nan')], float('nan') is float('nan'))
print({x: 1}[x], x in {x}, {x} == {x}, {'k': x} == {'k': x})
print([float('nan')].count(float('nan')), [x, 2.0].index(x), [x, x].count(x))
y = x
print(y is x, id(y) == id(x), [y] == [x], x == x, x != x)
l = [x]
print(l[0] is x, l == [x], l == [float('nan')])
def same(a):
    return a
print(same(x) is x, [same(x)] == [x])
print(type(x) is float, isinstance(x, float), repr(x), str(x), f"{x:.2f}", "%e" % x)
print(hash(x) == hash(x), math.isnan(x), x + 1, -x, abs(x), x < 1, x >= 1)
print(float(x) is x, copy.copy(x) is x, copy.deepcopy([x])[0] is x)
print(math.nan is math.nan, [math.nan] == [math.nan], math.nan in [math.nan])
print(sorted([x, 1.0]), max([x, 1.0]), sum([x, 1.0]), x.hex(), x.is_integer())
neg = float('-nan')
print(neg, math.copysign(1, neg), [neg] == [neg])
class F(float):
    pass
z = F('nan')
print(type(z).__name__, z, [z] == [z], [F('nan')] == [F('nan')])
import struct
print(struct.pack('<d', x))
try:
    int(x)
except ValueError as e:
    print(e)
