# int() and float() consult the class's __int__/__index__/__float__ before parsing
# text (a str subclass defining them converts through them), check what they return,
# and no longer use __trunc__ (3.14).
import warnings
warnings.simplefilter('always')

class S(str):
    def __int__(self): return 42
    def __index__(self): return 43
    def __float__(self): return 4.5
class SI(str):
    def __index__(self): return 5
class Trunc:
    def __trunc__(self): return 3
class BadInt:
    def __int__(self): return 'x'
class BadIndex:
    def __index__(self): return 2.0
class BoolInt:
    def __int__(self): return True
class BadFloat:
    def __float__(self): return 1
class FS(float):
    pass
class SubFloat:
    def __float__(self): return FS(2.5)
class Index:
    def __index__(self): return 7
class FloatInt(float):
    def __int__(self): return 9
class IntOverrides(int):
    def __int__(self): return 10
    def __float__(self): return 11.5

cases = [
    (int, S("7")), (float, S("7.5")), (int, SI("12")), (float, SI("x")),
    (int, Trunc()), (int, BadInt()), (int, BadIndex()), (int, BoolInt()),
    (float, BadFloat()), (float, SubFloat()), (float, Index()), (int, Index()),
    (int, FloatInt(2.5)), (int, IntOverrides(3)), (float, IntOverrides(3)),
    (float, FS(1.5)), (int, b'12'), (float, b'1.5'), (float, bytearray(b'2.5')),
    (float, memoryview(b'3.5')), (int, memoryview(b'12')), (int, 1 + 2j), (float, 1j),
    (int, b'x'), (float, b'x'), (float, bytearray(b'1e')), (int, True), (float, False),
]
for f, a in cases:
    try:
        r = f(a)
        print(f.__name__, type(a).__name__, repr(r), type(r).__name__)
    except Exception as e:
        print(f.__name__, type(a).__name__, type(e).__name__, e)
print(int(S("7"), 10), int('ff', 16), float(' 1_0.5 '))
class IntIndex(int):
    def __index__(self): return 99
class FloatIndex(float):
    def __index__(self): return 98
print(int(IntIndex(4)), float(IntIndex(4)), int(FloatIndex(2.5)), float(FloatIndex(2.5)))
