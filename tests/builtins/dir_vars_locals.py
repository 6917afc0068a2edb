x = 1
print("x" in dir(), "print" in dir())
def f(a, b=2):
    c = a + b
    print(sorted(locals().items()))
    print(dir())
    print(vars() == locals())
f(1)
class C:
    y = 5
    def m(self):
        pass
    names = sorted(k for k in locals()) if False else sorted(locals())
print(C.names)
obj = C()
obj.z = 3
print(vars(obj), [n for n in dir(obj) if not n.startswith("_")])
print([n for n in dir(C) if not n.startswith("_")])
print([n for n in dir([]) if not n.startswith("_")])
print([n for n in dir({}) if not n.startswith("_")])
print([n for n in dir(set()) if not n.startswith("_")])
print([n for n in dir(frozenset()) if not n.startswith("_")])
print([n for n in dir(()) if not n.startswith("_")])
for t in [lambda: dir(1, 2), lambda: vars(1), lambda: vars(1, 2)]:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
