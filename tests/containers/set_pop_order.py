s = set(range(10))
out = []
while s:
    out.append(s.pop())
print(out)
s = {5, 13, 21, 29}
print(s)
print(s.pop(), s)
s.add(37)
print(s)
s = set(range(20))
for i in range(0, 20, 2):
    s.discard(i)
print(s)
for i in range(0, 20, 4):
    s.add(i)
print(s)
print([s.pop() for _ in range(3)], s)
t = {"a", "b", "c"}
print(sorted([t.pop(), t.pop(), t.pop()]), t)
