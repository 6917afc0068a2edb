# complex arithmetic, mixed with int and float, and its errors.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

a, b = 1+2j, 3-4j
for op in ["+", "-", "*", "/", "**"]:
    for x, y in [(a, b), (a, 2), (2, a), (a, 1.5), (1.5, a), (a, True), (-0.0, a),
                 (complex(-0.0, -0.0), 0.0), (0.0, complex(-0.0, -0.0))]:
        show(lambda: eval(f"x {op} y"))
show(lambda: a / 0)
show(lambda: a / 0j)
show(lambda: 1 / 0j)
show(lambda: 0j ** -1)
show(lambda: 0j ** 1j)
show(lambda: 0j ** 0)
show(lambda: (1e200+1e200j) ** 2)
show(lambda: (1+1j) ** 1000)
show(lambda: 2 ** 0.5j)
show(lambda: (-8) ** (1/3))
show(lambda: (-1.0) ** 0.5)
show(lambda: pow(a, 2, 3))
show(lambda: a // 2)
show(lambda: a % 2)
show(lambda: a < b)
show(lambda: a >= 1)
show(lambda: -a)
show(lambda: +a)
show(lambda: abs(3+4j))
show(lambda: abs(complex(1e308, 1e308)))
show(lambda: abs(complex(float("inf"), float("nan"))))
show(lambda: a + "x")
show(lambda: "x" + a)
show(lambda: a & 1)
show(lambda: ~a)
show(lambda: a + 2**2000)
x = 1j
x += 1
x *= 2
print(x)
print(1j * 1j, (1+0j) == 1, 1j.conjugate(), (2-3j).conjugate())
show(lambda: (1+2j).real)
show(lambda: (1+2j).imag)
show(lambda: a.__add__(1))
show(lambda: a.__radd__(1))
show(lambda: a.__truediv__(0))
show(lambda: a.__lt__(b))
show(lambda: a.__eq__("x"))
