# _random.Random: the Mersenne Twister as CPython seeds and reads it.
import _random

r = _random.Random(1)
print(r.random(), r.random(), r.getrandbits(5), r.getrandbits(70), r.getrandbits(32), r.getrandbits(0))
for seed in [0, 1, -1, 2**32, 2**32 - 1, 2**100 + 7, -5, 12345678901234567890]:
    r.seed(seed)
    print(seed, r.random(), r.getrandbits(64))
for seed in [3.5, -3.5, 0.0, (1, 2)]:
    r.seed(seed)
    print(seed, r.random())
r.seed(42)
print([r.getrandbits(k) for k in (1, 8, 31, 32, 33, 63, 64, 65, 128)])
s = r.getstate()
print(len(s), s[-1], s[:3])
a = [r.random() for _ in range(700)]
r.setstate(s)
print(a == [r.random() for _ in range(700)])
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
for bad in [(1,), [1] * 625, (1,) * 624 + (700,), (-1,) * 625, (2**64,) * 625]:
    show(lambda: r.setstate(bad))
show(lambda: r.getrandbits(-1))
show(lambda: _random.Random(1, 2))
show(lambda: _random.Random(x=1))
show(lambda: r.seed(1, 2))
class R(_random.Random):
    def __init__(self, a, b):
        self.seed(a + b)
        self.note = 'dict'
x = R(1, 2)
print(x.random(), x.note, isinstance(x, _random.Random))
r1, r2 = _random.Random(), _random.Random()
print(r1.random() != r2.random())
