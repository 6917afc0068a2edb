data = [1, 2, 3, 0, 4]
pos = [0]
def read():
    v = data[pos[0]]
    pos[0] += 1
    return v
print(list(iter(read, 0)))
it = iter(read, 99)
print(type(it).__name__, next(it))
count = [0]
def stopper():
    count[0] += 1
    if count[0] > 3:
        raise StopIteration
    return count[0]
print(list(iter(stopper, None)))
for t in [lambda: iter(), lambda: iter(1), lambda: iter(1, 2), lambda: iter([], 1), lambda: next(1),
          lambda: next(iter([]))]:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
class Old:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * i
print(list(Old()), list(iter(Old())), type(iter(Old())).__name__, 4 in Old())
