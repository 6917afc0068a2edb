a = 1
b = 2
c = a + b - a * b / a // b % a ** b
d = a << b >> a & b | a ^ b @ c
e = -a, +a, ~a, not a
f = a < b, a <= b, a == b, a != b, a > b, a >= b
g = a is b, a is not b, a in b, a not in b
h = a < b < c
i = a and b
j = a or b and c
