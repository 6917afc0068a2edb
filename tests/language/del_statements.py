# del of names, attributes, items, slices; error messages
class Obj:
    pass
o = Obj()
o.a = 1
o.b = 2
del o.a
print(vars(o))
try:
    del o.a
except AttributeError as e:
    print("AttributeError:", e)
d = {"x": 1, "y": 2}
del d["x"]
print(d)
try:
    del d["nope"]
except KeyError as e:
    print("KeyError:", e)
lst = list(range(10))
del lst[0]
del lst[-1]
del lst[2:4]
del lst[::2]
print(lst)
try:
    del lst[100]
except IndexError as e:
    print("IndexError:", e)
t = (1, 2)
try:
    del t[0]
except TypeError as e:
    print("TypeError:", e)
x = 5
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
a, b = 1, 2
del a, b
class Cls:
    attr = 1
del Cls.attr
print(hasattr(Cls, "attr"))
try:
    del Cls.attr
except AttributeError as e:
    print("AttributeError:", e)
try:
    del int.real
except TypeError as e:
    print("TypeError:", e)
def f():
    y = 1
    del y
    return y
try:
    f()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
class Guard:
    def __delattr__(self, name):
        print("delattr hook", name)
    def __delitem__(self, key):
        print("delitem hook", key)
g = Guard()
del g.anything
del g[1:2]
del g["k"]
