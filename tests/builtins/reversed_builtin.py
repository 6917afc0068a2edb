print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed("abc")))
print(list(reversed(range(5))), list(reversed(range(1, 10, 3))), list(reversed(range(0))))
print(list(reversed(range(10, 0, -3))), list(reversed({"a": 1, "b": 2})))
class Seq:
    def __len__(self): return 3
    def __getitem__(self, i): return i * 10
print(list(reversed(Seq())))
class Rev:
    def __reversed__(self): return iter("zyx")
print(list(reversed(Rev())))
l = [1, 2, 3]
r = reversed(l)
print(type(r).__name__, type(reversed((1,))).__name__, type(reversed(range(2))).__name__)
print(next(r))
l.pop()
print(list(r))
for t in [lambda: reversed(), lambda: reversed(1), lambda: reversed({1}), lambda: reversed([], 1),
          lambda: reversed(x=1), lambda: reversed({}.keys()) and 1]:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
