# __exit__ receives the traceback object; descriptors as __enter__/__exit__
class CM:
    def __enter__(self):
        return "entered"
    def __exit__(self, t, v, tb):
        print(t, type(v).__name__, type(tb).__name__, tb.tb_lineno if tb else None)
        return True
with CM() as r:
    print(r)
    [][1]

class Static:
    @staticmethod
    def __enter__():
        print("static enter")
        return 1
    @classmethod
    def __exit__(cls, *args):
        print("classmethod exit", cls.__name__, args)
with Static() as v:
    print("v =", v)

def gen():
    with CM():
        yield 1
        yield 2
print(list(gen()))
