# f-strings with format specs, nesting and conversions.
x, w, p = 3.14159, 10, 3
name = "ñandú"
print(f"{x:{w}.{p}f}|{x:<{w}}|{name!r:>12}|{name!a}|{name:*^11}|{42:#x}|{-7:+05d}|{1e6:,.1f}")
print(f"{'nested':{'>'}{w}}|{True}|{None!s:>5}|{[1, 2]!r:.3}|{255:08b}|{0.5:.0%}")
items = [("apple", 1.5, 3), ("kiwi", 0.25, 12)]
for n, price, qty in items:
    print(f"{n:<8}{price:>8.2f}{qty:>4d}{price * qty:>10.3f}")
try:
    f"{x:d}"
except ValueError as e:
    print("ValueError", e)
try:
    f"{'a':=5}"
except ValueError as e:
    print("ValueError", e)
