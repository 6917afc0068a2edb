# list.sort stopped by an exception: a failing key function leaves the list as it
# was, a failing comparison leaves the merges done so far; a list changed by the
# key function or a comparison makes the sort fail with ValueError.
import random

class Bad:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        if self.v == 3 or other.v == 3:
            raise ValueError("cmp")
        return self.v < other.v
    def __repr__(self):
        return f"B{self.v}"

data = [Bad(v) for v in [5, 1, 4, 3, 2, 0]]
try:
    data.sort()
except ValueError as e:
    print("compare:", e, data)
data = [Bad(v) for v in [5, 1, 4, 3, 2, 0]]
try:
    data.sort(reverse=True)
except ValueError as e:
    print("compare reversed:", e, data)

def key(x):
    if x == 4:
        raise KeyError(x)
    return -x

items = [5, 1, 4, 3, 2, 0]
try:
    items.sort(key=key)
except KeyError as e:
    print("key:", e, items)

items = [9, 8, 7, 6, 5, 4, 3, 2, 1]
def appending_key(x):
    items.append(x)
    return x
try:
    items.sort(key=appending_key)
except ValueError as e:
    print("modified:", e, items)

def seen_key(x):
    print("  during the sort the list is", items)
    return x
items = [3, 1, 2]
items.sort(key=seen_key)
print(items)

random.seed(1)
for size in (20, 70, 200):
    big = [Bad(v) for v in random.sample(range(1000), size) if v != 3] + [Bad(3)]
    random.shuffle(big)
    try:
        big.sort()
    except ValueError:
        print(size, [b.v for b in big])
