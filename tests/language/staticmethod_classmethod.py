# staticmethod and classmethod: binding from class and instance, inheritance, __func__
class Base:
    count = 0
    @staticmethod
    def add(a, b):
        return a + b
    @classmethod
    def create(cls, *args):
        cls.count += 1
        return cls, args
    @classmethod
    def name(cls):
        return cls.__name__
class Child(Base):
    pass
print(Base.add(1, 2), Base().add(3, 4), Child.add("a", "b"))
print(Base.create(1), Child.create(2, 3), Child().create())
print(Base.count, Child.count)
print(Base.name(), Child.name(), Child().name())
sm = Base.__dict__["add"]
cm = Base.__dict__["create"]
print(type(sm).__name__, type(cm).__name__)
print(sm.__func__.__name__, cm.__func__.__name__)
print(sm.__func__ is Base.add, Base.create.__func__ is cm.__func__)
print(Base.create.__self__ is Base, Child().create.__self__ is Child)
print(repr(staticmethod(len)), repr(classmethod(abs)))
bound = cm.__get__(None, Child)
print(bound())
print(sm.__get__(None, Base)(5, 6))
print(Base.add.__name__, Base.add.__qualname__, Base.create.__qualname__)
def plain(x):
    return x * 2
class Late:
    double = staticmethod(plain)
    which = classmethod(lambda cls: cls.__name__)
print(Late.double(4), Late().double(5), Late.which(), Late().which())
