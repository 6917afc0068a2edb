f = lambda x: x.upper()
print(list(map(f, [1])))
