# Truth values of every type in the subset, seen through if/while/not.
values = [0, 1, -1, 0.0, 0.5, -0.0, "", "a", " ", [], [0], (), (0,), {}, {0: 0}, None, True, False, 10 ** 30]
for v in values:
    if v:
        print(v, "is true")
    else:
        print(v, "is false")
n = 3
while n:
    print("n =", n)
    n -= 1
s = "abc"
while s:
    print(s)
    s = s[1:]
print(not values)
print(not values[0])
