log = []
def src(n):
    out = []
    for i in range(n):
        out.append(i)
    return out
def f(x):
    log.append(("f", x))
    return x + 1
def p(x):
    log.append(("p", x))
    return x % 2 == 0
pipeline = filter(p, map(f, src(4)))
print(log)
print(next(pipeline), log)
print(list(pipeline), log)
z = zip(map(f, [1, 2]), enumerate("ab"))
print(list(z))
print(list(enumerate(zip("ab", reversed("ab")))))
print(list(map(len, filter(None, ["", "ab", "c"]))))
print(any(map(p, [1, 3])), all(map(p, [2, 4])), log[-2:])
