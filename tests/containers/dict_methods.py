d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0))
print(d.setdefault("a", 9), d.setdefault("c", 3), d.setdefault("n"), d)
print(d.pop("n"), d.pop("zz", "default"), d)
print(d.popitem(), d)
d.update({"x": 1}, y=2)
d.update([("p", 0), ["q", 1]])
d.update(k=5)
print(d)
c = d.copy()
c["new"] = 1
print(len(d), len(c), c is d)
c.clear()
print(c, d)
class M:
    def keys(self):
        return ["m1", "m2"]
    def __getitem__(self, k):
        return k.upper()
d.update(M())
print(d)
print(dict(M()), dict([(1, 2), (3, 4)], z=0))
print(dict(zip("abc", range(3))))
