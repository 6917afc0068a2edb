values = [1, 0, 2]
total = sum(1 / v for v in values)
