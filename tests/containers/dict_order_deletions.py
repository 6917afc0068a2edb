d = {}
for i in range(10):
    d[i] = i * i
for i in range(0, 10, 3):
    del d[i]
print(d)
d[0] = "back"
d[3] = "again"
print(d, list(d))
d[5] = "replaced"
print(d)
d2 = dict.fromkeys("abcdef")
del d2["c"]
d2["c"] = 1
del d2["a"]
d2["z"] = 2
print(d2, list(d2.items())[:2])
big = {}
for i in range(100):
    big[str(i)] = i
for i in range(0, 100, 2):
    del big[str(i)]
for i in range(0, 10):
    big[str(i)] = -i
print(list(big)[:10], len(big))
print(big.popitem(), big.popitem())
