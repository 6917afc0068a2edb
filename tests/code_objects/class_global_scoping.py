# A class body's `global x` hides x only from the class itself: functions nested in the
# class still see the enclosing function's binding (CPython's analyze_block passes the
# class's nested scopes the bindings from before the class body).
x = "global"


def f():
    x = 1

    class C:
        global x

        def g(self):
            return x

        y = x

    return C().g(), C.y


print(f())
print(f.__code__.co_cellvars, f.__code__.co_varnames)


def h():
    x = 2

    class D:
        global x
        x = "set by class"

        def g(self):
            return x

        class Inner:
            def k(self):
                return x

    return D().g(), D.Inner().k()


print(h(), x)
x = "global"


def nested():
    z = 3

    class E:
        nonlocal z
        z = 4

        def g(self):
            return z

    return E().g(), z


print(nested())


def lam():
    x = 5

    class F:
        global x
        get = staticmethod(lambda: x)

        def m(self):
            return [x for _ in range(2)]

    return F.get(), F().m()


print(lam())
for fn in (f, h, nested, lam):
    print(fn.__name__, fn.__code__.co_cellvars)
