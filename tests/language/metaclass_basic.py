# metaclasses: __new__, __init__, __call__, __prepare__, keyword forwarding
class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kwargs):
        print("prepare", name, [b.__name__ for b in bases], kwargs)
        ns = super().__prepare__(name, bases)
        ns["injected"] = 1
        return ns
    def __new__(mcs, name, bases, ns, **kwargs):
        print("new", mcs.__name__, name, sorted(k for k in ns if not k.startswith("__")), kwargs)
        cls = super().__new__(mcs, name, bases, ns)
        cls.tag = kwargs.get("tag", "none")
        return cls
    def __init__(cls, name, bases, ns, **kwargs):
        print("init", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *args, **kwargs):
        print("call", cls.__name__, args, kwargs)
        obj = super().__call__(*args, **kwargs)
        obj.made_by_meta = True
        return obj
    def describe(cls):
        return f"<{cls.__name__} tag={cls.tag}>"

class Widget(metaclass=Meta, tag="w"):
    def __init__(self, size=1):
        self.size = size
    def method(self):
        return 1

class Sub(Widget):
    pass

w = Widget(3, )
print(w.size, w.made_by_meta, w.injected)
s = Sub(size=7)
print(s.size, Sub.tag, type(Sub).__name__, Widget.describe(), Sub.describe())
print(type(Widget) is Meta, isinstance(Widget, type), isinstance(w, Widget))
X = Meta("X", (), {"a": 1}, tag="dyn")
print(X.a, X.tag, type(X).__name__)
Y = type("Y", (Widget,), {"b": 2})
print(type(Y).__name__, Y.b, Y.tag)

class Registry(type):
    classes = []
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        Registry.classes.append(name)
class R1(metaclass=Registry): pass
class R2(R1): pass
print(Registry.classes)

class M1(type): pass
class M2(type): pass
class P1(metaclass=M1): pass
class P2(metaclass=M2): pass
try:
    class Bad(P1, P2): pass
except TypeError as e:
    print(e)
def func_meta(name, bases, ns, **kw):
    print("func_meta", name, kw)
    return 42
class NotAClass(metaclass=func_meta, flavour="x"):
    pass
print(NotAClass)
