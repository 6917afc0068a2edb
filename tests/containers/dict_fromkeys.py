print(dict.fromkeys("abc"))
print(dict.fromkeys([1, 2, 1], 0))
print({}.fromkeys(range(3), []))
v = dict.fromkeys(["x", "y"], [])
v["x"].append(1)
print(v)
class D(dict):
    pass
r = D.fromkeys([1, 2])
print(type(r).__name__, r)
try:
    dict.fromkeys()
except TypeError as e:
    print("TypeError:", e)
try:
    dict.fromkeys(3)
except TypeError as e:
    print("TypeError:", e)
try:
    dict.fromkeys([[1]])
except TypeError as e:
    print("TypeError:", e)
