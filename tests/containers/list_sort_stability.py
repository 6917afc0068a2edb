records = [("b", 2), ("a", 2), ("c", 1), ("a", 1), ("b", 1), ("c", 2)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[0]))
print(sorted(records, key=lambda r: r[1], reverse=True))
print(sorted(records))
data = [(i % 5, i) for i in range(40)]
s = sorted(data, key=lambda p: p[0])
print(s)
print(sorted(data, key=lambda p: p[0], reverse=True)[:12])
words = "Banana apple Cherry apple banana cherry".split()
print(sorted(words, key=str.lower) if hasattr(str, "lower") else None)
print(sorted([3, 1, 2], reverse=True), sorted("zyx"), sorted({3: 0, 1: 0}))
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return "K(%d)" % self.v
print(sorted([K(3), K(1), K(2)]))
print(sorted([2.5, 1, True, -3]))
