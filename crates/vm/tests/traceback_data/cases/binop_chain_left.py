a, b, c = 1, "x", 2
total = a - b * c + a
