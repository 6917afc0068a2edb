# Special methods reached through the protocols: len, bool, iter, getitem, call, hash.
class Bag:
    def __init__(self, *items):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, v):
        self.items[i] = v

    def __iter__(self):
        return iter(self.items)

    def __contains__(self, x):
        return x in self.items

    def __call__(self, extra):
        return len(self.items) + extra

    def __hash__(self):
        return 42


class Empty:
    def __bool__(self):
        return False


b = Bag(1, 2, 3)
print(len(b), b[0], b[-1], 2 in b, 9 in b, b(10), hash(b))
b[1] = 20
print(list(b), [x * 2 for x in b], bool(b), bool(Bag()), bool(Empty()))
print(not Empty(), "yes" if b else "no")
d = {b: "bag"}
print(d[b])


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


print(list(Countdown(4)))
for i in Countdown(2):
    print("tick", i)
