# Modulo by zero at module level, in an expression with no underline markers.
x = 10
y = 0
print("x =", x)
print("y =", y)
remainder = x % y
print(remainder)
