# subclasses of property, staticmethod and classmethod
class logged_property(property):
    def __get__(self, obj, objtype=None):
        if obj is not None:
            print("reading", self.fget.__name__)
        return super().__get__(obj, objtype)
class A:
    def __init__(self):
        self._v = 1
    @logged_property
    def v(self):
        return self._v
    @v.setter
    def v(self, value):
        self._v = value
a = A()
print(a.v)
a.v = 5
print(a.v, type(A.__dict__["v"]).__name__, isinstance(A.v, property))
class tagged_static(staticmethod):
    tag = "static"
class tagged_class(classmethod):
    tag = "class"
class B:
    @tagged_static
    def s(x):
        return x * 2
    @tagged_class
    def c(cls):
        return cls.__name__
print(B.s(4), B().s(5), B.c(), B().c())
print(type(B.__dict__["s"]).__name__, B.__dict__["s"].tag, B.__dict__["c"].tag)
