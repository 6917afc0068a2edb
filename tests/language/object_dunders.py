# object's own methods reached explicitly or through super()
class Tracked:
    def __setattr__(self, name, value):
        print("set", name, value)
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)
    def __repr__(self):
        return "Tracked(" + super().__repr__().split(" object")[0].lstrip("<") + ")"
t = Tracked()
t.x = 1
t.y = 2
del t.x
print(vars(t), repr(t))
class Singleton:
    _instance = None
    def __new__(cls, *args):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance
    def __init__(self, tag):
        self.tag = tag
a = Singleton("a")
b = Singleton("b")
print(a is b, a.tag)
class Strict:
    pass
for call in (lambda: object.__new__(Strict, 1), lambda: Strict(1), lambda: object.__init__(Strict(), 1)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
class WithInit:
    def __init__(self, a):
        super().__init__()
        self.a = a
print(WithInit(3).a)
class BadSuperInit:
    def __init__(self, a):
        super().__init__(a)
try:
    BadSuperInit(1)
except TypeError as e:
    print("TypeError:", e)
print(object.__str__(t), Tracked.__init__ is object.__init__)
print(object.__getattribute__(t, "y"))
