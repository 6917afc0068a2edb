# `C.__bases__ = ...` recomputes the MRO of C and its subclasses.
class A:
    x = 'A'
class B:
    x = 'B'
    y = 'only B'
class C(A): pass
class D(C): pass
print(D.x)
C.__bases__ = (B,)
print(C.__mro__)
print(D.__mro__)
print(D.x, D().y, A.__subclasses__(), B.__subclasses__())
for bad in [[B], (), (1,), (D,), (C,)]:
    try:
        C.__bases__ = bad
    except TypeError as e:
        print(type(e).__name__, e)
try:
    int.__bases__ = (object,)
except TypeError as e:
    print(e)
print(C.__bases__)
