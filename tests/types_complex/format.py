# format() and f-strings with complex numbers: the mini-language and its errors.
values = [1+2j, -0.0-1j, 0j, 1e20+3j, complex("nan+infj"), 1234567.5-0.1j, 2j, -2j,
          complex(-1.25, 1e-10), complex(0.1, 0.2)]
specs = ["", ".3", "10", "<20", "^20", ">18", "+", " ", "-", "e", ".2e", "E", "f", ".2f",
         "F", "g", ".3g", "G", "n", "#", "#.0f", "#g", ",", "_", ",.2f", "z.1f", "*>20.3e",
         "x^24.4g", ".0", ".1", "+.3", "30,.2f", "^"]
for z in values:
    for spec in specs:
        print(repr(spec), format(z, spec))
for spec in ["010", "0>10", "=10", "d", "%", "r", "s", "x", "c", ".1%", "10,d", ".5s"]:
    try:
        print(format(1+2j, spec))
    except ValueError as e:
        print("ValueError", e)
z = 3.5-1j
print(f"{z}|{z:10}|{z!r}|{z:.1f}|{z!s:>12}")
print("{0} {0:g} {0.real} {0.imag}".format(z))
print("%s %r" % (z, z))
try:
    print("%f" % z)
except TypeError as e:
    print("TypeError", e)
try:
    print("%d" % z)
except TypeError as e:
    print("TypeError", e)
