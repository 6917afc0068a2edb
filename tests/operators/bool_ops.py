# `and` / `or` return one of their operands; `not` returns a bool.
print(1 and 2)
print(0 and 2)
print(1 or 2)
print(0 or 2)
print(0 or 0.0)
print("" or "default")
print("value" or "default")
print(None or [])
print([] and "never")
print([1] and "then")
print(None and 1)
print(False or None)
print(True and False)
print(not 0, not 1, not "", not "x", not None, not [], not [0])
print(not not 5)
print(1 and 2 and 3)
print(1 and 0 and 3)
print(0 or "" or None)
print(0 or "" or "last")
print(1 or 2 and 0)
print((1 or 2) and 0)
print(not 1 == 2)
print(not 1 and 0)


def side(label, value):
    print("side", label)
    return value


print(side("a", 0) and side("b", 1))
print(side("a", 1) and side("b", 0))
print(side("a", 1) or side("b", 0))
print(side("a", 0) or side("b", 0) or side("c", 7))
x = 5
if x > 0 and x < 10:
    print("in range")
if not (x > 0 and x < 3):
    print("not small")
print(0.0 or -0.0, 0 or False, {} or {"k": 1})
