# Specialised subscripts: exact lists and tuples with int indexes (negative, out of
# range), list stores, subclasses with their own __getitem__/__setitem__, and the
# augmented assignment shape (COPY/SWAP around BINARY_OP and STORE_SUBSCR).
l = [10, 20, 30]
t = (1, 2, 3)
print(l[0], l[-1], l[-3], t[1], t[-2])
for seq in (l, t):
    for i in (3, -4, 2**70):
        try:
            print(seq[i])
        except IndexError as e:
            print("IndexError", e)
l[1] = 99
l[-1] += 5
print(l)
try:
    l[5] = 0
except IndexError as e:
    print("IndexError", e)
try:
    t[0] = 5
except TypeError as e:
    print("TypeError", e)


class Loud(list):
    def __getitem__(self, i):
        print("get", i)
        return list.__getitem__(self, i)

    def __setitem__(self, i, v):
        print("set", i, v)
        list.__setitem__(self, i, v)


q = Loud([1, 2, 3])
q[0] += 10
print(q[0], q)


class T(tuple):
    def __getitem__(self, i):
        return "T" + str(i)


print(T((1, 2))[0])
d = {1: "a"}
d[1] += "b"
print(d, "ab"[1], b"xy"[0], range(5)[-1])
m = [[0] * 3 for _ in range(3)]
for i in range(3):
    for j in range(3):
        m[i][j] += i * 3 + j
print(m)
cells = [0]
for k in range(5):
    cells[0] += k
print(cells, [1, 2][True], [1, 2][False])


class Killer:
    def __del__(self):
        print("del during store")


slots = [Killer()]
slots[0] = 1
print("after store", slots)
