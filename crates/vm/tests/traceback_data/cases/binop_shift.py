n = -1
value = 1 << n
