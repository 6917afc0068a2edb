a, (b, c), *d = 1, (2, 3), 4, 5
x = y = z = 0
[e, f] = "ef"
t = (*a, *d)
l = [*a, 1]
s = {*a}
print(*l, **{"sep": ""})
def g(*args, **kwargs):
    return g(*args, 1, **kwargs, x=2)
i = 0
while i < 3:
    i += 1
else:
    pass
del a, b
