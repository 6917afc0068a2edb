# property error messages (3.14 names the property)
class P:
    @property
    def ro(self):
        return 1
    nothing = property()
    def _g(self):
        return 2
    aliased = property(_g)
p = P()
def attempt(label, fn):
    try:
        fn()
    except AttributeError as e:
        print(label, "->", e)
attempt("set ro", lambda: setattr(p, "ro", 2))
attempt("del ro", lambda: delattr(p, "ro"))
attempt("get nothing", lambda: p.nothing)
attempt("set nothing", lambda: setattr(p, "nothing", 1))
attempt("del nothing", lambda: delattr(p, "nothing"))
attempt("set aliased", lambda: setattr(p, "aliased", 1))
print(P.ro.__name__, P.nothing.__name__, P.aliased.__name__)
class Q:
    @property
    def bad(self):
        return self.missing
try:
    Q().bad
except AttributeError as e:
    print("inner:", e)
p.ro = 5
