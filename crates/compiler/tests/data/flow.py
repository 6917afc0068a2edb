def f(a, b, c, xs):
    for n in xs:
        if a:
            x = 1
        elif b:
            if c:
                x = 2
        else:
            x = 3
        g(x)
def f(a):
    while a:
        if a:
            try:
                x = g()
            except E:
                x = 1
        else:
            x = 2
        h(x)
def k(a):
    if a:
        try:
            x = g()
        except E:
            x = 1
    else:
        x = 2
    h(x)
def f(self, item):
    try:
        wr = ref(item)
    except TypeError:
        return False
    return wr in self.data
def g(self, item):
    try:
        wr = ref(item)
    except TypeError:
        pass
    return wr in self.data
def h(item):
    try:
        wr = ref(item)
    finally:
        pass
    return wr
