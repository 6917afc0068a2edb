# object.__reduce_ex__ takes its protocol as a C int: below 2 (negative too) goes
# through copyreg, 2 and up through __newobj__, other values raise.
class P:
    def __init__(self):
        self.a = 1

def show(label, f):
    try:
        r = f()
        print(label, r[0].__name__, r[1][0].__name__ if isinstance(r[1], tuple) and r[1] else r[1])
    except Exception as e:
        print(label, type(e).__name__, e)

p = P()
for proto in [0, 1, 2, 3, 5, -1, -5, True, 2**31 - 1, 2**31, -2**31 - 1, 2**70, -2**70, "2", 2.0, None]:
    show(repr(proto), lambda: object.__reduce_ex__(p, proto))
show("int -1", lambda: object.__reduce_ex__(1, -1))
show("int 2", lambda: object.__reduce_ex__(1, 2))
