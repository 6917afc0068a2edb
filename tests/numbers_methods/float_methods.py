for x in [0.5, -1.25, 3.0, 0.1, 1e300, -0.0]:
    print(x, x.as_integer_ratio(), x.is_integer(), x.hex())
print(float.fromhex("0x1.8p1"), float.fromhex("-0x1p-2"), float.fromhex("inf"), float.fromhex("0x0p0"))
print((2.5).real, (2.5).imag, (2.5).conjugate())
print((2.7).__trunc__(), (-2.7).__trunc__(), (2.2).__floor__(), (-2.2).__floor__(), (2.2).__ceil__(), (-2.2).__ceil__())
print((2.5).__round__(), (3.5).__round__(), (2.675).__round__(2))
for f in [lambda: float("nan").as_integer_ratio(), lambda: float("inf").as_integer_ratio(),
          lambda: float.fromhex("xyz"), lambda: float("inf").__floor__(), lambda: float("nan").__trunc__()]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(float("inf").is_integer(), float("nan").is_integer())
