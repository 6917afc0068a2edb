a = 0
print("x", sep=1 / a)
