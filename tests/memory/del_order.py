# __del__ runs when the last reference goes, in CPython's order: list and tuple
# items from the last to the first, dict entries and attributes in insertion order.
class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


a = A(0)
del a
print("after del")
items = [A(1), A(2), A(3)]
del items
print("after list")
t = (A(4), A(5))
del t
print("after tuple")
d = {"x": A(6), "y": A(7)}
del d
print("after dict")
o = A(8)
o.first = A(9)
o.second = A(10)
del o
print("after object")
nested = [[A(11), A(12)], [A(13), A(14)]]
nested = None
print("after nested")


def scope():
    local = A(15)
    print("in scope", local.n)


scope()
print("after scope")
x = A(16)
x = A(17)
print("after rebinding")
x = None
print("end")
