# super(): zero-argument and explicit forms, cooperative multiple inheritance
class A:
    def __init__(self, x):
        print("A.__init__", x)
        self.x = x
    def who(self):
        return "A"
    def chain(self):
        return ["A"]
class B(A):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
    def who(self):
        return "B>" + super().who()
    def chain(self):
        return ["B"] + super().chain()
class C(A):
    def chain(self):
        return ["C"] + super().chain()
class D(B, C):
    def __init__(self):
        super(D, self).__init__(1, 2)
    def chain(self):
        return ["D"] + super().chain()
d = D()
print(d.x, d.y, d.who(), d.chain())
print([k.__name__ for k in D.__mro__])
print(super(B, d).who(), super(C, d).chain())
s = super(B, d)
print(s, super(B))
print(s.__thisclass__.__name__, s.__self__ is d, s.__self_class__.__name__)

class Base:
    @classmethod
    def make(cls):
        return "Base.make for " + cls.__name__
    @staticmethod
    def util():
        return "util"
    @property
    def prop(self):
        return "Base.prop"
class Derived(Base):
    @classmethod
    def make(cls):
        return "Derived>" + super().make()
    @property
    def prop(self):
        return "Derived>" + super().prop
    def call_util(self):
        return super().util()
print(Derived.make(), Derived().prop, Derived().call_util())

class Inner:
    def method(self):
        def nested():
            return __class__.__name__
        return nested()
print(Inner().method())
