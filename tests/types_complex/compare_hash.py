# complex equality with int/float/complex, ordering errors, hash, bool, reprs.
print(1+0j == 1, 1 == 1+0j, 1j == 1, 0j == 0.0, 0j == False, (2+0j) == 2.0)
print(complex(2**53 + 1, 0) == 2**53 + 1, complex(2**53, 0) == 2**53)
print(1j != 1j, 1j != 2j, (1+2j) == (1+2j), complex("nan") == complex("nan"))
print(1j == "1j", 1j == None, 1j in [1j], 1j in {1j: 0})
for f in [lambda: 1j < 2j, lambda: 1j > 1, lambda: 1 <= 1j, lambda: 1j >= 1.0]:
    try:
        f()
    except TypeError as e:
        print(e)
print(hash(1+0j) == hash(1), hash(2.5+0j) == hash(2.5), hash(0j))
print(hash(1j), hash(1+1j), hash(-1j), hash(complex(-1, 0)), hash(3.5-2j))
print(hash(complex(float("inf"), 0)), hash(complex(0, float("-inf"))))
print(bool(0j), bool(1j), bool(complex(0, -0.0)), bool(complex(1, 0)), not 0j)
for z in [1j, -1j, 0j, complex(-0.0, 0), complex(0, -0.0), complex(-0.0, -0.0), 1+2j,
          complex(1e16, 1), complex(1e-7, 1e300), complex("inf+nanj"), complex(-1.5, 2.25),
          complex(123456789012345678, 0.1)]:
    print(repr(z), str(z), f"{z}", [z], (z,))
print(type(1j), complex, complex.__name__, type(1j).__mro__)
print({1j, 1j + 0, 2j}, sorted([3j, 1j, 2j], key=abs))
d = {1: "int", 1.0: "float", 1+0j: "complex"}
print(d)
print(1j.__class__, isinstance(1j, complex), issubclass(complex, object))
print(complex.__eq__(1j, 1j), (1j).__hash__() == hash(1j), (1j).__bool__(), (0j).__bool__())
print(complex.conjugate(1+2j), (1+2j).__complex__(), (1+2j).__getnewargs__())
