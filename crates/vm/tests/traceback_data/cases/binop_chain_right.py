a, b, c = 1, 2, "x"
total = a + b + c + a
