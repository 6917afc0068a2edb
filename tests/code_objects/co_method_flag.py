# CO_METHOD (0x08000000): set on functions, lambdas and generator expressions written
# directly in a class body; not on nested functions or generic methods' inner code.
CO_METHOD = 0x08000000


class C:
    g = (x for x in range(3))
    lam = lambda self: 1

    def f(self, a):
        def inner():
            pass
        return inner

    @staticmethod
    def s():
        pass

    class D:
        def m(self):
            pass

    def n[T](self):
        pass



def top():
    pass


for name, code in [('genexpr', C.g.gi_code), ('lambda', C.lam.__code__),
                   ('method', C.f.__code__), ('inner', C().f(1).__code__),
                   ('staticmethod', C.s.__code__), ('nested class', C.D.m.__code__),
                   ('generic method', C.n.__code__), ('function', top.__code__)]:
    print(name, bool(code.co_flags & CO_METHOD), hex(code.co_flags))
