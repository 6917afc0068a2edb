s = set()
for i in range(1000):
    s.add(i * 7919 % 1009)
print(len(s), min(s), max(s))
for i in range(0, 1000, 3):
    s.discard(i)
print(len(s), sorted(s)[:10])
print(list(s)[:20])
t = set(range(500))
u = set(range(250, 750))
print(len(t | u), len(t & u), len(t - u), len(t ^ u))
print(list(t & u)[:10], list(u - t)[:5])
strs = {str(i) for i in range(200)}
print(list(strs)[:15])
