# Freeing nested containers: __del__ order at shallow depth matches CPython's
# deallocators; very deep chains of every container kind free without a crash.
class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


class S:
    __slots__ = ("a", "b", "__dict__")


def nested_order():
    inner = (A(3), [A(4), {"k": A(5), "v": A(6)}])
    outer = [A(1), inner, A(7), {A(8)}]
    s = S()
    s.a = A(9)
    s.b = outer
    s.extra = A(10)
    return s


x = nested_order()
x = None
print("after nested order")


def deep_list(n):
    x = []
    for _ in range(n):
        x = [x]
    return x


def deep_tuple(n):
    x = ()
    for _ in range(n):
        x = (x, 1)
    return x


def deep_dict(n):
    d = None
    for _ in range(n):
        d = {"next": d}
    return d


class Node:
    pass


def deep_objects(n):
    head = None
    for _ in range(n):
        node = Node()
        node.next = head
        head = node
    return head


class Slotted:
    __slots__ = ("next",)


def deep_slots(n):
    head = None
    for _ in range(n):
        node = Slotted()
        node.next = head
        head = node
    return head


def deep_functions(n):
    f = None
    for _ in range(n):
        def g(x=f):
            return x
        f = g
    return f


def deep_cells(n):
    f = None
    for _ in range(n):
        prev = f

        def g():
            return prev
        f = g
    return f


for build in (deep_list, deep_tuple, deep_dict, deep_objects, deep_slots, deep_functions, deep_cells):
    value = build(200_000)
    value = None
    print(build.__name__, "freed")

a = A("last")
chain = deep_list(100_000)
chain[0].append(a)
del a
chain = None
print("end")
