# complex(): numbers, strings, keywords, __complex__/__float__/__index__, errors.
def show(f):
    try:
        r = f()
        print(type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__, e)

show(lambda: complex())
show(lambda: complex(1))
show(lambda: complex(2.5))
show(lambda: complex(1, 2))
show(lambda: complex(1.5, -0.0))
show(lambda: complex(True, False))
show(lambda: complex(real=3))
show(lambda: complex(imag=4))
show(lambda: complex(real=1, imag=2))
show(lambda: complex(1+2j))
show(lambda: complex(2**1000))
show(lambda: complex(1, 2**1000))
for text in ["1+2j", " (3-4J) ", "j", "-j", "+1.5e3j", "inf-nanj", "1_0+2_0j", "1e500",
             "", "1 + 2j", "(1+2j", "1+2i", "abc", "\u0661+\u0662j", "   7   "]:
    show(lambda: complex(text))
show(lambda: complex("1", 2))
show(lambda: complex(1, "2"))
show(lambda: complex([]))
show(lambda: complex(1, []))
show(lambda: complex(None))
show(lambda: complex(1, 2, 3))
show(lambda: complex(foo=1))

class C:
    def __complex__(self):
        return 3+4j
class F:
    def __float__(self):
        return 2.5
class I:
    def __index__(self):
        return 7
class Bad:
    def __complex__(self):
        return 5
show(lambda: complex(C()))
show(lambda: complex(F()))
show(lambda: complex(I()))
show(lambda: complex(F(), I()))
show(lambda: complex(Bad()))

class MyComplex(complex):
    pass
m = MyComplex(1, 2)
print(type(m).__name__, m, m.real, m.imag, m == 1+2j)
print(type(complex(m)).__name__, type(+m).__name__, type(m + 1).__name__)
show(lambda: complex.from_number(5))
show(lambda: complex.from_number(2.5))
show(lambda: complex.from_number(1+1j))
show(lambda: complex.from_number("1"))
show(lambda: MyComplex.from_number(3))
