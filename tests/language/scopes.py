# global and nonlocal edge cases
counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump(); bump()
print(counter)
def make():
    total = 0
    def add(n):
        nonlocal total
        total += n
        return total
    def get():
        return total
    return add, get
add, get = make()
add(3); add(4)
print(get())
def outer():
    x = "outer"
    def middle():
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
        return x
    return middle(), x
print(outer())
def creates_global():
    global fresh
    fresh = "created"
creates_global()
print(fresh)
def shadow():
    counter = "local"
    def g():
        global counter
        return counter
    return g(), counter
print(shadow())
class Scope:
    value = "class"
    def method(self):
        return value
value = "module"
print(Scope().method())
def comprehension_scope():
    n = 10
    return [n * i for i in range(3)]
print(comprehension_scope())
def deleted_nonlocal():
    v = 1
    def kill():
        nonlocal v
        del v
    kill()
    def read():
        return v
    try:
        read()
    except NameError as e:
        print(type(e).__name__, e)
deleted_nonlocal()
def unbound():
    print(later)
    later = 1
try:
    unbound()
except UnboundLocalError as e:
    print(e)
