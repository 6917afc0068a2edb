# The specialised int/float paths of BINARY_OP, COMPARE_OP and TO_BOOL must give the
# general path's answers at the edges: overflow into big ints, shifts, division by
# zero, mixed int/float, NaN comparisons fused with branches.
big = 2**62
print(big + big, big * 4, -big - big - big, (-2**63) - 1, 2**63 - 1 + 1)
print(7 // 2, -7 // 2, 7 // -2, 7 % 3, -7 % 3, 7 % -3, -7 % -3)
for a, b in [(1, 0), (1.0, 0.0), (0, 0)]:
    for op in ("//", "%", "/"):
        try:
            print(op, eval(f"a {op} b"))
        except ZeroDivisionError as e:
            print(op, "ZeroDivisionError", e)
print(1 << 0, 1 << 62, 1 << 63, 1 << 64, -1 << 63, 3 << 61, -3 << 62)
print(5 >> 0, 5 >> 63, 5 >> 64, 5 >> 200, -5 >> 1, -5 >> 64, -5 >> 1000)
try:
    print(1 << -1)
except ValueError as e:
    print("ValueError", e)
print(3 & 5, 3 | 5, 3 ^ 5, -1 & 0xFF, ~5)
print(1 + 2.5, 2.5 - 1, 3 * 0.5, 1 / 4, 2.0 ** 0.5, 7.5 // 2, 7.5 % 2, -7.5 % 2)
nan = float("nan")
for x in (nan, 1.0, 0.0, -0.0):
    print(x < 1.0, x <= 1.0, x == x, x != x, x > -1.0, x >= 0.0)
    if x == x:
        print("equal to itself")
    if not x:
        print("falsy", x)
    if x:
        print("truthy", x)
for v in (0, 1, -1, None, True, False, 0.0, "", "a", [], [0], (), {}, 2**70, 0j):
    if v:
        print("T", repr(v))
    else:
        print("F", repr(v))
    print(not v, bool(v))
i = 0
total = 0
while i < 10:
    if i & 1:
        total += i * i
    elif i % 3 == 0:
        total -= i
    i += 1
print(total)
print(True + True, True * 3, False - 1, 1 < True, 2 == 2.0, 3 != 3.0)
