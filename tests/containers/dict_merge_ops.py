a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print(a | b, b | a)
c = a
c |= b
print(c, a is c)
c |= [("w", 0)]
print(c)
c |= {"x": -1}.items()
print(c)
try:
    a | [("k", 1)]
except TypeError as e:
    print("TypeError:", e)
try:
    a |= 5
except TypeError as e:
    print("TypeError:", e)
class D(dict):
    pass
r = D(p=1) | {"q": 2}
print(type(r).__name__, r)
