# global declarations rebind module-level names from inside functions.
counter = 0
log = []


def bump():
    global counter
    counter += 1
    log.append(counter)


for i in range(3):
    bump()
print(counter, log)


def define_new():
    global created
    created = "made inside a function"


define_new()
print(created)

value = "module"


def shadow():
    value = "local"
    return value


def read_global():
    return value


print(shadow(), read_global(), value)


def set_both(a, b):
    global x, y
    x = a
    y = b


set_both(1, 2)
print(x, y)


def nested():
    def inner():
        global counter
        counter = 1000
    inner()


nested()
print(counter)
