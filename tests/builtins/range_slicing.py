r = range(0, 20, 2)
print(r[2:5], r[::2], r[::-1], r[-3:], r[5:2], r[1:8:3])
print(list(r[2:5]), list(r[::-1]))
print(range(10)[::-3], list(range(10)[::-3]))
print(range(5, -5, -2)[1:], range(3)[10:])
print(range(100)[50:10:-7], list(range(100)[50:10:-7]))
try:
    r[::0]
except ValueError as e:
    print("ValueError:", e)
