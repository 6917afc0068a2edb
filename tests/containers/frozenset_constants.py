def check(x):
    return x in {"red", "green", "blue"}, x in {1, 2, 3}
print(check("red"), check(2), check(None))
for n in {30, 10, 20}:
    print(n)
for s in {"b", "a", "c"}:
    print(s)
print(frozenset({1, 2}) in {frozenset({1, 2}): 1})
