for n in [0, 5, -7, 2**80, True]:
    print(n.as_integer_ratio(), n.numerator, n.denominator, n.real, n.imag, n.conjugate(), n.is_integer())
print(type(True.real).__name__, type(True.numerator).__name__)
print((12).__trunc__(), (12).__floor__(), (12).__ceil__(), (12).__round__(), (1234).__round__(-2))
