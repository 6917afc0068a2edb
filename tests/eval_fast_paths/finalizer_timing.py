# __del__ runs inside the instruction that dropped the last reference, before the
# next instruction: checked for each instruction the eval loop runs inline.
import sys


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        caller = sys._getframe(1)
        print("del", self.name, "caller line", caller.f_lineno - FIRST)


FIRST = sys._getframe().f_lineno + 3


def store_fast():
    x = D("store_fast")
    x = 1
    y = 2
    print("after store_fast", x + y)


def pop_top():
    D("pop_top")
    n = 0
    print("after pop_top", n)


def store_subscr():
    items = [D("store_subscr"), 0]
    items[0] = 5
    k = items[1]
    print("after store_subscr", k)


def pop_jump_if_none():
    if D("pop_jump_if_none") is not None:
        m = 3
    print("after pop_jump_if_none", m)


def returns():
    local = D("return")
    return 7


def binary_subscr():
    pair = (D("binary_subscr"), 4)
    v = pair[1]
    pair = None
    w = v + 1
    print("after binary_subscr", w)


def loop_rebinds():
    for i in range(3):
        obj = D("loop " + str(i))
        j = i * 2
    print("after loop", j)


store_fast()
pop_top()
store_subscr()
pop_jump_if_none()
print("returned", returns())
binary_subscr()
loop_rebinds()


def deep(n):
    if n == 0:
        return D("deep")
    return deep(n - 1)


deep(50)
t = deep(3)
t = None
print("end")
