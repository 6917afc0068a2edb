# SyntaxWarnings a module's own source triggers: printed once, at compile time,
# before the program runs (tokenizer, then the PEP 765 pass, then codegen).
print("running")
path = "\d"
data = b"\q"
octal = "\400"
fine = "\é\N{BULLET}\x41\u00e9" r"\d" + str(rb"\q")
print(path, data, octal, fine)
x = 1
if x is 1:
    print("is int")
if x is not "a":
    print("is not str")
v = 1if x else 2
w = [0x1for y in []]
u = 1.5jif x else 0
print(v, w, u)


def swallow():
    for i in range(3):
        try:
            pass
        finally:
            continue
    try:
        return 1
    finally:
        return 2


print(swallow())


def checks():
    assert (x, "always true")
    try:
        (1, 2)(3)
    except TypeError as e:
        print(e)
    try:
        "abc"["b"]
    except TypeError as e:
        print(e)
    try:
        None[0]
    except TypeError as e:
        print(e)


checks()
