x = 1
y = x + 2 * 3
a, b = b, a
a, *rest = [1, 2, 3]
x += 1
x.y = 3
x.y += 4
z = x[1]
x[2] = z
x[1:2] = z
del x[0], z
print(x, y, sep="")
