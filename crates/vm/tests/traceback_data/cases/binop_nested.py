a, b, c, d = 1, 2, 3, 3
x = (a + b) / (c - d)
