# bytearray's mutating operations: item/slice assignment and deletion, methods, +=, *=.
def show(f):
    try:
        r = f()
        print(repr(r), repr(b))
    except Exception as e:
        print(type(e).__name__, e)

b = bytearray(b"abcdef")
b[0] = 65
b[-1] = 70
print(b)
b[1:3] = b"XYZ"
print(b)
b[::2] = b"1234"
print(b)
b[2:2] = [33, 34]
print(b)
b[5:] = bytearray(b"end")
print(b)
b[:1] = memoryview(b"mv")
print(b)
del b[0]
del b[-1]
print(b)
del b[::2]
print(b)
del b[1:3]
print(b)
show(lambda: b.__setitem__(0, 256))
show(lambda: b.__setitem__(0, "a"))
show(lambda: b.__setitem__(slice(0, 4, 2), b"xyz"))
show(lambda: b.__setitem__(slice(0, 1), 5))
show(lambda: b.__setitem__(slice(0, 1), "ab"))
show(lambda: b.__setitem__(99, 1))
show(lambda: b.__delitem__(99))
b = bytearray(b"abc")
show(lambda: b.append(100))
show(lambda: b.append(256))
show(lambda: b.append("x"))
show(lambda: b.extend(b"ef"))
show(lambda: b.extend([103, 104]))
show(lambda: b.extend(range(105, 107)))
show(lambda: b.extend(5))
show(lambda: b.extend("str"))
show(lambda: b.extend([1, "a"]))
show(lambda: b.insert(0, 48))
show(lambda: b.insert(-1, 49))
show(lambda: b.insert(100, 50))
show(lambda: b.insert(0, 300))
show(lambda: b.pop())
show(lambda: b.pop(0))
show(lambda: b.pop(-2))
show(lambda: b.pop(100))
show(lambda: bytearray().pop())
show(lambda: b.remove(99))
show(lambda: b.remove(200))
show(lambda: b.reverse())
c = b.copy()
show(lambda: c is b)
show(lambda: b.clear())
print(c)
c += b"++"
print(c)
c += bytearray(b"--")
print(c)
d = c
d *= 2
print(c, d is c)
try:
    c += "x"
except TypeError as e:
    print("TypeError", e)
c *= 0
print(c, len(c))
