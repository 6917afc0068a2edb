s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print("RuntimeError:", e)
print(len(s))
s = {1, 2, 3}
try:
    for x in s:
        s.discard(x)
except RuntimeError as e:
    print("RuntimeError:", e)
s = {1, 2, 3}
for x in s:
    s.discard(x)
    s.add(x)
print(s)
it = iter({1, 2})
print(next(it), next(it), next(it, "done"))
